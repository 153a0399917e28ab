import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { normalizeConfig } from '../core/sluice/config.js';
import type { Gate } from '../core/sluice/gate.js';
import { diffSnapshots, readSnapshot } from '../core/history/idea-diff.js';
import type { Lang } from '../core/i18n/i18n.js';
import type { Registry } from '../io/registry.js';
import { ideaDiffDocument } from './dto.js';
import MarkdownIt from 'markdown-it';
import { mdCode, mdText, renderDiffMarkdown, renderDiffText, wrap, type DiffView } from './render-diff.js';

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

/**
 * A change that has a bit of everything: a move through two gates, the last forced into a stage the idea does not
 * meet (an override to review), money, a rule broken.
 */
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
        forced: true,
      },
    ]),
  ]);
  // Test's gate asks for a plan; the others are open.
  const gate = (_idea: unknown, from: Gate['from'], to: Gate['to']): Gate => ({
    from,
    to,
    allowed: to.key !== 'test',
    missing:
      to.key === 'test'
        ? [
            {
              pointer: '/test_plan',
              field: 'test_plan',
              keyword: 'required',
              message: { sv: 'Plan saknas [test_plan]', en: 'No plan [test_plan]' },
            },
          ]
        : [],
    open: to.key !== 'test',
  });
  const diff = diffSnapshots(base, head, { lang, baseName: 'main', gate, now: new Date('2026-11-23T12:00:00Z') });
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
      '### ⚠️ Att granska (1)',
      '### Flyttade idéer (1)',
      '### Beslut och medel (1)',
      '### Borttagna idéer (1)',
      '### Ändrade fält (1)',
    ]);
    expect(md).toContain(
      '\n❌ **1 regel bruten. 1 sak att granska.** 0 nya, 1 flyttad, 1 borttagen, 1 ändrad, 1 beslut.\n',
    );
    expect(md).toContain(
      '| `ideas/03-test/ide-aaaa11-x.md:25` | `move/forced` | Forcerad flytt Förädling → Test (historikpost 3): förbi en stängd grind, eller till ett steg som Förädling inte leder till.<br>_',
    );
    expect(md).toContain('Från grenpunkten mot main (`abcdef1`) till arbetskopian');
    expect(md).toContain(
      '| **ide-aaaa11** Cykelpool | Idé | Test (via Förädling) **(trots stängd grind)** | ⚠️ grinden stängd: 1 saknas: Plan saknas \\[test\\_plan\\] |',
    );
    expect(md).toContain(
      '| **ide-aaaa11** Cykelpool | 2026-03-01 | godkänd **(trots stängd grind)** | 120 000 kr | Idérådet | Bra plan |',
    );
    expect(md).toContain(
      '| `ideas/01-ide/ide-bbbb22-x.md` | `idea/removed` | Idén ide-bbbb22 (Går \\| bort &lt;b&gt;) har tagits bort.<br>_',
    );
    expect(md).toContain(
      '| **ide-aaaa11** Cykelpool | `coach` | (inte angivet) | Sara |\n|  | `tags` | (inte angivet) | a, b |',
    );
  });

  it('says when nothing changed', () => {
    const snap = readSnapshot(config, [file('01-ide', 'ide-aaaa11', {})]);
    const diff = diffSnapshots(snap, snap, {
      lang: 'en',
      baseName: 'main',
      now: new Date('2026-11-23T12:00:00Z'),
      gate: () => {
        throw new Error('no move, no gate');
      },
    });
    const md = renderDiffMarkdown({ ...view('en'), diff, ok: true });
    expect(md).toContain('\n✅ No rules broken. 0 new, 0 moved, 0 removed, 0 changed, 0 decisions.\n');
    expect(md.trimEnd().endsWith('No changes to the ideas.')).toBe(true);
  });
});

/**
 * Markdown as a renderer shows it: markdown-it (an independent renderer) with GitHub's tables, raw HTML on and
 * links found in plain text, as GitHub finds them. Returns the HTML and its text without the zero-width spaces.
 */
