/**
 * Crash safety: the process killed with SIGKILL at each step of `new`, `move` and `decide` leaves every idea whole
 * in exactly one place, and a temporary file left by a killed write is never taken for an idea.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson } from '../helpers/cli.js';
import { makeSluice, read, removeSluices } from '../helpers/sluice.js';

afterAll(removeSluices);

interface ListDoc {
  ideas: { id: string; path: string }[];
}

/** Every file under the ideas folder, hidden ones included, relative to it. */
function allFiles(root: string): string[] {
  return readdirSync(path.join(root, 'ideas'), { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.includes('.'))
    .sort();
}

function listed(root: string): ListDoc['ideas'] {
  const r = ideas(['list', '--json'], { cwd: root });
  expect(r.code, describeRun(r)).toBe(0);
  return parseJson<ListDoc>(r).ideas;
}

const CASES: { name: string; args: string[]; steps: string[] }[] = [
  {
    name: 'new',
    args: ['new', '--no-input', '--title', 'Efter ett avbrott'],
    steps: ['write:temp-written', 'new:before-add'],
  },
  {
    name: 'move',
    args: ['move', 'sund-eev2bz', 'parked', '--by', 'Test'],
    steps: ['move:after-rename', 'write:temp-written', 'move:after-write'],
  },
  {
    name: 'decide',
    args: ['decide', 'sund-eev2bz', '--decision', 'return', '--reason', 'Skriv en testplan', '--by', 'Idérådet'],
    steps: ['write:temp-written', 'rewrite:after-write'],
  },
];

describe('killed with SIGKILL', () => {
  for (const c of CASES) {
    for (const step of c.steps) {
      it(`${c.name} at ${step}: every idea whole, in one place, and no temp file taken for an idea`, async () => {
        const root = makeSluice();
        const before = listed(root);
        const killed = ideas(c.args, { cwd: root, env: { IDEAS_FAULT: `kill:${step}` } });
        expect(killed.signal, describeRun(killed)).toBe('SIGKILL');

        const after = listed(root);
        const ids = after.map((i) => i.id);
        // Each idea once: nothing lost, nothing doubled; a new idea is there whole or not at all.
        expect(new Set(ids).size).toBe(ids.length);
        for (const { id } of before) expect(ids).toContain(id);
        expect(ids.length - before.length).toBeLessThanOrEqual(1);
        // Every file the list shows parses: validate finds no broken file.
        const v = ideas(['validate', '--format', 'json'], { cwd: root });
        const findings = parseJson<{ findings: { rule: string; file: string }[] }>(v).findings;
        expect(
          findings.filter((f) => /^(file|front-matter)\//.test(f.rule)),
          describeRun(v),
        ).toEqual([]);
        // A temp file the write left behind is hidden and not an idea.
        const temps = allFiles(root).filter((x) => x.endsWith('.tmp'));
        if (step === 'write:temp-written') expect(temps).toHaveLength(1);
        for (const f of temps) expect(path.basename(f).startsWith('.')).toBe(true);
        expect(after.every((i) => i.path.endsWith('.md'))).toBe(true);
        // The idea the command was about is whole: its old text or its new, never a mix.
        if (c.name !== 'new') {
          const idea = after.find((i) => i.id === 'sund-eev2bz');
          expect(read(root, idea?.path ?? '')).toMatch(/^---\n[\s\S]*\n---\n[\s\S]*Bokbuss/);
        }
        // And the next command works: the lock of the killed process does not block it.
        const next = ideas(['new', '--no-input', '--title', 'Nästa idé'], { cwd: root });
        expect(next.code, describeRun(next)).toBe(0);
      });
    }
  }
});
