/**
 * End to end: `ideas diff` spawned as `node bin/ideas.js` in temp git repositories with branches. The repositories
 * are built once (with the CLI where the product writes, with git and plain edits where a person would), and the
 * tests only read them, so they run side by side.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, ideasAsync, parseJson, type RunResult } from '../helpers/cli.js';
import { utcDate } from '../helpers/registry.js';
import { EXAMPLE, IDEA_FILES, ideaPath, type ExampleId } from '../helpers/sluice.js';
import { addFields, appendEntry, edit, moveFile } from '../helpers/idea-edit.js';
import { commitAll, git, makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';
import { junitSchemaErrors } from '../helpers/junit-xsd.js';

afterAll(removeTempDirs);

interface Side {
  ref: string | null;
  commit: string | null;
  mergeBase: boolean;
  worktree: boolean;
}
interface Ref {
  id: string;
  title: string | null;
  stage: string;
  stageLabel: string;
  path: string;
}
interface Finding {
  file: string;
  line: number | null;
  rule: string;
  severity: string;
  message: string;
  hint: string | null;
}
interface DiffDoc {
  schemaVersion: number;
  kind: string;
  base: Side;
  head: Side;
  added: Ref[];
  removed: Ref[];
  moved: Record<string, unknown>[];
  decisions: Record<string, unknown>[];
  changed: { id: string; fields: { field: string; old: unknown; new: unknown }[]; bodyChanged: boolean }[];
  findings: Finding[];
  ok: boolean;
}

const RULES = [
  'move/not-next',
  'move/missing-history',
  'move/history-mismatch',
  'history/rewritten',
  'idea/removed',
  'id/reused',
  'id/duplicate',
];

function newIdeaText(id: string, title: string, created: string): string {
  return `---\nid: ${id}\ntitle: ${title}\ncreated: ${created}\ncarrier: Eva Ek\nhistory:\n  - date: ${created}\n    action: created\n    to: idea\n---\n\n${title}: en ny idé.\n`;
}

function run(args: string[], cwd: string): Promise<RunResult> {
  return ideasAsync(args, { cwd });
}

/**
 * The coordinator's repository: main, then a feature branch that adds an idea, completes another and moves it
 * through the gate to test with the council's decision and money, and edits a third's title. Then main moves on,
 * and the working tree has uncommitted work: a staged edit, an unstaged edit and an untracked idea.
 */
const feature = {
  dir: '',
  fork: '',
  newId: '',
  newPath: '',
  untrackedPath: 'ideas/01-ide/sund-9hhh2k-cykelpool-for-hemtjansten.md',
  today: [] as string[],
};

/**
 * The rules repository: the registry in a subfolder of the repository, and a branch off main for each rule broken
 * on its own, and for changes that keep them.
 */
const rules = { repo: '', dir: '' };
const SUB = 'kommun/sundsvall';

