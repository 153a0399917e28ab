import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { normalizeConfig, type RegistryConfig, type Stage } from '../sluice/config.js';
import type { Gate } from '../sluice/gate.js';
import {
  canonical,
  diffSnapshots,
  findHistoryRewrite,
  isOtherIdea,
  newEntries,
  readSnapshot,
  type DeletedIdea,
  type DiffOptions,
  type Snapshot,
} from './idea-diff.js';
import type { HistoryEntry, Idea } from '../sluice/idea.js';

const label = (sv: string, en: string) => ({ sv, en });
const stage = (key: string, folder: string, next: string[], l = label(key, key)) => ({
  key,
  folder,
  label: l,
  next,
  criteria: `criteria/${key}.json`,
});

function config(extra: Record<string, unknown> = {}): RegistryConfig {
  return normalizeConfig({
    name: 'Testsluss',
    language: 'en',
    idPrefix: 'ide',
    stages: [
      stage('idea', '01-ide', ['refinement', 'parked'], label('Idé', 'Idea')),
      stage('refinement', '02-foradling', ['test', 'idea', 'parked'], label('Förädling', 'Refinement')),
      { ...stage('test', '03-test', ['parked'], label('Test', 'Test')), funding: true },
      stage('parked', '90-parkerad', ['idea'], label('Parkerad', 'Parked')),
    ],
    ...extra,
  });
}

const CONFIG = config();
const FOLDER: Record<string, string> = {
  idea: '01-ide',
  refinement: '02-foradling',
  test: '03-test',
  parked: '90-parkerad',
};

const CREATED: HistoryEntry = { date: '2026-01-10', action: 'created', to: 'idea' };
const TO_REFINEMENT: HistoryEntry = {
  date: '2026-02-01',
  action: 'moved',
  from: 'idea',
  to: 'refinement',
  by: 'Rådet',
  decision: 'approve',
};
const TO_TEST: HistoryEntry = {
  date: '2026-03-01',
  action: 'moved',
  from: 'refinement',
  to: 'test',
  by: 'Rådet',
  decision: 'approve',
  amount: 50000,
};

interface Spec {
  id?: string;
  stage?: string;
  name?: string;
  fields?: Record<string, unknown>;
  history?: HistoryEntry[];
  body?: string;
}

/** An idea file's text: the fields, then its history, then the body. */
function ideaText(spec: Spec): string {
  const data = {
    id: spec.id ?? 'ide-aaaa11',
    title: 'Lånecyklar',
    created: '2026-01-10',
    ...spec.fields,
    history: spec.history ?? [CREATED],
  };
  return `---\n${stringify(data)}---\n${spec.body ?? 'Cyklar åt personalen.\n'}`;
}

function file(spec: Spec): { path: string; bytes: Uint8Array } {
  const id = spec.id ?? 'ide-aaaa11';
  return {
    path: `ideas/${FOLDER[spec.stage ?? 'idea']}/${spec.name ?? `${id}-lanecyklar.md`}`,
    bytes: new TextEncoder().encode(ideaText(spec)),
  };
}

function snapshot(files: { path: string; bytes: Uint8Array }[], cfg: RegistryConfig = CONFIG): Snapshot {
  return readSnapshot(cfg, files);
}

const OPEN = (idea: Idea, from: Stage, to: Stage): Gate => ({
  from,
  to,
  allowed: from.next.includes(to.key),
  missing: [],
  open: from.next.includes(to.key),
});

/** The day the changes are judged on. */
const NOW = new Date('2026-11-23T12:00:00Z');

function diff(base: Snapshot, head: Snapshot, extra: Partial<DiffOptions> = {}) {
  return diffSnapshots(base, head, { lang: 'en', baseName: 'main', gate: OPEN, now: NOW, ...extra });
}

const errors = (d: ReturnType<typeof diff>) => d.findings.filter((f) => f.severity === 'error').map((f) => f.rule);

const rules = (d: ReturnType<typeof diff>) => d.findings.map((f) => f.rule);

describe('readSnapshot', () => {
  it('takes the files directly in stage folders, each with the id its front matter gives, never its name', () => {
    const s = snapshot([
      file({ id: 'ide-aaaa11' }),
      file({ id: 'ide-bbbb22', stage: 'test', name: 'wrong-name.md' }),
      { path: 'ideas/03-test/ide-cccc33-trasig.md', bytes: new TextEncoder().encode('---\ntitle: [\n---\n') },
      { path: 'ideas/okand/ide-dddd44-x.md', bytes: new TextEncoder().encode(ideaText({ id: 'ide-dddd44' })) },
      { path: 'ideas/01-ide/under/ide-eeee55-x.md', bytes: new TextEncoder().encode(ideaText({ id: 'ide-eeee55' })) },
      { path: 'other/01-ide/ide-ffff66-x.md', bytes: new TextEncoder().encode(ideaText({ id: 'ide-ffff66' })) },
    ]);
    expect(s.ideas.map((i) => [i.id, i.stage.key, i.idea === null])).toEqual([
      ['ide-aaaa11', 'idea', false],
      ['ide-bbbb22', 'test', false],
      [null, 'test', true],
    ]);
  });
});

describe('SnapshotIdea.id: read from the parsed front matter, never guessed', () => {
  const one = (text: string, name = 'ide-file11-x.md') =>
    readSnapshot(CONFIG, [{ path: `ideas/01-ide/${name}`, bytes: new TextEncoder().encode(text) }]).ideas[0];

  it('a line `id: …` inside a title or the text is not the id', () => {
    // The id written as an explicit key, and a title whose second line reads like an id line (a quoted text goes on
    // past a line break on a line indented by a space, as YAML 1.2 asks).
    expect(one('---\n? id\n: ide-real11\ntitle: "Cyklar\n\n id: ide-fake22"\n---\nid: ide-fake33\n')?.id).toBe(
      'ide-real11',
    );
    expect(one('---\n"id": ide-real11\nx: {a: 1,\n id: ide-fake22}\n---\n')?.id).toBe('ide-real11');
  });

  it('a file without a readable id has none, whatever its name says, and says why', () => {
    const cases: [string, string | null, string | null][] = [
      ['---\ntitle: x\n---\n', null, 'f.idMissing'],
      ['---\nid: 42\n---\n', null, 'f.idNotText'],
      ['---\nid: [ide-abcd12]\n---\n', null, 'f.idNotText'],
      ['---\nid: Min idé\n---\n', null, 'f.idMalformed'],
      ['---\nid: ide-abcd12\n---\n', 'ide-abcd12', null],
      ['---\ntitle: [\n---\n', null, null],
    ];
    for (const [text, id, problem] of cases) {
      const i = one(text);
      expect([i?.id, i?.idProblem?.message ?? null], text).toEqual([id, problem]);
    }
  });
});

