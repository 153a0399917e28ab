import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../../test/helpers/temp-repo.js';
import { findGitDir } from './git-dir.js';
import { peekRegionLanguage } from './region/region-lang.js';
import { peekLanguage } from './registry-root.js';

afterAll(removeTempDirs);

/**
 * The language and the git folder read from a file's lines before the file is parsed: lines broken at LF (and CRLF),
 * as YAML and git break them, never at U+2028 or U+2029, where a JavaScript `^` under the `m` flag would start one.
 */
describe('reading a line before the file is parsed', () => {
  const file = (name: string, text: string) => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, name), text);
    return dir;
  };

  it("finds the registry's language on its own line, and not inside a quoted name", () => {
    expect(peekLanguage(file('ideas.config.yaml', 'name: Idésluss\nlanguage: en # engelska\n'))).toBe('en');
    expect(peekLanguage(file('ideas.config.yaml', 'name: Idésluss\r\nlanguage: "sv"\r\n'))).toBe('sv');
    expect(peekLanguage(file('ideas.config.yaml', 'name: "Idésluss\u2028language: en"\nlanguage: sv\n'))).toBe('sv');
    expect(peekLanguage(file('ideas.config.yaml', 'name: "Idésluss\u2029language: en"\n'))).toBeNull();
  });

  it("finds the region's first language the same way", () => {
    expect(peekRegionLanguage(file('ideas.region.yaml', 'name: Skaraborg\nlanguages: [en, sv]\n'))).toBe('en');
    expect(peekRegionLanguage(file('ideas.region.yaml', 'name: "S\u2028languages: [en]"\nlanguages: [sv]\n'))).toBe(
      'sv',
    );
  });

  it("follows a worktree's .git file to its git folder", () => {
    const dir = makeTempDir();
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', '.git'), 'gitdir: ../real.git\r\n');
    expect(findGitDir(path.join(dir, 'sub'))).toBe(path.join(dir, 'real.git'));
  });
});
