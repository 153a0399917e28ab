/**
 * Build step: renders every command's help, in each language, with commander, into dist/help.json, so that
 * `ideas --help` prints it without loading the command line (see src/help-fast.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { LANGS, type Lang } from '../core/i18n/i18n.js';
import { HELP_CATALOG, type HelpCatalog } from '../help-fast.js';
import { HELP_WIDTH, run } from '../program.js';

/** Every command path of the program: '' for the program itself, then 'init', 'hook', 'hook install', … */
function commandPaths(program: Command): string[] {
  const out: string[] = [''];
  const walk = (cmd: Command, prefix: string[]) => {
    for (const sub of cmd.commands) {
      const p = [...prefix, sub.name()];
      out.push(p.join(' '));
      walk(sub, p);
    }
  };
  walk(program, []);
  return out;
}

async function render(argv: string[], cwd: string, inspect?: (program: Command) => void): Promise<string> {
  let text = '';
  const sink = { write: (s: string) => ((text += s), true), isTTY: false };
  const ctx: Ctx = {
    cwd,
    env: {},
    stdout: sink,
    stderr: sink,
    stdinIsTTY: false,
    prompter: () => Promise.reject(new Error('no prompts')),
    clock: () => new Date(),
  };
  const code = await run(argv, ctx, inspect);
  if (code !== 0) throw new Error(`ideas ${argv.join(' ')} exited ${code}: ${text}`);
  return text;
}

async function renderHelpCatalog(): Promise<HelpCatalog> {
  // Outside any registry, so that no registry's language is read.
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'ideas-help-'));
  try {
    let paths: string[] = [];
    await render(['--help'], cwd, (program) => (paths = commandPaths(program)));
    const texts = {} as Record<Lang, Record<string, string>>;
    for (const lang of LANGS) {
      texts[lang] = {};
      for (const p of paths) texts[lang][p] = await render(['--lang', lang, ...(p ? p.split(' ') : []), '--help'], cwd);
    }
    return { width: HELP_WIDTH, texts };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

writeFileSync(HELP_CATALOG, `${JSON.stringify(await renderHelpCatalog())}\n`);
