import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/sluice/config.js';
import type { IdeaSummary } from '../core/sluice/idea.js';
import { renderIdeaList } from './render-list.js';
import { displayWidth } from './text-width.js';

const config = normalizeConfig({
  name: 'Sluss',
  language: 'sv',
  stages: [
    {
      key: 'idea',
      folder: '01',
      label: { sv: 'Idé som väntar på sin första bedömning', en: 'Idea' },
      next: [],
      criteria: 'c.json',
    },
  ],
});
const stage = config.stages[0]!;
const TITLE = 'Gemensam lånecykelpool för alla förvaltningar i kommunen, med bokning i appen och laddstolpar';
const CARRIER = 'Karin Andersson-Öhman på samhällsbyggnadsförvaltningen';
const idea = (id: string, title: string): IdeaSummary => ({
  id,
  title,
  created: '2026-11-01',
  carrier: CARRIER,
  coach: null,
  unit: null,
  challenge: null,
  tags: [],
  granted: 0,
  stage,
  path: `ideas/01/${id}.md`,
  abs: `/r/ideas/01/${id}.md`,
});
const ideas = [idea('ide-aaaaaa', TITLE), idea('ide-bbbbbb-with-a-much-longer-id-than-most', 'Kort')];
const c = new Chalk({ level: 0 });
const today = new Date('2026-12-01T12:00:00Z');

describe('renderIdeaList', () => {
  it('fits a terminal: no line wider than its columns, the long title cut with an ellipsis', () => {
    const lines = renderIdeaList(ideas, 'sv', today, 80, c).trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(lines[1]).toContain('…');
  });

  it('piped (no width), cuts nothing: every title, stage, id and carrier whole, the columns still aligned', () => {
    const lines = renderIdeaList(ideas, 'sv', today, null, c).trimEnd().split('\n');
    expect(lines.join('\n')).not.toContain('…');
    expect(lines[1]).toContain(TITLE);
    expect(lines[1]).toContain(stage.label.sv);
    expect(lines[1]).toContain(CARRIER);
    expect(lines[2]).toContain('ide-bbbbbb-with-a-much-longer-id-than-most');
    const at = (line: string | undefined, text: string) => line?.indexOf(text);
    expect(at(lines[2], 'Kort')).toBe(at(lines[1], TITLE));
    expect(at(lines[2], stage.label.sv)).toBe(at(lines[1], stage.label.sv));
  });
});
