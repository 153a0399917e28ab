import { describe, expect, it } from 'vitest';
import { compileCriteria } from '../../io/schemas.js';
import { IdeasError } from '../errors.js';
import { normalizeConfig, type Stage } from './config.js';
import type { IdeaFields } from './idea.js';
import {
  amountAsked,
  commitMessage,
  decisionTarget,
  planAdoption,
  planTransition,
  refusalError,
  type ImportRequest,
  type MoveRequest,
  type StageValidators,
} from './transition.js';
import { thrown } from '../../../test/helpers/errors.js';
import { movedByHand } from './unfinished-move.js';

const label = (sv: string, en: string) => ({ sv, en });
const config = normalizeConfig({
  name: 'Plan',
  language: 'sv',
  idPrefix: 'plan',
  stages: [
    {
      key: 'idea',
      folder: '01-ide',
      label: label('Idé', 'Idea'),
      next: ['refinement', 'parked', 'rejected'],
      criteria: 'c/idea.json',
    },
    {
      key: 'refinement',
      folder: '02-foradling',
      label: label('Förädling', 'Refinement'),
      next: ['test', 'idea', 'parked', 'rejected'],
      criteria: 'c/refinement.json',
    },
    {
      key: 'test',
      folder: '03-test',
      label: label('Test', 'Test'),
      next: ['spread'],
      criteria: 'c/test.json',
      funding: true,
    },
    { key: 'spread', folder: '04-spridning', label: label('Spridning', 'Spread'), next: [], criteria: 'c/spread.json' },
    {
      key: 'parked',
      folder: '90-parkerad',
      label: label('Parkerad', 'Parked'),
      next: ['idea'],
      criteria: 'c/parked.json',
    },
    {
      key: 'rejected',
      folder: '99-avslagen',
      label: label('Avslagen', 'Rejected'),
      next: [],
      criteria: 'c/rejected.json',
    },
  ],
  challenges: [{ id: 'klimat', label: label('Klimat', 'Climate') }],
});
const stage = (key: string): Stage => config.stages.find((s) => s.key === key) as Stage;

const required = (field: string, message: string) => ({
  type: 'object',
  required: [field],
  properties: { [field]: { type: 'string', minLength: 1, 'x-message': { sv: message, en: message } } },
});
const validators: StageValidators = {
  base: compileCriteria(
    { type: 'object', required: ['id', 'title'], properties: { title: { type: 'string' } } },
    'transition-test:base',
  ),
  criteria: (s) =>
    s.key === 'refinement'
      ? compileCriteria(required('coach', 'Ingen idécoach'), 'transition-test:refinement')
      : s.key === 'test'
        ? compileCriteria(
            { ...required('test_plan', 'Ingen testplan'), allOf: [required('coach', 'Ingen idécoach')] },
            'transition-test:test',
          )
        : undefined,
};

function idea(stageKey: string, data: Record<string, unknown> = {}): IdeaFields {
  const s = stage(stageKey);
  const all: Record<string, unknown> = { id: 'plan-4k7q2x', title: 'Lånecyklar', ...data };
  return {
    id: 'plan-4k7q2x',
    title: 'Lånecyklar',
    created: null,
    carrier: null,
    coach: typeof all.coach === 'string' ? all.coach : null,
    unit: null,
    challenge: typeof all.challenge === 'string' ? all.challenge : null,
    tags: [],
    data: all,
    stage: s,
    path: `ideas/${s.folder}/plan-4k7q2x-lanecyklar.md`,
    abs: `/registry/ideas/${s.folder}/plan-4k7q2x-lanecyklar.md`,
  };
}

function move(from: IdeaFields, to: string | null, extra: Partial<MoveRequest> = {}): MoveRequest {
  return { kind: 'move', config, validators, date: '2026-11-23', idea: from, to: to ? stage(to) : null, ...extra };
}

