import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, STACK_LINE } from '../helpers/cli.js';
import { parseCsvWithLibrary, readCsv, rowsByKey } from '../helpers/csv.js';
import { plantedExample } from '../helpers/planted.js';
import { initRegistry, readConfig, stageDir, writeFile } from '../helpers/registry.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

const PERSONAL = ['Lisa Ek', 'Johan Ek', 'Anna Berg', 'Sara Nyberg', 'Idérådet'];

let dir: string;
beforeAll(() => {
  dir = plantedExample();
});

/** The columns' keys of an export, from its JSON document (the CSV's header has labels). */
function columnKeys(args: string[], cwd: string): string[] {
  const json = ideas([...args.filter((a) => !['--delimiter', ',', 'tab'].includes(a)), '--format', 'json'], { cwd });
  return parseJson<{ columns: string[] }>(json).columns;
}

/** An export's CSV read by csv-parse, its rows keyed by the columns' keys. */
function exported(args: string[], cwd: string, delimiter: string): Record<string, string>[] {
  const r = ideas(args, { cwd });
  expect(r.code, describeRun(r)).toBe(0);
  return rowsByKey(parseCsvWithLibrary(r.stdout, delimiter), columnKeys(args, cwd));
}

describe('ideas export', () => {
  it('writes CSV for Swedish Excel: a BOM, ; between cells, RFC 4180 quoting and a guard against formulas', () => {
    const r = ideas(['export'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stderr).toBe('');
    const read = readCsv(r.stdout, ';');
    expect(read.bom).toBe(true);
    expect(r.stdout).toMatch(/\r\n$/);
    const rows = rowsByKey(read.rows, columnKeys(['export'], dir));
    expect(rows).toHaveLength(11);
    // The header in the registry's language: the fields' labels, and the program's own columns.
    expect(read.rows[0]?.slice(0, 6)).toEqual([
      'Id',
      'Idéns namn',
      'Steg',
      'Skapad',
      'Enhet eller förvaltning',
      'Utmaning som idén svarar mot',
    ]);
    expect(read.rows[0]?.slice(-3)).toEqual(['In i steget Avslagen', 'Beviljat belopp', 'Beskrivning']);
    expect(parseCsvWithLibrary(r.stdout, ';')).toEqual(read.rows);
    const tricky = rows.find((x) => x.id === 'sund-zzzzzz');
    expect(tricky).toMatchObject({
      title: 'Citat "så här"; och semikolon',
      stage: 'Idé',
      unit: `'=HYPERLINK("http://x.invalid","klicka")`,
      tags: 'a;b, -minus',
      'entered.idea': '2026-11-01',
      granted: '0',
      body: 'Rad ett\n"rad två"; med semikolon',
    });
    // People read the stage and the challenge by their labels, which import reads back (JSON keeps the keys).
    expect(rows.find((x) => x.id === 'sund-ehq9v5')).toMatchObject({
      stage: 'Spridning',
      challenge: 'Klimatomställning och minskat svinn',
      manager_support: 'ja',
      'entered.test': '2025-03-26',
      'entered.spread': '2026-02-18',
      granted: '150000',
    });
  });

  it('leaves out personal and aggregate-only fields by default, and keeps them with --include-personal', () => {
    const r = ideas(['export'], { cwd: dir });
    for (const name of PERSONAL) expect(r.stdout).not.toContain(name);
    expect(read(r.stdout)[0]).not.toEqual(expect.arrayContaining(['carrier']));
    expect(r.stdout).not.toContain('team_gender');
    const internal = ideas(['export', '--include-personal'], { cwd: dir });
    expect(internal.code, describeRun(internal)).toBe(0);
    const row = exported(['export', '--include-personal'], dir, ';').find((x) => x.id === 'sund-zzzzzz');
    expect(row).toMatchObject({
      carrier: 'Lisa Ek',
      coach: 'Johan Ek',
      'team_gender.women': '2',
      'team_gender.men': '1',
    });
    // The history is summarised, never exported: its entries name people.
    expect(internal.stdout).not.toContain('Idérådet');
  });

  it('takes --delimiter, --stage and --format json', () => {
    const comma = ideas(['export', '--delimiter', ',', '--stage', 'test'], { cwd: dir });
    expect(comma.code, describeRun(comma)).toBe(0);
    expect(
      exported(['export', '--delimiter', ',', '--stage', 'test'], dir, ',')
        .map((x) => x.id)
        .sort(),
    ).toEqual(['sund-732bj6', 'sund-avmpk4']);
    const tab = ideas(['export', '--delimiter', 'tab', '--stage', 'test'], { cwd: dir });
    expect(readCsv(tab.stdout, '\t').rows[0]?.slice(0, 2)).toEqual(['Id', 'Idéns namn']);
    const json = ideas(['export', '--format', 'json'], { cwd: dir });
    expect(json.code, describeRun(json)).toBe(0);
    const doc = parseJson<{
      schemaVersion: number;
      kind: string;
      includePersonal: boolean;
      columns: string[];
      ideas: Record<string, unknown>[];
    }>(json);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'idea-export', includePersonal: false });
    expect(doc.ideas.find((x) => x.id === 'sund-ehq9v5')).toMatchObject({
      manager_support: true,
      granted: 150000,
      spread_to: ['Hemtjänsten i Timrå kommun', 'Hemtjänsten i Härnösands kommun', 'Hemtjänsten Haga i Sundsvall'],
    });
    for (const name of PERSONAL) expect(json.stdout).not.toContain(name);
  });

  it('separates with , in an English registry, and writes yes and no', () => {
    const en = initRegistry('minimal', 'en', { git: false });
    writeFile(
      en,
      `${stageDir(readConfig(en))}/idea-aaaaaa-x.md`,
      '---\nid: idea-aaaaaa\ntitle: Bikes, for all\ncreated: 2026-01-01\nready: true\n---\n',
    );
    // Only a field a schema marks public is exported.
    writeFile(
      en,
      'criteria/idea.schema.json',
      JSON.stringify({ type: 'object', properties: { ready: { type: 'boolean', 'x-public': true } } }),
    );
    const r = ideas(['export'], { cwd: en });
    expect(r.code, describeRun(r)).toBe(0);
    expect(exported(['export'], en, ',')[0]).toMatchObject({ title: 'Bikes, for all', ready: 'yes' });
    // An English registry's header is English; a field without a label keeps its key.
    expect(readCsv(r.stdout, ',').rows[0]).toEqual([
      'Id',
      'Name of the idea',
      'Stage',
      'Created',
      'ready',
      'Entered Idea',
      'Entered In progress',
      'Entered Done',
      'Amount granted',
      'Text',
    ]);
  });

  it.each([
    { name: 'a delimiter of two characters', args: ['export', '--delimiter', ';;'], says: ';;' },
    { name: 'a quote as the delimiter', args: ['export', '--delimiter', '"'], says: '"' },
    { name: 'an unknown format', args: ['export', '--format', 'xlsx'], says: 'xlsx' },
    { name: 'an unknown stage', args: ['export', '--stage', 'nowhere'], says: 'nowhere' },
  ])('refuses $name: exit 2, nothing on stdout', ({ args, says }) => {
    const r = ideas(args, { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('outside a registry: exit 2, and with --json an error document', () => {
    const r = ideas(['export', '--json'], { cwd: makeTempDir() });
    expect(r.code, describeRun(r)).toBe(2);
    expect(parseJson(r)).toMatchObject({ kind: 'error', error: { code: 'NOT_A_REGISTRY' } });
  });
});

function read(text: string): string[][] {
  return readCsv(text, ';').rows;
}
