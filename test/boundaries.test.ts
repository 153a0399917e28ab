/**
 * The boundaries docs/architecture.md draws, as ESLint enforces them: each case is code a part may not hold, linted
 * as if it were a file of that part, and must be refused; the cases after them are what each part may do, and must
 * pass. A rule that stopped matching (a selector mistyped, a file pattern moved) fails here, not in review.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** The rules that draw the boundaries: a case refused only by another (an unused import) proves nothing. */
const BOUNDARY_RULE = /^(@typescript-eslint\/)?no-restricted-/;

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

/**
 * The file system's calls that change the disk, named here apart from eslint.config.js's list so that a name dropped
 * from it fails: each is refused, imported by a module of io/ that is not a writer.
 */
const WRITE_CALLS = [
  ...['writeFile', 'appendFile', 'rename', 'copyFile', 'cp', 'rm', 'rmdir', 'unlink', 'mkdir', 'mkdtemp', 'symlink']
    .concat(['link', 'truncate', 'ftruncate', 'write', 'writev', 'chmod', 'fchmod', 'lchmod', 'chown', 'fchown'])
    .concat(['lchown', 'utimes', 'futimes', 'lutimes'])
    .flatMap((call) => [call, `${call}Sync`]),
  ...['open', 'createWriteStream', 'WriteStream', 'promises'],
];