beforeAll(() => {
  feature.dir = makeTempRepo();
  fs.cpSync(EXAMPLE, feature.dir, { recursive: true });
  feature.fork = commitAll(feature.dir, 'Idéslussen');
  git(['checkout', '-q', '-b', 'feature'], feature.dir);
  feature.today.push(utcDate());
  const created = ideas(
    [
      'new',
      '--no-input',
      '--title',
      'Lånecyklar för personalen',
      '--set',
      'carrier=Eva Ek',
      '--set',
      'challenge=klimat',
      '--body',
      'Cyklar i stället för bilar.',
    ],
    { cwd: feature.dir },
  );
  if (created.code !== 0) throw new Error(describeRun(created));
  feature.newPath = created.stdout.trim();
  feature.newId = /(sund-[0-9a-z]{6})/.exec(feature.newPath)?.[1] ?? '';
  addFields(path.join(feature.dir, ideaPath('sund-eev2bz')), [
    'test_plan: Tre månader med servicepunkt i bokbussen på turen Liden–Holm.',
    'manager_support: true',
    'equality_impact: Äldre kvinnor på landsbygden använder bokbussen mest; vi följer upp vilka som får hjälp.',
  ]);
  const decided = ideas(
    ['decide', 'sund-eev2bz', '-d', 'approve', '-r', 'Bra testplan', '--amount', '120000', '--by', 'Idérådet'],
    { cwd: feature.dir },
  );
  if (decided.code !== 0) throw new Error(describeRun(decided));
  edit(path.join(feature.dir, ideaPath('sund-vtkg00')), (t) =>
    t.replace('title: Språkstöd för nyanställda undersköterskor', 'title: Språkstöd för alla nyanställda'),
  );
  commitAll(feature.dir, 'Bokbussen till test, en ny idé');
  git(['checkout', '-q', 'main'], feature.dir);
  // On main after the fork: a diff against main's tip, not the merge base, would show this change undone.
  edit(path.join(feature.dir, ideaPath('sund-avmpk4')), (t) =>
    t.replace('title: Digital tillsyn i hemtjänsten', 'title: Digital nattillsyn'),
  );
  commitAll(feature.dir, 'Ny titel på main');
  git(['checkout', '-q', 'feature'], feature.dir);
  edit(path.join(feature.dir, ideaPath('sund-njf5rp')), (t) => t.replace(/^title: .*$/m, 'title: Nattkamera i Ånge'));
  git(['add', ideaPath('sund-njf5rp')], feature.dir);
  edit(path.join(feature.dir, ideaPath('sund-vtkg00')), (t) => t.replace(/^coach: .*$/m, 'coach: Johan Ek'));
  fs.writeFileSync(
    path.join(feature.dir, feature.untrackedPath),
    newIdeaText('sund-9hhh2k', 'Cykelpool för hemtjänsten', '2026-11-20'),
  );
  feature.today.push(utcDate());

  rules.repo = makeTempRepo();
  rules.dir = path.join(rules.repo, SUB);
  fs.cpSync(EXAMPLE, rules.dir, { recursive: true });
  commitAll(rules.repo, 'Idéslussen');
  // An idea deleted long ago: its id must never come back.
  fs.rmSync(path.join(rules.dir, ideaPath('sund-39t1xh')));
  commitAll(rules.repo, 'Bort med trygghetsvandringarna');
  const at = (id: ExampleId, folder?: string) => path.join(rules.dir, ideaPath(id, folder));
  const branch = (name: string, change: () => void) => {
    git(['checkout', '-q', '-b', name, 'main'], rules.repo);
    change();
    commitAll(rules.repo, name);
  };
  branch('skipped-stage', () => {
    // Complete for test, and the council's decision, so that the skipped stage is the only rule broken.
    addFields(at('sund-emspzg'), [
      'coach: Johan Ek',
      'test_plan: Väg svinnet i tre kök under åtta veckor och jämför med portionsval.',
      'manager_support: true',
    ]);
    moveFile(at('sund-emspzg'), at('sund-emspzg', '03-test'));
    appendEntry(at('sund-emspzg', '03-test'), {
      date: '2026-11-20',
      action: 'moved',
      from: 'idea',
      to: 'test',
      by: 'Någon',
      decision: 'approve',
    });
  });
  branch('no-history', () => moveFile(at('sund-vtkg00'), at('sund-vtkg00', '90-parkerad')));
  branch('rewritten-decision', () =>
    edit(at('sund-avmpk4'), (t) => t.replace(/amount: (\d+)/, (_m, n: string) => `amount: ${Number(n) * 2}`)),
  );
  branch('deleted-idea', () => fs.rmSync(at('sund-ehq9v5')));
  branch('reused-id', () => {
    fs.rmSync(at('sund-31gqyz'));
    fs.writeFileSync(
      path.join(rules.dir, 'ideas/01-ide/sund-31gqyz-solceller-pa-forskolor.md'),
      newIdeaText('sund-31gqyz', 'Solceller på förskolor', '2026-11-21'),
    );
  });
  branch('reused-deleted-id', () =>
    fs.writeFileSync(
      path.join(rules.dir, 'ideas/01-ide/sund-39t1xh-ny-trygghetside.md'),
      newIdeaText('sund-39t1xh', 'Ny trygghetsidé', '2026-11-21'),
    ),
  );
  branch('moved-and-edited', () => {
    // Moved and rewritten in one commit: git's rename detection sees a deletion and an addition.
    const to = path.join(rules.dir, 'ideas/90-parkerad/sund-eev2bz-servicebuss.md');
    moveFile(at('sund-eev2bz'), to);
    // The new text is long enough that little of the file stays the same, whatever the example holds.
    const text = Array.from(
      { length: 12 },
      (_, i) => `Stycke ${i + 1}: helt ny text om en servicebuss, skriven om från början.`,
    ).join('\n\n');
    edit(to, (t) => `${t.slice(0, t.indexOf('\n---\n') + 5).replace(/^title: .*$/m, 'title: Servicebuss')}\n${text}\n`);
    appendEntry(to, {
      date: '2026-11-20',
      action: 'moved',
      from: 'refinement',
      to: 'parked',
      by: 'Idérådet',
      decision: 'park',
      note: 'Vänta på budget',
    });
  });
  git(['checkout', '-q', '-b', 'forced-move', 'main'], rules.repo);
  // Test is the council's: a forced move there is the council's decision, past the gate and outside next.
  const forced = ideas(
    [
      'decide',
      'sund-emspzg',
      '--decision',
      'approve',
      '--to',
      'test',
      '--force',
      '--reason',
      'Beslut i kommunstyrelsen',
      '--amount',
      '0',
    ],
    { cwd: rules.dir },
  );
  if (forced.code !== 0) throw new Error(describeRun(forced));
  commitAll(rules.repo, 'forced-move');
  git(['checkout', '-q', 'main'], rules.repo);
});

