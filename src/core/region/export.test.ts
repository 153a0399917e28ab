import { describe, expect, it } from 'vitest';
import { readPackageSchema } from '../../io/schemas.js';
import type { Stage } from '../sluice/config.js';
import { regionConfig } from './report.js';
import { regionExportHeader } from './export.js';
import type { MemberSnapshot } from './snapshot.js';

const stage = (key: string, sv: string, en: string): Stage =>
  ({ key, label: { sv, en }, next: [], criteria: `${key}.schema.json` }) as unknown as Stage;
/** A member's snapshot with only what the header reads: the fields its schemas name. */
const member = (fields: { key: string; sv: string; en: string }[]) =>
  ({
    registry: { fields: fields.map((f) => ({ key: f.key, class: 'public', title: { sv: f.sv, en: f.en } })) },
  }) as unknown as MemberSnapshot;

describe('regionExportHeader', () => {
  const base = readPackageSchema('idea');
  const config = regionConfig('Skaraborg', [stage('idea', 'Idé', 'Idea'), stage('test', 'Test', 'Test')]);
  const columns = [
    'member.id',
    'member.municipality',
    'id',
    'title',
    'stage',
    'granted',
    'entered.test',
    'cost',
    'team.women',
    'budget',
    'budget_2',
    'unnamed',
    'body',
  ];
  const members = [
    member([
      { key: 'cost', sv: 'Kostnad', en: 'Cost' },
      { key: 'team', sv: 'Team', en: 'Team' },
      { key: 'budget', sv: 'Budget', en: 'Budget' },
    ]),
    // Another title for the same field: the column holds both members' data, so it is named by neither. Two fields of
    // one title keep their keys.
    member([
      { key: 'cost', sv: 'Utgift', en: 'Expense' },
      { key: 'budget_2', sv: 'Budget', en: 'Budget' },
    ]),
  ];

  it("names each column in the region's language, its key where it has no label or shares one", () => {
    expect(regionExportHeader(columns, base, members, config, 'sv')).toEqual([
      'Medlem',
      'Kommunkod',
      'Id',
      'Idéns namn',
      'Steg',
      'Beviljat belopp',
      'In i steget Test',
      'cost',
      'Team: women',
      'budget',
      'budget_2',
      'unnamed',
      'Beskrivning',
    ]);
    expect(regionExportHeader(columns, base, members, config, 'en').slice(0, 8)).toEqual([
      'Member',
      'Municipality code',
      'Id',
      'Name of the idea',
      'Stage',
      'Amount granted',
      'Entered Test',
      'cost',
    ]);
  });

  it('takes no name from a member that is not plain text, or that another column has', () => {
    const hostile = member([
      { key: 'plan', sv: 'Idéns namn\u200b', en: 'x' },
      { key: 'amount', sv: 'Beviljat belopp', en: 'x' },
      { key: 'flipped', sv: '\u202eBeviljat\u202c', en: 'x' },
      { key: 'long', sv: 'A'.repeat(40_000), en: 'x' },
      { key: 'nul', sv: 'a\u0000b\u001b[31m', en: 'x' },
      { key: 'wide', sv: 'ＩＤÉNS NAMN', en: 'x' },
      { key: 'formula', sv: '=HYPERLINK("http://x")', en: 'x' },
    ]);
    const cols = ['title', 'granted', 'plan', 'amount', 'flipped', 'long', 'nul', 'formula'];
    expect(regionExportHeader(cols, base, [hostile], config, 'sv')).toEqual([
      'Idéns namn',
      'Beviljat belopp',
      'plan',
      'amount',
      'flipped',
      'long',
      'nul',
      // Text, which the CSV writer guards as it guards every cell (src/core/exchange/csv.ts).
      '=HYPERLINK("http://x")',
    ]);
    // A look-alike in another form of the same letters is the same label.
    expect(regionExportHeader(['title', 'wide'], base, [hostile], config, 'sv')).toEqual(['Idéns namn', 'wide']);
  });
});
