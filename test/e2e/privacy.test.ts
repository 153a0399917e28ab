/**
 * Personal data in public outputs, attacked from every place a JSON Schema can declare a field: a registry whose
 * criteria mark fields public where they are plainly declared and personal where they are harder to see (allOf,
 * anyOf, oneOf, if/then/else, dependentSchemas, patternProperties, additionalProperties, prefixItems, $ref into $defs
 * and into the base schema), and ideas that hold a unique marker in every value that must stay out. Every file the
 * site writes, the exports and the reports are searched for the marker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, REPO_ROOT, type RunResult } from '../helpers/cli.js';

import { markdownFiles, parseIdeaText, writeFile } from '../helpers/registry.js';
import { git, makeTempRepo, readTree, removeTempDirs } from '../helpers/temp-repo.js';
import { readCsv } from '../helpers/csv.js';
import { runIn, writeRegionFile } from '../helpers/region.js';

afterAll(removeTempDirs);

const MARK = 'PERSONAL-7f3a';

const CONFIG = `schemaVersion: 1
name: Integritetsprov
language: sv
idPrefix: priv
ideasDir: ideas
stages:
  - key: idea
    folder: 01-ide
    label: { sv: Idé, en: Idea }
    next: [test]
    criteria: criteria/idea.schema.json
  - key: test
    folder: 02-test
    label: { sv: Test, en: Test }
    next: []
    criteria: criteria/test.schema.json
`;

const pub = (schema: Record<string, unknown> = {}) => ({ 'x-public': true, ...schema });
const personal = { 'x-personal': true };
const text = { type: 'string' };

/** Every field is marked public where it is declared; the personal ones are marked so elsewhere too. */
const IDEA_CRITERIA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    plan: pub(text),
    manager: pub(text),
    sponsor: pub(text),
    reviewer: pub(text),
    phone: pub(text),
    mentor: pub(text),
    tester: pub(text),
    guardian: pub(text),
    owner: pub({ $ref: '#/$defs/person' }),
    // Found from outside: a schema with an `$anchor` was refused as no JSON Schema, though the docs name it.
    deputy: pub({ $ref: '#deputy' }),
    team: pub({ type: 'object', properties: { size: { type: 'integer' }, lead: text } }),
    // A key a pattern covers is public only where the pattern's schema says so itself: count_ is not, total_ is.
    roles: pub({
      type: 'object',
      patternProperties: { '^name_': personal, '^count_': { type: 'integer' }, '^total_': pub({ type: 'integer' }) },
    }),
    extra: pub({ type: 'object', properties: { place: text }, additionalProperties: personal }),
    pair: pub({ type: 'array', prefixItems: [text, { ...text, ...personal }], items: text }),
    partners: pub({
      type: 'array',
      items: { type: 'object', properties: { name: text, contact: { ...text, ...personal } } },
    }),
    place: pub({ type: 'object', properties: { town: text } }),
    unmarked: text,
    both: { ...pub(text), ...personal },
    carrier_alias: pub({ $ref: 'https://ideas.invalid/schemas/idea.schema.json#/properties/carrier' }),
    contact_phone: pub(text),
    // A check that fails below a public field names where: a key of the idea's own, which the checklist must not.
    ledger: pub({ type: 'object', additionalProperties: { type: 'number' } }),
    team_gender: { type: 'object', 'x-aggregate': true, properties: { women: { type: 'integer' } } },
    carrier_gender: { type: 'string', 'x-aggregate': true },
  },
  // ajv's strict mode refuses a pattern that matches a property declared beside it: the pattern sits in an allOf.
  allOf: [{ properties: { manager: personal } }, { patternProperties: { '^contact_': personal } }],
  anyOf: [{ properties: { sponsor: personal } }, { required: ['title'] }],
  oneOf: [{ properties: { reviewer: personal } }, { required: ['no-such-field'] }],
  if: { properties: { phone: personal } },
  then: { properties: { mentor: personal } },
  else: { properties: { tester: personal } },
  dependentSchemas: { guardian: { properties: { guardian: personal } } },
  $ref: '#/$defs/rules',
  $defs: {
    person: { ...text, ...personal },
    deputyName: { $anchor: 'deputy', ...text, ...personal },
    rules: { allOf: [{ if: { required: ['team'] }, then: { properties: { team: { $ref: '#/$defs/team' } } } }] },
    team: { properties: { lead: personal } },
  },
};

