import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { normalizeConfig } from '../core/sluice/config.js';
import type { Gate } from '../core/sluice/gate.js';
import { diffSnapshots, readSnapshot } from '../core/history/idea-diff.js';
import type { Lang } from '../core/i18n/i18n.js';
import type { Registry } from '../io/registry.js';
import { ideaDiffDocument } from './dto.js';
import { formatValue, renderDiffMarkdown, renderDiffText, wrap, type DiffView } from './render-diff.js';

const config = normalizeConfig({
  name: 'Testsluss',
  language: 'sv',
  stages: [
    { key: 'idea', folder: '01-ide', label: { sv: 'Idé', en: 'Idea' }, next: ['refinement'], criteria: 'c/idea.json' },
    {
      key: 'refinement',
      folder: '02-foradling',
      label: { sv: 'Förädling', en: 'Refinement' },
      next: ['test'],
      criteria: 'c/refinement.json',
    },
    {
      key: 'test',
      folder: '03-test',
      label: { sv: 'Test', en: 'Test' },
      next: [],
      criteria: 'c/test.json',
      funding: true,
    },
  ],
});
const registry: Registry = { root: '/srv/sluss', configPath: '/srv/sluss/ideas.config.yaml', config };

const created = { date: '2026-01-10', action: 'created', to: 'idea' };
function file(
  folder: string,
  id: string,
  fields: Record<string, unknown>,
  history: Record<string, unknown>[] = [created],
) {
  const text = `---\n${stringify({ id, title: 'Cykelpool', created: '2026-01-10', ...fields, history })}---\nText.\n`;
  return { path: `ideas/${folder}/${id}-x.md`, bytes: Buffer.from(text) };
}

/** A change that has a bit of everything: a move through two gates to a stage the idea does not meet, money, a rule broken. */
function view(lang: Lang): DiffView {
  const base = readSnapshot(config, [
    file('01-ide', 'ide-aaaa11', {}),
    file('01-ide', 'ide-bbbb22', { title: 'Går | bort <b>' }),
  ]);
  const head = readSnapshot(config, [
    file('03-test', 'ide-aaaa11', { coach: 'Sara', tags: ['a', 'b'] }, [
      created,
      { date: '2026-02-01', action: 'moved', from: 'idea', to: 'refinement' },
      {
        date: '2026-03-01',
        action: 'moved',
        from: 'refinement',
        to: 'test',
        decision: 'approve',
        amount: 120000,
        by: 'Idérådet',
        note: 'Bra plan',
      },
    ]),
  ]);
  const gate = (_idea: unknown, from: Gate['from'], to: Gate['to']): Gate => ({
    from,
    to,
    allowed: false,
    missing: [
      {
        pointer: '/test_plan',
        field: 'test_plan',
        keyword: 'required',
        message: { sv: 'Plan saknas [test_plan]', en: 'No plan [test_plan]' },
      },
    ],
    open: false,
  });
  const diff = diffSnapshots(base, head, { lang, baseName: 'main', gate });
  return {
    registry,
    lang,
    base: { ref: 'main', commit: 'abcdef1234567890', mergeBase: true, worktree: false },
    head: { ref: null, commit: null, mergeBase: false, worktree: true },
    diff,
    ok: diff.findings.length === 0,
  };
}

describe('renderDiffMarkdown', () => {
  it('puts the broken rules first, then the moves, the money, and what was removed and changed', () => {
    const md = renderDiffMarkdown(view('sv'));
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '## Testsluss: ändringar',
      '### Regelbrott (1)',
      '### Flyttade idéer (1)',
      '### Beslut och medel (1)',
      '### Borttagna idéer (1)',
      '### Ändrade fält (1)',
    ]);
    expect(md).toContain('\n❌ **1 regel bruten.** 0 nya, 1 flyttad, 1 borttagen, 1 ändrad, 1 beslut.\n');
    expect(md).toContain('Från grenpunkten mot main (`abcdef1`) till arbetskopian');
    expect(md).toContain(
      '| **ide-aaaa11** Cykelpool | Idé | Test (via Förädling) | ⚠️ grinden stängd: 1 saknas: Plan saknas [test_plan] |',
    );
    expect(md).toContain('| **ide-aaaa11** Cykelpool | 2026-03-01 | godkänd | 120 000 kr | Idérådet | Bra plan |');
    expect(md).toContain(
      '| `ideas/01-ide/ide-bbbb22-x.md` | `idea/removed` | Idén ide-bbbb22 (Går \\| bort &lt;b&gt;) har tagits bort.<br>_',
    );
    expect(md).toContain('| **ide-aaaa11** Cykelpool | `coach` | (tomt) | Sara |\n|  | `tags` | (tomt) | a, b |');
  });

  it('says when nothing changed', () => {
    const snap = readSnapshot(config, [file('01-ide', 'ide-aaaa11', {})]);
    const diff = diffSnapshots(snap, snap, {
      lang: 'en',
      baseName: 'main',
      gate: () => {
        throw new Error('no move, no gate');
      },
    });
    const md = renderDiffMarkdown({ ...view('en'), diff, ok: true });
    expect(md).toContain('\n✅ No rules broken. 0 new, 0 moved, 0 removed, 0 changed, 0 decisions.\n');
    expect(md.trimEnd().endsWith('No changes to the ideas.')).toBe(true);
  });
});

