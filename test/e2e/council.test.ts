/**
 * End to end: the idea council's words and flags, spawned as `node bin/ideas.js` in registries made by
 * `ideas init --template sundsvall`, in Swedish and in English: decisions named in either language, a missing
 * reason's hint that runs as printed, fields completed and jäv declared without prompts, and the agenda.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, ok, shell } from '../helpers/cli.js';
import {
  ideaFileOf,
  initRegistry,
  newIdeaBeforeCoach,
  readConfig,
  readIdeaFile,
  stageDir,
} from '../helpers/registry.js';
import { removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** A new idea before its coach, with a text. */
function newIdea(dir: string, title: string, extra: string[] = []): string {
  return newIdeaBeforeCoach(dir, title, ['--body', 'Språkombud på varje äldreboende.', ...extra]);
}

function historyOf(dir: string, id: string): Record<string, unknown>[] {
  return readIdeaFile(dir, ideaFileOf(dir, id)).data.history as Record<string, unknown>[];
}

const cases = [
  {
    lang: 'sv',
    approve: 'GODKÄNN',
    park: 'Parkera',
    reject: 'avslå',
    ret: 'Återremittera',
    forExample: 'till exempel:',
    testPlan: 'Plan för testet',
    unknown: 'välj godkänn, återremittera, parkera, avslå',
  },
  {
    lang: 'en',
    approve: 'Approve',
    park: 'parkera',
    reject: 'REJECT',
    ret: 'return',
    forExample: 'for example:',
    testPlan: 'Test plan',
    unknown: 'choose approve, return, park, reject',
  },
] as const;

