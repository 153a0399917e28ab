import { afterEach, describe, expect, it } from 'vitest';
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
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runAssign } from './assign.js';
import { runDecide } from './decide.js';
import { failure } from '../../test/helpers/errors.js';

afterEach(removeSluices);

/** Gives sund-vtkg00 what the test stage asks for, so that its gate to test is open. */
function readyForTest(root: string): void {
  const rel = ideaPath('sund-vtkg00');
  const text = read(root, rel).replace(
    'history:\n',
    'test_plan: Två boenden under hösten, med språkombud och lektioner på arbetstid.\nmanager_support: true\nhistory:\n',
  );
  writeFileSync(path.join(root, rel), text);
}

describe('runDecide', () => {
  it('approve moves the idea to the forward stage and records the amount granted in a funding stage', async () => {
    const root = makeSluice();
    readyForTest(root);
    const { ctx } = commandContext(root);
    const r = await runDecide(
      { id: 'sund-vtkg00', decision: 'approve', reason: 'Beviljas för hösten', amount: '75 000', by: 'Idérådet' },
      ctx,
    );
    expect(r.kind).toBe('idea-decided');
    expect(r.decision).toBe('approve');
    expect(r.forced).toBe(false);
    expect(r.to?.key).toBe('test');
    const to = ideaPath('sund-vtkg00', '03-test');
    expect(r.idea.path).toBe(to);
    expect(exists(root, ideaPath('sund-vtkg00'))).toBe(false);
    expect(historyIn(root, to).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'moved',
      from: 'refinement',
      to: 'test',
      by: 'Idérådet',
      decision: 'approve',
      amount: 75000,
      note: 'Beviljas för hösten',
    });
  });

  it('approve through a closed gate is GATE_CLOSED, or forced with force', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    const { ctx } = commandContext(root);
    const e = await failure(runDecide({ id: 'sund-eev2bz', decision: 'approve', reason: 'Ja', amount: '1000' }, ctx));
    expect(e.code).toBe('GATE_CLOSED');
    expect(e.details).toEqual([
      'Planen för testet saknas eller är för kort [test_plan]',
      'Närmsta chef har inte ställt sig bakom idén [manager_support]',
      // As `ideas move` prints them: the commands that fill in what is missing.
      'Fyll i det som saknas, ett kommando per fält (byt ut det inom <>):',
      "  ideas edit sund-eev2bz --set 'test_plan=<text>'",
      '  ideas edit sund-eev2bz --set manager_support=ja',
    ]);
    expect(readTree(root)).toEqual(tree);
    const r = await runDecide(
      { id: 'sund-eev2bz', decision: 'approve', reason: 'Ja', amount: '1000,50', force: true },
      ctx,
    );
    expect(r.forced).toBe(true);
    expect(historyIn(root, ideaPath('sund-eev2bz', '03-test')).at(-1)).toMatchObject({
      decision: 'approve',
      amount: 1000.5,
      forced: true,
    });
  });

  it('an amount for a stage that grants no money is USAGE, and nothing changes', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    const { ctx } = commandContext(root);
    const e = await failure(runDecide({ id: 'sund-39t1xh', decision: 'approve', reason: 'Dags', amount: '5000' }, ctx));
    expect(e.code).toBe('USAGE');
    expect(e.text.sv).toBe(
      'Steget Idé beviljar inga medel (det har inte funding: true i ideas.config.yaml); ta bort --amount.',
    );
    expect(readTree(root)).toEqual(tree);
  });

  it.each(['<rådets motivering>', 'rådets motivering', "‹The council's reason›", 'skälet i en mening'])(
    "a reason that is an example's placeholder (%j), run as printed, is USAGE and nothing is written",
    async (reason) => {
      const root = makeSluice();
      const tree = readTree(root);
      const { ctx } = commandContext(root);
      const e = await failure(runDecide({ id: 'sund-emspzg', decision: 'reject', reason }, ctx));
      expect(e.code).toBe('USAGE');
      expect(e.text.sv).toContain('är exemplets platshållare');
      expect(readTree(root)).toEqual(tree);
    },
  );

  it.each(['return', 'park', 'reject'])(
    'an amount with %s is USAGE, even into a stage that grants money: only an approval grants it',
    async (decision) => {
      const root = makeSluice();
      const tree = readTree(root);
      const { ctx } = commandContext(root);
      const e = await failure(
        runDecide({ id: 'sund-vtkg00', decision, reason: 'x', amount: '5000000', to: 'test', force: true }, ctx),
      );
      expect(e.code).toBe('USAGE');
      expect(e.text.sv).toBe('Medel beviljas bara när idérådet godkänner idén (--decision godkänn); ta bort --amount.');
      expect(readTree(root)).toEqual(tree);
    },
  );

  it.each(['tusen', '-5'])('an amount of %j is USAGE', async (amount) => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    expect(
      (await failure(runDecide({ id: 'sund-vtkg00', decision: 'approve', reason: 'x', amount, force: true }, ctx)))
        .code,
    ).toBe('USAGE');
    expect(exists(root, ideaPath('sund-vtkg00'))).toBe(true);
  });

  it('return keeps the idea in its stage with a `decided` entry holding the advice', async () => {
    const root = makeSluice();
    const rel = ideaPath('sund-eev2bz');
    const before = read(root, rel);
    const { ctx } = commandContext(root);
    const r = await runDecide(
      { id: 'sund-eev2bz', decision: 'return', reason: 'Skriv en plan: vilka byar, #hur länge', by: 'Idérådet' },
      ctx,
    );
    expect(r.to).toBeNull();
    expect(r.gate).toBeNull();
    expect(r.idea.path).toBe(rel);
    const entry = {
      date: '2026-11-23',
      action: 'decided',
      by: 'Idérådet',
      decision: 'return',
      note: 'Skriv en plan: vilka byar, #hur länge',
    };
    expect(r.entry).toEqual(entry);
    expect(historyIn(root, rel)).toHaveLength(3);
    expect(historyIn(root, rel).at(-1)).toEqual(entry);
    const after = read(root, rel);
    const close = before.indexOf('\n---\n') + 1;
    expect(after.slice(0, close)).toBe(before.slice(0, close));
    expect(after.slice(after.length - (before.length - close))).toBe(before.slice(close));
    expect(git(['status', '--porcelain'], root)).toBe(`M  ${rel}\n`);
  });

  it('park moves the idea to the parked stage, decided by the council when --by names no one', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    // Messages in English; the entry in the registry's language, as the rest of its files.
    const r = await runDecide({ id: 'sund-vtkg00', decision: 'park', reason: 'Vänta på budgeten', lang: 'en' }, ctx);
    expect(r.idea.path).toBe(ideaPath('sund-vtkg00', '90-parkerad'));
    expect(historyIn(root, r.idea.path).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'moved',
      from: 'refinement',
      to: 'parked',
      by: 'Idérådet',
      decision: 'park',
      note: 'Vänta på budgeten',
    });
  });

  it('reject moves the idea to the rejected stage', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    const r = await runDecide({ id: 'sund-emspzg', decision: 'reject', reason: 'Görs redan' }, ctx);
    expect(r.idea.path).toBe(ideaPath('sund-emspzg', '99-avslagen'));
    expect(exists(root, ideaPath('sund-emspzg'))).toBe(false);
    expect(historyIn(root, r.idea.path).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'moved',
      from: 'idea',
      to: 'rejected',
      by: 'Idérådet',
      decision: 'reject',
      note: 'Görs redan',
    });
  });

  it('an unknown decision, approving from a stage that leads nowhere, and rejecting from one without a rejected stage are USAGE', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    const { ctx } = commandContext(root);
    expect((await failure(runDecide({ id: 'sund-eev2bz', decision: 'maybe', reason: 'x' }, ctx))).code).toBe('USAGE');
    expect((await failure(runDecide({ id: 'sund-ehq9v5', decision: 'approve', reason: 'x' }, ctx))).code).toBe('USAGE');
    // Spreading leads nowhere: no rejected stage after it either.
    expect((await failure(runDecide({ id: 'sund-ehq9v5', decision: 'reject', reason: 'x' }, ctx))).code).toBe('USAGE');
    expect(readTree(root)).toEqual(tree);
  });
});

