/**
 * Screens tell the truth: an optional criterion left empty is shown as not given, never with a check mark, in
 * `show`, in review's agenda and on the site; only a value that meets a criterion gets one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson } from '../helpers/cli.js';
import { initRegistry, readConfig, stageDir, writeFile } from '../helpers/registry.js';
import { removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

const idea = (id: string, equality: string) =>
  [
    '---',
    `id: ${id}`,
    `title: Idé ${id}`,
    'created: 2026-10-01',
    'carrier: Kim Berg',
    'coach: Lo Ek',
    'unit: Kultur',
    'challenge: klimat',
    `equality_impact: ${equality}`,
    'history:',
    '  - date: 2026-10-01',
    '    action: created',
    '    to: refinement',
    '---',
    '',
    'Text.',
    '',
  ].join('\n');

const EMPTY = 'sund-empty1';
const GIVEN = 'sund-given1';
const LABEL = 'Gender-equality perspective [equality_impact]';

let dir: string;
beforeAll(() => {
  dir = initRegistry('sundsvall', 'en');
  const refinement = stageDir(readConfig(dir), 'refinement');
  writeFile(dir, `${refinement}/${EMPTY}-tom.md`, idea(EMPTY, '""'));
  writeFile(dir, `${refinement}/${GIVEN}-ifylld.md`, idea(GIVEN, 'Lika många kvinnor som män deltar.'));
});

/** The line of a screen that names the criterion. */
const lineOf = (text: string) => text.split('\n').find((l) => l.includes(LABEL)) ?? '';

describe('criteria status on the screens', () => {
  it('show: not given for the empty optional field, a check mark only for the filled one', () => {
    const empty = ideas(['show', EMPTY, '--lang', 'en'], { cwd: dir });
    expect(empty.code, describeRun(empty)).toBe(0);
    expect(empty.stdout).toContain('The gate to Test:');
    expect(lineOf(empty.stdout)).toBe(`  – ${LABEL}: not given`);
    const given = ideas(['show', GIVEN, '--lang', 'en'], { cwd: dir });
    expect(lineOf(given.stdout)).toBe(`  ✔ ${LABEL}`);
  });

  it("review's agenda: the same, in text and in --json", () => {
    const r = ideas(['review', '--dry-run', '--stage', 'refinement', '--lang', 'en'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.includes(LABEL));
    expect(lines.map((l) => l.trim()).sort()).toEqual([`✔ ${LABEL}`, `– ${LABEL}: not given`].sort());
    const json = ideas(['review', '--dry-run', '--stage', 'refinement', '--json'], { cwd: dir });
    expect(json.code, describeRun(json)).toBe(0);
    const doc = parseJson<{
      agenda: { idea: { id: string }; gate: { criteria: { field: string; met: boolean; status: string }[] } }[];
    }>(json);
    const status = (id: string) =>
      doc.agenda.find((a) => a.idea.id === id)?.gate.criteria.find((c) => c.field === 'equality_impact');
    expect(status(EMPTY)).toMatchObject({ met: false, status: 'not-given' });
    expect(status(GIVEN)).toMatchObject({ met: true, status: 'met' });
  });

  it('the site: no check mark for the empty optional field', () => {
    const r = ideas(['site'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const page = fs.readFileSync(path.join(dir, 'site', 'ideas', `${EMPTY}.html`), 'utf8');
    const item = page.split('\n').find((l) => l.includes('Gender-equality perspective') && l.startsWith('<li>')) ?? '';
    expect(item).toContain('class="not-given"');
    expect(item).not.toContain('✓');
    const filled = fs.readFileSync(path.join(dir, 'site', 'ideas', `${GIVEN}.html`), 'utf8');
    expect(filled.split('\n').find((l) => l.includes('Gender-equality perspective') && l.startsWith('<li>'))).toContain(
      '✓',
    );
  });
});