describe('diffSnapshots: what changed', () => {
  it('finds nothing when nothing changed', () => {
    const files = [file({}), file({ id: 'ide-bbbb22', stage: 'refinement', history: [CREATED, TO_REFINEMENT] })];
    expect(diff(snapshot(files), snapshot(files))).toEqual({
      added: [],
      removed: [],
      moved: [],
      decisions: [],
      changed: [],
      findings: [],
    });
  });

  it('reports a new idea, its moves and its decisions; moves made before it was ever merged are to review', () => {
    const d = diff(snapshot([]), snapshot([file({ stage: 'refinement', history: [CREATED, TO_REFINEMENT] })]));
    expect(d.added).toEqual([
      {
        id: 'ide-aaaa11',
        title: 'Lånecyklar',
        stage: expect.objectContaining({ key: 'refinement' }),
        path: 'ideas/02-foradling/ide-aaaa11-lanecyklar.md',
      },
    ]);
    expect(d.decisions.map((x) => [x.id, x.decision, x.to])).toEqual([['ide-aaaa11', 'approve', 'refinement']]);
    expect(d.moved.map((m) => [m.id, m.from.key, m.to.key, m.previousPath, m.steps.length])).toEqual([
      ['ide-aaaa11', 'idea', 'refinement', null, 1],
    ]);
    expect(d.findings.map((f) => [f.rule, f.severity, f.line, f.message])).toEqual([
      [
        'idea/new-history',
        'warning',
        9,
        'A new idea that already has 1 move or decision after its creation; it now stands in Refinement.',
      ],
    ]);
    const plain = diff(snapshot([]), snapshot([file({})]));
    expect([plain.findings, plain.moved]).toEqual([[], []]);
  });

  it('a move with its history entry is a move, with steps and the gate at head; a closed gate is move/gate-closed', () => {
    const base = snapshot([file({})]);
    const head = snapshot([file({ stage: 'refinement', history: [CREATED, TO_REFINEMENT] })]);
    const calls: string[] = [];
    const d = diff(base, head, {
      gate: (idea, from, to) => (
        calls.push(`${idea.id}:${from.key}->${to.key}`),
        {
          from,
          to,
          allowed: true,
          missing: [{ pointer: '/coach', field: 'coach', keyword: 'required', message: label('saknas', 'missing') }],
          open: false,
        }
      ),
    });
    // `ideas move` refuses a closed gate unless forced: an entry that says otherwise was not written by it.
    expect(d.findings.map((f) => [f.rule, f.line, f.message])).toEqual([
      ['move/gate-closed', 9, 'Moved to Refinement without meeting its criteria: missing'],
    ]);
    expect(calls).toEqual(['ide-aaaa11:idea->refinement']);
    expect(d.moved).toHaveLength(1);
    expect(d.moved[0]).toMatchObject({
      id: 'ide-aaaa11',
      path: 'ideas/02-foradling/ide-aaaa11-lanecyklar.md',
      previousPath: 'ideas/01-ide/ide-aaaa11-lanecyklar.md',
      from: { key: 'idea' },
      to: { key: 'refinement' },
      steps: [{ from: 'idea', to: 'refinement', date: '2026-02-01', forced: false }],
      forced: false,
      gate: { open: false, missing: [{ field: 'coach' }] },
    });
    expect(d.decisions).toEqual([
      {
        id: 'ide-aaaa11',
        title: 'Lånecyklar',
        path: 'ideas/02-foradling/ide-aaaa11-lanecyklar.md',
        date: '2026-02-01',
        action: 'moved',
        decision: 'approve',
        amount: null,
        from: 'idea',
        to: 'refinement',
        by: 'Rådet',
        conflicts: null,
        note: null,
        forced: false,
      },
    ]);
    expect(d.changed).toEqual([]);
  });

  // Found by a newcomer: a meeting's decision taken after every member named declared jäv showed as "Av: –", with
  // the jäv left out of the diff altogether.
  it('a decision says who took no part; one that no one took (all declared jäv) is decision/no-decider', () => {
    const base = snapshot([file({})]);
    const entry = { date: '2026-02-01', action: 'decided', decision: 'return', note: 'Skriv en plan' };
    const heard = diff(
      base,
      snapshot([file({ history: [CREATED, { ...entry, by: 'Anna Ek', conflicts: 'Bo Berg' }] })]),
    );
    expect(heard.decisions.map((x) => [x.by, x.conflicts])).toEqual([['Anna Ek', 'Bo Berg']]);
    expect(rules(heard)).toEqual([]);
    const none = diff(base, snapshot([file({ history: [CREATED, { ...entry, conflicts: 'Maria Lind' }] })]));
    expect(none.findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'decision/no-decider',
        'History entry 2 is a decision no one took: everyone who was to decide declared a conflict of interest (Maria Lind).',
      ],
    ]);
  });

  // Found from outside: a decision whose every decider had declared jäv passed when `by` still named them, or named
  // no one but in blanks, or the jäv was written as a list.
  it('a member who declared jäv is named among the deciders: decision/conflicted; a blank by decided nothing', () => {
    const base = snapshot([file({})]);
    const entry = { date: '2026-02-01', action: 'decided', decision: 'return', note: 'Skriv en plan' };
    const found = (fields: Record<string, unknown>) =>
      diff(base, snapshot([file({ history: [CREATED, { ...entry, ...fields }] })])).findings.map((f) => [
        f.rule,
        f.message,
      ]);
    expect(found({ by: 'Anna Ek', conflicts: 'Anna Ek' })).toEqual([
      [
        'decision/conflicted',
        'History entry 2 is a decision in which Anna Ek declared a conflict of interest, yet is named among those who took it.',
      ],
    ]);
    // As a person reads a name: case and spaces do not make another member.
    expect(found({ by: 'Bo Berg, anna  ek', conflicts: 'Anna Ek' }).map(([rule]) => rule)).toEqual([
      'decision/conflicted',
    ]);
    for (const by of [' ', ',', ' , '])
      expect(
        found({ by, conflicts: 'Anna Ek' }).map(([rule]) => rule),
        JSON.stringify(by),
      ).toEqual(['decision/no-decider']);
    expect(found({ conflicts: ['Anna Ek', 'Bo Berg'] })).toEqual([
      [
        'decision/no-decider',
        'History entry 2 is a decision no one took: everyone who was to decide declared a conflict of interest (Anna Ek, Bo Berg).',
      ],
    ]);
    expect(found({ by: 'Anna Ek', conflicts: ['Anna Ek'] }).map(([rule]) => rule)).toEqual(['decision/conflicted']);
    // What `ideas decide --by "Anna Ek, Bo Berg" --conflict "Bo Berg"` writes passes.
    expect(found({ by: 'Anna Ek', conflicts: 'Bo Berg' })).toEqual([]);
    expect(found({ by: 'Idérådet', conflicts: 'Bo Berg' })).toEqual([]);
  });

  // Found from outside: Parked stands after every other stage, so a forced return from it led into a stage the
  // council decides on, where the idea had never been, with no finding.
  it('a return from Parked into a council stage the idea never stood in is decision/council', () => {
    const council = config({
      stages: CONFIG.stages.map((s) => (s.key === 'test' || s.key === 'refinement' ? { ...s, council: true } : s)),
    });
    const parkedFrom = (stages: string[]) => {
      const history: HistoryEntry[] = [CREATED];
      let from = 'idea';
      for (const [i, to] of [...stages, 'parked'].entries()) {
        history.push({
          date: `2026-02-0${i + 1}`,
          action: 'moved',
          from,
          to,
          by: 'Rådet',
          decision: to === 'parked' ? 'park' : 'approve',
        });
        from = to;
      }
      return history;
    };
    const returned = (history: HistoryEntry[]) => {
      const base = snapshot([file({ stage: 'parked', history })], council);
      const back = {
        date: '2026-03-01',
        action: 'moved',
        from: 'parked',
        to: 'test',
        by: 'Rådet',
        decision: 'return',
        forced: true,
      };
      return diff(base, snapshot([file({ stage: 'test', history: [...history, back] })], council));
    };
    expect(errors(returned(parkedFrom([])))).toContain('decision/council');
    expect(errors(returned(parkedFrom(['refinement', 'test'])))).not.toContain('decision/council');
  });

  // Found by a newcomer: the hint for a file moved by hand past a stage into the council's named `ideas move
  // --force`, which refuses a move into a council stage.
  it('a file moved by hand past a stage into a council stage: the hint is the council decision, forced', () => {
    const council = config({
      stages: CONFIG.stages.map((s) => (s.key === 'test' ? { ...s, council: true } : s)),
    });
    const d = diff(snapshot([file({})], council), snapshot([file({ stage: 'test' })], council));
    const hint = d.findings.find((f) => f.rule === 'move/not-next')?.hint ?? '';
    expect(hint).toContain('ideas decide ide-aaaa11 --decision approve --to test --reason');
    expect(hint).toContain('--force');
    expect(hint).not.toContain('ideas move');
  });

  it('a move and an edit in one change (a new path, new text) is still one idea: moved and changed', () => {
    const base = snapshot([file({ fields: { coach: 'Anna' } })]);
    const head = snapshot([
      file({
        stage: 'refinement',
        name: 'ide-aaaa11-nytt-namn.md',
        fields: { title: 'Lånecyklar för alla', coach: 'Johan', unit: 'IT' },
        history: [CREATED, TO_REFINEMENT],
        body: 'Ny text.\n',
      }),
    ]);
    const d = diff(base, head);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.moved.map((m) => [m.id, m.from.key, m.to.key])).toEqual([['ide-aaaa11', 'idea', 'refinement']]);
    expect(d.changed).toEqual([
      {
        id: 'ide-aaaa11',
        title: 'Lånecyklar för alla',
        path: 'ideas/02-foradling/ide-aaaa11-nytt-namn.md',
        fields: [
          { field: 'title', old: 'Lånecyklar', new: 'Lånecyklar för alla' },
          { field: 'coach', old: 'Anna', new: 'Johan' },
          { field: 'unit', old: null, new: 'IT' },
        ],
        bodyChanged: true,
        history: [],
      },
    ]);
    expect(d.findings).toEqual([]);
  });

  it("an appended entry in the words ideas show uses: yes or no, a spreadsheet's update, never '?' or nothing", () => {
    const base = snapshot([file({ fields: { coach: 'Anna' } })]);
    const head = snapshot([
      file({
        fields: { coach: 'Anna', manager_support: true },
        history: [
          CREATED,
          { date: '2026-02-02', action: 'assigned', field: 'manager_support', new: true },
          { date: '2026-02-03', action: 'imported', note: 'ark.csv, rad 2' },
        ],
      }),
    ]);
    expect(diff(base, head).changed[0]?.history.map((h) => h.words)).toEqual([
      '2026-02-02 manager_support set to yes',
      '2026-02-03 updated from a spreadsheet: ark.csv, rad 2',
    ]);
  });

  it('a field removed is old → null; history is not a field; line endings alone do not change the text', () => {
    const base = snapshot([file({ fields: { coach: 'Anna' }, body: 'Rad ett.\nRad två.\n' })]);
    const head = snapshot([
      file({
        history: [CREATED, { date: '2026-02-02', action: 'assigned', field: 'coach', new: null }],
        body: 'Rad ett.\r\nRad två.\r\n',
      }),
    ]);
    expect(diff(base, head).changed).toEqual([
      {
        id: 'ide-aaaa11',
        title: 'Lånecyklar',
        path: 'ideas/01-ide/ide-aaaa11-lanecyklar.md',
        fields: [{ field: 'coach', old: 'Anna', new: null }],
        bodyChanged: false,
        // The entry that says so, which no other list shows.
        history: [
          {
            entry: { date: '2026-02-02', action: 'assigned', field: 'coach', new: null },
            // As `ideas show` says a field's value: nothing is "(not given)".
            words: '2026-02-02 coach set to (not given)',
          },
        ],
      },
    ]);
  });

  it('decisions and funding: every new entry with a decision or an amount, in date order', () => {
    const base = snapshot([file({ stage: 'refinement', history: [CREATED, TO_REFINEMENT] })]);
    const returned: HistoryEntry = { date: '2026-02-15', action: 'decided', decision: 'return', note: 'Förtydliga' };
    const head = snapshot([file({ stage: 'test', history: [CREATED, TO_REFINEMENT, returned, TO_TEST] })]);
    const d = diff(base, head);
    expect(d.decisions.map((x) => [x.date, x.decision, x.amount, x.note])).toEqual([
      ['2026-02-15', 'return', null, 'Förtydliga'],
      ['2026-03-01', 'approve', 50000, null],
    ]);
    expect(d.findings).toEqual([]);
  });

  it('a removed idea is a finding unless the config allows deletion', () => {
    const base = snapshot([file({}), file({ id: 'ide-bbbb22' })]);
    const head = snapshot([file({})]);
    const d = diff(base, head);
    expect(d.removed.map((r) => r.id)).toEqual(['ide-bbbb22']);
    expect(d.findings).toEqual([
      {
        file: 'ideas/01-ide/ide-bbbb22-lanecyklar.md',
        line: null,
        column: null,
        rule: 'idea/removed',
        severity: 'error',
        message: 'The idea ide-bbbb22 (Lånecyklar) was removed.',
        // Run where the file is gone: it is restored from the base, then parked.
        hint: "Ideas are parked or rejected rather than removed. Restore the file and park the idea: `git checkout main -- ideas/01-ide/ide-bbbb22-lanecyklar.md && ideas decide ide-bbbb22 -d park -r 'Parked rather than removed'`. Set allowDelete: true in the config to allow removal.",
      },
    ]);
    const allowing = config({ allowDelete: true });
    expect(allowing.allowDelete).toBe(true);
    expect(config().allowDelete).toBeUndefined();
    // The base's config decides: a change that turns allowDelete on cannot delete by it.
    expect(rules(diff(base, snapshot([file({})], allowing)))).toEqual(['idea/removed']);
    const allowed = diff(snapshot([file({}), file({ id: 'ide-bbbb22' })], allowing), snapshot([file({})], allowing));
    expect(allowed.removed.map((r) => r.id)).toEqual(['ide-bbbb22']);
    expect(allowed.findings).toEqual([]);
  });
});

