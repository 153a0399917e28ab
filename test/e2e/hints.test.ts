/**
 * Every command a message shows runs as printed, in the situation that prints it. Each message of the catalogue
 * that shows a command (in backticks, in double quotes, or as a {command}, {example} or {help} it is given) has a
 * situation here: a registry made to print it, the command line that prints it, and what the commands it prints
 * must then do when pasted into sh where the user stands: succeed (exit 0), find the problem the message is about
 * (exit 1), or, for a command that asks its questions at a terminal, say that it needs one (exit 2 with that
 * message, and no other). Any other outcome fails: a usage error, an idea not found, a crash. A message that shows a
 * command and has no situation here fails too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import * as catalogue from '../../src/core/i18n/messages/index.js';
import { describeRun, ideas, ideasAsync, shellAsync } from '../helpers/cli.js';
import { cloneRegistry, initRegistry, readConfig, stageDir, writeFile, type Lang } from '../helpers/registry.js';
import { git, makeTempDir, removeTempDirs } from '../helpers/temp-repo.js';

const LANGS: Lang[] = ['sv', 'en'];
type Texts = Record<Lang, string>;
const messages = Object.assign({}, ...Object.values(catalogue)) as Record<string, Texts>;

/** What a printed command must do, run as printed. */
type Outcome = { code: 0 } | { code: 1 } | { code: 2; says: Record<Lang, RegExp> };
const OK: Outcome = { code: 0 };
const FINDS: Outcome = { code: 1 };
/** The interactive commands, off a terminal: each says what it needs, and that is all it may say. */
const ASKS_TITLE: Outcome = { code: 2, says: { sv: /Obligatoriska svar saknas/, en: /Required answers are missing/ } };
const ASKS_STAGE: Outcome = { code: 2, says: { sv: /Ange vart idén ska/, en: /Say where the idea goes/ } };
const ASKS_EDIT: Outcome = { code: 2, says: { sv: /Inget att ändra i/, en: /Nothing to change in/ } };
/** A decision's reason left as the example's placeholder: refused, asking for the council's own words. */
const ASKS_REASON: Outcome = {
  code: 2,
  says: {
    sv: /är exemplets platshållare, inte rådets motivering/,
    en: /is the example's placeholder, not the council's reason/,
  },
};

interface Context {
  dir: string;
  config: ReturnType<typeof readConfig>;
  /** A stage's folder, relative to the registry. */
  folder: (key: string) => string;
}

interface Situation {
  name: string;
  /** The catalogue keys it prints. */
  keys: string[];
  /** Makes the situation in a copy of the registry; returns the folder to work in (the registry's by default). */
  setup?: (c: Context) => string | void;
  /** The command lines that print the messages. */
  provoke: string[][];
  /** Where the commands are in the output, when not in backticks or double quotes: a regex with one group. */
  extract?: RegExp;
  /** The commands run where the provoking commands left things (a next step), not in a fresh copy of the setup. */
  after?: boolean;
  /** What each printed command must do: the first whose pattern matches the command. */
  outcomes: [RegExp, Outcome][];
}

const ID = 'sund-4k7q2x';
const NO_COACH = 'sund-n0c0ac';

/** An idea file in a stage's folder, with the fields given (YAML) and a history that starts it in `start`. */
function idea(id: string, start: string, fields: string[] = [], extraHistory: string[] = []): string {
  return [
    '---',
    `id: ${id}`,
    `title: Idé ${id}`,
    'created: 2026-10-01',
    'carrier: Kim Berg',
    'unit: Kultur',
    'challenge: klimat',
    ...fields,
    'history:',
    '  - date: 2026-10-01',
    '    action: created',
    `    to: ${start}`,
    ...extraHistory,
    '---',
    '',
    'Text.',
    '',
  ].join('\n');
}

const fileName = (id: string) => `${id}-ide.md`;
const moved = (from: string, to: string, extra: string[] = []) => [
  '  - date: 2026-10-02',
  '    action: moved',
  `    from: ${from}`,
  `    to: ${to}`,
  ...extra,
];
/** Moves an idea's file to another stage's folder by hand, with the text given, as a pull request might. */
function rewrite(c: Context, id: string, stage: string, text: string): void {
  fs.rmSync(path.join(c.dir, c.folder('idea'), fileName(id)));
  writeFile(c.dir, `${c.folder(stage)}/${fileName(id)}`, text);
}

