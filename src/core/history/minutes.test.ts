import { describe, expect, it } from 'vitest';
import { formatAmount, renderMinutes, totalGranted, type Minutes } from './minutes.js';

// sv-SE groups thousands with a no-break space.
const NBSP = '\u00a0';

const meeting: Minutes = {
  registry: 'Idésluss Sundsvallsregionen',
  date: '2026-11-23',
  by: 'Idérådet',
  items: [
    {
      id: 'sund-vtkg00',
      title: 'Språkstöd för nyanställda undersköterskor',
      decision: 'approve',
      from: 'Förädling',
      to: 'Test',
      reason: 'Beviljas för två boenden',
      amount: 75000,
      forced: true,
    },
    {
      id: 'sund-eev2bz',
      title: 'Bokbussen som servicepunkt på landsbygden',
      decision: 'return',
      from: 'Förädling',
      to: null,
      reason: 'Skriv en plan för testet',
      amount: null,
      forced: false,
    },
    {
      id: 'sund-0xxk9h',
      title: 'Mät matsvinnet i skolköken',
      decision: 'approve',
      from: 'Förädling',
      to: 'Test',
      reason: 'Bra',
      amount: 1500.5,
      forced: false,
    },
    {
      id: 'sund-njf5rp',
      title: 'Nattkamera för tillsyn',
      decision: 'reject',
      from: 'Förädling',
      to: 'Avslagen',
      reason: 'Görs redan i Sundsvall',
      amount: null,
      forced: false,
    },
    {
      id: 'sund-39t1xh',
      title: 'Trygghetsvandringar',
      decision: 'park',
      from: 'Förädling',
      to: 'Parkerad',
      reason: 'Vänta på upphandlingen',
      amount: null,
      forced: false,
    },
  ],
  skipped: [{ id: 'sund-emspzg', title: 'Minskat matsvinn i äldreboendenas kök' }],
};

describe('renderMinutes', () => {
  it('lists each decision with its reason and amount, the skipped ideas and the total, in Swedish', () => {
    expect(renderMinutes(meeting, 'sv')).toBe(
      [
        '# Protokoll från idérådets möte 2026-11-23',
        '',
        '- Idésluss: Idésluss Sundsvallsregionen',
        '- Datum: 2026-11-23',
        '- Beslutande: Idérådet',
        '',
        '## Beslut',
        '',
        `1. **sund-vtkg00** Språkstöd för nyanställda undersköterskor: godkänd (Förädling → Test, 75${NBSP}000 kr) (trots stängd grind)`,
        '   Skäl: Beviljas för två boenden',
        '2. **sund-eev2bz** Bokbussen som servicepunkt på landsbygden: återremitterad (Förädling)',
        '   Råd till idébäraren: Skriv en plan för testet',
        `3. **sund-0xxk9h** Mät matsvinnet i skolköken: godkänd (Förädling → Test, 1${NBSP}500,5 kr)`,
        '   Skäl: Bra',
        '4. **sund-njf5rp** Nattkamera för tillsyn: avslagen (Förädling → Avslagen)',
        '   Skäl: Görs redan i Sundsvall',
        '5. **sund-39t1xh** Trygghetsvandringar: parkerad (Förädling → Parkerad)',
        '   Skäl: Vänta på upphandlingen',
        '',
        '## Bordlagda',
        '',
        '- **sund-emspzg** Minskat matsvinn i äldreboendenas kök',
        '',
        `**Beviljade medel totalt: 76${NBSP}500,5 kr**`,
        '',
      ].join('\n'),
    );
  });

  it('says the same in English', () => {
    expect(renderMinutes(meeting, 'en')).toBe(
      [
        "# Minutes of the idea council's meeting 2026-11-23",
        '',
        '- Registry: Idésluss Sundsvallsregionen',
        '- Date: 2026-11-23',
        '- Decided by: Idérådet',
        '',
        '## Decisions',
        '',
        '1. **sund-vtkg00** Språkstöd för nyanställda undersköterskor: approved (Förädling → Test, 75,000 kr) (despite a closed gate)',
        '   Reason: Beviljas för två boenden',
        '2. **sund-eev2bz** Bokbussen som servicepunkt på landsbygden: sent back (Förädling)',
        '   Advice to the carrier: Skriv en plan för testet',
        '3. **sund-0xxk9h** Mät matsvinnet i skolköken: approved (Förädling → Test, 1,500.5 kr)',
        '   Reason: Bra',
        '4. **sund-njf5rp** Nattkamera för tillsyn: rejected (Förädling → Avslagen)',
        '   Reason: Görs redan i Sundsvall',
        '5. **sund-39t1xh** Trygghetsvandringar: parked (Förädling → Parkerad)',
        '   Reason: Vänta på upphandlingen',
        '',
        '## Skipped',
        '',
        '- **sund-emspzg** Minskat matsvinn i äldreboendenas kök',
        '',
        '**Total funds granted: 76,500.5 kr**',
        '',
      ].join('\n'),
    );
  });

  it('says when no decision was taken, leaves out the skipped section when none was skipped, and totals 0 kr', () => {
    const empty: Minutes = { registry: 'R', date: '2026-11-23', by: null, items: [], skipped: [] };
    const sv = renderMinutes(empty, 'sv');
    expect(sv).toContain('- Beslutande: –\n');
    expect(sv).toContain('## Beslut\n\nInga beslut fattades.\n');
    expect(sv).not.toContain('Bordlagda');
    expect(sv.endsWith('**Beviljade medel totalt: 0 kr**\n')).toBe(true);
    expect(renderMinutes(empty, 'en')).toContain('## Decisions\n\nNo decisions were taken.\n');
  });

  it('counts an amount of 0 as granted nothing but still shows it', () => {
    const zero: Minutes = {
      ...meeting,
      items: [{ ...meeting.items[1]!, decision: 'approve', to: 'Test', amount: 0 }],
      skipped: [],
    };
    expect(renderMinutes(zero, 'sv')).toContain('godkänd (Förädling → Test, 0 kr)');
    expect(totalGranted(zero)).toBe(0);
  });
});

