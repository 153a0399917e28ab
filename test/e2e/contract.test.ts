/**
 * The command line's contract with a coordinator and with a script: one error shape (`ideas:` and a hint, or one
 * `error` document with --json, exit 2) for usage errors too; every text, commander's included, in the registry's
 * language; `ideas init` leaves the first commit one command away; and every command a message shows runs as
 * printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as catalogue from '../../src/core/i18n/messages/index.js';
import { shellQuote } from '../../src/core/shell/quote.js';
import { cliEnv, describeRun, ideas, parseJson, shell } from '../helpers/cli.js';
import { ideasInProcess } from '../helpers/in-process.js';
import { freshRegistry, readConfig, stageDir, writeFile } from '../helpers/registry.js';
import { git, makeTempDir, makeTempRepo, readTree, removeTempDirs, stagedFiles } from '../helpers/temp-repo.js';

type Lang = 'sv' | 'en';
const LANGS: Lang[] = ['sv', 'en'];
const USAGE_HINT: Record<Lang, RegExp> = {
  sv: /^Se vad kommandot tar emot med `ideas[^`]* --help`\.$/m,
  en: /^See what the command takes with `ideas[^`]* --help`\.$/m,
};

const registries = {} as Record<Lang, string>;
beforeAll(() => {
  for (const lang of LANGS) registries[lang] = freshRegistry('sundsvall', lang);
});
afterAll(removeTempDirs);

/** Each way commander can refuse a command line, and a word of what its message says in each language. */
const USAGE_ERRORS: { name: string; args: string[]; json?: string[]; says: Record<Lang, RegExp> }[] = [
  {
    name: 'unknown option',
    args: ['list', '--frobnicate'],
    says: { sv: /Okänd flagga --frobnicate/, en: /Unknown option --frobnicate/ },
  },
  { name: 'near miss', args: ['list', '--jsn'], says: { sv: /Menade du --json\?/, en: /Did you mean --json\?/ } },
  {
    name: 'missing argument',
    args: ['show'],
    says: { sv: /Argumentet <id> saknas/, en: /The argument <id> is missing/ },
  },
  {
    name: 'option without value',
    args: ['list', '--stage'],
    json: ['list', '--json', '--stage'],
    says: { sv: /Flaggan --stage saknar/, en: /The option --stage needs/ },
  },
  {
    name: 'mandatory option',
    args: ['decide', 'x'],
    says: { sv: /Flaggan --decision måste/, en: /The option --decision is required/ },
  },
  {
    name: 'too many arguments',
    args: ['show', 'a', 'b'],
    says: { sv: /För många argument/, en: /Too many arguments/ },
  },
  {
    name: 'help for a misspelled command',
    args: ['help', 'lst'],
    says: { sv: /Okänt kommando "lst"\. Menade du list\?/, en: /Unknown command "lst"\. Did you mean list\?/ },
  },
  {
    // The mistake a newcomer makes: a name with a space, unquoted, leaves its second word as an argument.
    name: 'a value with a space, unquoted',
    args: ['new', '--no-input', '--title', 'X', '--set', 'carrier=Anna', 'Berg'],
    says: { sv: /inom citattecken, till exempel --set "carrier=Anna Berg"/, en: /goes in quotes/ },
  },
  {
    name: 'bad choice',
    args: ['validate', '--format', 'xml'],
    says: { sv: /Tillåtna val: pretty/, en: /Allowed choices: pretty/ },
  },
  {
    name: 'unknown command',
    args: ['frobnicate'],
    says: { sv: /Okänt kommando "frobnicate"/, en: /Unknown command "frobnicate"/ },
  },
  {
    name: 'help <unknown>',
    args: ['help', 'frobnicate'],
    says: { sv: /Okänt kommando "frobnicate"/, en: /Unknown command "frobnicate"/ },
  },
  {
    name: 'unknown subcommand',
    args: ['hook', 'frobnicate'],
    says: { sv: /Okänt kommando "frobnicate"/, en: /Unknown command "frobnicate"/ },
  },
];

