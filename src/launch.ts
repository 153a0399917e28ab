/**
 * How the command line loads. The build bundles the program into one script, dist/bundle/ideas.cjs, and keeps V8's
 * code cache of it, made after running a few commands (src/tools/bundle.ts). Compiled with that cache, a command
 * skips parsing and compiling its modules: about 50 ms of every run, a third of what `ideas list` takes on a small
 * registry (docs/performance.md).
 *
 * V8 takes a code cache only from the same V8 with the same flags for the same script; otherwise it compiles the
 * script as it would have without (`cachedDataRejected`), so a cache from another Node costs time, never behaviour.
 * A build by tsc alone, without a bundle, loads the modules as they are.
 *
 * bin/ideas.js loads this module as dist/bundle/launch.cjs, which the build makes from it (src/tools/bundle.ts): a
 * CommonJS script, so that a command starts without Node's ES module loader.
 */
// First: V8's flags are part of what a code cache must match, and this module sets the program's.
import './v8-flags.js';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type * as Main from './main.js';

/** The bundled program, and V8's code cache of it. */
export const BUNDLE_FILE = fileURLToPath(new URL('./bundle/ideas.cjs', import.meta.url));
export const CODE_CACHE_FILE = fileURLToPath(new URL('./bundle/ideas.cache', import.meta.url));

export interface LoadedBundle {
  /** What src/main.ts exports. */
  exports: typeof Main;
  /** The compiled script: whether it took the cache, and the cache of what has run since (for the build). */
  script: Script;
}

/**
 * What the build writes around the bundle: the function Node wraps a CommonJS module in, on the script's first line
 * so that the lines of a stack trace are the bundle's.
 */
export const BUNDLE_WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'] as const;

/** Compiles the bundle (with `cachedData`, when given) and runs it as Node runs a CommonJS module. */
export function runBundle(cachedData?: Buffer): LoadedBundle {
  // ASCII (src/tools/bundle.ts), so read as Latin-1: Node makes the string without decoding UTF-8, and outside V8's
  // heap, since it is large.
  const source = readFileSync(BUNDLE_FILE, 'latin1');
  const script = new Script(source, { filename: BUNDLE_FILE, cachedData });
  const module = { exports: {} as typeof Main };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(
    module.exports,
    module.exports,
    createRequire(BUNDLE_FILE),
    module,
    BUNDLE_FILE,
    path.dirname(BUNDLE_FILE),
  );
  return { exports: module.exports, script };
}

/**
 * The program from the bundle, compiled with its code cache; null when the build made no bundle (bin/ideas.js then
 * imports dist/main.js).
 */
export function loadBundledMain(): typeof Main | null {
  if (!existsSync(BUNDLE_FILE)) return null;
  let cache: Buffer | undefined;
  try {
    cache = readFileSync(CODE_CACHE_FILE);
  } catch {
    cache = undefined;
  }
  return runBundle(cache).exports;
}
