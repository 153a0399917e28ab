import { describe, expect, it } from 'vitest';
import {
  BOM,
  CsvSyntaxError,
  CsvTooManyRecords,
  detectDelimiter,
  formatCsv,
  guardFormula,
  parseCsv,
  unguardFormula,
} from './csv.js';
import { thrown } from '../../../test/helpers/errors.js';

describe('formatCsv', () => {
  it('quotes what needs quoting (RFC 4180), doubles quotes and ends every record with CRLF', () => {
    expect(formatCsv([['a', 'b;c', 'say "hi"', 'two\nlines', 'x,y']], ';', { bom: false })).toBe(
      'a;"b;c";"say ""hi""";"two\nlines";x,y\r\n',
    );
    expect(formatCsv([['x,y', '']], ',', { bom: true })).toBe(`${BOM}"x,y",\r\n`);
  });

  it.each([['=SUM(A1)'], ['+46701234567'], ['-1+1'], ['@cmd'], ['\tx'], ['\rx']])(
    'puts an apostrophe before the formula-like %j and quotes it',
    (text) => {
      expect(formatCsv([[text]], ';', { bom: false })).toBe(`"'${text.replace(/"/g, '""')}"\r\n`);
    },
  );

  it('leaves numbers the program wrote (negative ones too) and ordinary text alone', () => {
    expect(formatCsv([[{ literal: '-3' }, { literal: '1,5' }, 'Idé – bra', "'citat"]], ';', { bom: false })).toBe(
      "-3;1,5;Idé – bra;'citat\r\n",
    );
    expect(formatCsv([[{ literal: '1,5' }]], ',', { bom: false })).toBe('"1,5"\r\n');
  });
});

describe('guardFormula and unguardFormula', () => {
  it.each([['=1+1'], ["'=1+1"], ["''@x"], ['-'], ["'plain"], ['plain'], ['']])('round-trip %j', (text) => {
    expect(unguardFormula(guardFormula(text))).toBe(text);
  });

  it('takes away only an apostrophe a guard would have added', () => {
    expect(unguardFormula("'=x")).toBe('=x');
    expect(unguardFormula("'hej")).toBe("'hej");
  });
});

describe('parseCsv', () => {
  it('reads what formatCsv writes, with the BOM, quotes, separators and line breaks in cells', () => {
    const rows = [
      ['id', 'text'],
      ['a', 'rad 1\r\nrad 2; "citat"'],
      ['b', '=1+1'],
      ['c', ''],
    ];
    const parsed = parseCsv(formatCsv(rows, ';', { bom: true }));
    expect(parsed.delimiter).toBe(';');
    expect(parsed.records.map((r) => r.cells.map(unguardFormula))).toEqual(rows);
    expect(parsed.records.map((r) => r.line)).toEqual([1, 2, 4, 5]);
  });

  it("takes LF and lone CR line ends, Excel's sep= line, and a file without a final line end", () => {
    expect(parseCsv('a,b\nc,d').records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a;b\rc;d\r').records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const sep = parseCsv('sep=|\r\na|b\r\n');
    expect([sep.delimiter, sep.records[0]?.cells, sep.records[0]?.line]).toEqual(['|', ['a', 'b'], 2]);
  });

  it('keeps a stray quote inside an unquoted cell, and text after a closing quote, as spreadsheets do', () => {
    expect(parseCsv('a 5" b,"x"y\n').records[0]?.cells).toEqual(['a 5" b', 'xy']);
  });

  it('keeps blank lines as records of one empty cell, so row numbers match the spreadsheet', () => {
    expect(parseCsv('h\n\nx\n').records.map((r) => r.cells)).toEqual([['h'], [''], ['x']]);
  });

  it('refuses a quoted cell that never ends, naming the line it starts on', () => {
    expect(() => parseCsv('a,b\nc,"open\nstill open\n')).toThrow(CsvSyntaxError);
    expect(thrown(() => parseCsv('a,b\nc,"open\n'), CsvSyntaxError).line).toBe(2);
  });
});

describe('parseCsv with a limit', () => {
  it('reads up to maxRecords records, blank ones counted, and stops at the next', () => {
    expect(parseCsv('title\na\n\nb\n', undefined, 4).records).toHaveLength(4);
    expect(() => parseCsv('title\na\n\nb\nc\n', undefined, 4)).toThrow(CsvTooManyRecords);
    expect(() => parseCsv('\n'.repeat(1_000_000), undefined, 10)).toThrow(
      expect.objectContaining({ max: 10, message: 'more than 10 records' }),
    );
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['titel;beskrivning\n', ';'],
    ['title,description\n', ','],
    ['title\tdescription\n', '\t'],
    ['"a;b",c,d\n', ','],
    ['title\n', ','],
    ['a;b,c\n', ';'],
    // A stray quote in the header is text to the reader, so it is to the detection: it cannot make the rest of the
    // file (here a quoted cell full of commas) look like the header's line.
    ['Titel;Skärm 5" bred;Beskrivning\nA;B;"x, y, z"\n', ';'],
    ['Titel;Skärm 5" bred;Beskrivning\r\nA;B;"x, y, z"\r\nC;D;"u, v, w"\r\n', ';'],
    ['Title,Screen 5" wide,Notes\nA,B,"x; y; z"\n', ','],
    ['Titel\tMått "5\tNot\nA\tB\t"x; y, z"\n', '\t'],
    ['Titel;Kommentar "ej klar;Not\nA;"B, C, D";E\n', ';'],
    // Rows that agree with the header outweigh a header that only looks wider.
    ['a,b;c;d\n1,2;3\n4,5;6\n', ','],
    // Both split every line in two; only with ; is a quoted cell followed by text, which no writer makes.
    ['"a;b"\tc;d\n"x;y"\tz;w\n', '\t'],
    ['"Mått; cm"\tTitel;kort\n"5;6"\tSkärm;bred\n', '\t'],
  ])('%j → %j', (text, d) => expect(detectDelimiter(text)).toBe(d));

  // Found from outside: a quote opened at a cell's start and never closed made `,` win, and the import then named
  // the whole header as one column; with `;` the reading says where the quote opens.
  it('takes the separator whose lines agree when a quoted cell never ends, so that the reading says where', () => {
    const text = 'title;unit;"Kommentar a,b,c,d\r\nX;Y;Z\r\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(() => parseCsv(text)).toThrow(expect.objectContaining({ name: 'CsvSyntaxError', line: 1 }));
  });

  it('reads a file whose header has a stray quote with the separator it detects', () => {
    const t = parseCsv('Titel;Skärm 5" bred;Beskrivning\nA;B;"x, y, z"\n');
    expect(t.delimiter).toBe(';');
    expect(t.records.map((r) => r.cells)).toEqual([
      ['Titel', 'Skärm 5" bred', 'Beskrivning'],
      ['A', 'B', 'x, y, z'],
    ]);
  });
});