describe('usage errors: one prefix, the registry language, exit 2', () => {
  it.each(LANGS.flatMap((lang) => USAGE_ERRORS.map((u) => [lang, u.name, u] as const)))(
    '%s registry, %s: ideas: and a hint on stderr, nothing on stdout',
    (lang, _name, u) => {
      const r = ideas(u.args, { cwd: registries[lang] });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^ideas: /);
      expect(r.stderr).not.toMatch(/^error:|^fel:/m);
      expect(r.stderr).toMatch(u.says[lang]);
      expect(r.stderr).toMatch(USAGE_HINT[lang]);
    },
  );

  // In this test's own process (test/helpers/in-process.ts): the same run() the CLI reaches, without a node started
  // for each of twenty command lines; the test after holds it to the spawned CLI's output.
  it.each(LANGS.flatMap((lang) => USAGE_ERRORS.map((u) => [lang, u.name, u] as const)))(
    '%s registry, %s with --json: one error document on stdout, nothing on stderr',
    async (lang, _name, u) => {
      const r = await ideasInProcess(u.json ?? [...u.args, '--json'], { cwd: registries[lang] });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toBe('');
      const doc = parseJson<{ error: { message: string; hint: string } }>(r);
      // The registry the run was in is named, as in every other document.
      expect(doc).toMatchObject({
        schemaVersion: 1,
        kind: 'error',
        registry: { name: expect.any(String), language: lang },
        error: { code: 'USAGE' },
      });
      expect(doc.error.message).toMatch(u.says[lang]);
    },
  );

  it.each(LANGS)('an option before the command it belongs to: the hint puts it after, and that runs (%s)', (lang) => {
    const r = ideas(['--stage', 'idea', 'list'], { cwd: registries[lang] });
    expect(r.code, describeRun(r)).toBe(2);
    const command = /`(ideas list --stage idea)`/.exec(r.stderr)?.[1];
    expect(r.stderr).toMatch(lang === 'sv' ? /skrivs efter det/ : /goes after it/);
    expect(ideas((command ?? '').split(' ').slice(1), { cwd: registries[lang] }).code).toBe(0);
    // An option no command after it has: the usual hint.
    expect(ideas(['--bogus', 'list'], { cwd: registries[lang] }).stderr).toMatch(USAGE_HINT[lang]);
  });

  it.each(LANGS)("the error document in process is the spawned CLI's, byte for byte (%s)", async (lang) => {
    // Three kinds of refusal (commander's option parsing, a required option, a subcommand) are enough to see that
    // the process edge adds nothing: all ten were compared when the in-process runs came in.
    const kinds = ['unknown option', 'mandatory option', 'unknown subcommand'];
    for (const u of USAGE_ERRORS.filter((x) => kinds.includes(x.name))) {
      const args = u.json ?? [...u.args, '--json'];
      const spawned = ideas(args, { cwd: registries[lang] });
      const inProcess = await ideasInProcess(args, { cwd: registries[lang] });
      expect([inProcess.code, inProcess.stdout, inProcess.stderr], u.name).toEqual([
        spawned.code,
        spawned.stdout,
        spawned.stderr,
      ]);
    }
  });

  it('--lang sv outside a registry is Swedish, and --lang en inside a Swedish one is English', () => {
    const outside = makeTempDir();
    expect(ideas(['--lang', 'sv', 'show'], { cwd: outside }).stderr).toMatch(/^ideas: Argumentet <id> saknas/);
    expect(ideas(['--lang', 'en', 'show'], { cwd: registries.sv }).stderr).toMatch(/^ideas: The argument <id>/);
  });

  it('--format json asks for the error document too', () => {
    const r = ideas(['validate', '--format', 'json', '--frobnicate'], { cwd: registries.en });
    expect(r.code).toBe(2);
    expect(parseJson(r)).toMatchObject({ kind: 'error', registry: { language: 'en' } });
  });

  it('an error document names no registry outside one, nor one whose config is the problem', () => {
    const outside = makeTempDir();
    expect(parseJson(ideas(['list', '--json'], { cwd: outside }))).toMatchObject({ kind: 'error', registry: null });
    const broken = makeTempDir();
    fs.cpSync(registries.en, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'ideas.config.yaml'), 'schemaVersion: 1\nstages: nope\n');
    const r = ideas(['list', '--json'], { cwd: broken });
    expect(r.code, describeRun(r)).toBe(2);
    expect(parseJson(r)).toMatchObject({ kind: 'error', registry: null, error: { code: 'CONFIG_INVALID' } });
  });
});

