import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, ideasAsync, REPO_ROOT, STACK_LINE, type RunResult } from '../helpers/cli.js';
import { initRegistry } from '../helpers/registry.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

const VERSION = (JSON.parse(fs.readFileSync(`${REPO_ROOT}/package.json`, 'utf8')) as { version: string }).version;

/** The commands the program's own help lists, so that a command added later is covered too. */
function commandsIn(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1]?.split(/\n\n/)[0] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1] as string);
}

let outside: string;
let programHelp: RunResult;
let commands: string[];

beforeAll(() => {
  outside = makeTempDir();
  programHelp = ideas(['--help'], { cwd: outside });
  commands = commandsIn(programHelp.stdout);
});

describe('ideas --help', () => {
  it('exits 0 with usage, the commands, examples and the exit codes on stdout', () => {
    expect(programHelp.code, describeRun(programHelp)).toBe(0);
    expect(programHelp.stderr).toBe('');
    expect(programHelp.stdout).toMatch(/^Usage: ideas/);
    expect(programHelp.stdout).toMatch(/^Examples:$/m);
    expect(programHelp.stdout).toMatch(/\$ ideas /);
    expect(programHelp.stdout).toMatch(/130/);
    expect(commands).toEqual(expect.arrayContaining(['init', 'new', 'list', 'show', 'validate']));
  });

  it('-h is the same', () => {
    expect(ideas(['-h'], { cwd: outside }).stdout).toBe(programHelp.stdout);
  });

  it('is in Swedish with --lang sv, and inside a Swedish registry', () => {
    const sv = ideas(['--lang', 'sv', '--help'], { cwd: outside });
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/^Exempel:$/m);
    const registry = initRegistry('minimal', 'sv', { git: false });
    const inside = ideas(['--help'], { cwd: registry });
    expect(inside.stdout).toMatch(/^Exempel:$/m);
  });
});

