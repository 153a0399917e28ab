import { Chalk, type ChalkInstance } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import type { Lang } from '../core/i18n/i18n.js';
import { prettyLines, renderValidationGithub, type ValidationView } from './render-validation.js';

/** The whole text prettyLines makes. */
const renderValidationPretty = (...args: [ValidationView, Lang, ChalkInstance]): string =>
  [...prettyLines(...args)].join('');

const finding = (over: Partial<Finding>): Finding => ({
  file: 'ideas/01-ide/ide-abcd12-x.md',
  line: 3,
  column: 5,
  rule: 'front-matter/yaml',
  severity: 'error',
  message: 'Broken.',
  hint: null,
  ...over,
});

const view = (findings: Finding[]) => ({
  files: 4,
  findings,
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
});

describe('renderValidationGithub', () => {
  it('escapes % and LF in the message, shows a lone CR, and escapes comma and colon in properties', () => {
    const out = renderValidationGithub(
      view([
        finding({ file: 'ideas/01-ide/a,b:c%.md', message: '100% sure\nnext line\r', hint: 'Fix it, now: please' }),
      ]),
      '/srv/reg',
      '/srv/reg',
    );
    expect(out).toBe(
      '::error file=ideas/01-ide/a%2Cb%3Ac%25.md,line=3,col=5,title=ideas%3A front-matter/yaml::100%25 sure%0Anext line␍ Fix it, now: please\n',
    );
  });

  it("names a file whose name holds a line break by its real name, as GitHub's own escaping writes it", () => {
    const out = renderValidationGithub(
      view([finding({ file: 'ideas/01-ide/x\r\nnewline%\x1b.md' })]),
      '/srv/reg',
      '/srv/reg',
    );
    expect(out).toMatch(/^::error file=ideas\/01-ide\/x%0D%0Anewline%25␛\.md,line=3/);
  });

  it('escapes % before anything else, so an escape sequence in the text stays as written', () => {
    const out = renderValidationGithub(view([finding({ message: 'literally %0A here' })]), '/srv/reg', '/srv/reg');
    expect(out).toBe(
      '::error file=ideas/01-ide/ide-abcd12-x.md,line=3,col=5,title=ideas%3A front-matter/yaml::literally %250A here\n',
    );
  });

  it('gives warnings as ::warning, leaves out a missing line and column, and makes paths relative to the working directory', () => {
    const out = renderValidationGithub(
      view([
        finding({ severity: 'warning', line: null, column: null, rule: 'history/stage', message: 'Moved.' }),
        finding({ message: 'Second.' }),
      ]),
      '/srv/repo/reg',
      '/srv/repo',
    );
    expect(out).toBe(
      '::warning file=reg/ideas/01-ide/ide-abcd12-x.md,title=ideas%3A history/stage::Moved.\n' +
        '::error file=reg/ideas/01-ide/ide-abcd12-x.md,line=3,col=5,title=ideas%3A front-matter/yaml::Second.\n',
    );
  });

  it('prints nothing when there is nothing to report', () => {
    expect(renderValidationGithub(view([]), '/srv/reg', '/srv/reg')).toBe('');
  });
});

describe('renderValidationPretty', () => {
  it('groups by file and shows place, severity, message, rule and hint, without colour at level 0', () => {
    const out = renderValidationPretty(view([finding({ hint: 'Fix the YAML.' })]), 'en', new Chalk({ level: 0 }));
    const lines = out.split('\n');
    expect(lines[0]).toBe('ideas/01-ide/ide-abcd12-x.md');
    expect(lines[1]).toBe('  3:5     error    Broken.  front-matter/yaml');
    expect(lines[2]).toMatch(/^ +→ Fix the YAML\.$/);
    expect(out.includes('\u001b')).toBe(false);
  });

  it('makes its text a line at a time, each line whole, never the whole text at once', () => {
    const findings = [finding({ hint: 'Fix the YAML.' }), finding({ file: 'ideas/01-ide/ide-efgh34-y.md' })];
    const pieces = [...prettyLines(view(findings), 'en', new Chalk({ level: 0 }))];
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) expect(piece).toMatch(/^[^\n]*\n$/);
  });
});