describe('help speaks the registry language, placeholders included', () => {
  it.each([
    [
      'init',
      ['Användning: ideas init [flaggor] [mapp]', '-C, --registry <mapp>', '--lang <språk>', '--ci <leverantör>'],
    ],
    ['', ['Användning: ideas [flaggor] [kommando]', 'help [kommando]', 'validate [flaggor] [sökvägar...]']],
    ['move', ['Användning: ideas move [flaggor] <id> [steg]', 'Globala flaggor:']],
    ['validate', ['(val: pretty, json, github, junit; standard: pretty)']],
  ])('ideas %s --help in Swedish', (cmd, wanted) => {
    const r = ideas([...(cmd ? [cmd] : []), '--help'], { cwd: registries.sv });
    expect(r.code).toBe(0);
    const flat = r.stdout.replace(/\s+/g, ' ');
    for (const w of wanted) expect(flat).toContain(w);
    for (const english of [
      '[options]',
      '<dir>',
      '[command]',
      'Usage:',
      'Options:',
      'Arguments:',
      '(default:',
      '(choices:',
    ])
      expect(r.stdout).not.toContain(english);
  });

  it('and English in an English registry', () => {
    const r = ideas(['init', '--help'], { cwd: registries.en });
    expect(r.stdout).toContain('Usage: ideas init [options] [dir]');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('(choices: github, gitlab, none; default: github)');
  });
});

describe('every command takes --json, and every document names its registry', () => {
  const commands = [
    'init',
    'hook install',
    'hook uninstall',
    'new',
    'list',
    'show',
    'move',
    'decide',
    'assign',
    'review',
    'validate',
    'diff',
    'schema',
    'report',
    'export',
    'site',
    'import',
  ];
  it.each(commands)('ideas %s --help lists --json', (cmd) => {
    expect(ideas([...cmd.split(' '), '--help'], { cwd: registries.en }).stdout).toMatch(/^\s+--json\s/m);
  });

  it.each(LANGS)('ideas schema --json (%s): a schema document, its titles in the registry language', (lang) => {
    const r = ideas(['schema', '--stage', 'test', '--json'], { cwd: registries[lang] });
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<{ registry: { language: string }; schema: { title: string; description: string } }>(r);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      kind: 'schema',
      registry: { language: lang },
      stage: { key: 'test' },
    });
    expect(doc.schema.description).toMatch(
      lang === 'sv' ? /Skapat av `ideas schema --stage test`/ : /Made by `ideas schema --stage test`/,
    );
    // Without --json, the schema itself, for editors.
    const plain = parseJson<{ title: string }>(ideas(['schema', '--stage', 'test'], { cwd: registries[lang] }));
    expect(plain.title).toBe(doc.schema.title);
  });

  it.each([
    ['list', ['list', '--json']],
    ['validate', ['validate', '--json']],
    ['report', ['report', '--json']],
    ['export', ['export', '--json']],
    ['review', ['review', '--dry-run', '--json']],
  ])('%s --json carries registry', (_name, args) => {
    const r = ideas(args, { cwd: registries.sv });
    expect(parseJson(r)).toMatchObject({ schemaVersion: 1, registry: { language: 'sv' } });
  });
});

