import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedPrompter, type Choice } from '../ui/prompter.js';
import { git, readTree } from '../../test/helpers/temp-repo.js';
import {
  commandContext,
  exists,
  historyIn,
  ideaPath,
  makeSluice,
  read,
  removeSluices,
} from '../../test/helpers/sluice.js';
import { runMove } from './move.js';
import { failure } from '../../test/helpers/errors.js';

afterEach(removeSluices);

/** A scripted prompter that also keeps the choices of each select, to show what the user was offered. */
class RecordingPrompter extends ScriptedPrompter {
  readonly offered: Choice<unknown>[][] = [];
  override async select<T>(q: { message: string; choices: Choice<T>[]; help?: string }): Promise<T> {
    this.offered.push(q.choices as Choice<unknown>[]);
    return super.select(q);
  }
}

describe('runMove', () => {
  it('moves an idea to a next stage with an open gate, appending one history entry', async () => {
    const root = makeSluice({ council: false });
    const from = ideaPath('sund-eev2bz');
    const to = ideaPath('sund-eev2bz', '90-parkerad');
    const before = read(root, from);
    const { ctx } = commandContext(root);
    const r = await runMove(
      { id: 'sund-eev2bz', to: 'parked', by: 'Idérådet', note: 'Vilar: tills #budget finns' },
      ctx,
    );
    expect(r.kind).toBe('idea-moved');
    expect(r.forced).toBe(false);
    expect(r.from.key).toBe('refinement');
    expect(r.to?.key).toBe('parked');
    expect(r.idea.path).toBe(to);
    expect(r.idea.stage.key).toBe('parked');
    expect(exists(root, from)).toBe(false);
    const entry = {
      date: '2026-11-23',
      action: 'moved',
      from: 'refinement',
      to: 'parked',
      by: 'Idérådet',
      note: 'Vilar: tills #budget finns',
    };
    expect(r.entry).toEqual(entry);
    expect(historyIn(root, to).at(-1)).toEqual(entry);
    // The old text is kept: the new one is the old with the entry's lines before the closing `---`.
    const after = read(root, to);
    const close = before.indexOf('\n---\n') + 1;
    expect(after.startsWith(before.slice(0, close))).toBe(true);
    expect(after.endsWith(before.slice(close))).toBe(true);
    expect(r.staged).toBe(true);
    expect(r.committed).toBe(false);
    expect(git(['status', '--porcelain'], root)).toBe(`R  ${from} -> ${to}\n`);
  });

  it('moves an idea outside git too', async () => {
    const root = makeSluice({ git: false, council: false });
    const { ctx } = commandContext(root);
    const r = await runMove({ id: 'sund-eev2bz', to: 'idea' }, ctx);
    expect(r.staged).toBe(false);
    expect(exists(root, ideaPath('sund-eev2bz'))).toBe(false);
    expect(historyIn(root, ideaPath('sund-eev2bz', '01-ide')).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'moved',
      from: 'refinement',
      to: 'idea',
    });
  });

  it('refuses a closed gate with GATE_CLOSED naming what is missing, and changes nothing', async () => {
    const root = makeSluice({ council: false });
    const tree = readTree(root);
    const { ctx } = commandContext(root);
    const e = await failure(runMove({ id: 'sund-emspzg', to: 'refinement' }, ctx));
    expect(e.code).toBe('GATE_CLOSED');
    expect(e.text.sv).toBe('Grinden från Idé till Förädling är stängd för sund-emspzg:');
    // What is missing, then the command that fills each in, to be run as printed.
    expect(e.details).toEqual([
      'Ingen idécoach är kopplad till idén [coach]',
      'Fyll i det som saknas, ett kommando per fält (byt ut det inom <>):',
      "  ideas edit sund-emspzg --set 'coach=<text>'",
    ]);
    expect(e.hint?.sv).toContain('--force');
    expect(readTree(root)).toEqual(tree);
    expect(git(['status', '--porcelain'], root)).toBe('');
  });

  it('names the missing criteria in English with lang en', async () => {
    const root = makeSluice({ council: false });
    const { ctx } = commandContext(root);
    const e = await failure(runMove({ id: 'sund-vtkg00', to: 'test', lang: 'en' }, ctx));
    expect(e.code).toBe('GATE_CLOSED');
    expect(e.details).toEqual([
      'The test plan is missing or too short [test_plan]',
      'The nearest manager has not backed the idea [manager_support]',
      'Fill in what is missing, one command per field (replace what is within <>):',
      "  ideas edit sund-vtkg00 --set 'test_plan=<text>'",
      '  ideas edit sund-vtkg00 --set manager_support=yes',
    ]);
  });

  it('with force moves through a closed gate and says so in the entry', async () => {
    const root = makeSluice({ council: false });
    const { ctx } = commandContext(root);
    const r = await runMove({ id: 'sund-emspzg', to: 'refinement', force: true, by: 'Sara Nyberg' }, ctx);
    expect(r.forced).toBe(true);
    expect(r.gate?.open).toBe(false);
    const to = ideaPath('sund-emspzg', '02-foradling');
    expect(exists(root, ideaPath('sund-emspzg'))).toBe(false);
    expect(historyIn(root, to).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'moved',
      from: 'idea',
      to: 'refinement',
      by: 'Sara Nyberg',
      forced: true,
    });
    expect(read(root, to)).toContain('    forced: true\n');
  });

  it('refuses a stage that is not among the next ones with GATE_CLOSED, and changes nothing', async () => {
    const root = makeSluice({ council: false });
    const tree = readTree(root);
    const { ctx } = commandContext(root);
    const e = await failure(runMove({ id: 'sund-eev2bz', to: 'evaluation' }, ctx));
    expect(e.code).toBe('GATE_CLOSED');
    expect(e.details[0]).toBe(
      'Steget Förädling leder inte till Utvärdering; härifrån går det till: Test, Idé, Parkerad, Avslagen.',
    );
    // Completing the idea opens no way the config does not have: the hint does not ask for it.
    expect(e.hint?.sv).toBe(
      'Flytta idén till ett av stegen härifrån, eller ändå med --force (det skrivs i historiken).',
    );
    expect(readTree(root)).toEqual(tree);
  });

  it('out of a stage that leads nowhere (rejected) says so, and how an idea is tried again', async () => {
    const root = makeSluice({ council: false });
    const { ctx } = commandContext(root);
    await runMove({ id: 'sund-emspzg', to: 'rejected' }, ctx);
    const tree = readTree(root);
    const e = await failure(runMove({ id: 'sund-emspzg', to: 'idea' }, ctx));
    expect(e.code).toBe('GATE_CLOSED');
    expect(e.details).toEqual(['Steget Avslagen leder inte vidare.']);
    expect(e.hint?.sv).toBe(
      'Ska idén prövas igen, registrera den som en ny idé med ideas new, eller flytta den ändå med --force (det skrivs i historiken).',
    );
    expect(readTree(root)).toEqual(tree);
  });

  it('refuses the stage the idea is already in with USAGE', async () => {
    const root = makeSluice({ council: false });
    const tree = readTree(root);
    const { ctx } = commandContext(root);
    const e = await failure(runMove({ id: 'sund-eev2bz', to: 'Förädling' }, ctx));
    expect(e.code).toBe('USAGE');
    expect(e.text.sv).toBe('Idén sund-eev2bz står redan i Förädling.');
    expect(readTree(root)).toEqual(tree);
  });

  it('without a stage and without prompts is USAGE naming the next stages by their labels, with a move to run', async () => {
    const root = makeSluice({ council: false });
    const tree = readTree(root);
    const { ctx, prompter } = commandContext(root);
    const e = await failure(runMove({ id: 'sund-emspzg' }, ctx));
    expect(e.code).toBe('USAGE');
    expect(e.text.en).toBe('Say where the idea goes: Refinement, Parked, Rejected.');
    expect(e.text.sv).toBe('Ange vart idén ska: Förädling, Parkerad, Avslagen.');
    expect(e.hint?.en).toBe('For example: ideas move sund-emspzg refinement');
    expect(e.hint?.sv).toBe("Till exempel: ideas move sund-emspzg 'förädling'");
    const noInput = commandContext(root, []);
    expect((await failure(runMove({ id: 'sund-emspzg', input: false }, noInput.ctx))).code).toBe('USAGE');
    expect(prompter.asked).toEqual([]);
    expect(noInput.prompter.asked).toEqual([]);
    expect(readTree(root)).toEqual(tree);
  });

  it('without a stage from a stage that leads nowhere is USAGE, without a question', async () => {
    const root = makeSluice({ council: false });
    const { ctx, prompter } = commandContext(root, []);
    const e = await failure(runMove({ id: 'sund-31gqyz' }, ctx));
    expect(e.code).toBe('USAGE');
    expect(e.text.sv).toBe('Idén sund-31gqyz står i Avslagen, som inte leder vidare.');
    expect(prompter.asked).toEqual([]);
  });

  describe("into a stage the council decides on (the example's own config)", () => {
    it('is refused, naming the decision that records it, and nothing is asked or written', async () => {
      const root = makeSluice();
      const tree = readTree(root);
      const { ctx } = commandContext(root);
      for (const force of [false, true]) {
        const e = await failure(runMove({ id: 'sund-emspzg', to: 'refinement', force }, ctx));
        expect(e.code).toBe('USAGE');
        expect(e.text.sv).toBe(
          'Idérådet beslutar om flytt till steget Förädling: det är ett beslut, ingen flytt med ideas move.',
        );
        expect(e.hint?.sv).toBe(
          "Registrera rådets beslut: ideas decide sund-emspzg --decision godkänn --to 'förädling' --reason '<rådets motivering>' (eller på rådets möte, med ideas review).",
        );
        expect(e.hint?.en).toContain('ideas decide sund-emspzg --decision approve --to refinement');
      }
      expect(readTree(root)).toEqual(tree);
    });

    it('asks only among the stages a move may go to', async () => {
      const root = makeSluice();
      const prompter = new RecordingPrompter([{ kind: 'select', message: /Vart ska/, answer: 'parked' }]);
      const { ctx } = commandContext(root, [], prompter);
      await runMove({ id: 'sund-emspzg' }, ctx);
      expect(prompter.offered[0]?.map((c) => c.value)).toEqual(['parked', 'rejected']);
      // The way on the council decides is said, with the command that takes it (found missing by a newcomer).
      expect(prompter.helps[0]).toBe(
        "Till Förädling beslutar idérådet: ideas decide sund-emspzg --decision godkänn --to 'förädling' --reason '<rådets motivering>', eller på mötet med ideas review.",
      );
    });
  });

  it('without a stage asks for one among the next stages, each with its gate, and moves to the answer', async () => {
    const root = makeSluice({ council: false });
    const prompter = new RecordingPrompter([
      { kind: 'select', message: /Vart ska "Minskat matsvinn i äldreboendenas kök"\?/, answer: 'parked' },
    ]);
    const { ctx } = commandContext(root, [], prompter);
    const r = await runMove({ id: 'sund-emspzg', note: 'Väntar' }, ctx);
    expect(prompter.remaining).toBe(0);
    expect(prompter.offered[0]?.map((c) => [c.value, c.name])).toEqual([
      ['refinement', 'Förädling  (grinden stängd: 1 saknas)'],
      ['parked', 'Parkerad  (grinden öppen)'],
      ['rejected', 'Avslagen  (grinden öppen)'],
    ]);
    expect(prompter.offered[0]?.[0]?.description).toBe('Ingen idécoach är kopplad till idén [coach]');
    expect(r.idea.path).toBe(ideaPath('sund-emspzg', '90-parkerad'));
    expect(historyIn(root, r.idea.path).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'moved',
      from: 'idea',
      to: 'parked',
      note: 'Väntar',
      // Without --by, who moved it is who git says the user is, as `ideas new` records it.
      by: 'Testare',
    });
  });

  it('refuses, after the question, a chosen stage whose gate is closed', async () => {
    const root = makeSluice({ council: false });
    const tree = readTree(root);
    // At the closed gate it offers to fill in what is missing; no, and it refuses.
    const { ctx, prompter } = commandContext(root, [
      { kind: 'select', answer: 'refinement' },
      { kind: 'confirm', answer: false },
    ]);
    const e = await failure(runMove({ id: 'sund-emspzg' }, ctx));
    expect(e.code).toBe('GATE_CLOSED');
    expect(prompter.remaining).toBe(0);
    expect(readTree(root)).toEqual(tree);
  });

  it('finds the idea by the random part of its id and the stage by its folder', async () => {
    const root = makeSluice({ council: false });
    const { ctx } = commandContext(root);
    const r = await runMove({ id: 'eev2bz', to: '90-parkerad' }, ctx);
    expect(r.idea.path).toBe(ideaPath('sund-eev2bz', '90-parkerad'));
  });

  it('with commit makes one commit of the move alone', async () => {
    const root = makeSluice({ council: false });
    const { ctx } = commandContext(root);
    const r = await runMove({ id: 'sund-eev2bz', to: 'parked', commit: true, note: 'Vilar' }, ctx);
    expect(r.committed).toBe(true);
    expect(git(['status', '--porcelain'], root)).toBe('');
    expect(git(['log', '-1', '--format=%B'], root)).toBe(
      'sund-eev2bz: Bokbussen som servicepunkt på landsbygden (Förädling → Parkerad)\n\nVilar\n— Testare\n\n',
    );
    expect(git(['rev-list', '--count', 'HEAD'], root).trim()).toBe('2');
  });

  it('refuses an unknown id and an unknown stage', async () => {
    const root = makeSluice({ council: false });
    const { ctx } = commandContext(root);
    expect((await failure(runMove({ id: 'sund-zzzzzz', to: 'parked' }, ctx))).code).toBe('IDEA_NOT_FOUND');
    expect((await failure(runMove({ id: 'sund-eev2bz', to: 'nowhere' }, ctx))).code).toBe('UNKNOWN_STAGE');
  });
});
