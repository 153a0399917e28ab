import { describe, expect, it } from 'vitest';
import { shellCommand, shellQuote } from './quote.js';

// That each quoted word comes back unchanged through a real `sh` is checked in test/e2e/contract.test.ts.
describe('shellQuote', () => {
  it('leaves plain words bare, so hints stay readable', () => {
    expect(shellCommand(['ideas', 'show', 'ide-4k7q2x'])).toBe('ideas show ide-4k7q2x');
    expect(shellCommand(['git', 'add', '--', 'ideas/01-ide/.gitkeep'])).toBe('git add -- ideas/01-ide/.gitkeep');
  });

  it.each([
    ['min sluss', "'min sluss'"],
    ["it's", "'it'\\''s'"],
    ['$HOME', "'$HOME'"],
    ['', "''"],
    ['å', "'å'"],
  ])('%j is quoted as %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });
});
