/**
 * Files of this package itself, wherever it is installed: its package.json (name and version), the example
 * registries that `ideas init` copies, the JSON Schemas in schemas/, and the CLI's entry that a git hook runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's root: this file is src/io/ or dist/io/ in it. */
const packageRoot = new URL('../../', import.meta.url);

/** A file of the package, by its path from the package's root. */
export function packageUrl(rel: string): URL {
  return new URL(rel, packageRoot);
}

/** The package's name and version, from its package.json. */
export function ownPackage(): { name: string; version: string } {
  return JSON.parse(readFileSync(packageUrl('package.json'), 'utf8')) as { name: string; version: string };
}

/** A file of one of the example registries in examples/, by its path in that registry. */
export function readExampleFile(example: string, rel: string): string {
  return readFileSync(new URL(rel, packageUrl(`examples/${example}/`)), 'utf8');
}

/** The CLI's entry point (bin/ideas.js), as an absolute path. */
export function cliScript(): string {
  return fileURLToPath(packageUrl('bin/ideas.js'));
}

/** The Node.js that runs this program: what a hook that calls it back names. */
export function nodeExecutable(): string {
  return process.execPath;
}
