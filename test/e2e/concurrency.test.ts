/**
 * Two people, scripts or terminals working on one registry at once: every command that writes waits its turn, and
 * the second finds the registry as the first left it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, ideasAsync } from '../helpers/cli.js';
import { initRegistry } from '../helpers/registry.js';
import { git, removeTempDirs } from '../helpers/temp-repo.js';
import { exists, ideaPath, makeSluice, read, removeSluices } from '../helpers/sluice.js';

afterAll(() => {
  removeTempDirs();
  removeSluices();
});

describe('ideas at the same time', () => {
  it('20 `ideas new` started at once give 20 distinct, valid, staged ideas', { timeout: 120_000 }, async () => {
    const dir = initRegistry('minimal', 'sv');
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ideasAsync(['new', '--no-input', '--title', `Samtidig idé ${i + 1}`], { cwd: dir, timeoutMs: 60_000 }),
      ),
    );
    for (const r of runs) expect(r.code, describeRun(r)).toBe(0);
    const files = readdirSync(path.join(dir, 'ideas', '01-ide')).filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(20);
    expect(new Set(files.map((f) => f.slice(0, f.indexOf('-', 4)))).size).toBe(20);
    const staged = git(['diff', '--cached', '--name-only'], dir)
      .split('\n')
      .filter((l) => l.startsWith('ideas/01-ide/'));
    expect(staged).toHaveLength(20);
    const v = ideas(['validate'], { cwd: dir });
    expect(v.code, describeRun(v)).toBe(0);
    expect(v.stdout).toContain('20 filer kontrollerade');
    expect(readdirSync(path.join(dir, '.git')).filter((f) => f.includes('lock'))).toEqual([]);
  });

  it(
    'two moves of one idea at once: one succeeds, the other refuses clearly, and the idea is whole in one place',
    { timeout: 60_000 },
    async () => {
      const root = makeSluice();
      const before = read(root, ideaPath('sund-eev2bz'));
      const [a, b] = await Promise.all([
        ideasAsync(['move', 'sund-eev2bz', 'parked', '--by', 'A'], { cwd: root }),
        ideasAsync(['move', 'sund-eev2bz', 'parked', '--by', 'B'], { cwd: root }),
      ]);
      const codes = [a.code, b.code].sort();
      expect(codes, `${describeRun(a)}\n${describeRun(b)}`).toEqual([0, 2]);
      const loser = a.code === 2 ? a : b;
      expect(loser.stderr).toMatch(/ändrades eller flyttades av någon annan|står redan i Parkerad/);
      expect(loser.stderr).not.toMatch(/^\s+at /m);
      expect(exists(root, ideaPath('sund-eev2bz'))).toBe(false);
      const moved = read(root, ideaPath('sund-eev2bz', '90-parkerad'));
      // The old text plus exactly one history entry: the winner's.
      expect(moved.match(/action: moved/g)).toHaveLength((before.match(/action: moved/g) ?? []).length + 1);
      expect(git(['status', '--porcelain'], root).trim().split('\n')).toHaveLength(1);
    },
  );

  it('a lock left by a killed process does not stop the next command', () => {
    const dir = initRegistry('minimal', 'en');
    // A pid that cannot be running: the lock of a process that was killed.
    const lock = path.join(dir, '.git', 'ideas.lock');
    writeFileSync(lock, '999999999\n');
    const r = ideas(['new', '--no-input', '--title', 'After a crash'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(exists(dir, '.git/ideas.lock')).toBe(false);
  });

  it('a lock left by a process killed while holding it is taken over by the next command at once', () => {
    const root = makeSluice();
    const killed = ideas(['new', '--no-input', '--title', 'Dödad'], {
      cwd: root,
      env: { IDEAS_FAULT: 'kill:lock:taken' },
    });
    expect(killed.signal, describeRun(killed)).toBe('SIGKILL');
    expect(readdirSync(path.join(root, '.git', 'ideas.lock'))).toHaveLength(1);
    const r = ideas(['move', 'sund-eev2bz', 'parked'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(0);
    expect(exists(root, '.git/ideas.lock')).toBe(false);
  });

  it(
    'two processes held right where both found the same dead owner: one writer at a time, every time',
    { timeout: 300_000 },
    async () => {
      for (let round = 0; round < 8; round++) {
        const root = makeSluice();
        // A lock whose owner was killed holding it.
        const killed = ideas(['new', '--no-input', '--title', 'Dödad'], {
          cwd: root,
          env: { IDEAS_FAULT: 'kill:lock:releasing' },
        });
        expect(killed.signal, describeRun(killed)).toBe('SIGKILL');
        const faults = mkdtempSync(path.join(tmpdir(), 'ideas-race-'));
        const trace = path.join(faults, 'trace');
        const env = { IDEAS_FAULT: 'pause:lock:stale-seen', IDEAS_FAULT_DIR: faults, IDEAS_FAULT_TRACE: trace };
        const runs = ['A', 'B'].map((who) =>
          ideasAsync(['new', '--no-input', '--title', `Samtidigt ${who}`], { cwd: root, env, timeoutMs: 120_000 }),
        );
        // Both wait at the step after judging the owner dead and before removing its lock; then both go at once.
        while (readdirSync(faults).filter((f) => f.startsWith('paused-')).length < 2) {
          if (!existsSync(faults)) throw new Error('gone');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        writeFileSync(path.join(faults, 'go'), '');
        const [a, b] = await Promise.all(runs);
        expect(a?.code, describeRun(a as never)).toBe(0);
        expect(b?.code, describeRun(b as never)).toBe(0);
        // In the trace, each `lock:taken` is followed by the same process's `lock:releasing` before any other take.
        const events = readFileSync(trace, 'utf8')
          .split('\n')
          .filter((l) => / lock:(taken|releasing)$/.test(l));
        expect(events).toHaveLength(4);
        let holder: string | null = null;
        for (const line of events) {
          const [pid, step] = line.split(' ');
          if (step === 'lock:taken') {
            expect(holder, events.join('\n')).toBeNull();
            holder = pid as string;
          } else {
            expect(pid, events.join('\n')).toBe(holder);
            holder = null;
          }
        }
        rmSync(faults, { recursive: true, force: true });
      }
    },
  );
});
