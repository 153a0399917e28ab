/**
 * The `yaml` package, loaded the first time it is needed. It places problems and findings on their line and keeps
 * a file's formatting when it is edited, but takes ~20 ms to load from its 40 modules and more to compile as it runs:
 * `ideas list`, and `ideas validate` on a registry without problems, never need it. The command line loads it from a
 * script of its own with V8's code cache of it, as it loads the program (src/launch.ts, useYamlPackage).
 */
import { createRequire } from 'node:module';

type YamlPackage = typeof import('yaml');
let loaded: YamlPackage | undefined;
let loader: (() => YamlPackage) | undefined;

export function yamlPackage(): YamlPackage {
  // The package's CommonJS build: the one an `import` from Node resolves to, as its package.json's exports say.
  loaded ??= loader ? loader() : (createRequire(import.meta.url)('yaml') as YamlPackage);
  return loaded;
}

/** How the package is to be loaded when first needed, in place of a `require` of it. */
export function useYamlPackage(load: () => YamlPackage): void {
  loader = load;
}
