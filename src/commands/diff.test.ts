import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandContext, git, ideaPath, makeSluice, read, removeSluices } from '../../test/helpers/sluice.js';
import { parseRange, runDiff } from './diff.js';

afterAll(removeSluices);

function commitAll(root: string, message: string): void {
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', message]);
}

describe('parseRange', () => {
  it.each([
    [undefined, undefined, { base: undefined, head: undefined, symmetric: false }],
    ['main', undefined, { base: 'main', head: undefined, symmetric: false }],
    ['main', 'feature', { base: 'main', head: 'feature', symmetric: false }],
    ['main..feature', undefined, { base: 'main', head: 'feature', symmetric: false }],
    ['main...feature', undefined, { base: 'main', head: 'feature', symmetric: true }],
    ['main..', undefined, { base: 'main', head: 'HEAD', symmetric: false }],
    ['...feature', undefined, { base: 'HEAD', head: 'feature', symmetric: true }],
  ])('%s %s', (base, head, expected) => {
    expect(parseRange(base, head)).toEqual(expected);
  });
});

describe('runDiff', () => {
  it("judges a change by head's config: a branch that opens a shortcut may take it", async () => {
    const root = makeSluice();
    git(root, ['checkout', '-q', '-b', 'shortcut']);
    writeFileSync(
      path.join(root, 'ideas.config.yaml'),
      read(root, 'ideas.config.yaml').replace(
        'next: [refinement, parked, rejected]',
        'next: [refinement, test, parked, rejected]',
      ),
    );
    mkdirSync(path.join(root, 'ideas/03-test'), { recursive: true });
    renameSync(path.join(root, ideaPath('sund-emspzg')), path.join(root, ideaPath('sund-emspzg', '03-test')));
    writeFileSync(
      path.join(root, ideaPath('sund-emspzg', '03-test')),
      read(root, ideaPath('sund-emspzg', '03-test')).replace(
        /\n---\n/,
        '\n  - date: 2026-11-20\n    action: moved\n    from: idea\n    to: test\n---\n',
      ),
    );
    commitAll(root, 'Genväg');
    git(root, ['checkout', '-q', 'main']);
    const { ctx } = commandContext(root);
    const byBranch = await runDiff({ base: 'main', head: 'shortcut' }, ctx);
    expect(byBranch.diff.findings).toEqual([]);
    expect(byBranch.diff.moved.map((m) => [m.id, m.from.key, m.to.key])).toEqual([['sund-emspzg', 'idea', 'test']]);
    // The same move judged by main's config (its working tree) breaks the rule.
    git(root, ['checkout', '-q', 'shortcut', '--', 'ideas']);
    rmSync(path.join(root, ideaPath('sund-emspzg')), { force: true });
    const byMain = await runDiff({ base: 'main' }, ctx);
    expect(byMain.diff.findings.map((f) => f.rule)).toEqual(['move/not-next']);
    expect(byMain.ok).toBe(false);
  });

  it('a registry that did not exist at the base: every idea is new, nothing is broken', async () => {
    const root = makeSluice({ git: false });
    git(root, ['init', '--quiet', '-b', 'main']);
    git(root, ['config', 'user.name', 'Testare']);
    git(root, ['config', 'user.email', 'testare@example.invalid']);
    writeFileSync(path.join(root, 'LASMIG.txt'), 'Tomt repo.\n');
    git(root, ['add', 'LASMIG.txt']);
    git(root, ['commit', '-q', '-m', 'tomt']);
    const r = await runDiff({ base: 'main' }, commandContext(root).ctx);
    expect(r.diff.added.length).toBeGreaterThan(5);
    expect(r.diff.findings).toEqual([]);
    expect(r.diff.removed).toEqual([]);
  });

  it('a head revision without the registry, and a folder outside git, are usage errors', async () => {
    const root = makeSluice();
    git(root, ['checkout', '-q', '--orphan', 'empty']);
    git(root, ['rm', '-rq', '--cached', '.']);
    writeFileSync(path.join(root, 'annat.txt'), 'annat\n');
    git(root, ['add', 'annat.txt']);
    git(root, ['commit', '-q', '-m', 'annat']);
    const { ctx } = commandContext(root);
    await expect(runDiff({ base: 'main', head: 'empty', lang: 'en' }, ctx)).rejects.toMatchObject({
      code: 'USAGE',
      text: { en: 'The revision empty has no registry in . (no ideas.config.yaml).' },
    });
    const outside = makeSluice({ git: false });
    await expect(runDiff({}, commandContext(outside).ctx)).rejects.toMatchObject({
      code: 'USAGE',
      text: { sv: expect.stringContaining('ligger inte i ett git-repo') },
    });
  });
});
