import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, STACK_LINE } from '../helpers/cli.js';
import { plantedExample } from '../helpers/planted.js';
import { initRegistry, markdownFiles, readIdeaFile, snapshotFiles, utcDate } from '../helpers/registry.js';
import { git, makeTempDir, removeTempDirs, stagedFiles } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

let source: string;
beforeAll(() => {
  source = plantedExample();
});

/** Every idea of a registry by title: its front matter without id and history, and its text. */
function ideasByTitle(
  dir: string,
): Map<string, { data: Record<string, unknown>; body: string; path: string; history: unknown }> {
  const out = new Map<string, { data: Record<string, unknown>; body: string; path: string; history: unknown }>();
  for (const rel of markdownFiles(path.join(dir, 'ideas'))) {
    const { data, body } = readIdeaFile(dir, `ideas/${rel}`);
    const { id: _id, history, ...rest } = data;
    out.set(String(data.title), {
      data: rest,
      body: body.trim(),
      path: `ideas/${rel}`.replace(/\/[^/]+$/, ''),
      history,
    });
  }
  return out;
}

describe('ideas import', () => {
  it('round-trips an internal export into a new registry: every field and text, each idea in its stage, staged in git', () => {
    const exported = ideas(['export', '--include-personal'], { cwd: source });
    expect(exported.code, describeRun(exported)).toBe(0);
    const target = initRegistry('sundsvall', 'sv');
    fs.writeFileSync(path.join(target, 'export.csv'), exported.stdout);
    const before = utcDate();
    const r = ideas(['import', 'export.csv', '--by', 'Samordnaren'], { cwd: target });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stderr).toContain('Importerade 11 idéer från export.csv (tillagda i git med git add).');
    // Every column of the export is read back by its Swedish label; those it computes (entered, granted) are no data.
    expect(r.stderr).not.toContain('Kolumner som inte importerades');
    const written = r.stdout.trim().split('\n');
    expect(written).toHaveLength(11);
    expect(stagedFiles(target).sort()).toEqual([...written].sort());

    const original = ideasByTitle(source);
    const copy = ideasByTitle(target);
    expect([...copy.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [title, o] of original) {
      const c = copy.get(title);
      expect(c?.data, title).toEqual(o.data);
      expect(c?.body, title).toBe(o.body);
      expect(c?.path, title).toBe(o.path);
      expect(c?.history, title).toEqual([
        {
          date: expect.stringMatching(new RegExp(`^(${before}|${utcDate()})$`)),
          action: 'imported',
          to: expect.any(String),
          source: expect.stringMatching(/^export\.csv, rad \d+$/),
          key: expect.stringMatching(/^[0-9a-f]{16}$/),
          by: 'Samordnaren',
        },
      ]);
    }
    const validate = ideas(['validate'], { cwd: target });
    expect(validate.code, describeRun(validate)).toBe(0);
  });

  it('names the importer in history as git knows them when --by is not given, and nobody without a git identity', () => {
    const target = initRegistry('sundsvall', 'en');
    fs.writeFileSync(path.join(target, 'one.csv'), 'title,challenge\nA bench by the lake,klimat\n');
    const r = ideas(['import', 'one.csv'], { cwd: target });
    expect(r.code, describeRun(r)).toBe(0);
    const [written] = r.stdout.trim().split('\n');
    expect(readIdeaFile(target, written as string).data.history).toEqual([
      expect.objectContaining({ action: 'imported', by: 'E2E Test' }),
    ]);

    git(['config', '--unset', 'user.name'], target);
    fs.writeFileSync(path.join(target, 'two.csv'), 'title,challenge\nA second bench,klimat\n');
    const anonymous = ideas(['import', 'two.csv'], {
      cwd: target,
      env: { HOME: makeTempDir('ideas-home-'), XDG_CONFIG_HOME: undefined },
    });
    expect(anonymous.code, describeRun(anonymous)).toBe(0);
    const [second] = anonymous.stdout.trim().split('\n');
    expect(readIdeaFile(target, second as string).data.history).toEqual([
      expect.not.objectContaining({ by: expect.anything() }),
    ]);
  });

  it('refuses the whole file when a row is invalid: exit 1, each row, column and problem named, nothing written', () => {
    const target = initRegistry('sundsvall', 'en');
    fs.writeFileSync(
      path.join(target, 'ideas.csv'),
      'title,challenge,stage,carrier\nGood idea,klimat,,\nBad challenge,nowhere,,\nNo coach,klimat,refinement,Anna\n',
    );
    const before = snapshotFiles(target);
    const r = ideas(['import', 'ideas.csv'], { cwd: target });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'Row 3, column challenge: Invalid value for Challenge the idea answers [challenge]: "nowhere" (The welfare of the future (valfard),',
    );
    expect(r.stderr).toContain('Row 4: No idea coach is assigned to the idea [coach]');
    expect(r.stderr).toContain('Nothing was imported: 2 rows have problems.');
    expect(snapshotFiles(target)).toEqual(before);
    expect(stagedFiles(target)).toEqual([]);

    const json = ideas(['import', 'ideas.csv', '--json'], { cwd: target });
    expect(json.code).toBe(1);
    expect(parseJson(json)).toMatchObject({
      schemaVersion: 1,
      kind: 'import',
      ok: false,
      written: false,
      invalidRows: [3, 4],
      imported: [],
      invalid: [
        { row: 3, column: 'challenge', field: 'challenge' },
        { row: 4, column: null, field: 'coach' },
        { row: 4, column: null, field: 'unit' },
      ],
    });

    const skip = ideas(['import', 'ideas.csv', '--skip-invalid', '--json'], { cwd: target });
    expect(skip.code, describeRun(skip)).toBe(0);
    expect(parseJson(skip)).toMatchObject({
      ok: true,
      written: true,
      invalidRows: [3, 4],
      imported: [{ row: 2, title: 'Good idea', stage: 'idea' }],
    });
    expect(markdownFiles(path.join(target, 'ideas'))).toHaveLength(1);
  });

  it('refuses a row created after today (a typo in a cell), which no report would count', () => {
    const target = initRegistry('sundsvall', 'sv');
    fs.writeFileSync(
      path.join(target, 'ideas.csv'),
      '\uFEFFIdéns namn;Skapad\nLäxhjälp online;2099-03-01\nSkolmat;2026-01-15\n',
    );
    const before = snapshotFiles(target);
    const r = ideas(['import', 'ideas.csv'], { cwd: target });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stderr).toMatch(
      /Rad 2, kolumn Skapad: Datumet 2099-03-01 ligger efter i dag \(\d{4}-\d{2}-\d{2}\); en idé kan inte vara skapad i framtiden\./,
    );
    expect(r.stderr).not.toContain('Rad 3');
    expect(snapshotFiles(target)).toEqual(before);
  });

  it('with --dry-run and --map: checks, names each new idea by its row and title, writes nothing', () => {
    const target = initRegistry('sundsvall', 'sv');
    fs.writeFileSync(
      path.join(target, 'gamla.csv'),
      '\uFEFFIdé;Vad det är;Anteckning\r\nLånecykel;Cyklar att låna;intern\r\n',
    );
    const before = snapshotFiles(target);
    const r = ideas(
      ['import', 'gamla.csv', '--dry-run', '--map', 'Idé=title', '--map', 'Vad det är=body', '--map', 'Anteckning='],
      { cwd: target },
    );
    expect(r.code, describeRun(r)).toBe(0);
    // No path on stdout: the ids a dry run would give are not the ones the import gives (a newcomer took them for
    // files written).
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('  rad 2: en ny idé i Idé, "Lånecykel" (id ges när den importeras)');
    expect(r.stderr).toContain(
      'Provkörning av gamla.csv: 1 ny idé skulle skapas, 0 idéer uppdateras och 0 idéer lämnas oförändrade; inget skrevs.',
    );
    expect(snapshotFiles(target)).toEqual(before);
  });

  it.each([
    { name: 'a missing file', args: ['import', 'saknas.csv'], says: 'saknas.csv' },
    { name: 'a --map without =', args: ['import', 'x.csv', '--map', 'title'], says: '--map' },
    { name: 'a --map of a column the file lacks', args: ['import', 'x.csv', '--map', 'Namn=title'], says: 'Namn' },
    { name: 'no file at all', args: ['import'], says: 'file' },
  ])('refuses $name: exit 2, nothing written', ({ args, says }) => {
    const target = initRegistry('minimal', 'en', { git: false });
    fs.writeFileSync(path.join(target, 'x.csv'), 'title\nA\n');
    const r = ideas(args, { cwd: target });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(markdownFiles(path.join(target, 'ideas'))).toEqual([]);
  });
});

