import { chmodSync, cpSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/helpers/cli.js';
import { makeTempRepo, removeTempDirs } from '../../test/helpers/temp-repo.js';
import { MAX_IDEA_BYTES, readFrontMatter } from '../core/front-matter/front-matter.js';
import { listIdeaFiles } from './idea-files.js';
import { openReading, readEntry, readIdeaFields, readIdeaFile, readIdeas, readIdeaSummaries } from './read-ideas.js';
import { loadRegistry, type Registry } from './registry.js';

afterAll(removeTempDirs);

/** A run far enough after the files were written that none of them is too recent to keep. */
const LATER = { now: Date.now() + 60_000 };

function registry(): Registry {
  const root = makeTempRepo();
  cpSync(path.join(REPO_ROOT, 'examples', 'minimal'), root, { recursive: true });
  return loadRegistry(root, 'sv');
}

/** One run of a reading that counts which files it had to read. */
function run(reg: Registry, context: string[] = []) {
  const reading = openReading<string>(reg, 'test', context, LATER);
  const computed: string[] = [];
  const values = reading.read(listIdeaFiles(reg), (entry, file) => {
    computed.push(entry.path);
    return file.ok ? `${entry.path}:${file.bytes.length}` : `error:${file.error.code}`;
  });
  return { earlierRun: reading.earlierRun, values, computed };
}

describe('openReading', () => {
  it('reads each file once, then takes it from the cache while it is unchanged', () => {
    const reg = registry();
    const first = run(reg);
    expect(first.earlierRun).toBe(false);
    expect(first.computed.length).toBeGreaterThan(3);
    const second = run(reg);
    expect(second).toEqual({ earlierRun: true, values: first.values, computed: [] });

    const changed = listIdeaFiles(reg)[0]!;
    writeFileSync(changed.abs, `${readFileSync(changed.abs, 'utf8')}\nMore.\n`);
    const third = run(reg);
    expect(third.computed).toEqual([changed.path]);
    expect(third.values).not.toEqual(first.values);
  });

  it('starts again under another context, and without the cache when the registry says so', () => {
    const reg = registry();
    run(reg, ['sv']);
    expect(run(reg, ['en'])).toMatchObject({ earlierRun: false });
    expect(run(reg, ['en']).computed).toEqual([]);
    const all = listIdeaFiles(reg).length;
    expect(run({ ...reg, cache: false }, ['en'])).toMatchObject({ earlierRun: false });
    expect(run({ ...reg, cache: false }, ['en']).computed).toHaveLength(all);
  });

  it('never reads a link, and keeps neither a link nor a file it could not read', () => {
    const reg = registry();
    const dir = path.dirname(listIdeaFiles(reg)[0]!.abs);
    symlinkSync('/etc/passwd', path.join(dir, 'ide-link00-lank.md'));
    const locked = path.join(dir, 'ide-lock00-last.md');
    writeFileSync(locked, '---\ntitle: x\n---\n');
    chmodSync(locked, 0o000);
    try {
      const first = run(reg);
      const link = first.values[first.computed.findIndex((f) => f.endsWith('ide-link00-lank.md'))];
      expect(link).toMatch(/:0$/);
      const second = run(reg);
      // Run as root, the locked file reads; either way the link is asked again.
      expect(second.computed).toContain(listIdeaFiles(reg).find((e) => e.symlink)?.path);
      if (first.values.some((v) => v.startsWith('error:'))) expect(second.computed.length).toBe(2);
    } finally {
      chmodSync(locked, 0o644);
    }
  });
});

describe('readIdeas, readIdeaSummaries and readIdeaFields', () => {
  it('read each idea as readIdeaFile does, the first run and from the cache', () => {
    const reg = registry();
    for (let pass = 0; pass < 2; pass++) {
      const ideas = readIdeas(reg).ideas;
      expect(ideas.length).toBeGreaterThan(3);
      for (const idea of ideas) {
        const fm = readIdeaFile(idea.abs);
        expect(fm.ok && { id: fm.data.id, body: fm.body }).toEqual({ id: idea.id, body: idea.body });
      }
      expect(readIdeaSummaries(reg).ideas.map((i) => i.id)).toEqual(ideas.map((i) => i.id));
      expect(readIdeaFields(reg).ideas.map((i) => i.id)).toEqual(ideas.map((i) => i.id));
    }
  });

  it('list a file that does not read as unreadable, and a link too, which is never read', () => {
    const reg = registry();
    const dir = path.dirname(listIdeaFiles(reg)[0]!.abs);
    writeFileSync(path.join(dir, 'ide-bad000-trasig.md'), '---\ntitle: [\n---\n');
    symlinkSync('/etc/passwd', path.join(dir, 'ide-link00-lank.md'));
    for (const read of [readIdeas, readIdeaSummaries, readIdeaFields]) {
      const { unreadable } = read(reg);
      expect(unreadable.map((e) => path.basename(e.path)).sort()).toEqual([
        'ide-bad000-trasig.md',
        'ide-link00-lank.md',
      ]);
    }
  });

  it('readIdeaFile reads a file as readFrontMatter reads its bytes', () => {
    const reg = registry();
    const entry = listIdeaFiles(reg)[0]!;
    expect(readIdeaFile(entry.abs)).toEqual(readFrontMatter(readFileSync(entry.abs)));
    expect(() => readIdeaFile(path.join(reg.root, 'missing.md'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

describe('readEntry', () => {
  it('reads no more of a file than an idea may be, and one byte: enough to say it is too large (readIdeaFile too)', () => {
    const reg = registry();
    const file = path.join(reg.root, 'ideas', '01-ide', 'ide-000000-stor.md');
    writeFileSync(file, `---\ntitle: Stor\n---\n${'x'.repeat(MAX_IDEA_BYTES + 1_000_000)}\n`);
    const entry = listIdeaFiles(reg).find((e) => e.abs === file);
    if (!entry) throw new Error('the file is not listed');
    const { file: read, key } = readEntry(entry);
    expect(read.ok && read.bytes.length).toBe(MAX_IDEA_BYTES + 1);
    // The key is the whole file's, so a change to any part of it is seen.
    expect(key?.[0]).toBe(statSync(file).size);
    expect(read.ok && readFrontMatter(read.bytes)).toMatchObject({ ok: false, rule: 'file/too-large' });
    expect(readIdeas(reg).unreadable.map((e) => e.abs)).toContain(file);
    // Read alone, as `ideas show` and `ideas edit` read it, the same.
    expect(readIdeaFile(file)).toMatchObject({ ok: false, rule: 'file/too-large' });
  });
});

describe('the cache', () => {
  it('is driven by src/io/read-ideas.ts alone: no other module imports it', () => {
    const src = path.join(REPO_ROOT, 'src');
    const importers = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /from '[./]+(?:io\/)?file-cache\.js'/.test(readFileSync(path.join(src, f), 'utf8')))
      .map((f) => f.split(path.sep).join('/'));
    expect(importers).toEqual(['io/read-ideas.ts']);
  });
});