describe('diffSnapshots: the rules of a move', () => {
  it('a stage skipped is move/not-next, on the line of the entry, in the registry language', () => {
    const skip: HistoryEntry = { date: '2026-02-01', action: 'moved', from: 'idea', to: 'test' };
    const d = diff(snapshot([file({})]), snapshot([file({ stage: 'test', history: [CREATED, skip] })]), { lang: 'sv' });
    expect(d.findings).toEqual([
      {
        file: 'ideas/03-test/ide-aaaa11-lanecyklar.md',
        // Line 1 is ---; id, title, created, history: on 5, then entry 1 (3 lines), then entry 2: its `to` on line 12.
        line: 12,
        column: 9,
        rule: 'move/not-next',
        severity: 'error',
        message: 'Flyttad Idé → Test, men Idé leder inte dit (nästa steg: Förädling, Parkerad).',
        hint: 'Flytta ett steg i taget med `ideas move ide-aaaa11`, eller med `ideas move ide-aaaa11 --force`, som skriver forced: true i historiken.',
      },
    ]);
    expect(d.moved).toHaveLength(1);
  });

  it('a forced move may skip stages and pass a closed gate, and is listed as a warning on its line', () => {
    const skip: HistoryEntry = { date: '2026-02-01', action: 'moved', from: 'idea', to: 'test', forced: true };
    const closed = (_i: Idea, from: Stage, to: Stage): Gate => ({
      from,
      to,
      allowed: false,
      missing: [{ pointer: '/coach', field: 'coach', keyword: 'required', message: label('saknas', 'missing') }],
      open: false,
    });
    const d = diff(snapshot([file({})]), snapshot([file({ stage: 'test', history: [CREATED, skip] })]), {
      gate: closed,
    });
    expect(d.findings.map((f) => [f.rule, f.severity, f.line, f.message])).toEqual([
      [
        'move/forced',
        'warning',
        13,
        'A forced move Idea → Test (history entry 2): past a closed gate, or to a stage that Idea does not lead to.',
      ],
    ]);
    expect(d.moved[0]).toMatchObject({ forced: true, steps: [{ from: 'idea', to: 'test', forced: true }] });
  });

  it('several gates in one change are checked step by step', () => {
    const good = diff(
      snapshot([file({})]),
      snapshot([file({ stage: 'test', history: [CREATED, TO_REFINEMENT, TO_TEST] })]),
    );
    expect(good.findings).toEqual([]);
    expect(good.moved[0]?.steps.map((s) => `${s.from}->${s.to}`)).toEqual(['idea->refinement', 'refinement->test']);
    // parked -> idea is allowed, but idea -> test is not: only that step is a finding.
    const viaParked = [
      CREATED,
      { date: '2026-02-01', action: 'moved', from: 'idea', to: 'parked' },
      { date: '2026-02-02', action: 'moved', from: 'parked', to: 'idea' },
      { date: '2026-02-03', action: 'moved', from: 'idea', to: 'test' },
    ];
    const bad = diff(snapshot([file({})]), snapshot([file({ stage: 'test', history: viaParked })]));
    expect(bad.findings.map((f) => [f.rule, f.message])).toEqual([
      ['move/not-next', 'Moved Idea → Test, but Idea does not lead there (next stages: Refinement, Parked).'],
    ]);
  });

  it('a stage change without a history entry is move/missing-history, also for a file moved as it was', () => {
    const base = snapshot([file({})]);
    const head = snapshot([file({ stage: 'refinement' })]);
    const d = diff(base, head);
    expect(d.findings.map((f) => [f.rule, f.line, f.message])).toEqual([
      ['move/missing-history', 5, 'The idea moved Idea → Refinement without an entry in its history.'],
    ]);
    expect(d.findings[0]?.hint).toContain('(action: moved, from: idea, to: refinement)');
    expect(d.moved[0]?.steps).toEqual([]);
    expect(d.changed).toEqual([]);
  });

  it('an idea that breaks several rules gets every finding at once: a skipped stage and no history entry', () => {
    const d = diff(snapshot([file({})]), snapshot([file({ stage: 'test' })]));
    expect(d.findings.map((f) => [f.rule, f.message])).toEqual(
      expect.arrayContaining([
        ['move/missing-history', 'The idea moved Idea → Test without an entry in its history.'],
        ['move/not-next', 'Moved Idea → Test, but Idea does not lead there (next stages: Refinement, Parked).'],
      ]),
    );
    // An entry leading to one stage, the file in a stage further on that it skips to: both named.
    const further = diff(
      snapshot([file({})]),
      snapshot([file({ stage: 'test', history: [CREATED, { ...TO_REFINEMENT }] })]),
    );
    expect(rules(further)).toEqual(expect.arrayContaining(['move/history-mismatch']));
    const direct = diff(snapshot([file({})]), snapshot([file({ stage: 'refinement' })]));
    expect(rules(direct)).toEqual(['move/missing-history']);
  });

  it('an entry that does not match the move is move/history-mismatch: from the wrong stage, or leading elsewhere', () => {
    const wrongFrom: HistoryEntry = { date: '2026-02-01', action: 'moved', from: 'parked', to: 'refinement' };
    const a = diff(snapshot([file({})]), snapshot([file({ stage: 'refinement', history: [CREATED, wrongFrom] })]));
    expect(a.findings.map((f) => [f.rule, f.message])).toEqual([
      ['move/history-mismatch', 'The history entry says Parked → Refinement, but the idea was in Idea.'],
    ]);
    const elsewhere = diff(
      snapshot([file({})]),
      snapshot([file({ stage: 'parked', history: [CREATED, TO_REFINEMENT] })]),
    );
    expect(elsewhere.findings.map((f) => [f.rule, f.message])).toEqual([
      ['move/history-mismatch', 'The history leads to Refinement, but the idea sits in the folder of Parked.'],
    ]);
    // The entry written but the file not moved: the same rule.
    const unmoved = diff(snapshot([file({})]), snapshot([file({ history: [CREATED, TO_REFINEMENT] })]));
    expect(rules(unmoved)).toEqual(['move/history-mismatch']);
    expect(unmoved.moved).toEqual([]);
  });
});

