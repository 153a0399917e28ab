/**
 * End to end, in a Swedish and an English registry made by `ideas init --template sundsvall`: the leftovers of a
 * coordinator's first week (issue 14) that a tour found. Who did a change is recorded as `ideas new` records it;
 * screens show labels, never keys.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, ok, parseJson, shell } from '../helpers/cli.js';
import { cloneRegistry, initRegistry, readIdeaFile, type Lang } from '../helpers/registry.js';
import { git, removeTempDirs } from '../helpers/temp-repo.js';
import { appendEntry } from '../helpers/idea-edit.js';

const LANGS: Lang[] = ['sv', 'en'];
const registries = {} as Record<Lang, string>;
beforeAll(() => {
  for (const lang of LANGS) registries[lang] = initRegistry('sundsvall', lang);
});
afterAll(removeTempDirs);

/** A new idea in the first stage with what the gate to refinement asks for but the coach; its id. */
function newIdea(dir: string, extra: string[] = [], env: Record<string, string | undefined> = {}): string {
  const r = ok(
    ideas(
      [
        'new',
        '--title',
        'Läxhjälp på biblioteket',
        '--set',
        'carrier=Leila Haddad',
        '--set',
        'unit=Vård och omsorg',
        '--set',
        'challenge=valfard',
        ...extra,
        '--json',
      ],
      { cwd: dir, env },
    ),
  );
  return parseJson<{ idea: { id: string } }>(r).idea.id;
}

/** The idea's file, wherever it stands now, relative to the registry. */
function fileOf(dir: string, id: string): string {
  for (const f of readdirSync(path.join(dir, 'ideas'), { recursive: true, encoding: 'utf8' })) {
    const rel = f.split(path.sep).join('/');
    if (path.basename(rel).startsWith(`${id}-`)) return `ideas/${rel}`;
  }
  throw new Error(`no file for ${id}`);
}

/** git as the user's machine has it when it knows nobody: no global or system configuration. */
const NO_IDENTITY = { GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1', HOME: os.tmpdir() };

describe.each(LANGS)('in a registry in %s', (lang) => {
  it('move, edit and assign record who did it as new does: --by, else git user.name, else nobody', () => {
    const dir = cloneRegistry(registries[lang]);
    const id = newIdea(dir);
    ok(ideas(['assign', id, '--coach', 'Lo Ek'], { cwd: dir }));
    ok(ideas(['edit', id, '--set', 'carrier=Kim Berg'], { cwd: dir }));
    ok(ideas(['move', id, 'parked'], { cwd: dir }));
    ok(ideas(['assign', id, '--coach', 'Mo Lind', '--by', 'Sam Ek'], { cwd: dir }));
    const history = readIdeaFile(dir, fileOf(dir, id)).data.history as Record<string, unknown>[];
    expect(history.map((e) => [e.action, e.by])).toEqual([
      ['created', 'E2E Test'],
      ['assigned', 'E2E Test'],
      ['assigned', 'E2E Test'],
      ['moved', 'E2E Test'],
      ['assigned', 'Sam Ek'],
    ]);

    // A machine where git knows nobody: the same commands work, and their entries name nobody.
    git(['config', '--unset', 'user.name'], dir);
    const other = newIdea(dir, [], NO_IDENTITY);
    ok(ideas(['assign', other, '--coach', 'Lo Ek'], { cwd: dir, env: NO_IDENTITY }));
    ok(ideas(['edit', other, '--set', 'carrier=Kim Berg'], { cwd: dir, env: NO_IDENTITY }));
    ok(ideas(['move', other, 'parked'], { cwd: dir, env: NO_IDENTITY }));
    const entries = readIdeaFile(dir, fileOf(dir, other)).data.history as Record<string, unknown>[];
    expect(entries.map((e) => e.action)).toEqual(['created', 'assigned', 'assigned', 'moved']);
    for (const e of entries) expect(e).not.toHaveProperty('by');
  });

  it('show, review, edit and decide name a challenge, a field and yes or no in words, never by key', () => {
    const W = {
      sv: { challenge: 'Framtidens välfärd', support: 'Närmsta chef stödjer idén', yes: 'ja', none: '(inte angivet)' },
      en: {
        challenge: 'The welfare of the future',
        support: 'The nearest manager supports the idea',
        yes: 'yes',
        none: '(not given)',
      },
    }[lang];
    const dir = cloneRegistry(registries[lang]);
    const id = newIdea(dir);
    // A field of a later gate filled in early; what edit says it changed, by label.
    const edited = ok(ideas(['edit', id, '--set', 'manager_support=ja', '--set', 'coach=Lo Ek'], { cwd: dir }));
    expect(edited.stderr).toContain(W.support);
    expect(edited.stderr).not.toMatch(/manager_support|(?:: |, )coach\b/);
    // A council field set to yes, and one unset, in the history as an assignment.
    appendEntry(path.join(dir, fileOf(dir, id)), {
      date: '2026-12-01',
      action: 'assigned',
      field: 'manager_support',
      new: true,
    });
    appendEntry(path.join(dir, fileOf(dir, id)), {
      date: '2026-12-01',
      action: 'assigned',
      field: 'unit',
      new: 'null',
    });
    const show = ok(ideas(['show', id], { cwd: dir })).stdout;
    expect(show).toContain(W.challenge);
    expect(show).not.toMatch(/valfard|manager_support:|\btrue\b|\bfalse\b/);
    expect(show).toMatch(new RegExp(`${W.support}:\\s+${W.yes}`));
    expect(show).toContain(`${W.support} ${lang === 'sv' ? 'satt till' : 'set to'} ${W.yes}`);
    expect(show).toContain(`${lang === 'sv' ? 'satt till' : 'set to'} ${W.none}`);
    // The agenda's gate list, and show's, name the challenge by its label.
    const agenda = ok(ideas(['review', '--dry-run'], { cwd: dir })).stdout;
    expect(agenda).toContain(W.challenge);
    expect(agenda).not.toMatch(/^\s+valfard$/m);
    // Filled in before a decision: in words.
    const decided = ok(
      ideas(['decide', id, '-d', 'approve', '-r', 'Bra', '--set', 'challenge=klimat', '--to', 'refinement'], {
        cwd: dir,
      }),
    );
    expect(decided.stderr).not.toMatch(/klimat|valfard/);
  });

  it('an empty agenda names the stages where ideas wait, with a command for each that runs as printed', () => {
    const dir = cloneRegistry(registries[lang]);
    const waiting = newIdea(dir);
    const parked = newIdea(dir);
    ok(ideas(['move', parked, 'parked'], { cwd: dir }));
    const r = ok(ideas(['review', '--dry-run'], { cwd: dir }));
    expect(r.stdout).toContain(lang === 'sv' ? 'Idé (1), Parkerad (1)' : 'Idea (1), Parked (1)');
    const commands = r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('ideas '));
    expect(commands).toHaveLength(2);
    // Each names its stage by its label, and shows the idea waiting there.
    for (const [command, id] of [
      [commands[0], waiting],
      [commands[1], parked],
    ] as const) {
      expect(command).toMatch(lang === 'sv' ? /--stage ('idé'|parkerad)$/ : /--stage (idea|parked)$/);
      // Pasted into a shell as the user would, with this build's `ideas` on the PATH.
      const run = shell(command ?? '', dir);
      expect(run.code, describeRun(run)).toBe(0);
      expect(run.stdout).toContain(id);
    }
  });
});
