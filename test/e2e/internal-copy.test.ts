/**
 * Every output made with --include-personal says it is an internal copy (README: "do not publish it"): in the
 * document where its format allows (the report as text and Markdown, the site's pages, a JSON document's
 * `includePersonal`), on stderr where a line would break the file for its readers (CSV, read by Excel and by
 * `ideas import`, which must still read an internal export).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { describeRun, ideas, parseJson } from '../helpers/cli.js';
import { readCsv } from '../helpers/csv.js';
import { plantedExample } from '../helpers/planted.js';
import { initRegistry } from '../helpers/registry.js';
import { removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

const IN_TEXT = 'Intern version med personuppgifter. Publicera den inte.';
const PERSONAL = /personuppgifter/i;

let dir: string;
beforeAll(() => {
  dir = plantedExample();
});

function run(args: string[]) {
  const r = ideas(args, { cwd: dir });
  expect(r.code, describeRun(r)).toBe(0);
  return r;
}

describe('an internal copy (--include-personal) says so', () => {
  it('is an option of report, export and site only: each is covered below', () => {
    const having = COMMANDS.filter((c) => c.options?.some((o) => o.flags === '--include-personal')).map((c) =>
      c.path.join(' '),
    );
    expect(having.sort()).toEqual(['export', 'report', 'site']);
  });

  it('report as text and Markdown: the first line of the report itself; nothing of it without the flag', () => {
    for (const format of ['text', 'md']) {
      const internal = run(['report', '--format', format, '--include-personal']);
      const first = internal.stdout.split('\n')[0];
      expect(first, format).toBe(format === 'md' ? `> **${IN_TEXT}**` : IN_TEXT);
      const open = run(['report', '--format', format]);
      expect(open.stdout + open.stderr, format).not.toMatch(PERSONAL);
    }
  });

  it('report as CSV: the notice on stderr, the CSV unchanged', () => {
    const internal = run(['report', '--format', 'csv', '--include-personal']);
    expect(internal.stderr).toBe('Den här rapporten innehåller personuppgifter: publicera den inte.\n');
    expect(internal.stdout).not.toMatch(PERSONAL);
    expect(readCsv(internal.stdout, ';').rows[0]).toEqual(['avsnitt', 'fält', 'per', 'grupp', 'steg', 'mått', 'värde']);
    expect(run(['report', '--format', 'csv']).stderr).toBe('');
  });

  it('report as JSON: includePersonal in the document, stdout clean', () => {
    const r = run(['report', '--json', '--include-personal']);
    expect(parseJson<{ includePersonal: boolean }>(r).includePersonal).toBe(true);
  });

  it('export as CSV: the notice on stderr, and `ideas import` still reads the file', () => {
    const internal = run(['export', '--include-personal']);
    expect(internal.stderr).toBe('Den här exporten innehåller personuppgifter: publicera den inte.\n');
    expect(internal.stdout).not.toMatch(PERSONAL);
    expect(run(['export']).stderr).toBe('');
    const target = initRegistry('sundsvall', 'sv');
    fs.writeFileSync(path.join(target, 'intern.csv'), internal.stdout);
    const imported = ideas(['import', 'intern.csv', '--by', 'Samordnaren'], { cwd: target });
    expect(imported.code, describeRun(imported)).toBe(0);
    expect(imported.stderr).toContain('Importerade 11 idéer från intern.csv');
  });

  it('export as JSON: includePersonal in the document', () => {
    const r = run(['export', '--format', 'json', '--include-personal']);
    expect(parseJson<{ includePersonal: boolean }>(r).includePersonal).toBe(true);
  });

  it('site: on every page and on stderr, as before', () => {
    const r = run(['site', '--out', 'intern', '--include-personal']);
    expect(r.stderr).toContain('Den här webbplatsen innehåller personuppgifter: publicera den inte.');
    expect(fs.readFileSync(path.join(dir, 'intern', 'index.html'), 'utf8')).toContain(IN_TEXT);
  });
});
