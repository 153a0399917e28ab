import { describe, expect, it } from 'vitest';
import {
  aggregateFields,
  classifyFields,
  classifySources,
  isPublicField,
  publicData,
  publicField,
  type FieldClasses,
} from './personal-data.js';
import { readPackageSchema } from '../../io/schemas.js';

const base = readPackageSchema('idea');
const PUBLIC = { includePersonal: false };
const INTERNAL = { includePersonal: true };
/** Planted in every value that must not reach a public output. */
const MARK = 'PERSONAL-7f3a';
const shown = (data: Record<string, unknown>, classes: FieldClasses) => publicData(data, classes, PUBLIC);
const leaks = (out: unknown) => JSON.stringify(out).includes(MARK);

describe('the base schema', () => {
  const classes = classifyFields([base]);

  it("marks the registry's own fields public and the people personal", () => {
    const fields = ['id', 'title', 'created', 'unit', 'challenge', 'tags', 'related', 'history'];
    expect(fields.filter((f) => isPublicField(f, classes, PUBLIC))).toEqual(fields);
    for (const f of ['carrier', 'coach', 'contact']) {
      expect(classes.field(f)).toMatchObject({ personal: true, public: false });
      expect(isPublicField(f, classes, PUBLIC)).toBe(false);
      expect(isPublicField(f, classes, INTERNAL)).toBe(true);
    }
  });

  it("keeps the history's dates, stages, decisions, amounts and notes, and drops who", () => {
    const data = {
      id: 'sund-aaaaaa',
      carrier: `${MARK}-carrier`,
      history: [
        { date: '2026-01-01', action: 'created', to: 'idea', by: `${MARK}-by` },
        { date: '2026-02-01', action: 'decided', decision: 'approve', amount: 5000, note: 'Ja', by: `${MARK}-2` },
      ],
    };
    expect(shown(data, classes)).toEqual({
      id: 'sund-aaaaaa',
      history: [
        { date: '2026-01-01', action: 'created', to: 'idea' },
        { date: '2026-02-01', action: 'decided', decision: 'approve', amount: 5000, note: 'Ja' },
      ],
    });
  });

  it("shows an assignment's values as the field it names would be shown, or not at all", () => {
    const criteria = {
      properties: {
        place: {
          'x-public': true,
          type: 'object',
          properties: { town: { type: 'string' }, owner: { type: 'string', 'x-personal': true } },
        },
      },
    };
    const classes2 = classifyFields([base, criteria]);
    const history = [
      { date: '2026-01-02', action: 'assigned', field: 'coach', old: `${MARK}-old`, new: `${MARK}-new` },
      { date: '2026-01-03', action: 'assigned', field: 'unit', old: 'Vård', new: 'Skola' },
      { date: '2026-01-04', action: 'assigned', field: 'nobody', new: `${MARK}-unknown` },
      { date: '2026-01-05', action: 'assigned', field: 'place', new: { town: 'Matfors', owner: `${MARK}-owner` } },
      { date: '2026-01-06', action: 'assigned', new: `${MARK}-no-field` },
    ];
    expect(shown({ history }, classes2).history).toEqual([
      { date: '2026-01-02', action: 'assigned', field: 'coach' },
      { date: '2026-01-03', action: 'assigned', field: 'unit', old: 'Vård', new: 'Skola' },
      { date: '2026-01-04', action: 'assigned', field: 'nobody' },
      { date: '2026-01-05', action: 'assigned', field: 'place', new: { town: 'Matfors' } },
      { date: '2026-01-06', action: 'assigned' },
    ]);
    expect(publicData({ history }, classes2, INTERNAL)).toEqual({ history });
  });
});

/**
 * One case per place a schema can declare a field: the field is marked public where it is plainly declared, and
 * personal (or only described) somewhere harder to see. `data` holds MARK wherever the value must stay out.
 */
