import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IdeasError } from '../core/errors.js';
import { ScriptedPrompter, type Choice } from '../ui/prompter.js';
import {
  commandContext,
  exists,
  historyIn,
  ideaPath,
  makeSluice,
  read,
  removeSluices,
} from '../../test/helpers/sluice.js';
import { run } from '../program.js';
import { runReview, type ReviewCard } from './review.js';
import { failure } from '../../test/helpers/errors.js';
import { git, readTree } from '../../test/helpers/temp-repo.js';

afterEach(removeSluices);

const NBSP = '\u00a0';

/** A scripted prompter that keeps what each select offered, and cancels (like Ctrl-C) once its script is done. */
class MeetingPrompter extends ScriptedPrompter {
  readonly offered: Choice<unknown>[][] = [];
  constructor(
    script: ConstructorParameters<typeof ScriptedPrompter>[0],
    private readonly cancelAtEnd = false,
  ) {
    super(script);
  }
  override async select<T>(q: { message: string; choices: Choice<T>[] }): Promise<T> {
    this.offered.push(q.choices as Choice<unknown>[]);
    if (this.cancelAtEnd && this.remaining === 0) throw new IdeasError('CANCELLED', 'err.cancelled');
    return super.select(q);
  }
}

describe('runReview', () => {
  it('approves, sends back and rejects ideas of a stage, stops, and keeps minutes', async () => {
    const root = makeSluice({ fourInRefinement: true });
    const untouched = read(root, ideaPath('sund-emspzg', '02-foradling'));
    const prompter = new MeetingPrompter([
      { kind: 'select', message: /^Beslut för sund-vtkg00\?$/, answer: 'approve' },
      { kind: 'confirm', message: /Grinden är stängd/, answer: true },
      { kind: 'input', message: /Beviljat belopp i kronor/, answer: '75 000' },
      { kind: 'input', message: /^Skäl/, answer: 'Beviljas för två boenden' },
      { kind: 'select', message: /^Beslut för sund-eev2bz\?$/, answer: 'return' },
      { kind: 'input', message: /^Råd till idébäraren$/, answer: 'Skriv en plan för testet' },
      { kind: 'select', message: /^Beslut för sund-njf5rp\?$/, answer: 'reject' },
      { kind: 'input', message: /^Skäl/, answer: '  Görs redan i Sundsvall  ' },
      { kind: 'select', message: /^Beslut för sund-emspzg\?$/, answer: 'stop' },
    ]);
    const { ctx } = commandContext(root, [], prompter);
    const cards: ReviewCard[] = [];
    const r = await runReview(
      { stage: 'refinement', by: 'Idérådet', minutes: 'protokoll.md', present: (c) => cards.push(c) },
      ctx,
    );

    expect(prompter.remaining).toBe(0);
    expect(r.cancelled).toBe(false);
    expect(cards.map((c) => [c.n, c.total, c.idea.id, c.daysInStage])).toEqual([
      [1, 4, 'sund-vtkg00', 88],
      [2, 4, 'sund-eev2bz', 81],
      [3, 4, 'sund-njf5rp', 46],
      [4, 4, 'sund-emspzg', 19],
    ]);
    expect(cards[0]?.checklist.filter((x) => x.status === 'not-met').map((x) => x.field)).toEqual([
      'test_plan',
      'manager_support',
    ]);
    expect(prompter.offered[0]?.map((c) => c.value)).toEqual([
      'approve',
      'return',
      'park',
      'reject',
      'complete',
      'coach',
      'conflict',
      'skip',
      'stop',
    ]);
    expect(prompter.offered[0]?.[4]?.name).toBe('Komplettera idén: Plan för testet, Närmsta chef stödjer idén');
    // A gate that asks for a coach is completed with one: the coach is offered once, not also on its own.
    expect(prompter.offered[2]?.map((c) => c.value)).toEqual([
      'approve',
      'return',
      'park',
      'reject',
      'complete',
      'conflict',
      'skip',
      'stop',
    ]);
    expect(prompter.offered[2]?.[4]?.name).toBe(
      'Komplettera idén: Idécoach, Plan för testet, Närmsta chef stödjer idén',
    );
    expect(prompter.offered[0]?.[0]?.name).toBe('Godkänn: vidare till Test');

    // The approved idea is in the test stage with its amount, forced through the closed gate.
    expect(exists(root, ideaPath('sund-vtkg00'))).toBe(false);
    expect(historyIn(root, ideaPath('sund-vtkg00', '03-test')).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'moved',
      from: 'refinement',
      to: 'test',
      by: 'Idérådet',
      decision: 'approve',
      amount: 75000,
      forced: true,
      note: 'Beviljas för två boenden',
    });
    // The one sent back stays, with the advice.
    expect(historyIn(root, ideaPath('sund-eev2bz')).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'decided',
      by: 'Idérådet',
      decision: 'return',
      note: 'Skriv en plan för testet',
    });
    // The rejected one is in the rejected stage, its reason trimmed.
    expect(exists(root, ideaPath('sund-njf5rp', '02-foradling'))).toBe(false);
    expect(historyIn(root, ideaPath('sund-njf5rp', '99-avslagen')).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'moved',
      from: 'refinement',
      to: 'rejected',
      by: 'Idérådet',
      decision: 'reject',
      note: 'Görs redan i Sundsvall',
    });
    // The meeting stopped before the last one.
    expect(read(root, ideaPath('sund-emspzg', '02-foradling'))).toBe(untouched);

    expect(r.minutes).toEqual({
      registry: 'Idésluss Sundsvallsregionen',
      date: '2026-11-23',
      by: 'Idérådet',
      items: [
        {
          id: 'sund-vtkg00',
          title: 'Språkstöd för nyanställda undersköterskor',
          decision: 'approve',
          from: 'Förädling',
          to: 'Test',
          reason: 'Beviljas för två boenden',
          amount: 75000,
          forced: true,
          keys: { from: 'refinement', to: 'test' },
        },
        {
          id: 'sund-eev2bz',
          title: 'Bokbussen som servicepunkt på landsbygden',
          decision: 'return',
          from: 'Förädling',
          to: null,
          reason: 'Skriv en plan för testet',
          amount: null,
          forced: false,
          keys: { from: 'refinement', to: null },
        },
        {
          id: 'sund-njf5rp',
          title: 'Nattkamera för tillsyn i Ånges hemtjänst',
          decision: 'reject',
          from: 'Förädling',
          to: 'Avslagen',
          reason: 'Görs redan i Sundsvall',
          amount: null,
          forced: false,
          keys: { from: 'refinement', to: 'rejected' },
        },
      ],
      skipped: [],
      completed: [],
      conflicts: [],
      unhandled: [{ id: 'sund-emspzg', title: 'Minskat matsvinn i äldreboendenas kök' }],
    });
    const text = r.minutesText ?? '';
    expect(text).toContain(
      `1. **sund-vtkg00** Språkstöd för nyanställda undersköterskor: godkänd (Förädling → Test, 75${NBSP}000 kr) (trots stängd grind)\n   Skäl: Beviljas för två boenden\n`,
    );
    expect(text).toContain(
      '2. **sund-eev2bz** Bokbussen som servicepunkt på landsbygden: återremitterad (Förädling)\n   Råd till idébäraren: Skriv en plan för testet\n',
    );
    expect(text).toContain(
      '3. **sund-njf5rp** Nattkamera för tillsyn i Ånges hemtjänst: avslagen (Förädling → Avslagen)\n   Skäl: Görs redan i Sundsvall\n',
    );
    expect(text).toContain(`**Beviljade medel totalt: 75${NBSP}000 kr**`);
    // The idea the meeting stopped before is not handled, and the minutes say so.
    expect(text).toContain(
      '## Ej behandlade när mötet avslutades\n\n- **sund-emspzg** Minskat matsvinn i äldreboendenas kök\n',
    );
    expect(text).not.toContain('Bordlagda');
    expect(r.minutesFile).toBe(path.join(root, 'protokoll.md'));
    expect(read(root, 'protokoll.md')).toBe(text);
  });

  it('"no" to approving despite a closed gate returns to the decision menu; skips leave the ideas as they were', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    const { ctx, prompter } = commandContext(root, [
      { kind: 'select', message: /sund-vtkg00/, answer: 'approve' },
      { kind: 'confirm', answer: false },
      // The same idea again: the council has not decided yet.
      { kind: 'select', message: /sund-vtkg00/, answer: 'approve' },
      { kind: 'confirm', answer: false },
      { kind: 'select', message: /sund-vtkg00/, answer: 'skip' },
      { kind: 'select', message: /sund-eev2bz/, answer: 'skip' },
    ]);
    const r = await runReview({ stage: 'Förädling' }, ctx);
    expect(prompter.remaining).toBe(0);
    expect(readTree(root)).toEqual(tree);
    expect(r.minutes?.items).toEqual([]);
    expect(r.minutes?.skipped).toEqual([
      { id: 'sund-vtkg00', title: 'Språkstöd för nyanställda undersköterskor' },
      { id: 'sund-eev2bz', title: 'Bokbussen som servicepunkt på landsbygden' },
    ]);
    expect(r.minutesText).toContain('Inga beslut fattades.');
    expect(r.minutesText).toContain(
      '## Bordlagda\n\n- **sund-vtkg00** Språkstöd för nyanställda undersköterskor\n- **sund-eev2bz** Bokbussen som servicepunkt på landsbygden\n',
    );
    expect(r.minutesFile).toBeNull();
  });

  // Found from outside: two files carried one id (a copy, validate's id/duplicate); the council skipped the first and
  // approved the second, and the first file was moved, since each decision looked its idea up again by id.
  it('writes each decision into the file the council was shown, when another file carries the same id', async () => {
    const root = makeSluice();
    const original = ideaPath('sund-vtkg00');
    const copy = original.replace(/\.md$/, '-kopia.md');
    writeFileSync(path.join(root, copy), read(root, original).replace(/^title: .*$/m, 'title: Kopian'));
    const cards: ReviewCard[] = [];
    const { ctx } = commandContext(root, [
      { kind: 'select', message: /sund-vtkg00/, answer: 'skip' },
      { kind: 'select', message: /sund-vtkg00/, answer: 'approve' },
      { kind: 'confirm', message: /Grinden är stängd/, answer: true },
      { kind: 'input', message: /Beviljat belopp i kronor/, answer: '1000' },
      { kind: 'input', message: /^Skäl/, answer: 'Prövas' },
      { kind: 'select', message: /sund-eev2bz/, answer: 'stop' },
    ]);
    await runReview({ stage: 'refinement', by: 'Idérådet', present: (c) => cards.push(c) }, ctx);
    const [skipped, approved] = cards.map((c) => c.idea.path);
    expect(new Set([skipped, approved])).toEqual(new Set([original, copy]));
    const untouched = skipped === original ? read(root, original) : null;
    expect(exists(root, skipped as string)).toBe(true);
    expect(exists(root, approved as string)).toBe(false);
    expect(exists(root, (approved as string).replace('02-foradling', '03-test'))).toBe(true);
    if (untouched !== null) expect(read(root, original)).toBe(untouched);
  });

  it('approving through an open gate into a stage without funding asks only for the reason', async () => {
    const root = makeSluice();
    const { ctx, prompter } = commandContext(root, [
      { kind: 'select', message: /sund-39t1xh/, answer: 'approve' },
      { kind: 'input', message: /^Skäl/, answer: 'Upphandlingen är klar' },
    ]);
    const r = await runReview({ stage: 'parked', by: 'Idérådet' }, ctx);
    expect(prompter.remaining).toBe(0);
    expect(prompter.asked).toEqual(['Beslut för sund-39t1xh?', 'Skäl (kort)']);
    expect(historyIn(root, ideaPath('sund-39t1xh', '01-ide')).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'moved',
      from: 'parked',
      to: 'idea',
      by: 'Idérådet',
      decision: 'approve',
      note: 'Upphandlingen är klar',
    });
    expect(r.minutes?.items[0]).toMatchObject({ decision: 'approve', to: 'Idé', amount: null, forced: false });
    expect(r.minutesText).toContain('**Beviljade medel totalt: 0 kr**');
  });

  it('a cancelled meeting keeps the decisions taken so far and their minutes', async () => {
    const root = makeSluice();
    const prompter = new MeetingPrompter(
      [
        { kind: 'select', message: /sund-vtkg00/, answer: 'park' },
        { kind: 'input', message: /^Skäl/, answer: 'Vänta' },
      ],
      true,
    );
    const { ctx } = commandContext(root, [], prompter);
    const r = await runReview({ stage: 'refinement', minutes: 'm.md' }, ctx);
    expect(r.cancelled).toBe(true);
    expect(exists(root, ideaPath('sund-vtkg00', '90-parkerad'))).toBe(true);
    expect(r.minutes?.items.map((i) => i.id)).toEqual(['sund-vtkg00']);
    expect(read(root, 'm.md')).toContain(
      '**sund-vtkg00** Språkstöd för nyanställda undersköterskor: parkerad (Förädling → Parkerad)',
    );
  });

  it('a decision that cannot be written still leaves minutes of the decisions already written', async () => {
    const root = makeSluice();
    // The rejected stage already holds a file of the second idea's name, so rejecting it fails.
    writeFileSync(path.join(root, ideaPath('sund-eev2bz', '99-avslagen')), 'in the way\n');
    const { ctx } = commandContext(root, [
      { kind: 'select', message: /sund-vtkg00/, answer: 'park' },
      { kind: 'input', message: /^Skäl/, answer: 'Vänta på budgeten' },
      { kind: 'select', message: /sund-eev2bz/, answer: 'reject' },
      { kind: 'input', message: /^Skäl/, answer: 'Nej' },
    ]);
    const e = await failure(runReview({ stage: 'refinement', minutes: 'm.md' }, ctx));
    expect(e.code).toBe('FILE_EXISTS');
    // The first decision is in the idea's history...
    expect(historyIn(root, ideaPath('sund-vtkg00', '90-parkerad')).at(-1)).toMatchObject({
      decision: 'park',
      note: 'Vänta på budgeten',
    });
    // ...so the council's minutes must record it too.
    expect(exists(root, 'm.md')).toBe(true);
    expect(read(root, 'm.md')).toContain(
      '**sund-vtkg00** Språkstöd för nyanställda undersköterskor: parkerad (Förädling → Parkerad)',
    );
  });

  it('dryRun lists the agenda with each gate and asks nothing', async () => {
    const root = makeSluice({ fourInRefinement: true });
    const tree = readTree(root);
    const { ctx, prompter } = commandContext(root, []);
    const r = await runReview({ stage: 'refinement', dryRun: true, minutes: 'm.md' }, ctx);
    expect(prompter.asked).toEqual([]);
    expect(r.minutes).toBeNull();
    expect(r.agenda.map((a) => [a.idea.id, a.next?.key, a.gate?.open])).toEqual([
      ['sund-vtkg00', 'test', false],
      ['sund-eev2bz', 'test', false],
      ['sund-njf5rp', 'test', false],
      ['sund-emspzg', 'test', false],
    ]);
    expect(r.agenda[2]?.checklist.filter((x) => x.status === 'not-met').map((x) => x.field)).toEqual([
      'coach',
      'test_plan',
      'manager_support',
    ]);
    expect(readTree(root)).toEqual(tree);
  });

  it('dryRun without a stage lists only ideas whose next gate is open, and works without a terminal', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    // The only idea whose gate is open is parked: parked ideas wait for nobody, so the agenda is empty...
    const r = await runReview({ dryRun: true, json: true }, ctx);
    expect(r.agenda).toEqual([]);
    // ...unless they are asked for.
    const all = await runReview({ dryRun: true, json: true, includeParked: true }, ctx);
    expect(all.agenda.length).toBeGreaterThan(0);
    expect(all.agenda.every((a) => a.gate?.open === true)).toBe(true);
    expect(all.agenda.map((a) => a.idea.id)).toContain('sund-39t1xh');
    expect(all.agenda.map((a) => a.idea.id)).not.toContain('sund-eev2bz');
  });

  it('completes an idea, assigns its coach and hears a conflict of interest before deciding it', async () => {
    const root = makeSluice();
    const before = read(root, ideaPath('sund-vtkg00'));
    const prompter = new MeetingPrompter([
      { kind: 'select', message: /^Beslut för sund-vtkg00\?$/, answer: 'conflict' },
      // Someone not among those --by names: typed.
      { kind: 'select', message: /^Vem anmäler jäv\?/, answer: '\0someone-else' },
      { kind: 'input', message: /^Namnet på den som anmäler jäv/, answer: ' bo berg ' },
      { kind: 'select', message: /^Beslut för sund-vtkg00\?$/, answer: 'complete' },
      {
        kind: 'input',
        // Needed for the gate the council completes, named by its label; the description is help, not the question.
        message: /^Plan för testet \(behövs för steget Test; Enter hoppar över nu\)$/,
        answer: 'Två boenden under hösten, med språkombud och lektioner.',
      },
      { kind: 'input', message: /^Närmsta chef stödjer idén \(behövs för steget Test, j\/n;/, answer: 'j' },
      { kind: 'select', message: /^Beslut för sund-vtkg00\?$/, answer: 'coach' },
      { kind: 'input', message: /^Idécoach/, answer: 'Lisa Berg' },
      { kind: 'select', message: /^Beslut för sund-vtkg00\?$/, answer: 'approve' },
      { kind: 'input', message: /Beviljat belopp/, answer: '40 000' },
      { kind: 'input', message: /^Skäl/, answer: 'Bra plan' },
      { kind: 'select', message: /^Beslut för sund-eev2bz\?$/, answer: 'stop' },
    ]);
    const { ctx } = commandContext(root, [], prompter);
    const cards: ReviewCard[] = [];
    const r = await runReview(
      { stage: 'refinement', by: 'Anna Ek, Bo Berg', minutes: 'm.md', present: (c) => cards.push(c) },
      ctx,
    );
    expect(prompter.remaining).toBe(0);
    // A coach assigned on the side is not said to be needed by the gate, which does not ask for one here.
    expect(prompter.asked.find((m) => m.startsWith('Idécoach'))).not.toMatch(/behövs/);
    // The completion is offered while the gate lacks fields, and no longer once it has them.
    expect(prompter.offered[0]?.map((c) => c.value)).toContain('complete');
    expect(prompter.offered[3]?.map((c) => c.value)).not.toContain('complete');
    // The card is shown again after each change: with the conflict, then with the gate open.
    expect(cards.map((c) => [c.idea.id, c.gate?.open, c.conflicts])).toEqual([
      ['sund-vtkg00', false, []],
      ['sund-vtkg00', false, ['bo berg']],
      ['sund-vtkg00', true, ['bo berg']],
      ['sund-vtkg00', true, ['bo berg']],
      ['sund-eev2bz', false, []],
    ]);

    const rel = ideaPath('sund-vtkg00', '03-test');
    const history = historyIn(root, rel);
    // Bo Berg declared jäv: he decides nothing, and the decision names him as taking no part (as --by spells him);
    // the gate was open, so nothing was forced.
    expect(history.slice(-4)).toEqual([
      {
        date: '2026-11-23',
        action: 'assigned',
        field: 'test_plan',
        new: 'Två boenden under hösten, med språkombud och lektioner.',
        by: 'Anna Ek',
      },
      { date: '2026-11-23', action: 'assigned', field: 'manager_support', new: true, by: 'Anna Ek' },
      { date: '2026-11-23', action: 'assigned', field: 'coach', old: 'Sara Nyberg', new: 'Lisa Berg', by: 'Anna Ek' },
      {
        date: '2026-11-23',
        action: 'moved',
        from: 'refinement',
        to: 'test',
        by: 'Anna Ek',
        conflicts: 'Bo Berg',
        decision: 'approve',
        amount: 40000,
        note: 'Bra plan',
      },
    ]);
    // Least change: every line of the old file is still there but the coach's, and the body is as it was.
    const now = read(root, rel);
    const lines = new Set(now.split('\n'));
    expect(before.split('\n').filter((l) => !lines.has(l))).toEqual(['coach: Sara Nyberg']);
    expect(now).toContain('coach: Lisa Berg\nunit: Vård- och omsorgsförvaltningen\n');
    expect(now.slice(now.indexOf('\n---\n'))).toBe(before.slice(before.indexOf('\n---\n')));

    expect(r.minutes?.items[0]).toMatchObject({ id: 'sund-vtkg00', forced: false, deciders: 'Anna Ek' });
    expect(r.minutes?.conflicts).toEqual([
      { id: 'sund-vtkg00', title: 'Språkstöd för nyanställda undersköterskor', names: ['bo berg'] },
    ]);
    expect(r.minutes?.completed?.map((c) => [c.field, c.value])).toEqual([
      ['Plan för testet', 'Två boenden under hösten, med språkombud och lektioner.'],
      ['Närmsta chef stödjer idén', 'ja'],
      ['Idécoach', 'Lisa Berg'],
    ]);
    expect(r.minutes?.unhandled).toEqual([{ id: 'sund-eev2bz', title: 'Bokbussen som servicepunkt på landsbygden' }]);
    const text = read(root, 'm.md');
    expect(text).toContain('   Beslutande: Anna Ek\n');
    expect(text).toContain(
      '## Jäv\n\n- **sund-vtkg00** Språkstöd för nyanställda undersköterskor: jäv anmält av bo berg',
    );
    expect(text).toContain('## Ej behandlade när mötet avslutades\n\n- **sund-eev2bz**');
  });

  it('an answer left empty leaves the field as it was; a "no" the gate does not take is written, and the gate stays closed', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    const prompter = new MeetingPrompter([
      { kind: 'select', message: /sund-vtkg00/, answer: 'complete' },
      { kind: 'input', message: /^Plan för testet/, answer: '' },
      // The criteria want the manager's support: "no" is the fact the council gives all the same.
      { kind: 'input', message: /^Närmsta chef/, answer: 'nej' },
      { kind: 'select', message: /sund-vtkg00/, answer: 'skip' },
      { kind: 'select', message: /sund-eev2bz/, answer: 'skip' },
    ]);
    const { ctx } = commandContext(root, [], prompter);
    const cards: ReviewCard[] = [];
    const r = await runReview({ stage: 'refinement', present: (c) => cards.push(c) }, ctx);
    expect(prompter.remaining).toBe(0);
    const rel = ideaPath('sund-vtkg00');
    const after = readTree(root);
    // The idea, and the meeting's minutes (kept in the registry when --minutes names no file).
    const minutesFile = 'protokoll/ideradet-2026-11-23.md';
    expect(after).toEqual(new Map([...tree, [rel, after.get(rel)], [minutesFile, after.get(minutesFile)]]));
    expect(after.get(rel)).not.toBe(tree.get(rel));
    expect(historyIn(root, rel).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'assigned',
      field: 'manager_support',
      new: false,
      by: 'Idérådet',
    });
    expect(cards.map((c) => [c.idea.id, c.gate?.open])).toEqual([
      ['sund-vtkg00', false],
      ['sund-vtkg00', false],
      ['sund-eev2bz', false],
    ]);
    expect(r.minutes?.completed?.map((c) => [c.field, c.value])).toEqual([['Närmsta chef stödjer idén', 'nej']]);
    expect(r.minutes?.unhandled).toEqual([]);
  });

  it('Enter at every question of the completion records nothing: the yes or no is skipped as the text is', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    const prompter = new MeetingPrompter([
      { kind: 'select', message: /sund-vtkg00/, answer: 'complete' },
      { kind: 'input', message: /^Plan för testet \(behövs för steget Test; Enter hoppar över nu\)$/, answer: '' },
      // A yes typed or nothing: Enter alone once said yes here, and opened the gate.
      {
        kind: 'input',
        message: /^Närmsta chef stödjer idén \(behövs för steget Test, j\/n; Enter hoppar över nu\)$/,
        answer: '',
      },
      { kind: 'select', message: /sund-vtkg00/, answer: 'skip' },
      { kind: 'select', message: /sund-eev2bz/, answer: 'skip' },
    ]);
    const { ctx } = commandContext(root, [], prompter);
    const r = await runReview({ stage: 'refinement' }, ctx);
    expect(prompter.remaining).toBe(0);
    expect(readTree(root)).toEqual(tree);
    expect(r.minutes?.completed).toEqual([]);
  });

  it('a meeting cancelled (Ctrl-C) lists the ideas it did not handle, and conflicts declared beforehand', async () => {
    const root = makeSluice({ fourInRefinement: true });
    const prompter = new MeetingPrompter([{ kind: 'select', message: /sund-vtkg00/, answer: 'skip' }], true);
    const { ctx } = commandContext(root, [], prompter);
    const r = await runReview(
      { stage: 'refinement', minutes: 'm.md', conflicts: ['sund-emspzg=Cia Lund', 'SUND-EMSPZG=cia lund'] },
      ctx,
    );
    expect(r.cancelled).toBe(true);
    expect(r.minutes?.skipped.map((s) => s.id)).toEqual(['sund-vtkg00']);
    expect(r.minutes?.unhandled?.map((s) => s.id)).toEqual(['sund-eev2bz', 'sund-njf5rp', 'sund-emspzg']);
    expect(r.minutes?.conflicts).toEqual([
      { id: 'sund-emspzg', title: 'Minskat matsvinn i äldreboendenas kök', names: ['Cia Lund'] },
    ]);
    expect(read(root, 'm.md')).toContain(
      '## Ej behandlade när mötet avslutades\n\n- **sund-eev2bz** Bokbussen som servicepunkt på landsbygden\n- **sund-njf5rp**',
    );
  });

  it('a conflict declared for an idea that does not exist, or written wrong, stops before any question', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    for (const [conflict, code] of [
      ['sund-nosuch=Anna', 'IDEA_NOT_FOUND'],
      ['Anna', 'USAGE'],
      ['sund-vtkg00=', 'USAGE'],
    ] as const) {
      const { ctx, prompter } = commandContext(root, []);
      const e = await failure(runReview({ stage: 'refinement', conflicts: [conflict] }, ctx));
      expect(e.code).toBe(code);
      expect(prompter.asked).toEqual([]);
    }
    expect(readTree(root)).toEqual(tree);
  });

  it('a meeting without a terminal is USAGE, and an existing minutes file is refused before any question', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    const withPrompts = commandContext(root, []);
    const noTerminal = await failure(runReview({ stage: 'refinement' }, commandContext(root).ctx));
    expect(noTerminal.code).toBe('USAGE');
    expect(noTerminal.text.sv).toContain('ideas decide');
    writeFileSync(path.join(root, 'm.md'), 'last meeting\n');
    const exists = await failure(runReview({ stage: 'refinement', minutes: 'm.md' }, withPrompts.ctx));
    expect(exists.code).toBe('FILE_EXISTS');
    expect(withPrompts.prompter.asked).toEqual([]);
    expect(readTree(root)).toEqual(new Map([...tree, ['m.md', 'last meeting\n']]));
  });

  it('with --json, the meeting held is one review-minutes document on stdout, and the cards and prompts go to stderr', async () => {
    const root = makeSluice({ fourInRefinement: true });
    const prompter = new MeetingPrompter([
      { kind: 'select', message: /sund-vtkg00/, answer: 'conflict' },
      { kind: 'select', message: /^Vem anmäler jäv\?/, answer: 'Bo Berg' },
      { kind: 'select', message: /sund-vtkg00/, answer: 'coach' },
      { kind: 'input', message: /^Idécoach/, answer: 'Lisa Berg' },
      { kind: 'select', message: /sund-vtkg00/, answer: 'approve' },
      { kind: 'confirm', message: /Grinden är stängd/, answer: true },
      { kind: 'input', message: /Beviljat belopp/, answer: '75 000' },
      { kind: 'input', message: /^Skäl/, answer: 'Beviljas' },
      { kind: 'select', message: /sund-eev2bz/, answer: 'skip' },
      { kind: 'select', message: /sund-njf5rp/, answer: 'stop' },
    ]);
    const { ctx, stdout, stderr } = commandContext(root, [], prompter);
    const code = await run(
      ['review', '--stage', 'refinement', '--by', 'Anna Ek, Bo Berg', '--minutes', 'protokoll.md', '--json'],
      ctx,
    );
    expect(code).toBe(0);
    expect(prompter.remaining).toBe(0);
    const doc = JSON.parse(stdout.join('')) as Record<string, unknown>;
    expect(doc).toEqual({
      schemaVersion: 1,
      kind: 'review-minutes',
      registry: { name: 'Idésluss Sundsvallsregionen', language: 'sv' },
      date: '2026-11-23',
      by: 'Anna Ek, Bo Berg',
      decisions: [
        {
          id: 'sund-vtkg00',
          title: 'Språkstöd för nyanställda undersköterskor',
          decision: 'approve',
          from: 'refinement',
          to: 'test',
          fromLabel: 'Förädling',
          toLabel: 'Test',
          reason: 'Beviljas',
          amount: 75000,
          forced: true,
          deciders: 'Anna Ek',
        },
      ],
      completed: [
        {
          id: 'sund-vtkg00',
          title: 'Språkstöd för nyanställda undersköterskor',
          field: 'coach',
          label: 'Idécoach',
          value: 'Lisa Berg',
        },
      ],
      conflicts: [{ id: 'sund-vtkg00', title: 'Språkstöd för nyanställda undersköterskor', names: ['Bo Berg'] }],
      skipped: [{ id: 'sund-eev2bz', title: 'Bokbussen som servicepunkt på landsbygden' }],
      unhandled: [
        { id: 'sund-njf5rp', title: 'Nattkamera för tillsyn i Ånges hemtjänst' },
        { id: 'sund-emspzg', title: 'Minskat matsvinn i äldreboendenas kök' },
      ],
      granted: 75000,
      minutesFile: 'protokoll.md',
      cancelled: false,
    });
    // The minutes file is written as without --json; stderr has the cards and where the minutes went.
    expect(read(root, 'protokoll.md')).toContain('sund-vtkg00');
    expect(stderr.join('')).toContain('protokoll.md');

    // In English, and a meeting that decides nothing is a document too.
    const en = new MeetingPrompter([
      { kind: 'select', message: /^Decision on sund-eev2bz\?$/, answer: 'skip' },
      { kind: 'select', message: /^Decision on sund-njf5rp\?$/, answer: 'stop' },
    ]);
    const second = commandContext(root, [], en);
    const code2 = await run(['--lang', 'en', 'review', '--stage', 'refinement', '--json'], second.ctx);
    expect(code2, second.stdout.join('')).toBe(0);
    expect(JSON.parse(second.stdout.join(''))).toMatchObject({
      kind: 'review-minutes',
      decisions: [],
      skipped: [{ id: 'sund-eev2bz' }],
      unhandled: [{ id: 'sund-njf5rp' }, { id: 'sund-emspzg' }],
      granted: 0,
      minutesFile: null,
    });
  });

  it('with nothing to decide holds no meeting: asks nothing, needs no terminal, writes no minutes, and the commands it prints keep --by, --minutes and --conflict', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    // No prompter answers and no terminal (stdinIsTTY false): nothing may be asked.
    const { ctx, stdout, stderr } = commandContext(root);
    const code = await run(
      ['review', '--by', 'Anna Ek, Bo Berg', '--minutes', 'protokoll 1.md', '--conflict', 'sund-vtkg00=Bo Berg'],
      ctx,
    );
    expect(code, stderr.join('')).toBe(0);
    expect(stdout.join('')).toBe('');
    const err = stderr.join('');
    expect(err).toContain('Inga idéer väntar på beslut.');
    expect(err).toContain(
      "  ideas review --stage 'förädling' --by 'Anna Ek, Bo Berg' --minutes 'protokoll 1.md' --conflict 'sund-vtkg00=Bo Berg'\n",
    );
    expect(err).toContain('Inget protokoll skrevs: mötet hade inget att besluta.');
    expect(readTree(root)).toEqual(tree);

    // As a document: the meeting's minutes, with nothing in them and no file.
    const json = commandContext(root);
    expect(await run(['--lang', 'en', 'review', '--minutes', 'm.md', '--json'], json.ctx)).toBe(0);
    expect(JSON.parse(json.stdout.join(''))).toMatchObject({
      kind: 'review-minutes',
      by: 'Idérådet',
      decisions: [],
      unhandled: [],
      minutesFile: null,
    });
    expect(json.stderr.join('')).toContain('No minutes were written: the meeting had nothing to decide.');
    expect(readTree(root)).toEqual(tree);
  });

  it('without --by, the council as a whole decides: in the entry and in the minutes', async () => {
    const root = makeSluice();
    const prompter = new MeetingPrompter([
      { kind: 'select', message: /^Decision on sund-njf5rp\?$/, answer: 'reject' },
      { kind: 'input', message: /^Reason/, answer: 'Görs redan' },
      { kind: 'select', message: /^Decision on sund-emspzg\?$/, answer: 'stop' },
    ]);
    const { ctx } = commandContext(root, [], prompter);
    // Messages in English; what is written in the registry's language.
    const r = await runReview({ stage: 'idea', lang: 'en' }, ctx);
    expect(prompter.remaining).toBe(0);
    expect(historyIn(root, ideaPath('sund-njf5rp', '99-avslagen')).at(-1)).toMatchObject({
      decision: 'reject',
      by: 'Idérådet',
    });
    expect(r.minutes?.by).toBe('Idérådet');
    expect(r.minutesText).toContain('- Decided by: Idérådet\n');
  });

  // Found by a newcomer: with jäv declared for every member --by named, the meeting still approved, with money, and
  // the entry named no one who decided; `ideas decide` refuses the same.
  it('offers no decision once every member --by names declared jäv, and says why', async () => {
    const root = makeSluice({ fourInRefinement: true });
    const tree = readTree(root);
    const prompter = new MeetingPrompter([{ kind: 'select', message: /^Beslut för sund-vtkg00\?$/, answer: 'stop' }]);
    const { ctx } = commandContext(root, [], prompter);
    await runReview({ stage: 'refinement', by: 'Maria Lind', conflicts: ['sund-vtkg00=Maria Lind'] }, ctx);
    const offered = prompter.offered[0]?.map((c) => c.value) ?? [];
    for (const d of ['approve', 'return', 'park', 'reject']) expect(offered).not.toContain(d);
    expect(offered).toContain('skip');
    expect(prompter.helps[0]).toBe(
      'Alla som ska besluta (Maria Lind) har anmält jäv: ingen är kvar att fatta beslutet.',
    );
    expect(readTree(root)).toEqual(tree);
  });

  // Found by a newcomer: after the meeting its decisions were staged and nothing said they were not yet saved.
  it('ends a meeting that decided with the git line that saves it, its minutes with it', async () => {
    const root = makeSluice();
    const prompter = new MeetingPrompter([
      { kind: 'select', message: /^Decision on sund-njf5rp\?$/, answer: 'reject' },
      { kind: 'input', message: /^Reason/, answer: 'Görs redan' },
      { kind: 'select', message: /^Decision on sund-emspzg\?$/, answer: 'stop' },
    ]);
    const { ctx, stderr } = commandContext(root, [], prompter);
    const code = await run(['--lang', 'en', 'review', '--stage', 'idea', '--minutes', 'möte 1.md'], ctx);
    expect(code, stderr.join('')).toBe(0);
    // Messages in English; the commit's message in the registry's language, as its files.
    expect(stderr.join('')).toContain(
      "The decisions are staged in git but not saved. Save the meeting: git add 'möte 1.md' && git commit -m 'Idérådets möte 2026-11-23'\n",
    );
    expect(git(['status', '--porcelain'], root)).toMatch(/^R {2}ideas\/01-ide\/sund-njf5rp/m);
  });

  // Found by a newcomer: without --minutes, the minutes only scrolled past on the screen.
  it('without --minutes keeps the minutes of a meeting that decided in the registry, a new file each time, and says so', async () => {
    const root = makeSluice();
    const meeting = () =>
      new MeetingPrompter([
        { kind: 'select', message: /^Beslut för sund-njf5rp\?$/, answer: 'reject' },
        { kind: 'input', message: /^Skäl/, answer: 'Görs redan' },
        { kind: 'select', message: /^Beslut för sund-emspzg\?$/, answer: 'stop' },
      ]);
    const first = commandContext(root, [], meeting());
    expect(await run(['review', '--stage', 'idea'], first.ctx), first.stderr.join('')).toBe(0);
    const file = 'protokoll/ideradet-2026-11-23.md';
    expect(read(root, file)).toContain('sund-njf5rp');
    const said = first.stderr.join('');
    expect(said).toContain(`Spara mötet: git add ${file} && git commit -m 'Idérådets möte 2026-11-23'`);
    // A second meeting the same day: its own file, the first kept.
    const before = read(root, file);
    const second = commandContext(
      root,
      [],
      new MeetingPrompter([{ kind: 'select', message: /^Beslut för sund-emspzg\?$/, answer: 'stop' }]),
    );
    expect(await run(['review', '--stage', 'idea'], second.ctx)).toBe(0);
    // Nothing decided: no file.
    expect(exists(root, 'protokoll/ideradet-2026-11-23-2.md')).toBe(false);
    expect(read(root, file)).toBe(before);
    // Under --json the document printed is the minutes: no file unless --minutes names one.
    const other = makeSluice();
    const json = commandContext(other, [], meeting());
    expect(await run(['review', '--stage', 'idea', '--json'], json.ctx)).toBe(0);
    expect(exists(other, 'protokoll')).toBe(false);
  });

  // Found by a newcomer: the chair's agenda said nothing of the ideas it left out at a closed gate.
  it('with --dry-run, names after the agenda the stages where other ideas wait, with the line that takes each up', async () => {
    const root = makeSluice();
    const { ctx, stdout } = commandContext(root);
    expect(await run(['review', '--dry-run', '--include-parked'], ctx)).toBe(0);
    const out = stdout.join('');
    expect(out).toContain('sund-39t1xh');
    expect(out).toMatch(/\nDet finns idéer i steg som inte är på dagordningen .*: Idé \(\d\)/);
    expect(out).toContain("\n  ideas review --dry-run --stage 'idé'\n");
  });

  it('offers the members it knows (--by, and names given before) to declare jäv, with someone else to type', async () => {
    const root = makeSluice({ fourInRefinement: true });
    const prompter = new MeetingPrompter([
      { kind: 'select', message: /sund-vtkg00/, answer: 'conflict' },
      { kind: 'select', message: /^Vem anmäler jäv\?/, answer: 'Bo Berg' },
      { kind: 'select', message: /sund-vtkg00/, answer: 'conflict' },
      { kind: 'select', message: /^Vem anmäler jäv\?/, answer: '\0someone-else' },
      { kind: 'input', message: /^Namnet på den som anmäler jäv/, answer: 'Dan Öst' },
      { kind: 'select', message: /sund-vtkg00/, answer: 'skip' },
      { kind: 'select', message: /sund-eev2bz/, answer: 'conflict' },
      { kind: 'select', message: /^Vem anmäler jäv\?/, answer: 'Dan Öst' },
      { kind: 'select', message: /sund-eev2bz/, answer: 'stop' },
    ]);
    const { ctx } = commandContext(root, [], prompter);
    const r = await runReview(
      { stage: 'refinement', by: 'Anna Ek, Bo Berg', conflicts: ['sund-njf5rp=Cia Lund'] },
      ctx,
    );
    expect(prompter.remaining).toBe(0);
    const who = prompter.offered.filter((choices) => choices.some((c) => c.value === '\0someone-else'));
    expect(who.map((choices) => choices.map((c) => c.value))).toEqual([
      ['Anna Ek', 'Bo Berg', 'Cia Lund', '\0someone-else'],
      // Bo Berg has declared it for this idea already.
      ['Anna Ek', 'Cia Lund', '\0someone-else'],
      // A name typed earlier in the meeting is offered for the next idea.
      ['Anna Ek', 'Bo Berg', 'Cia Lund', 'Dan Öst', '\0someone-else'],
    ]);
    expect(r.minutes?.conflicts?.map((c) => [c.id, c.names])).toEqual([
      ['sund-vtkg00', ['Bo Berg', 'Dan Öst']],
      ['sund-eev2bz', ['Dan Öst']],
      ['sund-njf5rp', ['Cia Lund']],
    ]);

    // No member known: the name is typed.
    const typed = new MeetingPrompter([
      { kind: 'select', message: /sund-vtkg00/, answer: 'conflict' },
      { kind: 'input', message: /^Vem anmäler jäv\?/, answer: 'Eva Ek' },
      { kind: 'select', message: /sund-vtkg00/, answer: 'stop' },
    ]);
    await runReview({ stage: 'refinement' }, commandContext(root, [], typed).ctx);
    expect(typed.remaining).toBe(0);
  });
});