describe.each(cases)('the council in a registry in $lang', (c) => {
  it(
    'decides with words of either language; a missing reason is exit 2 with a hint that runs as printed',
    { timeout: 120_000 },
    () => {
      const dir = initRegistry('sundsvall', c.lang);
      const id = newIdea(dir, 'Språkstöd för nyanställda');
      const before = readIdeaFile(dir, ideaFileOf(dir, id));

      const missing = ideas(
        [
          'decide',
          id,
          '-d',
          c.approve,
          '--set',
          'coach=Sara Nyberg',
          '--by',
          'Anna Ek, Bo Berg',
          '--conflict',
          'Bo Berg',
        ],
        { cwd: dir },
      );
      expect(missing.code, describeRun(missing)).toBe(2);
      expect(missing.stdout).toBe('');
      // Nothing was written: not the coach either.
      expect(readIdeaFile(dir, ideaFileOf(dir, id))).toEqual(before);
      const lines = missing.stderr.split('\n');
      const command = lines[lines.findIndex((l) => l.endsWith(c.forExample)) + 1]?.trim() ?? '';
      expect(command).toMatch(/^ideas decide /);
      expect(command).toContain('--reason ');

      // As printed, the example's reason is refused: it is no one's reason, and nothing is written.
      const asPrinted = shell(command, dir);
      expect(asPrinted.code, describeRun(asPrinted)).toBe(2);
      expect(readIdeaFile(dir, ideaFileOf(dir, id))).toEqual(before);
      // With the council's words in its place, it runs and does what was asked: the coach set, then the move,
      // without Bo Berg.
      const own = command.replace(/--reason ('[^']*'|\S+)/, "--reason 'Bra plan'");
      expect(own).not.toBe(command);
      expect(shell(own, dir).code).toBe(0);
      expect(ideaFileOf(dir, id).startsWith(`${stageDir(readConfig(dir), 'refinement')}/`)).toBe(true);
      const history = historyOf(dir, id);
      expect(history.slice(-2)).toMatchObject([
        { action: 'assigned', field: 'coach', new: 'Sara Nyberg', by: 'Anna Ek' },
        { action: 'moved', from: 'idea', to: 'refinement', decision: 'approve', by: 'Anna Ek', conflicts: 'Bo Berg' },
      ]);
      // Bo Berg declared jäv: named only as taking no part, never as one who decided or wrote.
      expect(history.filter((e) => JSON.stringify(e.by ?? '').includes('Bo Berg'))).toEqual([]);
      // And `ideas show` says so on the decision's line, as the minutes do (a newcomer missed it there).
      expect(ok(ideas(['show', id], { cwd: dir })).stdout).toMatch(
        c.lang === 'sv' ? /\(Anna Ek\).*\(jäv: Bo Berg\)/ : /\(Anna Ek\).*\(conflict of interest: Bo Berg\)/,
      );

      const unknown = ideas(['decide', id, '-d', 'kanske', '-r', 'x'], { cwd: dir });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain(c.unknown);

      ok(ideas(['decide', id, '-d', c.ret, '-r', 'Skriv en plan för testet'], { cwd: dir }));
      expect(historyOf(dir, id).at(-1)).toMatchObject({ action: 'decided', decision: 'return' });
      ok(ideas(['decide', id, '-d', c.reject, '-r', 'Görs redan'], { cwd: dir }));
      expect(ideaFileOf(dir, id).startsWith(`${stageDir(readConfig(dir), 'rejected')}/`)).toBe(true);
      expect(historyOf(dir, id).at(-1)).toMatchObject({ decision: 'reject', to: 'rejected' });
    },
  );

  it('types a --set field a later gate asks for as that gate does: a yes is written as a yes', () => {
    const dir = initRegistry('sundsvall', c.lang);
    const id = newIdea(dir, 'Cykelpool');
    const yes = c.lang === 'sv' ? 'ja' : 'yes';
    ok(
      ideas(
        [
          'decide',
          id,
          '-d',
          c.approve,
          '-r',
          'Vidare',
          '--set',
          'coach=Sara Nyberg',
          '--set',
          `manager_support=${yes}`,
        ],
        {
          cwd: dir,
        },
      ),
    );
    expect(readIdeaFile(dir, ideaFileOf(dir, id)).data.manager_support).toBe(true);
  });

  it(
    'the agenda shows the test plan, leaves parked ideas out unless asked, and checks --conflict',
    { timeout: 120_000 },
    () => {
      const dir = initRegistry('sundsvall', c.lang);
      const planned = newIdea(dir, 'Med plan', [
        '--set',
        'test_plan=Två boenden under hösten, med språkombud och lektioner.',
      ]);
      const parked = newIdea(dir, 'Parkerad idé');
      ok(ideas(['decide', planned, '-d', c.approve, '-r', 'Vidare', '--set', 'coach=Sara Nyberg'], { cwd: dir }));
      ok(ideas(['decide', parked, '-d', c.park, '-r', 'Vänta'], { cwd: dir }));

      const refinement = ok(ideas(['review', '--dry-run', '--stage', 'refinement'], { cwd: dir }));
      // Headed with the day and the registry, for the council's papers.
      expect(refinement.stdout).toMatch(
        c.lang === 'sv'
          ? /^Dagordning för idérådet \d{4}-\d{2}-\d{2}, .+: 1 idé\n\n/
          : /^Agenda of the idea council \d{4}-\d{2}-\d{2}, .+: 1 idea\n\n/,
      );
      expect(refinement.stdout).toContain(planned);
      expect(refinement.stdout).toContain(c.testPlan);
      expect(refinement.stdout).toContain('Två boenden under hösten, med språkombud och lektioner.');
      expect(refinement.stdout).toContain('Sara Nyberg');

      const agenda = ok(ideas(['review', '--dry-run', '--json'], { cwd: dir }));
      expect(JSON.parse(agenda.stdout).agenda.map((a: { idea: { id: string } }) => a.idea.id)).not.toContain(parked);
      const all = ok(ideas(['review', '--dry-run', '--json', '--include-parked'], { cwd: dir }));
      expect(JSON.parse(all.stdout).agenda.map((a: { idea: { id: string } }) => a.idea.id)).toContain(parked);

      for (const conflict of ['utan-likhetstecken', `${planned}=`, 'sund-finnsinte=Anna Ek']) {
        const r = ideas(['review', '--dry-run', '--conflict', conflict], { cwd: dir });
        expect([conflict, r.code]).toEqual([conflict, 2]);
      }
      ok(ideas(['review', '--dry-run', '--jav', `${planned}=Anna Ek`], { cwd: dir }));
    },
  );
});
