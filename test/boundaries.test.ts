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

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const refused: [part: string, file: string, code: string][] = [
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
];

describe('the boundaries of docs/architecture.md, as ESLint holds them', () => {
  it.each(refused)('%s refuses: %s %s', async (_part, file, code) => {
    const found = await problems(file, code);
    expect(found.filter((p) => p.startsWith('parse'))).toEqual([]);
    expect(found.length).toBeGreaterThan(0);
  });

  it.each(allowed)('%s allows: %s %s', async (_part, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
