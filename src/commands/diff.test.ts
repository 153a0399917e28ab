import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git } from '../../test/helpers/temp-repo.js';
import { commandContext, ideaPath, makeSluice, read, removeSluices } from '../../test/helpers/sluice.js';
import { parseRange, runDiff } from './diff.js';

afterAll(removeSluices);

function commitAll(root: string, message: string): void {
  git(['add', '-A'], root);
  git(['commit', '-q', '-m', message], root);
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
  it("judges a change by the base's config: a branch that opens a shortcut cannot take it", async () => {
    const root = makeSluice();
    git(['checkout', '-q', '-b', 'shortcut'], root);
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
    git(['checkout', '-q', 'main'], root);
    const { ctx } = commandContext(root);
    const r = await runDiff({ base: 'main', head: 'shortcut', lang: 'en' }, ctx);
    expect(r.diff.findings.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['config/next', 'ideas.config.yaml', 11],
      // Test is the council's to decide on, and the entry has no decision.
      ['decision/council', ideaPath('sund-emspzg', '03-test'), expect.any(Number)],
      // Judged by the base's criteria of test, which the idea does not meet either.
      ['move/gate-closed', ideaPath('sund-emspzg', '03-test'), expect.any(Number)],
      ['move/not-next', ideaPath('sund-emspzg', '03-test'), expect.any(Number)],
    ]);
    expect(r.diff.findings[0]?.message).toBe('The stage Idea now also leads to Test (next).');
    expect(r.diff.moved.map((m) => [m.id, m.from.key, m.to.key])).toEqual([['sund-emspzg', 'idea', 'test']]);
    expect(r.ok).toBe(false);
    // Once the wider config is the base's, the same move is within the rules (its gate aside).
    git(['checkout', '-q', 'shortcut', '--', 'ideas.config.yaml'], root);
    commitAll(root, 'Regeln beslutad');
    const after = await runDiff({ base: 'main', head: 'shortcut', lang: 'en' }, ctx);
    expect(after.diff.findings.map((f) => f.rule)).not.toContain('move/not-next');
    expect(after.diff.findings.map((f) => f.rule)).toContain('decision/council');
  });

  it('names a field by its label where it quotes an entry that assigned it', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    const { runAssign } = await import('./assign.js');
    await runAssign({ id: 'sund-emspzg', coach: 'Lena Sjö' }, ctx);
    commitAll(root, 'Coach');
    git(['checkout', '-q', '-b', 'rewritten'], root);
    const file = path.join(root, ideaPath('sund-emspzg'));
    writeFileSync(
      file,
      read(root, ideaPath('sund-emspzg')).replace(
        /\n {2}- date: [^\n]*\n {4}action: assigned\n(?: {4}[^\n]*\n)*/,
        '\n',
      ),
    );
    commitAll(root, 'Borttagen post');
    git(['checkout', '-q', 'main'], root);
    const r = await runDiff({ base: 'main', head: 'rewritten' }, ctx);
    const rewritten = r.diff.findings.find((f) => f.rule === 'history/rewritten');
    expect(rewritten?.message).toContain('Idécoach satt till Lena Sjö');
  });

  it('entries dated after today by the injected clock are history/date-future', async () => {
    const root = makeSluice();
    const file = path.join(root, ideaPath('sund-emspzg'));
    writeFileSync(
      file,
      read(root, ideaPath('sund-emspzg')).replace(
        /\n---\n/,
        '\n  - date: 2026-11-26\n    action: assigned\n    field: coach\n    new: Eva Ek\n---\n',
      ),
    );
    const { ctx } = commandContext(root);
    const r = await runDiff({ base: 'main', lang: 'en' }, ctx);
    expect(r.diff.findings.map((f) => [f.rule, f.message])).toEqual([
      ['history/date-future', 'History entry 2 is dated 2026-11-26, after today (2026-11-23).'],
    ]);
    const later = await runDiff(
      { base: 'main', lang: 'en' },
      { ...ctx, clock: () => new Date('2026-11-26T08:00:00Z') },
    );
    expect(later.diff.findings).toEqual([]);
  });

  it('a registry that did not exist at the base: every idea is new, no rule is broken', async () => {
    const root = makeSluice({ git: false });
    git(['init', '--quiet', '-b', 'main'], root);
    git(['config', 'user.name', 'Testare'], root);
    git(['config', 'user.email', 'testare@example.invalid'], root);
    writeFileSync(path.join(root, 'LASMIG.txt'), 'Tomt repo.\n');
    git(['add', 'LASMIG.txt'], root);
    git(['commit', '-q', '-m', 'tomt'], root);
    const r = await runDiff({ base: 'main' }, commandContext(root).ctx);
    expect(r.diff.added.length).toBeGreaterThan(5);
    // Ideas that arrive with their history are for a reviewer to see, but break no rule.
    expect(r.diff.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(new Set(r.diff.findings.map((f) => f.rule))).toEqual(new Set(['idea/new-history']));
    expect(r.ok).toBe(true);
    expect(r.diff.removed).toEqual([]);
  });

  it('a head revision without the registry, and a folder outside git, are usage errors', async () => {
    const root = makeSluice();
    git(['checkout', '-q', '--orphan', 'empty'], root);
    git(['rm', '-rq', '--cached', '.'], root);
    writeFileSync(path.join(root, 'annat.txt'), 'annat\n');
    git(['add', 'annat.txt'], root);
    git(['commit', '-q', '-m', 'annat'], root);
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