describe('stages by their labels, history entries from 1', () => {
  it.each([
    ['sv', /Okänt steg "nope"\. Stegen är: Idé, /],
    ['en', /Unknown stage "nope"\. The stages are: Idea, /],
  ] as const)('an unknown stage lists the stages by label (%s)', (lang, says) => {
    const r = ideas(['list', '--stage', 'nope'], { cwd: registries[lang] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(says);
  });

  it.each(LANGS)('a bad history entry is named from 1 (%s)', (lang) => {
    const dir = registries[lang];
    const config = readConfig(dir);
    const rel = path.join(stageDir(config), 'x-1-entry.md');
    writeFile(
      dir,
      rel,
      '---\nid: x-aaaa11\ntitle: T\ncreated: 2026-11-20\nhistory:\n  - date: 2026-11-20\n    action: created\n    to: idea\n  - date: nodate\n    action: decided\n---\n',
    );
    try {
      // In words, not as a path of keys: "Historikpost 2 (date)".
      const said = lang === 'sv' ? 'Historikpost 2 (date)' : 'History entry 2 (date)';
      const r = ideas(['validate', rel], { cwd: dir });
      expect(r.stdout).toContain(said);
      expect(r.stdout).not.toMatch(/history\.\d\.date|post 1 \(date\)|entry 1 \(date\)/);
      const doc = parseJson<{ findings: { message: string }[] }>(ideas(['validate', rel, '--json'], { cwd: dir }));
      expect(doc.findings.map((f) => f.message).join('\n')).toContain(said);
    } finally {
      fs.rmSync(path.join(dir, rel));
    }
  });
});

/** An environment in which git finds no name or e-mail of its own: an empty home, no identity variables. */
function noIdentityEnv(home: string): Record<string, string | undefined> {
  return {
    HOME: home,
    XDG_CONFIG_HOME: home,
    EMAIL: undefined,
    GIT_AUTHOR_NAME: undefined,
    GIT_AUTHOR_EMAIL: undefined,
    GIT_COMMITTER_NAME: undefined,
    GIT_COMMITTER_EMAIL: undefined,
  };
}

describe('ideas init: the first commit holds the sluice', () => {
  it.each(LANGS)(
    'stages exactly its files, keeps the site out of git, and ends with a commit command that runs (%s)',
    (lang) => {
      const repo = makeTempRepo();
      fs.writeFileSync(path.join(repo, 'notes.txt'), 'not ours\n');
      const r = ideas(['init', 'min sluss', '--template', 'minimal', '--lang', lang], { cwd: repo });
      expect(r.code, describeRun(r)).toBe(0);
      const staged = stagedFiles(repo);
      expect(staged).toContain('min sluss/ideas.config.yaml');
      expect(staged).toContain('min sluss/.gitignore');
      expect(staged).toContain('.github/workflows/ideas.yml');
      expect(staged).not.toContain('notes.txt');
      expect(fs.readFileSync(path.join(repo, 'min sluss', '.gitignore'), 'utf8')).toBe('/site/\n');
      const lines = r.stdout.trimEnd().split('\n');
      expect(r.stdout).toContain(`cd 'min sluss'`);
      const last = (lines[lines.length - 1] ?? '').trim();
      expect(last).toBe(
        lang === 'sv'
          ? "git commit -m 'Skapa idéslussen Idésluss'"
          : "git commit -m 'Create the idea registry Idea sluice'",
      );
      const done = shell(last, repo);
      expect(done.code, describeRun(done)).toBe(0);
      expect(git(['status', '--porcelain'], repo)).toBe('?? notes.txt\n');
    },
  );

  it('appends to a .gitignore of its own, once, and never clobbers it', () => {
    const repo = makeTempRepo();
    fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules');
    expect(ideas(['init', '--template', 'minimal'], { cwd: repo }).code).toBe(0);
    expect(fs.readFileSync(path.join(repo, '.gitignore'), 'utf8')).toBe('node_modules\n/site/\n');
    const again = makeTempRepo();
    fs.writeFileSync(path.join(again, '.gitignore'), 'site/\n');
    const r = ideas(['init', '--template', 'minimal', '--json'], { cwd: again });
    expect(parseJson(r)).toMatchObject({ gitignore: 'present', git: { repository: true, staged: true, commit: null } });
    expect(fs.readFileSync(path.join(again, '.gitignore'), 'utf8')).toBe('site/\n');
  });

  it('outside git: nothing staged, and the steps to put it in git run as printed', () => {
    const dir = makeTempDir();
    const r = ideas(['init', '--template', 'minimal', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    const steps = r.stdout
      .slice(r.stdout.indexOf('The folder is not in git yet'))
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .filter(Boolean);
    expect(steps[0]).toBe('git init');
    const env = cliEnv({
      GIT_AUTHOR_NAME: 'A',
      GIT_AUTHOR_EMAIL: 'a@example.invalid',
      GIT_COMMITTER_NAME: 'A',
      GIT_COMMITTER_EMAIL: 'a@example.invalid',
    });
    const done = shell(steps.join(' && '), dir, env);
    expect(done.code, describeRun(done)).toBe(0);
    expect(git(['ls-files'], dir)).toContain('ideas.config.yaml');
  });

  it.each(LANGS)('--commit commits exactly its files (%s)', (lang) => {
    const repo = makeTempRepo();
    fs.writeFileSync(path.join(repo, 'other.txt'), 'x\n');
    git(['add', 'other.txt'], repo);
    const r = ideas(['init', '--template', 'minimal', '--lang', lang, '--commit'], { cwd: repo });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toMatch(
      lang === 'sv' ? /Sparade den första versionen i git \(commit [0-9a-f]+\)/ : /Saved the first version in git/,
    );
    expect(git(['show', '--name-only', '--format=%s', 'HEAD'], repo)).toContain('ideas.config.yaml');
    expect(git(['show', '--name-only', '--format=', 'HEAD'], repo)).not.toContain('other.txt');
    expect(stagedFiles(repo)).toEqual(['other.txt']);
  });

  it.each(LANGS)('--commit outside git is refused before anything is written (%s)', (lang) => {
    const dir = makeTempDir();
    const r = ideas(['--lang', lang, 'init', 'ny', '--template', 'minimal', '--commit'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`git init ny`');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each(LANGS)(
    "--commit without a git identity is refused before anything is written, with git's remedy (%s)",
    (lang) => {
      const dir = makeTempDir();
      git(['init', '-q', '-b', 'main'], dir);
      const home = makeTempDir('ideas-home-');
      const env = noIdentityEnv(home);
      const r = ideas(['--lang', lang, 'init', '--template', 'minimal', '--commit'], { cwd: dir, env });
      // git guesses an identity from the host name on some machines; where it can, --commit may go ahead.
      if (r.code === 0) return;
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toMatch(/^ {2}git config --global user\.email /m);
      expect(r.stderr).toMatch(/^ {2}git config --global user\.name /m);
      expect(fs.readdirSync(dir)).toEqual(['.git']);
      const json = parseJson<{ error: { details: string[] } }>(
        ideas(['--lang', lang, 'init', '--template', 'minimal', '--commit', '--json'], { cwd: dir, env }),
      );
      expect(json.error.details.join('\n')).toContain('git config --global user.email');
    },
  );
});

describe('--commit without a git identity, in every command that commits', () => {
  // user.useConfigOnly: git never guesses a name from the host, so the identity is surely missing.
  const noIdentity = () => {
    const dir = makeTempDir();
    git(['init', '-q', '-b', 'main'], dir);
    git(['config', 'user.useConfigOnly', 'true'], dir);
    expect(ideas(['init', '--template', 'minimal', '--lang', 'sv', '--no-ci'], { cwd: dir }).code).toBe(0);
    const home = makeTempDir('ideas-home-');
    return { dir, env: noIdentityEnv(home) };
  };

  it.each<[string, (id: string) => string[]]>([
    ['new', () => ['new', '--no-input', '--title', 'Lånecykel', '--commit']],
    ['edit', (id) => ['edit', id, '--set', 'title=Lånecyklar', '--commit']],
    ['move', (id) => ['move', id, 'done', '--force', '--no-input', '--commit']],
  ])('%s is refused before anything is written, with git’s remedy', (_name, args) => {
    const { dir, env } = noIdentity();
    const made = ideas(['new', '--no-input', '--title', 'Lånecykel'], { cwd: dir, env });
    expect(made.code, describeRun(made)).toBe(0);
    const id = /ide-[0-9a-z]+/.exec(made.stdout)?.[0] ?? '';
    const before = readTree(dir);
    const r = ideas(['--lang', 'en', ...args(id)], { cwd: dir, env });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('git does not know who you are');
    expect(r.stderr).toMatch(/^ {2}git config --global user\.email /m);
    expect(readTree(dir)).toEqual(before);
  });
});

describe('every command a message shows runs as printed', () => {
  /** Every `ideas …` in backticks, in every message of the catalogue, in both languages. */
  function catalogueCommands(): { key: string; lang: Lang; template: string }[] {
    const out: { key: string; lang: Lang; template: string }[] = [];
    for (const area of Object.values(catalogue))
      for (const [key, text] of Object.entries(area as Record<string, Record<Lang, string>>))
        for (const lang of LANGS)
          for (const m of text[lang].matchAll(/`(ideas(?: [^`]*)?|\{(?:help|command)\})`/g))
            out.push({ key, lang, template: m[1] as string });
    return out;
  }

  it('finds the commands (so that the test below means something)', () => {
    const found = catalogueCommands();
    expect(found.length).toBeGreaterThan(20);
    expect(found.some((c) => c.template.includes('{idArg}'))).toBe(true);
  });

  it.each(LANGS)(
    'each, its params from a %s registry (a file name with an apostrophe), runs through sh without a usage error',
    (lang) => {
      const dir = freshRegistry('sundsvall', lang);
      const config = readConfig(dir);
      const id = 'sund-4k7q2x';
      const file = path.join(stageDir(config), "an idea's file.md");
      writeFile(
        dir,
        file,
        `---\nid: ${id}\ntitle: T\ncreated: 2026-11-20\nhistory:\n  - date: 2026-11-20\n    action: created\n    to: ${config.stages[0]?.key}\n---\n`,
      );
      const params: Record<string, string> = {
        id,
        idArg: shellQuote(id),
        to: shellQuote(config.stages[1]?.key ?? ''),
        file: shellQuote(file),
        reason: shellQuote('Parkeras'),
        help: 'ideas show --help',
        command: 'ideas schema --stage test',
        base: shellQuote('main'),
      };
      const env = cliEnv();
      const tried = new Set<string>();
      for (const { key, template } of catalogueCommands().filter((c) => c.lang === lang)) {
        const command = template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
        expect(command, `${key}: a param the test does not know`).not.toMatch(/\{\w+\}/);
        if (tried.has(command)) continue;
        tried.add(command);
        const r = shell(`${command} </dev/null`, dir, env);
        expect(r.stderr, `${key}: ${command}\n${describeRun(r)}`).not.toMatch(USAGE_HINT[lang]);
        expect(r.code, `${key}: ${command}\n${describeRun(r)}`).not.toBeNull();
      }
      expect(tried.size).toBeGreaterThan(10);
    },
  );

  it.each(['plain', 'a b', "it's", '$HOME', '`date`', 'a;b', '', '-x', 'å ä ö', 'a\nb', '*', '!'])(
    'a quoted word comes back unchanged through sh: %j',
    (word) => {
      expect(shell(`printf '%s' ${shellQuote(word)}`, os.tmpdir()).stdout).toBe(word);
    },
  );
});

describe('one idea document, whichever command prints it', () => {
  const ENTRY_KEYS = [
    'date',
    'action',
    'from',
    'to',
    'by',
    'note',
    'decision',
    'amount',
    'forced',
    'conflicts',
    'field',
    'old',
    'new',
    'source',
  ].sort();

  it('every history entry has every key, null where the entry has none; each writing command says whether it staged', () => {
    const dir = freshRegistry('minimal', 'en', { git: true });
    const run = (args: string[]) => {
      const r = ideas([...args, '--json'], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(0);
      return parseJson<Record<string, unknown> & { idea: { id: string; history: Record<string, unknown>[] } }>(r);
    };
    const created = run(['new', '--no-input', '--title', 'Lånecyklar', '--by', 'Kim']);
    const id = created.idea.id;
    const assigned = run(['assign', id, '--coach', 'Coach One', '--by', 'Kim']);
    const moved = run(['move', id, 'doing', '--by', 'Kim']);
    const edited = run(['edit', id, '--set', 'unit=Gatukontoret', '--by', 'Kim']);
    for (const doc of [created, assigned, moved, edited]) {
      expect(doc.staged).toBe(true);
      for (const entry of doc.idea.history) expect(Object.keys(entry).sort()).toEqual(ENTRY_KEYS);
    }
    const change = (doc: Record<string, unknown>) => doc.change as Record<string, unknown>;
    expect(Object.keys(change(moved).entry as object).sort()).toEqual(ENTRY_KEYS);
    expect(change(assigned).fields).toEqual([{ field: 'coach', old: null, new: 'Coach One' }]);
    expect(change(assigned).changes).toEqual(change(assigned).fields);

    const shown = run(['show', id]).idea.history;
    expect(shown.find((e) => e.action === 'assigned')).toMatchObject({ field: 'coach', old: null, new: 'Coach One' });
    expect(shown.find((e) => e.action === 'moved')).toMatchObject({
      from: 'idea',
      to: 'doing',
      note: null,
      field: null,
    });
  });
});