interface Case {
  name: string;
  schemas: Record<string, unknown>[];
  data: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const pub = (extra: Record<string, unknown> = {}) => ({ 'x-public': true, ...extra });
const personal = { 'x-personal': true };

const CASES: Case[] = [
  {
    name: 'a field in the idea file that no schema names',
    schemas: [{ properties: { plan: pub() } }],
    data: { plan: 'Tre steg', nobody: `${MARK}-1`, Plan: `${MARK}-2` },
    expected: { plan: 'Tre steg' },
  },
  {
    name: 'a field declared without a marking',
    schemas: [{ properties: { plan: pub(), manager: { type: 'string' } } }],
    data: { plan: 'Tre steg', manager: `${MARK}` },
    expected: { plan: 'Tre steg' },
  },
  {
    name: 'a field marked both public and personal, in one schema',
    schemas: [{ properties: { manager: { 'x-public': true, 'x-personal': true } } }],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'a field marked public in one stage and personal in another',
    schemas: [{ properties: { manager: pub() } }, { properties: { manager: personal } }],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'a base field marked personal, declared public by a criteria file',
    schemas: [{ properties: { carrier: pub(), coach: pub() } }],
    data: { carrier: `${MARK}-1`, coach: `${MARK}-2`, unit: 'Vård' },
    expected: { unit: 'Vård' },
  },
  {
    name: 'personal under allOf',
    schemas: [{ properties: { manager: pub() }, allOf: [{ properties: { manager: personal } }] }],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'personal under anyOf',
    schemas: [
      { properties: { manager: pub() }, anyOf: [{ required: ['unit'] }, { properties: { manager: personal } }] },
    ],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'personal under oneOf',
    schemas: [{ properties: { manager: pub() }, oneOf: [{ properties: { manager: personal } }, { required: ['x'] }] }],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'personal under if',
    schemas: [{ properties: { manager: pub() }, if: { properties: { manager: personal } } }],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'personal under then',
    schemas: [
      {
        properties: { manager: pub(), kind: pub() },
        if: { properties: { kind: { const: 'person' } } },
        then: { properties: { manager: personal } },
      },
    ],
    data: { manager: MARK, kind: 'org' },
    expected: { kind: 'org' },
  },
  {
    name: 'personal under else',
    schemas: [
      {
        properties: { manager: pub() },
        if: { required: ['unit'] },
        then: { properties: { manager: pub() } },
        else: { properties: { manager: personal } },
      },
    ],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'personal under dependentSchemas',
    schemas: [{ properties: { manager: pub() }, dependentSchemas: { unit: { properties: { manager: personal } } } }],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: "personal under draft 7's dependencies",
    schemas: [
      { properties: { manager: pub() }, dependencies: { unit: ['x'], title: { properties: { manager: personal } } } },
    ],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'personal behind a $ref into $defs',
    schemas: [{ properties: { manager: { 'x-public': true, $ref: '#/$defs/person' } }, $defs: { person: personal } }],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: "personal behind draft 7's definitions and an escaped pointer",
    schemas: [
      {
        properties: { manager: { 'x-public': true, $ref: '#/definitions/a~1b%20c' } },
        definitions: { 'a/b c': personal },
      },
    ],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'personal behind a $ref to an $anchor',
    schemas: [
      {
        properties: { manager: { 'x-public': true, $ref: '#person' } },
        $defs: { p: { $anchor: 'person', ...personal } },
      },
    ],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'personal behind $ref → $defs → allOf → if/then',
    schemas: [
      {
        properties: { team: pub({ type: 'object', properties: { lead: {}, size: {} } }) },
        $ref: '#/$defs/rules',
        $defs: {
          rules: { allOf: [{ if: { required: ['team'] }, then: { properties: { team: { $ref: '#/$defs/team' } } } }] },
          team: { properties: { lead: personal } },
        },
      },
    ],
    data: { team: { lead: MARK, size: 4 } },
    expected: { team: { size: 4 } },
  },
  {
    name: 'a public field that only a $ref and allOf make public, with a personal part',
    schemas: [
      {
        allOf: [{ properties: { plan: { $ref: '#/$defs/plan' } } }],
        $defs: { plan: pub({ properties: { text: {}, author: personal } }) },
      },
    ],
    data: { plan: { text: 'Tre steg', author: MARK } },
    expected: { plan: { text: 'Tre steg' } },
  },
  {
    name: 'a field made public only under a condition (if/then/else, dependentSchemas) stays out; personal there hides',
    schemas: [
      {
        properties: { publish_phone: pub({ type: 'boolean' }), phone: {}, note: pub(), plan: {} },
        allOf: [
          {
            if: { properties: { publish_phone: { const: true } }, required: ['publish_phone'] },
            then: { properties: { phone: pub(), plan: { $ref: '#/$defs/plan' } } },
            else: { properties: { note: personal } },
          },
        ],
        dependentSchemas: { publish_phone: { properties: { phone: pub() } } },
        $defs: { plan: pub({ properties: { text: {} } }) },
      },
    ],
    data: { publish_phone: false, phone: `${MARK}-1`, note: `${MARK}-2`, plan: { text: `${MARK}-3` } },
    expected: { publish_phone: false },
  },
  {
    name: 'personal under patternProperties, top level',
    schemas: [
      { properties: { contact_phone: pub(), contact_note: pub() }, patternProperties: { '^contact_': personal } },
    ],
    data: { contact_phone: `${MARK}-1`, contact_note: `${MARK}-2` },
    expected: {},
  },
  {
    name: 'patternProperties inside a public object: personal keys, unmarked keys and public keys',
    schemas: [
      {
        properties: {
          roles: pub({
            type: 'object',
            patternProperties: {
              '^name_': personal,
              '^count_': { type: 'integer' },
              '^total_': pub({ type: 'integer' }),
            },
          }),
        },
      },
    ],
    // A key a pattern covers is not named: public only where the pattern's schema marks it so itself.
    data: { roles: { name_lead: `${MARK}-1`, count_staff: `${MARK}-3`, total_staff: 3, other: `${MARK}-2` } },
    expected: { roles: { total_staff: 3 } },
  },
  {
    name: 'additionalProperties true, or an empty pattern, under a public object: allowed keys, not public ones',
    schemas: [
      {
        properties: {
          budget: pub({ type: 'object', properties: { total: { type: 'number' } }, additionalProperties: true }),
          plan: pub({ type: 'object', properties: { weeks: {} }, patternProperties: { '': {} } }),
          costs: pub({ type: 'object', properties: { sum: {} }, additionalProperties: { type: 'string' } }),
        },
      },
    ],
    data: {
      budget: { total: 95000, responsible: `${MARK}-1` },
      plan: { weeks: 8, contact: `${MARK}-2` },
      costs: { sum: 1, phone: `${MARK}-3` },
    },
    expected: { budget: { total: 95000 }, plan: { weeks: 8 }, costs: { sum: 1 } },
  },
  {
    name: 'a field made public by patternProperties, and one the pattern does not match',
    schemas: [{ patternProperties: { '^result_': pub() } }],
    data: { result_2026: 'Bra', results: MARK },
    expected: { result_2026: 'Bra' },
  },
  {
    name: 'personal under additionalProperties',
    schemas: [
      {
        properties: {
          extra: pub({ type: 'object', properties: { place: {} }, additionalProperties: personal }),
        },
      },
    ],
    data: { extra: { place: 'Matfors', anyone: MARK } },
    expected: { extra: { place: 'Matfors' } },
  },
  {
    name: 'additionalProperties of one schema does not cover what that schema declares',
    schemas: [{ properties: { plan: pub() }, additionalProperties: personal }, { properties: { note: pub() } }],
    data: { plan: 'Tre steg', note: MARK },
    expected: { plan: 'Tre steg' },
  },
  {
    name: 'a sub-key of a public object that no schema describes',
    schemas: [{ properties: { place: pub({ type: 'object', properties: { town: {} } }) } }],
    data: { place: { town: 'Matfors', street: MARK, nested: { deep: MARK } } },
    expected: { place: { town: 'Matfors' } },
  },
  {
    name: 'a public text field that holds an object',
    schemas: [{ properties: { plan: pub({ type: 'string' }) } }],
    data: { plan: { text: MARK } },
    expected: { plan: {} },
  },
  {
    name: 'a public list with no schema for its items',
    schemas: [{ properties: { names: pub({ type: 'array' }) } }],
    data: { names: [MARK] },
    expected: { names: [] },
  },
  {
    name: 'personal under prefixItems',
    schemas: [{ properties: { pair: pub({ type: 'array', prefixItems: [{}, personal], items: {} }) } }],
    data: { pair: ['Matfors', MARK, 'mer'] },
    expected: { pair: ['Matfors', 'mer'] },
  },
  {
    name: 'a list of records with a personal sub-field',
    schemas: [
      {
        properties: {
          partners: pub({
            type: 'array',
            items: { type: 'object', properties: { name: {}, contact: personal } },
          }),
        },
      },
    ],
    data: {
      partners: [
        { name: 'Atea', contact: `${MARK}-1` },
        { name: 'Sogeti', contact: `${MARK}-2`, x: MARK },
      ],
    },
    expected: { partners: [{ name: 'Atea' }, { name: 'Sogeti' }] },
  },
  {
    name: 'personal items of a public list',
    schemas: [{ properties: { people: pub({ type: 'array', items: personal }) } }],
    data: { people: [`${MARK}-1`, `${MARK}-2`] },
    expected: { people: [] },
  },
  {
    name: 'personal under not, contains and unevaluatedProperties: hidden, never shown by them',
    schemas: [
      {
        properties: {
          a: pub(),
          list: pub({ type: 'array', items: {}, contains: personal }),
          obj: pub({ type: 'object', properties: { k: {} }, unevaluatedProperties: personal }),
        },
        not: { properties: { a: personal } },
      },
      { properties: { b: { type: 'string' } }, not: { properties: { b: pub() } } },
    ],
    data: { a: MARK, b: MARK, list: [MARK], obj: { k: 'ok', other: MARK } },
    expected: { list: [], obj: { k: 'ok' } },
  },
  {
    name: 'an invalid pattern hides what it might cover',
    schemas: [{ properties: { plan: pub() }, patternProperties: { '(': personal } }],
    data: { plan: MARK },
    expected: {},
  },
  {
    name: "a marking at a schema's root says nothing of its fields",
    schemas: [{ 'x-public': true, properties: { manager: { type: 'string' } } }],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'a marking that is not true marks nothing',
    schemas: [{ properties: { manager: { 'x-public': 'true' } } }],
    data: { manager: MARK },
    expected: {},
  },
  {
    name: 'an aggregate-only field, and a public one marked aggregate elsewhere',
    schemas: [
      { properties: { team_gender: { type: 'object', 'x-aggregate': true }, size: pub() } },
      { allOf: [{ properties: { size: { 'x-aggregate': true } } }] },
    ],
    data: { team_gender: { women: 2, note: MARK }, size: 7 },
    expected: {},
  },
  {
    name: 'a recursive schema, and $ref cycles',
    schemas: [
      {
        properties: { tree: { $ref: '#/$defs/node' }, loop: { $ref: '#/$defs/a' } },
        $defs: {
          node: pub({ properties: { label: {}, owner: personal, children: { items: { $ref: '#/$defs/node' } } } }),
          a: { allOf: [{ $ref: '#/$defs/b' }], 'x-public': true },
          b: { allOf: [{ $ref: '#/$defs/a' }, { $ref: '#' }] },
        },
      },
    ],
    data: {
      tree: {
        label: 'r',
        owner: MARK,
        children: [{ label: 'c', owner: MARK, children: [{ label: 'g', owner: MARK }] }],
      },
      loop: 'ok',
    },
    expected: { tree: { label: 'r', children: [{ label: 'c', children: [{ label: 'g' }] }] }, loop: 'ok' },
  },
  {
    // What the target would mark is unknown, so the value is hidden, even where marked public beside it.
    name: 'a $ref that points nowhere',
    schemas: [
      { properties: { plan: { 'x-public': true, $ref: '#/$defs/missing' }, other: { $ref: 'https://x.invalid/s#' } } },
    ],
    data: { title: 'ok', plan: MARK, other: MARK },
    expected: { title: 'ok' },
  },
  {
    name: 'keys that name parts of objects in JavaScript',
    schemas: [{ properties: { place: pub({ type: 'object', properties: { town: {} } }) } }],
    data: JSON.parse(
      `{"place": {"town": "Matfors", "__proto__": {"x-public": true, "a": "${MARK}"}, "constructor": "${MARK}"}, "__proto__": "${MARK}", "toString": "${MARK}"}`,
    ) as Record<string, unknown>,
    expected: { place: { town: 'Matfors' } },
  },
];

describe('publicData: only what a schema marks public', () => {
  it.each(CASES)('$name', ({ schemas, data, expected }) => {
    const classes = classifyFields([base, ...schemas]);
    const out = shown(data, classes);
    expect(out).toEqual(expected);
    expect(leaks(out)).toBe(false);
    // An internal output keeps everything, as a copy.
    const internal = publicData(data, classes, INTERNAL);
    expect(JSON.stringify(internal)).toBe(JSON.stringify(data));
  });

  it('shares the lists and mappings it shows whole, and copies those that lose a part', () => {
    const classes = classifyFields([base]);
    const bare = <T extends object>(o: T): T => Object.assign(Object.create(null) as T, o);
    const created = bare({ date: '2026-01-01', action: 'created', to: 'idea' });
    const moved = bare({ date: '2026-02-01', action: 'moved', from: 'idea', to: 'refinement', by: `${MARK}-by` });
    const assigned = bare({ date: '2026-02-02', action: 'assigned', field: 'unit', old: 'A', new: 'B' });
    const tags = ['äldre', 'skola'];
    const data = bare({ id: 'sund-aaaaaa', carrier: `${MARK}-c`, tags, history: [created, moved, assigned] });
    const out = shown(data, classes);
    const history = out.history as unknown[];
    expect(out.tags).toBe(tags);
    expect(history[0]).toBe(created);
    expect(history[1]).not.toBe(moved);
    expect(history[1]).toEqual({ date: '2026-02-01', action: 'moved', from: 'idea', to: 'refinement' });
    expect(history[2]).toEqual({ date: '2026-02-02', action: 'assigned', field: 'unit', old: 'A', new: 'B' });
    expect(history).not.toBe(data.history);
    expect(moved.by).toBe(`${MARK}-by`);
    expect(leaks(out)).toBe(false);
    // A history shown whole is the history itself; a mapping with a prototype is copied into one without.
    const whole = bare({ history: [created] });
    expect(shown(whole, classes).history).toBe(whole.history);
    const withProto = { history: [{ date: '2026-01-01', action: 'created', to: 'idea' }] };
    const copied = (shown(withProto, classes).history as object[])[0] as object;
    expect(copied).not.toBe(withProto.history[0]);
    expect(Object.getPrototypeOf(copied)).toBeNull();
  });

  it('leaves no trace on the prototypes of the objects it makes', () => {
    const schema = JSON.parse('{"properties": {"a": {"x-public": true, "properties": {"__proto__": {}}}}}') as object;
    const classes = classifyFields([base, schema]);
    const out = shown(JSON.parse('{"a": {"__proto__": {"polluted": 1}}}') as Record<string, unknown>, classes);
    expect(Object.keys(out.a as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((out.a as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('references between the schemas of a registry', () => {
  const common = {
    schema: { $defs: { person: { type: 'string', 'x-personal': true }, plan: pub({ type: 'string' }) } },
    uri: 'file:///reg/criteria/common.schema.json',
  };
  const stage = {
    schema: {
      properties: {
        manager: { 'x-public': true, $ref: 'common.schema.json#/$defs/person' },
        plan: { $ref: './common.schema.json#/$defs/plan' },
      },
    },
    uri: 'file:///reg/criteria/test.schema.json',
  };

  it('follows a $ref to another file of the registry, by its path or its $id', () => {
    const classes = classifySources([{ schema: base, uri: null }, stage, common]);
    expect(shown({ manager: MARK, plan: 'Tre steg' }, classes)).toEqual({ plan: 'Tre steg' });
    const byId = classifySources([
      {
        schema: { properties: { manager: { 'x-public': true, $ref: 'https://x.invalid/c.json#/$defs/p' } } },
        uri: null,
      },
      { schema: { $id: 'https://x.invalid/c.json', $defs: { p: personal } }, uri: null },
    ]);
    expect(shown({ manager: MARK }, byId)).toEqual({});
  });

  it('resolves relative $ids as ajv does, in one space whatever folder each file is in', () => {
    // ajv knows `"$id": "shared"` as `shared`, and finds `shared#/$defs/p` from any file; a walk that resolved each
    // $id against its file's place looked in b/shared, found nothing, and showed the field marked public beside it.
    const classes = classifySources([
      { schema: base, uri: base.$id as string },
      {
        schema: { $id: 'shared', $defs: { p: { type: 'string', 'x-personal': true }, q: pub({ type: 'integer' }) } },
        uri: 'file:///reg/a/idea.json',
      },
      {
        schema: {
          $id: 'doing',
          properties: { manager: { 'x-public': true, $ref: 'shared#/$defs/p' }, size: { $ref: 'shared#/$defs/q' } },
        },
        uri: 'file:///reg/b/doing.json',
      },
    ]);
    // Followed, not only hidden: the target's public marking shows `size`.
    expect(shown({ title: 'Idé', manager: MARK, size: 4 }, classes)).toEqual({ title: 'Idé', size: 4 });
  });

  it('hides what lies under a $ref it cannot follow, even a field marked public beside it', () => {
    const classes = classifySources([
      { schema: base, uri: base.$id as string },
      {
        schema: {
          properties: {
            manager: { 'x-public': true, $ref: 'criteria:/reg/a/idea.schema.json#/$defs/p' },
            team: pub({ type: 'object', properties: { lead: pub({ $ref: 'nowhere.json' }), size: pub({}) } }),
          },
        },
        uri: 'file:///reg/criteria/test.schema.json',
      },
    ]);
    expect(shown({ title: 'Idé', manager: MARK, team: { lead: MARK, size: 4 } }, classes)).toEqual({
      title: 'Idé',
      team: { size: 4 },
    });
  });

  it('hides every field when a schema as a whole refers to what it cannot follow', () => {
    const classes = classifySources([
      { schema: base, uri: base.$id as string },
      {
        schema: { allOf: [{ $ref: 'criteria:/reg/a/idea.schema.json' }] },
        uri: 'file:///reg/criteria/test.schema.json',
      },
    ]);
    expect(shown({ title: MARK, summary: MARK, tags: [MARK] }, classes)).toEqual({});
  });

  describe('follows a $ref only where it knows ajv lands, and else hides', () => {
    const phone = (...schemas: Record<string, unknown>[]) =>
      shown(
        { title: 'Idé', phone: MARK },
        classifySources([
          { schema: base, uri: base.$id as string },
          ...schemas.map((schema, i) => ({ schema, uri: `file:///reg/criteria/${i}.schema.json` })),
        ]),
      );
    const personal = { type: 'string', 'x-personal': true };

    it('splits a pointer at its slashes before it decodes it: a%2Fb is the key a/b', () => {
      expect(
        phone({
          properties: { phone: { $ref: '#/$defs/a%2Fproperties' } },
          $defs: { 'a/properties': personal, a: { properties: { 'x-public': true } } },
        }),
      ).toEqual({ title: 'Idé' });
    });

    it('takes a URI two schemas claim (one $id in two files, or shared and ./shared) for neither', () => {
      const refer = { properties: { phone: { $ref: 'https://t.invalid/p' } } };
      expect(
        phone(
          { $defs: { p: { $id: 'https://t.invalid/p', type: 'string', 'x-public': true } } },
          { ...refer, $defs: { p: { $id: 'https://t.invalid/p', ...personal } } },
        ),
      ).toEqual({ title: 'Idé' });
      expect(
        phone(
          { $id: 'shared', $defs: { p: personal } },
          { $id: 'main', properties: { phone: { $ref: 'shared#/$defs/p' } } },
          { $id: './shared', $defs: { p: { type: 'string', 'x-public': true } } },
        ),
      ).toEqual({ title: 'Idé' });
    });

    it('lets every schema a $dynamicRef may land on hide what it marks personal', () => {
      expect(
        phone({
          allOf: [{ $ref: '#/$defs/wrap' }],
          $defs: {
            // Met first, pub is where the anchor leads when read statically; ajv's dynamic scope leads to wrap.
            pub: { $dynamicAnchor: 'p', 'x-public': true, anyOf: [{ $dynamicRef: '#p' }] },
            wrap: { $dynamicAnchor: 'p', 'x-personal': true, properties: { phone: { $ref: '#/$defs/pub' } } },
          },
        }),
      ).toEqual({ title: 'Idé' });
    });
  });

  it('refers to the base schema by its $id', () => {
    const classes = classifyFields([
      base,
      {
        properties: {
          owner: { 'x-public': true, $ref: 'https://ideas.invalid/schemas/idea.schema.json#/properties/carrier' },
        },
      },
    ]);
    expect(shown({ owner: MARK }, classes)).toEqual({});
  });
});

describe('publicField and aggregateFields', () => {
  const classes = classifyFields([
    base,
    { properties: { team_gender: { 'x-aggregate': true } }, patternProperties: { '^count_': { 'x-aggregate': true } } },
  ]);

  it('gives one field as a public output may show it', () => {
    expect(publicField({ unit: 'Vård', carrier: MARK }, 'unit', classes)).toBe('Vård');
    expect(publicField({ unit: 'Vård', carrier: MARK }, 'carrier', classes)).toBeUndefined();
    expect(publicField({}, 'unit', classes)).toBeUndefined();
  });

  it('sums no field that is marked personal too: personal beats aggregate', () => {
    const classes = classifyFields([base, { properties: { age: { 'x-personal': true, 'x-aggregate': true } } }]);
    expect(aggregateFields(classes, ['age'])).toEqual([]);
  });

  it('lists the aggregate-only fields, declared or met', () => {
    expect(aggregateFields(classes)).toEqual(['team_gender']);
    expect(aggregateFields(classes, ['count_women', 'unit'])).toEqual(['count_women', 'team_gender']);
  });
});

describe('patternProperties on hostile keys', () => {
  it('tests a key in time linear in it, whatever the pattern (a backtracking engine took a minute here)', () => {
    const classes = classifyFields([
      base,
      {
        properties: {
          budget: { 'x-public': true, type: 'object', patternProperties: { '^(a|a)+$': { 'x-public': true } } },
        },
      },
    ]);
    const key = `${'a'.repeat(40)}!`;
    const started = performance.now();
    // The key the pattern takes is shown, as its marking says; the one it does not take is marked by nothing.
    expect(publicField({ budget: { [key]: 1, aaaa: 2 } }, 'budget', classes)).toEqual({ aaaa: 2 });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('list fields', () => {
  it.each([
    ['tags of the base schema', [], 'tags', true],
    ['a field no schema declares', [], 'note', false],
    ['a list in a stage', [{ properties: { spread_to: { type: 'array' } } }], 'spread_to', true],
    ['a list in an allOf', [{ allOf: [{ properties: { spread_to: { type: ['array'] } } }] }], 'spread_to', true],
    ['a list that may be a text', [{ properties: { spread_to: { type: ['array', 'string'] } } }], 'spread_to', false],
    ['a list a stage makes a text', [{ properties: { tags: { type: 'string' } } }], 'tags', false],
    ['a list a stage only asks items of', [{ properties: { tags: { minItems: 1 } } }], 'tags', true],
    [
      'a list only under a condition',
      [{ anyOf: [{ properties: { spread_to: { type: 'array' } } }] }],
      'spread_to',
      false,
    ],
  ])('%s', (_name, criteria: object[], field, list) => {
    expect(classifyFields([base, ...criteria]).list(field)).toBe(list);
  });
});
