/**
 * End to end: `ideas diff` compares every idea file, and only the files the other commands read as ideas. A second
 * file of an id the base already had is checked as any file is (its rewrites and its deletion), and a file renamed
 * to a name that no command reads (bytes that are not UTF-8) is an idea gone, between commits as in the working tree.
 * The attacks themselves are rows of test/e2e/diff-attacks.test.ts; these are what a row cannot say.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson } from '../helpers/cli.js';
import { edit } from '../helpers/idea-edit.js';
import { EXAMPLE, ideaPath } from '../helpers/sluice.js';
import { commitAll, git, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

interface DiffDoc {
  ok: boolean;
  added: { id: string; path: string }[];
  removed: { id: string; path: string }[];
  moved: { id: string; path: string }[];
  findings: { file: string; line: number | null; rule: string; severity: string; message: string }[];
}

const COPY = 'ideas/04-utvardering/sund-avmpk4-kopia.md';
const AVMPK4 = ideaPath('sund-avmpk4');

/** The example in a new repository: main, and main-with-copy, where sund-avmpk4 is in two files. */
function repo(): string {
  const root = makeTempRepo();
  fs.cpSync(EXAMPLE, root, { recursive: true });
  commitAll(root, 'Idéslussen');
  git(['checkout', '-q', '-b', 'main-with-copy'], root);
  fs.copyFileSync(path.join(root, AVMPK4), path.join(root, COPY));
  commitAll(root, 'En kopia');
  return root;
}

const diff = (root: string, args: string[]) => {
  const r = ideas(['diff', ...args, '--json', '--lang', 'en'], { cwd: root });
  return { code: r.code, doc: parseJson<DiffDoc>(r), run: r };
};

describe('ideas diff: an id the base already had in two files', () => {
  it('the second file deleted is an idea removed, or allowed as any removal where the base allows it', () => {
    const root = repo();
    git(['checkout', '-q', '-b', 'delete-copy'], root);
    fs.rmSync(path.join(root, COPY));
    commitAll(root, 'Kopian bort');
    const r = diff(root, ['main-with-copy', 'delete-copy']);
    expect(r.code, describeRun(r.run)).toBe(1);
    expect(r.doc.removed.map((x) => [x.id, x.path])).toEqual([['sund-avmpk4', COPY]]);
    expect(r.doc.findings.map((f) => [f.rule, f.file])).toEqual([['idea/removed', COPY]]);
    // Nothing else is read into it: the first file is still the idea, unmoved.
    expect(r.doc.moved).toEqual([]);

    git(['checkout', '-q', '-b', 'allow-delete', 'main-with-copy'], root);
    edit(path.join(root, 'ideas.config.yaml'), (t) => `${t}allowDelete: true\n`);
    commitAll(root, 'allowDelete');
    git(['checkout', '-q', '-b', 'allowed-delete-copy'], root);
    fs.rmSync(path.join(root, COPY));
    commitAll(root, 'Kopian bort');
    const allowed = diff(root, ['allow-delete', 'allowed-delete-copy']);
    expect(allowed.code, describeRun(allowed.run)).toBe(0);
    expect(allowed.doc.removed.map((x) => x.path)).toEqual([COPY]);
    expect(allowed.doc.findings).toEqual([]);
  });

  it('both files left as they were, and another idea changed: nothing of the copy, which validate reports', () => {
    const root = repo();
    git(['checkout', '-q', '-b', 'other-change'], root);
    edit(path.join(root, ideaPath('sund-emspzg')), (t) => t.replace(/^title: .*$/m, 'title: Mindre matsvinn'));
    commitAll(root, 'Ny titel');
    const r = diff(root, ['main-with-copy', 'other-change']);
    expect(r.code, describeRun(r.run)).toBe(0);
    expect(r.doc.findings).toEqual([]);
    expect(r.doc.added).toEqual([]);
  });
});

