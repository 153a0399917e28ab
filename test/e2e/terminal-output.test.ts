/**
 * Terminal output cannot be hijacked: text from idea files, the config and criteria carries escape sequences (CSI,
 * OSC titles, hyperlinks and clipboard writes, DCS), C1 controls, carriage returns and bidirectional overrides, in
 * every place a command shows such text. Every human view of every command must print none of it raw, and show
 * something in its place; the colours the CLI adds itself still work. JSON output is left as it is (JSON escapes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { describeRun, ideas, type RunResult } from '../helpers/cli.js';
import { initRegistry, writeFile } from '../helpers/registry.js';
import { git, removeTempDirs } from '../helpers/temp-repo.js';
import { HAS_TMUX, Terminal } from '../helpers/terminal.js';

afterAll(removeTempDirs);

// In YAML double quotes and JSON: ESC, BEL, C1 CSI, bidi override, carriage return.
const E = '\\x1b';
const TITLE = `"Good${E}[2K${E}[1A${E}[32m approved${E}]0;pwned\\x07${E}]8;;https://evil.example/${E}\\\\here\\x9b2J\\u202etxt"`;
const CARRIER = `"Eve\\u202e\\u2066gnp.exe${E}]52;c;Y3VybA==\\x07"`;
const NOTE = `"ok\\rforged${E}P1$r${E}\\\\"`;
const LABEL = `"Idea${E}]0;title\\x07"`;
const CHALLENGE_LABEL = `"Welfare\\x9d0;t\\x9c"`;
const BODY = `Text\x1b]52;c;ZXZpbA==\x07 and \x1b[8mhidden\x1b[28m\rOverwritten\n\u202eevil\n`;

/** Raw bytes a terminal would act on. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const ACTIVE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
// The CLI's own colours (SGR), which are allowed when colour is on.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const SGR = /\x1b\[[0-9;]*m/g;

function expectSafe(r: RunResult, colour = false): void {
  for (const [name, text] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ] as const) {
    const shown = colour ? text.replace(SGR, '') : text;
    const m = ACTIVE.exec(shown);
    expect(m, `${name} has ${JSON.stringify(m?.[0])} at ${m?.index}: ${describeRun(r)}`).toBeNull();
  }
}

const HOSTILE_NAME = `ideas/01-idea/ide-cccc-\x1b]0;name\x07\u202e.md`;

let dir: string;
beforeAll(() => {
  dir = initRegistry('minimal', 'en');
  const configFile = path.join(dir, 'ideas.config.yaml');
  const config = fs
    .readFileSync(configFile, 'utf8')
    .replace('label: { sv: Idé, en: Idea }', `label: { sv: ${LABEL}, en: ${LABEL} }`);
  fs.writeFileSync(
    configFile,
    `${config}challenges:\n  - id: welfare\n    label: { sv: ${CHALLENGE_LABEL}, en: ${CHALLENGE_LABEL} }\n`,
  );
  writeFile(
    dir,
    'criteria/idea.schema.json',
    JSON.stringify({
      type: 'object',
      properties: {
        unit: { type: 'string', 'x-title': { sv: 'Enhet\u001b[8m', en: 'Unit\u001b[8m' } },
        budget: { type: 'number' },
      },
    }),
  );
  writeFile(
    dir,
    'ideas/01-idea/ide-aaaa-good.md',
    [
      '---',
      'id: ide-aaaa',
      `title: ${TITLE}`,
      'created: 2026-01-15',
      `carrier: ${CARRIER}`,
      `coach: ${CARRIER}`,
      `unit: ${CARRIER}`,
      'challenge: welfare',
      `tags: [${CARRIER}]`,
      'history:',
      '  - date: 2026-01-15',
      '    action: created',
      '    to: idea',
      `    by: ${CARRIER}`,
      `    note: ${NOTE}`,
      '---',
      BODY,
    ].join('\n'),
  );
  writeFile(
    dir,
    'ideas/01-idea/ide-bbbb-bad.md',
    [
      '---',
      'id: ide-bbbb',
      `title: ${TITLE}`,
      'created: 2026-01-15',
      `challenge: ${CARRIER}`,
      `budget: ${TITLE}`,
      `"key${E}]0;k\\x07": 1`,
      '---',
      BODY,
    ].join('\n'),
  );
  writeFile(dir, HOSTILE_NAME, '---\nid: ide-cccc\ntitle: Named\ncreated: 2026-01-15\n---\n');
  git(['add', '-A'], dir);
  git(['commit', '-q', '-m', 'hostile registry'], dir);
  git(['checkout', '-q', '-b', 'change'], dir);
  const good = path.join(dir, 'ideas/01-idea/ide-aaaa-good.md');
  fs.writeFileSync(
    good,
    fs.readFileSync(good, 'utf8').replace(`unit: ${CARRIER}`, `unit: ${NOTE}`).replace('budget', 'x'),
  );
  writeFile(
    dir,
    'ideas/01-idea/ide-dddd-new.md',
    `---\nid: ide-dddd\ntitle: ${TITLE}\ncreated: 2026-01-15\ncarrier: ${CARRIER}\n---\n`,
  );
  git(['add', '-A'], dir);
  git(['commit', '-q', '-m', 'a change'], dir);
});

const COMMANDS: [string, string[]][] = [
  ['list', ['list']],
  ['list --funds', ['list', '--funds']],
  ['show', ['show', 'ide-aaaa']],
  ['show of an idea that has problems', ['show', 'ide-bbbb']],
  ['validate', ['validate']],
  ['validate --format github', ['validate', '--format', 'github']],
  ['diff', ['diff', 'main']],
  ['diff --format github', ['diff', 'main', '--format', 'github']],
  ['review --dry-run', ['review', '--dry-run', '--stage', 'idea']],
  ['report', ['report']],
  // Markdown is printed on terminals too, and read on GitHub, where an override reorders what a reviewer reads.
  ['diff --format md', ['diff', 'main', '--format', 'md']],
  ['report --format md', ['report', '--format', 'md', '--by', 'tags', '--by', 'unit']],
  ['move through a closed gate', ['move', 'ide-bbbb', 'doing']],
  ['show of an id that does not exist', ['show', `ide-x\x1b]0;t\x07\u202e`]],
  ['list of a stage that does not exist', ['list', '--stage', `x\x1b[2J\x9b`]],
  ['an unknown option', ['list', `--x\x1b]0;t\x07`]],
];

describe('every human view prints no control sequence from the registry', () => {
  for (const [name, args] of COMMANDS) {
    it(name, () => {
      const r = ideas(args, { cwd: dir });
      expect(r.code, describeRun(r)).not.toBeNull();
      expectSafe(r);
    });
  }

  it('the text is still shown, made visible', () => {
    const show = ideas(['show', 'ide-aaaa'], { cwd: dir });
    expect(show.code, describeRun(show)).toBe(0);
    expect(show.stdout).toContain('Good␛[2K␛[1A␛[32m approved␛]0;pwned␇');
    expect(show.stdout).toContain('<U+202E>');
    expect(show.stdout).toContain('␛]52;c;ZXZpbA==␇');
    expect(show.stdout).toContain('␍Overwritten');
    expect(show.stdout).toContain('Idea␛]0;title␇');
    expect(show.stdout).toContain('Unit␛[8m');
    const list = ideas(['list'], { cwd: dir });
    expect(list.stdout).toContain('Good␛[2K');
    const validate = ideas(['validate'], { cwd: dir });
    expect(validate.code, describeRun(validate)).toBe(1);
    expect(validate.stdout).toContain('Eve<U+202E><U+2066>gnp.exe␛]52');
  });

  it('with colour on, only the CLI’s own colours are escape sequences', () => {
    for (const args of [['list'], ['show', 'ide-aaaa'], ['validate'], ['diff', 'main'], ['review', '--dry-run']]) {
      const r = ideas(args, { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
      expect(r.stdout + r.stderr, args.join(' ')).toMatch(SGR);
      expectSafe(r, true);
    }
  });

  it('JSON output keeps the text exactly, escaped by JSON', () => {
    const r = ideas(['show', 'ide-aaaa', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toContain('\\u001b[2K');
    const doc = JSON.parse(r.stdout) as { idea: { title: string } };
    expect(doc.idea.title).toContain('\x1b]0;pwned\x07');
  });
});

// A CSV for a file or a program keeps its bytes in a file or a pipe, but typed without `> file` it is shown on the
// terminal, which would obey what a title holds. (Markdown is made safe everywhere: see COMMANDS.)
describe.skipIf(!HAS_TMUX)('a document printed on a terminal', () => {
  const DOCUMENTS: [string, string[]][] = [
    ['export', ['export']],
    ['report --format csv --by tags', ['report', '--format', 'csv', '--by', 'tags']],
  ];
  for (const [name, args] of DOCUMENTS) {
    it(`${name}: the escape sequences are shown, not obeyed; into a pipe the bytes are kept`, async () => {
      const terminal = new Terminal(dir, args);
      try {
        expect(await terminal.exitCode()).toBe(0);
        const screen = terminal.screen();
        expect(screen, screen).toContain('␛]52;c;Y3VybA==␇');
      } finally {
        terminal.kill();
      }
      const piped = ideas(args, { cwd: dir });
      expect(piped.code, describeRun(piped)).toBe(0);
      expect(piped.stdout).toContain('\x1b]52;c;Y3VybA==\x07');
    });
  }
});

describe('GitHub annotations: a title cannot start another workflow command', () => {
  it('newlines, carriage returns and % in a value are encoded, so every command is one line', () => {
    const repo = initRegistry('minimal', 'en', { git: false });
    writeFile(
      repo,
      'ideas/01-idea/ide-eeee-x.md',
      // A challenge value is echoed in its finding's message.
      '---\nid: ide-eeee\ntitle: T\ncreated: 2026-01-15\nbudget: 1\nchallenge: "a\\n::add-mask::secret\\r\\n::stop-commands::x%0A::error::forged%25"\n---\n',
    );
    fs.appendFileSync(
      path.join(repo, 'ideas.config.yaml'),
      'challenges:\n  - id: welfare\n    label: { sv: V, en: W }\n',
    );
    const r = ideas(['validate', '--format', 'github'], { cwd: repo });
    expect(r.code, describeRun(r)).toBe(1);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^\n]*::/);
    expect(r.stdout).not.toMatch(/^::(add-mask|stop-commands)/m);
    expect(r.stdout).toContain('%250A::error::forged%2525');
  });
});

// Found from outside: a line feed in a file name, an argument or a stage label started a line of its own in a
// message, which a CI log may take for a workflow command.
describe('a line break in a value never starts a line of its own in a message', () => {
  const FORGED = /^::error::/m;
  it('an argument, a file name and a stage label, in errors and in what a command says it did', () => {
    const repo = initRegistry('minimal', 'sv');
    const config = fs.readFileSync(path.join(repo, 'ideas.config.yaml'), 'utf8');
    writeFile(
      repo,
      'ideas.config.yaml',
      config.replace(/label: \{ sv: Klar,/, 'label: { sv: "Klar\\n::error::label",'),
    );
    const csv = 'evil\n::error::x.csv';
    writeFile(repo, csv, 'title\nHej\n');
    const runs = [
      ideas(['list', '--stage', 'x\n::error::y'], { cwd: repo }),
      ideas(['list', '--stage', 'nope'], { cwd: repo }),
      ideas(['show', 'x\n::error::y'], { cwd: repo }),
      ideas(['import', 'no\n::error::file.csv'], { cwd: repo }),
      ideas(['import', csv, '--dry-run'], { cwd: repo }),
      ideas(['import', csv], { cwd: repo }),
    ];
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 0, 0]);
    for (const r of runs) {
      expect(r.stdout, describeRun(r)).not.toMatch(FORGED);
      expect(r.stderr, describeRun(r)).not.toMatch(FORGED);
    }
    // The values are still there, on the line of their message, a line break shown as ␊.
    expect(runs[1]?.stderr).toContain('Klar␊::error::label');
    expect(runs[4]?.stderr).toContain('Provkörning av evil␊::error::x.csv:');
    expect(`${runs[5]?.stdout}${runs[5]?.stderr}`).toContain('evil␊::error::x.csv');
  });
});

describe('report --format md: text from idea files is never a link, a ping, an image or HTML', () => {
  it('tags and units that are Markdown, HTML and mentions render as the text they are', () => {
    const tag = '"@octocat <img src=x onerror=alert(1)> ![i](https://x.example/i.png) [l](https://evil.example) #12"';
    writeFile(
      dir,
      'ideas/01-idea/ide-eeee-md.md',
      `---\nid: ide-eeee\ntitle: Md\ncreated: 2026-01-15\nunit: "<b>@org/team</b> www.evil.example"\ntags: [${tag}]\n---\n`,
    );
    const r = ideas(['report', '--format', 'md', '--by', 'tags', '--by', 'unit'], { cwd: dir });
    fs.rmSync(path.join(dir, 'ideas/01-idea/ide-eeee-md.md'));
    expect(r.code, describeRun(r)).toBe(0);
    const html = new MarkdownIt({ html: true, linkify: true }).render(r.stdout);
    expect(html).not.toMatch(/<a |<img|<b>/);
    const plain = html.replace(/<[^>]*>/g, ' ');
    expect(plain).not.toMatch(/(^|[^\w])@[a-z]/i);
    expect(plain).not.toMatch(/#\d/);
    expect(plain.replace(/\u200b/g, '')).toContain('[l](https://evil.example)');
  });
});
