/**
 * Crash safety: every command that writes, killed with SIGKILL at each of its fault points (or failing there), leaves
 * every idea whole in exactly one place, with its new history entry or byte for byte as it was; leaves nothing in the
 * work tree that `git add -A` would pick up; and the next command finishes (a move) or undoes (an import) the work.
 * The fault points are read from the source: one added without a case here fails this file.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, REPO_ROOT, type RunResult } from '../helpers/cli.js';
import { parseIdeaText } from '../helpers/registry.js';
import { copyToTemp, git, readTree, removeTempDirs } from '../helpers/temp-repo.js';
import { ideaPath, makeSluice, removeSluices } from '../helpers/sluice.js';

afterAll(() => {
  removeTempDirs();
  removeSluices();
});

/** Every `faultPoint('…')` and `injectFault(env, '…')` in the source. */
function faultPointsInSource(): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, d.name);
      if (d.isDirectory()) walk(abs);
      else if (d.name.endsWith('.ts') && !d.name.endsWith('.test.ts')) {
        const text = readFileSync(abs, 'utf8');
        for (const m of text.matchAll(/(?:faultPoint|injectFault)\((?:env, )?'([a-z-]+:[a-z-]+)'/g))
          out.add(m[1] as string);
      }
    }
  };
  walk(path.join(REPO_ROOT, 'src'));
  return out;
}

/** Fault points proved by other tests: the lock's in concurrency.test.ts, the site's in site.test.ts. */
// import:updated: a spreadsheet imported again, killed while it updates, in reimport.test.ts; region:fetch and
// region:state: a member's sync killed while it fetches and while it writes, in region.test.ts; region:summary: killed
// between a member's text and its summary, in region-views.test.ts; hook:set-aside:
// hook install --force killed and failing after it set the team's own hook aside, in hook.test.ts; read:worker: a
// worker thread that fails, in cache.test.ts.
const ELSEWHERE = [
  'lock:taken',
  'lock:releasing',
  'lock:stale-seen',
  'site:written',
  'site:page',
  // test/e2e/site.test.ts: pages written on a thread of their own.
  'site:thread',
  'site:given',
  'site:removing',
  // test/e2e/site.test.ts: killed between the old site's rename and the new one's.
  'site:swapping',
  'read:worker',
  'import:updated',
  'region:fetch',
  'region:state',
  'region:summary',
  // test/e2e/region.test.ts: members fetched side by side are read one at a time (a trace, not a fault).
  'region:read',
  // test/e2e/region-prune.test.ts: a sync killed while it removes a removed member's repository.
  'region:prune-repo',
  'hook:set-aside',
];

const ID = 'sund-eev2bz';
const FROM = ideaPath(ID);
const CSV = 'Titel;beskrivning\nFörsta importen;Ett\nAndra importen;Två\nTredje importen;Tre\n';

interface Case {
  name: string;
  args: string[];
  /** Steps (with `@n` for the n-th visit) where the command is killed, and where it fails. */
  steps: string[];
  /** The idea the command changes, and where it ends up (null: the command makes new files). */
  target: { to: string; action: 'moved' | 'decided' | 'assigned' } | null;
}

const MOVE_STEPS = [
  'move:journal-written',
  'write:temp-written',
  'move:rewritten',
  'move:renamed',
  'move:staged',
  'lock:releasing',
];
const REWRITE_STEPS = ['rewrite:journal-written', 'write:temp-written', 'rewrite:written', 'rewrite:staged'];