function rendered(md: string): { html: string; text: string } {
  const it = new MarkdownIt({ html: true, linkify: true });
  // GitHub links `http://` and `www.` in plain text, and e-mail addresses, but not a bare `evil.com`.
  it.linkify.set({ fuzzyLink: false, fuzzyEmail: true });
  const html = it.render(md);
  return { html, text: textOf(html) };
}

/** The text of HTML, as a reader sees it. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u200b/g, '');
}

/** What GitHub itself links in a comment's text: mentions, issue references, `www.` addresses. */
function githubLinks(html: string): string[] {
  const text = html.replace(/<[^>]*>/g, ' ');
  return [
    ...text.matchAll(/(?:^|[^\w`])@[a-z0-9][\w-]*(?:\/[\w-]+)?/gi),
    ...text.matchAll(/#\d+|\bGH-\d+/gi),
    ...text.matchAll(/\bwww\.[a-z]/gi),
  ].map((m) => m[0]);
}

describe('Markdown from hostile text', () => {
  const attacks = [
    '[klicka här](https://evil.example/phish)',
    '![](http://track.example/pixel.gif)',
    'Hej @org/team och @someone',
    '<img src=x onerror=alert(1)>',
    '<b>fet</b> <a href="https://evil.example">länk</a> <!-- dold -->',
    '<https://evil.example/auto> och https://evil.example/bare och www.evil.example',
    'Se #123, org/repo#45 och GH-67',
    'mejla anna@example.org',
    '**fet** _kursiv_ ~~struken~~ `kod` $x^2$',
    'commit 1a2b3c4d5e6f',
    '&lt;img src=x&gt; &#64;someone',
    '\\[x](https://evil.example) \\\\@team',
  ];

  it.each(attacks)('%s: the text as written, no link, image, HTML, mention or reference', (attack) => {
    const { html, text } = rendered(`| a |\n| --- |\n| ${mdText(attack, 500)} |\n`);
    expect(html).not.toMatch(/<a |<img|<b>|<script|<!--|<svg/i);
    expect(githubLinks(html)).toEqual([]);
    expect(text).toContain(attack.replace(/\s+/g, ' '));
  });

  it('a code span holds any path whole: backticks and pipes cannot end it, nothing in it is read', () => {
    for (const p of ['ideas/01-ide/a`b.md', 'x``y|z.md', '`start.md', '[x](https://evil.example)@team']) {
      const { html } = rendered(`| a |\n| --- |\n| ${mdCode(p)} |\n`);
      expect(html).not.toMatch(/<a |<img/);
      expect(html.match(/<td>/g)).toHaveLength(1);
      expect(textOf(/<td>(.*)<\/td>/.exec(html)?.[1] ?? '')).toBe(p);
    }
  });

  it('a whole diff with hostile titles, config names and branch names renders as text', () => {
    const hostile = '[x](https://evil.example) ![](http://track.example) @org/team <img src=x> #123 www.evil.example';
    const v = view('en');
    const diff = {
      ...v.diff,
      added: [{ ...v.diff.moved[0], id: 'ide-cccc33', title: hostile, stage: config.stages[0] }] as typeof v.diff.added,
    };
    const md = renderDiffMarkdown({
      ...v,
      diff,
      registry: { ...registry, config: { ...config, name: hostile } },
      base: { ...v.base, ref: `main${hostile}` },
    });
    const { html } = rendered(md);
    expect(html).not.toMatch(/<a |<img/);
    expect(githubLinks(html)).toEqual([]);
    expect(rendered(md).text).toContain('[x](https://evil.example) ![](http');
  });
});

describe('renderDiffText', () => {
  it('fits the width it is given, in plain text without colour', () => {
    const text = renderDiffText(view('en'), new Chalk({ level: 0 }), 60);
    // A command in a hint is kept whole, to be copied: only a line with one may be wider.
    expect(text.split('\n').filter((l) => [...l].length > 60 && !l.includes('`'))).toEqual([]);
    expect(text).toContain(
      '\nRules broken (1)\n  ideas/01-ide/ide-bbbb22-x.md\n    idea/removed: The idea ide-bbbb22 (Går | bort <b>) was\n    removed.\n',
    );
    expect(text).toContain(
      '\n    Idea → Test (via Refinement) (despite a closed gate)\n      ✘ gate closed: 1 missing\n      No plan [test_plan]\n',
    );
    expect(text).toContain('\n    2026-03-01 · approved · 120,000 kr · Idérådet\n    Bra plan\n');
    expect(text).not.toContain('\x1b[');
    expect(text).toContain('\nTo review (1)\n  ideas/03-test/ide-aaaa11-x.md:25\n    move/forced: A forced move');
    expect(text.indexOf('Rules broken (1)')).toBeLessThan(text.indexOf('To review (1)'));
    expect(text.indexOf('To review (1)')).toBeLessThan(text.indexOf('Moved ideas (1)'));
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([
      '0 new, 1 moved, 1 removed, 1 changed, 1 decision.',
      '1 rule broken. 1 thing to review.',
    ]);
    expect(
      renderDiffText(view('en'), new Chalk({ level: 0 }), 100)
        .trimEnd()
        .split('\n')
        .at(-1),
    ).toBe('0 new, 1 moved, 1 removed, 1 changed, 1 decision. 1 rule broken. 1 thing to review.');
  });

  it('colours only through the chalk it is given', () => {
    expect(renderDiffText(view('en'), new Chalk({ level: 1 }), 80)).toContain('\x1b[');
  });

  it('wraps words after an indent and shows values on one line', () => {
    expect(wrap('one two three four', 12, '  ')).toEqual(['  one two', '  three four']);
    // A command in backticks stays on one line, to be pasted whole; an odd backtick breaks nothing.
    expect(wrap("Park it (`ideas decide x -d park -r 'a b'`). Or not.", 20, '')).toEqual([
      'Park it',
      "(`ideas decide x -d park -r 'a b'`).",
      'Or not.',
    ]);
    expect(wrap('a `b c d', 3, '')).toEqual(['a', '`b', 'c d']);
    // Lines after the first hang further in, and count that indent.
    expect(wrap('one two three four five', 14, '  ', '    ')).toEqual(['  one two', '    three four', '    five']);
  });
});

describe("a record's change", () => {
  it('names its keys by the titles the schemas give them, in text and in Markdown', () => {
    const base = readSnapshot(config, [file('01-ide', 'ide-aaaa11', {})]);
    const head = readSnapshot(config, [file('01-ide', 'ide-aaaa11', { team: { women: 3, men: 2 } })]);
    const diff = diffSnapshots(base, head, {
      lang: 'sv',
      baseName: 'main',
      gate: (_i: unknown, from: Gate['from'], to: Gate['to']) => ({ from, to, allowed: true, missing: [], open: true }),
      now: new Date('2026-11-23T12:00:00Z'),
    });
    const team = {
      type: 'object',
      properties: {
        women: { 'x-title': { sv: 'Kvinnor', en: 'Women' } },
        men: { 'x-title': { sv: 'Män', en: 'Men' } },
      },
    };
    const shown: DiffView = {
      registry,
      lang: 'sv',
      base: { ref: 'main', commit: 'abcdef1234567890', mergeBase: true, worktree: false },
      head: { ref: null, commit: null, mergeBase: false, worktree: true },
      diff,
      fieldSchemas: { team },
      ok: true,
    };
    expect(renderDiffText(shown, new Chalk({ level: 0 }), 100)).toContain('team: (inte angivet) → Kvinnor: 3, Män: 2');
    expect(renderDiffMarkdown(shown)).toContain('Kvinnor: 3, Män: 2');
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
      // Always there, empty outside a region, as `ideas diff --json` has always written it.
      'regionSimilar',
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
        { from: 'refinement', to: 'test', date: '2026-03-01', forced: true },
      ],
      forced: true,
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