/**
 * A later stage marks public what the first marked personal: personal wins. It marks the coach (personal in the base
 * schema) aggregate-only, which must not make the coach's name a report's group.
 */
const TEST_CRITERIA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    manager: pub(text),
    carrier: pub(text),
    result: pub(text),
    coach: { ...text, 'x-aggregate': true },
  },
};

/** The values that must stay out, each with its own marker; the public ones, which must stay in. */
const IDEA_A = `---
id: priv-aaaa01
title: Cykelpool
created: 2026-01-10
carrier: ${MARK}-carrier
coach: ${MARK}-coach
contact: ${MARK}-contact
unit: Vård
tags: [cykel, klimat]
plan: Plan-publik-1
manager: ${MARK}-allof
sponsor: ${MARK}-anyof
reviewer: ${MARK}-oneof
phone: ${MARK}-if
mentor: ${MARK}-then
tester: ${MARK}-else
guardian: ${MARK}-dependent
owner: ${MARK}-ref
deputy: ${MARK}-anchor
team: { size: 4, lead: ${MARK}-ref-defs-allof-if-then }
roles: { name_lead: ${MARK}-pattern, count_staff: 3, total_staff: 5 }
extra: { place: Matfors, anyone: ${MARK}-additional }
pair: [Publik-del, ${MARK}-prefix, Mer-publik]
partners:
  - { name: Atea, contact: ${MARK}-partner-1 }
  - { name: Sogeti, contact: ${MARK}-partner-2 }
place: { town: Sundsvall, street: ${MARK}-subkey }
unmarked: ${MARK}-unmarked
both: ${MARK}-both
carrier_alias: ${MARK}-crossfile
contact_phone: ${MARK}-toppattern
nobody: ${MARK}-nobody
ledger: { "${MARK}-checklist-key]": "42000" }
team_gender: { women: 2, men: 1 }
carrier_gender: kvinna
history:
  - { date: 2026-01-10, action: created, to: idea, by: ${MARK}-by }
  - { date: 2026-01-11, action: assigned, field: manager, old: ${MARK}-old, new: ${MARK}-new, by: ${MARK}-by-2 }
  - { date: 2026-01-12, action: assigned, field: plan, new: Plan-publik-1, by: ${MARK}-by-3 }
  - { date: 2026-01-13, action: assigned, field: team, new: { size: 4, lead: ${MARK}-assigned-lead } }
---

Text om cykelpoolen.
`;

const IDEA_B = `---
id: priv-bbbb02
title: Skolgård
created: 2026-02-01
carrier: ${MARK}-carrier-b
unit: Skola
tags: [skola]
plan: Plan-publik-2
manager: ${MARK}-allof-b
result: Resultat-publik
pair: [Andra-del, ${MARK}-prefix-b]
history:
  - { date: 2026-02-01, action: created, to: idea, by: ${MARK}-by-b }
  - { date: 2026-03-01, action: moved, from: idea, to: test, decision: approve, amount: 5000, note: Bra, by: ${MARK}-council }
---

Text om skolgården.
`;

const PUBLIC_VALUES = [
  'Cykelpool',
  'Plan-publik-1',
  'Plan-publik-2',
  'Resultat-publik',
  'Matfors',
  'Sundsvall',
  'Atea',
  'Sogeti',
  'Publik-del',
  'Mer-publik',
  'Andra-del',
  'Text om cykelpoolen.',
];

function makeRegistry(): string {
  const dir = makeTempRepo();
  writeFile(dir, 'ideas.config.yaml', CONFIG);
  writeFile(dir, 'criteria/idea.schema.json', JSON.stringify(IDEA_CRITERIA, null, 2));
  writeFile(dir, 'criteria/test.schema.json', JSON.stringify(TEST_CRITERIA, null, 2));
  writeFile(dir, 'ideas/01-ide/priv-aaaa01-cykelpool.md', IDEA_A);
  writeFile(dir, 'ideas/02-test/priv-bbbb02-skolgard.md', IDEA_B);
  git(['add', '-A'], dir);
  git(['commit', '-qm', 'init'], dir);
  return dir;
}

