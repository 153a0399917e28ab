/**
 * `ideas review` in a real pseudo-terminal: tmux runs the CLI detached, the test types into it with send-keys and
 * reads the screen with capture-pane, waiting for each question before it answers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ideas, ok, parseJson } from '../helpers/cli.js';
import { historyIn, ideaPath, makeSluice, read, removeSluices } from '../helpers/sluice.js';
import { HAS_TMUX, Terminal } from '../helpers/terminal.js';
import { git } from '../helpers/temp-repo.js';

let terminal: Terminal | null = null;

afterEach(() => {
  terminal?.kill();
  terminal = null;
  removeSluices();
});

/** `ideas review <args>` at a terminal in `root`, the council's meeting; `env` added to its environment. */
function meeting(
  root: string,
  args: string[],
  env: Record<string, string> = {},
  size = { width: 120, height: 50 },
): Terminal {
  terminal = new Terminal(root, ['review', ...args], env, size);
  return terminal;
}

function current(): Terminal {
  if (!terminal) throw new Error('no meeting');
  return terminal;
}

const screen = () => current().screen();
const waitFor = (pattern: RegExp, what: string) => current().waitFor(pattern, what);
/** Types text and presses Enter. */
const answer = (text: string) => current().answer(text);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Moves the select's cursor (❯) to the choice `label` and presses Enter. */
async function choose(label: string, question: string): Promise<void> {
  const lines = screen().split('\n');
  const start = lines.findLastIndex((l) => l.startsWith(`? ${question}`));
  const choices: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^([❯ ]) (.+?)\s*$/.exec(line);
    if (!m || !m[2]) break;
    choices.push(line);
  }
  const at = choices.findIndex((l) => l.startsWith('❯'));
  const want = choices.findIndex((l) => l.slice(2).trim() === label);
  if (at === -1 || want === -1) throw new Error(`no choice "${label}" under "${question}" in:\n${lines.join('\n')}`);
  const steps = (want - at + choices.length) % choices.length;
  if (steps > 0) current().press('Down', steps);
  await waitFor(new RegExp(`^❯ ${escapeRe(label)}\\s*$`, 'm'), `the cursor on "${label}"`);
  current().press('Enter');
}

