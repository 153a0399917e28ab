import { describe, expect, it } from 'vitest';
import { plainView } from '../../../test/helpers/view.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { normalizeConfig } from '../../core/sluice/config.js';
import { presentImport, type ImportView } from './data.js';

const view = plainView('2026-12-01T12:00:00Z');
const config = normalizeConfig({
  name: 'Sluss',
  language: 'sv',
  stages: [{ key: 'idea', folder: '01-ide', label: { sv: 'Idé', en: 'Idea' }, next: [], criteria: 'c.json' }],
});
const stage = config.stages[0]!;
const row = (n: number) => ({
  row: n + 1,
  id: `ide-00000${n}`,
  title: `Idé ${n}`,
  stage,
  path: `ideas/01-ide/${n}.md`,
});

/** What `ideas import` says on stderr's last line, after writing `created` new ideas and updating `updated`. */
function lastLine(lang: Lang, created: number, updated: number, staged: boolean): string {
  const r: ImportView = {
    registry: { root: '/r', config },
    lang,
    encoding: 'utf-8',
    file: 'nya.csv',
    ok: true,
    dryRun: false,
    written: true,
    staged,
    rows: created + updated + 1,
    imported: Array.from({ length: created }, (_, i) => row(i)),
    updated: Array.from({ length: updated }, (_, i) => row(created + i)),
    unchanged: updated > 0 ? [row(created + updated)] : [],
    problems: [],
    invalidRows: [],
    ignoredColumns: [],
    suggestedMaps: [],
    duplicates: [],
  };
  const err = presentImport(r, false, view)
    .writes.filter((w) => w.to === 'stderr')
    .map((w) => (typeof w.text === 'string' ? w.text : [...w.text].join('')))
    .join('');
  return err.trimEnd().split('\n').pop() ?? '';
}

describe('presentImport', () => {
  it('says the files were staged inside the sentence, agreeing in number in Swedish', () => {
    expect(lastLine('sv', 2, 0, true)).toBe('Importerade 2 idéer från nya.csv (tillagda i git med git add).');
    expect(lastLine('sv', 1, 0, true)).toBe('Importerade 1 idé från nya.csv (tillagd i git med git add).');
    expect(lastLine('en', 2, 0, true)).toBe('Imported 2 ideas from nya.csv (staged with git add).');
    expect(lastLine('en', 1, 0, true)).toBe('Imported 1 idea from nya.csv (staged with git add).');
    expect(lastLine('sv', 0, 2, true)).toBe(
      'Från nya.csv: 0 nya idéer skapade, 2 idéer uppdaterade och 1 idé oförändrad (tillagda i git med git add).',
    );
    expect(lastLine('sv', 0, 1, true)).toBe(
      'Från nya.csv: 0 nya idéer skapade, 1 idé uppdaterad och 1 idé oförändrad (tillagd i git med git add).',
    );
    expect(lastLine('en', 1, 1, true)).toBe(
      'From nya.csv: 1 new idea created, 1 idea updated and 1 idea unchanged (staged with git add).',
    );
  });

  it('ends the sentence as before when nothing was staged', () => {
    expect(lastLine('sv', 2, 0, false)).toBe('Importerade 2 idéer från nya.csv.');
    expect(lastLine('en', 0, 2, false)).toBe(
      'From nya.csv: 0 new ideas created, 2 ideas updated and 1 idea unchanged.',
    );
  });
});
