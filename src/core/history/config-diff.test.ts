import { describe, expect, it } from 'vitest';
import { normalizeConfig, type RegistryConfig } from '../sluice/config.js';
import {
  baseConfigUnreadable,
  compareConfigs,
  compareCriteria,
  ruleFindings,
  type CriteriaFile,
} from './config-diff.js';

const label = (sv: string, en: string) => ({ sv, en });
const STAGES = [
  {
    key: 'idea',
    folder: '01-ide',
    label: label('Idé', 'Idea'),
    next: ['refinement', 'parked'],
    criteria: 'c/idea.json',
  },
  {
    key: 'refinement',
    folder: '02-foradling',
    label: label('Förädling', 'Refinement'),
    next: ['test', 'parked'],
    criteria: 'c/refinement.json',
    council: true,
  },
  {
    key: 'test',
    folder: '03-test',
    label: label('Test', 'Test'),
    next: ['parked'],
    criteria: 'c/test.json',
    council: true,
    funding: true,
  },
  {
    key: 'parked',
    folder: '90-parkerad',
    label: label('Parkerad', 'Parked'),
    next: ['idea'],
    criteria: 'c/parked.json',
  },
];

function config(edit: (raw: { stages: Record<string, unknown>[] } & Record<string, unknown>) => void = () => {}) {
  const raw = { name: 'Testsluss', language: 'en', stages: structuredClone(STAGES) } as {
    stages: Record<string, unknown>[];
  } & Record<string, unknown>;
  edit(raw);
  return normalizeConfig(raw);
}
const BASE = config();
const stage = (raw: { stages: Record<string, unknown>[] }, key: string) =>
  raw.stages.find((s) => s.key === key) as Record<string, unknown>;

const found = (head: RegistryConfig) =>
  compareConfigs(BASE, head).map((c) => [c.rule, c.severity, c.pointer, c.message]);

describe('compareConfigs: each loosened rule is an error', () => {
  it('nothing, for the same config', () => {
    expect(compareConfigs(BASE, config())).toEqual([]);
  });

  it.each([
    [
      'a stage remapped to another folder',
      (r) => (stage(r, 'test').folder = '02-foradling-ny'),
      ['config/stage-folder', 'error', '/stages/2/folder', 'f.cfgStageFolder'],
    ],
    [
      'ideasDir pointed elsewhere',
      (r) => (r.ideasDir = 'andra'),
      ['config/stage-folder', 'error', '/ideasDir', 'f.cfgIdeasDir'],
    ],
    [
      'next widened',
      (r) => (stage(r, 'idea').next = ['refinement', 'test', 'parked']),
      ['config/next', 'error', '/stages/0/next/1', 'f.cfgNextWidened'],
    ],
    [
      'allowDelete turned on',
      (r) => (r.allowDelete = true),
      ['config/allow-delete', 'error', '/allowDelete', 'f.cfgAllowDelete'],
    ],
    [
      'funding turned on',
      (r) => (stage(r, 'refinement').funding = true),
      ['config/funding', 'error', '/stages/1/funding', 'f.cfgFundingOn'],
    ],
    [
      'a funding stage added',
      (r) =>
        r.stages.push({
          key: 'bonus',
          folder: '50-bonus',
          label: label('B', 'B'),
          criteria: 'c/b.json',
          funding: true,
        }),
      ['config/funding', 'error', '/stages/4/funding', 'f.cfgFundingAdded'],
    ],
    [
      'council removed',
      (r) => delete stage(r, 'test').council,
      ['config/council', 'error', '/stages/2', 'f.cfgCouncilOff'],
    ],
    [
      'a stage removed',
      (r) => {
        r.stages = r.stages.filter((s) => s.key !== 'parked');
        for (const s of r.stages) s.next = (s.next as string[]).filter((n) => n !== 'parked');
      },
      ['config/stage-removed', 'error', '/stages', 'f.cfgStageRemoved'],
    ],
    [
      'the first stage changed',
      (r) => r.stages.reverse(),
      ['config/first-stage', 'error', '/stages/0', 'f.cfgFirstStage'],
    ],
    [
      'minGroupSize lowered',
      (r) => (r.minGroupSize = 2),
      ['config/privacy', 'error', '/minGroupSize', 'f.cfgMinGroup'],
    ],
  ] as [string, (r: { stages: Record<string, unknown>[] } & Record<string, unknown>) => void, string[]][])(
    '%s',
    (_name, edit, expected) => {
      expect(found(config(edit))).toContainEqual(expected);
    },
  );

  it('a stage renamed is one finding, and the stages leading to it still lead to it', () => {
    const head = config((r) => {
      stage(r, 'test').key = 'pilot';
      stage(r, 'refinement').next = ['pilot', 'parked'];
    });
    expect(found(head)).toEqual([['config/stage-removed', 'error', '/stages/2/key', 'f.cfgStageRenamed']]);
  });
});

