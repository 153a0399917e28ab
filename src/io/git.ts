import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { IdeasError } from '../core/errors.js';
import { textWithoutCredentials } from '../core/region/member-url.js';
import { terminalLine } from '../core/terminal-text.js';

/**
 * node:child_process, loaded when git first runs: `ideas validate` imports this module for `--changed`, and loading it
 * (with net, dgram and the socket streams it brings) cost every run ~5 ms.
 */
let loaded: typeof import('node:child_process') | undefined;
const childProcess = () =>
  (loaded ??= createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process'));

export interface GitResult {
  stdout: string;
  stderr: string;
}

/**
 * The variables git gets from this process's environment, and no others: where its programs and the user's config
 * are (PATH, HOME, XDG_CONFIG_HOME and Windows' equivalents), where temporary files go, the agents that sign a
 * commit (SSH_AUTH_SOCK, GNUPGHOME), the time zone of a commit's date, who the user is when the config does not say
 * (the name and e-mail variables, and EMAIL), and the proxy and certificates a region's fetch over https goes
 * through. Every other variable is dropped, every other GIT_* above all:
 * GIT_CONFIG_PARAMETERS, GIT_CONFIG_COUNT/KEY/VALUE and GIT_CONFIG_GLOBAL add config (core.hooksPath,
 * core.fsmonitor and core.sshCommand run programs), GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE point git at another
 * repository or index, GIT_EXEC_PATH and GIT_SSH_COMMAND at other programs. git finds the repository from the
 * working directory it runs in. Inside a git hook (ideas hook install) git sets GIT_DIR and GIT_INDEX_FILE for the
 * hook. Of those, `ideas validate --staged` needs the index (a temporary one for `git commit -a` or
 * `git commit <path>`): the hook names it with --index-file, and that one read passes it on (GitOptions).
 */
const PASSED = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'XDG_CONFIG_HOME',
  'XDG_RUNTIME_DIR',
  'TMPDIR',
  'TZ',
  'SSH_AUTH_SOCK',
  'GNUPGHOME',
  'EMAIL',
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  // The way out of a municipality's network: its proxy, the hosts reached without it, and the certificates of its
  // own authority (a proxy that inspects TLS). curl, which git fetches https with, reads them; HTTP_PROXY in capitals
  // only on Windows, where names have no case.
  'http_proxy',
  'https_proxy',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'all_proxy',
  'ALL_PROXY',
  'no_proxy',
  'NO_PROXY',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CURL_CA_BUNDLE',
  // Windows: git's own programs, the user's folders and temporary files.
  'SYSTEMROOT',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'USERPROFILE',
  'HOMEDRIVE',
  'HOMEPATH',
  'APPDATA',
  'LOCALAPPDATA',
  'PROGRAMDATA',
  'TEMP',
  'TMP',
];

/**
 * The environment of every git process: an object without a prototype (nothing can be inherited into it), built
 * from PASSED, with prompts for credentials off and messages in the C locale, which the code matches (INDEX_BUSY).
 */
export function gitEnv(from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env = Object.create(null) as Record<string, string>;
  // Windows names its variables in any case (Path, SystemRoot); elsewhere a name is exact.
  const windows = process.platform === 'win32';
  for (const name of Object.keys(from)) {
    const value = from[name];
    if (value !== undefined && PASSED.includes(windows ? name.toUpperCase() : name)) env[name] = value;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  env.LC_ALL = 'C';
  return env;
}

/** Another git process (an editor, a second terminal) holds the index for a moment. */
const INDEX_BUSY = /index\.lock'?: File exists/;

/**
 * Runs git with an argument array (never a shell, said explicitly), in `cwd`, in the environment of gitEnv, never
 * asking for credentials. When another git process holds the index, it waits a little and tries again.
 */
export interface GitOptions {
  /** The index to read instead of the repository's own: the one git made for the commit a hook runs in. */
  indexFile?: string;
  /**
   * The longest git may run: then it is killed with every program it started (a remote helper, ssh), as one
   * process group, and the call fails with GitTimeout. For a fetch from a remote that may never answer.
   */
  timeoutMs?: number;
}

/** git ran longer than its time limit and was stopped. */
export class GitTimeout extends IdeasError {
  constructor(readonly seconds: number) {
    super('GIT', 'err.gitTimeout', { seconds });
    this.name = 'GitTimeout';
  }
}

export async function git(args: string[], cwd: string, opts: GitOptions = {}): Promise<GitResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await gitOnce(args, cwd, opts);
    } catch (e) {
      const stderr = e instanceof IdeasError ? e.text.en : '';
      if (attempt >= 40 || !INDEX_BUSY.test(stderr)) throw e;
      await sleep(25 + Math.floor(Math.random() * 50));
    }
  }
}

