import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, STACK_LINE } from '../helpers/cli.js';
import { ideaText, initRegistry, readConfig, stageDir, writeFile } from '../helpers/registry.js';
import { removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

let dir: string;
let PATH: string;

beforeAll(() => {
  dir = initRegistry('sundsvall', 'en', { git: false });
  PATH = `${stageDir(readConfig(dir), 'refinement')}/sund-k7q2xa-aterbruk-av-mobler.md`;
  writeFile(
    dir,
    PATH,
    `${ideaText(
      {
        id: 'sund-k7q2xa',
        title: 'Återbruk av möbler',
        carrier: 'Åsa Öberg',
        unit: 'Servicecenter',
        challenge: 'klimat',
        tags: '[klimat, återbruk]',
        history:
          '\n  - { date: 2026-01-15, action: created, to: idea }\n  - { date: 2026-02-01, action: moved, from: idea, to: refinement, by: Eva }',
      },
      '\nMöbler som står oanvända i en förvaltning behövs i en annan.\n',
    )}`,
  );
  writeFile(
    dir,
    `${stageDir(readConfig(dir))}/sund-k7q2xb-annan.md`,
    ideaText({ id: 'sund-k7q2xb', title: 'Another idea' }),
  );
});

interface IdeaDoc {
  schemaVersion: number;
  kind: string;
  idea: Record<string, unknown> & { history: Record<string, unknown>[] };
}

describe('ideas show', () => {
  it('shows the fields, the history and the text', () => {
    const r = ideas(['show', 'sund-k7q2xa'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stderr).toBe('');
    for (const text of [
      'sund-k7q2xa',
      'Återbruk av möbler',
      'Refinement',
      PATH,
      'Åsa Öberg',
      'Servicecenter',
      '2026-02-01',
      'Eva',
      'Möbler som står oanvända',
    ]) {
      expect(r.stdout).toContain(text);
    }
    expect(r.stdout).not.toContain('\x1b[');
  });

  // Found by a newcomer: in English, `manager_support`'s label (37 characters) stood out of line with the rest.
  it("lines every field's value up after its label, a long English label's too", () => {
    const file = `${stageDir(readConfig(dir), 'refinement')}/sund-k7q2xc-chef.md`;
    writeFile(dir, file, ideaText({ id: 'sund-k7q2xc', title: 'Chef', carrier: 'Kim', manager_support: 'true' }));
    const r = ideas(['show', 'sund-k7q2xc'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^(Idea carrier|The nearest manager supports the idea):/.test(l));
    expect(rows).toHaveLength(2);
    const valueAt = (line: string) => line.search(/: +\S/) + (/: +/.exec(line)?.[0].length ?? 0);
    expect(valueAt(rows[0] as string)).toBe(valueAt(rows[1] as string));
  });

  it('--json prints one idea document', () => {
    const r = ideas(['show', 'sund-k7q2xa', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<IdeaDoc>(r);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      kind: 'idea',
      idea: {
        id: 'sund-k7q2xa',
        title: 'Återbruk av möbler',
        stage: 'refinement',
        path: PATH,
        created: '2026-01-15',
        carrier: 'Åsa Öberg',
        coach: null,
        unit: 'Servicecenter',
        challenge: 'klimat',
        tags: ['klimat', 'återbruk'],
      },
    });
    expect(doc.idea.history).toHaveLength(2);
    expect(doc.idea.history[1]).toMatchObject({
      date: '2026-02-01',
      action: 'moved',
      from: 'idea',
      to: 'refinement',
      by: 'Eva',
      note: null,
    });
    expect(String(doc.idea.body)).toContain('Möbler som står oanvända');
    expect(r.stdout).not.toContain(dir);
  });

  it.each(['k7q2xa', 'K7Q2XA', 'SUND-K7Q2XA'])('finds the idea by %s', (id) => {
    const r = ideas(['show', id, '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson<IdeaDoc>(r).idea.id).toBe('sund-k7q2xa');
  });

  it('an unknown id → exit 2, naming it, with a hint', () => {
    const r = ideas(['show', 'zzzzzz'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('zzzzzz');
    expect(r.stderr).toContain('ideas list');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('an unknown id with --json → an error document', () => {
    const r = ideas(['show', 'zzzzzz', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(parseJson(r)).toMatchObject({ schemaVersion: 1, kind: 'error', error: { code: 'IDEA_NOT_FOUND' } });
  });

  it('says a gate that asks for nothing more does so, in the minimal template: no heading over nothing', () => {
    const minimal = initRegistry('minimal', 'en', { git: false });
    writeFile(
      minimal,
      `${stageDir(readConfig(minimal))}/idea-k7q2xa-kort.md`,
      ideaText({ id: 'idea-k7q2xa', title: 'Kort' }),
    );
    for (const [lang, says] of [
      ['en', 'The gate to In progress asks for nothing more.'],
      ['sv', 'Grinden till Pågår kräver inget mer.'],
    ] as const) {
      const r = ideas(['--lang', lang, 'show', 'idea-k7q2xa'], { cwd: minimal });
      expect(r.code, describeRun(r)).toBe(0);
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(says);
    }
  });

  it('without an id → exit 2', () => {
    const r = ideas(['show'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/id/);
  });
});