describe('planTransition: a move', () => {
  it('through an open gate: one entry, in the order every entry has its keys, and the file in the new folder', () => {
    const plan = planTransition(move(idea('idea', { coach: 'Kim' }), 'refinement', { by: 'Anna', note: 'Klar' }));
    expect(plan).toMatchObject({ kind: 'write', forced: false, path: 'ideas/02-foradling/plan-4k7q2x-lanecyklar.md' });
    if (plan.kind !== 'write') throw new Error(plan.kind);
    expect(plan.from.key).toBe('idea');
    expect(plan.to?.key).toBe('refinement');
    expect(plan.gate).toMatchObject({ allowed: true, open: true, missing: [] });
    expect(Object.entries(plan.entry)).toEqual([
      ['date', '2026-11-23'],
      ['action', 'moved'],
      ['from', 'idea'],
      ['to', 'refinement'],
      ['by', 'Anna'],
      ['note', 'Klar'],
    ]);
  });

  it('refuses at a closed gate, naming each missing criterion and its field, and plans nothing to write', () => {
    const plan = planTransition(move(idea('idea'), 'refinement'));
    expect(plan.kind).toBe('refused');
    if (plan.kind !== 'refused') throw new Error(plan.kind);
    expect(plan.gate).toMatchObject({ allowed: true, open: false });
    expect(plan.missing.map((m) => [m.field, m.message.sv])).toEqual([['coach', 'Ingen idécoach [coach]']]);
    expect(plan).not.toHaveProperty('entry');
  });

  it('refuses a stage the idea’s stage does not lead to, even with every criterion met', () => {
    const plan = planTransition(move(idea('idea', { coach: 'Kim', test_plan: 'Tre veckor' }), 'test'));
    expect(plan).toMatchObject({ kind: 'refused', gate: { allowed: false, open: false }, missing: [] });
  });

  it('forced with a reason: passes the closed gate and says so in its entry, before the reason', () => {
    const plan = planTransition(move(idea('idea'), 'test', { force: true, note: 'Rådet sa ja', by: 'Idérådet' }));
    expect(plan).toMatchObject({ kind: 'write', forced: true, gate: { open: false, allowed: false } });
    if (plan.kind !== 'write') throw new Error(plan.kind);
    expect(Object.keys(plan.entry)).toEqual(['date', 'action', 'from', 'to', 'by', 'forced', 'note']);
    expect(plan.entry.forced).toBe(true);
    // Forcing an open gate forces nothing: the entry says nothing of it.
    const open = planTransition(move(idea('idea', { coach: 'Kim' }), 'refinement', { force: true }));
    expect(open).toMatchObject({ kind: 'write', forced: false });
    if (open.kind === 'write') expect(open.entry).not.toHaveProperty('forced');
  });

  it('refuses a move into the stage the idea stands in, by its history too: no entry that says a move', () => {
    const e = thrown(() => planTransition(move(idea('refinement', { coach: 'Kim' }), 'refinement', { force: true })));
    expect(e).toMatchObject({ code: 'USAGE', text: { sv: 'Idén plan-4k7q2x står redan i Förädling.' } });
  });

  it('is pure: the idea is left as it was, and the same request gives the same plan', () => {
    const before = idea('refinement', { coach: 'Kim', nested: { a: [1] } });
    const copy = structuredClone(before);
    const request = move(before, 'test', { force: true, note: 'x' });
    const first = planTransition(request);
    expect(planTransition(request)).toEqual(first);
    expect(before).toEqual(copy);
  });
});

