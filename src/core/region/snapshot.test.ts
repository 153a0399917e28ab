import { describe, expect, it } from 'vitest';
import { readPackageSchema } from '../../io/schemas.js';
import { classifyFields } from '../criteria/personal-data.js';
import { normalizeConfig } from '../sluice/config.js';
import { buildIdeas, placeOf } from './snapshot.js';

const config = normalizeConfig({
  name: 'Medlem',
  language: 'sv',
  idPrefix: 'm',
  stages: [{ key: 'idea', folder: '01-ide', label: { sv: 'Idé', en: 'Idea' }, next: [], criteria: 'c.json' }],
});
const file = (name: string, front: string, i: number) => ({
  path: `ideas/01-ide/${name}.md`,
  bytes: Buffer.from(`---\n${front}\n---\nText.\n`),
  oid: `${i}`.repeat(40),
});
const FILES = [
  file('m-aaaa01-cykelpool', 'id: m-aaaa01\ntitle: Cykelpool\ncreated: 2026-01-10', 1),
  file('m-bbbb02-hemligt-namn', 'id: m-bbbb02\ntitle: Hemligt namn\ncreated: 2026-01-11\nsecret: true', 2),
];
/** Criteria that withhold an idea's title where the idea says it is secret (a condition decides, idea by idea). */
const criteria = {
  type: 'object',
  properties: { secret: { type: 'boolean' } },
  if: { properties: { secret: { const: true } }, required: ['secret'] },
  then: { properties: { title: { 'x-personal': true } } },
};

describe('buildIdeas: what a region keeps of a member idea', () => {
  it('keeps the file name where the id and the title are public', () => {
    const { ideas } = buildIdeas(config, FILES, classifyFields([readPackageSchema('idea')]), null);
    expect(ideas.map((i) => [i.id, i.title, i.path])).toEqual([
      ['m-aaaa01', 'Cykelpool', 'ideas/01-ide/m-aaaa01-cykelpool.md'],
      ['m-bbbb02', 'Hemligt namn', 'ideas/01-ide/m-bbbb02-hemligt-namn.md'],
    ]);
  });

  it('names an idea by its place where its title is withheld, by a condition too', () => {
    const classes = classifyFields([readPackageSchema('idea'), criteria]);
    const { ideas } = buildIdeas(config, FILES, classes, null);
    const secret = ideas[1];
    expect([secret?.id, secret?.title, secret?.path]).toEqual([
      'm-bbbb02',
      null,
      placeOf('ideas/01-ide/m-bbbb02-hemligt-namn.md'),
    ]);
    expect(JSON.stringify(ideas)).not.toMatch(/hemligt/i);
    // Each path is the file's name exactly where the title is kept.
    for (const i of ideas) expect(i.path.includes(i.id ?? '?')).toBe(i.title !== null);
    // Taken again from the snapshot before (an unchanged blob), the same.
    const again = buildIdeas(config, FILES, classes, new Map(ideas.map((i) => [i.oid, i])));
    expect(again.ideas.map((i) => i.path)).toEqual(ideas.map((i) => i.path));
    expect(again.parsed).toBe(0);
  });

  it('keeps no id the schemas withhold, not even the one in the file name', () => {
    const withheld = { properties: { id: { 'x-personal': true } } };
    const { ideas } = buildIdeas(config, FILES, classifyFields([readPackageSchema('idea'), withheld]), null);
    expect(ideas.map((i) => i.id)).toEqual([null, null]);
    expect(JSON.stringify(ideas)).not.toMatch(/aaaa01|bbbb02/);
  });

  // Found from outside: the path of a file named by hand was kept wherever the id and title were public.
  it('keeps a path only where its file name is what the public id and title make of it', () => {
    const classes = classifyFields([readPackageSchema('idea')]);
    const byHand = [
      file('anna-berg-0701234567', 'title: Lånecykel\ncreated: 2026-01-10', 3),
      file('m-cccc03-anna-berg-19800101', 'id: m-cccc03\ntitle: Skolskjuts\ncreated: 2026-01-10', 4),
      file('m-dddd04', 'id: m-dddd04\ntitle: Läxhjälp\ncreated: 2026-01-10', 5),
      file('m-eeee05-gammal-titel', 'id: m-eeee05\ntitle: Ny titel\ncreated: 2026-01-10', 6),
      file('m-ffff06-not-yaml', 'id: m-ffff06\ntitle: [', 7),
    ];
    const { ideas, unreadable } = buildIdeas(config, [...FILES, ...byHand], classes, null);
    expect(ideas.map((i) => i.path)).toEqual([
      'ideas/01-ide/m-aaaa01-cykelpool.md',
      'ideas/01-ide/m-bbbb02-hemligt-namn.md',
      placeOf('ideas/01-ide/anna-berg-0701234567.md'),
      placeOf('ideas/01-ide/m-cccc03-anna-berg-19800101.md'),
      // Named by its id alone, as `ideas new` names an idea whose title gives no slug.
      'ideas/01-ide/m-dddd04.md',
      // Named after a title since changed: the old title is no longer the public one.
      placeOf('ideas/01-ide/m-eeee05-gammal-titel.md'),
    ]);
    expect(unreadable.map((u) => u.path)).toEqual([placeOf('ideas/01-ide/m-ffff06-not-yaml.md')]);
    expect(JSON.stringify({ ideas, unreadable })).not.toMatch(/anna-berg|0701234567|19800101|gammal/);
    // Taken again from the snapshot before (unchanged blobs), the same.
    const again = buildIdeas(config, [...FILES, ...byHand], classes, new Map(ideas.map((i) => [i.oid, i])));
    expect(again.ideas.map((i) => i.path)).toEqual(ideas.map((i) => i.path));
  });

  it('names a place by its stage folder and a digest of the path, the same each time', () => {
    const place = placeOf('ideas/01-ide/m-aaaa01-cykelpool.md');
    expect(place).toMatch(/^ideas\/01-ide\/[0-9a-f]{12}\.md$/);
    expect(placeOf('ideas/01-ide/m-aaaa01-cykelpool.md')).toBe(place);
  });
});
