/**
 * Members over https, http and ssh that hang meet the same fetch time limit (`--timeout`) as the `git daemon` one in
 * region-limits.test.ts: each ends as a finding naming the member, and the region keeps its last good state. No
 * network: the web remote is a loopback node:http server that takes every connection and never answers (for https,
 * not even the TLS handshake); ssh is a program named `ssh` first on PATH that sleeps (git runs `ssh` from PATH; the
 * product passes no GIT_SSH_COMMAND to git, by design: src/io/git.ts). Servers start and stop in the test.
 */
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, cliEnv, describeRun, ideasAsync, parseJson } from '../helpers/cli.js';
import { addIdea, memberRegistry, mustRunIn, writeRegionFile } from '../helpers/region.js';
import { commitAll, makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

interface SyncDoc {
  members: { id: string; status: string; ideas: number | null }[];
  findings: { rule: string; severity: string; message: string; hint: string | null; line: number | null }[];
}

const HANGING = ['web', 'tls', 'ssh', 'scp'] as const;

/** Whether a process runs: gone, or a zombie no one reaped yet (a container's first process may not), is not. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe('region sync against https, http and ssh members that hang', () => {
  let region: string;
  let server: http.Server;
  const sockets: net.Socket[] = [];
  const requests: string[] = [];
  let port = 0;
  let shims: string;
  const urls: Record<string, string> = {};
  const paths: Record<string, string> = {};

  beforeAll(async () => {
    // Accepts, and never answers: an HTTP request is held open; bytes that are no HTTP (a TLS handshake) too.
    server = http.createServer((req) => requests.push(req.url ?? ''));
    server.on('connection', (s) => {
      sockets.push(s);
      s.on('error', () => undefined);
    });
    server.on('clientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
    shims = makeTempDir();
    fs.writeFileSync(
      path.join(shims, 'ssh'),
      `#!/bin/sh\necho $$ >> '${path.join(shims, 'ssh-pids')}'\nexec sleep 600\n`,
    );
    fs.chmodSync(path.join(shims, 'ssh'), 0o755);
    urls.web = `http://127.0.0.1:${port}/web.git`;
    urls.tls = `https://127.0.0.1:${port}/tls.git`;
    urls.ssh = `ssh://git@hang.invalid/ssh.git`;
    urls.scp = `git@hang.invalid:scp.git`;
    region = makeTempRepo();
    for (const id of ['good', ...HANGING]) {
      const dir = memberRegistry(id);
      addIdea(dir, `An idea of ${id}`);
      commitAll(dir, 'ideas');
      paths[id] = dir;
    }
    // First every member from its folder: the last good state each keeps when it hangs.
    writeRegionFile(
      region,
      ['good', ...HANGING].map((id) => ({ id, name: id.toUpperCase(), url: paths[id] as string })),
    );
    mustRunIn(region, ['region', 'sync']);
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up on each after --timeout seconds, names it, and keeps its last good state', async () => {
    const state = (id: string) => path.join(region, '.git', 'ideas-region', 'state', `${id}.json`);
    const before = Object.fromEntries(HANGING.map((id) => [id, fs.readFileSync(state(id), 'utf8')]));
    writeRegionFile(region, [
      { id: 'good', name: 'GOOD', url: paths.good as string },
      ...HANGING.map((id) => ({ id, name: id.toUpperCase(), url: urls[id] as string })),
    ]);
    const r = await ideasAsync(['--lang', 'en', 'region', 'sync', '--timeout', '1', '--jobs', '5', '--json'], {
      cwd: region,
      env: { PATH: `${shims}${path.delimiter}${process.env.PATH ?? ''}` },
      // Far beyond the 1 s limit: a sync that does not stop is killed here, and the test fails on its exit code.
      timeoutMs: 30_000,
    });
    expect(r.code, describeRun(r)).toBe(1);
    const doc = parseJson<SyncDoc>(r);
    expect(doc.members.map((m) => [m.id, m.status, m.ideas])).toEqual([
      ['good', 'unchanged', 1],
      ...HANGING.map((id) => [id, 'failed', 1]),
    ]);
    for (const id of HANGING) {
      const found = doc.findings.filter((f) => f.message.startsWith(`Member ${id} `));
      expect(found, id).toEqual([
        expect.objectContaining({
          rule: 'region/fetch',
          severity: 'error',
          message: `Member ${id} did not answer within 1 s (change the limit with --timeout).`,
          hint: expect.stringContaining("The region keeps the member's last good data, from"),
        }),
      ]);
      // Its last good state, whole and unchanged; the views show its idea.
      expect(fs.readFileSync(state(id), 'utf8'), id).toBe(before[id]);
    }
    const list = mustRunIn(region, ['region', 'list']).stdout;
    for (const id of HANGING) expect(list).toContain(`An idea of ${id}`);
    // Each hang was real: git asked the web server over http, opened a TLS connection to it, and ran ssh twice.
    expect(requests.some((u) => u.startsWith('/web.git/info/refs'))).toBe(true);
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    const pids = fs.readFileSync(path.join(shims, 'ssh-pids'), 'utf8').trim().split('\n').map(Number);
    expect(pids).toHaveLength(2);
    // Stopped with its process group: no ssh is left sleeping, nor the sync's lock.
    for (const pid of pids) expect(running(pid), String(pid)).toBe(false);
    expect(fs.existsSync(path.join(region, '.git', 'ideas-region', 'sync.lock'))).toBe(false);
  }, 60_000);

  // Found from outside: git runs in a process group of its own (so that a time limit stops it whole), and so was
  // not sent the Ctrl-C that stopped the sync: its fetches kept running, holding their lock files.
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'stops its fetches when it is stopped by %s',
    async (signal) => {
      const pidFile = path.join(shims, 'ssh-pids');
      fs.rmSync(pidFile, { force: true });
      writeRegionFile(region, [{ id: 'ssh', name: 'SSH', url: urls.ssh as string }]);
      const child = spawn(process.execPath, [BIN, 'region', 'sync', '--timeout', '60'], {
        cwd: region,
        env: cliEnv({ PATH: `${shims}${path.delimiter}${process.env.PATH ?? ''}` }),
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
      // Until git has started ssh, which writes its pid and sleeps.
      // The file is there once the shell opens it, its pid a moment later: read as 0, it named this whole group.
      const written = () => (fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) : 0);
      for (let i = 0; i < 200 && !(written() > 0); i++) await new Promise((r) => setTimeout(r, 50));
      const pid = written();
      expect(pid).toBeGreaterThan(0);
      expect(running(pid)).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(signal);
      for (let i = 0; i < 100 && running(pid); i++) await new Promise((r) => setTimeout(r, 50));
      expect(running(pid)).toBe(false);
    },
    60_000,
  );

  // Found from outside: a fetch stopped at its time limit (SIGKILL) left git's shallow.lock in the member's
  // repository, and every later sync of the member failed on it ("File exists") until it was removed by hand.
  it('syncs a member again after a fetch stopped hard left its lock files behind', async () => {
    writeRegionFile(
      region,
      ['good', ...HANGING].map((id) => ({ id, name: id.toUpperCase(), url: paths[id] as string })),
    );
    const repo = path.join(region, '.git', 'ideas-region', 'repos', 'good.git');
    expect(fs.existsSync(path.join(repo, 'HEAD'))).toBe(true);
    for (const lock of ['shallow.lock', 'FETCH_HEAD.lock', 'refs/ideas-region/head.lock'])
      fs.writeFileSync(path.join(repo, lock), '');
    addIdea(paths.good as string, 'A second idea of good');
    commitAll(paths.good as string, 'more');
    const r = await ideasAsync(['--lang', 'en', 'region', 'sync', '--member', 'good', '--json'], { cwd: region });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson<SyncDoc>(r).members.map((m) => [m.id, m.status, m.ideas])).toEqual([['good', 'updated', 2]]);
    // Found from outside: through a folder of the repository made a link to one elsewhere, the lock's removal took a
    // file outside the region's cache. Only a regular file in the repository's own folders is removed.
    const outside = makeTempDir();
    fs.writeFileSync(path.join(outside, 'head.lock'), 'not the region’s');
    fs.rmSync(path.join(repo, 'refs', 'ideas-region'), { recursive: true, force: true });
    fs.symlinkSync(outside, path.join(repo, 'refs', 'ideas-region'));
    await ideasAsync(['--lang', 'en', 'region', 'sync', '--member', 'good', '--json'], { cwd: region });
    expect(fs.readFileSync(path.join(outside, 'head.lock'), 'utf8')).toBe('not the region’s');
  }, 60_000);
});
