/**
 * Limits: a 10 MB idea, front matter nested 1,000 levels deep, an alias bomb, a symbolic link out of the registry
 * and a read-only file each get a clear finding or error, and nothing is changed.
 */
import { chmodSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson } from '../helpers/cli.js';
import { git, readTree } from '../helpers/temp-repo.js';
import { ideaPath, makeSluice, read, removeSluices } from '../helpers/sluice.js';

afterAll(removeSluices);

interface Validation {
  findings: { file: string; line: number | null; rule: string; message: string }[];
}

const STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

function plant(root: string, name: string, content: string | Buffer): string {
  const rel = `ideas/01-ide/${name}`;
  writeFileSync(path.join(root, rel), content);
  return rel;
}

describe('limits', () => {
  const cases: [string, (root: string) => string, RegExp][] = [
    [
      'a 10 MB idea',
      (root) =>
        plant(
          root,
          'sund-big001-stor.md',
          `---\nid: sund-big001\ntitle: Stor\ncreated: 2026-01-01\n---\n${'Lorem ipsum dolor sit amet. '.repeat(380_000)}`,
        ),
      /^file\/too-large$/,
    ],
    [
      'front matter nested 1,000 levels deep',
      (root) =>
        plant(
          root,
          'sund-deep01-djup.md',
          `---\nid: sund-deep01\ntitle: ${'['.repeat(1000)}${']'.repeat(1000)}\n---\n`,
        ),
      /^front-matter\/too-deep$/,
    ],
    [
      'front matter nested 1,000 levels deep as a block',
      (root) =>
        plant(
          root,
          'sund-deep02-djup.md',
          `---\nid: sund-deep02\nx:\n${Array.from({ length: 1000 }, (_, d) => `${' '.repeat(d + 1)}k${d}:`).join('\n')}\n---\n`,
        ),
      /^front-matter\//,
    ],
    [
      'an alias bomb',
      (root) => {
        const rows = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
        for (let i = 1; i < 12; i++)
          rows.push(
            `a${i}: &a${i} [${Array(9)
              .fill(`*a${i - 1}`)
              .join(', ')}]`,
          );
        return plant(root, 'sund-bomb01-bomb.md', `---\nid: sund-bomb01\ntitle: Bomb\n${rows.join('\n')}\n---\n`);
      },
      /^front-matter\/alias-limit$/,
    ],
    [
      'a symbolic link out of the registry',
      (root) => {
        symlinkSync('/etc/passwd', path.join(root, 'ideas/01-ide/sund-link01-lank.md'));
        return 'ideas/01-ide/sund-link01-lank.md';
      },
      /^file\/symlink$/,
    ],
  ];

  for (const [name, make, rule] of cases) {
    it(`${name}: validate gives a finding on the file and changes nothing`, () => {
      const root = makeSluice();
      const rel = make(root);
      const before = readTree(root);
      // A hang would end in the helper's timeout and fail here.
      const r = ideas(['validate', '--format', 'json'], { cwd: root });
      expect(r.code, describeRun(r)).toBe(1);
      expect(r.stderr).not.toMatch(STACK);
      const mine = parseJson<Validation>(r).findings.filter((f) => f.file === rel);
      expect(mine.map((f) => f.rule)).toEqual([expect.stringMatching(rule)]);
      expect(mine[0]?.line).toBeGreaterThanOrEqual(1);
      // list and show skip what they cannot read; nothing crashes.
      const list = ideas(['list'], { cwd: root });
      expect(list.code, describeRun(list)).toBe(0);
      expect(readTree(root)).toEqual(before);
    });
  }

  it('a read-only idea: decide, move and assign refuse with a clear error, and nothing changes', () => {
    const root = makeSluice();
    const rel = ideaPath('sund-eev2bz');
    chmodSync(path.join(root, rel), 0o444);
    const before = read(root, rel);
    const status = git(['status', '--porcelain'], root);
    for (const args of [
      ['decide', 'sund-eev2bz', '--decision', 'return', '--reason', 'Mer underlag'],
      ['move', 'sund-eev2bz', 'parked'],
      ['assign', 'sund-eev2bz', '--coach', 'Johan Ek'],
    ]) {
      const r = ideas(args, { cwd: root });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toContain('skrivskyddad');
      expect(r.stderr).not.toMatch(STACK);
    }
    expect(read(root, rel)).toBe(before);
    expect(statSync(path.join(root, rel)).mode & 0o777).toBe(0o444);
    expect(git(['status', '--porcelain'], root)).toBe(status);
  });

  it('a write keeps the file mode the idea had', () => {
    const root = makeSluice();
    const rel = ideaPath('sund-eev2bz');
    chmodSync(path.join(root, rel), 0o640);
    const r = ideas(['decide', 'sund-eev2bz', '--decision', 'return', '--reason', 'Mer underlag'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(0);
    expect(statSync(path.join(root, rel)).mode & 0o777).toBe(0o640);
  });
});
