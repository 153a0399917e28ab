import { describe, expect, it } from 'vitest';
import { plainView } from '../../../test/helpers/view.js';
import { presentInit } from './registry.js';

describe('presentInit', () => {
  // Found from outside: the `cd` of the next steps carried a folder's escape sequence raw, where the sentence above it
  // showed it made visible.
  it("shows the registry's folder in the next steps' cd, never obeys it", () => {
    const o = presentInit(
      {
        lang: 'en',
        root: '/sluss/x2\u001b[31m\u0007\u202e',
        name: 'Idea sluice',
        template: 'minimal',
        files: ['ideas.config.yaml'],
        ci: { file: null, status: 'off', provider: null, package: null },
        gitignore: 'present',
        git: { repository: true, staged: false, commit: null, message: 'm' },
      },
      false,
      { ...plainView('2026-12-07T12:00:00Z'), cwd: '/sluss' },
    );
    const text = o.writes.map((w) => (typeof w.text === 'string' ? w.text : [...w.text].join(''))).join('');
    expect(text).toContain("cd 'x2\u241b[31m\u2407<U+202E>'");
    for (const raw of ['\u001b', '\u0007', '\u202e']) expect(text).not.toContain(raw);
  });
});