describe('ideas <command> --help', () => {
  it('every command: exit 0, its usage, and an Examples section (English and Swedish)', async () => {
    const runs = await Promise.all(
      commands.flatMap((c) => [
        ideasAsync([c, '--help'], { cwd: outside }).then((r) => ({ c, lang: 'en', r, title: /^Examples:$/m })),
        ideasAsync([c, '--help', '--lang', 'sv'], { cwd: outside }).then((r) => ({
          c,
          lang: 'sv',
          r,
          title: /^Exempel:$/m,
        })),
      ]),
    );
    for (const { c, lang, r, title } of runs) {
      expect(r.code, `${c} ${lang}: ${describeRun(r)}`).toBe(0);
      expect(r.stderr, `${c} ${lang}`).toBe('');
      expect(r.stdout, `${c} ${lang}`).toMatch(title);
      if (c !== 'help') expect(r.stdout, `${c} ${lang}`).toMatch(new RegExp(`^(Usage|Användning): ideas ${c}\\b`, 'm'));
      if (c !== 'help') expect(r.stdout, `${c} ${lang}: an example of the command itself`).toContain(`$ ideas ${c}`);
    }
  });

  it('printed without the command line (dist/help.json), it is the text the command line prints, for every command', async () => {
    const catalog = JSON.parse(fs.readFileSync(`${REPO_ROOT}/dist/help.json`, 'utf8')) as {
      texts: Record<'sv' | 'en', Record<string, string>>;
    };
    expect(Object.keys(catalog.texts.en)).toEqual(
      expect.arrayContaining(['', ...commands.filter((c) => c !== 'help'), 'hook install']),
    );
    const locale = { sv: 'sv_SE.UTF-8', en: 'en_GB.UTF-8' } as const;
    const pairs = await Promise.all(
      (['sv', 'en'] as const).flatMap((lang) =>
        Object.keys(catalog.texts[lang]).map(async (p) => {
          const words = p ? p.split(' ') : [];
          // The same request, once as a plain request for help and once with a flag before it, which the fast path leaves alone.
          const [fast, full] = await Promise.all([
            ideasAsync([...words, '--help'], { cwd: outside, env: { LANG: locale[lang] } }),
            ideasAsync(['--lang', lang, ...words, '--help'], { cwd: outside }),
          ]);
          return { p, lang, fast, full };
        }),
      ),
    );
    for (const { p, lang, fast, full } of pairs) {
      expect(fast.code, `${p} ${lang}`).toBe(0);
      expect(full.code, `${p} ${lang}`).toBe(0);
      expect(fast.stdout, `ideas ${p} --help (${lang})`).toBe(full.stdout);
    }
  });

  it('names every placeholder in Swedish in the Swedish help: no <key>, <field=value> or <seconds>', () => {
    const catalog = JSON.parse(fs.readFileSync(`${REPO_ROOT}/dist/help.json`, 'utf8')) as {
      texts: Record<'sv' | 'en', Record<string, string>>;
    };
    // Placeholders that are the same word in both languages, or a name of their own.
    const same = new Set(['id', 'n', 'commit-id', 'format', 'text', 'markdown', 'medlem:id']);
    const english = new Set(
      Object.values(catalog.texts.en).flatMap((text) => [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] as string)),
    );
    for (const [command, text] of Object.entries(catalog.texts.sv))
      for (const [, word] of text.matchAll(/<([^<>\s]+)>/g))
        if (english.has(word as string) && !same.has(word as string))
          expect.unreachable(`ideas ${command} --help in Swedish says <${String(word)}>`);
  });

  it("names adopt's argument by what it is, member:id, in both languages: not git's <ref> or <revision>", () => {
    for (const [lang, usage, arg, missing] of [
      [
        'en',
        'Usage: ideas adopt [options] <member:id>',
        /^ {2}member:id +the region's idea/m,
        'The argument <member:id>',
      ],
      [
        'sv',
        'Användning: ideas adopt [flaggor] <medlem:id>',
        /^ {2}medlem:id +idén i regionen/m,
        'Argumentet <medlem:id>',
      ],
    ] as const) {
      for (const args of [
        ['adopt', '--help'],
        ['help', 'adopt'],
      ]) {
        const r = ideas(['--lang', lang, ...args], { cwd: outside });
        expect(r.code, describeRun(r)).toBe(0);
        expect(r.stdout).toContain(usage);
        expect(r.stdout).toMatch(arg);
        expect(r.stdout).not.toMatch(/<ref>|<revision>/);
      }
      const r = ideas(['--lang', lang, 'adopt'], { cwd: outside });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(missing);
    }
  });

  it('ideas help <command> shows the same as <command> --help', () => {
    expect(ideas(['help', 'list'], { cwd: outside }).stdout).toBe(ideas(['list', '--help'], { cwd: outside }).stdout);
  });
});

describe('ideas --version', () => {
  it.each([['--version'], ['-V']])('%s prints the package.json version', (flag) => {
    const r = ideas([flag], { cwd: outside });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(r.stderr).toBe('');
  });
});

describe('usage errors', () => {
  it.each([
    { name: 'an unknown command', args: ['frobnicate'], says: 'frobnicate' },
    { name: 'an unknown global option', args: ['--frobnicate'], says: '--frobnicate' },
    { name: 'an unknown option of a command', args: ['list', '--frobnicate'], says: '--frobnicate' },
    { name: 'an option without its value', args: ['list', '--stage'], says: '--stage' },
    { name: 'too many arguments', args: ['show', 'a', 'b'], says: 'show' },
    { name: 'an unknown language', args: ['--lang', 'de', 'list'], says: 'de' },
  ])('$name → exit 2, a message on stderr, nothing on stdout', ({ args, says }) => {
    const r = ideas(args, { cwd: outside });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('a near miss suggests the command', () => {
    const r = ideas(['lsit'], { cwd: outside });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('list');
  });

  it('in Swedish with --lang sv', () => {
    const r = ideas(['--lang', 'sv', 'list', '--frobnicate'], { cwd: outside });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ideas: Okänd flagga --frobnicate\./);
  });
});