describe.concurrent('ideas diff on a feature branch', () => {
  it('--json: the merge base with main to the working tree, field by field', async () => {
    const r = await run(['diff', '--json'], feature.dir);
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<DiffDoc>(r);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'idea-diff', ok: true, findings: [] });
    expect(doc.base).toEqual({ ref: 'main', commit: feature.fork, mergeBase: true, worktree: false });
    expect(doc.head).toEqual({ ref: null, commit: null, mergeBase: false, worktree: true });
    expect(doc.added).toEqual(
      [
        {
          id: feature.newId,
          title: 'Lånecyklar för personalen',
          stage: 'idea',
          stageLabel: 'Idé',
          path: feature.newPath,
        },
        {
          id: 'sund-9hhh2k',
          title: 'Cykelpool för hemtjänsten',
          stage: 'idea',
          stageLabel: 'Idé',
          path: feature.untrackedPath,
        },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(doc.removed).toEqual([]);
    const today = expect.toSatisfy((d: string) => feature.today.includes(d));
    expect(doc.moved).toEqual([
      {
        id: 'sund-eev2bz',
        title: 'Bokbussen som servicepunkt på landsbygden',
        path: ideaPath('sund-eev2bz', '03-test'),
        previousPath: ideaPath('sund-eev2bz'),
        from: 'refinement',
        fromLabel: 'Förädling',
        to: 'test',
        toLabel: 'Test',
        steps: [{ from: 'refinement', to: 'test', date: today, forced: false }],
        forced: false,
        gate: { open: true, missing: [] },
      },
    ]);
    expect(doc.decisions).toEqual([
      {
        id: 'sund-eev2bz',
        title: 'Bokbussen som servicepunkt på landsbygden',
        path: ideaPath('sund-eev2bz', '03-test'),
        date: today,
        action: 'moved',
        decision: 'approve',
        amount: 120000,
        from: 'refinement',
        to: 'test',
        by: 'Idérådet',
        conflicts: null,
        note: 'Bra testplan',
        forced: false,
      },
    ]);
    expect(doc.changed.map((c) => [c.id, c.fields.map((f) => [f.field, f.old, f.new]), c.bodyChanged])).toEqual([
      [
        'sund-eev2bz',
        [
          ['test_plan', null, 'Tre månader med servicepunkt i bokbussen på turen Liden–Holm.'],
          ['manager_support', null, true],
          [
            'equality_impact',
            null,
            'Äldre kvinnor på landsbygden använder bokbussen mest; vi följer upp vilka som får hjälp.',
          ],
        ],
        false,
      ],
      // Staged, then unstaged: the working tree is the head, whatever git's index holds.
      ['sund-njf5rp', [['title', 'Nattkamera för tillsyn i Ånges hemtjänst', 'Nattkamera i Ånge']], false],
      [
        'sund-vtkg00',
        [
          ['title', 'Språkstöd för nyanställda undersköterskor', 'Språkstöd för alla nyanställda'],
          ['coach', expect.any(String), 'Johan Ek'],
        ],
        false,
      ],
    ]);
    expect(JSON.stringify(doc)).not.toContain('sund-avmpk4');
  });

  it('--format md: a pull-request comment of the committed change (main...HEAD)', async () => {
    const r = await run(['diff', 'main...HEAD', '--format', 'md'], feature.dir);
    expect(r.code, describeRun(r)).toBe(0);
    const head = git(['rev-parse', '--short=7', 'HEAD'], feature.dir).trim();
    const date = /\| (\d{4}-\d{2}-\d{2}) \| godkänd/.exec(r.stdout)?.[1] ?? '?';
    expect(feature.today).toContain(date);
    expect(r.stdout).toBe(
      [
        '## Idésluss Sundsvallsregionen: ändringar',
        '',
        `Från grenpunkten mot main (\`${feature.fork.slice(0, 7)}\`) till HEAD (\`${head}\`)`,
        '',
        '✅ Inga regelbrott. 1 ny, 1 flyttad, 0 borttagna, 2 ändrade, 1 beslut.',
        '',
        '### Flyttade idéer (1)',
        '',
        '| Idé | Från | Till | Grind |',
        '| --- | --- | --- | --- |',
        '| **sund-eev2bz** Bokbussen som servicepunkt på landsbygden | Förädling | Test | ✅ grinden öppen |',
        '',
        '### Beslut och medel (1)',
        '',
        '| Idé | Datum | Beslut | Belopp | Av | Anteckning |',
        '| --- | --- | --- | --- | --- | --- |',
        `| **sund-eev2bz** Bokbussen som servicepunkt på landsbygden | ${date} | godkänd | 120 000 kr | Idérådet | Bra testplan |`,
        '',
        '### Nya idéer (1)',
        '',
        '| Idé | Steg | Fil |',
        '| --- | --- | --- |',
        `| **${feature.newId}** Lånecyklar för personalen | Idé | \`${feature.newPath}\` |`,
        '',
        '### Ändrade fält (2)',
        '',
        '| Idé | Fält | Före | Efter |',
        '| --- | --- | --- | --- |',
        '| **sund-eev2bz** Bokbussen som servicepunkt på landsbygden | Plan för testet `test_plan` | (inte angivet) | Tre månader med servicepunkt i bokbussen på turen Liden–Holm. |',
        '|  | Närmsta chef stödjer idén `manager_support` | (inte angivet) | ja |',
        '|  | Jämställdhetsperspektiv `equality_impact` | (inte angivet) | Äldre kvinnor på landsbygden använder bokbussen mest; vi följer upp vilka som får hjälp. |',
        '| **sund-vtkg00** Språkstöd för alla nyanställda | Idéns namn `title` | Språkstöd för nyanställda undersköterskor | Språkstöd för alla nyanställda |',
        '',
      ].join('\n'),
    );
  });

  it('text, in English with --lang en: sections that fit 80 columns, no colour without a terminal', async () => {
    const r = await run(['diff', '--lang', 'en'], feature.dir);
    expect(r.code, describeRun(r)).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Idésluss Sundsvallsregionen: changes');
    expect(lines[1]).toBe(`From the merge base with main (${feature.fork.slice(0, 7)}) to the working tree`);
    expect(r.stdout).toContain(
      '\nMoved ideas (1)\n  sund-eev2bz  Bokbussen som servicepunkt på landsbygden\n    Refinement → Test · ✔ gate open\n',
    );
    expect(r.stdout).toContain('\nNew ideas (2)\n');
    expect(r.stdout).toContain('\n    Idea coach: Sara Nyberg → Johan Ek\n');
    expect(lines.at(-2)).toBe('2 new, 1 moved, 0 removed, 3 changed, 1 decision. No rules broken.');
    expect(lines.filter((l) => [...l].length > 80)).toEqual([]);
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stderr).toBe('');
  });
});

