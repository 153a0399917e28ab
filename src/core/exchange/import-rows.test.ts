import { afterEach, describe, expect, it } from 'vitest';
import { normalizeConfig, type Stage } from '../sluice/config.js';
import {
  derivedAgrees,
  labelIndex,
  planColumns,
  suggestMaps,
  readRow,
  typeCell,
  type ColumnPlan,
  type KnownFields,
  type RowContext,
} from './import-rows.js';
import { baseValidators, compileCriteria, readPackageSchema } from '../../io/schemas.js';
import { thrown } from '../../../test/helpers/errors.js';

const config = normalizeConfig({
  name: 'T',
  language: 'sv',
  stages: [
    { key: 'idea', folder: '01-ide', label: { sv: 'Idé', en: 'Idea' }, next: ['test'], criteria: 'idea.json' },
    { key: 'test', folder: '03-test', label: { sv: 'Test', en: 'Test' }, next: [], criteria: 'test.json' },
  ],
  challenges: [{ id: 'klimat', label: { sv: 'Klimatet', en: 'The climate' } }],
});
const testCriteria = {
  type: 'object',
  required: ['carrier', 'manager_support'],
  properties: {
    manager_support: {
      type: 'boolean',
      const: true,
      'x-title': { sv: 'Chefen stödjer idén', en: 'The manager supports the idea' },
    },
    budget: { type: 'integer', minimum: 0 },
    team: { type: 'object', properties: { women: { type: 'integer' } } },
  },
};
const base = readPackageSchema('idea');
const schemas = [base, { type: 'object', properties: {} }, testCriteria];
const known: KnownFields = {
  names: new Set(['title', 'carrier', 'unit', 'challenge', 'tags', 'manager_support', 'budget', 'team']),
  labels: labelIndex(schemas),
};
const validators = new Map([['test', compileCriteria(testCriteria, 'import-rows-test:test')]]);
const ctx = (stage: Stage | null = null): RowContext => ({
  config,
  lang: 'sv',
  stage,
  schemas,
  today: '2026-11-23',
  base: baseValidators().idea,
  criteria: (s) => validators.get(s.key),
  source: 'rader.csv',
});
const test = config.stages[1] as Stage;

