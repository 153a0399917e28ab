import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandContext, EXAMPLE, ideaPath, makeSluice, removeSluices } from '../../test/helpers/sluice.js';
import { git, makeTempRepo, removeTempDirs } from '../../test/helpers/temp-repo.js';
import { runValidate } from './validate.js';
import { failure } from '../../test/helpers/errors.js';

afterAll(() => {
  removeSluices();
  removeTempDirs();
});

/** The Sundsvall example committed on main, with a branch `feature` checked out. */
function branch(): string {
  const root = makeSluice();
  git(['checkout', '-q', '-b', 'feature'], root);
  return root;
}

function edit(root: string, rel: string, change: (text: string) => string): void {
  writeFileSync(path.join(root, rel), change(readFileSync(path.join(root, rel), 'utf8')));
}

const BOKBUSSEN = ideaPath('sund-eev2bz');
const NATTKAMERA = ideaPath('sund-njf5rp');
const TILLSYN = ideaPath('sund-avmpk4');
const dropCoach = (t: string) => t.replace(/^coach: .*\n/m, '');

describe('validate --changed', () => {
  it('checks the changed files only: a broken changed file is found, a broken unchanged one is not checked', async () => {
    const root = branch();
    // Broken on main already: committed, so unchanged on the branch.
    edit(root, TILLSYN, (t) => t.replace('created: 2026-03-14', 'created: [broken'));
    git(['commit', '-qam', 'broken on main'], root);
    git(['branch', '-f', 'main'], root);
    edit(root, BOKBUSSEN, dropCoach);
    const { ctx } = commandContext(root);
    const r = await runValidate({ paths: [], changed: true, lang: 'en' }, ctx);
    expect(r.findings.map((f) => [f.file, f.line, f.rule])).toEqual([[BOKBUSSEN, 2, 'criteria/refinement']]);
    expect(r.checked).toEqual([{ path: BOKBUSSEN, stage: 'refinement' }]);
    expect({ files: r.files, total: r.total, ok: r.ok }).toEqual({ files: 1, total: 10, ok: false });
    expect(r.changed).toMatchObject({
      base: git(['rev-parse', 'main'], root).trim(),
      ref: null,
      config: false,
      criteria: [],
    });
    // The whole run finds both.
    const all = await runValidate({ paths: [] }, ctx);
    expect(new Set(all.findings.map((f) => f.file))).toEqual(new Set([BOKBUSSEN, TILLSYN]));
  });

  it("finds a changed file whose id is that of an unchanged file, read from the file's front matter, not its name", async () => {
    const root = branch();
    // On main: a file named for sund-njf5rp that holds sund-avmpk4 (and Nattkamera's own file is gone).
    const misnamed = 'ideas/01-ide/sund-njf5rp-namnet-ljuger.md';
    cpSync(path.join(root, TILLSYN), path.join(root, misnamed));
    git(['rm', '-q', TILLSYN, NATTKAMERA], root);
    git(['add', '-A'], root);
    git(['commit', '-qm', 'misnamed on main'], root);
    git(['branch', '-f', 'main'], root);
    // Changed: a copy of Nattkamera (its id is only in the misnamed file's name), and one of Tillsyn.
    const nattkamera = 'ideas/01-ide/sund-njf5rp-nattkamera.md';
    const tillsyn = 'ideas/01-ide/sund-avmpk4-kopia.md';
    cpSync(path.join(EXAMPLE, NATTKAMERA), path.join(root, nattkamera));
    cpSync(path.join(EXAMPLE, TILLSYN), path.join(root, tillsyn));
    const { ctx } = commandContext(root);
    const r = await runValidate({ paths: [], changed: true, lang: 'en' }, ctx);
    const duplicates = r.findings.filter((f) => f.rule === 'id/duplicate');
    expect(duplicates.map((f) => [f.file, f.line])).toEqual([[tillsyn, 2]]);
    expect(duplicates[0]?.message).toContain(misnamed);
    // A second run reads the unchanged file's id from the cache, and finds the same.
    const again = await runValidate({ paths: [], changed: true, lang: 'en' }, ctx);
    expect(again.findings.filter((f) => f.rule === 'id/duplicate')).toEqual(duplicates);
  });

  it("leaves duplicates among unchanged files alone: they are not this change's doing", async () => {
    const root = branch();
    // On main: a file whose name claims another idea's id (its own id says otherwise).
    cpSync(path.join(root, TILLSYN), path.join(root, 'ideas/03-test/sund-njf5rp-namnet-ljuger.md'));
    git(['add', '-A'], root);
    git(['commit', '-qm', 'misnamed on main'], root);
    git(['branch', '-f', 'main'], root);
    edit(root, BOKBUSSEN, (t) => t.replace('title:', 'title: Ny'));
    const { ctx } = commandContext(root);
    const r = await runValidate({ paths: [], changed: true }, ctx);
    expect(r.findings).toEqual([]);
    const all = await runValidate({ paths: [] }, ctx);
    expect(all.findings.map((f) => f.rule).sort()).toEqual(['id/duplicate', 'id/file-name']);
  });

  it('a changed config checks every file; changed criteria check every idea of their stage', async () => {
    const root = branch();
    appendFileSync(path.join(root, 'ideas.config.yaml'), '# a comment\n');
    const { ctx } = commandContext(root);
    const whole = await runValidate({ paths: [], changed: true }, ctx);
    expect(whole.changed?.config).toBe(true);
    expect(whole.files).toBe(10);

    // Another copy: compiled criteria are cached by their file's path for the life of the process.
    const other = branch();
    edit(other, 'criteria/test.schema.json', (t) => t.replace('"minLength": 20', '"minLength": 2000'));
    const stage = await runValidate({ paths: [], changed: true, lang: 'en' }, commandContext(other).ctx);
    expect(stage.changed?.criteria.map((s) => s.key)).toEqual(['test']);
    expect(stage.checked.map((c) => c.stage)).toEqual(['test', 'test']);
    expect(stage.findings.map((f) => f.rule)).toEqual(['criteria/test', 'criteria/test']);
  });

  it('with paths: the changed files among them; with --base: since that revision', async () => {
    const root = branch();
    edit(root, BOKBUSSEN, dropCoach);
    edit(root, NATTKAMERA, (t) => t.replace('title:', 'title: Ny'));
    git(['commit', '-qam', 'two changes'], root);
    const { ctx } = commandContext(root);
    const some = await runValidate({ paths: ['ideas/01-ide'], changed: true }, ctx);
    expect(some.checked.map((c) => c.path)).toEqual([NATTKAMERA]);
    const sinceHead = await runValidate({ paths: [], base: 'HEAD' }, ctx);
    expect(sinceHead.files).toBe(0);
    expect(sinceHead.changed).toMatchObject({ ref: 'HEAD', base: git(['rev-parse', 'HEAD'], root).trim() });
    expect(sinceHead.ok).toBe(true);
  });

  it('works when the registry is a subfolder of the repository', async () => {
    const repo = makeTempRepo();
    const root = path.join(repo, 'kommun', 'idesluss');
    mkdirSync(root, { recursive: true });
    cpSync(EXAMPLE, root, { recursive: true });
    git(['add', '-A'], repo);
    git(['commit', '-qm', 'registry'], repo);
    git(['checkout', '-q', '-b', 'feature'], repo);
    edit(root, BOKBUSSEN, dropCoach);
    writeFileSync(path.join(repo, 'outside.md'), 'not an idea\n');
    const { ctx } = commandContext(path.join(root, 'ideas'));
    const r = await runValidate({ paths: [], changed: true }, ctx);
    expect(r.checked.map((c) => c.path)).toEqual([BOKBUSSEN]);
    expect(r.findings.map((f) => f.file)).toEqual([BOKBUSSEN]);
  });

  it('outside git: a usage error', async () => {
    const root = makeSluice({ git: false });
    expect(await failure(runValidate({ paths: [], changed: true }, commandContext(root).ctx))).toMatchObject({
      code: 'USAGE',
    });
  });
});
