import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cliEnv, describeRun, ideas, REPO_ROOT, STACK_LINE } from '../helpers/cli.js';
import { copyToTemp, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

let sundsvall: string;
beforeAll(() => {
  sundsvall = copyToTemp(path.join(REPO_ROOT, 'examples', 'sundsvall'));
});

/** Runs the CLI with its stdout closed before it writes, as `ideas list | head -1` does once head has exited. */
function runWithClosedStdout(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Runs the CLI with its stdout on /dev/full, where every write fails with ENOSPC, as on a full disk. */
async function runOntoFullDisk(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(), stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
  } finally {
    closeSync(full);
  }
}

describe('output streams', () => {
  it('NO_COLOR=1: no escape codes; FORCE_COLOR=1 alone: colours (so the check above means something)', () => {
    const plain = ideas(['list'], { cwd: sundsvall });
    expect(plain.code, describeRun(plain)).toBe(0);
    expect(plain.stdout).not.toContain('\x1b[');
    const coloured = ideas(['list'], { cwd: sundsvall, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\x1b[');
  });

  // A reader that stops early (`ideas list | head -1`) is normal use, not a crash.
  it.each([
    { name: 'list', args: ['list'] },
    { name: '--help', args: ['--help'] },
    { name: '--version', args: ['--version'] },
  ])('$name into a closed pipe ends quietly, without a stack trace', async ({ args }) => {
    const r = await runWithClosedStdout(args, sundsvall);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(r.code === 0 || r.code === null || r.code === 141, `exit ${String(r.code)}`).toBe(true);
  });

  // With `set -o pipefail`, a CI step `ideas validate | head` fails on the command's own exit code: a closed pipe
  // must not turn a registry with problems into a pass.
  it.each([
    { name: 'validate', args: ['validate'] },
    { name: 'validate --format github', args: ['validate', '--format', 'github'] },
    { name: 'validate --json', args: ['validate', '--json'] },
  ])('$name into a closed pipe still exits 1 for a registry with problems', async ({ args }) => {
    const broken = copyToTemp(path.join(REPO_ROOT, 'examples', 'sundsvall'));
    writeFileSync(path.join(broken, 'ideas', '01-ide', 'trasig.md'), '---\nid: sund-zzzzzz\ntitle: x\n---\n');
    const r = await runWithClosedStdout(args, broken);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code, r.stderr).toBe(1);
  });

  // Answered before the command line loads (bin/ideas.js), and held to the same: exit 2, the reason, no stack trace.
  it
    .skipIf(!existsSync('/dev/full'))
    .each([{ args: ['--version'] }, { args: ['--help'] }, { args: ['validate', '-h'] }])(
    '$args onto a full disk is exit 2 with the reason',
    async ({ args }) => {
      const r = await runOntoFullDisk(args, sundsvall);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).toContain('ENOSPC');
      expect(r.code, r.stderr).toBe(2);
    },
  );

  it.skipIf(!existsSync('/dev/full')).each([
    { name: 'validate', args: ['validate'] },
    { name: 'export', args: ['export'] },
    { name: 'list --json', args: ['list', '--json'] },
    { name: 'report', args: ['report'] },
  ])("$name onto a full disk says so in the registry's language, and exits 2", async ({ args }) => {
    const r = await runOntoFullDisk(args, sundsvall);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toContain('Disken är full: det finns inte plats att skriva kommandots utdata (stdout).');
    expect(r.code, r.stderr).toBe(2);
  });
});
