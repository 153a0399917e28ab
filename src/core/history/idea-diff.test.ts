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
      stage('test', '03-test', ['parked'], label('Test', 'Test')),
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

function diff(base: Snapshot, head: Snapshot, extra: Partial<DiffOptions> = {}) {
  return diffSnapshots(base, head, { lang: 'en', baseName: 'main', gate: OPEN, ...extra });
}

const rules = (d: ReturnType<typeof diff>) => d.findings.map((f) => f.rule);

describe('readSnapshot', () => {
  it('takes the files directly in stage folders, by front matter id, or by file name when unreadable', () => {
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
      ['ide-cccc33', 'test', true],
    ]);
  });
});

describe('SnapshotIdea.quickId', () => {
  const quick = (text: string, name = 'ide-file11-x.md') =>
    readSnapshot(CONFIG, [{ path: `ideas/01-ide/${name}`, bytes: new TextEncoder().encode(text) }]).ideas[0]?.quickId;

  it('reads a plain, quoted or commented id line without parsing the YAML', () => {
    expect(quick('---\ntitle: x\nid: ide-abcd12\n---\n')).toBe('ide-abcd12');
    expect(quick('\uFEFF---\r\nid: "ide-abcd12"  # ett id\r\n---\r\n')).toBe('ide-abcd12');
  });

  it('falls back on the exact id when the line is not that simple', () => {
    // Two id lines: the YAML is broken, so the exact id is the file name's.
    expect(quick('---\nid: ide-abcd12\nid: ide-efgh34\n---\n')).toBe('ide-file11');
    expect(quick('---\nid: >\n  ide-abcd12\n---\n')).toBe('ide-abcd12');
    expect(quick('---\nnested:\n  id: ide-abcd12\n---\n')).toBe('ide-file11');
    expect(quick('ingen front matter\nid: ide-abcd12\n')).toBe('ide-file11');
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

  it('reports a new idea, and its decisions, without findings', () => {
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
    expect(d.findings).toEqual([]);
  });

  it('a move with its history entry is a move, with steps and the gate at head; nothing broken', () => {
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
    expect(d.findings).toEqual([]);
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
        note: null,
        forced: false,
      },
    ]);
    expect(d.changed).toEqual([]);
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
      },
    ]);
    expect(d.findings).toEqual([]);
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
        hint: 'Ideas are parked or rejected rather than removed (`ideas decide ide-bbbb22 -d park`). Set allowDelete: true in the config to allow removal.',
      },
    ]);
    const allowing = config({ allowDelete: true });
    expect(allowing.allowDelete).toBe(true);
    expect(config().allowDelete).toBeUndefined();
    const allowed = diff(base, snapshot([file({})], allowing));
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
        message: 'Flyttad Idé → Test, men Idé leder inte dit (nästa steg: refinement, parked).',
        hint: 'Flytta ett steg i taget med `ideas move`, eller med `ideas move --force`, som skriver forced: true i historiken.',
      },
    ]);
    expect(d.moved).toHaveLength(1);
  });

  it('a forced move may skip stages', () => {
    const skip: HistoryEntry = { date: '2026-02-01', action: 'moved', from: 'idea', to: 'test', forced: true };
    const d = diff(snapshot([file({})]), snapshot([file({ stage: 'test', history: [CREATED, skip] })]));
    expect(d.findings).toEqual([]);
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
      ['move/not-next', 'Moved Idea → Test, but Idea does not lead there (next stages: refinement, parked).'],
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

describe('diffSnapshots: history is append-only', () => {
  const base = snapshot([file({ stage: 'test', history: [CREATED, TO_REFINEMENT, TO_TEST] })]);

  it('a decision rewritten (a larger amount) is history/rewritten on that entry, and not a new decision', () => {
    const head = snapshot([file({ stage: 'test', history: [CREATED, TO_REFINEMENT, { ...TO_TEST, amount: 150000 }] })]);
    const d = diff(base, head);
    expect(d.findings.map((f) => [f.rule, f.line, f.message, f.hint])).toEqual([
      [
        'history/rewritten',
        15,
        'History entry 3 (2026-03-01, moved Refinement → Test) was changed.',
        'History may only be appended to: restore the entries as they were at main and add a new entry for the change.',
      ],
    ]);
    expect(d.decisions).toEqual([]);
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
});

describe('diffSnapshots: unreadable files', () => {
  it('a file that cannot be read at head is diff/unreadable, and its move is still seen by its folder', () => {
    const broken = {
      path: 'ideas/02-foradling/ide-aaaa11-lanecyklar.md',
      bytes: new TextEncoder().encode('---\ntitle: [\n---\n'),
    };
    const d = diff(snapshot([file({})]), snapshot([broken]));
    expect(rules(d)).toEqual(['diff/unreadable']);
    expect(d.moved.map((m) => [m.id, m.from.key, m.to.key, m.gate])).toEqual([
      ['ide-aaaa11', 'idea', 'refinement', null],
    ]);
  });
});