const SITUATIONS: Situation[] = [
  { name: 'a usage error', keys: ['hint.usage'], provoke: [['list', '--frobnicate']], outcomes: [[/./, OK]] },
  {
    name: 'a field given as an option of its own',
    keys: ['hint.optionAsSet'],
    provoke: [['edit', ID, '--title', 'Ny titel']],
    outcomes: [[/./, OK]],
  },
  {
    name: 'an option before the command it belongs to',
    keys: ['hint.optionAfterCommand'],
    provoke: [['--stage', 'idea', 'list']],
    outcomes: [[/./, OK]],
  },
  {
    name: "the schema's description",
    keys: ['schema.description', 'schema.descriptionBase'],
    provoke: [['schema', '--stage', 'test'], ['schema']],
    outcomes: [[/./, OK]],
  },
  {
    name: 'no registry',
    keys: ['hint.notRegistry'],
    setup: () => makeTempDir(),
    provoke: [['list']],
    outcomes: [[/./, OK]],
  },
  {
    name: 'a hook for a registry outside git',
    keys: ['hint.notGitRepo'],
    setup: (c) => fs.rmSync(path.join(c.dir, '.git'), { recursive: true }),
    provoke: [['hook', 'install']],
    outcomes: [[/^git init$/, OK]],
  },
  {
    name: 'no region',
    keys: ['hint.notRegion'],
    setup: () => makeTempDir(),
    provoke: [['region', 'list']],
    outcomes: [[/^ideas region init$/, OK]],
  },
  {
    name: 'a new region',
    keys: ['region.init.next'],
    setup: () => makeTempDir(),
    provoke: [['region', 'init']],
    after: true,
    outcomes: [[/^ideas region sync$/, OK]],
  },
  {
    name: 'a member added to a region',
    keys: ['region.add.next'],
    // The region and, in a folder of its own beside the region's file, a member registry (a copy of this test's).
    setup: (c) => {
      const dir = makeTempDir();
      git(['init', '-q', '-b', 'main'], dir);
      writeFile(dir, 'ideas.region.yaml', 'schemaVersion: 1\nname: Region\nlanguages: [sv, en]\nmembers: []\n');
      fs.cpSync(c.dir, path.join(dir, 'medlem'), { recursive: true });
      return dir;
    },
    provoke: [['region', 'add', 'medlem', './medlem', '--name', 'Medlemmen']],
    after: true,
    outcomes: [[/^ideas region sync --member medlem$/, OK]],
  },
  {
    name: 'a member added twice',
    keys: ['err.regionAddExists'],
    setup: memberInRegion,
    provoke: [['region', 'add', 'medlem', './medlem', '--name', 'Medlemmen']],
    outcomes: [[/^ideas region remove medlem$/, OK]],
  },
  {
    name: 'a member removed',
    keys: ['region.remove.undo'],
    setup: memberInRegion,
    provoke: [['region', 'remove', 'medlem']],
    after: true,
    outcomes: [[/^ideas region add medlem \.\/medlem --name Medlemmen$/, OK]],
  },
  {
    name: 'a region never synced',
    keys: ['hint.regionNeverSynced'],
    setup: () => region(false),
    provoke: [['region', 'show', ID]],
    // Its members are the two registries of this test, whose ids clash: a sync finds that (exit 1) and keeps them.
    outcomes: [[/^ideas region sync$/, FINDS]],
  },
  {
    name: 'an idea the region does not have, and one two members have',
    keys: ['hint.regionIdeaNotFound', 'hint.regionAmbiguous'],
    setup: () => region(true),
    provoke: [
      ['region', 'show', 'sund-zzzzzz'],
      ['region', 'show', ID],
    ],
    outcomes: [
      [/^ideas region list$/, OK],
      [/^ideas region sync$/, FINDS],
      [/^ideas region show \S+:\S+$/, OK],
    ],
  },
  {
    name: 'a package spec init cannot use',
    keys: ['hint.packageSpec'],
    setup: () => makeTempDir(),
    provoke: [['init', 'ny', '--template', 'minimal', '--package', 'nosuch@@']],
    outcomes: [[/./, OK]],
  },
  { name: 'an idea not found', keys: ['hint.ideaNotFound'], provoke: [['show', 'sund-zzzzzz']], outcomes: [[/./, OK]] },
  {
    name: 'an unreadable idea, from a subfolder',
    keys: ['hint.ideaUnreadableHere'],
    setup: (c) => {
      writeFile(c.dir, `${c.folder('idea')}/sund-trs9k2-trasig.md`, '---\nid: sund-trs9k2\ntitle: [oavslutad\n---\n');
      return path.join(c.dir, c.folder('idea'));
    },
    provoke: [['show', 'sund-trs9k2']],
    outcomes: [[/./, FINDS]],
  },
  {
    name: 'files list cannot read',
    keys: ['out.unreadable'],
    setup: (c) => writeFile(c.dir, `${c.folder('idea')}/sund-trs9k2-trasig.md`, '---\ntitle: [oavslutad\n---\n'),
    provoke: [['list']],
    outcomes: [[/./, FINDS]],
  },
  {
    name: 'a front matter no edit can handle',
    keys: ['err.cannotEdit'],
    setup: (c) =>
      writeFile(
        c.dir,
        `${c.folder('idea')}/${fileName('sund-h1st0r')}`,
        '---\nid: sund-h1st0r\ntitle: T\ncreated: 2026-10-01\nhistory: nej\n---\n',
      ),
    provoke: [['assign', 'sund-h1st0r', '--coach', 'Lo Ek']],
    outcomes: [[/./, FINDS]],
  },
  {
    name: 'nothing to edit, off a terminal',
    keys: ['err.nothingToEdit'],
    provoke: [['edit', ID]],
    outcomes: [[/./, ASKS_EDIT]],
  },
  {
    name: 'a pre-commit hook of its own',
    keys: ['hint.hookForeign'],
    setup: (c) => writeFile(c.dir, '.git/hooks/pre-commit', '#!/bin/sh\nexit 0\n'),
    provoke: [['hook', 'install']],
    outcomes: [[/./, OK]],
  },
  {
    name: 'a move cut short',
    keys: ['hint.unfinishedMove', 'h.historyStageUnfinished'],
    setup: (c) =>
      writeFile(
        c.dir,
        `${c.folder('idea')}/${fileName(ID)}`,
        // As a decide killed after its entry was written leaves it: the council's approval, the rename still to come.
        idea(ID, 'idea', ['coach: Lo Ek'], moved('idea', 'refinement', ['    decision: approve'])),
      ),
    provoke: [['move', ID, 'parked'], ['validate']],
    outcomes: [
      // validate's other way, for a file moved back by hand after a committed move: here, where the move was cut
      // short and git has no commit of it, the idea stands where its folder says already.
      [/^ideas move \S+ idea$/, { code: 2, says: { sv: /står redan i Idé\.$/m, en: /is already in Idea\.$/m } }],
      [/./, OK],
    ],
  },
  {
    name: 'a stage missing from move, off a terminal',
    keys: ['hint.stageMissing'],
    provoke: [['move', ID]],
    extract: /: (ideas move [^\n]*)$/m,
    outcomes: [[/./, OK]],
  },
  {
    name: 'a decision without its reason',
    keys: ['hint.decideReason'],
    provoke: [['decide', ID, '-d', 'approve']],
    extract: /^ {2}(ideas decide [^\n]*)$/m,
    outcomes: [[/./, ASKS_REASON]],
  },
  {
    name: 'an approval into a stage that grants funds, without its amount',
    keys: ['hint.decideAmount'],
    setup: (c) =>
      writeFile(c.dir, `${c.folder('refinement')}/${fileName('sund-b3l0pp')}`, idea('sund-b3l0pp', 'refinement')),
    provoke: [['decide', 'sund-b3l0pp', '-d', 'approve', '-r', 'Bra plan']],
    extract: /^ {2}(ideas decide [^\n]*)$/m,
    // The amount is the council's to give: the placeholder run as printed is refused, and says how to write one.
    outcomes: [
      [
        /./,
        {
          code: 2,
          says: { sv: /Beloppet "<belopp i kr>" är inget tal/, en: /The amount "<amount in kr>" is not a number/ },
        },
      ],
    ],
  },
  {
    name: 'an assignment of no one',
    keys: ['hint.nothingToAssign'],
    provoke: [['assign', ID]],
    outcomes: [[/./, OK]],
  },
  {
    name: 'a closed gate',
    keys: ['gate.fixWith'],
    provoke: [['decide', NO_COACH, '-d', 'approve', '-r', 'Bra']],
    extract: /^\s+(ideas edit [^\n]*)$/m,
    outcomes: [[/./, OK]],
  },
  {
    name: 'a branch that shares no history with main',
    keys: ['hint.noMergeBase'],
    setup: (c) => {
      git(['checkout', '-q', '--orphan', 'elsewhere'], c.dir);
      git(['commit', '-q', '-m', 'the same files, no shared history'], c.dir);
    },
    provoke: [['diff']],
    outcomes: [[/./, OK]],
  },
  {
    name: 'a shallow clone, as CI checks out a pull request',
    keys: ['hint.noMergeBaseShallow'],
    setup: (c) => {
      // main and feature went apart after their fork, which a clone one commit deep does not hold.
      git(['checkout', '-q', '-b', 'feature'], c.dir);
      writeFile(c.dir, 'README.md', 'feature\n');
      git(['add', '-A'], c.dir);
      git(['commit', '-q', '-m', 'feature'], c.dir);
      git(['checkout', '-q', 'main'], c.dir);
      writeFile(c.dir, 'NOTES.md', 'main\n');
      git(['add', '-A'], c.dir);
      git(['commit', '-q', '-m', 'main'], c.dir);
      const shallow = path.join(makeTempDir(), 'clone');
      git(['clone', '-q', '--depth', '1', '--no-single-branch', `file://${c.dir}`, shallow], c.dir);
      git(['checkout', '-q', 'feature'], shallow);
      return shallow;
    },
    provoke: [['diff']],
    outcomes: [[/^git fetch --unshallow$/, OK]],
  },
  {
    name: 'a move into a stage the council decides on',
    keys: ['hint.councilDecides'],
    provoke: [['move', ID, 'refinement']],
    extract: /: (ideas decide [^\n]*?) \(/m,
    outcomes: [[/./, ASKS_REASON]],
  },
  {
    // Not `--to test`, which the council could not take from here either (or only with --force, skipping a stage).
    name: "a move into a council stage the idea's stage does not lead to",
    keys: ['hint.councilNextStep'],
    provoke: [['move', ID, 'test']],
    extract: /(?:med|with) (ideas decide [^\n]*?) \(/m,
    outcomes: [[/./, ASKS_REASON]],
  },
  {
    name: 'an idea in a folder its history does not lead to',
    keys: ['h.historyStage'],
    // Moved by hand into Parkerad: `ideas move` writes that move.
    setup: (c) => rewrite(c, ID, 'parked', idea(ID, 'idea', ['coach: Lo Ek'])),
    provoke: [['validate']],
    outcomes: [[/./, OK]],
  },
  {
    name: 'an idea whose history starts it again in a stage',
    keys: ['h.historyStartAgain'],
    setup: (c) =>
      rewrite(
        c,
        ID,
        'idea',
        idea(ID, 'idea', [], ['  - date: 2026-10-02', '    action: imported', '    to: test', '    source: x.csv']),
      ),
    provoke: [['validate']],
    // Its history leads to Test: the move from there back to Idé that it offers to record is refused, and says why.
    outcomes: [
      [/^ideas move \S+ idea$/, FINDS],
      [/./, ASKS_STAGE],
    ],
  },
  {
    name: 'an empty file, and an id used twice',
    keys: ['h.empty', 'h.duplicateId'],
    setup: (c) => {
      writeFile(c.dir, `${c.folder('idea')}/sund-empty1-tom.md`, '');
      writeFile(c.dir, `${c.folder('idea')}/${ID}-kopia.md`, idea(ID, 'idea'));
    },
    provoke: [['validate']],
    outcomes: [[/./, ASKS_TITLE]],
  },
  {
    name: 'an id two files carry',
    keys: ['hint.ambiguousId'],
    setup: (c) => writeFile(c.dir, `${c.folder('idea')}/${ID}-kopia.md`, idea(ID, 'idea')),
    provoke: [['show', ID]],
    outcomes: [[/./, FINDS]],
  },
  {
    name: 'an import row whose id two files carry',
    keys: ['import.idTwice'],
    setup: (c) => {
      writeFile(c.dir, `${c.folder('idea')}/${ID}-kopia.md`, idea(ID, 'idea'));
      writeFile(c.dir, 'rader.csv', `id,title\n${ID},Idé ${ID}\n`);
    },
    provoke: [['import', 'rader.csv']],
    outcomes: [[/./, FINDS]],
  },
  {
    name: 'an idea standing on an override',
    keys: ['h.criteriaOverridden'],
    setup: (c) =>
      rewrite(c, NO_COACH, 'refinement', idea(NO_COACH, 'idea', [], moved('idea', 'refinement', ['    forced: true']))),
    provoke: [['validate']],
    outcomes: [[/./, FINDS]],
  },
  {
    name: 'a pull request that breaks the rules of the sluice',
    keys: [
      'h.ideaStart',
      'h.historyDate',
      'h.moveGateClosed',
      'h.moveNotNext',
      'h.ideaRemoved',
      'h.idUnreadable',
      'h.diffUnreadable',
    ],
    setup: (c) => {
      // Started in a later stage; an entry from the future; through a closed gate; past a stage; moved without
      // an entry; removed; its id made unreadable; a file that does not read.
      writeFile(c.dir, `${c.folder('refinement')}/${fileName('sund-l4t3r1')}`, idea('sund-l4t3r1', 'refinement'));
      writeFile(
        c.dir,
        `${c.folder('idea')}/${fileName('sund-futur3')}`,
        idea('sund-futur3', 'idea', [], ['  - date: 2999-01-01', '    action: decided', '    decision: return']),
      );
      rewrite(c, NO_COACH, 'refinement', idea(NO_COACH, 'idea', [], moved('idea', 'refinement')));
      rewrite(c, 'sund-sk1pp3', 'test', idea('sund-sk1pp3', 'idea', ['coach: Lo Ek'], moved('idea', 'test')));
      rewrite(c, 'sund-n0h1st', 'refinement', idea('sund-n0h1st', 'idea', ['coach: Lo Ek']));
      fs.rmSync(path.join(c.dir, c.folder('idea'), fileName('sund-r3m0v3')));
      const noId = path.join(c.dir, c.folder('idea'), fileName('sund-n01d00'));
      fs.writeFileSync(noId, fs.readFileSync(noId, 'utf8').replace('id: sund-n01d00', 'id: 42'));
      const broken = path.join(c.dir, c.folder('idea'), fileName('sund-br0k3n'));
      fs.writeFileSync(broken, fs.readFileSync(broken, 'utf8').replace('title: ', 'title: [oavslutad '));
    },
    provoke: [['diff', 'main']],
    outcomes: [
      [/^ideas new$/, ASKS_TITLE],
      [/^ideas move \S+( --force)?$/, ASKS_STAGE],
      [/^ideas edit \S+$/, ASKS_EDIT],
      [/^ideas validate$/, FINDS],
      [/^git checkout .* && ideas decide /, OK],
    ],
  },
  {
    name: 'a pull request with ideas moved by hand, past a closed gate and on from where the history says',
    keys: ['h.moveNoHistory', 'h.moveGateClosedByHand', 'h.moveMismatch'],
    setup: (c) => {
      // Two ideas in Test at the base. In the change, one is moved by hand into Utvärdering, whose gate it does not
      // pass; the other is given an entry into Utvärdering, then moved by hand on into Parkerad.
      const [moved1, moved2] = ['sund-t3st01', 'sund-t3st02'];
      for (const id of [moved1, moved2])
        writeFile(c.dir, `${c.folder('test')}/${fileName(id)}`, idea(id, 'test', ['coach: Lo Ek']));
      git(['add', '-A'], c.dir);
      git(['commit', '-q', '-m', 'two ideas in Test'], c.dir);
      const at = (id: string, stage: string) => path.join(c.dir, c.folder(stage), fileName(id));
      fs.renameSync(at(moved1, 'test'), at(moved1, 'evaluation'));
      fs.rmSync(at(moved2, 'test'));
      writeFile(
        c.dir,
        `${c.folder('parked')}/${fileName(moved2)}`,
        idea(moved2, 'test', ['coach: Lo Ek'], moved('test', 'evaluation')),
      );
    },
    provoke: [['diff', 'main']],
    outcomes: [
      [/^ideas move \S+ evaluation$/, FINDS],
      [/^ideas move \S+ evaluation --force$/, OK],
      [/^ideas move \S+ parked$/, OK],
    ],
  },
  {
    name: 'a pull request with an idea moved by hand past a stage',
    keys: ['h.moveNotNextByHand'],
    setup: (c) => {
      const at = (stage: string) => path.join(c.dir, c.folder(stage), fileName(ID));
      fs.renameSync(at('idea'), at('evaluation'));
    },
    provoke: [['diff', 'main']],
    outcomes: [
      // move/missing-history's own hint, refused here as a move past a stage (the gate is closed: exit 1).
      [/^ideas move \S+ evaluation$/, FINDS],
      [/^ideas move \S+ evaluation --force$/, OK],
    ],
  },
  {
    name: "a pull request that changes an idea's id in its file",
    keys: ['h.idChanged'],
    setup: (c) => {
      const file = path.join(c.dir, c.folder('idea'), fileName(ID));
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(`id: ${ID}`, `id: ${ID}x`));
    },
    provoke: [['diff', 'main']],
    outcomes: [[/^git checkout /, OK]],
  },
  {
    name: 'a pull request that gives an id to another idea',
    keys: ['h.idReused'],
    setup: (c) =>
      writeFile(
        c.dir,
        `${c.folder('idea')}/${fileName('sund-r3m0v3')}`,
        idea('sund-r3m0v3', 'idea').replace(/2026-10-01/g, '2026-11-11'),
      ),
    provoke: [['diff', 'main']],
    outcomes: [[/^ideas new$/, ASKS_TITLE]],
  },
];

/**
 * Keys whose commands are not hints to run: comments in files the product writes, which name the program (the
 * config's) or say what the file does (the pre-commit hook's, whose commands test/e2e/hook.test.ts runs).
 */
const NOT_HINTS = (key: string) => key === 'init.comment.config' || key === 'hook.about';

/** The first words of the commands of `ideas`: `ideas import: …` in a text quoted from a schema is no command. */
const COMMAND_WORDS = new Set(COMMANDS.map((c) => c.path[0]));

/** Whether a quoted text is a command a user would run: git, or `ideas` with a command of its own or a flag. */
function isCommand(text: string): boolean {
  const [program, word] = text.trim().split(/\s+/);
  if (program === 'git') return true;
  return program === 'ideas' && (word === undefined || word.startsWith('-') || COMMAND_WORDS.has(word));
}

/** Whether a message shows a command: in backticks or double quotes, or a hint's command given as a parameter. */
function showsCommand(key: string, text: string): boolean {
  if (/`(ideas|git)\b[^`]*`|`\{(command|help)\}`|"ideas [^"]*"/.test(text)) return true;
  return key.startsWith('hint.') && /\{(command|example)\}/.test(text);
}

/** The commands in a run's output: in backticks or double quotes, or as the situation's pattern finds them. */
function printedCommands(output: string, extract?: RegExp): string[] {
  const found = extract
    ? [...output.matchAll(new RegExp(extract.source, `${extract.flags.replace('g', '')}g`))].map((m) => m[1] ?? '')
    : [
        // Within a line: a command broken over two lines would not run as printed.
        ...[...output.matchAll(/`((?:ideas|git)\b[^`\n]*)`/g)].map((m) => m[1] ?? ''),
        ...[...output.matchAll(/"(ideas [^"\n]*)"/g)].map((m) => m[1] ?? ''),
      ];
  return [...new Set(found.map((c) => c.trim()).filter(isCommand))];
}