describe('compareConfigs: a tightening or a change of words is a warning', () => {
  it.each([
    ['next narrowed', (r) => (stage(r, 'idea').next = ['refinement']), 'f.cfgNextNarrowed'],
    ['funding turned off', (r) => delete stage(r, 'test').funding, 'f.cfgFundingOff'],
    ['council added', (r) => (stage(r, 'idea').council = true), 'f.cfgCouncilOn'],
    ['a label changed', (r) => (stage(r, 'idea').label = label('Förslag', 'Proposal')), 'f.cfgOther'],
    [
      'a stage without funding added',
      (r) => r.stages.push({ key: 'x', folder: '50-x', label: label('X', 'X'), criteria: 'c/x.json' }),
      'f.cfgStageAdded',
    ],
    ['minGroupSize raised', (r) => (r.minGroupSize = 10), 'f.cfgOther'],
    ['a region named', (r) => (r.region = '../region'), 'f.cfgOther'],
    ['a criteria file renamed', (r) => (stage(r, 'test').criteria = 'c/test2.json'), 'f.cfgCriteriaPath'],
  ] as [string, (r: { stages: Record<string, unknown>[] } & Record<string, unknown>) => void, string][])(
    '%s',
    (_name, edit, message) => {
      const changes = compareConfigs(BASE, config(edit));
      expect(changes.map((c) => [c.severity, c.message])).toEqual([['warning', message]]);
      expect(changes[0]?.rule).toBe('config/changed');
    },
  );

  // Found from outside: a stage the council decides on, moved before one it came after, was "a rule change that lets
  // no more through", and a return from the stage now after it then led into it unapproved.
  it('a council stage moved before a stage it came after is config/council; another new order a warning', () => {
    const reordered = (order: string[]) => config((r) => (r.stages = order.map((key) => stage(r, key))));
    // Test (council) before Refinement (also the council's): from Refinement a return now leads into Test.
    const raised = compareConfigs(BASE, reordered(['idea', 'test', 'refinement', 'parked']));
    expect(raised.map((c) => [c.rule, c.severity, c.pointer, c.message])).toEqual([
      ['config/council', 'error', '/stages/1', 'f.cfgCouncilOrder'],
    ]);
    expect(ruleFindings(raised, new Map(), 'en', 'main')[0]?.message).toBe(
      'The stage Test, which the idea council decides on, now comes before Refinement: a decision sending an idea back from there leads into Test without the council approving it.',
    );
    // Parked (no council) before Test and Refinement: no return leads into a council stage it did not before.
    expect(found(reordered(['idea', 'parked', 'refinement', 'test']))).toEqual([
      ['config/changed', 'warning', '/stages', 'f.cfgOther'],
    ]);
  });

  it('allowDelete turned off is a warning', () => {
    const allowing = config((r) => (r.allowDelete = true));
    expect(compareConfigs(allowing, BASE).map((c) => [c.rule, c.severity])).toEqual([['config/changed', 'warning']]);
  });
});