const MAX_OUTPUT = 64 * 1024 * 1024;

function gitFailed(error: Error, stderr: string): IdeasError {
  const reason = gitReason(stderr, error.message);
  // git's whole message stays on the cause: some callers show git's own remedy (gitIdentityRemedy).
  return new IdeasError('GIT', 'err.git', { reason }, { cause: Object.assign(error, { stderr }) });
}

/** The most lines, and characters, of git's message that an error quotes. */
const REASON_LINES = 3;
const REASON_CHARS = 300;

/** A line git starts its message with; the lines after it, up to a blank line or a `hint:`, carry it on. */
const MESSAGE_START = /^(?:fatal|error): /;
const NOT_MESSAGE = /^(?:hint|warning|remote): /;

/**
 * What git said when it failed, as an error quotes it (`git failed: {reason}`, a member that could not be fetched):
 * its `fatal:` and `error:` lines, each with the lines that carry it on (a refused connection's errno is a line of
 * its own: "unable to connect to 127.0.0.1:" alone says nothing), up to a blank line or a hint; the first line when
 * it wrote none of those, or `fallback` when it wrote nothing. At most REASON_LINES lines and REASON_CHARS characters,
 * on one line; control characters made visible, never obeyed, and no credentials in an address git quotes.
 */
export function gitReason(stderr: string, fallback: string): string {
  const lines = (stderr.trim() === '' ? fallback : stderr).split(/\r\n|\r|\n/).map((l) => l.trim());
  const said: string[] = [];
  let carried = false;
  for (const line of lines) {
    carried = MESSAGE_START.test(line) || (carried && line !== '' && !NOT_MESSAGE.test(line));
    if (carried) said.push(line);
  }
  const quoted = (said.length > 0 ? said : lines.filter((l) => l !== '').slice(0, 1)).slice(0, REASON_LINES);
  const text = textWithoutCredentials(terminalLine(quoted.join(' ')));
  if (text.length <= REASON_CHARS) return text;
  const cut = text.slice(0, REASON_CHARS - 1);
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

function gitOnce(args: string[], cwd: string, opts: GitOptions): Promise<GitResult> {
  const env = gitEnv();
  if (opts.indexFile !== undefined) env.GIT_INDEX_FILE = opts.indexFile;
  if (opts.timeoutMs !== undefined) return gitWithLimit(args, cwd, env, opts.timeoutMs);
  return new Promise((resolve, reject) => {
    const options = { cwd, env, shell: false, windowsHide: true, maxBuffer: MAX_OUTPUT, encoding: 'utf8' as const };
    childProcess().execFile('git', args, options, (error, stdout, stderr) => {
      if (error) reject(gitFailed(error, stderr));
      else resolve({ stdout, stderr });
    });
  });
}

/**
 * The process groups of the git commands under a time limit that are running. In a group of its own, such a git is
 * not sent the Ctrl-C (SIGINT) or SIGTERM that stops this program: a `region sync` stopped that way left its fetches
 * running, and their lock files in place. While any runs, either signal stops them too, and then this program, as the
 * signal would have.
 */
const liveGroups = new Set<number>();
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function stopGroupsAndExit(signal: NodeJS.Signals): void {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  liveGroups.clear();
  for (const s of STOP_SIGNALS) process.removeListener(s, stopGroupsAndExit);
  process.kill(process.pid, signal);
}

function liveGroup(pid: number): void {
  if (liveGroups.size === 0) for (const s of STOP_SIGNALS) process.on(s, stopGroupsAndExit);
  liveGroups.add(pid);
}

function goneGroup(pid: number): void {
  if (!liveGroups.delete(pid) || liveGroups.size > 0) return;
  for (const s of STOP_SIGNALS) process.removeListener(s, stopGroupsAndExit);
}

/**
 * git under a time limit, as the leader of a process group of its own, so that the group (git and what it started:
 * git-remote-https, ssh) is stopped whole when time is up. spawn, not execFile: execFile does not pass `detached` on,
 * so git stayed in this process's group, only git itself was stopped, and the remote helper or ssh it had started
 * kept running with git's output pipes open, which execFile waits to close: a member over https or ssh that hung
 * hung the sync. Once git itself has gone, its pipes are closed from this side too: a program that left the group
 * (an ssh that went to the background) cannot hold the call.
 */
function gitWithLimit(args: string[], cwd: string, env: Record<string, string>, limit: number): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const group = process.platform !== 'win32';
    const child = childProcess().spawn('git', args, {
      cwd,
      env,
      shell: false,
      windowsHide: true,
      detached: group,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (group && child.pid !== undefined) {
      const pid = child.pid;
      liveGroup(pid);
      child.on('close', () => goneGroup(pid));
    }
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let tooMuch = false;
    let settled = false;
    const stop = () => {
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, limit);
    const gather = (add: (text: string) => void) => (chunk: string) => {
      add(chunk);
      if (stdout.length + stderr.length > MAX_OUTPUT && !tooMuch) {
        tooMuch = true;
        stop();
      }
    };
    child.stdout.setEncoding('utf8').on(
      'data',
      gather((x) => (stdout += x)),
    );
    child.stderr.setEncoding('utf8').on(
      'data',
      gather((x) => (stderr += x)),
    );
    child.on('error', (e) => settle(() => reject(gitFailed(e, stderr))));
    child.on('exit', () => {
      if (!timedOut) return;
      child.stdout.destroy();
      child.stderr.destroy();
      settle(() => reject(new GitTimeout(Math.round(limit / 1000))));
    });
    child.on('close', (code, signal) =>
      settle(() => {
        if (timedOut) reject(new GitTimeout(Math.round(limit / 1000)));
        else if (tooMuch)
          reject(gitFailed(new Error(`git ${args[0] ?? ''}: output larger than ${MAX_OUTPUT} bytes`), ''));
        else if (code !== 0)
          reject(
            gitFailed(
              Object.assign(new Error(`Command failed: git ${args.join(' ')}\n${stderr}`), { code, signal }),
              stderr,
            ),
          );
        else resolve({ stdout, stderr });
      }),
    );
  });
}