/** Text with its runs of white space made one space: a screen may wrap a message anywhere. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The longest literal stretch of a message, to see that a run printed it whatever its parameters. */
function literal(text: string): string {
  return (
    text
      .split(/\{[^}]*\}|`[^`]*`|"[^"]*"/)
      .map((s) => flat(s).trim())
      .sort((a, b) => b.length - a.length)[0] ?? ''
  );
}

const registries = {} as Record<Lang, string>;
/** A region with one member, a copy of this test's registry in a folder of its own beside the region's file. */
function memberInRegion(c: Context): string {
  const dir = makeTempDir();
  git(['init', '-q', '-b', 'main'], dir);
  writeFile(
    dir,
    'ideas.region.yaml',
    'schemaVersion: 1\nname: Region\nlanguages: [sv, en]\nmembers:\n  - id: medlem\n    name: Medlemmen\n    url: ./medlem\n',
  );
  fs.cpSync(c.dir, path.join(dir, 'medlem'), { recursive: true });
  return dir;
}

/** A region whose members are the two registries above, synced once. */
let syncedRegion = '';

/** A region of this test's registries, in a git repository of its own: synced (a copy of one), or never. */
function region(synced: boolean): string {
  if (synced) return cloneRegistry(syncedRegion);
  const dir = makeTempDir();
  git(['init', '-q', '-b', 'main'], dir);
  const members = LANGS.map(
    (lang, i) => `  - id: ${lang}\n    name: ${lang}\n    municipality: "149${i}"\n    url: ${registries[lang]}\n`,
  );
  writeFile(
    dir,
    'ideas.region.yaml',
    `schemaVersion: 1\nname: Region\nlanguages: [sv, en]\nmembers:\n${members.join('')}`,
  );
  return dir;
}

beforeAll(() => {
  for (const lang of LANGS) {
    const dir = initRegistry('sundsvall', lang);
    const config = readConfig(dir);
    const first = stageDir(config, 'idea');
    writeFile(dir, `${first}/${fileName(ID)}`, idea(ID, 'idea', ['coach: Lo Ek']));
    for (const id of ['sund-sk1pp3', 'sund-n0h1st', 'sund-r3m0v3', 'sund-n01d00', 'sund-br0k3n'])
      writeFile(dir, `${first}/${fileName(id)}`, idea(id, 'idea', ['coach: Lo Ek']));
    writeFile(dir, `${first}/${fileName(NO_COACH)}`, idea(NO_COACH, 'idea'));
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'base'], dir);
    registries[lang] = dir;
  }
  syncedRegion = region(false);
  // Exit 1: the members' ids clash, which is what the situations of an ambiguous id need.
  const sync = ideas(['region', 'sync'], { cwd: syncedRegion, timeoutMs: 60_000 });
  if (sync.code !== 1) throw new Error(`region sync: ${describeRun(sync)}`);
});
afterAll(removeTempDirs);

describe('every command a message shows runs as printed, in its situation', () => {
  it('has a situation for every message that shows a command', () => {
    const covered = new Set(SITUATIONS.flatMap((s) => s.keys));
    const showing = Object.keys(messages).filter(
      (k) => !NOT_HINTS(k) && LANGS.some((l) => showsCommand(k, messages[k]?.[l] ?? '')),
    );
    expect(showing.length).toBeGreaterThan(25);
    expect(showing.filter((k) => !covered.has(k))).toEqual([]);
    for (const key of covered) expect(messages[key], key).toBeDefined();
  });

  it.concurrent.each(LANGS.flatMap((lang) => SITUATIONS.map((s) => ({ lang, s }))))(
    '$lang: $s.name',
    { timeout: 120_000 },
    async ({ lang, s }) => {
      const dir = cloneRegistry(registries[lang]);
      const config = readConfig(dir);
      const c: Context = { dir, config, folder: (key) => stageDir(config, key) };
      const cwd = s.setup?.(c) ?? dir;
      let output = '';
      for (const argv of s.provoke) {
        // The language named, for the situations outside a registry.
        const r = await ideasAsync(['--lang', lang, ...argv], { cwd, timeoutMs: 60_000 });
        output += `${r.stdout}\n${r.stderr}\n`;
      }
      // The run printed each message the situation is for.
      for (const key of s.keys)
        expect(flat(output), `${key} not printed`).toContain(literal(messages[key]?.[lang] ?? ''));
      const commands = printedCommands(output, s.extract);
      expect(commands.length, output).toBeGreaterThan(0);
      // Each in a copy of the situation, so that one command does not make the next one's situation; side by side.
      const runs = commands.map((command) => {
        const outcome = s.outcomes.find(([pattern]) => pattern.test(command))?.[1];
        expect(outcome, `no outcome for: ${command}`).toBeDefined();
        const again = cloneRegistry(registries[lang]);
        const config2 = readConfig(again);
        const here = s.after
          ? cloneRegistry(cwd)
          : (s.setup?.({ dir: again, config: config2, folder: (key) => stageDir(config2, key) }) ?? again);
        return shellAsync(command, here).then((r) => ({ command, outcome, r }));
      });
      for (const { command, outcome, r } of await Promise.all(runs)) {
        const shown = `${command}\n${describeRun(r)}`;
        expect(r.code, shown).toBe(outcome?.code);
        expect(r.stderr, shown).not.toMatch(/^ {4}at /m);
        if (outcome?.code === 2) expect(r.stderr, shown).toMatch(outcome.says[lang]);
      }
    },
  );
});