describe('planColumns', () => {
  // Found from outside: a header of 50,000 cells that all name the title took 26 s, and its message named them all.
  it('finds a field fed by many columns in time linear in the header, and names twenty of them', () => {
    const header = Array<string>(50_000).fill('Titel');
    const started = performance.now();
    const message = thrown(() => planColumns(header, new Map(), known)).text.sv;
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(message).toContain('… (50000)');
    expect(message.length).toBeLessThan(400);
  });

  // Found by a newcomer: with no column for the title, the hint named a column `Idé` the file did not have.
  it("with no column for the title, the hint names a column of the file's own", () => {
    const e = thrown(() => planColumns(['Namn', 'Idébärare'], new Map(), known));
    expect(e.text.sv).toContain('Ingen kolumn ger idéns namn (title). Kolumnerna är: Namn, Idébärare.');
    expect(e.hint?.sv).toBe('Ange vilken kolumn som är namnet, till exempel --map Namn=title.');
    expect(thrown(() => planColumns(['Vad vi vill', 'Idébärare'], new Map(), known)).hint?.en).toBe(
      "Say which column is the name, for example --map 'Vad vi vill=title'.",
    );
  });

  it('maps columns named as fields or their labels (any case), the text columns, stage and created; lists the rest', () => {
    const { columns, ignored } = planColumns(
      ['Title', 'Idébärare', 'Beskrivning', 'stage', 'Skapad', 'team.women', 'id', 'Anteckning', ''],
      new Map(),
      known,
    );
    expect(columns.map((c) => c.role)).toEqual([
      { kind: 'field', field: 'title', path: [] },
      { kind: 'field', field: 'carrier', path: [] },
      { kind: 'body' },
      { kind: 'stage' },
      { kind: 'created' },
      { kind: 'field', field: 'team', path: ['women'] },
      { kind: 'id' },
      { kind: 'ignore' },
      { kind: 'ignore' },
    ]);
    expect(ignored).toEqual(['Anteckning']);
  });

  it('--map takes a field by its key (any case) or its label, and refuses a name no field has, saying which was meant', () => {
    const roles = (target: string) =>
      planColumns(['Titel', 'Förvaltning'], new Map([['Förvaltning', target]]), known).columns[1]?.role;
    expect(roles('unit')).toEqual({ kind: 'field', field: 'unit', path: [] });
    expect(roles('Unit')).toEqual({ kind: 'field', field: 'unit', path: [] });
    expect(roles('Enhet eller förvaltning')).toEqual({ kind: 'field', field: 'unit', path: [] });
    expect(roles('team.women')).toEqual({ kind: 'field', field: 'team', path: ['women'] });
    const refused = (target: string) => thrown(() => roles(target));
    expect(refused('enhet').hint?.sv).toBe(
      'Menade du unit? Skriv --map "kolumn=unit"; ett fält kan också anges med sin etikett.',
    );
    expect(refused('carier').hint?.en).toContain('Did you mean carrier?');
    expect(refused('påhittat').code).toBe('USAGE');
    // Found from outside: a field the tool keeps itself was refused, and then suggested.
    const own: KnownFields = { names: new Set([...known.names, 'history', 'related']), labels: known.labels };
    for (const target of ['history', 'History', 'related', 'history.0.action']) {
      const e = thrown(() => planColumns(['Titel', 'X'], new Map([['X', target]]), own));
      expect(e.hint?.en ?? '', target).not.toMatch(/Did you mean (history|related)\?/);
    }
  });

  it("takes an export's columns made from the history as such, not listed as ignored; --map can leave them out", () => {
    const { columns, ignored } = planColumns(['title', 'granted', 'entered.test'], new Map(), known);
    expect(columns.map((c) => c.role)).toEqual([
      { kind: 'field', field: 'title', path: [] },
      { kind: 'derived', key: 'granted' },
      { kind: 'derived', key: 'entered.test' },
    ]);
    expect(ignored).toEqual([]);
    const skipped = planColumns(['title', 'granted'], new Map([['granted', '']]), known);
    expect(skipped.columns[1]?.role).toEqual({ kind: 'ignore' });
  });

  it('compares such a cell with the history as a spreadsheet may write it: amounts with spaces or empty decimals', () => {
    const granted = (raw: string, now: string) => derivedAgrees({ column: 'Beviljat', key: 'granted', raw }, now);
    for (const raw of ['120000', '120 000', '120\u00a0000,00', '120000.0'])
      expect(granted(raw, '120000'), raw).toBe(true);
    for (const raw of ['120001', '12000', '120 000,50', '120000 kr', '1.2e5', '-120000', '120.000.00'])
      expect(granted(raw, '120000'), raw).toBe(false);
    // An amount with decimals, as the history may hold one.
    expect(granted('1 500,5', '1500.5')).toBe(true);
    expect(granted('1500,50', '1500.5')).toBe(true);
    expect(granted('1500', '1500.5')).toBe(false);
    // No amount: an empty cell and 0 alike.
    expect(granted('', '')).toBe(true);
    expect(granted('0', '')).toBe(true);
    expect(granted('5', '')).toBe(false);
    const entered = (raw: string, now: string) => derivedAgrees({ column: 'In i', key: 'entered.test', raw }, now);
    expect(entered('2026-03-01', '2026-03-01')).toBe(true);
    expect(entered('', '')).toBe(true);
    expect(entered('2026-03-02', '2026-03-01')).toBe(false);
    expect(entered('', '2026-03-01')).toBe(false);
  });

  it('follows --map first: to a field, to the text, or (empty) to nothing', () => {
    const { columns, ignored } = planColumns(
      ['Idé', 'Vad', 'title'],
      new Map([
        ['idé', 'title'],
        ['Vad', 'text'],
        ['title', ''],
      ]),
      known,
    );
    expect(columns.map((c) => c.role.kind)).toEqual(['field', 'body', 'ignore']);
    expect(ignored).toEqual([]);
  });

  it.each([
    { name: 'no column for the title', header: ['Namn'], map: [], code: 'USAGE', says: 'title' },
    {
      name: 'two columns for one field',
      header: ['title', 'Idéns namn'],
      map: [],
      code: 'USAGE',
      says: 'title, Idéns namn',
    },
    {
      name: 'a --map of a column the file lacks',
      header: ['title'],
      map: [['Saknas', 'unit']],
      code: 'USAGE',
      says: 'Saknas',
    },
    {
      name: 'a --map to a field the program sets',
      header: ['title', 'Nr'],
      map: [['Nr', 'history']],
      code: 'USAGE',
      says: 'history',
    },
  ])('refuses $name', ({ header, map, code, says }) => {
    const e = thrown(() => planColumns(header, new Map(map as [string, string][]), known));
    expect(e.code).toBe(code);
    expect(e.message).toContain(says);
  });
});

