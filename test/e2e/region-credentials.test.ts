/**
 * A member whose address carries a user name and password (`http://user:secret@host/x.git`): git fetches with it, and
 * nothing the region shows, writes or keeps holds it, only the address without them. The member is served over
 * git's smart HTTP behind Basic authentication (test/helpers/git-http.ts): the sync succeeds only when git is given
 * the real address.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideasAsync, parseJson, type RunResult } from '../helpers/cli.js';
import { serveGitHttp, type GitHttpServer } from '../helpers/git-http.js';
import { addIdea, memberRegistry } from '../helpers/region.js';
import { commitAll, makeTempDir, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

const SECRET = 'hemligt-l0senord';

/** Every file under `dir`, as text. */
function filesUnder(dir: string): { file: string; text: string }[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { file, text: fs.readFileSync(file, 'latin1') };
    });
}

describe('a member whose address holds a user name and password', () => {
  let server: GitHttpServer;
  let root: string;
  let shown: string;

  const run = (args: string[]): Promise<RunResult> => ideasAsync(['--lang', 'en', ...args], { cwd: root });
  const mustRun = async (args: string[]) => {
    const r = await run(args);
    expect(r.code, describeRun(r)).toBe(0);
    return r;
  };

  beforeAll(async () => {
    const member = memberRegistry('u1');
    addIdea(member, 'Lånecyklar');
    commitAll(member, 'idea');
    server = await serveGitHttp(path.dirname(member), 'anna', SECRET);
    shown = `${server.origin}/${path.basename(member)}`;
    const dir = makeTempDir();
    root = path.join(dir, 'r');
    await ideasAsync(['region', 'init', 'r', '--name', 'Skaraborg', '--lang', 'en'], { cwd: dir });
    const url = shown.replace('http://', `http://anna:${SECRET}@`);
    await mustRun(['region', 'add', 'u1', '--name', 'U', '--', url]);
  });

  afterAll(() => server.close());

  it('is fetched with them, and shown, written and kept without them everywhere', { timeout: 60_000 }, async () => {
    const sync = await mustRun(['region', 'sync', '--member', 'u1', '--json']);
    expect(parseJson<{ members: { id: string; url: string; ideas: number }[] }>(sync).members).toMatchObject([
      { id: 'u1', url: shown, ideas: 1 },
    ]);
    const runs = [
      sync,
      await mustRun(['region', 'list', '--json']),
      await mustRun(['region', 'list']),
      await mustRun(['region', 'report', '--json']),
      await mustRun(['region', 'report']),
      await mustRun(['region', 'report', '--format', 'csv']),
      await mustRun(['region', 'export', '--format', 'json']),
      await mustRun(['region', 'export']),
      await mustRun(['region', 'site', '--json']),
      await mustRun(['region', 'remove', 'u1', '--json']),
    ];
    for (const r of runs) expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);
    const docs = runs.filter((r) => r.stdout.startsWith('{')).map((r) => r.stdout);
    for (const doc of docs) expect(doc).not.toContain('anna');
    expect(parseJson<{ members: { url: string }[] }>(runs[1] as RunResult).members[0]?.url).toBe(shown);
    // The site's pages, and what the region kept of the member before it was removed: no credentials either.
    for (const { file, text } of filesUnder(path.join(root, 'site'))) expect(text, file).not.toContain(SECRET);
  });

  it('is kept, and said in a failed sync, without them', { timeout: 60_000 }, async () => {
    const url = shown.replace('http://', `http://anna:${SECRET}@`);
    await mustRun(['region', 'add', 'u1', '--name', 'U', '--', url]);
    await mustRun(['region', 'sync']);
    const state = path.join(root, '.git', 'ideas-region', 'state');
    const kept = filesUnder(state);
    expect(kept.length).toBeGreaterThan(0);
    for (const { file, text } of kept) expect(text, file).not.toContain(SECRET);
    await server.close();
    const failed = await run(['region', 'sync', '--json']);
    expect(failed.code, describeRun(failed)).toBe(1);
    expect(`${failed.stdout}${failed.stderr}`).not.toContain(SECRET);
    for (const { file, text } of filesUnder(state)) expect(text, file).not.toContain(SECRET);
    expect(filesUnder(state).some((f) => f.file.endsWith('.failed.json'))).toBe(true);
  });
});
