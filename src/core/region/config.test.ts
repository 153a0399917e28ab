import { describe, expect, it } from 'vitest';
import { isIdeasError } from '../errors.js';
import { regionValidator } from '../../io/schemas.js';
import { normalizeMemberPath, parseRegionText as parseWith, regionTemplate } from './config.js';

/** The region file's own validator, as io/region/region-root.ts hands it in. */
const parseRegionText = (text: string, file: string, lang: 'sv' | 'en') =>
  parseWith(text, file, lang, regionValidator());

function problems(text: string): string[] {
  try {
    parseRegionText(text, 'ideas.region.yaml', 'en');
  } catch (e) {
    if (isIdeasError(e)) return [...e.details];
    throw e;
  }
  return [];
}

const member = (id: string, url: string) => `  - id: ${id}\n    name: N\n    url: ${url}\n`;

describe('parseRegionText', () => {
  it('reads members with their defaults', () => {
    const config = parseRegionText(
      `name: R\nlanguages: [sv, en]\nmembers:\n${member('a', '../a')}    path: ./reg/\n    branch: main\n`,
      'f',
      'en',
    );
    expect(config.language).toBe('sv');
    expect(config.members).toEqual([
      { id: 'a', name: 'N', municipality: null, url: '../a', branch: 'main', path: 'reg', site: null },
    ]);
  });

  it('accepts the template it writes, in both languages', () => {
    expect(parseRegionText(regionTemplate('Skaraborg', 'sv'), 'f', 'sv').members).toEqual([]);
    expect(parseRegionText(regionTemplate('x: "y"', 'en'), 'f', 'en').name).toBe('x: "y"');
  });

  it('refuses urls and branches that git would read as options or commands', () => {
    for (const url of ['-uhack', '"ext::sh -c x"', '"fd::3"', '"a b"'])
      expect(problems(`name: R\nlanguages: [en]\nmembers:\n${member('a', url)}`), url).toHaveLength(1);
    for (const branch of ['-x', 'a..b', '/a', 'a/', 'a.lock', '"a b"'])
      expect(
        problems(`name: R\nlanguages: [en]\nmembers:\n${member('a', 'u')}    branch: ${branch}\n`),
        branch,
      ).toHaveLength(1);
  });

  it('finds a duplicate id and a second member at the same place, each with its line', () => {
    expect(
      problems(`name: R\nlanguages: [en]\nmembers:\n${member('a', 'u')}${member('a', 'v')}${member('b', 'u')}`),
    ).toEqual([
      'ideas.region.yaml:7:9 member "a" is already listed (member 1); each member needs its own id',
      'ideas.region.yaml:12:10 member "b" points at the same repository, branch and folder as "a"',
    ]);
  });

  it('refuses keys that are not in the format, and a document that is not a mapping', () => {
    expect(problems('name: R\nlanguages: [en]\nmembers: []\n__proto__: 1\n')).toHaveLength(1);
    expect(problems('- a\n')).toHaveLength(1);
  });
});

describe('normalizeMemberPath', () => {
  it('makes the folder plain', () => {
    expect([undefined, '.', './', 'a/./b/', 'a//b'].map(normalizeMemberPath)).toEqual(['', '', '', 'a/b', 'a/b']);
  });
});