describe('planTransition: a decision', () => {
  it('approve with funding: the decision and the amount in the entry of the move into a stage with funding', () => {
    const from = idea('refinement', { coach: 'Kim', test_plan: 'Tre veckor på två boenden' });
    const plan = planTransition(
      move(from, 'test', { decision: 'approve', amount: 120000, by: 'Idérådet', note: 'Bra testplan' }),
    );
    expect(plan.kind).toBe('write');
    if (plan.kind !== 'write') throw new Error(plan.kind);
    expect(plan.entry).toEqual({
      date: '2026-11-23',
      action: 'moved',
      from: 'refinement',
      to: 'test',
      by: 'Idérådet',
      decision: 'approve',
      amount: 120000,
      note: 'Bra testplan',
    });
    expect(Object.keys(plan.entry)).toEqual(['date', 'action', 'from', 'to', 'by', 'decision', 'amount', 'note']);
    // An amount of 0 is an amount: written, not dropped.
    const zero = planTransition(move(from, 'test', { decision: 'approve', amount: 0 }));
    expect(zero.kind === 'write' && zero.entry.amount).toBe(0);
  });

  it('refuses an approval into a stage with funding that says no amount, after its gate and before writing', () => {
    const from = idea('refinement', { coach: 'Kim', test_plan: 'Tre veckor på två boenden' });
    const plan = planTransition(move(from, 'test', { decision: 'approve', by: 'Idérådet', note: 'Bra' }));
    expect(plan).toMatchObject({ kind: 'amount', to: { key: 'test' } });
    // A closed gate is said first: the amount is asked only of an approval that could pass.
    expect(planTransition(move(idea('refinement'), 'test', { decision: 'approve' })).kind).toBe('refused');
    // Parking or rejecting grants nothing, and asks for nothing.
    expect(planTransition(move(from, 'parked', { decision: 'park' })).kind).toBe('write');
    expect(amountAsked('approve', null)).toBe(false);
  });

  it('refuses money into a stage without funding, and a decision in place', () => {
    const from = idea('idea', { coach: 'Kim' });
    for (const to of ['refinement', null]) {
      const e = thrown(() => planTransition(move(from, to, { decision: 'approve', amount: 10 })));
      expect(e.code).toBe('USAGE');
      expect(e.message).toContain('grants no money');
    }
  });

  it('return: a decision in place, through no gate, the file where it is', () => {
    const from = idea('refinement');
    const plan = planTransition(move(from, null, { decision: 'return', note: 'Förtydliga målgruppen', by: 'Rådet' }));
    expect(plan).toMatchObject({ kind: 'write', gate: null, forced: false, to: null, path: from.path });
    if (plan.kind !== 'write') throw new Error(plan.kind);
    expect(Object.entries(plan.entry)).toEqual([
      ['date', '2026-11-23'],
      ['action', 'decided'],
      ['by', 'Rådet'],
      ['decision', 'return'],
      ['note', 'Förtydliga målgruppen'],
    ]);
  });

  it('takes each decision to its stage', () => {
    const from = idea('refinement');
    expect(decisionTarget(from, 'approve', config)?.key).toBe('test');
    expect(decisionTarget(from, 'park', config)?.key).toBe('parked');
    expect(decisionTarget(from, 'reject', config)?.key).toBe('rejected');
    expect(decisionTarget(from, 'return', config)).toBeNull();
    expect(decisionTarget(from, 'approve', config, 'Idé')?.key).toBe('idea');
    expect(thrown(() => decisionTarget(idea('spread'), 'approve', config))).toMatchObject({ code: 'USAGE' });
    expect(thrown(() => decisionTarget(idea('test'), 'park', config))).toMatchObject({ code: 'USAGE' });
  });

  it('says an idea is parked (or rejected) already, not that its stage has no next stage for the decision', () => {
    for (const [stage, decision] of [
      ['parked', 'park'],
      ['rejected', 'reject'],
    ] as const) {
      const e = thrown(() => decisionTarget(idea(stage), decision, config));
      expect(e.code).toBe('USAGE');
      expect(e.text.sv).toMatch(/^Idén plan-4k7q2x står redan i (Parkerad|Avslagen)\.$/);
    }
  });

  it('writes a commit message that names the move or the decision, the reason and who decided', () => {
    const from = idea('refinement');
    const fields = { decision: 'approve' as const, note: 'Bra', by: 'Rådet' };
    expect(commitMessage(from, from.stage, stage('test'), 'sv', fields)).toBe(
      'plan-4k7q2x: Lånecyklar (Förädling → Test)\n\nbeslut: godkänd\nBra\n— Rådet',
    );
    expect(commitMessage(from, from.stage, null, 'en', { decision: 'return' })).toBe(
      'plan-4k7q2x: Lånecyklar (return)\n\ndecision: sent back',
    );
    // Swedish all the way in a Swedish registry: the decision's word, not its key.
    expect(commitMessage(from, from.stage, null, 'sv', { decision: 'return' })).toBe(
      'plan-4k7q2x: Lånecyklar (återremittera)\n\nbeslut: återremitterad',
    );
  });
});