describe('ideas review in a terminal', () => {
  it.skipIf(!HAS_TMUX)('approves one idea, sends one back, rejects one, stops, and writes the minutes', async () => {
    const root = makeSluice({ fourInRefinement: true });
    const before = Object.fromEntries(
      (['sund-vtkg00', 'sund-eev2bz', 'sund-njf5rp', 'sund-emspzg'] as const).map((id) => [
        id,
        read(root, ideaPath(id, '02-foradling')),
      ]),
    );
    meeting(root, ['--stage', 'refinement', '--by', 'Idérådet', '--minutes', 'minutes.md']);

    // Each idea gets the decision planned for it, whatever the order of the agenda; the meeting stops when all
    // three are taken (an idea asked about before then is skipped).
    const plan = new Map<string, 'approve' | 'return' | 'reject'>([
      ['sund-vtkg00', 'approve'],
      ['sund-eev2bz', 'return'],
      ['sund-njf5rp', 'reject'],
    ]);
    const seen: string[] = [];
    while (plan.size > 0) {
      const shown = await waitFor(/^\? Beslut för (sund-[a-z0-9]+)\?/m, 'the next decision');
      const id = /^\? Beslut för (sund-[a-z0-9]+)\?/m.exec(shown)?.[1] ?? '';
      expect(seen).not.toContain(id);
      seen.push(id);
      const question = `Beslut för ${id}?`;
      const decision = plan.get(id);
      plan.delete(id);
      if (decision === 'approve') {
        await choose('Godkänn: vidare till Test', question);
        const next = await waitFor(/^\? (Grinden är stängd|Beviljat belopp)/m, 'the gate or the amount');
        if (/^\? Grinden är stängd/m.test(next)) {
          answer('y');
          await waitFor(/^\? Beviljat belopp i kronor/m, 'the amount');
        }
        answer('40 000');
        await waitFor(/^\? Skäl \(kort\)/m, 'the reason');
        answer('Bra plan for testet');
      } else if (decision === 'return') {
        await choose('Återremittera: skicka tillbaka med råd', question);
        await waitFor(/^\? Råd till idébäraren/m, 'the advice');
        answer('Skriv en testplan');
      } else if (decision === 'reject') {
        await choose('Avslå', question);
        await waitFor(/^\? Skäl \(kort\)/m, 'the reason');
        answer('Finns redan i Sundsvall');
      } else {
        await choose('Hoppa över (bordlägg)', question);
      }
      await waitFor(new RegExp(`^✔ ${escapeRe(question)}`, 'm'), `the decision on ${id} taken`);
    }
    // When an idea remains (the agenda has four), the meeting stops before it.
    if (seen.length < 4) {
      const last = await waitFor(/^\? Beslut för (sund-[a-z0-9]+)\?/m, 'the last idea');
      const lastId = /^\? Beslut för (sund-[a-z0-9]+)\?/m.exec(last)?.[1] ?? '';
      expect(lastId).toBe('sund-emspzg');
      await choose('Avsluta mötet', `Beslut för ${lastId}?`);
    }

    expect(await current().exitCode()).toBe(0);

    const approved = historyIn(root, ideaPath('sund-vtkg00', '03-test'));
    expect(approved.at(-1)).toMatchObject({
      action: 'moved',
      from: 'refinement',
      to: 'test',
      by: 'Idérådet',
      decision: 'approve',
      amount: 40000,
      forced: true,
      note: 'Bra plan for testet',
    });
    expect(historyIn(root, ideaPath('sund-eev2bz', '02-foradling')).at(-1)).toMatchObject({
      action: 'decided',
      by: 'Idérådet',
      decision: 'return',
      note: 'Skriv en testplan',
    });
    expect(historyIn(root, ideaPath('sund-njf5rp', '99-avslagen')).at(-1)).toMatchObject({
      action: 'moved',
      from: 'refinement',
      to: 'rejected',
      by: 'Idérådet',
      decision: 'reject',
      note: 'Finns redan i Sundsvall',
    });
    for (const id of ['sund-vtkg00', 'sund-njf5rp'] as const)
      expect(existsSync(path.join(root, ideaPath(id, '02-foradling')))).toBe(false);
    // Each file is its old text with one entry more.
    for (const [id, folder] of [
      ['sund-vtkg00', '03-test'],
      ['sund-eev2bz', '02-foradling'],
      ['sund-njf5rp', '99-avslagen'],
    ] as const) {
      const old = before[id] ?? '';
      const close = old.indexOf('\n---\n') + 1;
      const now = read(root, ideaPath(id, folder));
      expect(now.startsWith(old.slice(0, close))).toBe(true);
      expect(now.endsWith(old.slice(close))).toBe(true);
      expect(historyIn(root, ideaPath(id, folder))).toHaveLength(id === 'sund-njf5rp' ? 2 : 3);
    }
    expect(read(root, ideaPath('sund-emspzg', '02-foradling'))).toBe(before['sund-emspzg']);

    const minutes = read(root, 'minutes.md');
    expect(minutes).toMatch(
      /\*\*sund-vtkg00\*\* Språkstöd för nyanställda undersköterskor: godkänd \(Förädling → Test, 40\s000 kr\) \(trots stängd grind\)\n {3}Skäl: Bra plan for testet\n/,
    );
    expect(minutes).toContain(
      '**sund-eev2bz** Bokbussen som servicepunkt på landsbygden: återremitterad (Förädling)\n   Råd till idébäraren: Skriv en testplan\n',
    );
    expect(minutes).toContain(
      '**sund-njf5rp** Nattkamera för tillsyn i Ånges hemtjänst: avslagen (Förädling → Avslagen)\n   Skäl: Finns redan i Sundsvall\n',
    );
    expect(minutes).toMatch(/\*\*Beviljade medel totalt: 40\s000 kr\*\*/);
    expect(minutes).toContain('- Beslutande: Idérådet\n');
    // The fourth idea was either never handled (the meeting stopped at it) or, asked about early, skipped.
    if (seen.includes('sund-emspzg')) expect(minutes).toContain('## Bordlagda\n\n- **sund-emspzg**');
    else {
      expect(minutes).not.toContain('## Bordlagda');
      expect(minutes).toContain('## Ej behandlade när mötet avslutades\n\n- **sund-emspzg**');
    }
    expect(seen.filter((id) => id !== 'sund-emspzg')).toHaveLength(3);
  });
});

