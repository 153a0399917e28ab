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
import './io/v8-flags.js';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type * as Main from './main.js';

/** The bundled program, and V8's code cache of it. */
export const BUNDLE_FILE = fileURLToPath(new URL('./bundle/ideas.cjs', import.meta.url));
export const CODE_CACHE_FILE = fileURLToPath(new URL('./bundle/ideas.cache', import.meta.url));
/** The `yaml` package as one script, and V8's code cache of it (src/tools/bundle.ts). */
export const YAML_BUNDLE_FILE = fileURLToPath(new URL('./bundle/yaml.cjs', import.meta.url));
export const YAML_CACHE_FILE = fileURLToPath(new URL('./bundle/yaml.cache', import.meta.url));

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
  return runScript<typeof Main>(BUNDLE_FILE, cachedData);
}

/** Compiles a script the build wrapped (BUNDLE_WRAPPER) and runs it as Node runs a CommonJS module. */
function runScript<T>(file: string, cachedData?: Buffer): { exports: T; script: Script } {
  // ASCII (src/tools/bundle.ts), so read as Latin-1: Node makes the string without decoding UTF-8, and outside V8's
  // heap, since it is large.
  const source = readFileSync(file, 'latin1');
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, script };
}

/** A file's bytes, or undefined when it cannot be read. */
function bytesOf(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The `yaml` package from its script, compiled with its code cache when there is one: ~3 ms where a `require` of its
 * 40 modules took ~20, and the functions the build's warm-up ran come compiled (docs/performance.md). The build runs
 * it before the cache is made, and so without one.
 */
export function runYamlBundle(): { exports: typeof import('yaml'); script: Script } {
  return runScript<typeof import('yaml')>(YAML_BUNDLE_FILE, bytesOf(YAML_CACHE_FILE));
}

/**
 * The program from the bundle, compiled with its code cache; null when the build made no bundle (bin/ideas.js then
 * imports dist/main.js).
 */
export function loadBundledMain(): typeof Main | null {
  if (!existsSync(BUNDLE_FILE)) return null;
  const main = runBundle(bytesOf(CODE_CACHE_FILE)).exports;
  if (existsSync(YAML_BUNDLE_FILE)) {
    main.useYamlPackage(() => {
      try {
        return runYamlBundle().exports;
      } catch {
        // Gone since the command started, or not a script: the package as it is installed.
        return createRequire(BUNDLE_FILE)('yaml') as typeof import('yaml');
      }
    });
  }
  return main;
}