describe.concurrent('ideas diff: each rule broken on its own', () => {
  it.each([
    [
      'skipped-stage',
      'move/not-next',
      `${SUB}/${ideaPath('sund-emspzg', '03-test')}`,
      'Flyttad Idé → Test, men Idé leder inte dit',
    ],
    [
      'no-history',
      'move/missing-history',
      `${SUB}/${ideaPath('sund-vtkg00', '90-parkerad')}`,
      'Idén flyttades Förädling → Parkerad utan någon post i historiken.',
    ],
    [
      'rewritten-decision',
      'history/rewritten',
      `${SUB}/${ideaPath('sund-avmpk4')}`,
      'Historikpost 3 (2026-05-20, flyttad Förädling → Test) har ändrats: amount: 120000 → 240000.',
    ],
    [
      'deleted-idea',
      'idea/removed',
      `${SUB}/${ideaPath('sund-ehq9v5')}`,
      'Idén sund-ehq9v5 (Elcyklar i stället för bil i hemtjänsten) har tagits bort.',
    ],
    [
      'reused-id',
      'id/reused',
      `${SUB}/ideas/01-ide/sund-31gqyz-solceller-pa-forskolor.md`,
      'Id:t sund-31gqyz tillhörde en annan idé i main: "Robotgräsklippare på alla skolgårdar"',
    ],
    [
      'reused-deleted-id',
      'id/reused',
      `${SUB}/ideas/01-ide/sund-39t1xh-ny-trygghetside.md`,
      `Id:t sund-39t1xh tillhörde idén ${ideaPath('sund-39t1xh')}, som togs bort i`,
    ],
  ])('%s: exit 1, an annotation naming %s on the file, and nothing else', async (branch, rule, file, message) => {
    // From the top of the repository, as a workflow runs: the annotation's path is the repository's.
    const r = await run(['-C', SUB, 'diff', 'main', branch, '--format', 'github'], rules.repo);
    expect(r.code, describeRun(r)).toBe(1);
    const annotations = r.stdout.split('\n').filter(Boolean);
    expect(annotations, r.stdout).toHaveLength(1);
    expect(annotations[0]).toMatch(
      new RegExp(`^::error file=${file.replace(/[.]/g, '\\.')}(,line=\\d+,col=\\d+)?,title=ideas%3A ${rule}::`),
    );
    expect(annotations[0]).toContain(message);
  });

  it('the terminal view names the broken rule, its file and line, and what to do', async () => {
    const r = await run(['diff', 'main', 'skipped-stage', '--lang', 'en'], rules.dir);
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toMatch(
      /\nRules broken \(1\)\n {2}ideas\/03-test\/sund-emspzg-[a-z-]+\.md:\d+\n {4}move\/not-next: /,
    );
    // Stages by their labels; the hint's commands name the idea, so that they run as printed.
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(
      /move\/not-next: Moved Idea → Test, but Idea does not lead there \(next stages: Refinement, [A-Z][a-z]+, [A-Z][a-z]+\)\. → Move one stage at a time with `ideas move sund-emspzg`, or with `ideas move sund-emspzg --force`, which writes forced: true in the history\./,
    );
    expect(r.stdout.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
    expect(r.stdout).toContain('1 rule broken.');
    for (const other of RULES.filter((x) => x !== 'move/not-next')) expect(r.stdout).not.toContain(other);
  });

  it('--format junit: a test case per idea the change touched, a failure naming the broken rule', async () => {
    const r = await run(['diff', 'main', 'skipped-stage', '--format', 'junit'], rules.dir);
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="ideas diff: [^"]+" tests="1" failures="1"/,
    );
    expect(r.stdout).toMatch(
      /<testcase classname="ideas\/03-test" name="ideas\/03-test\/sund-emspzg-[a-z-]+\.md"[^>]*>\s*<failure message="Flyttad Idé → Test[^"]*" type="move\/not-next">/,
    );
    expect(await junitSchemaErrors(r.stdout)).toEqual([]);
    const ok = await run(['diff', 'main', 'forced-move', '--format', 'junit'], rules.dir);
    expect(ok.code, describeRun(ok)).toBe(0);
    expect(ok.stdout).toMatch(/tests="1" failures="0"/);
    expect(ok.stdout).not.toContain('<failure');
    expect(await junitSchemaErrors(ok.stdout)).toEqual([]);
  });

  it('a forced move through a closed gate, recorded by `ideas move --force`, is accepted, and listed to review', async () => {
    const r = await run(['diff', 'main', 'forced-move', '--json'], rules.dir);
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<DiffDoc>(r);
    expect(doc.ok).toBe(true);
    expect(doc.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([
      ['move/forced', 'warning', ideaPath('sund-emspzg', '03-test')],
    ]);
    expect(doc.moved).toMatchObject([
      {
        id: 'sund-emspzg',
        from: 'idea',
        to: 'test',
        forced: true,
        steps: [{ from: 'idea', to: 'test', forced: true }],
        gate: { open: false },
      },
    ]);
    expect(doc.head).toMatchObject({ ref: 'forced-move', worktree: false });
  });

  it('a move and an edit in one commit, which git sees as a deletion and an addition, is one idea moved', async () => {
    const status = git(['diff', '--find-renames', '--name-status', 'main', 'moved-and-edited'], rules.repo);
    expect(status).toMatch(/^D\t.*sund-eev2bz-bokbussen/m);
    expect(status).toMatch(/^A\t.*sund-eev2bz-servicebuss/m);
    const r = await run(['diff', 'main', 'moved-and-edited', '--json'], rules.dir);
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<DiffDoc>(r);
    expect(doc).toMatchObject({ ok: true, findings: [], added: [], removed: [] });
    expect(doc.moved).toMatchObject([
      {
        id: 'sund-eev2bz',
        from: 'refinement',
        to: 'parked',
        path: 'ideas/90-parkerad/sund-eev2bz-servicebuss.md',
        previousPath: ideaPath('sund-eev2bz'),
      },
    ]);
    expect(doc.decisions).toMatchObject([{ id: 'sund-eev2bz', decision: 'park', note: 'Vänta på budget' }]);
    expect(doc.changed).toEqual([
      {
        id: 'sund-eev2bz',
        title: 'Servicebuss',
        path: 'ideas/90-parkerad/sund-eev2bz-servicebuss.md',
        fields: [{ field: 'title', old: 'Bokbussen som servicepunkt på landsbygden', new: 'Servicebuss' }],
        bodyChanged: true,
        historyAdded: [],
      },
    ]);
  });
});