describe('compareConfigs: the challenges an idea may name', () => {
  const challenge = (id: string) => ({ id, label: label(id, id) });
  const WITH = config((r) => (r.challenges = [challenge('klimat'), challenge('trygghet')]));
  const judged = (base: RegistryConfig, head: RegistryConfig) =>
    compareConfigs(base, head).map((c) => [c.rule, c.severity, c.message]);

  it.each([
    ['the list removed', [], 'f.cfgChallengesGone'],
    ['a challenge added', [challenge('klimat'), challenge('trygghet'), challenge('egen')], 'f.cfgChallengesAdded'],
    ['one swapped for another', [challenge('klimat'), challenge('egen')], 'f.cfgChallengesAdded'],
  ] as [string, unknown[], string][])('%s lets more through: an error', (_name, challenges, message) => {
    expect(
      judged(
        WITH,
        config((r) => (r.challenges = challenges)),
      ),
    ).toEqual([['config/challenges', 'error', message]]);
  });

  it('the added ones are named', () => {
    const head = config((r) => (r.challenges = [challenge('klimat'), challenge('egen')]));
    expect(compareConfigs(WITH, head)[0]?.params).toEqual({ values: 'egen' });
  });

  it.each([
    ['a challenge taken out', [challenge('klimat')]],
    ['a label changed', [challenge('klimat'), { id: 'trygghet', label: label('Trygghet', 'Safety') }]],
  ] as [string, unknown[]][])('%s only tightens or changes words: a warning', (_name, challenges) => {
    expect(
      judged(
        WITH,
        config((r) => (r.challenges = challenges)),
      ),
    ).toEqual([['config/changed', 'warning', 'f.cfgOther']]);
  });

  it('a list where there was none is a warning', () => {
    expect(judged(BASE, WITH)).toEqual([['config/changed', 'warning', 'f.cfgOther']]);
  });
});