describe('readRow', () => {
  const plan = (header: string[]): ColumnPlan[] => planColumns(header, new Map(), known).columns;
  const cols = plan([
    'title',
    'carrier',
    'tags',
    'challenge',
    'manager_support',
    'budget',
    'team.women',
    'created',
    'body',
    'stage',
  ]);
  const row = (cells: string[], stage: Stage | null = null) => readRow({ cells, line: 7 }, 4, cols, ctx(stage));

  it('types each cell by its schema, takes challenges by label, and undoes the formula guard', () => {
    const r = row([
      "'=Idé",
      'Anna',
      'a, b',
      'Klimatet',
      'ja',
      '1 000',
      '3',
      '2024-05-01',
      'Rad ett\r\nrad två',
      'test',
    ]);
    expect(r.problems).toEqual([]);
    expect(r.idea).toMatchObject({ row: 4, line: 7, stage: { key: 'test' }, body: 'Rad ett\nrad två' });
    expect(r.idea?.data).toEqual({
      title: '=Idé',
      created: '2024-05-01',
      carrier: 'Anna',
      tags: ['a', 'b'],
      challenge: 'klimat',
      manager_support: true,
      budget: 1000,
      team: { women: 3 },
    });
  });

  it("undoes the guard before a tab or a CR: an export's '\t is an empty cell, not an apostrophe", () => {
    // A text of a tab is guarded ('\t, as OWASP advises); trimming the cell before the guard was taken off left "'".
    for (const guarded of ["'\t", "'\r", " '\t ", "'\r\n"]) {
      const r = row(['Idé', guarded, '', '', '', '', '', '', '', '']);
      expect(r.problems).toEqual([]);
      expect(r.idea?.data).not.toHaveProperty('carrier');
    }
    expect(row(['Idé', "'\t=1", '', '', '', '', '', '', '', '']).idea?.data).toMatchObject({ carrier: '=1' });
  });

  it('puts a row without a stage in the first stage, created today, and --stage over the column', () => {
    expect(row(['Idé']).idea).toMatchObject({ stage: { key: 'idea' }, data: { title: 'Idé', created: '2026-11-23' } });
    expect(row(['Idé', 'Anna', '', '', 'ja', '', '', '', '', 'idea'], test).idea?.stage.key).toBe('test');
  });

  it("names the row, the column and the problem of every cell, and the stage's criteria", () => {
    const bad = row(['Idé', '', '', 'okänd', 'kanske', '-5', 'tre', '14/3', '', 'test']);
    expect(bad.idea).toBeNull();
    expect(bad.problems.map((p) => [p.row, p.line, p.column, p.field, p.message.sv])).toEqual([
      // The field by its label, and a challenge by its label and its id, either of which it may be given by.
      [
        4,
        7,
        'challenge',
        'challenge',
        'Ogiltigt värde för Utmaning som idén svarar mot [challenge]: "okänd" (Klimatet (klimat))',
      ],
      [
        4,
        7,
        'manager_support',
        'manager_support',
        'Ogiltigt värde för Chefen stödjer idén [manager_support]: "kanske" (true/false, ja/nej)',
      ],
      [
        4,
        7,
        'team.women',
        'team',
        'Ogiltigt värde för women: "tre" är inget heltal. Skriv till exempel 12 eller 1 200.',
      ],
      [4, 7, 'created', 'created', 'Skapad [created]: ska vara ett datum (ÅÅÅÅ-MM-DD)'],
      [4, 7, 'carrier', 'carrier', 'carrier: saknas'],
      [4, 7, 'budget', 'budget', 'budget: ska vara minst 0'],
    ]);
  });

  it('names no column for a required field the file has no column for', () => {
    const r = readRow({ cells: ['Idé', 'ja'], line: 3 }, 3, plan(['title', 'manager_support']), ctx(test));
    expect(r.problems.map((p) => [p.column, p.field])).toEqual([[null, 'carrier']]);
  });

  it('refuses an unknown stage and cells beyond the header', () => {
    expect(row(['Idé', '', '', '', '', '', '', '', '', 'nowhere']).problems[0]?.message.en).toMatch(
      /Unknown stage "nowhere"/,
    );
    const r = readRow({ cells: ['Idé', ...Array(9).fill(''), 'extra'], line: 2 }, 2, cols, ctx());
    expect(r.problems.map((p) => p.message.en)).toEqual(['The row has 11 cells but the header only 10.']);
    expect(readRow({ cells: ['Idé', ...Array(9).fill(''), ''], line: 2 }, 2, cols, ctx()).problems).toEqual([]);
  });
});

