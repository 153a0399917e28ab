/**
 * What the commands that read the whole registry load before they start: every module costs start-up time on every
 * run, so the readers load none they do not run (docs/performance.md, "The design, and what each part saved").
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../test/helpers/cli.js';

const SRC = path.join(REPO_ROOT, 'src');

/** The modules `file` (relative to src) loads when it is imported: its value imports and re-exports, not its types. */
function staticImports(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  const pattern = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)';/gms;
  for (const m of text.matchAll(pattern)) {
    const spec = m[1] as string;
    if (spec.startsWith('.')) local.push(path.posix.join(path.posix.dirname(file), spec).replace(/\.js$/, '.ts'));
    else if (!spec.startsWith('node:')) packages.push(spec.startsWith('@') ? spec : (spec.split('/')[0] as string));
  }
  return { local, packages };
}

/** Every module (and package) `entry` loads, directly or through others, before any of its code runs. */
function loadedBy(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (modules.has(file) || !existsSync(path.join(SRC, file))) continue;
    modules.add(file);
    const found = staticImports(file);
    for (const p of found.packages) packages.add(p);
    todo.push(...found.local);
  }
  return { modules, packages };
}

describe('what the readers load', () => {
  it('finds the imports it looks for (the walk itself works)', () => {
    const edit = loadedBy('commands/edit.ts');
    expect(edit.modules).toContain('core/front-matter/front-matter-edit.ts');
    expect(edit.packages).toContain('yaml');
  });

  it.each(['commands/validate.ts', 'commands/list.ts'])(
    '%s loads neither the yaml package nor the editing of files',
    (entry) => {
      const { modules, packages } = loadedBy(entry);
      expect(modules.size).toBeGreaterThan(5);
      expect([...packages]).not.toContain('yaml');
      expect([...modules].filter((m) => /front-matter-edit|commands\/edit\.ts|io\/idea-write/.test(m))).toEqual([]);
    },
  );

  it.each(['commands/show.ts', 'commands/site.ts'])('%s loads neither git nor the writing of ideas', (entry) => {
    const { modules } = loadedBy(entry);
    expect(modules.size).toBeGreaterThan(5);
    expect([...modules].filter((m) => /^io\/(git|idea-write|journal)\.ts$|commands\/transition\.ts/.test(m))).toEqual(
      [],
    );
  });

  it('main.ts sets how the heap grows before it imports the command line', () => {
    const { local } = staticImports('main.ts');
    expect(local[0]).toBe('io/v8-flags.ts');
  });
});

describe('what `ideas --help` loads', () => {
  // Found in a benchmark: the help's way to the registry's language loaded the config's parser and, through it, the
  // whole message catalogue, and `ideas --help` went over 1.35 times `node -e 0`.
  it('finds the language without the config parser or the message catalogue', () => {
    const help = loadedBy('help-fast.ts');
    expect(help.modules).toContain('io/registry-root.ts');
    expect(help.modules).not.toContain('core/sluice/config.ts');
    expect(help.modules).not.toContain('core/i18n/messages/index.ts');
    expect([...help.packages]).toEqual([]);
  });
});
