import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { git, gitEnv, gitReason, GitTimeout } from './git.js';
import { BlobReader } from './git-revision.js';
import { failure } from '../../test/helpers/errors.js';
import { git as testGit, makeTempDir, makeTempRepo, removeTempDirs } from '../../test/helpers/temp-repo.js';

afterAll(removeTempDirs);
afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).GIT_CONFIG_PARAMETERS;
});

const HOSTILE = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/someone',
  XDG_CONFIG_HOME: '/home/someone/.config',
  SSH_AUTH_SOCK: '/run/agent',
  LANG: 'sv_SE.UTF-8',
  LC_ALL: 'sv_SE.UTF-8',
  GIT_AUTHOR_NAME: 'Anna',
  GIT_CONFIG_PARAMETERS: "'core.hooksPath=/tmp/evil'",
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'core.fsmonitor',
  GIT_CONFIG_VALUE_0: 'touch /tmp/x',
  GIT_CONFIG_GLOBAL: '/tmp/evil.gitconfig',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_DIR: '/elsewhere/.git',
  GIT_WORK_TREE: '/elsewhere',
  GIT_INDEX_FILE: '/elsewhere/index',
  GIT_EXEC_PATH: '/tmp/evil-bin',
  GIT_SSH_COMMAND: 'touch /tmp/x',
  GIT_TERMINAL_PROMPT: '1',
  NODE_OPTIONS: '--require /tmp/evil.js',
  LD_PRELOAD: '/tmp/evil.so',
  IDEAS_FAULT: 'import:link',
};