describe('ideas review interrupted with Ctrl-C', () => {
  it.skipIf(!HAS_TMUX)('exits 130 and writes minutes that list the ideas not handled', async () => {
    const root = makeSluice();
    meeting(root, ['--stage', 'refinement', '--minutes', 'minutes.md']);
    const first = 'Beslut för sund-vtkg00?';
    await waitFor(/^\? Beslut för sund-vtkg00\?/m, 'the first decision');
    await choose('Hoppa över (bordlägg)', first);
    await waitFor(/^\? Beslut för sund-eev2bz\?/m, 'the second decision');
    current().press('C-c');
    expect(await current().exitCode()).toBe(130);
    const minutes = read(root, 'minutes.md');
    expect(minutes).toContain('## Bordlagda\n\n- **sund-vtkg00**');
    expect(minutes).toContain(
      '## Ej behandlade när mötet avslutades\n\n- **sund-eev2bz** Bokbussen som servicepunkt på landsbygden\n',
    );
  });
});

describe('ideas review killed while it writes a decision', () => {
  // Review writes each decision through the same path as `ideas decide`: every fault point of a move and of a change
  // in place (crash.test.ts lists them from the source) is killed here once in a real meeting.
  const steps = [
    ...['move:journal-written', 'write:temp-written', 'move:rewritten', 'move:renamed', 'move:staged'].map((step) => ({
      step,
      decision: 'Avslå',
      folder: '99-avslagen',
      question: /^\? Skäl \(kort\)/m,
    })),
    ...['rewrite:journal-written', 'write:temp-written', 'rewrite:written', 'rewrite:staged'].map((step) => ({
      step,
      decision: 'Återremittera: skicka tillbaka med råd',
      folder: '02-foradling',
      question: /^\? Råd till idébäraren/m,
    })),
  ];
  for (const { step, decision, folder, question } of steps) {
    it.skipIf(!HAS_TMUX)(
      `${decision} killed at ${step}: the idea whole in one place, and the next command finishes the write`,
      async () => {
        const root = makeSluice();
        meeting(root, ['--stage', 'refinement'], { IDEAS_FAULT: `kill:${step}` });
        const shown = await waitFor(/^\? Beslut för (sund-[a-z0-9]+)\?/m, 'the first decision');
        const id = /^\? Beslut för (sund-[a-z0-9]+)\?/m.exec(shown)?.[1] as 'sund-eev2bz' | 'sund-vtkg00';
        const before = read(root, ideaPath(id));
        await choose(decision, `Beslut för ${id}?`);
        await waitFor(question, 'the reason');
        answer('Beslutat i mötet');
        // SIGKILL: the shell reports 128 + 9.
        expect(await current().exitCode()).toBe(137);

        const places = [ideaPath(id), ideaPath(id, folder)].filter((p) => existsSync(path.join(root, p)));
        expect(new Set(places).size).toBe(1);
        const now = read(root, places[0] as string);
        if (now !== before) expect(historyIn(root, places[0] as string).at(-1)?.note).toBe('Beslutat i mötet');
        // The next command finishes what was written, or finds it untouched.
        const next = parseJson<{ ideas: { id: string }[] }>(ok(ideas(['list', '--json'], { cwd: root })));
        expect(next.ideas.filter((i) => i.id === id)).toHaveLength(1);
        const done = existsSync(path.join(root, ideaPath(id, folder))) ? ideaPath(id, folder) : ideaPath(id);
        if (read(root, done) === before) expect(done).toBe(ideaPath(id));
        else {
          expect(done).toBe(ideaPath(id, folder));
          expect(historyIn(root, done).at(-1)?.note).toBe('Beslutat i mötet');
          expect(git(['diff', '--name-only'], root)).toBe('');
        }
      },
    );
  }
});

