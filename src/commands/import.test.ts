import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git, readTree } from '../../test/helpers/temp-repo.js';
import { commandContext, makeSluice, read, removeSluices } from '../../test/helpers/sluice.js';
import { runImport, type ImportOptions } from './import.js';
import { rowKey } from '../core/exchange/reimport.js';
import { failure } from '../../test/helpers/errors.js';

afterEach(removeSluices);

const opts = (file: string, more: Partial<ImportOptions> = {}): ImportOptions => ({
  file,
  map: [],
  dryRun: false,
  skipInvalid: false,
  ...more,
});

/** A file in the sluice's folder, in the encoding given. */
function sheet(root: string, name: string, text: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  writeFileSync(path.join(root, name), Buffer.from(text, encoding));
  return name;
}

/** Hidden temporary files left anywhere under the ideas folder. */
function temps(root: string): string[] {
  return readdirSync(path.join(root, 'ideas'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => path.basename(f).startsWith('.') && f.endsWith('.tmp'),
  );
}

const VALID =
  'Titel;Idébärare;challenge;tags;beskrivning\r\nLånecykel;Anna Berg;Klimatomställning och minskat svinn;cykel, klimat;"Rad ett\r\nrad två"\r\nRobotdammsugare;;;;\r\n';

describe('runImport', () => {
  it('makes one idea per row in the first stage, with a new id, an imported entry, and stages them in git', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    const r = await runImport(opts(sheet(root, 'ideer.csv', VALID), { by: 'Samordnaren' }), ctx);
    expect([r.ok, r.written, r.staged, r.rows, r.delimiter, r.encoding]).toEqual([true, true, true, 2, ';', 'utf-8']);
    expect(r.imported.map((i) => [i.row, i.stage.key, i.title])).toEqual([
      [2, 'idea', 'Lånecykel'],
      [3, 'idea', 'Robotdammsugare'],
    ]);
    const [first] = r.imported;
    expect(first?.path).toMatch(/^ideas\/01-ide\/sund-[0-9a-z]{6}-lanecykel\.md$/);
    expect(read(root, first?.path ?? '')).toBe(
      `---\nid: ${first?.id}\ntitle: Lånecykel\ncreated: 2026-11-23\ncarrier: Anna Berg\nchallenge: klimat\ntags: [cykel, klimat]\nhistory:\n  - date: 2026-11-23\n    action: imported\n    to: idea\n    source: ideer.csv, rad 2\n    key: ${rowKey('ideer.csv', 'Lånecykel', 1)}\n    by: Samordnaren\n---\n\nRad ett\nrad två\n`,
    );
    expect(git(['diff', '--cached', '--name-only'], root).trim().split('\n').sort()).toEqual(
      r.imported.map((i) => i.path).sort(),
    );
    expect(new Set(r.imported.map((i) => i.id)).size).toBe(2);
  });

  it('writes nothing when a row is invalid, and names the row, the column and the problem', async () => {
    const root = makeSluice();
    const file = sheet(
      root,
      'ideer.csv',
      'title,challenge,created\nBra idé,klimat,2026-01-02\n,klimat,\nTredje,okänd,i våras\n',
    );
    const before = readTree(root);
    const { ctx } = commandContext(root);
    const r = await runImport(opts(file), ctx);
    expect([r.ok, r.written, r.imported, r.invalidRows]).toEqual([false, false, [], [3, 4]]);
    expect(r.problems.map((p) => [p.row, p.column, p.field])).toEqual([
      [3, 'title', 'title'],
      [4, 'challenge', 'challenge'],
      [4, 'created', 'created'],
    ]);
    expect(readTree(root)).toEqual(before);
    expect(git(['status', '--porcelain'], root)).toBe('?? ideer.csv\n');
  });

  it('with --skip-invalid, imports the valid rows and lists the others', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    const r = await runImport(
      opts(sheet(root, 'ideer.csv', 'title,challenge\nBra idé,klimat\nDålig,okänd\n'), { skipInvalid: true }),
      ctx,
    );
    expect([r.ok, r.written, r.invalidRows, r.imported.map((i) => i.title)]).toEqual([true, true, [3], ['Bra idé']]);
  });

  it('with --dry-run, checks and plans but writes nothing', async () => {
    const root = makeSluice();
    const file = sheet(root, 'ideer.csv', VALID);
    const before = readTree(root);
    const { ctx } = commandContext(root);
    const r = await runImport(opts(file, { dryRun: true }), ctx);
    expect([r.ok, r.written, r.imported.length]).toEqual([true, false, 2]);
    expect(readTree(root)).toEqual(before);
  });

  it("checks each row against its stage's criteria: --stage for all, else the stage column", async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    const file = sheet(
      root,
      'ideer.csv',
      'title;stage;carrier;coach;unit;challenge\nA;foradling;Anna;Johan;Vård;klimat\nB;Förädling;Bo;;Skola;klimat\nC;;;;;\n',
    );
    const byColumn = await runImport(opts(file), ctx);
    expect(byColumn.problems.map((p) => [p.row, p.column, p.message.sv])).toEqual([
      [3, 'coach', 'Ingen idécoach är kopplad till idén [coach]'],
    ]);
    const all = await runImport(opts(file, { stage: 'test', dryRun: true }), ctx);
    expect(all.invalidRows).toEqual([2, 3, 4]);
  });

  it('leaves nothing behind when a write fails midway: no idea, no temporary file, nothing staged', async () => {
    for (const fault of ['import:temp-written@2', 'import:linked@2', 'import:staged']) {
      const root = makeSluice();
      const file = sheet(root, 'ideer.csv', VALID);
      const before = readTree(root);
      const { ctx } = commandContext(root);
      ctx.env.IDEAS_FAULT = fault;
      const e = await failure(runImport(opts(file), ctx));
      expect(e.code, fault).toBe('IO');
      expect(readTree(root), fault).toEqual(before);
      expect(temps(root), fault).toEqual([]);
      expect(git(['status', '--porcelain'], root), fault).toBe('?? ideer.csv\n');
    }
  });

  it('reads a file Swedish Excel saved as plain CSV (Windows-1252), and says so', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    const r = await runImport(
      opts(sheet(root, 'ideer.csv', 'Titel;Beskrivning\r\nÅtervinning på Södermalm;Mer återbruk\r\n', 'latin1'), {
        dryRun: true,
      }),
      ctx,
    );
    expect([r.encoding, r.imported[0]?.title]).toEqual(['windows-1252', 'Återvinning på Södermalm']);
  });

  // Found from outside: a workbook was read as text, and its columns were named in binary noise.
  it('says an Excel workbook is not CSV, and how to save one, for .xlsx and .xls alike', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    for (const [name, magic] of [
      ['ideer.xlsx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
      ['ideer.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]],
    ] as const) {
      writeFileSync(path.join(root, name), Buffer.from([...magic, ...Buffer.from('Titel\nx\n')]));
      const e = await failure(runImport(opts(name, { dryRun: true }), ctx));
      expect([e.code, e.text.sv, e.hint?.sv]).toEqual([
        'USAGE',
        `Filen ${name} är en Excel-arbetsbok, inte en CSV-fil; ideas import läser CSV. Inget importerades.`,
        'Spara bladet som CSV i Excel (Arkiv → Spara som → CSV UTF-8) och importera den filen.',
      ]);
    }
  });

  it('reports its progress through the rows and the writes, ending at the total', async () => {
    const root = makeSluice({ git: false });
    const { ctx } = commandContext(root);
    const seen: [number, number][] = [];
    const rows = Array.from({ length: 5 }, (_, i) => `Idé ${i}`).join('\n');
    await runImport(
      opts(sheet(root, 'ideer.csv', `title\n${rows}\n`), { onProgress: (done, total) => seen.push([done, total]) }),
      ctx,
    );
    expect(seen.map(([d]) => d)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(seen.map(([, t]) => t))).toEqual(new Set([10]));
  });

  it('flags rows whose title an idea in the registry already has', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    const r = await runImport(
      opts(sheet(root, 'ideer.csv', 'title\nDigital tillsyn i hemtjänsten\n'), { dryRun: true }),
      ctx,
    );
    expect(r.duplicates).toEqual([{ row: 2, id: 'sund-avmpk4', title: 'Digital tillsyn i hemtjänsten' }]);
  });

  it.each([
    { name: 'a file that does not exist', file: 'saknas.csv', text: null, more: {}, says: 'saknas.csv' },
    { name: 'a quote that never ends', file: 'x.csv', text: 'title\n"oj\n', more: {}, says: 'rad 2' },
    { name: 'an empty file', file: 'x.csv', text: '\n\n', more: {}, says: 'inga rader' },
    { name: 'a --map without =', file: 'x.csv', text: 'title\nA\n', more: { map: ['title'] }, says: 'kolumn=fält' },
  ])('refuses $name as a usage error', async ({ file, text, more, says }) => {
    const root = makeSluice({ git: false });
    const { ctx } = commandContext(root);
    if (text !== null) sheet(root, file, text);
    const e = await failure(runImport(opts(file, more), ctx));
    expect(e.code).toBe('USAGE');
    expect(e.messageIn('sv')).toContain(says);
  });
});
