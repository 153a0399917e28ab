/**
 * A real terminal for end-to-end tests, as test/e2e/pty.test.ts drives `ideas new`: tmux gives the command a
 * pseudo-terminal, keys are typed with send-keys and the screen read with capture-pane, waiting for each question
 * rather than sleeping.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cliEnv } from './cli.js';
import { makeTempDir } from './temp-repo.js';

export const HAS_TMUX = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
// Generous: the terminal tests share the machine with the rest of the suite.
const STEP_TIMEOUT_MS = 30_000;

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Terminal {
  private static count = 0;
  readonly socket = `ideas-e2e-${process.pid}-${Date.now()}-${Terminal.count++}`;
  readonly session = 'ideas';
  readonly exitFile: string;

  /**
   * Starts `ideas <args>` in `cwd`, in a terminal of `size` (120×40 unless given). Its environment is CI's
   * (test/helpers/cli.ts) without CI, VISUAL and EDITOR, as for a person at a terminal, in a UTF-8 locale, with `env`
   * added.
   */
  constructor(
    cwd: string,
    args: string[],
    env: Record<string, string> = {},
    size: { width: number; height: number } = { width: 120, height: 40 },
  ) {
    const work = makeTempDir('ideas-e2e-pty-');
    this.exitFile = path.join(work, 'exit');
    const script = path.join(work, 'run.sh');
    fs.writeFileSync(
      script,
      [
        `cd ${shellQuote(cwd)} || exit 99`,
        [process.execPath, BIN, ...args].map(shellQuote).join(' '),
        `echo "EXIT=$?" > ${shellQuote(this.exitFile)}`,
        // Keeps the screen readable after the command ends, for the assertion messages.
        'sleep 30',
        '',
      ].join('\n'),
    );
    // The server this starts (a socket of its own) hands its environment to the command.
    this.tmux(
      [
        '-f',
        '/dev/null',
        'new-session',
        '-d',
        '-x',
        String(size.width),
        '-y',
        String(size.height),
        '-s',
        this.session,
        `sh ${shellQuote(script)}`,
      ],
      cliEnv({ CI: undefined, VISUAL: undefined, EDITOR: undefined, LANG: 'C.UTF-8', ...env }),
    );
  }

  // -u: the screen is read as UTF-8 whatever the test's own locale, so Swedish questions read back as written.
  private tmux(args: string[], env: NodeJS.ProcessEnv = process.env): string {
    return execFileSync('tmux', ['-u', '-L', this.socket, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
  }

  screen(): string {
    try {
      return this.tmux(['capture-pane', '-p', '-t', this.session]);
    } catch {
      return '';
    }
  }

  /** The screen, once `pattern` shows on it; `what` names what is awaited, for the message when it never does. */
  async waitFor(pattern: RegExp, what = String(pattern), timeoutMs = STEP_TIMEOUT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what} (${String(pattern)}); the screen:\n${screen}`);
      await sleep(100);
    }
  }

  /** Types text literally, then Enter. */
  answer(text: string): void {
    if (text !== '') this.tmux(['send-keys', '-t', this.session, '-l', text]);
    this.tmux(['send-keys', '-t', this.session, 'Enter']);
  }

  /** Presses `key` (a tmux key name: Down, Enter, C-c) `times` times. */
  press(key: string, times = 1): void {
    this.tmux(['send-keys', '-t', this.session, ...Array<string>(times).fill(key)]);
  }

  /** In a list, moves down (or up) until the highlighted line (`❯ …`) matches, waiting for the screen each time. */
  async highlight(pattern: RegExp, key: 'Down' | 'Up' = 'Down', most = 40): Promise<void> {
    const current = () => /^❯ ?(.*)$/m.exec(this.screen())?.[1] ?? '';
    for (let i = 0; i < most; i++) {
      if (pattern.test(current())) return;
      const before = this.screen();
      this.press(key);
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      while (this.screen() === before && Date.now() < deadline) await sleep(50);
    }
    throw new Error(`no line matching ${String(pattern)} in the list; the screen:\n${this.screen()}`);
  }

  /** The exit code of the command, once it has ended. */
  async exitCode(timeoutMs = STEP_TIMEOUT_MS): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (!fs.existsSync(this.exitFile) || !fs.readFileSync(this.exitFile, 'utf8').includes('\n')) {
      if (Date.now() > deadline) throw new Error(`the command did not end; the screen:\n${this.screen()}`);
      await sleep(100);
    }
    return Number(/EXIT=(\d+)/.exec(fs.readFileSync(this.exitFile, 'utf8'))?.[1]);
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }
}
