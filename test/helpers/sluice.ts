/**
 * Temp registries for the stage-gate tests: copies of examples/sundsvall in real temp folders, optionally in a real
 * git repository, and a Ctx for running a command on them in-process (spawned runs go through test/helpers/cli.ts).
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ctx, OutputStream } from '../../src/context.js';
import type { Stage } from '../../src/core/sluice/config.js';
import type { Idea } from '../../src/core/sluice/idea.js';
import { findIdea } from '../../src/io/find-idea.js';
import { loadCriteria, loadRegistry, type Criteria, type Registry } from '../../src/io/registry.js';
import { git, useGitHome } from './temp-repo.js';
import { ScriptedPrompter, type ScriptedAnswer } from '../../src/ui/prompter.js';

export const EXAMPLE = fileURLToPath(new URL('../../examples/sundsvall', import.meta.url));

/** The day the in-process tests run on. */
export const TODAY = new Date('2026-11-23T12:00:00Z');

/** The example's ideas the tests use, by id: the file name and the folder it starts in. */
export const IDEA_FILES = {
  'sund-emspzg': { folder: '01-ide', file: 'sund-emspzg-minskat-matsvinn-i-aldreboendenas-kok.md' },
  'sund-njf5rp': { folder: '01-ide', file: 'sund-njf5rp-nattkamera-for-tillsyn-i-anges-hemtjanst.md' },
  'sund-eev2bz': { folder: '02-foradling', file: 'sund-eev2bz-bokbussen-som-servicepunkt-pa-landsbygden.md' },
  'sund-vtkg00': { folder: '02-foradling', file: 'sund-vtkg00-sprakstod-for-nyanstallda-underskoterskor.md' },
  'sund-avmpk4': { folder: '03-test', file: 'sund-avmpk4-digital-tillsyn-i-hemtjansten.md' },
  'sund-0xxk9h': { folder: '04-utvardering', file: 'sund-0xxk9h-mat-matsvinnet-i-skolkoken-med-vag-och-app.md' },
  'sund-ehq9v5': { folder: '05-spridning', file: 'sund-ehq9v5-elcyklar-i-stallet-for-bil-i-hemtjansten.md' },
  'sund-39t1xh': { folder: '90-parkerad', file: 'sund-39t1xh-trygghetsvandringar-med-app-for-felanmalan.md' },
  'sund-31gqyz': { folder: '99-avslagen', file: 'sund-31gqyz-robotgrasklippare-pa-alla-skolgardar.md' },
} as const;

export type ExampleId = keyof typeof IDEA_FILES;

/** An idea's path relative to the registry root, in the folder it starts in or in another. */
export function ideaPath(id: ExampleId, folder: string = IDEA_FILES[id].folder): string {
  return `ideas/${folder}/${IDEA_FILES[id].file}`;
}

export interface SluiceOptions {
  /** Make it a git repository with everything committed (default true). */
  git?: boolean;
  /** Move sund-emspzg and sund-njf5rp into 02-foradling before the first commit, for four ideas in refinement. */
  fourInRefinement?: boolean;
  /**
   * False: no stage is the council's (`council: true` taken out of the config), so that `ideas move` may go where the
   * example's council decides: for tests of how a move works (its gate, --force, filling in, a kill on the way),
   * which idea → refinement shows best. The council's own rule is tested with the example as it is.
   */
  council?: boolean;
}

const made: string[] = [];

/** A copy of examples/sundsvall in a fresh temp folder; removed by `removeSluices`. */
export function makeSluice(opts: SluiceOptions = {}): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ideas-gate-')));
  made.push(root);
  cpSync(EXAMPLE, root, { recursive: true });
  if (opts.council === false) {
    const config = path.join(root, 'ideas.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^ {4}council: true\n/gm, ''));
  }
  if (opts.fourInRefinement) {
    for (const id of ['sund-emspzg', 'sund-njf5rp'] as const)
      renameSync(path.join(root, ideaPath(id)), path.join(root, ideaPath(id, '02-foradling')));
  }
  if (opts.git !== false) {
    git(['init', '--quiet', '-b', 'main'], root);
    git(['config', 'user.name', 'Testare'], root);
    git(['config', 'user.email', 'testare@example.invalid'], root);
    git(['config', 'commit.gpgsign', 'false'], root);
    git(['add', '-A'], root);
    git(['commit', '--quiet', '-m', 'init'], root);
  }
  return root;
}

export function removeSluices(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function read(root: string, rel: string): string {
  return readFileSync(path.join(root, rel), 'utf8');
}

export function exists(root: string, rel: string): boolean {
  return existsSync(path.join(root, rel));
}

/** The front matter's history of an idea file, as the product reads it. */
export function historyIn(root: string, rel: string): Record<string, unknown>[] {
  const registry = loadRegistry(root, 'sv');
  const idea = findIdea(registry, rel);
  return Array.isArray(idea.data.history) ? (idea.data.history as Record<string, unknown>[]) : [];
}

export interface CommandContext {
  ctx: Ctx;
  prompter: ScriptedPrompter;
  stdout: string[];
  stderr: string[];
}

/**
 * A Ctx for running a command in-process. With a script, prompts may be shown and the scripted prompter answers
 * them (failing on any question the script does not expect); without one, stdin is no terminal.
 */
export function commandContext(
  cwd: string,
  script: ScriptedAnswer[] | null = null,
  prompter: ScriptedPrompter = new ScriptedPrompter(script ?? []),
): CommandContext {
  useGitHome();
  const stdout: string[] = [];
  const stderr: string[] = [];
  const sink = (into: string[]): OutputStream => ({ write: (chunk: string) => into.push(chunk), isTTY: false });
  const ctx: Ctx = {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: sink(stdout),
    stderr: sink(stderr),
    stdinIsTTY: script !== null,
    prompter: async () => prompter,
    clock: () => new Date(TODAY),
  };
  return { ctx, prompter, stdout, stderr };
}

/** The example's registry and compiled criteria, read from a copy. */
export function openSluice(root: string): {
  registry: Registry;
  criteria: Map<string, Criteria>;
  stage: (key: string) => Stage;
  idea: (id: string) => Idea;
} {
  const registry = loadRegistry(root, 'sv');
  const criteria = loadCriteria(registry);
  const stage = (key: string) => {
    const found = registry.config.stages.find((s) => s.key === key);
    if (!found) throw new Error(`no stage ${key}`);
    return found;
  };
  return { registry, criteria, stage, idea: (id: string) => findIdea(registry, id) };
}
