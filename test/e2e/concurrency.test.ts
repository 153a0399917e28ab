/**
 * Two people, scripts or terminals working on one registry at once: every command that writes waits its turn, and
 * the second finds the registry as the first left it.
 */
import { readdirSync, writeFileSync } from 'node:fs';
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
});