const CASES: Case[] = [
  {
    name: 'new',
    args: ['new', '--no-input', '--title', 'Efter ett avbrott'],
    steps: ['write:temp-written', 'create:before-add'],
    target: null,
  },
  {
    // The steps every new idea's file takes, an adoption's too (writeNewIdea in src/io/idea-write.ts; an adoption
    // that fails at either leaves the registry as it was, in test/e2e/spread.test.ts).
    name: 'new --commit',
    args: ['new', '--no-input', '--title', 'Efter ett avbrott', '--commit'],
    steps: ['write:temp-written', 'create:before-add', 'create:before-commit'],
    target: null,
  },
  {
    name: 'move',
    args: ['move', ID, 'parked', '--by', 'Test'],
    steps: MOVE_STEPS,
    target: { to: ideaPath(ID, '90-parkerad'), action: 'moved' },
  },
  {
    name: 'decide with a stage change',
    args: ['decide', ID, '--decision', 'reject', '--reason', 'Finns redan', '--by', 'Idérådet'],
    steps: MOVE_STEPS,
    target: { to: ideaPath(ID, '99-avslagen'), action: 'moved' },
  },
  {
    name: 'decide in place',
    args: ['decide', ID, '--decision', 'return', '--reason', 'Skriv en testplan', '--by', 'Idérådet'],
    steps: REWRITE_STEPS,
    target: { to: FROM, action: 'decided' },
  },
  {
    name: 'assign',
    args: ['assign', ID, '--coach', 'Ny Coach'],
    steps: REWRITE_STEPS,
    target: { to: FROM, action: 'assigned' },
  },
  {
    name: 'import',
    args: ['import', 'rader.csv', '--stage', 'idea'],
    steps: [
      'import:journal-written',
      'import:temp-written@1',
      'import:temp-written@3',
      'import:linked@1',
      'import:linked@2',
      'import:linked@3',
      'import:temps-removed',
      'import:staged',
    ],
    target: null,
  },
];

let template: string | undefined;

/** The example registry with the CSV committed: a copy (its .git included) of one made once, for each test alone. */
function sluice(): string {
  if (template === undefined) {
    const root = makeSluice();
    writeFileSync(path.join(root, 'rader.csv'), CSV);
    git(['add', 'rader.csv'], root);
    git(['commit', '--quiet', '-m', 'csv'], root);
    template = root;
  }
  return copyToTemp(template);
}

/** What git sees in the work tree, ignored files included: nothing may appear that a killed command left. */
function status(root: string): string[] {
  return git(['status', '--porcelain', '--ignored', '-uall'], root)
    .split('\n')
    .filter((l) => l !== '')
    .sort();
}

/** Every file with the idea's id in its front matter, wherever it is. */
function placesOf(root: string, id: string): string[] {
  return [...readTree(root)]
    .filter(([f, text]) => f.endsWith('.md') && new RegExp(`^id: ${id}$`, 'm').test(text))
    .map(([f]) => f);
}

function history(text: string): Record<string, unknown>[] {
  return parseIdeaText(text).data.history as Record<string, unknown>[];
}

