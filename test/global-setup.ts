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
  // From an empty dist/, as `npm run build` starts: bundle-messages rewrites tsc's catalogue index.js in place, which
  // an incremental tsc then leaves as it was when only a message's text changed, and the CLI spoke the old words.
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, ['dist/tools/bundle-messages.js'], { cwd: root, stdio: 'inherit' });
  // The rest of `npm run build`'s steps, in its order: the bundle the CLI runs is made of what the steps before built.
  for (const tool of ['compile-schemas', 'render-help', 'bundle', 'build-id'])
    execFileSync(process.execPath, [`dist/tools/${tool}.js`], { cwd: root, stdio: 'inherit' });
  const temp = realpathSync(mkdtempSync(path.join(tmpdir(), 'ideas-tests-')));
  process.env.TMPDIR = temp;
  return () => rmSync(temp, { recursive: true, force: true });
}
