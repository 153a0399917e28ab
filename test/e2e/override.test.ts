/**
 * An override is a decision, not an error: an idea the council approved (or a coordinator moved) past a closed gate
 * is a warning in `ideas validate` until it leaves that stage, an error under --strict, and a row in `ideas report`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, type RunResult } from '../helpers/cli.js';
import { initRegistry, readConfig, stageDir } from '../helpers/registry.js';
import { removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

interface Validation {
  ok: boolean;
  summary: { errors: number; warnings: number };
  findings: { file: string; rule: string; severity: string; message: string }[];
}
interface ReportDoc {
  overrides: {
    id: string;
    stage: string;
    date: string;
    missing: string[] | null;
    personal: { by: string | null } | null;
  }[];
}

const ok = (r: RunResult) => expect(r.code, describeRun(r)).toBe(0);

let dir: string;
let id: string;
let file: string;
beforeAll(() => {
  dir = initRegistry('sundsvall', 'en');
  const made = ideas(['new', '--no-input', '--title', 'Lånecykel'], { cwd: dir });
  ok(made);
  const open = ideas(['new', '--no-input', '--title', 'Second idea'], { cwd: dir });
  ok(open);
  id = path.basename(made.stdout.trim()).split('-').slice(0, 2).join('-');
  const refused = ideas(['decide', id, '-d', 'approve', '--reason', 'Bra', '--by', 'Idérådet'], { cwd: dir });
  expect(refused.code, describeRun(refused)).toBe(1);
  const forced = ideas(['decide', id, '-d', 'approve', '--reason', 'Bra', '--by', 'Idérådet', '--force'], {
    cwd: dir,
  });
  ok(forced);
  file = forced.stdout.trim().split('\n')[0] ?? '';
  expect(file.startsWith(`${stageDir(readConfig(dir), 'refinement')}/`), file).toBe(true);
});

describe('ideas validate after a forced approval', () => {
  it('passes, with a warning for each criterion the idea lacks, naming who overrode and when', () => {
    const r = ideas(['validate', '--json'], { cwd: dir });
    ok(r);
    const doc = parseJson<Validation>(r);
    expect(doc.ok).toBe(true);
    expect(doc.summary.errors).toBe(0);
    const mine = doc.findings.filter((f) => f.file === file);
    expect(mine.length).toBeGreaterThan(0);
    for (const f of mine) {
      expect(f).toMatchObject({ severity: 'warning', rule: 'criteria/refinement' });
      expect(f.message).toMatch(/override.*by Idérådet, \d{4}-\d{2}-\d{2}\); missing: .*\[\w+\]/);
    }
    const human = ideas(['validate'], { cwd: dir });
    ok(human);
    expect(human.stdout).toMatch(/warning +Stands in stage Refinement on an override/);
  });

  it('fails under --strict, as warnings do', () => {
    const r = ideas(['validate', '--strict'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(1);
  });

  it('is an error again once the history no longer shows the override (the cache sees the change at once)', () => {
    ok(ideas(['validate'], { cwd: dir }));
    const abs = path.join(dir, file);
    const text = fs.readFileSync(abs, 'utf8');
    try {
      fs.writeFileSync(abs, text.replace(/^ {4}forced: true\n/m, ''));
      const r = ideas(['validate', '--json'], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(1);
      const errors = parseJson<Validation>(r).findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => f.rule)).toContain('criteria/refinement');
    } finally {
      fs.writeFileSync(abs, text);
    }
    ok(ideas(['validate'], { cwd: dir }));
  });
});

describe('ideas report after a forced approval', () => {
  it('lists the idea standing on the override, with what it lacks; who overrode only with --include-personal', () => {
    const r = ideas(['report', '--json'], { cwd: dir });
    ok(r);
    const { overrides } = parseJson<ReportDoc>(r);
    expect(overrides.map((o) => [o.id, o.stage, o.personal])).toEqual([[id, 'refinement', null]]);
    expect(overrides[0]?.missing).toEqual(expect.arrayContaining(['carrier', 'coach']));
    expect(r.stdout).not.toContain('Idérådet');
    const internal = ideas(['report', '--json', '--include-personal'], { cwd: dir });
    ok(internal);
    expect(parseJson<ReportDoc>(internal).overrides[0]?.personal).toEqual({ by: 'Idérådet' });

    const human = ideas(['report'], { cwd: dir });
    ok(human);
    const section = human.stdout.slice(human.stdout.indexOf('Standing on an override'));
    expect(section).toMatch(new RegExp(`${id} +Lånecykel +Refinement +\\d{4}-\\d{2}-\\d{2} +Idea carrier, Idea coach`));
    expect(section.split('\n\n')[0]).not.toContain('Second idea');
  });
});