describe('diffSnapshots: the day an idea came in', () => {
  it('a created date changed, removed or added is idea/created-changed, an error on that line', () => {
    const base = snapshot([file({})]);
    const later = diff(base, snapshot([file({ fields: { created: '2026-03-01' } })]));
    expect(later.findings.map((f) => [f.rule, f.severity, f.line, f.message])).toEqual([
      [
        'idea/created-changed',
        'error',
        4,
        'The date the idea was registered (created) was changed from 2026-01-10 to 2026-03-01.',
      ],
    ]);
    expect(later.added).toEqual([]);
    expect(rules(diff(base, snapshot([file({ fields: { created: undefined } })])))).toEqual(['idea/created-changed']);
    expect(rules(diff(base, snapshot([file({ fields: { created: '2026-01-10', unit: 'Ny' } })])))).toEqual([]);
  });

  it('a created that was no date, or after today, set right to a date not after today is a warning to check', () => {
    for (const broken of ['7/12 2026', '2999-01-01']) {
      const base = snapshot([file({ fields: { created: broken } })]);
      const repaired = diff(base, snapshot([file({ fields: { created: '2026-01-10' } })]));
      expect(repaired.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
        [
          'idea/created-repaired',
          'warning',
          `Created was set right from ${broken} to 2026-01-10: it was no date, or after today.`,
        ],
      ]);
      // Set to another date ahead, or removed: no repair.
      expect(rules(diff(base, snapshot([file({ fields: { created: '2998-01-01' } })])))).toEqual([
        'idea/created-changed',
      ]);
      expect(rules(diff(base, snapshot([file({ fields: { created: undefined } })])))).toEqual(['idea/created-changed']);
    }
  });
});

describe('diffSnapshots: history is append-only', () => {
  const base = snapshot([file({ stage: 'test', history: [CREATED, TO_REFINEMENT, TO_TEST] })]);

  it('a decision rewritten (a larger amount) is history/rewritten on that entry, and not a new decision', () => {
    const head = snapshot([file({ stage: 'test', history: [CREATED, TO_REFINEMENT, { ...TO_TEST, amount: 150000 }] })]);
    const d = diff(base, head);
    expect(d.findings.map((f) => [f.rule, f.line, f.message, f.hint])).toEqual([
      [
        'history/rewritten',
        15,
        'History entry 3 (2026-03-01, moved Refinement → Test) was changed: amount: 50000 → 150000.',
        'History may only be appended to: restore the entries as they were at main and add a new entry for the change.',
      ],
    ]);
    expect(d.decisions).toEqual([]);
  });

  it('an entry changed is reported as changed, with its old and new values, whatever changed in it', () => {
    const redated = diff(
      base,
      snapshot([file({ stage: 'test', history: [CREATED, { ...TO_REFINEMENT, date: '2026-02-03' }, TO_TEST] })]),
    );
    expect(redated.findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'history/rewritten',
        'History entry 2 (2026-02-01, moved Idea → Refinement) was changed: date: 2026-02-01 → 2026-02-03.',
      ],
    ]);
    const other = { ...TO_REFINEMENT, action: 'decided', decision: 'approve', by: 'Idérådet' } as HistoryEntry;
    const reworded = diff(base, snapshot([file({ stage: 'test', history: [CREATED, other, TO_TEST] })]));
    expect(reworded.findings.map((f) => f.message)).toEqual([
      'History entry 2 (2026-02-01, moved Idea → Refinement) was changed: action: moved → decided, by: Rådet → Idérådet.',
    ]);
    // An entry gone and another appended is a removal, not a change.
    const replaced = diff(
      base,
      snapshot([file({ stage: 'test', history: [CREATED, TO_TEST, { date: '2026-04-01', action: 'edited' }] })]),
    );
    expect(replaced.findings.map((f) => f.message)).toContain(
      'History entry 2 (2026-02-01, moved Idea → Refinement) was removed.',
    );
  });

  it('an entry removed, and entries reordered, are history/rewritten too', () => {
    const removed = diff(base, snapshot([file({ stage: 'test', history: [CREATED, TO_TEST] })]));
    expect(removed.findings.map((f) => [f.rule, f.message])).toEqual([
      ['history/rewritten', 'History entry 2 (2026-02-01, moved Idea → Refinement) was removed.'],
    ]);
    const reordered = diff(base, snapshot([file({ stage: 'test', history: [TO_REFINEMENT, CREATED, TO_TEST] })]));
    expect(reordered.findings.map((f) => [f.rule, f.message])).toEqual([
      ['history/rewritten', 'The history entries were reordered from entry 1 on.'],
    ]);
  });

  it('appending is fine, and keys written in another order are the same entry', () => {
    const reKeyed = Object.fromEntries(Object.entries(TO_TEST).reverse()) as unknown as HistoryEntry;
    const head = snapshot([
      file({
        stage: 'test',
        fields: { coach: 'Eva' },
        history: [
          CREATED,
          TO_REFINEMENT,
          reKeyed,
          { date: '2026-04-01', action: 'assigned', field: 'coach', new: 'Eva' },
        ],
      }),
    ]);
    expect(diff(base, head).findings).toEqual([]);
  });

  // Found from outside: entries that are no move nor decision were appended without a word from the diff.
  it('lists every entry a change adds that no other list shows, and finds an assignment the field does not hold', () => {
    const base = snapshot([file({ fields: { carrier: 'Anna' } })]);
    const assigned = { date: '2026-04-01', action: 'assigned', field: 'carrier', old: 'Anna', new: 'Eva' };
    const edited = { date: '2026-04-02', action: 'edited', note: 'Rådet beviljade 900000 kr extra' };
    const head = snapshot([
      file({ fields: { carrier: 'Anna' }, history: [CREATED, assigned, edited] as HistoryEntry[] }),
    ]);
    const d = diff(base, head);
    expect(d.changed.map((c) => c.history.map((h) => h.words))).toEqual([
      ['2026-04-01 carrier set to Eva', '2026-04-02 edited: Rådet beviljade 900000 kr extra'],
    ]);
    expect(d.findings.map((f) => [f.rule, f.line])).toEqual([['history/assigned-mismatch', 10]]);
    // The field changed as the entry says: listed, and nothing to find.
    const held = snapshot([file({ fields: { carrier: 'Eva' }, history: [CREATED, assigned] as HistoryEntry[] })]);
    expect(diff(base, held).findings).toEqual([]);
  });

  it('findHistoryRewrite and newEntries, directly', () => {
    expect(findHistoryRewrite([CREATED], [CREATED, TO_REFINEMENT])).toBeNull();
    expect(findHistoryRewrite([CREATED, TO_REFINEMENT], [CREATED])).toEqual({ index: 1, kind: 'removed' });
    expect(findHistoryRewrite([CREATED, TO_REFINEMENT], [CREATED, { ...TO_REFINEMENT, by: 'Någon' }])).toEqual({
      index: 1,
      kind: 'edited',
    });
    expect(findHistoryRewrite([CREATED, TO_REFINEMENT], [TO_REFINEMENT, CREATED])).toEqual({
      index: 0,
      kind: 'reordered',
    });
    expect(newEntries([CREATED], [CREATED, TO_REFINEMENT]).map((x) => x.index)).toEqual([1]);
    // One edited, one appended: only the appended one is new.
    expect(
      newEntries([CREATED, TO_REFINEMENT], [CREATED, { ...TO_REFINEMENT, by: 'X' }, TO_TEST]).map((x) => x.index),
    ).toEqual([2]);
    expect(canonical({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonical({ a: [{ c: 3, d: 2 }], b: 1 }));
    // What JSON writes as null (YAML's .inf and .nan, JSON's 1e999) is not null, and not the text of it.
    const forms = [null, Infinity, -Infinity, NaN, 'Infinity', 'null', 0];
    expect(new Set(forms.map((v) => canonical({ v }))).size).toBe(forms.length);
    expect(findHistoryRewrite([{ ...CREATED, note: null }], [{ ...CREATED, note: Infinity }])?.kind).toBe('edited');
  });
});