describe('compareCriteria', () => {
  const NAMES = { base: 'main', head: 'feature' };
  const schema = { type: 'object', required: ['test_plan'], properties: { test_plan: { minLength: 20 } } };
  const ok = (value: unknown): CriteriaFile => ({ state: 'ok', text: JSON.stringify(value), schema: value });
  const files = (map: Record<string, CriteriaFile>) => (f: string) => map[f] ?? { state: 'missing' };
  const base = files({
    'c/idea.json': ok({}),
    'c/refinement.json': ok({}),
    'c/test.json': ok(schema),
    'c/parked.json': ok({}),
  });

  it('a criterion dropped in the same file is criteria/loosened, one finding each', () => {
    const head = files({
      'c/idea.json': ok({}),
      'c/refinement.json': ok({}),
      'c/test.json': ok({ type: 'object', properties: { test_plan: { minLength: 1 } } }),
      'c/parked.json': ok({}),
    });
    const changes = compareCriteria(BASE, BASE, { base, head }, NAMES);
    expect(changes.map((c) => [c.file, c.rule, c.severity, c.message, c.pointer])).toEqual([
      ['c/test.json', 'criteria/loosened', 'error', 'f.critLoosened', '/properties/test_plan/minLength'],
      ['c/test.json', 'criteria/loosened', 'error', 'f.critRequiredDropped', '/required'],
    ]);
  });

  it('the path pointed at another, looser file is judged by what that file holds', () => {
    const head = config((r) => (stage(r, 'test').criteria = 'c/loose.json'));
    const read = files({
      'c/idea.json': ok({}),
      'c/refinement.json': ok({}),
      'c/loose.json': ok({}),
      'c/parked.json': ok({}),
    });
    const changes = compareCriteria(BASE, head, { base, head: read }, NAMES);
    expect(new Set(changes.map((c) => [c.file, c.rule].join(' ')))).toEqual(
      new Set(['c/loose.json criteria/loosened']),
    );
    // The same rules under another name: nothing to say but the config's change of path.
    const same = files({
      'c/idea.json': ok({}),
      'c/refinement.json': ok({}),
      'c/loose.json': ok(schema),
      'c/parked.json': ok({}),
    });
    expect(compareCriteria(BASE, head, { base, head: same }, NAMES)).toEqual([]);
  });

  it('a criteria file deleted, or no longer JSON, is criteria/unreadable', () => {
    const deleted = files({ 'c/idea.json': ok({}), 'c/refinement.json': ok({}), 'c/parked.json': ok({}) });
    const changes = compareCriteria(BASE, BASE, { base, head: deleted }, NAMES);
    expect(changes.map((c) => [c.file, c.rule, c.message])).toEqual([
      ['c/test.json', 'criteria/unreadable', 'f.critMissing'],
    ]);
    const broken = files({
      'c/idea.json': ok({}),
      'c/refinement.json': ok({}),
      'c/test.json': { state: 'invalid', reason: { sv: 'JSON-fel', en: 'a JSON error' } },
      'c/parked.json': ok({}),
    });
    expect(compareCriteria(BASE, BASE, { base, head: broken }, NAMES).map((c) => c.message)).toEqual(['f.critInvalid']);
  });

  it('a link at head is criteria/unreadable, never the text git gives for it read as JSON', () => {
    const linked = files({
      'c/idea.json': ok({}),
      'c/refinement.json': ok({}),
      'c/test.json': { state: 'link', link: 'c/test.json', target: 'false' },
      'c/parked.json': ok({}),
    });
    const changes = compareCriteria(BASE, BASE, { base, head: linked }, NAMES);
    expect(changes.map((c) => [c.file, c.rule, c.severity])).toEqual([['c/test.json', 'criteria/unreadable', 'error']]);
    expect(ruleFindings(changes, new Map(), 'en', 'main')[0]?.message).toBe(
      'The criteria of Test in c/test.json cannot be read at feature: it is read through a symbolic link ' +
        '(c/test.json → false), which no command follows.',
    );
  });

  // The base decides the rules: where its criteria cannot be read, a change cannot be shown to only tighten them.
  it.each<[string, CriteriaFile, string, string]>([
    ['missing', { state: 'missing' }, 'there is no such file', 'det finns ingen sådan fil'],
    [
      'not JSON',
      { state: 'invalid', reason: { sv: 'JSON-fel på rad 13, kolumn 1', en: 'a JSON error on line 13, column 1' } },
      'a JSON error on line 13, column 1',
      'JSON-fel på rad 13, kolumn 1',
    ],
    [
      'a symbolic link',
      { state: 'link', link: 'c/test.json', target: 'common.json' },
      'it is read through a symbolic link (c/test.json → common.json), which no command follows',
      'den läses genom en symbolisk länk (c/test.json → common.json), som inget kommando följer',
    ],
  ])("the base's criteria %s, head's readable: criteria/unreadable at the base, an error", (_name, was, en, sv) => {
    const atBase = files({
      'c/idea.json': ok({}),
      'c/refinement.json': ok({}),
      'c/test.json': was,
      'c/parked.json': ok({}),
    });
    // Head's criteria let anything through: what the base asked cannot be known, so neither can what was loosened.
    const head = files({
      'c/idea.json': ok({}),
      'c/refinement.json': ok({}),
      'c/test.json': ok({ type: 'object' }),
      'c/parked.json': ok({}),
    });
    const changes = compareCriteria(BASE, BASE, { base: atBase, head }, NAMES);
    expect(changes.map((c) => [c.file, c.rule, c.severity, c.message])).toEqual([
      ['c/test.json', 'criteria/unreadable', 'error', 'f.critBaseUnreadable'],
    ]);
    const [english] = ruleFindings(changes, new Map(), 'en', 'main');
    expect(english?.message).toBe(
      `The criteria of Test in c/test.json cannot be read at main: ${en}. A change cannot be shown to only tighten ` +
        'criteria that cannot be read, so it counts as a loosening.',
    );
    expect(english?.hint).toBe(
      'First fix the rules at main, in a pull request of their own that a reviewer and the council check by hand; ' +
        'then this change can be judged by them.',
    );
    expect(ruleFindings(changes, new Map(), 'sv', 'main')[0]?.message).toBe(
      `Kriterierna för Test i c/test.json kan inte läsas i main: ${sv}. Det går inte att visa att ändringen bara ` +
        'skärper kriterier som inte kan läsas, så den räknas som en lättnad.',
    );
    // Where the base's config could not be read either, that is the one finding that says so.
    expect(compareCriteria(BASE, BASE, { base: atBase, head }, { ...NAMES, baseKnown: false })).toEqual([]);
  });

  it('a tightening that another criteria file may use under a `not` cannot be shown to tighten', () => {
    const stricter = { type: 'object', required: ['test_plan'], properties: { test_plan: { minLength: 40 } } };
    const refusing = ok({ not: { $ref: 'test.json#/properties/test_plan' } });
    const read = (parked: CriteriaFile, test: CriteriaFile) =>
      files({ 'c/idea.json': ok({}), 'c/refinement.json': ok({}), 'c/test.json': test, 'c/parked.json': parked });
    const changes = compareCriteria(
      BASE,
      BASE,
      { base: read(refusing, ok(schema)), head: read(refusing, ok(stricter)) },
      NAMES,
    );
    expect(changes.map((c) => [c.file, c.rule, c.severity, c.message])).toEqual([
      ['c/test.json', 'criteria/loosened', 'error', 'f.critUnproven'],
    ]);
    expect(ruleFindings(changes, new Map(), 'en', 'main')[0]?.message).toBe(
      'The criteria of Test (c/test.json): minLength of [test_plan] changed from 20 to 40. The change cannot be shown ' +
        'to only tighten the criteria (a $ref uses the part where asking more can let more through, or the criteria ' +
        'have a $ref that cannot be followed from such a place), so it counts as a loosening.',
    );
    // Without that file's $ref, the same change is a tightening.
    const plain = compareCriteria(
      BASE,
      BASE,
      { base: read(ok({}), ok(schema)), head: read(ok({}), ok(stricter)) },
      NAMES,
    );
    expect(plain.map((c) => [c.rule, c.message])).toEqual([['criteria/changed', 'f.critTightened']]);
  });

  it('findings land on their lines in head’s file, in the registry language', () => {
    const text = '{\n  "type": "object",\n  "properties": {\n    "test_plan": { "minLength": 1 }\n  }\n}\n';
    const head = files({
      'c/idea.json': ok({}),
      'c/refinement.json': ok({}),
      'c/test.json': { state: 'ok', text, schema: JSON.parse(text) },
      'c/parked.json': ok({}),
    });
    const changes = compareCriteria(BASE, BASE, { base, head }, NAMES);
    const findings = ruleFindings(changes, new Map([['c/test.json', text]]), 'sv', 'main');
    expect(findings.map((f) => [f.line, f.rule, f.message]).sort()).toEqual([
      [1, 'criteria/loosened', 'Kriterierna för Test (c/test.json): [test_plan] är inte längre obligatoriskt.'],
      [
        4,
        'criteria/loosened',
        'Kriterierna för Test (c/test.json): minLength för [test_plan] ändrat från 20 till 1, så fler idéer släpps igenom.',
      ],
    ]);
    expect(findings[0]?.hint).toContain('reglerna i main');
  });
});

