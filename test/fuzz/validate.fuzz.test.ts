/**
 * Idea files are untrusted input. A seeded fuzz of 10,000 mutated idea files: the check that `ideas validate` runs
 * on every file never throws and never spends a second of CPU time on one file (CPU time, not the clock: a
 * loaded machine stretches the clock, and a hang in a parser is orders of magnitude beyond either); and the CLI over a registry of
 * mutated files exits 0 or 1, with findings and no stack trace.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { baseValidators } from '../../src/io/schemas.js';
import { checkIdeaFile, type CheckContext } from '../../src/core/criteria/validate.js';
import { listIdeaFiles } from '../../src/io/idea-files.js';
import { loadCriteria, loadRegistry } from '../../src/io/registry.js';
import { describeRun, ideas } from '../helpers/cli.js';
import { mutate, prng } from './mutate.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const SEED = 20261123;
const CASES = 10_000;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function seedFiles(): Buffer[] {
  const out: Buffer[] = [];
  for (const example of readdirSync(EXAMPLES)) {
    const root = path.join(EXAMPLES, example, 'ideas');
    for (const f of readdirSync(root, { recursive: true, encoding: 'utf8' }))
      if (f.endsWith('.md') && !f.endsWith('README.md')) out.push(readFileSync(path.join(root, f)));
  }
  return out;
}

describe('fuzz: mutated idea files', () => {
  it(
    `${CASES} mutated files (seed ${SEED}): the check never throws and never spends a second of CPU on one file`,
    { timeout: 300_000 },
    () => {
      const registry = loadRegistry(path.join(EXAMPLES, 'sundsvall'), 'en');
      const entry = listIdeaFiles(registry).find((e) => e.stage)!;
      const ctx: CheckContext = {
        config: registry.config,
        lang: 'en',
        base: baseValidators().idea,
        criteria: loadCriteria(registry),
      };
      const seeds = seedFiles();
      expect(seeds.length).toBeGreaterThan(40);
      const rnd = prng(SEED);
      let slowest = 0;
      let withFindings = 0;
      for (let i = 0; i < CASES; i++) {
        const bytes = mutate(rnd, seeds[i % seeds.length]!);
        const started = process.cpuUsage();
        let result;
        try {
          result = checkIdeaFile(entry, bytes, ctx);
        } catch (e) {
          throw new Error(`case ${i} threw\n--- input (base64) ---\n${bytes.toString('base64')}`, { cause: e });
        }
        const used = process.cpuUsage(started);
        const ms = (used.user + used.system) / 1000;
        slowest = Math.max(slowest, ms);
        if (ms > 1000)
          throw new Error(
            `case ${i} took ${ms.toFixed(0)} ms of CPU\n--- input (base64) ---\n${bytes.toString('base64')}`,
          );
        if (result.findings.some((f) => /^(file|front-matter)\//.test(f.rule))) withFindings++;
        for (const f of result.findings) {
          expect(f.message.length, `case ${i}`).toBeGreaterThan(0);
          expect(f.line === null || (Number.isInteger(f.line) && f.line >= 1), `case ${i}: line ${f.line}`).toBe(true);
        }
      }
      // Most mutations must really break the files' syntax, or the fuzz proves nothing.
      expect(withFindings).toBeGreaterThan(CASES / 3);
      console.log(`fuzz: ${CASES} files, ${withFindings} unreadable, slowest ${slowest.toFixed(1)} ms`);
    },
  );

  it(
    'the CLI over 500 mutated files exits 0 or 1, with a finding per broken file and no stack trace',
    { timeout: 120_000 },
    () => {
      const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ideas-fuzz-')));
      dirs.push(root);
      cpSync(path.join(EXAMPLES, 'sundsvall'), root, { recursive: true });
      const seeds = seedFiles();
      const rnd = prng(SEED + 1);
      for (let i = 0; i < 500; i++)
        writeFileSync(
          path.join(root, 'ideas', '01-ide', `sund-fz${String(i).padStart(4, '0')}-fuzz.md`),
          mutate(rnd, seeds[i % seeds.length]!),
        );
      const r = ideas(['validate', '--format', 'json'], { cwd: root, timeoutMs: 100_000 });
      expect([0, 1], describeRun(r)).toContain(r.code);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      const doc = JSON.parse(r.stdout) as {
        summary: { files: number };
        findings: { file: string; line: number | null }[];
      };
      expect(doc.summary.files).toBeGreaterThanOrEqual(500);
      expect(new Set(doc.findings.map((f) => f.file)).size).toBeGreaterThan(250);
    },
  );
});