describe('diffSnapshots: ids are never reused', () => {
  it('an id of another idea at base (other created date and history start) is id/reused: removed and added', () => {
    const other = file({
      fields: { title: 'Något annat', created: '2026-05-05' },
      history: [{ date: '2026-05-05', action: 'created', to: 'idea' }],
      name: 'ide-aaaa11-annat.md',
    });
    const d = diff(snapshot([file({})]), snapshot([other]));
    expect(d.findings.map((f) => [f.rule, f.file, f.line, f.message])).toEqual([
      [
        'id/reused',
        'ideas/01-ide/ide-aaaa11-annat.md',
        2,
        'The id ide-aaaa11 belonged to another idea at main: "Lånecyklar", created 2026-01-10.',
      ],
    ]);
    expect(d.added.map((a) => a.path)).toEqual(['ideas/01-ide/ide-aaaa11-annat.md']);
    expect(d.removed.map((a) => a.path)).toEqual(['ideas/01-ide/ide-aaaa11-lanecyklar.md']);
    expect(d.changed).toEqual([]);
  });

  // Found from outside: js-yaml's dump of what gray-matter read writes every date as a timestamp at midnight UTC, and
  // the idea was taken for another one under its id.
  it('dates made timestamps of the same day are the same idea, whose dates changed: not id/reused', () => {
    const stamped = file({
      fields: { created: '2026-01-10T00:00:00.000Z' },
      history: [{ ...CREATED, date: '2026-01-10T00:00:00.000Z' }],
    });
    const d = diff(snapshot([file({})]), snapshot([stamped]));
    expect(rules(d)).toEqual(['idea/created-changed', 'history/rewritten']);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it('an id changed in its file is id/changed: not an idea removed (whose hint would park it) and one added', () => {
    const base = snapshot([file({}), file({ id: 'ide-bbbb22', name: 'ide-bbbb22-annat.md' })]);
    // The same file, its `id:` line edited in a web editor; another file's id changed to one the base has.
    const edited = file({ id: 'ide-aaaa1x', name: 'ide-aaaa11-lanecyklar.md', fields: { title: 'Lånecyklar!' } });
    const d = diff(base, snapshot([edited, file({ id: 'ide-bbbb22', name: 'ide-bbbb22-annat.md' })]));
    expect(d.findings.map((f) => [f.rule, f.file, f.message, f.hint])).toEqual([
      [
        'id/changed',
        'ideas/01-ide/ide-aaaa11-lanecyklar.md',
        'The idea in the file changed its id from ide-aaaa11 to ide-aaaa1x: an idea keeps its id.',
        'Set id: ide-aaaa11 back in the file, or take the file back as it was: `git checkout main -- ideas/01-ide/ide-aaaa11-lanecyklar.md` (its other changes are then lost).',
      ],
    ]);
    expect(d.removed).toEqual([]);
    expect(d.added).toEqual([]);
    // An id another idea of the base has is a reuse, said as before.
    const taken = file({ id: 'ide-bbbb22', name: 'ide-aaaa11-lanecyklar.md' });
    expect(rules(diff(base, snapshot([taken, file({ id: 'ide-bbbb22', name: 'ide-bbbb22-annat.md' })])))).not.toContain(
      'id/changed',
    );
  });

  it('an edited created date alone is an edit, not another idea', () => {
    const a = snapshot([file({})]).ideas[0]?.idea ?? null;
    const b = snapshot([file({ fields: { created: '2026-01-11' } })]).ideas[0]?.idea ?? null;
    const c =
      snapshot([file({ fields: { created: '2026-01-11' }, history: [{ ...CREATED, date: '2026-01-11' }] })]).ideas[0]
        ?.idea ?? null;
    expect(isOtherIdea(a, b)).toBe(false);
    expect(isOtherIdea(a, c)).toBe(true);
    expect(isOtherIdea(a, null)).toBe(false);
  });

  it('an id used by two files at head is id/duplicate on the second', () => {
    const d = diff(
      snapshot([file({})]),
      snapshot([file({}), file({ name: 'ide-aaaa11-kopia.md', fields: { title: 'Kopia' } })]),
    );
    // The file that continues base's idea keeps the id; the other is the finding, whatever the names' order.
    expect(d.findings.map((f) => [f.rule, f.file, f.message])).toEqual([
      [
        'id/duplicate',
        'ideas/01-ide/ide-aaaa11-kopia.md',
        'The id ide-aaaa11 is also used by ideas/01-ide/ide-aaaa11-lanecyklar.md.',
      ],
    ]);
    expect(d.added.map((a) => a.path)).toEqual(['ideas/01-ide/ide-aaaa11-kopia.md']);
    // A duplicate the base already had is left to `ideas validate`.
    const both = snapshot([file({}), file({ name: 'ide-aaaa11-kopia.md', fields: { title: 'Kopia' } })]);
    expect(diff(both, both).findings).toEqual([]);
  });

  it('an id of an idea deleted before base is id/reused, but a deleted idea restored as it was is not', () => {
    const head = snapshot([
      file({
        id: 'ide-gone11',
        fields: { created: '2026-06-01' },
        history: [{ date: '2026-06-01', action: 'created', to: 'idea' }],
      }),
    ]);
    const deleted = (idea: Idea | null): DeletedIdea => ({
      id: 'ide-gone11',
      path: 'ideas/90-parkerad/ide-gone11-gammal.md',
      commit: 'abcdef1234567890',
      idea,
    });
    const old = snapshot([file({ id: 'ide-gone11', stage: 'parked' })]).ideas[0]?.idea ?? null;
    const d = diff(snapshot([]), head, { deletedBefore: [deleted(old)] });
    expect(d.findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'id/reused',
        'The id ide-gone11 belonged to the idea ideas/90-parkerad/ide-gone11-gammal.md, which was removed in abcdef1.',
      ],
    ]);
    expect(rules(diff(snapshot([]), head, { deletedBefore: [deleted(null)] }))).toEqual(['id/reused']);
    const restored = head.ideas[0]?.idea ?? null;
    expect(diff(snapshot([]), head, { deletedBefore: [deleted(restored)] }).findings).toEqual([]);
  });

  it('a deleted idea brought back keeps the record it had: an entry edited, or its created date, is found', () => {
    const CREATED_AT = { date: '2026-06-01', action: 'created', to: 'idea' };
    const APPROVED = { date: '2026-06-10', action: 'moved', from: 'idea', to: 'refinement', decision: 'approve' };
    const was = snapshot([
      file({
        id: 'ide-gone11',
        stage: 'refinement',
        fields: { created: '2026-06-01' },
        history: [CREATED_AT, APPROVED],
      }),
    ]).ideas[0]?.idea as Idea;
    const deleted: DeletedIdea = { id: 'ide-gone11', path: 'x.md', commit: 'abcdef1234567890', idea: was };
    const back = (created: string, history: HistoryEntry[]) =>
      diff(snapshot([]), snapshot([file({ id: 'ide-gone11', stage: 'refinement', fields: { created }, history })]), {
        deletedBefore: [deleted],
      }).findings.filter((f) => f.severity === 'error');
    expect(back('2026-06-01', [CREATED_AT, APPROVED])).toEqual([]);
    const edited = back('2026-06-01', [CREATED_AT, { ...APPROVED, decision: 'reject' }]);
    expect(edited.map((f) => [f.rule, f.hint])).toEqual([
      [
        'history/rewritten',
        'History may only be appended to: restore the entries as they were at abcdef1^ and add a new entry for the change.',
      ],
    ]);
    // Its move's entry removed: the stage it stands in has no entry either.
    expect(back('2026-06-01', [CREATED_AT]).map((f) => f.rule)).toContain('history/rewritten');
    expect(back('2026-06-02', [CREATED_AT, APPROVED]).map((f) => f.rule)).toEqual(['idea/created-changed']);
  });
});