function scratch(root: string): string[] {
  const dir = path.join(root, '.git', 'ideas-tmp');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** The idea is whole in exactly one place: untouched where it was, or with exactly one entry more. */
function expectWhole(root: string, c: Case, before: string): 'untouched' | 'changed' {
  const places = placesOf(root, ID);
  expect(places, c.name).toHaveLength(1);
  const text = readFileSync(path.join(root, places[0] as string), 'utf8');
  if (text === before) {
    expect(places[0]).toBe(FROM);
    return 'untouched';
  }
  const entries = history(text);
  expect(entries.slice(0, -1)).toEqual(history(before));
  expect(entries.at(-1)?.action).toBe(c.target?.action);
  return 'changed';
}

function run(root: string, c: Case, env: Record<string, string>): RunResult {
  return ideas(c.args, { cwd: root, env });
}

describe('fault points', () => {
  it('every fault point in the source is killed here or proved elsewhere, and every one listed is reached', () => {
    const inSource = faultPointsInSource();
    const listed = new Set(
      [...CASES, ...RECOVERY_CASES].flatMap((c) => c.steps.map((s) => s.replace(/@\d+$/, ''))).concat(ELSEWHERE),
    );
    expect([...inSource].filter((s) => !listed.has(s)).sort()).toEqual([]);
    expect([...listed].filter((s) => !inSource.has(s)).sort()).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.name} passes every step listed for it, in order`, () => {
      const root = sluice();
      const trace = path.join(root, '.git', 'trace');
      const r = run(root, c, { IDEAS_FAULT_TRACE: trace });
      expect(r.code, describeRun(r)).toBe(0);
      const seen = readFileSync(trace, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ')[1]);
      const count = new Map<string, number>();
      const visits = seen.map((s) => {
        const n = (count.get(s as string) ?? 0) + 1;
        count.set(s as string, n);
        return `${s}@${n}`;
      });
      const wanted = c.steps.map((s) => (/@\d+$/.test(s) ? s : `${s}@1`));
      const at = wanted.map((s) => visits.indexOf(s));
      expect(
        at.filter((i) => i === -1),
        `${wanted.join(', ')} in ${visits.join(', ')}`,
      ).toEqual([]);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    });
  }
});

describe('killed with SIGKILL', () => {
  for (const c of CASES) {
    for (const step of c.steps) {
      it(`${c.name} at ${step}: whole, in one place, nothing stray; the next command finishes it`, () => {
        const root = sluice();
        const before = readTree(root);
        const statusBefore = status(root);
        const killed = run(root, c, { IDEAS_FAULT: `kill:${step}` });
        expect(killed.signal, describeRun(killed)).toBe('SIGKILL');

        // Right after the kill, before any other command: every idea whole, nothing in the work tree but the
        // idea's own paths (or the new ones), nothing that `git add -A` would take that is not an idea.
        const after = readTree(root);
        for (const [f, text] of before) if (f !== FROM || !c.target) expect(after.get(f) ?? text, f).toBe(text);
        const extra = [...after.keys()].filter((f) => !before.has(f));
        for (const f of extra) {
          expect(f, 'a stray file').toMatch(/^ideas\/\d\d-[a-z]+\/[a-z0-9-]+\.md$/);
          expect(parseIdeaText(after.get(f) as string).data.id).toMatch(/^sund-/);
        }
        if (c.target) {
          const state = expectWhole(root, c, before.get(FROM) as string);
          expect(extra.length).toBeLessThanOrEqual(1);
          if (state === 'untouched') expect(status(root)).toEqual(statusBefore);
        }

        // The next command (any, here a validate) finishes a move, stages a change, undoes an import.
        const next = ideas(['validate', '--format', 'json'], { cwd: root });
        const findings = JSON.parse(next.stdout) as { findings: { rule: string; file: string }[] };
        expect(findings.findings.filter((f) => /^(file|front-matter|id)\//.test(f.rule))).toEqual([]);
        const final = readTree(root);
        if (c.name === 'import') {
          expect(final).toEqual(before);
          expect(status(root)).toEqual(statusBefore);
        } else if (c.target) {
          const state = expectWhole(root, c, before.get(FROM) as string);
          const place = placesOf(root, ID)[0] as string;
          if (state === 'changed') {
            expect(place).toBe(c.target.to);
            // Staged as the command would have: nothing left unstaged or untracked.
            expect(git(['diff', '--name-only'], root)).toBe('');
            expect(status(root).filter((l) => !/^[MRAD] /.test(l))).toEqual([]);
          } else expect(status(root)).toEqual(statusBefore);
        } else {
          expect(
            status(root).filter((l) => !/^(A |\?\?) ideas\/01-ide\/sund-[a-z0-9]+-efter-ett-avbrott\.md$/.test(l)),
          ).toEqual(statusBefore);
        }

        // A writing command takes over the lock at once and clears what the killed one left in the git folder.
        const write = ideas(['new', '--no-input', '--title', 'Nästa idé'], { cwd: root });
        expect(write.code, describeRun(write)).toBe(0);
        expect(scratch(root)).toEqual([]);
        expect(existsSync(path.join(root, '.git', 'ideas.lock'))).toBe(false);
      });
    }
  }
});

describe('failing at a fault point', () => {
  for (const c of CASES) {
    for (const step of c.steps.filter((s) => s !== 'lock:releasing')) {
      it(`${c.name} failing at ${step}: exit 2, and everything as it was`, () => {
        const root = sluice();
        const before = readTree(root);
        const statusBefore = status(root);
        const index = git(['ls-files', '--stage'], root);
        const r = run(root, c, { IDEAS_FAULT: step });
        expect(r.code, describeRun(r)).toBe(2);
        expect(r.stderr).toContain(`injected fault at ${step.replace(/@\d+$/, '')}`);
        expect(readTree(root)).toEqual(before);
        expect(status(root)).toEqual(statusBefore);
        expect(git(['ls-files', '--stage'], root)).toBe(index);
        expect(scratch(root)).toEqual([]);
      });
    }
  }
});

/**
 * A recovery killed at each of its steps: the journal stays until the last, and the next command does the recovery
 * again, to the same end as one that was never cut short.
 */
const RECOVERY_CASES = [
  { name: 'move', killedAt: 'move:rewritten', steps: ['recover:renamed', 'recover:done'] },
  { name: 'import', killedAt: 'import:linked@2', steps: ['recover:removed', 'recover:done'] },
];

describe('a recovery killed with SIGKILL', () => {
  for (const rc of RECOVERY_CASES) {
    const c = CASES.find((x) => x.name === rc.name) as Case;
    for (const step of rc.steps) {
      it(`${rc.name} killed at ${rc.killedAt}, its recovery at ${step}: the next command recovers it as once`, () => {
        // What one recovery, never cut short, leaves.
        const once = sluice();
        expect(run(once, c, { IDEAS_FAULT: `kill:${rc.killedAt}` }).signal).toBe('SIGKILL');
        expect(ideas(['validate'], { cwd: once }).code).not.toBe(2);

        const root = sluice();
        expect(run(root, c, { IDEAS_FAULT: `kill:${rc.killedAt}` }).signal).toBe('SIGKILL');
        const cut = ideas(['validate'], { cwd: root, env: { IDEAS_FAULT: `kill:${step}` } });
        expect(cut.signal, describeRun(cut)).toBe('SIGKILL');
        expect(existsSync(path.join(root, '.git', 'ideas-tmp', 'journal.json')), 'the journal kept').toBe(true);
        const again = ideas(['validate'], { cwd: root });
        expect(again.code, describeRun(again)).not.toBe(2);
        expect(existsSync(path.join(root, '.git', 'ideas-tmp', 'journal.json')), 'the journal gone').toBe(false);
        expect(readTree(root)).toEqual(readTree(once));
        expect(status(root)).toEqual(status(once));
        expect(git(['ls-files', '--stage'], root)).toBe(git(['ls-files', '--stage'], once));
      });
    }
  }
});

describe('a move cut short without its journal', () => {
  it('is named by validate with the command that finishes it, and the same move finishes it with no second entry', () => {
    const root = sluice();
    const killed = ideas(['move', ID, 'parked', '--by', 'Test'], {
      cwd: root,
      env: { IDEAS_FAULT: 'kill:move:rewritten' },
    });
    expect(killed.signal).toBe('SIGKILL');
    // As if the journal were lost (the registry copied elsewhere, the git folder cleaned).
    rmSync(path.join(root, '.git', 'ideas-tmp', 'journal.json'));
    const v = ideas(['validate', '--format', 'json'], { cwd: root });
    const findings = JSON.parse(v.stdout) as { findings: { rule: string; file: string; hint: string }[] };
    const finding = findings.findings.find((f) => f.rule === 'history/stage');
    expect(finding?.file).toBe(FROM);
    expect(finding?.hint).toContain(`ideas move ${ID} parked`);
    // Another stage, or a decision, is refused until the move is finished.
    const other = ideas(['move', ID, 'test', '--force'], { cwd: root });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`ideas move ${ID} parked`);
    const text = readFileSync(path.join(root, FROM), 'utf8');
    const again = ideas(['move', ID, 'parked', '--by', 'Test'], { cwd: root });
    expect(again.code, describeRun(again)).toBe(0);
    expect(placesOf(root, ID)).toEqual([ideaPath(ID, '90-parkerad')]);
    expect(readFileSync(path.join(root, ideaPath(ID, '90-parkerad')), 'utf8')).toBe(text);
    expect(git(['diff', '--name-only'], root)).toBe('');
  });
});