describe.concurrent('ideas diff: when it cannot run', () => {
  it('an unknown revision is exit 2, naming it, in the registry language', async () => {
    const r = await run(['diff', 'no-such-branch'], rules.dir);
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Git känner inte igen revisionen "no-such-branch".');
  });

  it('without a default branch, exit 2 names the forms that take one, and the diff form works', async () => {
    const dir = makeTempRepo();
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    commitAll(dir, 'Idéslussen');
    git(['branch', '-m', 'main', 'trunk'], dir);
    git(['checkout', '-q', '-b', 'feature'], dir);
    const r = await run(['diff', '--lang', 'en'], dir);
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('for example ideas diff main or ideas validate --changed --base main');
    // The hint names the branches there are; a revision git does not know is told them too.
    expect(r.stderr).toContain('The branches here: feature, trunk. Name the one the change is compared with.');
    const unknown = await run(['validate', '--changed', '--base', 'origin/main', '--lang', 'en'], dir);
    expect(unknown.code, describeRun(unknown)).toBe(2);
    expect(unknown.stderr).toContain('The branches here: feature, trunk.');
    // As the message says, with this repository's branch.
    const named = await run(['diff', 'trunk', '--lang', 'en'], dir);
    expect(named.code, describeRun(named)).toBe(0);
    const changed = await run(['validate', '--changed', '--base', 'trunk', '--lang', 'en'], dir);
    expect(changed.code, describeRun(changed)).toBe(0);
  });

  it('a registry outside any git repository is exit 2, with a JSON error under --json', async () => {
    const dir = makeTempDir();
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    const r = await run(['diff', '--json', '--lang', 'en'], dir);
    expect(r.code, describeRun(r)).toBe(2);
    expect(parseJson(r)).toMatchObject({
      kind: 'error',
      error: { code: 'USAGE', message: expect.stringContaining('is not in a git repository') },
    });
  });
});

it('knows every example idea file it names', () => {
  for (const id of [
    'sund-emspzg',
    'sund-vtkg00',
    'sund-avmpk4',
    'sund-ehq9v5',
    'sund-31gqyz',
    'sund-39t1xh',
    'sund-eev2bz',
    'sund-njf5rp',
  ] as const) {
    expect(fs.existsSync(path.join(EXAMPLE, ideaPath(id))), IDEA_FILES[id].file).toBe(true);
  }
});