describe('diffSnapshots: an id the base already had in two files', () => {
  // The registry `ideas validate` already fails (id/duplicate); each of its files is still an audit trail.
  const ORIGINAL = file({ history: [CREATED, TO_REFINEMENT], stage: 'refinement' });
  const copy = (spec: Spec = {}) =>
    file({ history: [CREATED, TO_REFINEMENT], stage: 'refinement', name: 'ide-aaaa11-kopia.md', ...spec });
  const BASE = snapshot([ORIGINAL, copy()]);
  const found = (d: ReturnType<typeof diff>) => d.findings.map((f) => [f.rule, f.file]);

  it('the second file is compared as the first is: its history rewritten is history/rewritten', () => {
    const rewritten = copy({ history: [CREATED, { ...TO_REFINEMENT, decision: 'reject' }] });
    expect(found(diff(BASE, snapshot([ORIGINAL, rewritten])))).toEqual([
      ['history/rewritten', 'ideas/02-foradling/ide-aaaa11-kopia.md'],
    ]);
    // Whichever of the two it is, and whatever the names' order.
    const first = file({ history: [CREATED, { ...TO_REFINEMENT, by: 'Någon' }], stage: 'refinement' });
    expect(found(diff(BASE, snapshot([first, copy()])))).toEqual([
      ['history/rewritten', 'ideas/02-foradling/ide-aaaa11-lanecyklar.md'],
    ]);
  });

  it('either file deleted is an idea removed, and the other is not taken for it moved', () => {
    for (const [left, gone] of [
      [ORIGINAL, 'ideas/02-foradling/ide-aaaa11-kopia.md'],
      [copy(), 'ideas/02-foradling/ide-aaaa11-lanecyklar.md'],
    ] as const) {
      const d = diff(BASE, snapshot([left]));
      expect(found(d)).toEqual([['idea/removed', gone]]);
      expect(d.removed.map((r) => r.path)).toEqual([gone]);
      expect([d.moved, d.changed, d.added]).toEqual([[], [], []]);
      // Allowed where the base allows removal, as for any idea; still listed.
      const allowed = diff(snapshot([ORIGINAL, copy()], config({ allowDelete: true })), snapshot([left]));
      expect([allowed.findings, allowed.removed.map((r) => r.path)]).toEqual([[], [gone]]);
    }
  });

  it('the second file moved, or given another id, is checked as any move or removal', () => {
    const moved = copy({ stage: 'test', history: [CREATED, TO_REFINEMENT, TO_TEST] });
    const d = diff(BASE, snapshot([ORIGINAL, moved]));
    expect(d.findings).toEqual([]);
    expect(d.moved.map((m) => [m.path, m.from.key, m.to.key])).toEqual([
      ['ideas/03-test/ide-aaaa11-kopia.md', 'refinement', 'test'],
    ]);
    const unrecorded = diff(BASE, snapshot([ORIGINAL, copy({ stage: 'test' })]));
    expect(found(unrecorded)).toEqual([['move/missing-history', 'ideas/03-test/ide-aaaa11-kopia.md']]);
    const renamed = diff(BASE, snapshot([ORIGINAL, copy({ id: 'ide-bbbb22' })]));
    expect(found(renamed)).toContainEqual(['idea/removed', 'ideas/02-foradling/ide-aaaa11-kopia.md']);
    expect(renamed.added.map((a) => a.id)).toEqual(['ide-bbbb22']);
  });

  it("a third file of the id is this change's duplicate; the two the base had are not", () => {
    const third = copy({ name: 'ide-aaaa11-tredje.md' });
    const d = diff(BASE, snapshot([ORIGINAL, copy(), third]));
    expect(found(d)).toEqual([['id/duplicate', 'ideas/02-foradling/ide-aaaa11-tredje.md']]);
    expect(d.added.map((a) => a.path)).toEqual(['ideas/02-foradling/ide-aaaa11-tredje.md']);
  });
});

describe('diffSnapshots: unreadable files', () => {
  it('a file that cannot be read at head is diff/unreadable; moved as well, the idea it was is gone', () => {
    const broken = {
      path: 'ideas/02-foradling/ide-aaaa11-lanecyklar.md',
      bytes: new TextEncoder().encode('---\ntitle: [\n---\n'),
    };
    const d = diff(snapshot([file({})]), snapshot([broken]));
    // Its name says ide-aaaa11, but only a front matter that can be read says what an idea's id is.
    expect(d.findings.map((f) => [f.rule, f.file])).toEqual([
      ['idea/removed', 'ideas/01-ide/ide-aaaa11-lanecyklar.md'],
      ['diff/unreadable', 'ideas/02-foradling/ide-aaaa11-lanecyklar.md'],
    ]);
    expect(d.moved).toEqual([]);
    // In its own place it is the same file made unreadable, not an idea removed.
    const here = diff(snapshot([file({})]), snapshot([{ ...broken, path: 'ideas/01-ide/ide-aaaa11-lanecyklar.md' }]));
    expect(here.findings.map((f) => f.rule)).toEqual(['diff/unreadable']);
    expect(here.removed).toEqual([]);
  });
});

// Found from outside: a file that did not read at the base (or whose id was written wrong), mended by a branch that
// also raised a past amount, was called a new idea, its raised amount a new decision: exit 0.
describe('diffSnapshots: a file that did not read at the base, mended', () => {
  const withAmount = (amount: number) => [CREATED, TO_REFINEMENT, { ...TO_TEST, amount }];
  const mendedFile = (amount: number) => file({ stage: 'test', history: withAmount(amount) });
  const brokenAtBase = (amount: number) => {
    const good = mendedFile(amount);
    // The title's quote left open: the file does not parse; its history lines are as the mended file's.
    const text = new TextDecoder().decode(good.bytes).replace(/^title: .*$/m, "title: 'Lånecyklar");
    return { path: good.path, bytes: new TextEncoder().encode(text) };
  };

  it('is the same idea, and its history as written must be as it was there', () => {
    const raised = diff(snapshot([brokenAtBase(100000)]), snapshot([mendedFile(900000)]));
    expect(errors(raised)).toEqual(['diff/base-unreadable']);
    expect(raised.added).toEqual([]);
    const mendedOnly = diff(snapshot([brokenAtBase(100000)]), snapshot([mendedFile(100000)]));
    expect(mendedOnly.findings.map((f) => [f.rule, f.severity])).toEqual([['diff/base-unreadable', 'warning']]);
    expect(mendedOnly.added).toEqual([]);
  });

  it('read at the base but for its id, it is compared as the same file is', () => {
    const capitals = (amount: number) => {
      const good = mendedFile(amount);
      const text = new TextDecoder().decode(good.bytes).replace('id: ide-aaaa11', 'id: IDE-AAAA11');
      return { path: good.path, bytes: new TextEncoder().encode(text) };
    };
    const raised = diff(snapshot([capitals(85000)]), snapshot([mendedFile(985000)]));
    expect(errors(raised)).toContain('history/rewritten');
    expect(raised.added).toEqual([]);
    expect(errors(diff(snapshot([capitals(85000)]), snapshot([mendedFile(85000)])))).toEqual([]);
  });
});