/** The work tree's top folder when `dir` is inside a git repository, else null (also when git is not installed). */
export async function gitTopLevel(dir: string): Promise<string | null> {
  try {
    const { stdout } = await git(['rev-parse', '--show-toplevel'], dir);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/** Who the user is to git (`user.name`), the default for who registers an idea; null when git does not know. */
export async function gitUserName(dir: string): Promise<string | null> {
  try {
    const { stdout } = await git(['config', '--get', 'user.name'], dir);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/**
 * Whether git knows who commits in `dir` (user.name and user.email, or the variables): null when it does, else
 * git's own remedy, the `git config --global …` lines it prints, so that a refusal shows exactly what git asks.
 */
async function gitIdentityRemedy(dir: string): Promise<string[] | null> {
  try {
    await git(['var', 'GIT_COMMITTER_IDENT'], dir);
    await git(['var', 'GIT_AUTHOR_IDENT'], dir);
    return null;
  } catch (e) {
    const cause = e instanceof IdeasError ? (e.cause as { stderr?: unknown } | undefined) : undefined;
    const stderr = typeof cause?.stderr === 'string' ? cause.stderr : '';
    const lines = stderr
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('git config'));
    return lines.length > 0
      ? lines
      : ['git config --global user.email "you@example.com"', 'git config --global user.name "Your Name"'];
  }
}

/**
 * --commit needs someone to commit as: refused before anything is written or asked, with git's own remedy, rather
 * than leaving a coordinator with a change made and a commit that failed.
 */
export async function requireCommitter(dir: string): Promise<void> {
  const remedy = await gitIdentityRemedy(dir);
  if (remedy !== null)
    throw new IdeasError('GIT', 'err.commitNoIdentity', {}, { hint: 'hint.commitNoIdentity', details: remedy });
}