describe('planTransition: a move cut short', () => {
  const cut = (history: Record<string, unknown>[]) => idea('idea', { coach: 'Kim', history });
  const entry = { date: '2026-11-20', action: 'moved', from: 'idea', to: 'refinement', forced: true };

  it('finishes the same move with the entry the file has, never a second one, whatever the gate says now', () => {
    const plan = planTransition(move(cut([entry]), 'refinement', { note: 'igen' }));
    expect(plan).toEqual({
      kind: 'finish',
      from: stage('idea'),
      to: stage('refinement'),
      forced: true,
      entry,
      path: 'ideas/02-foradling/plan-4k7q2x-lanecyklar.md',
    });
  });

  it('refuses any other move or decision until it is finished', () => {
    for (const to of ['parked', null]) {
      const plan = planTransition(move(cut([entry]), to, { force: true }));
      expect(plan).toEqual({ kind: 'unfinished', pending: 'refinement' });
    }
  });
});

describe('planTransition: an import', () => {
  const row = (data: Record<string, unknown>, to = 'test'): ImportRequest => ({
    kind: 'import',
    config,
    validators,
    date: '2026-11-23',
    data: { id: 'import-000000', title: 'Lånecyklar', ...data },
    to: stage(to),
    source: 'ideer.csv, rad 4',
    key: '0123456789abcdef',
    by: 'Samordnaren',
  });

  it("enters a later stage through that stage's gate: every criterion of the stage, at once", () => {
    const plan = planTransition(row({}));
    expect(plan.kind).toBe('refused');
    if (plan.kind !== 'refused') throw new Error(plan.kind);
    expect(plan.missing.map((m) => m.field)).toEqual(['coach', 'test_plan']);
  });

  it('with the criteria met: its first entry says imported, into which stage, from where and by whom', () => {
    const plan = planTransition(row({ coach: 'Kim', test_plan: 'Tre veckor' }));
    expect(plan.kind).toBe('write');
    if (plan.kind !== 'write') throw new Error(plan.kind);
    expect(plan.to.key).toBe('test');
    expect(Object.entries(plan.entry)).toEqual([
      ['date', '2026-11-23'],
      ['action', 'imported'],
      ['to', 'test'],
      ['source', 'ideer.csv, rad 4'],
      ['key', '0123456789abcdef'],
      ['by', 'Samordnaren'],
    ]);
    const plain = planTransition({ ...row({}, 'idea'), key: null, by: undefined });
    expect(plain.kind === 'write' && Object.keys(plain.entry)).toEqual(['date', 'action', 'to', 'source']);
  });

  it('keeps out a challenge the config does not list, in the words validate uses', () => {
    const plan = planTransition(row({ challenge: 'rymden' }, 'idea'));
    expect(plan).toMatchObject({
      kind: 'refused',
      missing: [{ field: 'challenge', message: { en: 'The challenge "rymden" is not in the config.' } }],
    });
  });
});

describe('planAdoption', () => {
  const adopted = () => ({
    id: 'plan-abcd12',
    title: 'Lånecyklar',
    history: [{ date: '2026-11-23', action: 'adopted', to: 'refinement', by: 'Bo' }],
  });
  const plan = (data: Record<string, unknown>, force: boolean) =>
    planAdoption({ data, to: stage('refinement'), config, validators, force });

  it('takes an adoption through an open gate as it was made', () => {
    const data = { ...adopted(), coach: 'Kim' };
    const p = plan(data, false);
    expect(p).toMatchObject({ kind: 'write', forced: false, missing: [] });
    expect(p.kind === 'write' && p.data).toEqual(data);
  });

  it('refuses a closed gate, naming what is missing; with force, records the override in the entry', () => {
    expect(plan(adopted(), false)).toMatchObject({ kind: 'refused', missing: [{ field: 'coach' }] });
    const data = adopted();
    const p = plan(data, true);
    expect(p).toMatchObject({ kind: 'write', forced: true, missing: [{ field: 'coach' }] });
    expect(p.kind === 'write' && p.data.history).toEqual([{ ...data.history[0], forced: true }]);
    // The request's own data is left as it was.
    expect(data.history[0]).not.toHaveProperty('forced');
  });
});