// Found from outside: an entry recording an approval (or a rejection) that moved nothing passed, exit 0; `ideas decide`
// never writes one, since those decisions move the idea.
describe('diffSnapshots: a decision that moves nothing', () => {
  it.each(['approve', 'park', 'reject'])('is decision/no-move for %s; a return is not', (decision) => {
    const base = snapshot([file({ stage: 'refinement', history: [CREATED, TO_REFINEMENT] })]);
    const entry = (d: string): HistoryEntry => ({ date: '2026-03-01', action: 'decided', by: 'Rådet', decision: d });
    const head = (d: string) => snapshot([file({ stage: 'refinement', history: [CREATED, TO_REFINEMENT, entry(d)] })]);
    expect(errors(diff(base, head(decision)))).toEqual(['decision/no-move']);
    expect(errors(diff(base, head('return')))).toEqual([]);
  });
});

describe('diffSnapshots: ids are read, never guessed', () => {
  const enc = (text: string) => new TextEncoder().encode(text);
  /** An idea whose id is written as an explicit key, and whose title has a second line `id: ide-bbbb22`. */
  const disguised = {
    path: 'ideas/01-ide/ide-aaaa11-lanecyklar.md',
    bytes: enc(
      `---\n? id\n: ide-aaaa11\ntitle: "Lånecyklar\n\n id: ide-bbbb22"\ncreated: 2026-01-10\n${stringify({ history: [CREATED] })}---\nText.\n`,
    ),
  };

  it('an unchanged file whose title reads like another id keeps its own: a copy of its id is id/duplicate', () => {
    const other = file({ id: 'ide-bbbb22', name: 'ide-bbbb22-x.md' });
    const copy = file({ id: 'ide-aaaa11', name: 'ide-aaaa11-kopia.md', fields: { title: 'Kopia' } });
    const d = diff(snapshot([disguised, other]), snapshot([disguised, other, copy]));
    expect(d.findings.map((f) => [f.rule, f.file])).toEqual([['id/duplicate', 'ideas/01-ide/ide-aaaa11-kopia.md']]);
  });

  it('an id removed, made a number or made malformed is id/unreadable on its line, and its file is not removed', () => {
    for (const [id, message] of [
      [undefined, "The idea's front matter has no id."],
      [42, 'The id is not text: 42.'],
      ['IDE-AAAA11', 'The id "IDE-AAAA11" is not of the form prefix-random characters (such as sund-4k7q2x).'],
    ] as const) {
      const text = ideaText({}).replace('id: ide-aaaa11\n', id === undefined ? '' : `id: ${id}\n`);
      const d = diff(snapshot([file({})]), snapshot([{ path: file({}).path, bytes: enc(text) }]));
      expect(
        d.findings.map((f) => [f.rule, f.message]),
        String(id),
      ).toEqual([['id/unreadable', message]]);
      // The file is still there: parking an idea whose id cannot be read is no remedy; restoring its id is.
      expect(d.removed, String(id)).toEqual([]);
      expect(d.findings[0]?.line, String(id)).toBe(2);
    }
  });

  it('a new file without an id is id/unreadable, not skipped', () => {
    const text = ideaText({ id: 'ide-new111' }).replace('id: ide-new111\n', '');
    const d = diff(snapshot([]), snapshot([{ path: 'ideas/03-test/ide-new111-x.md', bytes: enc(text) }]));
    expect(d.findings.map((f) => [f.rule, f.file])).toEqual([['id/unreadable', 'ideas/03-test/ide-new111-x.md']]);
  });

  it('an id-less file the change does not touch is left to `ideas validate`; one it gives another stage is not', () => {
    const text = enc(ideaText({}).replace('id: ide-aaaa11\n', ''));
    const same = { path: 'ideas/02-foradling/utan-id.md', bytes: text };
    expect(diff(snapshot([same]), snapshot([same])).findings).toEqual([]);
    // The head's config gives the folder another stage.
    const remapped = config({
      stages: [
        stage('idea', '01-ide', ['refinement', 'parked'], label('Idé', 'Idea')),
        stage('refinement', '03-test', ['test', 'idea', 'parked'], label('Förädling', 'Refinement')),
        { ...stage('test', '02-foradling', ['parked'], label('Test', 'Test')), funding: true },
        stage('parked', '90-parkerad', ['idea'], label('Parkerad', 'Parked')),
      ],
    });
    expect(rules(diff(snapshot([same]), snapshot([same], remapped)))).toEqual(['id/unreadable']);
  });
});