describe('ideas import of a sheet made by hand', () => {
  it('names the --map for a shortened header, runs it as printed, and takes nothing on a guess', () => {
    const dir = initRegistry('sundsvall', 'sv');
    fs.writeFileSync(
      path.join(dir, 'ideer.csv'),
      'Titel;Enhet;Utmaning;Färg\nCykelpool;Vård och omsorg;Klimatomställning och minskat svinn;blå\n',
    );
    const dry = ideas(['import', 'ideer.csv', '--dry-run'], { cwd: dir });
    expect(dry.code, describeRun(dry)).toBe(0);
    expect(dry.stderr).toContain('Kolumner som inte importerades: Enhet, Utmaning, Färg');
    const line = dry.stderr.split('\n').find((l) => l.startsWith('Lägg till '));
    expect(line).toBe(
      'Lägg till --map Enhet=unit --map Utmaning=challenge för att ta med dem (kontrollera först med --dry-run).',
    );
    const maps = (line as string).slice('Lägg till '.length, line!.indexOf(' för att')).split(' ');
    const r = ideas(['import', 'ideer.csv', ...maps], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stderr).toContain('Kolumner som inte importerades: Färg');
    // The fields by name, not a pointer to `ideas schema`'s JSON Schema (a newcomer found 500 lines there).
    expect(r.stderr).toMatch(/Ta med en kolumn med --map '<kolumn>=<fält>'; fälten: title, carrier, .*test_plan/);
    const [file] = markdownFiles(path.join(dir, 'ideas'));
    const { data } = readIdeaFile(dir, `ideas/${file}`);
    expect(data).toMatchObject({ title: 'Cykelpool', unit: 'Vård och omsorg', challenge: 'klimat' });
    expect(data).not.toHaveProperty('Färg');
  });
});
