/**
 * A private npm registry for a test: verdaccio 5 (a dev dependency) in a child process, on the loopback address at a
 * port the system picks, storing in the test's temp folder, with no uplink, so it serves only what the test
 * published and never asks another registry. The child ends when `stop()` is called, and on its own when the test
 * process is gone (its IPC channel closes), so a failed or killed test leaves no server behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface NpmRegistry {
  /** Such as http://127.0.0.1:40123/ */
  url: string;
  /** The `.npmrc` line that gives npm a token for it: verdaccio wants one to publish, and any will do here. */
  authLine: string;
  /** What the server printed, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

// Runs in the child: the server from verdaccio's programmatic API, its port sent back over IPC.
const SERVER = `
const [verdaccio, config] = process.argv.slice(1);
process.on('disconnect', () => process.exit(0));
require(verdaccio)
  .runServer(config)
  .then((app) => {
    const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
`;

export async function startNpmRegistry(dir: string, timeoutMs = 30_000): Promise<NpmRegistry> {
  fs.mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'config.yaml');
  // JSON is YAML: verdaccio reads this as its config file.
  const settings = {
    storage: path.join(dir, 'storage'),
    auth: { htpasswd: { file: path.join(dir, 'htpasswd'), max_users: -1 } },
    uplinks: {},
    // No `proxy:` for any package: nothing is ever fetched from elsewhere.
    packages: { '**': { access: '$all', publish: '$all', unpublish: '$all' } },
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
  };
  fs.writeFileSync(config, JSON.stringify(settings, null, 2));
  const verdaccio = createRequire(import.meta.url).resolve('verdaccio');
  const child = spawn(process.execPath, ['-e', SERVER, verdaccio, config], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { PATH: process.env.PATH, NODE_ENV: 'test' },
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d));
  const stop = () => stopChild(child);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`verdaccio did not start in ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      );
      child.once('message', (m: { port?: unknown }) => {
        clearTimeout(timer);
        if (typeof m.port === 'number') resolve(m.port);
        else reject(new Error(`verdaccio sent ${JSON.stringify(m)}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`verdaccio ended (${code ?? signal}) before it listened:\n${output}`));
      });
    });
    return {
      url: `http://127.0.0.1:${port}/`,
      authLine: `//127.0.0.1:${port}/:_authToken=a-token-for-a-test-registry`,
      log: () => output,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