const refused: [part: string, file: string, code: string][] = [
  // Every source file in src/ is a .ts file: the rules below match `src/<part>/**/*.ts`, and one of another
  // extension, which tsc or Node would take as well, would escape them all.
  ['src', 'src/core/zz.mts', 'export const a = 1;'],
  ['src', 'src/io/zz.cts', 'export const a = 1;'],
  ['src', 'src/ui/zz.tsx', 'export const a = 1;'],
  ['src', 'src/commands/zz.js', 'export const a = 1;'],
  ['src', 'src/zz.mjs', 'export const a = 1;'],
  ['src', 'src/cli/zz.cjs', ''],
  ['src', 'src/ui/zz.jsx', 'export const a = 1;'],
  // The core: no I/O, no clock, nothing above it.
  ['core', 'src/core/zz.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
  ['core', 'src/core/zz.ts', "import 'fs/promises';"],
  ['core', 'src/core/zz.ts', "import 'node:v8';"],
  ['core', 'src/core/zz.ts', "export const a = () => import('yaml');"],
  ['core', 'src/core/zz.ts', 'export const a = Date.now();'],
  ['core', 'src/core/zz.ts', 'export const a = new Date();'],
  ['core', 'src/core/zz.ts', 'export const a = String(Date());'],
  ['core', 'src/core/zz.ts', 'export const a = performance.now();'],
  ['core', 'src/core/zz.ts', 'export const a = process.env;'],
  ['core', 'src/core/zz.ts', 'export const a = globalThis;'],
  ['core', 'src/core/zz.ts', "export const a = () => fetch('https://example.org');"],
  ['core', 'src/core/zz.ts', 'export const a = () => console.log(1);'],
  ['core', 'src/core/zz.ts', 'export const a = () => setTimeout(() => 1, 1);'],
  ['core', 'src/core/zz.ts', "import type { Ctx } from '../context.js';\nexport type A = Ctx;"],
  ['core', 'src/core/zz.ts', "export type A = import('../context.js').Ctx;"],
  ['core', 'src/core/zz.ts', "export type A = import('../io/registry.js').Registry;"],
  ['core', 'src/core/zz.ts', "import '../launch.js';"],
  ['core', 'src/core/zz.ts', "import '../tools/bundle.js';"],
  ['core', 'src/core/zz.ts', "import { withFlag } from '../io/v8-flags.js';\nexport { withFlag };"],
  ['core', 'src/core/zz.ts', "import chalk from 'chalk';\nexport { chalk };"],
  ['core', 'src/core/zz.ts', "import { setTimeout } from 'node:timers/promises';\nexport { setTimeout };"],
  ['core', 'src/core/zz.ts', "import { performance } from 'node:perf_hooks';\nexport { performance };"],
  ['core', 'src/core/zz.ts', 'export const a = new Intl.DateTimeFormat().format();'],
  ['core', 'src/core/zz.ts', 'export const a = (t: NodeJS.Timeout) => clearTimeout(t);'],
  // Nor randomness, which it is handed as it is the date, nor colours.
  ['core', 'src/core/zz.ts', "import { randomBytes } from 'node:crypto';\nexport const a = randomBytes;"],
  ['core', 'src/core/zz.ts', "import * as c from 'crypto';\nexport const a = () => c.randomUUID();"],
  ['core', 'src/core/zz.ts', 'export const a = () => crypto.getRandomValues(new Uint8Array(4));'],
  ['core', 'src/core/zz.ts', 'export const a = () => Math.random();'],
  ['core', 'src/core/zz.ts', "import { styleText } from 'node:util';\nexport const a = styleText;"],
  [
    'core',
    'src/core/criteria/linear-regexp.ts',
    "import { randomInt } from 'node:crypto';\nexport const a = randomInt;",
  ],
  // The two modules that load a package on first use load that package, by name, and nothing else.
  [
    'core',
    'src/core/front-matter/yaml-package.ts',
    "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const a = () => load('node:fs');",
  ],
  [
    'core',
    'src/core/front-matter/yaml-package.ts',
    "import { createRequire } from 'node:module';\nexport const a = () => createRequire(import.meta.url)('node:fs');",
  ],
  [
    'core',
    'src/core/criteria/linear-regexp.ts',
    "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const a = () => require('../../io/files.js');",
  ],
  // The UI: nothing of files, processes, commands or the wiring.
  ['ui', 'src/ui/zz.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
  ['ui', 'src/ui/zz.ts', "export const a = () => import('node:readline');"],
  ['ui', 'src/ui/zz.ts', "export const a = () => import('node:worker_threads');"],
  ['ui', 'src/ui/zz.ts', "export const a = () => import('../io/files.js');"],
  ['ui', 'src/ui/zz.ts', "export const a = () => import('../commands/list.js');"],
  ['ui', 'src/ui/zz.ts', "const m = '../io/files.js';\nexport const a = () => import(m);"],
  ['ui', 'src/ui/zz.ts', "import type { Ctx } from '../context.js';\nexport type A = Ctx;"],
  ['ui', 'src/ui/zz.ts', "export type A = import('../io/registry.js').Registry;"],
  ['ui', 'src/ui/zz.ts', 'export const a = () => console.error(1);'],
  ['ui', 'src/ui/zz.ts', 'export const a = process.stdout;'],
  ['ui', 'src/ui/zz.ts', 'export const a = new Date();'],
  ['ui', 'src/ui/prompter.ts', "export const a = () => import('node:fs');"],
  ['ui', 'src/ui/zz.ts', "import { input } from '@inquirer/prompts';\nexport { input };"],
  // Every JSON document is built by ui/dto.ts: no other module makes a value a Dto.
  ['ui', 'src/ui/present/zz.ts', "import type { Dto } from '../dto.js';\nexport const a = { kind: 'x' } as Dto;"],
  ['ui', 'src/ui/zz.ts', "import type { Dto } from './dto.js';\nexport const a = (x: unknown) => x as unknown as Dto;"],
  ['ui', 'src/ui/zz.ts', "import type { Dto } from './dto.js';\nexport const a = (x: unknown) => <Dto>x;"],
  // Commands: files, git and programs through io/ only, and never a print.
  ['commands', 'src/commands/zz.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
  ['commands', 'src/commands/zz.ts', "export const a = () => import('node:child_process');"],
  ['commands', 'src/commands/zz.ts', "export const a = () => import('../cli/commands.js');"],
  ['commands', 'src/commands/zz.ts', "import { COMMANDS } from '../cli/commands.js';\nexport { COMMANDS };"],
  ['commands', 'src/commands/zz.ts', "import { run } from '../program.js';\nexport { run };"],
  ['commands', 'src/commands/zz.ts', "import type { Output } from '../cli/spec.js';\nexport type A = Output;"],
  ['commands', 'src/commands/zz.ts', "import { input } from '@inquirer/prompts';\nexport { input };"],
  ['commands', 'src/commands/zz.ts', 'export const a = (ctx: { stdout: unknown }) => ctx.stdout;'],
  ['commands', 'src/commands/zz.ts', "export const a = (ctx: { stdout: unknown }) => ctx['stdout'];"],
  [
    'commands',
    'src/commands/zz.ts',
    'export const a = (ctx: { stderr: unknown }) => {\n  const { stderr } = ctx;\n  return stderr;\n};',
  ],
  [
    'commands',
    'src/commands/zz.ts',
    "import type { Ctx } from '../context.js';\nexport const a = ({ stdout }: Ctx) => stdout.write('x');",
  ],
  ['commands', 'src/commands/zz.ts', 'export const a = process.execPath;'],
  ['commands', 'src/commands/zz.ts', 'export const a = () => console.error(1);'],
  [
    'commands',
    'src/commands/zz.ts',
    "export const a = (ctx: { stderr: { write(s: string): void } }) => ctx.stderr.write('x');",
  ],
  [
    'commands',
    'src/commands/zz.ts',
    "export const a = (ctx: { stdout: { write(s: string): void } }) => ctx.stdout.write('x');",
  ],
  // io/: the core and nothing above it, type imports included, however a module is loaded.
  ['io', 'src/io/zz.ts', "import { runList } from '../commands/list.js';\nexport { runList };"],
  [
    'io',
    'src/io/region/zz.ts',
    "import { runRegionAdd } from '../../commands/region/add.js';\nexport { runRegionAdd };",
  ],
  ['io', 'src/io/zz.ts', "import type { Output } from '../ui/output.js';\nexport type A = Output;"],
  ['io', 'src/io/zz.ts', "import { presentError } from '../ui/present/error.js';\nexport { presentError };"],
  ['io', 'src/io/zz.ts', "export { COMMANDS } from '../cli/commands.js';"],
  ['io', 'src/io/zz.ts', "export * from '../cli/spec.js';"],
  ['io', 'src/io/zz.ts', "import type { Ctx } from '../context.js';\nexport type A = Ctx;"],
  ['io', 'src/io/region/zz.ts', "import { noPromptReason } from '../../context.js';\nexport { noPromptReason };"],
  ['io', 'src/io/zz.ts', "import '../program.js';"],
  ['io', 'src/io/zz.ts', "import '../main.js';"],
  ['io', 'src/io/zz.ts', "import '../launch.js';"],
  ['io', 'src/io/zz.ts', "import '../help-fast.js';"],
  ['io', 'src/io/zz.ts', "import '../tools/bundle.js';"],
  ['io', 'src/io/zz.ts', "import chalk from 'chalk';\nexport { chalk };"],
  ['io', 'src/io/zz.ts', "import { Command } from 'commander';\nexport { Command };"],
  ['io', 'src/io/zz.ts', "import { input } from '@inquirer/prompts';\nexport { input };"],
  ['io', 'src/io/zz.ts', "import { select } from '@inquirer/select';\nexport { select };"],
  ['io', 'src/io/zz.ts', "export const a = () => import('../ui/output.js');"],
  ['io', 'src/io/zz.ts', "export const a = () => import('../commands/list.js');"],
  ['io', 'src/io/zz.ts', "export const a = () => import('../context.js');"],
  ['io', 'src/io/zz.ts', "export const a = () => import('chalk');"],
  ['io', 'src/io/zz.ts', 'export const a = () => import(`@inquirer/prompts`);'],
  ['io', 'src/io/zz.ts', 'export const a = (m: string) => import(m);'],
  ['io', 'src/io/zz.ts', "export type A = import('../ui/output.js').Output;"],
  ['io', 'src/io/zz.ts', "export type A = import('../context.js').Ctx;"],
  ['io', 'src/io/zz.ts', "export type A = import('../cli/spec.js').CommandSpec;"],
  [
    'io',
    'src/io/zz.ts',
    "import { createRequire } from 'node:module';\nexport const a = createRequire(import.meta.url)('../ui/output.js');",
  ],
  [
    'io',
    'src/io/zz.ts',
    "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const a = () => require(`chalk`);",
  ],
  [
    'io',
    'src/io/zz.ts',
    "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const a = (m: string) => require(m);",
  ],
  [
    'io',
    'src/io/zz.ts',
    "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const a = load;",
  ],
  [
    'io',
    'src/io/zz.ts',
    "import { createRequire as make } from 'node:module';\nexport const a = make(import.meta.url);",
  ],
  // The modules with a rule of their own keep the rest of io/'s.
  ['io', 'src/io/page-writer.ts', "export const a = () => import('../ui/site-markdown.js');"],
  ['io', 'src/io/parallel-read.ts', "import { runValidate } from '../commands/validate.js';\nexport { runValidate };"],
  ['io', 'src/io/schemas.ts', "export type A = import('../ui/dto.js').Document;"],
  ['io', 'src/io/git.ts', "import chalk from 'chalk';\nexport { chalk };"],
  ['io', 'src/io/editor.ts', 'export const a = (m: string) => import(m);'],
  // Raw writes outside io/'s writers: every call that changes the disk, however node:fs is reached.
  ...WRITE_CALLS.map((call): [string, string, string] => [
    'io',
    'src/io/zz.ts',
    `import { ${call} } from 'node:fs';\nexport { ${call} };`,
  ]),
  ['io', 'src/io/zz.ts', "import { renameSync } from 'fs';\nexport { renameSync };"],
  ['io', 'src/io/zz.ts', "export { copyFileSync } from 'node:fs';"],
  ['io', 'src/io/zz.ts', "import { writeFile } from 'node:fs/promises';\nexport { writeFile };"],
  ['io', 'src/io/zz.ts', "import { open } from 'fs/promises';\nexport { open };"],
  ['io', 'src/io/zz.ts', "import fsp from 'node:fs/promises';\nexport const a = () => fsp.rm('x');"],
  ['io', 'src/io/zz.ts', "import fs from 'node:fs';\nexport const a = () => fs.writeFileSync('x', 'y');"],
  ['io', 'src/io/zz.ts', "import * as fs from 'node:fs';\nexport const a = () => fs.unlinkSync('x');"],
  ['io', 'src/io/zz.ts', "import { promises } from 'node:fs';\nexport const a = () => promises.writeFile('x', 'y');"],
  ['io', 'src/io/zz.ts', "export const a = async () => (await import('node:fs')).writeFileSync('x', 'y');"],
  [
    'io',
    'src/io/zz.ts',
    "import { createRequire } from 'node:module';\nexport const a = () => createRequire(import.meta.url)('node:fs');",
  ],
  ['io', 'src/io/parallel-read.ts', "export const a = async () => (await import(`node:fs/promises`)).rm('x');"],
  ['io', 'src/io/zz.ts', "import { openSync } from 'node:fs';\nexport const a = (f: string) => openSync(f, 'w');"],
  ['io', 'src/io/zz.ts', "import { openSync } from 'node:fs';\nexport const a = (f: string) => openSync(f, 'a');"],
  ['io', 'src/io/zz.ts', "import { openSync } from 'node:fs';\nexport const a = (f: string) => openSync(f, 'r+');"],
  [
    'io',
    'src/io/zz.ts',
    "import { openSync } from 'node:fs';\nexport const a = (f: string, flags: string) => openSync(f, flags);",
  ],
  [
    'io',
    'src/io/zz.ts',
    "import { constants, openSync } from 'node:fs';\nexport const a = (f: string) => openSync(f, constants.O_WRONLY);",
  ],
  [
    'io',
    'src/io/zz.ts',
    "import { constants, openSync } from 'node:fs';\nexport const a = (f: string) => openSync(f, constants.O_RDONLY | constants.O_CREAT);",
  ],
  ['io', 'src/io/zz.ts', "import { openSync as open } from 'node:fs';\nexport const a = (f: string) => open(f, 'w');"],
  ['io', 'src/io/files.ts', "import { writeFileSync } from 'node:fs';\nexport { writeFileSync };"],
  ['io', 'src/io/editor.ts', "import { mkdirSync } from 'node:fs';\nexport { mkdirSync };"],
  ['io', 'src/io/region/state.ts', "import { mkdirSync } from 'node:fs';\nexport { mkdirSync };"],
  ['wiring', 'src/program.ts', "import { writeFileSync } from 'node:fs';\nexport { writeFileSync };"],
  ['wiring', 'src/main.ts', "export const a = async () => (await import('node:fs/promises')).writeFile('x', 'y');"],
  ['wiring', 'src/cli/zz.ts', "import { openSync } from 'node:fs';\nexport const a = (f: string) => openSync(f, 'w');"],
  // Programs run through io/git.ts, io/git-revision.ts and io/editor.ts only, however the module is loaded.
  ['io', 'src/io/zz.ts', "import { spawn } from 'node:child_process';\nexport { spawn };"],
  ['io', 'src/io/zz.ts', "import { spawn } from 'child_process';\nexport { spawn };"],
  ['io', 'src/io/zz.ts', "export const a = () => import('child_process');"],
  ['io', 'src/io/zz.ts', 'export const a = () => import(`node:child_process`);'],
  [
    'io',
    'src/io/zz.ts',
    "import { createRequire } from 'node:module';\nexport const a = createRequire(import.meta.url)(`child_process`);",
  ],
  [
    'io',
    'src/io/zz.ts',
    "import { createRequire } from 'node:module';\nexport const a = createRequire(import.meta.url)('node:child_process');",
  ],
  ['wiring', 'src/program.ts', "import { execFile } from 'node:child_process';\nexport { execFile };"],
  // Only src/main.ts ends the process or sets its exit code; output goes through the context's streams.
  ['io', 'src/io/zz.ts', 'export const a = () => process.exit(3);'],
  ['io', 'src/io/zz.ts', 'export const a = () => {\n  process.exitCode = 3;\n};'],
  ['io', 'src/io/zz.ts', "export const a = () => process.stdout.write('x');"],
  ['io', 'src/io/zz.ts', 'export const a = () => console.log(1);'],
  ['wiring', 'src/cli/zz.ts', 'export const a = () => process.exit(3);'],
  ['wiring', 'src/cli/zz.ts', "import { execFile } from 'node:child_process';\nexport { execFile };"],
];

const allowed: [part: string, file: string, code: string][] = [
  ['core', 'src/core/zz.ts', "import { isUtf8 } from 'node:buffer';\nexport const a = isUtf8;"],
  ['core', 'src/core/zz.ts', 'export const a = (today: Date) => new Date(today.getTime() + 1);'],
  ['core', 'src/core/zz.ts', "import { createHash } from 'node:crypto';\nexport const a = createHash;"],
  ['core', 'src/core/zz.ts', "import { isDeepStrictEqual } from 'node:util';\nexport const a = isDeepStrictEqual;"],
  ['ui', 'src/ui/zz.ts', "import path from 'node:path';\nexport const a = path.basename('x');"],
  ['ui', 'src/ui/prompter.ts', "export const a = () => import('node:readline');"],
  ['ui', 'src/ui/inquirer.ts', "export { input } from '@inquirer/prompts';"],
  ['ui', 'src/ui/dto.ts', 'type Dto = object & { b: true };\nexport const a = (x: object) => x as Dto;'],
  [
    'core',
    'src/core/front-matter/yaml-package.ts',
    "import { createRequire } from 'node:module';\nexport const a = () => createRequire(import.meta.url)('yaml');",
  ],
  ['commands', 'src/commands/zz.ts', "import { noPromptReason } from '../context.js';\nexport { noPromptReason };"],
  ['commands', 'src/commands/zz.ts', "export type A = import('../context.js').Ctx;"],
  ['core', 'src/core/zz.ts', 'export const a = (f: { format(): string }) => f.format();'],
  ['wiring', 'src/main.ts', 'export const a = () => {\n  process.exitCode = 3;\n};'],
  ['commands', 'src/commands/zz.ts', "import { readText } from '../io/files.js';\nexport const a = readText;"],
  ['commands', 'src/commands/zz.ts', 'export const a = (r: { stdout: string }) => r.stdout.trim();'],
  ['io', 'src/io/git.ts', "import { execFile } from 'node:child_process';\nexport { execFile };"],
  ['io', 'src/io/zz.ts', "import { IdeasError } from '../core/errors.js';\nexport { IdeasError };"],
  ['io', 'src/io/region/zz.ts', "import type { Lang } from '../../core/i18n/i18n.js';\nexport type A = Lang;"],
  ['io', 'src/io/zz.ts', "export const a = () => import('./journal.js');"],
  [
    'io',
    'src/io/zz.ts',
    "import { createRequire } from 'node:module';\nexport const a = () => createRequire(import.meta.url)('ajv');",
  ],
  // Outside the writers, io/ reads: files opened to read, the writers' own calls.
  [
    'io',
    'src/io/zz.ts',
    "import { constants, openSync, readFileSync } from 'node:fs';\nexport const a = (f: string) => [openSync(f), openSync(f, 'r'), openSync(f, constants.O_RDONLY | constants.O_NONBLOCK), readFileSync(f)];",
  ],
  [
    'io',
    'src/io/zz.ts',
    "import { makeFolder, renameFile } from './atomic-file.js';\nexport { makeFolder, renameFile };",
  ],
  [
    'io',
    'src/io/atomic-file.ts',
    "import { openSync } from 'node:fs';\nexport const a = (f: string) => openSync(f, 'wx');",
  ],
  [
    'io',
    'src/io/lock.ts',
    "import { renameSync, writeFileSync } from 'node:fs';\nexport { renameSync, writeFileSync };",
  ],
  [
    'io',
    'src/io/page-writer.ts',
    "import { openSync } from 'node:fs';\nexport const a = (f: string) => openSync(f, 'w');",
  ],
  ['io', 'src/io/region/member-cache.ts', "import { rmSync } from 'node:fs';\nexport { rmSync };"],
  // A module the caller names by URL, on a worker thread; a validator's require of ajv's runtime.
  ['io', 'src/io/page-writer.ts', 'export const a = (maker: { module: string }) => import(maker.module);'],
  ['io', 'src/io/parallel-read.ts', 'export const a = (remote: { module: string }) => import(remote.module);'],
  [
    'io',
    'src/io/schemas.ts',
    "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const a = (id: string) => require(id);",
  ],
];

describe('the boundaries of docs/architecture.md, as ESLint holds them', () => {
  it.each(refused)('%s refuses: %s %s', async (_part, file, code) => {
    const found = await problems(file, code);
    expect(found.filter((p) => p.startsWith('parse'))).toEqual([]);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((p) => !BOUNDARY_RULE.test(p))).toEqual([]);
  });

  it.each(allowed)('%s allows: %s %s', async (_part, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