describe.each([
  {
    lang: 'sv',
    decisionOn: 'Beslut för',
    conflict: 'Anmäl jäv',
    who: /^\? Vem anmäler jäv\?/m,
    whoText: 'Vem anmäler jäv?',
    shownConflict: /^Jäv: Bo Berg$/m,
    complete: 'Komplettera idén: Plan för testet, Närmsta chef stödjer idén',
    plan: /^\? Plan för testet \(behövs för steget Test; Enter hoppar över nu\)/m,
    support: /^\? Närmsta chef stödjer idén/m,
    approve: 'Godkänn: vidare till Test',
    amount: /^\? Beviljat belopp i kronor/m,
    reason: /^\? Skäl \(kort\)/m,
    force: /^\? Grinden är stängd/m,
    forceDone: /^✔ Grinden är stängd/m,
    stop: 'Avsluta mötet',
    minutes: [
      '## Kompletterat under mötet',
      '## Jäv\n\n- **sund-vtkg00** Språkstöd för nyanställda undersköterskor: jäv anmält av Bo Berg, som inte deltog i beslutet',
      '## Ej behandlade när mötet avslutades\n\n- **sund-eev2bz** Bokbussen som servicepunkt på landsbygden',
      '   Beslutande: Anna Ek\n',
    ],
  },
  {
    lang: 'en',
    decisionOn: 'Decision on',
    conflict: 'Declare a conflict of interest',
    who: /^\? Who declares a conflict of interest\?/m,
    whoText: 'Who declares a conflict of interest?',
    shownConflict: /^Conflict of interest: Bo Berg$/m,
    complete: 'Complete the idea: Test plan, The nearest manager supports the idea',
    plan: /^\? Test plan \(needed for the stage Test; Enter skips it for now\)/m,
    support: /^\? The nearest manager supports the idea/m,
    approve: 'Approve: on to Test',
    amount: /^\? Amount granted, in kronor/m,
    reason: /^\? Reason \(briefly\)/m,
    force: /^\? The gate is closed/m,
    forceDone: /^✔ The gate is closed/m,
    stop: 'Stop the meeting',
    minutes: [
      '## Completed in the meeting',
      '## Conflicts of interest\n\n- **sund-vtkg00** Språkstöd för nyanställda undersköterskor: conflict of interest declared by Bo Berg',
      '## Not handled when the meeting ended\n\n- **sund-eev2bz** Bokbussen som servicepunkt på landsbygden',
      '   Decided by: Anna Ek\n',
    ],
  },
] as const)('ideas review in a terminal, in a registry in $lang', (c) => {
  it.skipIf(!HAS_TMUX)(
    'hears jäv and completes an idea before approving it; "no" to approving anyway returns to the menu',
    { timeout: 90_000 },
    async () => {
      const root = makeSluice();
      if (c.lang === 'en') {
        const config = path.join(root, 'ideas.config.yaml');
        writeFileSync(config, readFileSync(config, 'utf8').replace(/^language: sv$/m, 'language: en'));
      }
      const returned = read(root, ideaPath('sund-eev2bz'));
      meeting(
        root,
        ['--stage', 'refinement', '--by', 'Anna Ek, Bo Berg', '--minutes', 'minutes.md'],
        {},
        { width: 140, height: 60 },
      );

      // The first idea: Bo Berg declares jäv, the council completes the idea, whose gate then opens.
      const first = `${c.decisionOn} sund-vtkg00?`;
      await waitFor(new RegExp(`^\\? ${escapeRe(first)}`, 'm'), 'the first decision');
      await choose(c.conflict, first);
      // The members named with --by are offered to choose from.
      await waitFor(c.who, 'who declares jäv');
      await choose('Bo Berg', c.whoText);
      await waitFor(c.shownConflict, 'the card with the conflict');
      await waitFor(new RegExp(`^\\? ${escapeRe(first)}`, 'm'), 'the menu again');
      await choose(c.complete, first);
      await waitFor(c.plan, 'the test plan, with its help');
      answer('Två boenden under hösten, med språkombud och lektioner.');
      await waitFor(c.support, "the manager's support");
      answer('y');
      await waitFor(new RegExp(`^\\? ${escapeRe(first)}`, 'm'), 'the menu once completed');
      await choose(c.approve, first);
      // The gate is open now: no question of approving anyway, straight to the amount.
      const next = await waitFor(new RegExp(`${c.amount.source}|${c.force.source}`, 'm'), 'the amount');
      expect(next).not.toMatch(c.force);
      answer('40 000');
      await waitFor(c.reason, 'the reason');
      answer('Bra plan');

      // The second idea: approving it, "no" to doing so through its closed gate, back to its menu, and stop.
      const second = `${c.decisionOn} sund-eev2bz?`;
      await waitFor(new RegExp(`^\\? ${escapeRe(second)}`, 'm'), 'the second decision');
      await choose(c.approve, second);
      await waitFor(c.force, 'approve anyway?');
      answer('n');
      await waitFor(c.forceDone, 'the no taken');
      await waitFor(new RegExp(`^\\? ${escapeRe(second)}`, 'm'), 'the menu of the same idea again');
      await choose(c.stop, second);

      expect(await current().exitCode()).toBe(0);
      const history = historyIn(root, ideaPath('sund-vtkg00', '03-test'));
      expect(history.slice(-3)).toEqual([
        {
          date: expect.any(String),
          action: 'assigned',
          field: 'test_plan',
          new: 'Två boenden under hösten, med språkombud och lektioner.',
          by: 'Anna Ek',
        },
        { date: expect.any(String), action: 'assigned', field: 'manager_support', new: true, by: 'Anna Ek' },
        {
          date: expect.any(String),
          action: 'moved',
          from: 'refinement',
          to: 'test',
          by: 'Anna Ek',
          // Who declared jäv, and so took no part.
          conflicts: 'Bo Berg',
          decision: 'approve',
          amount: 40000,
          note: 'Bra plan',
        },
      ]);
      expect(read(root, ideaPath('sund-eev2bz'))).toBe(returned);
      const minutes = read(root, 'minutes.md');
      for (const part of c.minutes) expect(minutes).toContain(part);
    },
  );
});

