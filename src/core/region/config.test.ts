import { describe, expect, it } from 'vitest';
import { regionValidator } from '../../io/schemas.js';
import { normalizeMemberPath, parseRegionText as parseWith, regionTemplate, withMember } from './config.js';
import { thrown } from '../../../test/helpers/errors.js';

/** The region file's own validator, as io/region/region-root.ts hands it in. */
const parseRegionText = (text: string, file: string, lang: 'sv' | 'en') =>
  parseWith(text, file, lang, regionValidator());

/** The problems of a region file that is refused, one line each. */
function problems(text: string): readonly string[] {
  return thrown(() => parseRegionText(text, 'ideas.region.yaml', 'en')).details;
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
      {
        id: 'a',
        name: 'N',
        municipality: null,
        url: '../a',
        fetchUrl: '../a',
        branch: 'main',
        path: 'reg',
        site: null,
      },
    ]);
  });

  it('shows a member by its address without credentials, and keeps the address as written for git alone', () => {
    const url = 'https://anna:ghp_SECRET@git.example.org/x.git';
    const [m] = parseRegionText(`name: R\nlanguages: [en]\nmembers:\n${member('a', url)}`, 'f', 'en').members;
    expect([m?.url, m?.fetchUrl]).toEqual(['https://git.example.org/x.git', url]);
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

  it('reads a site only when it is a web address', () => {
    const withSite = (site: string) => `name: R\nlanguages: [en]\nmembers:\n${member('a', 'u')}    site: "${site}"\n`;
    expect(parseRegionText(withSite('https://lidkoping.se/ideer'), 'ideas.region.yaml', 'en').members[0]?.site).toBe(
      'https://lidkoping.se/ideer',
    );
    for (const site of ['javascript:alert(1)', 'data:text/html,x', '//evil.example/', 'HTTPS:x'])
      expect(problems(withSite(site)), site).toEqual([
        expect.stringContaining('The site must be a whole address starting with https:// or http://'),
      ]);
  });

  it('finds a second member at the same repository however its address is written', () => {
    expect(
      problems(
        `name: R\nlanguages: [en]\nmembers:\n${member('a', 'git://127.0.0.1:19418/lidk.git')}${member('b', 'git://127.0.0.1:19418/lidk.git/')}${member('c', 'git://127.0.0.1:19418/lidk')}`,
      ),
    ).toEqual([
      'ideas.region.yaml:9:10 member "b" points at the same repository, branch and folder as "a"',
      'ideas.region.yaml:12:10 member "c" points at the same repository, branch and folder as "a"',
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

describe('withMember', () => {
  it('adds members after the last, and keeps the other entries, the comments and the quoting', () => {
    const text = [
      '# Regionen',
      'schemaVersion: 1',
      'name: "Skaraborg"   # kommunerna i Skaraborg',
      'languages: [sv, en]',
      'members:',
      '  # den första',
      "  - {id: lidkoping, name: 'Lidköping', url: ../l}",
      '# slut',
      '',
    ].join('\n');
    const added = withMember(text, { id: 'skovde', name: 'Skövde kommun', url: '../s', municipality: '1496' });
    expect(added).toBe(
      [
        '# Regionen',
        'schemaVersion: 1',
        'name: "Skaraborg" # kommunerna i Skaraborg',
        'languages: [sv, en]',
        'members:',
        '  # den första',
        "  - {id: lidkoping, name: 'Lidköping', url: ../l}",
        '  - id: skovde',
        '    name: Skövde kommun',
        '    municipality: "1496"',
        '    url: ../s',
        '',
        '# slut',
        '',
      ].join('\n'),
    );
    expect(parseRegionText(added, 'f', 'sv').members.map((m) => [m.id, m.municipality])).toEqual([
      ['lidkoping', null],
      ['skovde', '1496'],
    ]);
  });

  it("turns the template's empty list into a block, and gives a text the file's own check reads", () => {
    const text = regionTemplate('Skaraborg', 'sv');
    const added = withMember(text, { id: 'a', name: 'A: kommun #1', url: 'https://x.example/a.git', branch: 'main' });
    expect(added.slice(0, text.indexOf('members:'))).toBe(text.slice(0, text.indexOf('members:')));
    expect(added.slice(text.indexOf('members:'))).toBe(
      'members:\n  - id: a\n    name: "A: kommun #1"\n    url: https://x.example/a.git\n    branch: main\n',
    );
    expect(parseRegionText(added, 'f', 'sv').members[0]?.name).toBe('A: kommun #1');
    // A file without members gets the key.
    expect(withMember('name: R\nlanguages: [sv]\n', { id: 'a', name: 'A', url: '../a' })).toBe(
      'name: R\nlanguages: [sv]\nmembers:\n  - id: a\n    name: A\n    url: ../a\n',
    );
  });
});
