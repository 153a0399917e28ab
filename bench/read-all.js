// @ts-check
/**
 * The read-only baseline of the benchmark: a whole Node process that finds every idea file of the registry in the
 * working directory and reads it, and does nothing else. `ideas validate` cannot be faster than this; how many times
 * slower it is, is the cost of parsing and checking.
 *
 *   cd bench/data/registry-10000-seed1 && node ../../read-all.js
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The ideas folder the config names (`ideasDir`, `ideas` by default), found with a pattern: loading a YAML parser
// would make the baseline slower than a plain read.
const named = /^ideasDir:[ \t]*["']?([^"'\n#]*?)["']?[ \t]*(?:#.*)?$/m.exec(readFileSync('ideas.config.yaml', 'utf8'));
const ideas = path.resolve(named?.[1] || 'ideas');
let files = 0;
let bytes = 0;
for (const stage of readdirSync(ideas, { withFileTypes: true })) {
  if (!stage.isDirectory()) continue;
  for (const entry of readdirSync(path.join(ideas, stage.name), { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    bytes += readFileSync(path.join(ideas, stage.name, entry.name), 'utf8').length;
    files++;
  }
}
process.stdout.write(`${JSON.stringify({ files, bytes })}\n`);
