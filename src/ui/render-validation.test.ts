import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { renderValidationGithub, renderValidationPretty } from './render-validation.js';

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
  it('escapes %, CR and LF in the message, and also comma and colon in properties', () => {
    const out = renderValidationGithub(
      view([finding({ file: 'ideas/01-ide/a,b:c%.md', message: '100% sure\nnext line\r', hint: 'Fix it, now: please' })]),
      '/srv/reg',
      '/srv/reg',
    );
    expect(out).toBe('::error file=ideas/01-ide/a%2Cb%3Ac%25.md,line=3,col=5,title=ideas%3A front-matter/yaml::100%25 sure%0Anext line%0D Fix it, now: please\n');
  });

  it('escapes % before anything else, so an escape sequence in the text stays as written', () => {
    const out = renderValidationGithub(view([finding({ message: 'literally %0A here' })]), '/srv/reg', '/srv/reg');
    expect(out).toBe('::error file=ideas/01-ide/ide-abcd12-x.md,line=3,col=5,title=ideas%3A front-matter/yaml::literally %250A here\n');
  });

  it('gives warnings as ::warning, leaves out a missing line and column, and makes paths relative to the working directory', () => {
    const out = renderValidationGithub(
      view([finding({ severity: 'warning', line: null, column: null, rule: 'history/stage', message: 'Moved.' }), finding({ message: 'Second.' })]),
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
});
