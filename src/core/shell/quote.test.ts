import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { hintWord, ideaWord, shellCommand, shellQuote } from './quote.js';

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

describe('hintWord', () => {
  // Found from outside: a column with a line break, quoted plainly in a one-line hint, showed as ␊ and, pasted, named
  // another column.
  it("writes a word with a control character as $'…', on one line, which bash reads back unchanged", () => {
    expect(hintWord('plain')).toBe('plain');
    expect(hintWord("it's")).toBe("'it'\\''s'");
    expect(hintWord('multi\nline.__proto__=')).toBe("$'multi\\nline.__proto__='");
    for (const word of ['multi\nline=', "a'b\tc\\d\re", 'x\u0001y', '\u001b[2J']) {
      const quoted = hintWord(word);
      expect(quoted).not.toMatch(/[\n\r]/);
      const r = spawnSync('bash', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' });
      expect(r.stdout, quoted).toBe(word);
    }
  });
});

describe('ideaWord', () => {
  const path = 'ideas/01-ide/sund-4k7q2x-cykel.md';
  it("names an idea by its id, and by its file's path where a command would read the id as an option or nothing", () => {
    expect(ideaWord({ id: 'sund-4k7q2x', path })).toBe('sund-4k7q2x');
    // An id from a file anyone may edit: `ideas move --registry=/elsewhere parked` would act on another registry.
    expect(ideaWord({ id: '--registry=/elsewhere', path })).toBe(path);
    expect(ideaWord({ id: '-C', path })).toBe(path);
    expect(ideaWord({ id: ' ', path })).toBe(path);
    expect(ideaWord({ id: null, path })).toBe(path);
    expect(ideaWord({ id: null, path: '-x/01/a.md' })).toBe('./-x/01/a.md');
  });
});