/** makeRegistry's registry with its criteria marking the id personal (by a pattern, as a composite may), committed. */
function registryWithholdingIds(): string {
  const dir = makeRegistry();
  const criteria = {
    ...IDEA_CRITERIA,
    allOf: [...IDEA_CRITERIA.allOf, { patternProperties: { '^i[d]$': personal } }],
  };
  writeFile(dir, 'criteria/idea.schema.json', JSON.stringify(criteria, null, 2));
  git(['commit', '-qam', 'ids withheld'], dir);
  return dir;
}

/**
 * A region of the one member `registry`, synced, and its four public views as JSON (list, export, report, site into
 * `public`), each run ok.
 */
function regionOf(registry: string): { region: string; outputs: RunResult[] } {
  const region = makeTempRepo();
  writeRegionFile(region, [{ id: 'priv', name: 'Privat', url: registry }]);
  const sync = runIn(region, ['region', 'sync']);
  expect(sync.code, describeRun(sync)).toBe(0);
  const outputs = [
    runIn(region, ['region', 'list', '--json']),
    runIn(region, ['region', 'export', '--format', 'json']),
    runIn(region, ['region', 'report', '--format', 'json']),
    runIn(region, ['region', 'site', '--out', 'public', '--json']),
  ];
  for (const r of outputs) expect(r.code, describeRun(r)).toBe(0);
  return { region, outputs };
}

/** Each marker planted, by what it says it tests: a leak names its way out. */
const leaked = (text: string) => [...new Set(text.match(new RegExp(`${MARK}-[A-Za-z0-9-]*`, 'g')) ?? [])];

let dir: string;
beforeAll(() => {
  dir = makeRegistry();
});