describe('diffSnapshots: the base decides the rules', () => {
  const withStages = (stages: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
    config({ stages, ...extra });
  const IDEA = stage('idea', '01-ide', ['refinement', 'parked'], label('Idé', 'Idea'));
  const REFINEMENT = stage('refinement', '02-foradling', ['test', 'idea', 'parked'], label('Förädling', 'Refinement'));
  const TEST = { ...stage('test', '03-test', ['parked'], label('Test', 'Test')), funding: true };
  const PARKED = stage('parked', '90-parkerad', ['idea'], label('Parkerad', 'Parked'));

  it("a shortcut head's config opens is still move/not-next", () => {
    const widened = withStages([{ ...IDEA, next: ['refinement', 'test', 'parked'] }, REFINEMENT, TEST, PARKED]);
    const skip: HistoryEntry = { date: '2026-02-01', action: 'moved', from: 'idea', to: 'test' };
    const d = diff(snapshot([file({})]), snapshot([file({ stage: 'test', history: [CREATED, skip] })], widened));
    expect(rules(d)).toEqual(['move/not-next']);
  });

  it('folders swapped in the config move every idea there without touching a file: move/missing-history', () => {
    const swapped = withStages([
      IDEA,
      { ...REFINEMENT, folder: '03-test' },
      { ...TEST, folder: '02-foradling' },
      PARKED,
    ]);
    const files = [
      file({ id: 'ide-aaaa11' }),
      file({ id: 'ide-bbbb22', stage: 'refinement', history: [CREATED, TO_REFINEMENT] }),
    ];
    const d = diff(snapshot(files), snapshot(files, swapped));
    expect(d.findings.map((f) => [f.rule, f.file, f.message])).toEqual([
      [
        'move/missing-history',
        'ideas/02-foradling/ide-bbbb22-lanecyklar.md',
        'The idea moved Refinement → Test without an entry in its history.',
      ],
    ]);
    expect(d.moved.map((m) => [m.id, m.from.key, m.to.key, m.path === m.previousPath])).toEqual([
      ['ide-bbbb22', 'refinement', 'test', true],
    ]);
  });

  it('a stage renamed in the config moves its ideas to a stage the base does not have', () => {
    const renamed = withStages(
      [IDEA, REFINEMENT, { ...TEST, key: 'pilot' }, PARKED].map((s) => ({
        ...s,
        next: (s.next as string[]).map((n) => (n === 'test' ? 'pilot' : n)),
      })),
    );
    const files = [file({ stage: 'test', history: [CREATED, TO_REFINEMENT, TO_TEST] })];
    expect(rules(diff(snapshot(files), snapshot(files, renamed)))).toEqual(['move/missing-history']);
    // And an entry to the new key is a move to no stage of the base's.
    const entry: HistoryEntry = { date: '2026-04-01', action: 'moved', from: 'test', to: 'pilot', forced: true };
    const moved = [file({ stage: 'test', history: [CREATED, TO_REFINEMENT, TO_TEST, entry] })];
    const d = diff(snapshot(files), snapshot(moved, renamed));
    expect(d.findings.map((f) => [f.rule, f.message])).toEqual([
      ['move/not-next', 'Moved to Test (pilot), which is not a stage at main.'],
      [
        'move/forced',
        'A forced move Test → Test (pilot) (history entry 4): past a closed gate, or to a stage that Test does not lead to.',
      ],
    ]);
  });

  it("money granted in a stage that only head's config lets grant it is decision/unfunded", () => {
    const funded = withStages([IDEA, { ...REFINEMENT, funding: true }, TEST, PARKED]);
    const withMoney = { ...TO_REFINEMENT, amount: 90000 };
    const d = diff(
      snapshot([file({})]),
      snapshot([file({ stage: 'refinement', history: [CREATED, withMoney] })], funded),
    );
    expect(d.findings.map((f) => [f.rule, f.line, f.message])).toEqual([
      ['decision/unfunded', 15, 'History entry 2 grants 90,000 kr, but Refinement is not a stage that grants money.'],
    ]);
  });
});

describe('diffSnapshots: new ideas obey the sluice', () => {
  const IMPORTED: HistoryEntry = {
    date: '2026-01-10',
    action: 'imported',
    to: 'refinement',
    source: 'ideer.csv, rad 3',
  } as HistoryEntry;

  it('a new idea straight into test, with a decision and money, is idea/start', () => {
    const d = diff(snapshot([]), snapshot([file({ stage: 'test', history: [TO_TEST] })]));
    expect(errors(d)).toContain('idea/start');
    expect(d.findings.find((f) => f.rule === 'idea/start')?.message).toBe(
      "A new idea's history must begin with an entry created in the stage Idea (or imported, with its source), but begins with moved Refinement → Test.",
    );
    expect(d.moved.map((m) => [m.from.key, m.to.key])).toEqual([['idea', 'test']]);
    expect(d.decisions.map((x) => [x.decision, x.amount])).toEqual([['approve', 50000]]);
  });

  it('created in a later stage, created with a decision, or no history at all, is idea/start', () => {
    for (const history of [
      [{ ...CREATED, to: 'test' }],
      [{ ...CREATED, decision: 'approve' }],
      [{ ...CREATED, amount: 1000 }],
      [{ ...CREATED, forced: true }],
      [],
      [{ date: '2026-01-10', action: 'imported', to: 'refinement' }],
    ] as HistoryEntry[][]) {
      const stageKey = (history[0]?.to as string | undefined) ?? 'idea';
      const d = diff(snapshot([]), snapshot([file({ stage: stageKey, history })]));
      expect(errors(d), JSON.stringify(history)).toContain('idea/start');
    }
  });

  it('a fabricated history through every gate in one change is listed step by step, for the reviewer', () => {
    const d = diff(snapshot([]), snapshot([file({ stage: 'test', history: [CREATED, TO_REFINEMENT, TO_TEST] })]));
    expect(d.findings.map((f) => [f.rule, f.severity])).toEqual([['idea/new-history', 'warning']]);
    expect(d.moved[0]?.steps.map((s) => `${s.from}->${s.to}`)).toEqual(['idea->refinement', 'refinement->test']);
    expect(d.decisions.map((x) => [x.to, x.amount])).toEqual([
      ['refinement', null],
      ['test', 50000],
    ]);
  });

  it('an idea imported (with its source) into a later stage is a warning; with money it is an error', () => {
    const d = diff(snapshot([]), snapshot([file({ stage: 'refinement', history: [IMPORTED] })]));
    expect(d.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['idea/imported', 'warning', 'A new idea imported straight into the stage Refinement, from ideer.csv, rad 3.'],
    ]);
    const paid = diff(snapshot([]), snapshot([file({ stage: 'refinement', history: [{ ...IMPORTED, amount: 5 }] })]));
    expect(errors(paid)).toEqual(['idea/start', 'decision/unfunded']);
  });
});

describe('diffSnapshots: appended entries keep time', () => {
  const base = snapshot([file({ stage: 'refinement', history: [CREATED, TO_REFINEMENT] })]);
  const head = (entry: Record<string, unknown>) =>
    snapshot([file({ stage: 'test', history: [CREATED, TO_REFINEMENT, { ...TO_TEST, ...entry }] })]);

  it('an entry dated before the last one already there is history/date-order, on its date', () => {
    const d = diff(base, head({ date: '2026-01-15' }));
    expect(d.findings.map((f) => [f.rule, f.line, f.message])).toEqual([
      ['history/date-order', 15, 'History entry 3 is dated 2026-01-15, before the entry before it (2026-02-01).'],
    ]);
  });

  it('an entry dated after today (by the injected clock) is history/date-future; today itself is fine', () => {
    const d = diff(base, head({ date: '2026-11-25' }));
    expect(d.findings.map((f) => [f.rule, f.message])).toEqual([
      ['history/date-future', 'History entry 3 is dated 2026-11-25, after today (2026-11-23).'],
    ]);
    expect(diff(base, head({ date: '2026-11-23' })).findings).toEqual([]);
    // Where it is already tomorrow (UTC+14 at noon UTC), tomorrow is not the future yet.
    expect(diff(base, head({ date: '2026-11-24' })).findings).toEqual([]);
    expect(rules(diff(base, head({ date: '2026-11-24' }), { now: new Date('2026-11-23T09:00:00Z') }))).toEqual([
      'history/date-future',
    ]);
  });

  it('an entry without a date that is one is history/date-invalid', () => {
    for (const date of ['2026-02-30', '1 mars 2026', 20260301, undefined])
      expect(rules(diff(base, head({ date }))), String(date)).toEqual(['history/date-invalid']);
  });

  it('several entries appended: each after the one before it', () => {
    const later: HistoryEntry = { date: '2026-02-10', action: 'decided', decision: 'return' };
    const d = diff(base, snapshot([file({ stage: 'test', history: [CREATED, TO_REFINEMENT, TO_TEST, later] })]));
    expect(d.findings.map((f) => [f.rule, f.message])).toEqual([
      ['history/date-order', 'History entry 4 is dated 2026-02-10, before the entry before it (2026-03-01).'],
    ]);
  });

  it('money on an entry that moves nowhere, or into a stage without funding, is decision/unfunded', () => {
    const d = diff(
      base,
      snapshot([
        file({
          stage: 'refinement',
          history: [CREATED, TO_REFINEMENT, { date: '2026-03-01', action: 'decided', decision: 'return', amount: 10 }],
        }),
      ]),
    );
    expect(d.findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'decision/unfunded',
        'History entry 3 grants 10 kr in a decision that does not approve the idea (sent back): money is granted only when the idea is approved.',
      ],
    ]);
    // Sent back into a stage that grants money, with money all the same: no approval, no grant.
    const returned = diff(
      base,
      snapshot([
        file({
          stage: 'test',
          history: [
            CREATED,
            TO_REFINEMENT,
            {
              date: '2026-03-01',
              action: 'moved',
              from: 'refinement',
              to: 'test',
              decision: 'return',
              amount: 5_000_000,
            },
          ],
        }),
      ]),
    );
    expect(rules(returned)).toContain('decision/unfunded');
    const parked = diff(
      base,
      snapshot([
        file({
          stage: 'parked',
          history: [
            CREATED,
            TO_REFINEMENT,
            { date: '2026-03-01', action: 'moved', from: 'refinement', to: 'parked', amount: 10 },
          ],
        }),
      ]),
    );
    expect(rules(parked)).toEqual(['decision/unfunded']);
  });

  it('an amount changed in an entry already there is history/rewritten, also when the idea is moved and edited', () => {
    const edited = snapshot([
      file({
        stage: 'parked',
        name: 'ide-aaaa11-nytt-namn.md',
        fields: { title: 'Nytt namn' },
        history: [
          CREATED,
          { ...TO_REFINEMENT, amount: 5 },
          { date: '2026-03-01', action: 'moved', from: 'refinement', to: 'parked' },
        ],
        body: 'Helt ny text.\n',
      }),
    ]);
    const d = diff(base, edited);
    expect(rules(d)).toEqual(['history/rewritten']);
    expect(d.moved.map((m) => [m.from.key, m.to.key])).toEqual([['refinement', 'parked']]);
    expect(d.changed[0]).toMatchObject({ fields: [{ field: 'title' }], bodyChanged: true });
  });
});