describe('ideas diff: a name that is not UTF-8', () => {
  it('is the same idea gone between commits as in the working tree, which every other command skips too', () => {
    const root = repo();
    git(['checkout', '-q', '-b', 'hidden', 'main'], root);
    const notUtf8 = Buffer.concat([Buffer.from(path.join(root, 'ideas/03-test/sund-avmpk4-x')), Buffer.from([0xff])]);
    fs.renameSync(path.join(root, AVMPK4), Buffer.concat([notUtf8, Buffer.from('.md')]));
    // The idea is in no other command's output: it is gone, not the same idea unchanged.
    expect(ideas(['list'], { cwd: root }).stdout).not.toContain('sund-avmpk4');
    const worktree = diff(root, ['main']);
    commitAll(root, 'Dold');
    const commits = diff(root, ['main', 'hidden']);
    for (const r of [worktree, commits]) {
      expect(r.code, describeRun(r.run)).toBe(1);
      expect(r.doc.findings.map((f) => [f.rule, f.file, f.severity])).toEqual([['idea/removed', AVMPK4, 'error']]);
      expect(r.doc.removed.map((x) => x.path)).toEqual([AVMPK4]);
    }
    expect(commits.doc.findings).toEqual(worktree.doc.findings);
    // And validate names the file whose name it is.
    const v = ideas(['validate', '--format', 'json'], { cwd: root });
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('file/name');
  });
});

describe('ideas diff: the ideas folder however the config spells it', () => {
  it.each(['./ideas', 'ideas/', './ideas/'])('ideasDir %j: a rewritten history is found', (spelled) => {
    const root = makeTempRepo();
    fs.cpSync(EXAMPLE, root, { recursive: true });
    edit(path.join(root, 'ideas.config.yaml'), (t) => `${t.replace(/^ideasDir: .*\n/m, '')}ideasDir: ${spelled}\n`);
    commitAll(root, 'Idéslussen');
    expect(ideas(['list', '--json'], { cwd: root }).stdout).toContain('sund-avmpk4');
    git(['checkout', '-q', '-b', 'rewrite'], root);
    edit(path.join(root, AVMPK4), (t) => t.replace(/decision: approve/, 'decision: reject'));
    commitAll(root, 'Beslutet omskrivet');
    const r = diff(root, ['main', 'rewrite']);
    expect(r.code, describeRun(r.run)).toBe(1);
    expect(r.doc.findings.map((f) => [f.rule, f.file])).toContainEqual(['history/rewritten', AVMPK4]);
  });
});

describe('ideas diff: attributes that change what a checkout writes', () => {
  it('a .gitattributes changed over the registry is an error, between commits and in the working tree', () => {
    const root = makeTempRepo();
    fs.cpSync(EXAMPLE, root, { recursive: true });
    commitAll(root, 'Idéslussen');
    git(['checkout', '-q', '-b', 'attrs'], root);
    // The blob stays as it was; a fresh clone writes the file as UTF-16, which no command reads as an idea.
    fs.writeFileSync(path.join(root, '.gitattributes'), `${AVMPK4} working-tree-encoding=UTF-16\n`);
    const worktree = diff(root, ['main']);
    expect(worktree.code, describeRun(worktree.run)).toBe(1);
    expect(worktree.doc.findings.map((f) => [f.rule, f.file])).toContainEqual(['diff/attributes', '.gitattributes']);
    // Only the attributes: `git add -A` would read the idea file again, as UTF-16.
    git(['add', '.gitattributes'], root);
    git(['commit', '-qm', 'Attribut'], root);
    const commits = diff(root, ['main', 'attrs']);
    expect(commits.code, describeRun(commits.run)).toBe(1);
    expect(commits.doc.findings.map((f) => [f.rule, f.file])).toEqual([['diff/attributes', '.gitattributes']]);
    // Nothing else changed: the same two commits without it are clean.
    expect(diff(root, ['main', 'main']).code).toBe(0);
  });
});
