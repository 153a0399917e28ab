import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/sluice/config.js';
import type { ReviewItem } from '../core/sluice/agenda.js';
import type { Idea } from '../core/sluice/idea.js';
import { renderGate } from './render-review.js';

const c = new Chalk({ level: 0 });
const config = normalizeConfig({
  name: 'Sluss',
  language: 'sv',
  stages: [
    { key: 'idea', folder: '01-ide', label: { sv: 'Idé', en: 'Idea' }, next: ['doing'], criteria: 'a.json' },
    { key: 'doing', folder: '02-pagar', label: { sv: 'Pågår', en: 'In progress' }, next: [], criteria: 'b.json' },
  ],
});
const [idea, doing] = config.stages as [(typeof config.stages)[0], (typeof config.stages)[0]];
const item = (checklist: ReviewItem['checklist']): ReviewItem => ({
  idea: { id: 'ide-k7q2xa', title: 'Kort', stage: idea, data: { title: 'Kort' }, body: '' } as unknown as Idea,
  next: doing,
  gate: null,
  checklist,
  daysInStage: null,
});

describe('renderGate', () => {
  it('says a gate whose criteria name nothing asks for nothing more, rather than a heading over nothing', () => {
    expect(renderGate(item([]), 'sv', c)).toEqual(['Grinden till Pågår kräver inget mer.']);
    expect(renderGate(item([]), 'en', c)).toEqual(['The gate to In progress asks for nothing more.']);
  });

  it('heads a gate that names criteria, each on its line', () => {
    const checklist: ReviewItem['checklist'] = [{ field: 'unit', label: 'Enhet', status: 'not-given', problem: null }];
    expect(renderGate(item(checklist), 'sv', c)).toEqual(['Grinden till Pågår:', '  – Enhet: inte angivet']);
  });

  it("shows a record's keys, and those of a list of records, by the titles the gate's criteria give them", () => {
    const team = {
      type: 'object',
      properties: { women: { type: 'integer', 'x-title': { sv: 'Kvinnor', en: 'Women' } }, men: { type: 'integer' } },
    };
    const sprints = {
      type: 'array',
      items: { type: 'object', properties: { weeks: { type: 'integer', 'x-title': { sv: 'Veckor', en: 'Weeks' } } } },
    };
    const card = item([
      { field: 'team', label: 'Teamet', status: 'met', problem: null, schema: team },
      { field: 'sprints', label: 'Sprintar', status: 'met', problem: null, schema: sprints },
    ]);
    card.idea.data = { team: { women: 7, men: 2 }, sprints: [{ weeks: 3 }, { weeks: 2 }] };
    expect(renderGate(card, 'sv', c)).toEqual([
      'Grinden till Pågår:',
      '  ✔ Teamet',
      // A key the schema gives no title keeps its own name.
      '      Kvinnor: 7, men: 2',
      '  ✔ Sprintar',
      '      (Veckor: 3), (Veckor: 2)',
    ]);
  });
});
