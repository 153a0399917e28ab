import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * End-to-end tests spawn the built CLI: build it once from the current sources before any test runs.
 *
 * Every temporary file of the run, the tests' own and those of the programs they spawn, goes into one folder that is
 * removed at the end (TMPDIR, which os.tmpdir() and git read): a test that forgets its folder, or a test process
 * killed before its cleanup, leaves nothing on the machine.
 */
export default function setup(): () => void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, ['dist/tools/bundle-messages.js'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['dist/tools/compile-schemas.js'], { cwd: root, stdio: 'inherit' });
  // Last: the bundle the CLI runs is made of what the steps above built.
  execFileSync(process.execPath, ['dist/tools/bundle.js'], { cwd: root, stdio: 'inherit' });
  const temp = realpathSync(mkdtempSync(path.join(tmpdir(), 'ideas-tests-')));
  process.env.TMPDIR = temp;
  return () => rmSync(temp, { recursive: true, force: true });
}
