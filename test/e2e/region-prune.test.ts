/**
 * `ideas region sync` forgets a member taken out of ideas.region.yaml (or renamed): its state files and its fetched
 * git data under .git/ideas-region/repos/. Only inside the region's own cache folder: links there, to folders
 * outside, are unlinked or left, never followed; a sync killed while it removes leaves no half repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { describeRun } from '../helpers/cli.js';
import { addIdea, memberRegistry, mustRunIn, runIn, writeRegionFile } from '../helpers/region.js';
import { commitAll, makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

let lidkoping: string;
let skovde: string;
let region: string;
const cache = () => path.join(region, '.git', 'ideas-region');
const repos = () => path.join(cache(), 'repos');
const states = () => path.join(cache(), 'state');

/** A folder outside the region with files a wrong delete would take: what every attack aims at. */
function outsideFolder(): string {
  const dir = makeTempDir();
  fs.mkdirSync(path.join(dir, 'skovde.git', 'objects'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'skovde.git', 'HEAD'), 'precious');
  fs.writeFileSync(path.join(dir, 'skovde.git', 'objects', 'keep'), 'precious');
  fs.writeFileSync(path.join(dir, 'skovde.json'), 'precious');
  fs.writeFileSync(path.join(dir, 'precious.txt'), 'precious');
  return dir;
}

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

function both(): void {
  writeRegionFile(region, [
    { id: 'lidkoping', name: 'Lidköping', url: lidkoping },
    { id: 'skovde', name: 'Skövde', url: skovde },
  ]);
}

function onlyLidkoping(): void {
  writeRegionFile(region, [{ id: 'lidkoping', name: 'Lidköping', url: lidkoping }]);
}

function sync(env: Record<string, string | undefined> = {}): ReturnType<typeof runIn> {
  return runIn(region, ['region', 'sync'], env);
}

beforeEach(() => {
  lidkoping ??= (() => {
    const dir = memberRegistry('lidk');
    addIdea(dir, 'Digital keys');
    commitAll(dir, 'ideas');
    return dir;
  })();
  skovde ??= (() => {
    const dir = memberRegistry('skov');
    addIdea(dir, 'Reading tablets');
    commitAll(dir, 'ideas');
    return dir;
  })();
  region = makeTempRepo();
  both();
  mustRunIn(region, ['region', 'sync']);
  expect(fs.existsSync(path.join(repos(), 'skovde.git', 'HEAD'))).toBe(true);
  expect(fs.existsSync(path.join(states(), 'skovde.json'))).toBe(true);
});