describe('refusalError', () => {
  it('a closed gate: exit 1, what is missing and the commands that fill it in', () => {
    const from = idea('idea');
    const plan = planTransition(move(from, 'refinement'));
    if (plan.kind !== 'refused') throw new Error(plan.kind);
    const e = refusalError(plan, from, 'en', config, ['ideas edit plan-4k7q2x --set coach=<text>']);
    expect(e).toBeInstanceOf(IdeasError);
    expect(e.code).toBe('GATE_CLOSED');
    expect(e.text.en).toBe('The gate from Idea to Refinement is closed for plan-4k7q2x:');
    expect(e.details).toEqual([
      'Ingen idécoach [coach]',
      expect.stringContaining('Fill in what is missing'),
      '  ideas edit plan-4k7q2x --set coach=<text>',
    ]);
  });

  it('a move cut short: a conflict, with the command that finishes it', () => {
    const from = idea('idea', { history: [{ date: '2026-11-20', action: 'moved', from: 'idea', to: 'refinement' }] });
    const plan = planTransition(move(from, 'parked'));
    if (plan.kind !== 'unfinished') throw new Error(plan.kind);
    const e = refusalError(plan, from, 'en', config);
    expect(e.code).toBe('CONFLICT');
    expect(e.hint?.en).toContain('ideas move plan-4k7q2x refinement');
  });
});

describe('the council rule', () => {
  // The same sluice with the council deciding on moves into refinement and test.
  const council = normalizeConfig({
    ...config,
    stages: config.stages.map((s) => (s.key === 'refinement' || s.key === 'test' ? { ...s, council: true } : s)),
  });
  const at = (key: string, data: Record<string, unknown> = {}) => ({
    ...idea(key, { coach: 'Kim', test_plan: 'Tre veckor', ...data }),
    stage: council.stages.find((s) => s.key === key) as Stage,
  });
  const plan = (from: IdeaFields, to: string, extra: Partial<MoveRequest> = {}) =>
    planTransition({ ...move(from, to, extra), config: council, to: council.stages.find((s) => s.key === to) ?? null });
  const refused = (run: () => unknown): string => thrown(run).text.en;

  it('takes an approval into its stage, and a return back to it from a later stage', () => {
    expect(plan(at('idea'), 'refinement', { decision: 'approve' }).kind).toBe('write');
    // (Refinement is not among test's next stages in this sluice: forced, as a council may.) Back where it stood.
    const history = [
      { date: '2026-11-01', action: 'created', to: 'idea' },
      { date: '2026-11-02', action: 'moved', from: 'idea', to: 'refinement', decision: 'approve' },
      { date: '2026-11-03', action: 'moved', from: 'refinement', to: 'test', decision: 'approve' },
    ];
    expect(plan(at('test', { history }), 'refinement', { decision: 'return', force: true }).kind).toBe('write');
  });

  // Found from outside: Parked stands after every other stage, so a forced return from it led into any stage the
  // council decides on, where the idea had never been.
  it('takes a return back only where the idea has been, or before where it started', () => {
    const parked = (history: Record<string, unknown>[]) => at('parked', { history });
    const created = { date: '2026-11-01', action: 'created', to: 'idea' };
    const toParked = { date: '2026-11-02', action: 'moved', from: 'idea', to: 'parked', decision: 'park' };
    expect(refused(() => plan(parked([created, toParked]), 'test', { decision: 'return', force: true }))).toBe(
      'The decision return does not lead into Test, where the idea council decides: an approval leads there, or a return back.',
    );
    const viaTest = [
      created,
      { date: '2026-11-02', action: 'moved', from: 'idea', to: 'refinement', decision: 'approve' },
      { date: '2026-11-03', action: 'moved', from: 'refinement', to: 'test', decision: 'approve' },
      { date: '2026-11-04', action: 'moved', from: 'test', to: 'parked', decision: 'park' },
    ];
    expect(plan(parked(viaTest), 'test', { decision: 'return', force: true }).kind).toBe('write');
    // Found from outside, again: "before the stage it started in" let an idea imported into Parked be returned into
    // any stage, and an entry that only named a stage (`from: test` in a note) counted as having stood there. Only
    // where the idea stood, by its start or a move's entry; an approval leads anywhere the council decides.
    const importedTo = (stageKey: string) => [{ date: '2026-11-01', action: 'imported', to: stageKey }];
    expect(() =>
      plan(at('parked', { history: importedTo('parked') }), 'test', { decision: 'return', force: true }),
    ).toThrow();
    expect(() =>
      plan(at('test', { history: importedTo('test') }), 'refinement', { decision: 'return', force: true }),
    ).toThrow();
    expect(
      plan(at('test', { history: importedTo('test') }), 'refinement', { decision: 'approve', force: true }).kind,
    ).toBe('write');
    const noted = [created, { date: '2026-11-02', action: 'noted', from: 'test' }, toParked];
    expect(() => plan(parked(noted), 'test', { decision: 'return', force: true })).toThrow();
    expect(() => plan(at('parked'), 'test', { decision: 'return', force: true })).toThrow();
  });

  it('refuses a plain move, forced or not, and a decision that does not lead there', () => {
    expect(refused(() => plan(at('idea'), 'refinement'))).toMatch(/^The idea council decides on moves into Refinement/);
    expect(refused(() => plan(at('idea'), 'refinement', { force: true }))).toMatch(/council decides/);
    expect(refused(() => plan(at('idea'), 'refinement', { decision: 'return' }))).toBe(
      'The decision return does not lead into Refinement, where the idea council decides: an approval leads there, or a return back.',
    );
    expect(refused(() => plan(at('idea'), 'refinement', { decision: 'reject' }))).toMatch(/decision reject does not/);
  });

  it('refuses to finish a move cut short into its stage that carries no decision', () => {
    const cut = (entry: Record<string, unknown>) =>
      at('idea', { history: [{ date: '2026-11-20', action: 'moved', from: 'idea', to: 'refinement', ...entry }] });
    expect(refused(() => plan(cut({}), 'refinement'))).toMatch(/council decides/);
    expect(plan(cut({ decision: 'approve' }), 'refinement').kind).toBe('finish');
    // A return written by hand into a stage the idea never stood in: its own entry does not count as having stood
    // there (found from outside: `ideas move` finished it).
    expect(refused(() => plan(cut({ decision: 'return', forced: true }), 'refinement'))).toMatch(/does not lead into/);
  });
});