describe('totalGranted and formatAmount', () => {
  it('adds the amounts of the decisions that have one', () => {
    expect(totalGranted(meeting)).toBe(76500.5);
  });

  it.each([
    [150000, 'sv', `150${NBSP}000 kr`],
    [150000, 'en', '150,000 kr'],
    [0, 'sv', '0 kr'],
  ] as const)('%d in %s is %j', (n, lang, text) => {
    expect(formatAmount(n, lang)).toBe(text);
  });
});

describe('renderMinutes of a meeting that completed ideas, heard conflicts of interest and stopped early', () => {
  const stopped: Minutes = {
    registry: 'Idésluss Sundsvallsregionen',
    date: '2026-11-23',
    by: 'Anna Ek, Bo Berg, Cia Lund',
    items: [
      {
        id: 'sund-vtkg00',
        title: 'Språkstöd',
        decision: 'approve',
        from: 'Förädling',
        to: 'Test',
        reason: 'Bra plan',
        amount: null,
        forced: false,
        deciders: 'Anna Ek, Cia Lund',
      },
      {
        id: 'sund-eev2bz',
        title: 'Bokbussen',
        decision: 'return',
        from: 'Förädling',
        to: null,
        reason: 'Mer underlag',
        amount: null,
        forced: false,
      },
    ],
    skipped: [],
    completed: [
      { id: 'sund-vtkg00', title: 'Språkstöd', field: 'Idécoach', value: 'Lisa Berg' },
      { id: 'sund-vtkg00', title: 'Språkstöd', field: 'Närmsta chef stödjer idén', value: 'Ja' },
    ],
    conflicts: [{ id: 'sund-vtkg00', title: 'Språkstöd', names: ['Bo Berg'] }],
    unhandled: [
      { id: 'sund-njf5rp', title: 'Nattkamera' },
      { id: 'sund-emspzg', title: 'Matsvinn' },
    ],
  };

  it('names who decided where a member stood aside, the fields completed, the conflicts and the ideas left', () => {
    const text = renderMinutes(stopped, 'sv');
    expect(text).toContain(
      '1. **sund-vtkg00** Språkstöd: godkänd (Förädling → Test)\n   Skäl: Bra plan\n   Beslutande: Anna Ek, Cia Lund\n2. **sund-eev2bz**',
    );
    expect(text).toContain(
      '## Kompletterat under mötet\n\n- **sund-vtkg00** Språkstöd: Idécoach: Lisa Berg\n- **sund-vtkg00** Språkstöd: Närmsta chef stödjer idén: Ja\n',
    );
    expect(text).toContain(
      '## Jäv\n\n- **sund-vtkg00** Språkstöd: jäv anmält av Bo Berg, som inte deltog i beslutet\n',
    );
    expect(text).toContain(
      '## Ej behandlade när mötet avslutades\n\n- **sund-njf5rp** Nattkamera\n- **sund-emspzg** Matsvinn\n',
    );
  });

  it('says the same in English', () => {
    const text = renderMinutes(stopped, 'en');
    expect(text).toContain('   Reason: Bra plan\n   Decided by: Anna Ek, Cia Lund\n');
    expect(text).toContain('## Completed in the meeting\n');
    expect(text).toContain(
      '## Conflicts of interest\n\n- **sund-vtkg00** Språkstöd: conflict of interest declared by Bo Berg, who took no part in the decision\n',
    );
    expect(text).toContain('## Not handled when the meeting ended\n\n- **sund-njf5rp** Nattkamera\n');
  });

  it('has none of these sections when there is nothing to say', () => {
    const text = renderMinutes({ ...stopped, completed: [], conflicts: [], unhandled: [] }, 'sv');
    for (const heading of ['Kompletterat', '## Jäv', 'Ej behandlade']) expect(text).not.toContain(heading);
  });
});