describe('renderDiffText', () => {
  it('fits the width it is given, in plain text without colour', () => {
    const text = renderDiffText(view('en'), new Chalk({ level: 0 }), 60);
    expect(text.split('\n').filter((l) => [...l].length > 60)).toEqual([]);
    expect(text).toContain(
      '\nRules broken (1)\n  ideas/01-ide/ide-bbbb22-x.md\n    idea/removed: The idea ide-bbbb22 (Går | bort <b>) was\n    removed.\n',
    );
    expect(text).toContain(
      '\n    Idea → Test (via Refinement) · ✘ gate closed: 1 missing\n      No plan [test_plan]\n',
    );
    expect(text).toContain('\n    2026-03-01 · approved · 120,000 kr · Idérådet\n    Bra plan\n');
    expect(text).not.toContain('\x1b[');
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([
      '0 new, 1 moved, 1 removed, 1 changed, 1 decision.',
      '1 rule broken.',
    ]);
    expect(
      renderDiffText(view('en'), new Chalk({ level: 0 }), 80)
        .trimEnd()
        .split('\n')
        .at(-1),
    ).toBe('0 new, 1 moved, 1 removed, 1 changed, 1 decision. 1 rule broken.');
  });

  it('colours only through the chalk it is given', () => {
    expect(renderDiffText(view('en'), new Chalk({ level: 1 }), 80)).toContain('\x1b[');
  });

  it('wraps words after an indent and shows values on one line', () => {
    expect(wrap('one two three four', 12, '  ')).toEqual(['  one two', '  three four']);
    expect(formatValue(null, 'sv')).toBe('(tomt)');
    expect(formatValue(true, 'en')).toBe('yes');
    expect(formatValue(['a', 1], 'en')).toBe('a, 1');
    expect(formatValue({ a: 1 }, 'en')).toBe('{"a":1}');
  });
});

describe('ideaDiffDocument', () => {
  it('has every key, null for what is missing, and nothing internal', () => {
    const doc = ideaDiffDocument(view('en'));
    expect(Object.keys(doc)).toEqual([
      'schemaVersion',
      'kind',
      'registry',
      'base',
      'head',
      'added',
      'removed',
      'moved',
      'decisions',
      'changed',
      'findings',
      'ok',
    ]);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      kind: 'idea-diff',
      ok: false,
      head: { ref: null, commit: null, worktree: true },
    });
    expect(doc.moved[0]).toEqual({
      id: 'ide-aaaa11',
      title: 'Cykelpool',
      path: 'ideas/03-test/ide-aaaa11-x.md',
      previousPath: 'ideas/01-ide/ide-aaaa11-x.md',
      from: 'idea',
      fromLabel: 'Idea',
      to: 'test',
      toLabel: 'Test',
      steps: [
        { from: 'idea', to: 'refinement', date: '2026-02-01', forced: false },
        { from: 'refinement', to: 'test', date: '2026-03-01', forced: false },
      ],
      forced: false,
      gate: { open: false, missing: [{ field: 'test_plan', message: 'No plan [test_plan]' }] },
    });
    expect(doc.findings[0]).toEqual({
      file: 'ideas/01-ide/ide-bbbb22-x.md',
      line: null,
      column: null,
      rule: 'idea/removed',
      severity: 'error',
      message: expect.any(String),
      hint: expect.any(String),
    });
    const json = JSON.stringify(doc);
    for (const internal of ['bytes', 'abs', 'matter', 'criteria', '/srv/sluss', 'configPath', 'bodyLine'])
      expect(json).not.toContain(internal);
    const hasUndefined = (v: unknown): boolean =>
      v === undefined || (typeof v === 'object' && v !== null && Object.values(v).some(hasUndefined));
    expect(hasUndefined(doc)).toBe(false);
  });
});
