/**
 * The `yaml` package, loaded the first time it is needed. It places problems and findings on their line and keeps
 * a file's formatting when it is edited, but takes ~50 ms to load: `ideas list`, and `ideas validate` on a
 * registry without problems, never need it.
 */
import { createRequire } from 'node:module';

type YamlPackage = typeof import('yaml');
let loaded: YamlPackage | undefined;

export function yamlPackage(): YamlPackage {
  // The package's CommonJS build: the one an `import` from Node resolves to, as its package.json's exports say.
  loaded ??= createRequire(import.meta.url)('yaml') as YamlPackage;
  return loaded;
}