describe('runDecide as a council speaks', () => {
  it.each([
    ['GODKÄNN', 'approve', '03-test'],
    ['återremittera', 'return', '02-foradling'],
    ['Parkera', 'park', '90-parkerad'],
    ['avslå', 'reject', '99-avslagen'],
  ] as const)('%s is %s', async (word, decision, folder) => {
    const root = makeSluice();
    readyForTest(root);
    const { ctx } = commandContext(root);
    // An approval into Test, which grants funds, says how much: 0 here.
    const amount = decision === 'approve' ? '0' : undefined;
    const r = await runDecide({ id: 'sund-vtkg00', decision: word, reason: 'Enligt mötet', amount }, ctx);
    expect(r.decision).toBe(decision);
    expect(historyIn(root, ideaPath('sund-vtkg00', folder)).at(-1)).toMatchObject({ decision, note: 'Enligt mötet' });
  });

  it('rejects a parked idea: the parked stage leads to rejected in the template', async () => {
    const root = makeSluice();
    const r = await runDecide(
      { id: 'sund-39t1xh', decision: 'avslå', reason: 'Ingen idébärare längre' },
      commandContext(root).ctx,
    );
    expect(r.to?.key).toBe('rejected');
    expect(historyIn(root, ideaPath('sund-39t1xh', '99-avslagen')).at(-1)).toMatchObject({ decision: 'reject' });
  });

  it('an unknown decision names the decisions in the registry’s language', async () => {
    const root = makeSluice();
    const e = await failure(runDecide({ id: 'sund-eev2bz', decision: 'ja', reason: 'x' }, commandContext(root).ctx));
    expect(e.code).toBe('USAGE');
    expect(e.text.sv).toBe('Okänt beslut "ja": välj godkänn, återremittera, parkera, avslå.');
    expect(e.text.en).toBe('Unknown decision "ja": choose approve, return, park, reject.');
    const noStage = await failure(
      runDecide({ id: 'sund-ehq9v5', decision: 'avslå', reason: 'x' }, commandContext(root).ctx),
    );
    expect(noStage.text.sv).toContain('beslutet avslå');
    expect(noStage.text.en).toContain('the decision reject');
  });

  it('a missing or empty reason is USAGE, its hint the command given with --reason, and nothing changes', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    const { ctx } = commandContext(root);
    for (const reason of [undefined, '', '   ']) {
      const e = await failure(
        runDecide(
          {
            id: 'sund-vtkg00',
            decision: 'GODKÄNN',
            reason,
            amount: '40 000',
            by: 'Anna Ek, Bo Berg',
            conflict: ["Bo O'Berg"],
            force: true,
          },
          ctx,
        ),
      );
      expect(e.code).toBe('USAGE');
      expect(e.hint?.sv).toBe(
        "Ge skälet med --reason, till exempel:\n  ideas decide sund-vtkg00 --decision 'godkänn' --reason 'Skälet i en mening' --amount '40 000' --by 'Anna Ek, Bo Berg' --conflict 'Bo O'\\''Berg' --force",
      );
      expect(e.hint?.en).toContain("--decision approve --reason 'The reason in one sentence'");
    }
    const back = await failure(runDecide({ id: 'sund-eev2bz', decision: 'return' }, ctx));
    expect(back.hint?.sv).toContain("--decision 'återremittera' --reason 'Rådet till idébäraren'");
    expect(readTree(root)).toEqual(tree);
  });

  it('--set completes the idea before the decision, so the gate opens, each field in the history', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    const r = await runDecide(
      {
        id: 'sund-vtkg00',
        decision: 'godkänn',
        reason: 'Klar för test',
        amount: '10000',
        by: 'Anna Ek, Bo Berg',
        conflict: ['Bo Berg'],
        set: ['test_plan=Två boenden under hösten, med språkombud.', 'manager_support=ja', 'coach=Lisa Berg'],
      },
      ctx,
    );
    expect(r.forced).toBe(false);
    expect(r.changes.map((c) => c.field)).toEqual(['test_plan', 'manager_support', 'coach']);
    const history = historyIn(root, ideaPath('sund-vtkg00', '03-test'));
    expect(history.slice(-4).map((e) => [e.action, e.field ?? e.decision, e.new ?? null, e.by])).toEqual([
      ['assigned', 'test_plan', 'Två boenden under hösten, med språkombud.', 'Anna Ek'],
      ['assigned', 'manager_support', true, 'Anna Ek'],
      ['assigned', 'coach', 'Lisa Berg', 'Anna Ek'],
      ['moved', 'approve', null, 'Anna Ek'],
    ]);
    // Who took no part is in the decision's entry, as review's minutes name them.
    expect(history.at(-1)?.conflicts).toBe('Bo Berg');
  });

  it('an approval into a stage that grants funds without --amount is USAGE, its hint the command with one', async () => {
    const root = makeSluice();
    readyForTest(root);
    const tree = readTree(root);
    const { ctx } = commandContext(root);
    const e = await failure(runDecide({ id: 'sund-vtkg00', decision: 'godkänn', reason: 'Bra plan' }, ctx));
    expect(e.code).toBe('USAGE');
    expect(e.text.sv).toContain(
      'Ett godkännande till Test beviljar medel: ange beloppet med --amount, också när det är 0.',
    );
    expect(e.hint?.sv).toBe(
      "Till exempel, med beloppet i kronor:\n  ideas decide sund-vtkg00 --decision 'godkänn' --reason 'Bra plan' --amount '<belopp i kr>'",
    );
    expect(readTree(root)).toEqual(tree);
    const r = await runDecide({ id: 'sund-vtkg00', decision: 'godkänn', reason: 'Bra plan', amount: '0' }, ctx);
    expect(r.entry.amount).toBe(0);
  });

  it('a gate that --set leaves closed refuses before any field is written', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    const { ctx } = commandContext(root);
    const e = await failure(
      runDecide({ id: 'sund-vtkg00', decision: 'approve', reason: 'x', amount: '0', set: ['coach=Lisa Berg'] }, ctx),
    );
    expect(e.code).toBe('GATE_CLOSED');
    expect(readTree(root)).toEqual(tree);
  });

  it('a --set the schema refuses, or of a field no flag may set, is refused before anything is written', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    const { ctx } = commandContext(root);
    for (const [set, code] of [
      ['test_plan=kort', 'INVALID_ANSWER'],
      ['manager_support=kanske', 'INVALID_ANSWER'],
      ['challenge=månen', 'INVALID_ANSWER'],
      ['history=[]', 'USAGE'],
      ['id=sund-x', 'USAGE'],
      ['__proto__=x', 'USAGE'],
      ['nosuchfield=x', 'USAGE'],
      ['utan-likhetstecken', 'USAGE'],
    ] as const) {
      const e = await failure(
        runDecide({ id: 'sund-vtkg00', decision: 'approve', reason: 'x', amount: '0', force: true, set: [set] }, ctx),
      );
      expect([set, e.code]).toEqual([set, code]);
    }
    // Named by its label, as every other --set names a field it refuses.
    const short = await failure(
      runDecide({ id: 'sund-vtkg00', decision: 'approve', reason: 'x', amount: '0', set: ['test_plan=kort'] }, ctx),
    );
    expect(short.text.sv).toMatch(/^Ogiltigt värde för Plan för testet \[test_plan\]: /);
    expect(readTree(root)).toEqual(tree);
  });
});