describe('planTransition: a move made by hand, written in the history', () => {
  /** The file in `folder`'s stage, its history ending in `historyStage`. */
  const handMoved = (folder: string, historyStage: string, data: Record<string, unknown> = {}) =>
    idea(folder, { ...data, history: [{ date: '2026-11-01', action: 'created', to: historyStage }] });

  it('is the move from the stage the history says, in place: the file stays, the path is its own', () => {
    const moved = handMoved('refinement', 'idea', { coach: 'Kim' });
    expect(movedByHand(moved)).toBe('idea');
    const plan = planTransition(move(moved, 'refinement', { by: 'Anna' }));
    expect(plan).toMatchObject({
      kind: 'write',
      from: stage('idea'),
      to: stage('refinement'),
      forced: false,
      inPlace: true,
      path: moved.path,
      entry: { date: '2026-11-23', action: 'moved', from: 'idea', to: 'refinement', by: 'Anna' },
    });
  });

  it("passes the stage's gate as any move: refused when closed, forced past it with force", () => {
    const moved = handMoved('refinement', 'idea');
    expect(planTransition(move(moved, 'refinement'))).toMatchObject({ kind: 'refused' });
    expect(planTransition(move(moved, 'refinement', { force: true }))).toMatchObject({
      kind: 'write',
      inPlace: true,
      forced: true,
      entry: { from: 'idea', to: 'refinement', forced: true },
    });
    // A stage the history's stage does not lead to is a closed gate too: idea → test skips refinement.
    const skipped = handMoved('test', 'idea', { coach: 'Kim', test_plan: 'Två veckor' });
    expect(planTransition(move(skipped, 'test'))).toMatchObject({ kind: 'refused', gate: { allowed: false } });
  });

  it('is no hand move where the history agrees with the folder, or a move was cut short', () => {
    expect(movedByHand(handMoved('idea', 'idea'))).toBeNull();
    expect(movedByHand(idea('idea'))).toBeNull();
    const cutShort = idea('idea', {
      history: [
        { date: '2026-11-01', action: 'created', to: 'idea' },
        { date: '2026-11-02', action: 'moved', from: 'idea', to: 'refinement' },
      ],
    });
    expect(movedByHand(cutShort)).toBeNull();
    // A move elsewhere from a hand-moved idea is the move it asks for, from its folder.
    expect(planTransition(move(handMoved('parked', 'idea'), 'idea'))).toMatchObject({
      kind: 'write',
      from: stage('parked'),
      to: stage('idea'),
    });
    expect(planTransition(move(handMoved('parked', 'idea'), 'idea'))).not.toHaveProperty('inPlace');
  });
});