describe('public outputs hold only what a schema marks public', () => {
  it('the site: no marker in any file, page, data attribute or embedded text', () => {
    const r = ideas(['site', '--out', 'public'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const files = readTree(path.join(dir, 'public'));
    expect([...files.keys()].filter((f) => f.endsWith('.html')).sort()).toEqual([
      'ideas/priv-aaaa01.html',
      'ideas/priv-bbbb02.html',
      'index.html',
      'stats.html',
    ]);
    for (const [file, content] of files) expect(leaked(content), file).toEqual([]);
    for (const [file, content] of files)
      for (const m of content.matchAll(/data-[a-z-]+="([^"]*)"/g)) expect(leaked(m[1] ?? ''), file).toEqual([]);
    const all = [...files.values()].join('\n');
    for (const value of PUBLIC_VALUES) expect(all, value).toContain(value);
    const page = files.get('ideas/priv-aaaa01.html') ?? '';
    // The assignments: a personal field's values go, a public one's stay, an object's personal part goes.
    expect(page).toMatch(/2026-01-11<\/time> [^<]*manager[^<]*<\/li>/);
    expect(page).toMatch(/2026-01-12<\/time> [^<]*Plan-publik-1/);
    expect(page).not.toContain('count_staff');
    expect(page).toContain('total_staff: 5');
    expect(page).toContain('size: 4');
  });

  it('--include-personal keeps every value in the site, as before', () => {
    const r = ideas(['site', '--out', 'internal', '--include-personal'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const all = [...readTree(path.join(dir, 'internal')).values()].join('\n');
    for (const m of [
      'carrier',
      'allof',
      'anyof',
      'oneof',
      'then',
      'dependent',
      'ref-defs-allof-if-then',
      'anchor',
      'pattern',
      'additional',
      'prefix',
      'partner-1',
      'subkey',
      'nobody',
      'both',
      'crossfile',
      'by',
      'new',
    ])
      expect(all).toContain(`${MARK}-${m}`);
  });

  it('the site: an id the schemas withhold names no page, and is in no file', () => {
    const withheld = registryWithholdingIds();
    const r = ideas(['site', '--out', 'public'], { cwd: withheld });
    expect(r.code, describeRun(r)).toBe(0);
    const files = readTree(path.join(withheld, 'public'));
    expect([...files.keys()].filter((f) => f.startsWith('ideas/')).sort()).toEqual([
      'ideas/idea-1.html',
      'ideas/idea-2.html',
    ]);
    for (const [file, content] of files) {
      expect(file).not.toMatch(/aaaa01|bbbb02/);
      expect(content, file).not.toMatch(/aaaa01|bbbb02/);
    }
    expect(files.get('ideas/idea-1.html')).toContain('Cykelpool');
  });

  // Found from outside: a region took a withheld id from the file's name, and kept the path (id and title's slug).
  it('the region: an id the schemas withhold is in no view, nor the file name made of it', () => {
    const { region, outputs } = regionOf(registryWithholdingIds());
    for (const r of outputs) expect(r.stdout).not.toMatch(/aaaa01|bbbb02|-cykelpool\.md|-skolgard\.md/);
    // The ideas are there, by their titles.
    expect(outputs[0]?.stdout).toContain('Cykelpool');
    // Found from outside: the ref region list gives such an idea (its member and place) was refused by region show.
    const refs = parseJson<{ ideas: { ref: string; title: string | null }[] }>(outputs[0] as RunResult).ideas;
    const ref = refs.find((i) => i.title === 'Cykelpool')?.ref ?? '';
    expect(ref).toMatch(/^priv:ideas\/01-ide\/[0-9a-f]{12}\.md$/);
    const shown = runIn(region, ['region', 'show', ref]);
    expect(shown.code, describeRun(shown)).toBe(0);
    expect(shown.stdout).toContain('Cykelpool');
    expect(shown.stdout).not.toMatch(/aaaa01|bbbb02/);
    // Named by the ref it was shown with, not an empty id (found from outside: `Id: priv:`).
    expect(shown.stdout).toMatch(new RegExp(`^Id: ${ref.replaceAll('.', '\\.')}$`, 'm'));
    for (const [file, content] of readTree(path.join(region, 'public'))) {
      expect(file).not.toMatch(/aaaa01|bbbb02|cykelpool|skolgard/);
      expect(content, file).not.toMatch(/aaaa01|bbbb02|-cykelpool\.md|-skolgard\.md/);
    }
  });

  // Found from outside: a file with no id, named by hand after a person, named its page on both sites, and its path
  // in every region view; so did a file named by hand beside a public id and title.
  it('a file named by hand names no page and no path, on the site or in the region', () => {
    const named = makeRegistry();
    writeFile(
      named,
      'ideas/01-ide/anna-berg-0701234567.md',
      '---\ntitle: Lånecykel\ncreated: 2026-01-01\n---\nText.\n',
    );
    writeFile(
      named,
      'ideas/01-ide/priv-cccc03-anna-berg-19800101-1234.md',
      '---\nid: priv-cccc03\ntitle: Skolskjuts\ncreated: 2026-01-02\n---\nText.\n',
    );
    git(['add', '-A'], named);
    git(['commit', '-qm', 'named by hand'], named);
    const site = ideas(['site', '--out', 'public'], { cwd: named });
    expect(site.code, describeRun(site)).toBe(0);
    const files = readTree(path.join(named, 'public'));
    // The idea without an id is there, by its title, on a page named by its place; the one with an id by its id.
    expect([...files.keys()].filter((f) => f.startsWith('ideas/')).sort()).toEqual([
      'ideas/idea-1.html',
      'ideas/priv-aaaa01.html',
      'ideas/priv-bbbb02.html',
      'ideas/priv-cccc03.html',
    ]);
    expect(files.get('ideas/idea-1.html')).toContain('Lånecykel');
    for (const [file, content] of files)
      expect(`${file}\n${content}`, file).not.toMatch(/anna-berg|0701234567|19800101/);
    const { region, outputs } = regionOf(named);
    for (const r of outputs) expect(r.stdout).not.toMatch(/anna-berg|0701234567|19800101/);
    // A file named as `ideas new` names it keeps its path.
    expect(outputs[0]?.stdout).toContain('ideas/01-ide/priv-aaaa01-cykelpool.md');
    expect(outputs[0]?.stdout).toContain('Lånecykel');
    for (const [file, content] of readTree(path.join(region, 'public')))
      expect(`${file}\n${content}`, file).not.toMatch(/anna-berg|0701234567|19800101/);
  });

  // Found from outside: the site named no page by a withheld id, but the report listed every idea waiting by it.
  it.each(['text', 'md', 'json', 'csv'])('the report as %s: an id the schemas withhold names no idea', (format) => {
    const withheld = registryWithholdingIds();
    // Every idea waits past its stage's limit, so that the report lists it.
    writeFile(
      withheld,
      'ideas.config.yaml',
      CONFIG.replace(/^ {4}criteria: (.*)$/gm, '    criteria: $1\n    limitDays: 1'),
    );
    const r = ideas(['report', '--format', format], { cwd: withheld });
    expect(r.code, describeRun(r)).toBe(0);
    // The ideas are listed, by their titles where the format has a column for them.
    expect(r.stdout).toMatch(format === 'csv' ? /^väntar;/m : /Cykelpool/);
    expect(r.stdout).not.toMatch(/aaaa01|bbbb02/);
    const internal = ideas(['report', '--format', format, '--include-personal'], { cwd: withheld });
    expect(internal.stdout).toMatch(/priv-aaaa01/);
  });

  it('the export, as CSV and as JSON: no marker, the public values in place', () => {
    const csv = ideas(['export'], { cwd: dir });
    expect(csv.code, describeRun(csv)).toBe(0);
    expect(leaked(csv.stdout)).toEqual([]);
    // The CSV's header names columns by their labels in the registry's language; the JSON by their keys.
    const header = readCsv(csv.stdout, ';').rows[0];
    const json = ideas(['export', '--format', 'json'], { cwd: dir });
    expect(json.code, describeRun(json)).toBe(0);
    const { columns } = JSON.parse(json.stdout) as { columns: string[] };
    expect(header).toHaveLength(columns.length);
    expect(columns).toEqual([
      'id',
      'title',
      'stage',
      'created',
      'unit',
      'tags',
      'plan',
      'team.size',
      'roles.total_staff',
      'extra.place',
      'pair',
      'partners',
      'place.town',
      'result',
      'entered.idea',
      'entered.test',
      'granted',
      'body',
    ]);
    expect(leaked(json.stdout)).toEqual([]);
    for (const value of PUBLIC_VALUES) expect(json.stdout, value).toContain(value);
    const internal = ideas(['export', '--format', 'json', '--include-personal'], { cwd: dir });
    expect(internal.code, describeRun(internal)).toBe(0);
    expect(leaked(internal.stdout).length).toBeGreaterThan(20);
  });

  it.each(['text', 'md', 'json', 'csv'])('the report as %s, broken down by public fields: no marker', (format) => {
    const r = ideas(['report', '--until', '2026-06-30', '--format', format, '--by', 'plan', '--by', 'pair'], {
      cwd: dir,
    });
    expect(r.code, describeRun(r)).toBe(0);
    expect(leaked(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('Plan-publik-1');
    expect(r.stdout).toContain('Publik-del');
  });

  it.each([
    ['unmarked', 'inte märkt som offentligt'],
    ['nobody', 'inte märkt som offentligt'],
    ['manager', 'personuppgifter'],
    ['sponsor', 'personuppgifter'],
    ['phone', 'personuppgifter'],
    ['owner', 'personuppgifter'],
    ['both', 'personuppgifter'],
    ['carrier_alias', 'personuppgifter'],
    ['contact_phone', 'personuppgifter'],
    ['carrier', 'personuppgifter'],
    ['coach', 'personuppgifter'],
  ])('refuses a breakdown by %s, which is not public (exit 2)', (field, says) => {
    const r = ideas(['report', '--by', field], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain(says);
    expect(r.stderr).toContain('--include-personal');
    expect(leaked(r.stdout + r.stderr)).toEqual([]);
    const internal = ideas(['report', '--by', field, '--include-personal', '--json'], { cwd: dir });
    expect(internal.code, describeRun(internal)).toBe(0);
  });

  it('breaks down by an aggregate-only field, its small groups pooled', () => {
    const r = ideas(['report', '--by', 'carrier_gender', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<{ breakdowns: { field: string; groups: unknown[] }[] }>(r);
    expect(doc.breakdowns[0]).toMatchObject({ field: 'carrier_gender', groups: [] });
    expect(r.stdout).not.toContain('kvinna');
  });
});

describe("the site's checklists", () => {
  it('say nothing of a criterion on a personal field: not its name, nor whether it is met, nor what is wrong', () => {
    const root = makeTempRepo();
    fs.cpSync(path.join(REPO_ROOT, 'examples', 'minimal'), root, { recursive: true });
    writeFile(root, 'criteria/idea.schema.json', '{"properties":{"relatives":{"type":"object","x-personal":true}}}');
    // The next stage's criteria refuse the mapping's keys: ajv's words for that quote the key.
    writeFile(
      root,
      'criteria/doing.schema.json',
      '{"properties":{"relatives":{"type":"object","x-personal":true,"propertyNames":{"pattern":"^[a-z]+$"}}}}',
    );
    const file = path.join(root, 'ideas/01-ide/ide-nh9mb6-digital-anslagstavla-i-personalrummet.md');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace(/^tags:/m, `relatives: { "${MARK}-key Anna": "070" }\ntags:`),
    );
    git(['add', '-A'], root);
    git(['commit', '-qm', 'init'], root);
    const r = ideas(['site', '--out', 'site'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(0);
    const page = fs.readFileSync(path.join(root, 'site/ideas/ide-nh9mb6.html'), 'utf8');
    expect(page).not.toContain('relatives');
    expect(page).toContain('1 krav gäller uppgifter som inte visas här.');
    expect(leaked(page)).toEqual([]);
  });
});

describe('the markings in criteria files', () => {
  it.each([
    ['a merge conflict in it', (d: string) => writeFile(d, 'criteria/test.schema.json', '<<<<<<< HEAD\n{}\n')],
    ['gone', (d: string) => fs.rmSync(path.join(d, 'criteria/test.schema.json'))],
  ])('a criteria file %s: public outputs refuse (exit 2) rather than drop its markings', (_, breakIt) => {
    const broken = makeRegistry();
    breakIt(broken);
    for (const args of [['export'], ['export', '--format', 'json'], ['report'], ['site', '--out', 'site']]) {
      const r = ideas(args, { cwd: broken });
      expect(r.code, `${args.join(' ')}: ${describeRun(r)}`).toBe(2);
      // Said on stderr, or in the error document a JSON format asks for.
      expect(r.stderr + r.stdout).toContain('criteria/test.schema.json');
      expect(leaked(r.stdout)).toEqual([]);
    }
  });

  it.each([
    ['"true"', 'x-public'],
    ['1', 'x-personal'],
    ['"yes"', 'x-aggregate'],
  ])('refuses %s as the value of %s (exit 2), so a marking is never silently nothing', (value, keyword) => {
    const broken = makeRegistry();
    const schema = JSON.stringify(TEST_CRITERIA).replace('"x-public":true', `"${keyword}":${value}`);
    writeFile(broken, 'criteria/test.schema.json', schema);
    const r = ideas(['validate'], { cwd: broken });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('criteria/test.schema.json');
    expect(r.stderr).toContain(keyword);
  });
});

describe('the examples and the templates', () => {
  const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples'));

  it.each(examples)('%s: every field its criteria declare is marked public, personal or aggregate', (example) => {
    const folder = path.join(REPO_ROOT, 'examples', example, 'criteria');
    for (const file of fs.readdirSync(folder)) {
      const schema = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as {
        properties?: Record<string, Record<string, unknown>>;
      };
      for (const [name, field] of Object.entries(schema.properties ?? {})) {
        const marks = ['x-public', 'x-personal', 'x-aggregate'].filter((k) => field[k] === true);
        expect(marks, `${file}: ${name}`).toHaveLength(1);
      }
    }
  });

  it.each(examples)('%s: the site and the export show no personal value of its ideas', (example) => {
    const copy = makeTempRepo();
    fs.cpSync(path.join(REPO_ROOT, 'examples', example), copy, { recursive: true });
    const personalFields = new Set(['carrier', 'coach', 'contact', 'product_owner', 'manager']);
    const values = new Set<string>();
    for (const rel of markdownFiles(path.join(copy, 'ideas'))) {
      const { data } = parseIdeaText(fs.readFileSync(path.join(copy, 'ideas', rel), 'utf8'));
      for (const [k, v] of Object.entries(data)) if (personalFields.has(k) && typeof v === 'string') values.add(v);
      for (const e of Array.isArray(data.history) ? (data.history as Record<string, unknown>[]) : [])
        if (typeof e.by === 'string') values.add(e.by);
    }
    expect(values.size).toBeGreaterThan(0);
    const site = ideas(['site', '--out', 'public'], { cwd: copy });
    expect(site.code, describeRun(site)).toBe(0);
    const exported = ideas(['export', '--format', 'json'], { cwd: copy });
    expect(exported.code, describeRun(exported)).toBe(0);
    const outputs = [...readTree(path.join(copy, 'public')), ['export', exported.stdout] as const];
    // A name in an idea's own text is the writer's choice, and a council may be named in the registry's name (the
    // config is public): only the fields must stay out.
    const said =
      markdownFiles(path.join(copy, 'ideas'))
        .map((rel) => parseIdeaText(fs.readFileSync(path.join(copy, 'ideas', rel), 'utf8')).body)
        .join('\n') + fs.readFileSync(path.join(copy, 'ideas.config.yaml'), 'utf8');
    for (const value of [...values].filter((v) => !said.includes(v)))
      for (const [file, content] of outputs) expect(content, `${file}: ${value}`).not.toContain(value);
    // The public fields still show: the export has more columns than the leading ones and the summary.
    const doc = JSON.parse(exported.stdout) as { columns: string[] };
    expect(doc.columns).toEqual(expect.arrayContaining(['id', 'title', 'unit', 'tags']));
  });

  it('ideas init writes criteria with the markings', () => {
    const fresh = makeTempRepo();
    const r = ideas(['init', '--template', 'sundsvall', '--lang', 'sv'], { cwd: fresh });
    expect(r.code, describeRun(r)).toBe(0);
    const config = parse(fs.readFileSync(path.join(fresh, 'ideas.config.yaml'), 'utf8')) as {
      stages: { criteria: string }[];
    };
    const files = config.stages.map((s) => fs.readFileSync(path.join(fresh, s.criteria), 'utf8')).join('\n');
    expect(files).toContain('"x-public": true');
    expect(files).toContain('"x-personal": true');
    expect(files).toContain('"x-aggregate": true');
  });
});

// Found from outside: with the history withheld, an idea's page said since when it is in its stage, from the
// registration date, which the schemas withheld too.
it('says no date the schemas withhold, not even since when an idea is in its stage', () => {
  const dir = makeTempRepo();
  writeFile(dir, 'ideas.config.yaml', CONFIG);
  const criteria = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { created: { 'x-personal': true }, history: { 'x-personal': true } },
  };
  writeFile(dir, 'criteria/idea.schema.json', JSON.stringify(criteria));
  writeFile(dir, 'criteria/test.schema.json', JSON.stringify(TEST_CRITERIA));
  writeFile(
    dir,
    'ideas/01-ide/priv-cccc03-datum.md',
    '---\nid: priv-cccc03\ntitle: Datum\ncreated: 2026-01-17\nhistory:\n  - { date: 2026-01-17, action: created, to: idea }\n---\n\nText.\n',
  );
  const r = ideas(['site', '--out', 'public'], { cwd: dir });
  expect(r.code, describeRun(r)).toBe(0);
  const pages = [...readTree(path.join(dir, 'public')).values()].join('\n');
  expect(pages).toContain('Datum');
  expect(pages).not.toContain('2026-01-17');
});
