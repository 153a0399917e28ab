/** End to end: move, decide, assign and review spawned as `node bin/ideas.js` in temp git repositories. */
import { appendFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { ideasAsync } from '../helpers/cli.js';
import { git, readTree } from '../helpers/temp-repo.js';
import { exists, historyIn, ideaPath, makeSluice, read, removeSluices } from '../helpers/sluice.js';

// The tests run concurrently, each in its own repository: all are removed at the end.
afterAll(removeSluices);

const DATE_LINE = /^\+ {2}- date: \d{4}-\d{2}-\d{2}$/;

/** Every file under the idea folders whose name is that of a temp file of an atomic write. */
function tempFiles(root: string): string[] {
  return readdirSync(path.join(root, 'ideas'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    /(^|\/)\.[^/]*\.tmp$/.test(f.split(path.sep).join('/')),
  );
}

/** Makes other uncommitted changes: an edited tracked file, an untracked file and a staged new file. */
function dirty(root: string): { status: string; files: Record<string, string> } {
  appendFileSync(path.join(root, 'README.md'), '\nEn ändring som inte är incheckad.\n');
  writeFileSync(path.join(root, 'anteckningar.txt'), 'ej spårad\n');
  writeFileSync(path.join(root, 'criteria', 'extra.schema.json'), '{}\n');
  git(['add', 'criteria/extra.schema.json'], root);
  const files = Object.fromEntries(
    ['README.md', 'anteckningar.txt', 'criteria/extra.schema.json'].map((f) => [f, read(root, f)]),
  );
  return { status: git(['status', '--porcelain'], root), files };
}

function statusLinesFor(status: string, paths: string[]): string[] {
  return status.split('\n').filter((l) => paths.some((p) => l.endsWith(` ${p}`)));
}

describe.concurrent('ideas move', () => {
  it('refuses a closed gate with exit 1, names the missing criteria in Swedish, and leaves everything as it was', async ({
    expect,
  }) => {
    const root = makeSluice({ council: false });
    const before = read(root, ideaPath('sund-emspzg'));
    const r = await ideasAsync(['move', 'sund-emspzg', 'refinement'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Grinden från Idé till Förädling är stängd för sund-emspzg:');
    expect(r.stderr).toContain('Ingen idécoach är kopplad till idén [coach]');
    expect(r.stderr).toContain('--force');
    expect(git(['status', '--porcelain'], root)).toBe('');
    expect(read(root, ideaPath('sund-emspzg'))).toBe(before);
    expect(exists(root, ideaPath('sund-emspzg', '02-foradling'))).toBe(false);
  });

  it('names the missing criteria in English with --lang en', async ({ expect }) => {
    const root = makeSluice({ council: false });
    const r = await ideasAsync(['move', 'sund-vtkg00', 'test', '--lang', 'en'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The gate from Refinement to Test is closed for sund-vtkg00:');
    expect(r.stderr).toContain('The test plan is missing or too short [test_plan]');
    expect(r.stderr).toContain('The nearest manager has not backed the idea [manager_support]');
    expect(r.stderr).not.toContain('Planen');
    expect(git(['status', '--porcelain'], root)).toBe('');
  });

  it('refuses a stage that is not next with exit 1, and without a stage on CI is a usage error naming the choices', async ({
    expect,
  }) => {
    const root = makeSluice({ council: false });
    const notNext = await ideasAsync(['move', 'sund-emspzg', 'spread'], { cwd: root });
    expect(notNext.code).toBe(1);
    expect(notNext.stderr).toContain(
      'Steget Idé leder inte till Spridning; härifrån går det till: Förädling, Parkerad, Avslagen.',
    );
    const noStage = await ideasAsync(['move', 'sund-emspzg'], { cwd: root });
    expect(noStage.code).toBe(2);
    expect(noStage.stderr).toContain('Ange vart idén ska: Förädling, Parkerad, Avslagen.');
    // The move it shows runs as printed.
    const example = /Till exempel: (ideas move .*)/.exec(noStage.stderr)?.[1];
    expect(example).toBe("ideas move sund-emspzg 'förädling'");
    const ran = await ideasAsync(['move', 'sund-emspzg', 'förädling'], { cwd: root });
    expect(ran.stderr).not.toContain('Ange vart');
    expect([0, 1]).toContain(ran.code);
    git(['reset', '-q', '--hard'], root);
    git(['clean', '-qfd'], root);
    expect(git(['status', '--porcelain'], root)).toBe('');
  });

  it('suggests the stage a misspelled one was meant for, as a misspelled command gets, and moves nothing', async ({
    expect,
  }) => {
    const root = makeSluice({ council: false });
    const typo = await ideasAsync(['move', 'sund-emspzg', 'testt'], { cwd: root });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      'Okänt steg "testt". Menade du test? Stegen är: Idé, Förädling, Test, Utvärdering, Spridning, Parkerad, Avslagen.',
    );
    const label = await ideasAsync(['move', 'sund-emspzg', 'Förädlng', '--lang', 'en'], { cwd: root });
    expect(label.code).toBe(2);
    expect(label.stderr).toContain(
      'Unknown stage "Förädlng". Did you mean Refinement (Förädling)? The stages are: Idea, ',
    );
    const far = await ideasAsync(['move', 'sund-emspzg', 'nowhere'], { cwd: root });
    expect(far.stderr).not.toContain('Menade du');
    expect(git(['status', '--porcelain'], root)).toBe('');
  });

  it('with --force moves through a closed gate, exit 0, and writes `forced: true`', async ({ expect }) => {
    const root = makeSluice({ council: false });
    const r = await ideasAsync(['move', 'sund-emspzg', 'refinement', '--force'], { cwd: root });
    expect(r.code).toBe(0);
    const to = ideaPath('sund-emspzg', '02-foradling');
    expect(r.stdout).toBe(`${to}\n`);
    expect(r.stderr).toContain('sund-emspzg flyttad trots stängd grind: Idé → Förädling');
    expect(exists(root, ideaPath('sund-emspzg'))).toBe(false);
    expect(read(root, to)).toContain('\n    forced: true\n');
    expect(historyIn(root, to).at(-1)).toMatchObject({ action: 'moved', from: 'idea', to: 'refinement', forced: true });
  });

  it('moves through an open gate, exit 0, with the note and who in the entry', async ({ expect }) => {
    const root = makeSluice({ council: false });
    const r = await ideasAsync(
      ['move', 'sund-eev2bz', 'parkerad', '--note', 'Vilar: tills #budget finns', '--by', 'Idérådet'],
      { cwd: root },
    );
    expect(r.code).toBe(0);
    const to = ideaPath('sund-eev2bz', '90-parkerad');
    expect(r.stdout).toBe(`${to}\n`);
    expect(r.stderr).toContain('sund-eev2bz flyttad: Förädling → Parkerad');
    expect(historyIn(root, to).at(-1)).toMatchObject({
      action: 'moved',
      from: 'refinement',
      to: 'parked',
      by: 'Idérådet',
      note: 'Vilar: tills #budget finns',
    });
    expect(historyIn(root, to).at(-1)).not.toHaveProperty('forced');
  });

  it('is staged as a rename whose only change is the added history entry', async ({ expect }) => {
    const root = makeSluice({ council: false });
    expect(
      (await ideasAsync(['move', 'sund-eev2bz', 'parked', '--by', 'Idérådet', '--note', 'Vilar'], { cwd: root })).code,
    ).toBe(0);
    const diff = git(['diff', '--cached', '-M'], root);
    expect(diff).toContain(`rename from ${ideaPath('sund-eev2bz')}\n`);
    expect(diff).toContain(`rename to ${ideaPath('sund-eev2bz', '90-parkerad')}\n`);
    const lines = diff.split('\n');
    expect(lines.filter((l) => l.startsWith('-') && !l.startsWith('---'))).toEqual([]);
    const added = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(added).toHaveLength(6);
    expect(added[0]).toMatch(DATE_LINE);
    expect(added.slice(1)).toEqual([
      '+    action: moved',
      '+    from: refinement',
      '+    to: parked',
      '+    by: Idérådet',
      '+    note: Vilar',
    ]);
    expect(git(['diff', '--cached', '--name-status', '-M'], root)).toMatch(/^R\d+\t/);
    // Nothing is left unstaged.
    expect(git(['diff'], root)).toBe('');
  });

  it('leaves other uncommitted changes exactly as they were', async ({ expect }) => {
    const root = makeSluice({ council: false });
    const other = dirty(root);
    expect((await ideasAsync(['move', 'sund-eev2bz', 'parked'], { cwd: root })).code).toBe(0);
    const status = git(['status', '--porcelain'], root);
    const paths = Object.keys(other.files);
    expect(statusLinesFor(status, paths)).toEqual(statusLinesFor(other.status, paths));
    expect(statusLinesFor(other.status, paths)).toEqual([
      ' M README.md',
      'A  criteria/extra.schema.json',
      '?? anteckningar.txt',
    ]);
    for (const [f, text] of Object.entries(other.files)) expect(read(root, f)).toBe(text);
    expect(status.split('\n').filter(Boolean)).toHaveLength(4);
    expect(status).toContain(`R  ${ideaPath('sund-eev2bz')} -> ${ideaPath('sund-eev2bz', '90-parkerad')}`);
  });

  it('with --commit makes one commit of the move alone, and other uncommitted changes stay uncommitted', async ({
    expect,
  }) => {
    const root = makeSluice({ council: false });
    const other = dirty(root);
    const head = git(['rev-parse', 'HEAD'], root).trim();
    const r = await ideasAsync(['move', 'sund-emspzg', 'parked', '--commit', '--note', 'Vänta på kostenheten'], {
      cwd: root,
    });
    expect(r.code).toBe(0);
    expect(git(['rev-list', '--count', `${head}..HEAD`], root).trim()).toBe('1');
    const message = git(['log', '-1', '--format=%B'], root);
    expect(message.split('\n')[0]).toBe('sund-emspzg: Minskat matsvinn i äldreboendenas kök (Idé → Parkerad)');
    expect(message).toContain('sund-emspzg');
    expect(message).toContain('→');
    expect(message).toContain('Vänta på kostenheten');
    const changed = git(['show', '--name-status', '--format=', '-M', 'HEAD'], root).trim().split('\n');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.replace(/^R\d+/, 'R')).toBe(
      `R\t${ideaPath('sund-emspzg')}\t${ideaPath('sund-emspzg', '90-parkerad')}`,
    );
    expect(git(['status', '--porcelain'], root)).toBe(other.status);
    for (const [f, text] of Object.entries(other.files)) expect(read(root, f)).toBe(text);
  });

  it('after a failure between the move and the write (exit 2) the idea is whole in its old place and nothing else changed', async ({
    expect,
  }) => {
    const root = makeSluice({ council: false });
    const other = dirty(root);
    const from = ideaPath('sund-emspzg');
    const bytes = read(root, from);
    const r = await ideasAsync(['move', 'sund-emspzg', 'parked'], { cwd: root, env: { IDEAS_FAULT: 'move:renamed' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('injected fault at move:renamed');
    expect(read(root, from)).toBe(bytes);
    expect(exists(root, ideaPath('sund-emspzg', '90-parkerad'))).toBe(false);
    expect(tempFiles(root)).toEqual([]);
    expect(git(['status', '--porcelain'], root)).toBe(other.status);
    // The same holds for an idea git does not know yet.
    const untracked = 'ideas/01-ide/sund-aaaa1-ny.md';
    writeFileSync(path.join(root, untracked), '---\nid: sund-aaaa1\ntitle: Ny\ncreated: 2026-11-01\n---\nText.\n');
    const r2 = await ideasAsync(['move', 'sund-aaaa1', 'parked'], { cwd: root, env: { IDEAS_FAULT: 'move:renamed' } });
    expect(r2.code).toBe(2);
    expect(read(root, untracked)).toBe('---\nid: sund-aaaa1\ntitle: Ny\ncreated: 2026-11-01\n---\nText.\n');
    expect(exists(root, 'ideas/90-parkerad/sund-aaaa1-ny.md')).toBe(false);
    expect(tempFiles(root)).toEqual([]);
  });

  it('keeps the file history across two committed moves', async ({ expect }) => {
    const root = makeSluice({ council: false });
    expect((await ideasAsync(['move', 'sund-eev2bz', 'parked', '--commit'], { cwd: root })).code).toBe(0);
    expect((await ideasAsync(['move', 'sund-eev2bz', 'idea', '--commit'], { cwd: root })).code).toBe(0);
    const log = git(['log', '--follow', '--name-status', '--format=%s', '--', ideaPath('sund-eev2bz', '01-ide')], root);
    const renames = log.split('\n').filter((l) => l.startsWith('R'));
    expect(renames.map((l) => l.split('\t').slice(1))).toEqual([
      [ideaPath('sund-eev2bz', '90-parkerad'), ideaPath('sund-eev2bz', '01-ide')],
      [ideaPath('sund-eev2bz'), ideaPath('sund-eev2bz', '90-parkerad')],
    ]);
    expect(log).toContain('sund-eev2bz: Bokbussen som servicepunkt på landsbygden (Parkerad → Idé)');
    expect(log).toContain('sund-eev2bz: Bokbussen som servicepunkt på landsbygden (Förädling → Parkerad)');
  });

  it('with --commit after an earlier move that was not committed, commits and exits 0', async ({ expect }) => {
    const root = makeSluice({ council: false });
    expect((await ideasAsync(['move', 'sund-eev2bz', 'parked'], { cwd: root })).code).toBe(0);
    const r = await ideasAsync(['move', 'sund-eev2bz', 'idea', '--commit'], { cwd: root });
    expect(r.stderr).not.toMatch(/git misslyckades|fatal|pathspec/);
    expect(r.stderr).toContain('(incheckad i git)');
    expect(r.code).toBe(0);
    expect(git(['status', '--porcelain'], root)).toBe('');
    // One copy in the commit: the new path in, the path of the commit before out.
    const tree = git(['ls-tree', '-r', '--name-only', 'HEAD', 'ideas/'], root);
    expect(tree).toContain(ideaPath('sund-eev2bz', '01-ide'));
    expect(tree).not.toContain(ideaPath('sund-eev2bz', '02-foradling'));
    expect(tree).not.toContain(ideaPath('sund-eev2bz', '90-parkerad'));
  });

  it('an unknown id is exit 2', async ({ expect }) => {
    const root = makeSluice({ council: false });
    const r = await ideasAsync(['move', 'sund-zzzzzz', 'refinement'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Ingen idé med id "sund-zzzzzz".');
    expect(git(['status', '--porcelain'], root)).toBe('');
  });
});

describe.concurrent('an idea through every stage', () => {
  it('goes from idea to spread with assign, decide and move, each step in its history', async ({ expect }) => {
    const root = makeSluice({ council: false });
    const head = git(['rev-parse', 'HEAD'], root).trim();
    const steps: string[][] = [
      ['assign', 'sund-emspzg', '--coach', 'Johan Ek', '--commit'],
      ['decide', 'sund-emspzg', '-d', 'approve', '-r', 'Bra koppling till klimatmålen', '--by', 'Idérådet', '--commit'],
      [
        'decide',
        'sund-emspzg',
        '-d',
        'approve',
        '-r',
        'Beviljas för vågar',
        '--amount',
        '60000',
        '--force',
        '--by',
        'Idérådet',
        '--commit',
      ],
      ['decide', 'sund-emspzg', '-d', 'approve', '-r', 'Testet klart', '--force', '--commit'],
      ['move', 'sund-emspzg', 'spread', '--force', '--commit'],
    ];
    for (const args of steps) {
      const r = await ideasAsync(args, { cwd: root });
      expect(r.stderr).not.toContain('ideas:');
      expect(r.code).toBe(0);
    }
    const end = ideaPath('sund-emspzg', '05-spridning');
    expect(readdirSync(path.join(root, 'ideas', '05-spridning'))).toContain(path.basename(end));
    for (const folder of ['01-ide', '02-foradling', '03-test', '04-utvardering'])
      expect(exists(root, ideaPath('sund-emspzg', folder))).toBe(false);
    const history = historyIn(root, end);
    expect(history.map((e) => [e.action, e.from ?? null, e.to ?? null, e.forced ?? false, e.amount ?? null])).toEqual([
      ['created', null, 'idea', false, null],
      ['assigned', null, null, false, null],
      ['moved', 'idea', 'refinement', false, null],
      ['moved', 'refinement', 'test', true, 60000],
      ['moved', 'test', 'evaluation', true, null],
      ['moved', 'evaluation', 'spread', true, null],
    ]);
    expect(git(['status', '--porcelain'], root)).toBe('');
    expect(
      git(['log', '--format=%s', `${head}..HEAD`], root)
        .trim()
        .split('\n'),
    ).toEqual([
      'sund-emspzg: Minskat matsvinn i äldreboendenas kök (Utvärdering → Spridning)',
      'sund-emspzg: Minskat matsvinn i äldreboendenas kök (Test → Utvärdering)',
      'sund-emspzg: Minskat matsvinn i äldreboendenas kök (Förädling → Test)',
      'sund-emspzg: Minskat matsvinn i äldreboendenas kök (Idé → Förädling)',
      'sund-emspzg: Minskat matsvinn i äldreboendenas kök (Idécoach: Johan Ek)',
    ]);
    const list = await ideasAsync(['show', 'sund-emspzg', '--json'], { cwd: root });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).idea).toMatchObject({ stage: 'spread', path: end });
  });
});

describe.concurrent('ideas decide, assign and review', () => {
  it('decide --json prints the idea document with its new path', async ({ expect }) => {
    const root = makeSluice({ council: false });
    const r = await ideasAsync(
      ['decide', 'sund-vtkg00', '-d', 'approve', '-r', 'Beviljas', '--amount', '75000', '--force', '--json'],
      { cwd: root },
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & {
      idea: Record<string, unknown>;
      change: Record<string, unknown>;
    };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.kind).toBe('idea');
    expect(doc.idea).toMatchObject({
      id: 'sund-vtkg00',
      stage: 'test',
      path: ideaPath('sund-vtkg00', '03-test'),
      granted: 75000,
    });
    expect(doc.change).toMatchObject({
      action: 'moved',
      decision: 'approve',
      from: 'refinement',
      to: 'test',
      forced: true,
    });
    expect(doc.committed).toBe(false);
    expect(exists(root, ideaPath('sund-vtkg00', '03-test'))).toBe(true);
  });

  it('decide through a closed gate is exit 1 and a bad decision exit 2, both changing nothing', async ({ expect }) => {
    const root = makeSluice({ council: false });
    expect(
      (await ideasAsync(['decide', 'sund-vtkg00', '-d', 'approve', '-r', 'x', '--amount', '0'], { cwd: root })).code,
    ).toBe(1);
    expect((await ideasAsync(['decide', 'sund-vtkg00', '-d', 'kanske', '-r', 'x'], { cwd: root })).code).toBe(2);
    expect(
      (
        await ideasAsync(['decide', 'sund-emspzg', '-d', 'approve', '-r', 'x', '--amount', '100', '--force'], {
          cwd: root,
        })
      ).code,
    ).toBe(2);
    expect(git(['status', '--porcelain'], root)).toBe('');
  });

  it('assign --coach shows in the diff as the coach line and the history lines only', async ({ expect }) => {
    const root = makeSluice({ council: false });
    const r = await ideasAsync(['assign', 'sund-emspzg', '--coach', 'Johan Ek', '--by', 'Sara Nyberg'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${ideaPath('sund-emspzg')}\n`);
    expect(git(['diff'], root)).toBe('');
    const lines = git(['diff', '--cached'], root).split('\n');
    expect(lines.filter((l) => l.startsWith('-') && !l.startsWith('---'))).toEqual([]);
    const added = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(added[0]).toBe('+coach: Johan Ek');
    expect(added[1]).toMatch(DATE_LINE);
    expect(added.slice(2)).toEqual([
      '+    action: assigned',
      '+    field: coach',
      '+    new: Johan Ek',
      '+    by: Sara Nyberg',
    ]);
  });

  it('review --json off a terminal is exit 2; review --dry-run --json is exit 0 with the agenda', async ({
    expect,
  }) => {
    const root = makeSluice({ council: false });
    // An agenda with ideas on it: a meeting, which needs a terminal (an empty one holds none, and asks nothing).
    const bad = await ideasAsync(['review', '--json', '--stage', 'refinement'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ kind: 'error', error: { code: 'USAGE' } });
    const ok = await ideasAsync(['review', '--dry-run', '--json', '--stage', 'refinement'], { cwd: root });
    expect(ok.code).toBe(0);
    const doc = JSON.parse(ok.stdout) as {
      kind: string;
      schemaVersion: number;
      agenda: {
        idea: { id: string };
        next: string;
        gate: { open: boolean; criteria: { field: string; met: boolean; status: string }[] };
      }[];
    };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.kind).toBe('review-agenda');
    expect(doc.agenda.map((a) => a.idea.id).sort()).toEqual(['sund-eev2bz', 'sund-vtkg00']);
    expect(doc.agenda[0]?.next).toBe('test');
    expect(doc.agenda[0]?.gate.criteria.filter((c) => c.status === 'not-met').map((c) => c.field)).toEqual([
      'test_plan',
      'manager_support',
    ]);
    // Without --dry-run on CI there is no meeting: a usage error naming the command for scripts.
    const noTerminal = await ideasAsync(['review', '--stage', 'refinement'], { cwd: root });
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toContain('ideas decide');
    expect(git(['status', '--porcelain'], root)).toBe('');
  });
});

describe.concurrent('ideas move: a move made by hand, written in the history', () => {
  /** The last commit holds sund-njf5rp at `file` alone, and changed nothing the diff refuses. */
  const committedOnce = async (expect: ExpectStatic, root: string, file: string) => {
    const files = git(['ls-files', '--', 'ideas'], root).split('\n');
    expect(files.filter((f) => f.includes('sund-njf5rp'))).toEqual([file]);
    const diff = await ideasAsync(['diff', 'HEAD~1', 'HEAD', '--json'], { cwd: root });
    expect(diff.code, diff.stdout).toBe(0);
  };

  /** The file put into another stage's folder the way a file manager or a web UI's rename does: no entry. */
  const byHand = (root: string, id: 'sund-njf5rp' | 'sund-emspzg', folder: string) =>
    git(['mv', ideaPath(id), ideaPath(id, folder)], root);

  it('the diff and validate name the command that records it; it writes the entry and leaves the file', async ({
    expect,
  }) => {
    const root = makeSluice({ council: false });
    byHand(root, 'sund-njf5rp', '90-parkerad');
    const diff = await ideasAsync(['diff', 'HEAD', '--json'], { cwd: root });
    expect(diff.code).toBe(1);
    const findings = (JSON.parse(diff.stdout) as { findings: { rule: string; hint: string }[] }).findings;
    expect(findings.map((f) => f.rule)).toEqual(['move/missing-history']);
    expect(findings[0]?.hint).toContain('`ideas move sund-njf5rp parked`');
    const validate = await ideasAsync(['validate'], { cwd: root });
    expect(validate.stdout).toContain('ideas move sund-njf5rp parked');
    const before = read(root, ideaPath('sund-njf5rp', '90-parkerad'));

    const r = await ideasAsync(['move', 'sund-njf5rp', 'parked'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${ideaPath('sund-njf5rp', '90-parkerad')}\n`);
    expect(r.stderr).toContain('sund-njf5rp: flytten Idé → Parkerad, som gjordes för hand, är nu skriven i historiken');
    // In place: the entry appended, nothing else of the file changed, and no file anywhere else.
    const after = read(root, ideaPath('sund-njf5rp', '90-parkerad'));
    expect(after.startsWith(before.slice(0, before.indexOf('\n---', 4)))).toBe(true);
    expect(exists(root, ideaPath('sund-njf5rp'))).toBe(false);
    expect(historyIn(root, ideaPath('sund-njf5rp', '90-parkerad')).at(-1)).toMatchObject({
      action: 'moved',
      from: 'idea',
      to: 'parked',
    });
    const clean = await ideasAsync(['diff', 'HEAD', '--json'], { cwd: root });
    expect(clean.code, clean.stdout).toBe(0);
    expect((JSON.parse(clean.stdout) as { findings: unknown[] }).findings).toEqual([]);
    // Written once: the idea is where its history says now.
    const again = await ideasAsync(['move', 'sund-njf5rp', 'parked'], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('står redan i Parkerad');
  });

  // Found by a newcomer following the README: a file moved in a file manager left git's index holding its old place,
  // and the commit after `ideas move` kept the idea twice (id/duplicate in validate and diff).
  it('moved without git, as a file manager does: the old place is staged as gone with the entry, one file in the commit', async ({
    expect,
  }) => {
    const root = makeSluice({ council: false });
    renameSync(path.join(root, ideaPath('sund-njf5rp')), path.join(root, ideaPath('sund-njf5rp', '90-parkerad')));
    const r = await ideasAsync(['move', 'sund-njf5rp', 'parked'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(git(['status', '--porcelain'], root)).toBe(
      `R  ${ideaPath('sund-njf5rp')} -> ${ideaPath('sund-njf5rp', '90-parkerad')}\n`,
    );
    git(['commit', '-q', '-m', 'Parkerad'], root);
    await committedOnce(expect, root, ideaPath('sund-njf5rp', '90-parkerad'));
  });

  // Found from outside next: a file renamed as it was moved (`<id>-new name.md`) left its old place in the commit.
  it('moved and renamed by hand, with --commit: the commit holds the idea once, under its new name', async ({
    expect,
  }) => {
    const root = makeSluice({ council: false });
    const renamed = `ideas/90-parkerad/sund-njf5rp-ny [kopia]*.md`;
    renameSync(path.join(root, ideaPath('sund-njf5rp')), path.join(root, renamed));
    const r = await ideasAsync(['move', 'sund-njf5rp', 'parked', '--commit'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(git(['status', '--porcelain'], root)).toBe('');
    await committedOnce(expect, root, renamed);
  });

  // Found the same way: moved back by hand into the stage its last move left, the file looked like a move cut short,
  // and `ideas move` into its folder's stage said it stood there already. Git knows better: that move was committed.
  it('moved back by hand after a committed move: recorded as a move from where the history left it', async ({
    expect,
  }) => {
    const root = makeSluice({ council: false });
    const parked = await ideasAsync(['move', 'sund-njf5rp', 'parked', '--commit'], { cwd: root });
    expect(parked.code, parked.stderr).toBe(0);
    const validate = await ideasAsync(['validate'], { cwd: root });
    expect(validate.code).toBe(0);
    git(['mv', ideaPath('sund-njf5rp', '90-parkerad'), ideaPath('sund-njf5rp')], root);
    const hinted = await ideasAsync(['validate'], { cwd: root });
    expect(hinted.stdout).toContain('ideas move sund-njf5rp idea');
    const r = await ideasAsync(['move', 'sund-njf5rp', 'idé'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('flytten Parkerad → Idé, som gjordes för hand, är nu skriven i historiken');
    expect(historyIn(root, ideaPath('sund-njf5rp')).at(-1)).toMatchObject({
      action: 'moved',
      from: 'parked',
      to: 'idea',
    });
    const clean = await ideasAsync(['diff', 'HEAD', '--json'], { cwd: root });
    expect(clean.code, clean.stdout).toBe(0);
  });

  it('through the gate as any move: a closed one refuses, and --force writes forced: true', async ({ expect }) => {
    const root = makeSluice({ council: false });
    byHand(root, 'sund-emspzg', '02-foradling');
    const diff = await ideasAsync(['diff', 'HEAD', '--json', '--lang', 'en'], { cwd: root });
    const findings = (JSON.parse(diff.stdout) as { findings: { rule: string; hint: string }[] }).findings;
    expect(findings.find((f) => f.rule === 'move/gate-closed')?.hint).toContain(
      '`ideas move sund-emspzg refinement --force`',
    );
    const before = read(root, ideaPath('sund-emspzg', '02-foradling'));
    const refused = await ideasAsync(['move', 'sund-emspzg', 'refinement'], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Grinden från Idé till Förädling är stängd för sund-emspzg:');
    expect(read(root, ideaPath('sund-emspzg', '02-foradling'))).toBe(before);

    const forced = await ideasAsync(['move', 'sund-emspzg', 'refinement', '--force'], { cwd: root });
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('som gjordes för hand trots stängd grind');
    expect(historyIn(root, ideaPath('sund-emspzg', '02-foradling')).at(-1)).toMatchObject({
      action: 'moved',
      from: 'idea',
      to: 'refinement',
      forced: true,
    });
    const after = await ideasAsync(['diff', 'HEAD', '--json'], { cwd: root });
    const rules = (JSON.parse(after.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(rules).toEqual(['move/forced']);
  });

  it("into the council's stage: the move refers to the council, whose decision writes the move", async ({ expect }) => {
    const root = makeSluice();
    git(['mv', ideaPath('sund-eev2bz'), ideaPath('sund-eev2bz', '03-test')], root);
    // The diff describes the council's decision: a command run as printed would record one no one made.
    const hinted = await ideasAsync(['diff', 'HEAD', '--json'], { cwd: root });
    const hints = (JSON.parse(hinted.stdout) as { findings: { rule: string; hint: string }[] }).findings;
    const missing = hints.find((f) => f.rule === 'move/missing-history')?.hint ?? '';
    expect(missing).toContain('En flytt till Test är idérådets beslut');
    // Test grants funds: the decision it describes names the amount to fill in, as decide asks for one there.
    expect(missing).toContain(
      'ideas decide sund-eev2bz --decision godkänn --to test --reason "<rådets motivering>" --amount "<belopp i kr>" in flytten',
    );
    expect(missing).not.toContain('`');
    const move = await ideasAsync(['move', 'sund-eev2bz', 'test'], { cwd: root });
    expect(move.code).toBe(2);
    expect(move.stderr).toContain('ideas decide');
    const decide = await ideasAsync(
      [
        'decide',
        'sund-eev2bz',
        '--decision',
        'approve',
        '--to',
        'test',
        '--reason',
        'Beslut på idérådet 3 december',
        '--by',
        'Idérådet',
        '--amount',
        '0',
        '--force',
      ],
      { cwd: root },
    );
    expect(decide.code, decide.stderr).toBe(0);
    expect(exists(root, ideaPath('sund-eev2bz', '03-test'))).toBe(true);
    expect(historyIn(root, ideaPath('sund-eev2bz', '03-test')).at(-1)).toMatchObject({
      action: 'moved',
      from: 'refinement',
      to: 'test',
      decision: 'approve',
      forced: true,
    });
    const diff = await ideasAsync(['diff', 'HEAD', '--json'], { cwd: root });
    const found = (JSON.parse(diff.stdout) as { findings: { rule: string; severity: string }[] }).findings;
    expect(found.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('an idea where its history says it is stays refused: nothing to record', async ({ expect }) => {
    const root = makeSluice({ council: false });
    const r = await ideasAsync(['move', 'sund-eev2bz', 'refinement'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Idén sund-eev2bz står redan i Förädling.');
    expect(git(['status', '--porcelain'], root)).toBe('');
  });
});

describe.concurrent('ideas decide into a stage the council funds', () => {
  it('asks for the amount (0 included) and writes nothing without one; grants what it is given', async ({ expect }) => {
    const root = makeSluice({ council: false });
    const tree = readTree(root);
    const none = await ideasAsync(['decide', 'sund-eev2bz', '-d', 'approve', '-r', 'Bra plan', '--force'], {
      cwd: root,
    });
    expect(none.code, none.stderr).toBe(2);
    expect(none.stderr).toContain('Ett godkännande till Test beviljar medel: ange beloppet med --amount');
    expect(readTree(root)).toEqual(tree);
    const zero = await ideasAsync(
      ['decide', 'sund-eev2bz', '-d', 'approve', '-r', 'Bra plan', '--amount', '0', '--force'],
      { cwd: root },
    );
    expect(zero.code, zero.stderr).toBe(0);
    const granted = await ideasAsync(
      ['decide', 'sund-vtkg00', '-d', 'approve', '-r', 'Bra plan', '--amount', '40000', '--force'],
      { cwd: root },
    );
    expect(granted.code, granted.stderr).toBe(0);
  });
});