describe('a member taken out of the region file', () => {
  it('loses its state and its fetched data at the next sync; the others keep theirs', () => {
    onlyLidkoping();
    const r = sync();
    expect(r.code, describeRun(r)).toBe(0);
    expect(fs.readdirSync(repos())).toEqual(['lidkoping.git']);
    expect(fs.readdirSync(states()).filter((f) => f.startsWith('skovde'))).toEqual([]);
    expect(fs.existsSync(path.join(repos(), 'lidkoping.git', 'HEAD'))).toBe(true);
    expect(mustRunIn(region, ['region', 'list']).stdout).toContain('Digital keys');
    // Back in the file: fetched anew, whole.
    both();
    mustRunIn(region, ['region', 'sync']);
    expect(mustRunIn(region, ['region', 'list']).stdout).toContain('Reading tablets');
  });

  it('keeps everything when only some members are synced (--member): the others are not judged', () => {
    onlyLidkoping();
    mustRunIn(region, ['region', 'sync', '--member', 'lidkoping']);
    expect(fs.readdirSync(repos()).sort()).toEqual(['lidkoping.git', 'skovde.git']);
  });

  it('loses the data under its old id when renamed, and is fetched under its new one', () => {
    writeRegionFile(region, [
      { id: 'lidkoping', name: 'Lidköping', url: lidkoping },
      { id: 'skovde-kommun', name: 'Skövde', url: skovde },
    ]);
    const r = sync();
    expect(r.code, describeRun(r)).toBe(0);
    expect(fs.readdirSync(repos()).sort()).toEqual(['lidkoping.git', 'skovde-kommun.git']);
    expect(fs.readdirSync(states()).filter((f) => /^skovde\./.test(f))).toEqual([]);
    expect(mustRunIn(region, ['region', 'list', '--member', 'skovde-kommun']).stdout).toContain('Reading tablets');
  });

  it('unlinks a repository that is a link to a folder outside, never what it leads to', () => {
    const outside = outsideFolder();
    const before = filesUnder(outside);
    fs.rmSync(path.join(repos(), 'skovde.git'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'skovde.git'), path.join(repos(), 'skovde.git'));
    onlyLidkoping();
    expect(sync().code).toBe(0);
    expect(fs.readdirSync(repos())).toEqual(['lidkoping.git']);
    expect(filesUnder(outside)).toEqual(before);
  });

  it('removes a repository holding links to folders and files outside, without following them', () => {
    const outside = outsideFolder();
    const before = filesUnder(outside);
    fs.symlinkSync(outside, path.join(repos(), 'skovde.git', 'objects', 'out'));
    fs.symlinkSync(path.join(outside, 'precious.txt'), path.join(repos(), 'skovde.git', 'precious'));
    onlyLidkoping();
    expect(sync().code).toBe(0);
    expect(fs.readdirSync(repos())).toEqual(['lidkoping.git']);
    expect(filesUnder(outside)).toEqual(before);
    expect(fs.readFileSync(path.join(outside, 'precious.txt'), 'utf8')).toBe('precious');
  });

  it('writes through no folder of its cache that is a link: refused before anything is written', () => {
    for (const folder of [repos(), states(), path.join(repos(), 'lidkoping.git'), cache()]) {
      const outside = outsideFolder();
      fs.cpSync(folder, outside, { recursive: true });
      const before = filesUnder(outside);
      const contents = before.map((f) =>
        fs.statSync(path.join(outside, f)).isFile() ? fs.readFileSync(path.join(outside, f), 'utf8') : '',
      );
      fs.rmSync(folder, { recursive: true });
      fs.symlinkSync(outside, folder);
      onlyLidkoping();
      const r = sync();
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toContain(`${folder} is a link or a file`);
      expect(r.stderr).toContain('Remove it (what it points to is left alone)');
      // Nothing added, removed or changed where the link leads.
      expect(filesUnder(outside)).toEqual(before);
      expect(
        before.map((f) =>
          fs.statSync(path.join(outside, f)).isFile() ? fs.readFileSync(path.join(outside, f), 'utf8') : '',
        ),
      ).toEqual(contents);
      fs.unlinkSync(folder);
      fs.cpSync(outside, folder, { recursive: true });
      both();
    }
    // As the hint says: with the link gone, the sync runs.
    expect(sync().code).toBe(0);
  });

  it('leaves entries of the folder that are no member repository', () => {
    for (const name of ['notes.txt', 'Skovde.git', 'skovde.git.bak', '.skovde.git'])
      fs.writeFileSync(path.join(repos(), name), 'keep');
    onlyLidkoping();
    expect(sync().code).toBe(0);
    expect(fs.readdirSync(repos()).sort()).toEqual(
      ['.skovde.git', 'Skovde.git', 'lidkoping.git', 'notes.txt', 'skovde.git.bak'].sort(),
    );
  });

  it('leaves no half repository when the sync is killed while it removes one, and finishes the next time', () => {
    onlyLidkoping();
    const killed = sync({ IDEAS_FAULT: 'kill:region:prune-repo' });
    expect(killed.signal, describeRun(killed)).toBe('SIGKILL');
    // Set aside whole under a name no member has; the member's own name is free.
    expect(fs.readdirSync(repos()).sort()).toEqual(['.skovde.git.removing', 'lidkoping.git']);
    expect(fs.existsSync(path.join(repos(), '.skovde.git.removing', 'HEAD'))).toBe(true);
    // Back in the file before the next sync: fetched anew, and what was set aside is gone.
    both();
    const r = sync();
    expect(r.code, describeRun(r)).toBe(0);
    expect(fs.readdirSync(repos()).sort()).toEqual(['lidkoping.git', 'skovde.git']);
    expect(mustRunIn(region, ['region', 'list']).stdout).toContain('Reading tablets');
  });
});