describe('the summary of validate --changed', () => {
  const plain = new Chalk({ level: 0 });
  const changed = (over: object = {}) => ({
    ...view([]),
    files: 5,
    total: 2000,
    changed: { base: '3f2a1b0c9d8e', ref: null, config: false, criteria: [], ...over },
  });
  const last = (s: string) => s.trimEnd().split('\n').at(-1);

  it('says how many files were checked out of how many, and since what', () => {
    expect(last(renderValidationPretty(changed(), 'en', plain))).toBe(
      '5 of 2000 files checked (changed since 3f2a1b0): no problems.',
    );
    expect(last(renderValidationPretty(changed({ ref: 'origin/main' }), 'sv', plain))).toBe(
      '5 av 2000 filer kontrollerades (ändrade sedan origin/main): inga fel.',
    );
    const bad = { ...changed(), findings: [finding({}), finding({ severity: 'warning' })], errors: 1, warnings: 1 };
    expect(last(renderValidationPretty(bad, 'en', plain))).toBe(
      '5 of 2000 files checked (changed since 3f2a1b0): 1 error and 1 warning in 1 file.',
    );
    expect(last(renderValidationPretty({ ...changed(), files: 1, total: 1 }, 'sv', plain))).toBe(
      '1 av 1 fil kontrollerades (ändrade sedan 3f2a1b0): inga fel.',
    );
  });

  it('says why more files were checked', () => {
    expect(renderValidationPretty(changed({ config: true }), 'en', plain)).toContain(
      'The config has changed since 3f2a1b0, so every file was checked.',
    );
    const criteria = [{ label: { sv: 'Test', en: 'Test' } }, { label: { sv: 'Förädling', en: 'Refinement' } }];
    expect(renderValidationPretty(changed({ criteria }), 'sv', plain)).toContain(
      'Kriterierna för Test, Förädling har ändrats sedan 3f2a1b0, så alla idéer där kontrollerades.',
    );
  });

  it('is the usual one without --changed', () => {
    expect(last(renderValidationPretty(view([]), 'en', plain))).toBe('4 files checked: no problems.');
  });
});

describe('renderValidationPretty: a hint once per idea', () => {
  it('says a hint shared by several findings of one file once, after the last, with their commands together', () => {
    const complete = 'Complete the idea.';
    const out = renderValidationPretty(
      view([
        finding({
          rule: 'criteria/test',
          message: 'No coach.',
          hint: complete,
          fix: "ideas edit x --set 'coach=<text>'",
        }),
        finding({
          rule: 'criteria/test',
          message: 'No unit.',
          hint: complete,
          fix: "ideas edit x --set 'unit=<text>'",
        }),
        finding({ rule: 'history/stage', message: 'Moved by hand.', hint: 'Move it with ideas move.' }),
        finding({ rule: 'criteria/test', message: 'No partners.', hint: complete }),
        finding({ file: 'ideas/01-ide/other.md', rule: 'criteria/test', message: 'No coach.', hint: complete }),
      ]),
      'en',
      new Chalk({ level: 0 }),
    );
    const lines = out.split('\n').map((l) => l.trim());
    expect(lines.filter((l) => l === `→ ${complete}`)).toHaveLength(2);
    const first = lines.slice(0, lines.indexOf(''));
    expect(first.slice(-3)).toEqual([
      `→ ${complete}`,
      "ideas edit x --set 'coach=<text>'",
      "ideas edit x --set 'unit=<text>'",
    ]);
    // Another hint keeps its place, under its own finding.
    expect(first[first.findIndex((l) => l.includes('Moved by hand.')) + 1]).toBe('→ Move it with ideas move.');
  });
});