describe('ideas review in a terminal: completing an idea', () => {
  it.skipIf(!HAS_TMUX)(
    'Enter at the text and at the yes or no writes nothing, and each question says Enter skips',
    { timeout: 90_000 },
    async () => {
      const root = makeSluice();
      const before = read(root, ideaPath('sund-vtkg00'));
      meeting(root, ['--stage', 'refinement', '--by', 'Anna Ek'], {}, { width: 140, height: 60 });

      const first = 'Beslut för sund-vtkg00?';
      await waitFor(new RegExp(`^\\? ${escapeRe(first)}`, 'm'), 'the first decision');
      await choose('Komplettera idén: Plan för testet, Närmsta chef stödjer idén', first);
      await waitFor(/^\? Plan för testet \(behövs för steget Test; Enter hoppar över nu\)/m, 'the test plan');
      answer('');
      // No (J/n) whose Enter says yes: j/n to type, and Enter skips, as the question says.
      const support = await waitFor(
        /^\? Närmsta chef stödjer idén \(behövs för steget Test, j\/n; Enter hoppar över nu\)/m,
        "the manager's support",
      );
      expect(support).not.toMatch(/\((J\/n|j\/N|Y\/n|y\/N)\)/);
      answer('');
      await waitFor(new RegExp(`^\\? ${escapeRe(first)}`, 'm'), 'the menu again, nothing completed');
      // The gate is as closed as it was: completing is still offered.
      expect(screen()).toContain('Komplettera idén: Plan för testet, Närmsta chef stödjer idén');
      await choose('Avsluta mötet', first);

      expect(await current().exitCode()).toBe(0);
      expect(read(root, ideaPath('sund-vtkg00'))).toBe(before);
      expect(git(['status', '--porcelain'], root)).toBe('');
    },
  );
});