describe('baseConfigUnreadable', () => {
  it("is an error on the config that says the change cannot be judged by the base's rules, in both languages", () => {
    const change = baseConfigUnreadable(
      {
        sv: 'ideas.config.yaml:70:1 fältet "theme" är inte tillåtet här',
        en: 'ideas.config.yaml:70:1 the field "theme" is not allowed here',
      },
      { base: 'main', head: 'HEAD' },
    );
    expect([change.file, change.pointer, change.rule, change.severity]).toEqual([
      'ideas.config.yaml',
      null,
      'config/unreadable',
      'error',
    ]);
    const [en] = ruleFindings([change], new Map(), 'en', 'main');
    expect([en?.line, en?.message, en?.hint]).toEqual([
      null,
      'The config ideas.config.yaml cannot be read at main: ideas.config.yaml:70:1 the field "theme" is not allowed ' +
        'here. So the change cannot be judged by the rules at main; it was checked by its own rules at HEAD, which it ' +
        'may have loosened.',
      'First fix the rules at main, in a pull request of their own that a reviewer and the council check by hand; ' +
        'then this change can be judged by them.',
    ]);
    expect(ruleFindings([change], new Map(), 'sv', 'main')[0]?.message).toBe(
      'Konfigurationen ideas.config.yaml kan inte läsas i main: ideas.config.yaml:70:1 fältet "theme" är inte tillåtet ' +
        'här. Ändringen kan därför inte prövas mot reglerna i main; den prövades mot sina egna regler i HEAD, som den ' +
        'kan ha gjort lösare.',
    );
  });
});