describe('runAssign', () => {
  it('without --coach or --carrier asks at a terminal, each name offered, and elsewhere says how', async () => {
    const root = makeSluice();
    const rel = ideaPath('sund-vtkg00');
    const { ctx } = commandContext(root, [
      { kind: 'input', message: /^Idécoach$/, answer: 'Lisa Berg' },
      // Enter keeps the carrier the idea has.
      { kind: 'input', message: /^Idébärare$/, answer: '' },
    ]);
    const r = await runAssign({ id: 'sund-vtkg00' }, ctx);
    expect(r.changes).toEqual([{ field: 'coach', old: 'Sara Nyberg', new: 'Lisa Berg' }]);
    expect(historyIn(root, rel).at(-1)).toMatchObject({ action: 'assigned', field: 'coach', new: 'Lisa Berg' });
    const e = await failure(runAssign({ id: 'sund-vtkg00' }, commandContext(root).ctx));
    expect(e.code).toBe('USAGE');
    expect(e.hint?.sv).toBe(
      'Till exempel: `ideas assign sund-vtkg00 --coach "Lisa Berg"`. I en terminal frågar ideas assign efter namnen.',
    );
  });

  it('sets a missing coach before the history and records it as `assigned` without an old value', async () => {
    const root = makeSluice();
    const rel = ideaPath('sund-emspzg');
    const before = read(root, rel);
    const { ctx } = commandContext(root);
    const r = await runAssign({ id: 'sund-emspzg', coach: 'Johan Ek', by: 'Sara Nyberg' }, ctx);
    expect(r.changes).toEqual([{ field: 'coach', old: null, new: 'Johan Ek' }]);
    expect(r.idea.coach).toBe('Johan Ek');
    const history = historyIn(root, rel);
    expect(history.at(-1)).toEqual({
      date: '2026-11-23',
      action: 'assigned',
      field: 'coach',
      new: 'Johan Ek',
      by: 'Sara Nyberg',
    });
    const expected = before
      .replace('history:\n', 'coach: Johan Ek\nhistory:\n')
      .replace(
        '\n---\n\n',
        '\n  - date: 2026-11-23\n    action: assigned\n    field: coach\n    new: Johan Ek\n    by: Sara Nyberg\n---\n\n',
      );
    expect(read(root, rel)).toBe(expected);
  });

  it('replaces a carrier in place and records the old and the new', async () => {
    const root = makeSluice();
    const rel = ideaPath('sund-emspzg');
    const { ctx } = commandContext(root);
    const r = await runAssign({ id: 'sund-emspzg', carrier: 'Per Lindqvist' }, ctx);
    expect(r.changes).toEqual([{ field: 'carrier', old: 'Lena Forsberg', new: 'Per Lindqvist' }]);
    expect(read(root, rel)).toContain('\ncarrier: Per Lindqvist\nunit:');
    expect(historyIn(root, rel).at(-1)).toEqual({
      date: '2026-11-23',
      action: 'assigned',
      field: 'carrier',
      old: 'Lena Forsberg',
      new: 'Per Lindqvist',
      by: 'Testare',
    });
  });

  it('sets both at once with one entry each, and opens the gate the coach was missing for', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    const r = await runAssign({ id: 'sund-emspzg', coach: 'Johan Ek', carrier: 'Per Lindqvist' }, ctx);
    expect(r.changes.map((c) => c.field)).toEqual(['carrier', 'coach']);
    expect(
      historyIn(root, ideaPath('sund-emspzg'))
        .slice(-2)
        .map((e) => e.field),
    ).toEqual(['carrier', 'coach']);
    // Refinement is the council's to decide on: its approval passes the gate without force.
    expect((await runDecide({ id: 'sund-emspzg', decision: 'approve', reason: 'Ja' }, ctx)).forced).toBe(false);
  });

  it('changes nothing when the value is already set, and is USAGE with nothing to assign', async () => {
    const root = makeSluice();
    const tree = readTree(root);
    const { ctx } = commandContext(root);
    const r = await runAssign({ id: 'sund-eev2bz', coach: 'Sara Nyberg' }, ctx);
    expect(r.changes).toEqual([]);
    expect(r.staged).toBe(false);
    expect((await failure(runAssign({ id: 'sund-eev2bz', coach: '  ' }, ctx))).code).toBe('USAGE');
    expect(readTree(root)).toEqual(tree);
  });
});