describe('gitEnv', () => {
  it('passes what git needs, drops every other variable (GIT_* above all), and fixes the prompt and locale', () => {
    const env = gitEnv(HOSTILE);
    expect(Object.getPrototypeOf(env)).toBeNull();
    expect({ ...env }).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/home/someone',
      XDG_CONFIG_HOME: '/home/someone/.config',
      SSH_AUTH_SOCK: '/run/agent',
      GIT_AUTHOR_NAME: 'Anna',
      GIT_TERMINAL_PROMPT: '0',
      LC_ALL: 'C',
    });
  });

  it("passes the network's proxy and certificate authority, which a region's https fetch goes through", () => {
    const env = gitEnv({
      PATH: '/usr/bin',
      https_proxy: 'http://proxy.kommun.example:8080',
      no_proxy: 'git.kommun.example',
      SSL_CERT_FILE: '/etc/ssl/kommun-ca.pem',
      GIT_SSL_NO_VERIFY: '1',
      GIT_PROXY_COMMAND: 'touch /tmp/x',
    });
    expect({ ...env }).toEqual({
      PATH: '/usr/bin',
      https_proxy: 'http://proxy.kommun.example:8080',
      no_proxy: 'git.kommun.example',
      SSL_CERT_FILE: '/etc/ssl/kommun-ca.pem',
      GIT_TERMINAL_PROMPT: '0',
      LC_ALL: 'C',
    });
  });

  it('takes nothing from a polluted Object.prototype, which child_process would copy into the environment', () => {
    (Object.prototype as Record<string, unknown>).GIT_CONFIG_PARAMETERS = "'core.hooksPath=/tmp/evil'";
    const env = gitEnv({ PATH: process.env.PATH });
    const keys: string[] = [];
    // child_process lists the environment with for…in, inherited keys included.
    for (const key in env) keys.push(key);
    expect(keys.sort()).toEqual(['GIT_TERMINAL_PROMPT', 'LC_ALL', 'PATH']);
  });

  it('git and the blob reader run in it: an inherited GIT_DIR or config reaches neither', async () => {
    const repo = makeTempRepo();
    const elsewhere = makeTempRepo();
    fs.writeFileSync(path.join(repo, 'a.txt'), 'here\n');
    testGit(['add', 'a.txt'], repo);
    testGit(['commit', '-q', '-m', 'a'], repo);
    const names = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CONFIG_PARAMETERS'] as const;
    const saved = names.map((n) => process.env[n]);
    const hooks = makeTempDir();
    const marker = path.join(hooks, 'ran');
    try {
      process.env.GIT_DIR = path.join(elsewhere, '.git');
      process.env.GIT_WORK_TREE = elsewhere;
      process.env.GIT_CONFIG_PARAMETERS = `'core.fsmonitor=touch ${marker}' 'core.hooksPath=${hooks}'`;
      (Object.prototype as Record<string, unknown>).GIT_CONFIG_PARAMETERS = `'core.fsmonitor=touch ${marker}'`;
      const top = await git(['rev-parse', '--show-toplevel'], repo);
      expect(top.stdout.trim()).toBe(repo);
      fs.writeFileSync(path.join(repo, 'b.txt'), 'b\n');
      await git(['add', 'b.txt'], repo);
      const reader = new BlobReader(repo);
      expect((await reader.read('HEAD:a.txt'))?.toString()).toBe('here\n');
      reader.close();
    } finally {
      // Before the test's own git runs below, which would take the polluted key into its environment.
      delete (Object.prototype as Record<string, unknown>).GIT_CONFIG_PARAMETERS;
      names.forEach((n, i) => {
        if (saved[i] === undefined) delete process.env[n];
        else process.env[n] = saved[i];
      });
    }
    expect(testGit(['diff', '--cached', '--name-only'], repo)).toBe('b.txt\n');
    expect(testGit(['status', '--porcelain'], elsewhere)).toBe('');
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe('git with a time limit', () => {
  it('stops git and every program it started, and fails with GitTimeout rather than waiting for them', async () => {
    const dir = makeTempRepo();
    const pidFile = path.join(dir, 'child.pid');
    // An alias that runs a program as git's child, holding git's output open: as git-remote-https or ssh does.
    const hang = `!f() { echo $$ > '${pidFile}'; exec sleep 600; }; f`;
    await expect(git(['-c', `alias.hang=${hang}`, 'hang'], dir, { timeoutMs: 500 })).rejects.toBeInstanceOf(GitTimeout);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    // SIGKILL is sent to the whole group when the limit is reached; on a loaded machine the kernel may take a moment
    // to end a process it was sent to. A program the kill missed would still sleep its 600 s.
    for (let waited = 0; alive() && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toBe(false);
  });

  it('gives the result of a git that ends in time, and its error when it fails', async () => {
    const dir = makeTempRepo();
    expect((await git(['rev-parse', '--is-inside-work-tree'], dir, { timeoutMs: 30_000 })).stdout).toBe('true\n');
    expect(await failure(git(['rev-parse', '--verify', 'nothing'], dir, { timeoutMs: 30_000 }))).toMatchObject({
      code: 'GIT',
    });
  });
});

describe("git's message in an error", () => {
  it('keeps the lines that carry a fatal: or error: on, up to a blank line: a refused connection says so', () => {
    const refused = 'fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused\n\n';
    expect(gitReason(refused, 'Command failed')).toBe(
      'fatal: unable to connect to 127.0.0.1: 127.0.0.1[0: 127.0.0.1]: errno=Connection refused',
    );
    const missing =
      "fatal: '/srv/x' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\n" +
      'Please make sure you have the correct access rights\nand the repository exists.\n';
    expect(gitReason(missing, '')).toBe(
      "fatal: '/srv/x' does not appear to be a git repository fatal: Could not read from remote repository.",
    );
    // Hints and warnings are git's advice, not its message; progress before the message is not it either.
    expect(
      gitReason('Cloning...\rReceiving 10%\nwarning: w\nerror: e1\nhint: do this\nhint: or that\nerror: e2\n', ''),
    ).toBe('error: e1 error: e2');
  });

  it('takes the first line when git wrote no fatal: or error:, and the fallback when it wrote nothing', () => {
    expect(gitReason('usage: git fetch\n   or: more\n', 'x')).toBe('usage: git fetch');
    expect(gitReason('  \n', 'spawn git ENOENT\nmore')).toBe('spawn git ENOENT');
  });

  it('quotes at most three lines and 300 characters, controls visible, credentials out', () => {
    const many = ['fatal: one', 'two', 'three', 'four'].join('\n');
    expect(gitReason(many, '')).toBe('fatal: one two three');
    const long = gitReason(`fatal: ${'x'.repeat(400)}`, '');
    expect(long).toHaveLength(300);
    expect(long.endsWith('x…')).toBe(true);
    expect(gitReason('fatal: bad \u001b]52;c;Zm9v\u0007 name\ttab \u202e', '')).toBe(
      'fatal: bad \u241b]52;c;Zm9v\u2407 name tab <U+202E>',
    );
    expect(
      gitReason(
        "fatal: unable to access 'https://anna:hemligt@git.example.org/r.git/': 403\nfatal: ssh bo:pw@host",
        '',
      ),
    ).toBe("fatal: unable to access 'https://git.example.org/r.git/': 403 fatal: ssh host");
  });

  it("says git's whole answer of a fetch from a closed port, with or without a time limit", async () => {
    const dir = makeTempRepo();
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    for (const opts of [{}, { timeoutMs: 30_000 }]) {
      const e = await failure(git(['fetch', '-q', `git://127.0.0.1:${port}/r`, 'HEAD'], dir, opts));
      expect(e.code).toBe('GIT');
      expect(e.text.en).toMatch(/^git failed: fatal: unable to connect to 127\.0\.0\.1:.*Connection refused$/);
    }
  });
});