describe('hostile columns and cells', () => {
  afterEach(() => {
    for (const key of ['polluted', 'shell']) delete (Object.prototype as Record<string, unknown>)[key];
  });

  it.each([
    'title.__proto__.shell',
    'team.__proto__.polluted',
    'team.constructor.prototype.polluted',
    'TEAM.Constructor',
    '__proto__',
    '__proto__.shell',
    'constructor',
    'prototype.polluted',
    'Prototype',
  ])('refuses the header %s, naming it, whatever field it would have gone to', (header) => {
    const e = thrown(() => planColumns(['title', header], new Map(), known));
    expect(e.code).toBe('USAGE');
    expect(e.message).toContain(`The column "${header}" names a field that is not allowed`);
  });

  it.each(['__proto__.shell', 'constructor.prototype.shell', 'title.__proto__.shell', 'team.Prototype', 'Constructor'])(
    'refuses the --map target %s',
    (target) => {
      const e = thrown(() => planColumns(['title', 'X'], new Map([['X', target]]), known));
      expect(e.code).toBe('USAGE');
      expect(e.message).toContain(`"${target}" is not allowed`);
    },
  );

  it('leaves a hostile header out when --map ignores it, or reads it as the field --map names', () => {
    const ignored = planColumns(['title', '__proto__'], new Map([['__proto__', '']]), known);
    expect(ignored.columns.map((c) => c.role.kind)).toEqual(['field', 'ignore']);
    const mapped = planColumns(['__proto__'], new Map([['__proto__', 'title']]), known);
    expect(mapped.columns[0]?.role).toEqual({ kind: 'field', field: 'title', path: [] });
  });

  // Found from outside: the hint wrapped the column in double quotes, in which a shell runs `$(...)`.
  it('hints at leaving the column out with a --map a shell takes as written', () => {
    const e = thrown(() => planColumns(['title', '$(id).__proto__'], new Map(), known));
    expect(e.hint?.en).toBe("Rename the column, or leave it out with --map '$(id).__proto__='.");
    expect(e.hint?.sv).toBe("Byt namn på kolumnen, eller hoppa över den med --map '$(id).__proto__='.");
    // A line break in the column: on one line, in the form bash and zsh read back.
    const broken = thrown(() => planColumns(['title', 'multi\nline.__proto__'], new Map(), known));
    expect(broken.hint?.en).toBe("Rename the column, or leave it out with --map $'multi\\nline.__proto__='.");
  });

  it('refuses a label that leads to a forbidden name', () => {
    const hostile: KnownFields = { names: known.names, labels: new Map([['namn', 'constructor']]) };
    expect(thrown(() => planColumns(['title', 'Namn'], new Map(), hostile)).message).toContain('The column "Namn"');
  });

  it('builds a row in objects without a prototype: even a path into __proto__ stays in the row', () => {
    // A plan planColumns would refuse, handed to readRow directly: the second line of defence.
    const columns: ColumnPlan[] = [
      { header: 'title', role: { kind: 'field', field: 'title', path: [] } },
      { header: 'x', role: { kind: 'field', field: 'team', path: ['__proto__', 'polluted'] } },
      { header: 'y', role: { kind: 'field', field: 'constructor', path: ['prototype', 'shell'] } },
    ];
    const r = readRow({ cells: ['Idé', 'yes', '/bin/sh'], line: 2 }, 2, columns, ctx());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).shell).toBeUndefined();
    const data = r.idea?.data ?? {};
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.getPrototypeOf(data.team)).toBeNull();
    expect(Object.keys(data.team as object)).toEqual(['__proto__']);
  });

  it('refuses a cell whose JSON has a forbidden key, and keeps other JSON without prototypes', () => {
    const columns = planColumns(['title', 'team'], new Map(), known).columns;
    const bad = readRow({ cells: ['Idé', '{"__proto__": {"polluted": "yes"}}'], line: 2 }, 2, columns, ctx());
    expect(bad.idea).toBeNull();
    expect(bad.problems.map((p) => [p.column, p.message.en])).toEqual([
      [
        'team',
        'The cell\'s JSON has the key "__proto__", which is not allowed: __proto__, constructor and prototype are no field names.',
      ],
    ]);
    const deep = readRow({ cells: ['Idé', '{"a": {"constructor": 1}}'], line: 2 }, 2, columns, ctx());
    expect(deep.problems[0]?.message.sv).toContain('nyckeln "constructor"');
    const good = readRow({ cells: ['Idé', '{"women": 2}'], line: 2 }, 2, columns, ctx());
    expect(good.problems).toEqual([]);
    expect(Object.getPrototypeOf(good.idea?.data.team)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a cell with a NUL character, in the text or in a field', () => {
    const columns = planColumns(['title', 'body'], new Map(), known).columns;
    const r = readRow({ cells: ['Idé\0', 'a\0b'], line: 2 }, 2, columns, ctx());
    expect(r.idea).toBeNull();
    expect(r.problems.map((p) => [p.column, p.message.en])).toEqual([
      ['title', 'The cell holds a NUL character (character 0), which an idea file cannot hold.'],
      ['body', 'The cell holds a NUL character (character 0), which an idea file cannot hold.'],
    ]);
  });
});

