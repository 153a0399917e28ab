/**
 * A region against members that misbehave, end to end: an idea file too large to read (a finding, never a memory
 * blow-up), a config too large, a remote that never answers (a finding after --timeout seconds, the other members
 * synced), and two syncs of one region at once (the second refused, naming the first; a dead one's lock taken over).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideasAsync, parseJson } from '../helpers/cli.js';
import { addIdea, memberRegistry, mustRunIn, runIn, writeRegionFile } from '../helpers/region.js';
import { commitAll, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

interface SyncDoc {
  members: { id: string; status: string; ideas: number | null }[];
  findings: { rule: string; severity: string; message: string }[];
}

describe('region sync against members that misbehave', () => {
  let region: string;
  let good: string;
  let big: string;
  let hugeConfig: string;
  let server: net.Server;
  const sockets: net.Socket[] = [];
  let port = 0;

  beforeAll(async () => {
    good = memberRegistry('good');
    addIdea(good, 'An idea');
    commitAll(good, 'ideas');
    big = memberRegistry('big');
    addIdea(big, 'A small idea');
    // An idea file of 6 MB: more than an idea may hold (5 MB). Compressed by git, it costs the test little.
    fs.writeFileSync(
      path.join(big, 'ideas', '01-idea', 'big-aaaaaa-huge.md'),
      `---\nid: big-aaaaaa\ntitle: Huge\ncreated: 2026-01-01\n---\n${'x'.repeat(6_000_000)}\n`,
    );
    // A link, and a name that is not UTF-8: files no command of the member reads, named rather than left out.
    fs.symlinkSync('/etc/passwd', path.join(big, 'ideas', '01-idea', 'big-bbbbbb-link.md'));
    fs.writeFileSync(
      Buffer.concat([
        Buffer.from(path.join(big, 'ideas', '01-idea', 'big-cccccc-')),
        Buffer.from([0xff]),
        Buffer.from('.md'),
      ]),
      '---\nid: big-cccccc\ntitle: Hidden behind its name\ncreated: 2026-01-01\n---\n',
    );
    commitAll(big, 'a huge idea');
    hugeConfig = memberRegistry('hcfg');
    fs.appendFileSync(path.join(hugeConfig, 'ideas.config.yaml'), `# ${'x'.repeat(6_000_000)}\n`);
    commitAll(hugeConfig, 'a huge config');
    // A git daemon that takes the connection and never answers: git waits for its refs for ever.
    server = net.createServer((s) => {
      sockets.push(s);
      s.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
    region = makeTempRepo();
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('leaves out an idea file too large to read, and refuses a config too large, as findings', () => {
    writeRegionFile(region, [
      { id: 'good', name: 'Good', url: good },
      { id: 'big', name: 'Big', url: big },
      { id: 'hcfg', name: 'Huge config', url: `file://${hugeConfig}` },
    ]);
    const r = runIn(region, ['region', 'sync', '--json']);
    expect(r.code, describeRun(r)).toBe(1);
    const doc = parseJson<SyncDoc>(r);
    expect(doc.members.map((m) => [m.id, m.status, m.ideas])).toEqual([
      ['good', 'updated', 1],
      ['big', 'updated', 1],
      ['hcfg', 'failed', null],
    ]);
    const messages = doc.findings.map((f) => `${f.rule} ${f.severity}: ${f.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(/^region\/unreadable-idea warning: .*big.*ideas\/01-idea\/[0-9a-f]{12}\.md.*> 5 MB/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^region\/registry error: .*hcfg.*ideas\.config\.yaml is larger than 5 MB/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^region\/unreadable-idea warning: .*big.*ideas\/01-idea\/[0-9a-f]{12}\.md.*file\/symlink/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^region\/unreadable-idea warning: .*big.*ideas\/01-idea\/[0-9a-f]{12}\.md.*file\/name/),
    );
    // Found from outside: such files kept their names, which may say anything (a person's): each is named by its
    // place, as every file the region cannot read.
    expect(r.stdout).not.toMatch(/big-aaaaaa-huge|big-bbbbbb-link|big-cccccc-/);
    expect(fs.readFileSync(path.join(region, '.git', 'ideas-region', 'state', 'big.json'), 'utf8')).not.toMatch(
      /big-aaaaaa-huge|big-bbbbbb-link|big-cccccc-/,
    );
    expect(JSON.stringify(doc)).not.toContain('Hidden behind its name');
  });

  it('gives up on a member that never answers after --timeout seconds, and syncs the others', async () => {
    writeRegionFile(region, [
      { id: 'good', name: 'Good', url: good },
      { id: 'hang', name: 'Hang', url: `git://127.0.0.1:${port}/hang.git` },
    ]);
    const r = await ideasAsync(['--lang', 'en', 'region', 'sync', '--timeout', '1', '--json'], {
      cwd: region,
      timeoutMs: 60_000,
    });
    expect(r.code, describeRun(r)).toBe(1);
    const doc = parseJson<SyncDoc>(r);
    expect(doc.members.map((m) => [m.id, m.status])).toEqual([
      ['good', 'unchanged'],
      ['hang', 'failed'],
    ]);
    expect(doc.findings.map((f) => f.message).join('\n')).toContain('did not answer within 1 s');
    expect(sockets.length).toBeGreaterThan(0);
    // Nothing of the stopped fetch is left running with the sync's lock.
    expect(fs.existsSync(path.join(region, '.git', 'ideas-region', 'sync.lock'))).toBe(false);
  });

  it('refuses a --timeout that is not a number of seconds', () => {
    for (const value of ['0', '-1', '1.5', 'x', '3601']) {
      const r = runIn(region, ['region', 'sync', '--timeout', value]);
      expect(r.code, value).toBe(2);
      expect(r.stderr).toContain('--timeout takes a number of seconds');
    }
  });

  it('refuses a second sync while one runs, and takes over the lock of one that died', () => {
    writeRegionFile(region, [{ id: 'good', name: 'Good', url: good }]);
    const lock = path.join(region, '.git', 'ideas-region', 'sync.lock');
    // A sync that runs: its lock names a live process of this host (this test).
    fs.mkdirSync(lock, { recursive: true });
    const owner = path.join(lock, `${process.pid}-test`);
    fs.writeFileSync(owner, JSON.stringify({ pid: process.pid, host: os.hostname(), start: null }));
    const r = runIn(region, ['region', 'sync']);
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain(`Another sync of this region is running (process ${process.pid}@${os.hostname()})`);
    expect(r.stderr).toContain(`remove the folder ${lock}`);
    // Nothing was fetched or written meanwhile.
    expect(fs.existsSync(path.join(region, '.git', 'ideas-region', 'state', 'good.failed.json'))).toBe(false);

    // A sync that was killed: its process is gone, and the next sync takes its lock over.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.rmSync(owner);
    fs.writeFileSync(
      path.join(lock, `${dead.stdout}-dead`),
      JSON.stringify({ pid: Number(dead.stdout), host: os.hostname(), start: null }),
    );
    mustRunIn(region, ['region', 'sync']);
    expect(fs.existsSync(lock)).toBe(false);
  });
});
