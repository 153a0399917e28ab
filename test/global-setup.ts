import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** End-to-end tests spawn the built CLI: build it once from the current sources before any test runs. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, ['dist/tools/bundle-messages.js'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['dist/tools/compile-schemas.js'], { cwd: root, stdio: 'inherit' });
  // Last: the bundle the CLI runs is made of what the steps above built.
  execFileSync(process.execPath, ['dist/tools/bundle.js'], { cwd: root, stdio: 'inherit' });
}