describe('typeCell reads a cell as `--set` reads a flag (fields.ts typeFlagValue)', () => {
  it.each([
    ['budget', '45 000 kr', 45000],
    ['budget', '45\u00a0000', 45000],
    ['challenge', 'klimatet', 'klimat'],
    ['challenge', 'THE CLIMATE', 'klimat'],
    ['manager_support', 'Ja', true],
  ])('%s %j is %j', (field, raw, value) => {
    expect(typeCell(field, [], raw, ctx())).toBe(value);
  });

  it.each(['1e6', '0x10', '45,5,5'])('refuses the amount %j, naming the field', (raw) => {
    expect(thrown(() => typeCell('budget', [], raw, ctx())).message).toMatch(/budget/);
  });
});

describe('suggestMaps', () => {
  const labels = new Map([
    ['enhet eller förvaltning', 'unit'],
    ['unit or department', 'unit'],
    ['utmaning som idén svarar mot', 'challenge'],
    ['team', 'team'],
    ['teamets könsfördelning', 'team_gender'],
  ]);

  it('offers the field whose label begins with the header as whole words', () => {
    expect(suggestMaps(['Enhet', 'Utmaning', 'Unit or'], labels, new Set())).toEqual([
      { column: 'Enhet', field: 'unit' },
      { column: 'Utmaning', field: 'challenge' },
    ]);
  });

  it('offers nothing for part of a word, for a header two fields begin with, or for a field a column already feeds', () => {
    expect(suggestMaps(['Enh', 'Utm'], labels, new Set())).toEqual([]);
    const shared = new Map([...labels, ['enhet som betalar', 'payer']]);
    expect(suggestMaps(['Enhet'], shared, new Set())).toEqual([]);
    expect(suggestMaps(['Enhet', 'Utmaning'], labels, new Set(['unit']))).toEqual([
      { column: 'Utmaning', field: 'challenge' },
    ]);
    // Two columns that look meant for one field: the first is offered, never both.
    expect(suggestMaps(['Enhet', 'Unit or'], labels, new Set())).toEqual([{ column: 'Enhet', field: 'unit' }]);
  });
});
