/**
 * `ideas region report --by <field>`: the region's ideas by a public field of its members, end to end. Two members
 * made by `ideas init` and `ideas new`, whose challenges share a label under different ids (and an id under
 * different labels), synced once; every test reads that state (the views are offline and write nothing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideas, parseJson } from '../helpers/cli.js';
import { addIdea, memberRegistry, mustRunIn, runIn, writeRegionFile } from '../helpers/region.js';
import { commitAll, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

let region: string;

function withChallenges(dir: string, challenges: string, criteria?: string): void {
  const config = path.join(dir, 'ideas.config.yaml');
  fs.writeFileSync(config, `${fs.readFileSync(config, 'utf8')}challenges:\n${challenges}`);
  if (criteria) {
    const file = path.join(dir, 'criteria', 'idea.schema.json');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { properties?: Record<string, unknown> };
    schema.properties = { ...schema.properties, ...(JSON.parse(criteria) as Record<string, unknown>) };
    fs.writeFileSync(file, JSON.stringify(schema, null, 2));
  }
}

beforeAll(() => {
  // Lidköping: three ideas for elder care (ch1), four for the climate (ch2); Skövde: two for elder care under its
  // own id (aldre), one for school under Lidköping's id for elder care (ch1), five with no challenge.
  const lidkoping = memberRegistry('lidk');
  withChallenges(
    lidkoping,
    '  - id: ch1\n    label: { sv: Äldreomsorg, en: Elder care }\n  - id: ch2\n    label: { sv: Klimat, en: Climate }\n',
    '{ "budget_note": { "type": "string" } }',
  );
  for (let i = 0; i < 3; i++) addIdea(lidkoping, `Omsorg ${i}`, 'Text.', ['challenge=ch1', 'tags=skola, park']);
  for (let i = 0; i < 4; i++) addIdea(lidkoping, `Klimat ${i}`, 'Text.', ['challenge=ch2', 'tags=skola']);
  commitAll(lidkoping, 'ideas');
  const skovde = memberRegistry('skov');
  withChallenges(
    skovde,
    '  - id: aldre\n    label: { sv: Äldreomsorg, en: Elder care }\n  - id: ch1\n    label: { sv: Skola, en: School }\n',
  );
  for (let i = 0; i < 2; i++) addIdea(skovde, `Äldre ${i}`, 'Text.', ['challenge=aldre', 'tags=skola']);
  addIdea(skovde, 'Skolgård', 'Text.', ['challenge=ch1', 'tags=gård']);
  for (let i = 0; i < 5; i++) addIdea(skovde, `Annat ${i}`, 'Text.', ['carrier=Anna Hemligsson']);
  commitAll(skovde, 'ideas');
  region = makeTempRepo();
  writeRegionFile(region, [
    { id: 'lidkoping', name: 'Lidköping', url: lidkoping },
    { id: 'skovde', name: 'Skövde', url: skovde },
  ]);
  commitAll(region, 'region');
  mustRunIn(region, ['region', 'sync']);
}, 120_000);

interface Group {
  label: string | null;
  values: string[];
  ideas: number;
  members: number;
  added: number;
  byStage: Record<string, number>;
}
interface Doc {
  kind: string;
  report: {
    breakdowns: { field: string; label: string; groups: Group[]; pooled: Group | null; pooledGroups: number }[];
  };
}

describe('ideas region report --by', () => {
  it('groups the ideas of every member by a public field, merging challenges by their labels', () => {
    const doc = parseJson<Doc>(mustRunIn(region, ['region', 'report', '--by', 'challenge', '--by', 'tags', '--json']));
    expect(doc.kind).toBe('region-report');
    const [challenge, tags] = doc.report.breakdowns;
    expect(challenge?.field).toBe('challenge');
    expect(challenge?.label).toBe('Challenge the idea answers');
    // Elder care: Lidköping's ch1 and Skövde's aldre (5 ideas in 2 members); Skövde's ch1 (School) is not in it.
    expect(challenge?.groups).toEqual([
      expect.objectContaining({ label: 'Elder care', values: ['aldre', 'ch1'], ideas: 5, members: 2 }),
      expect.objectContaining({ label: null, values: [], ideas: 5, members: 1 }),
    ]);
    expect(challenge?.groups[0]?.byStage).toEqual({ idea: 5, doing: 0, done: 0 });
    // Climate (4) and School (1): each fewer than minGroupSize (5), pooled together.
    expect(challenge?.pooled).toEqual(expect.objectContaining({ ideas: 5, members: 2, values: ['ch1', 'ch2'] }));
    expect(challenge?.pooledGroups).toBe(2);
    // An idea with a list is in each of its groups; the pool of small groups is topped up to five.
    expect(tags?.groups).toEqual([expect.objectContaining({ label: 'skola', ideas: 9, members: 2 })]);
    expect(tags?.pooled).toEqual(expect.objectContaining({ ideas: 9 }));
    expect(tags?.pooledGroups).toBe(3);
    // Without --by, no breakdown.
    expect(parseJson<Doc>(mustRunIn(region, ['region', 'report', '--json'])).report.breakdowns).toEqual([]);
  });

  it('lays the breakdown out in text and Markdown, with labels in the chosen language', () => {
    const md = mustRunIn(region, ['region', 'report', '--by', 'challenge', '--format', 'md']).stdout;
    expect(md).toContain('## By Challenge the idea answers (challenge)');
    expect(md).toContain('| Challenge the idea answers | Ideas | Municipalities | New | Idea | In progress | Done |');
    expect(md).toContain('| Elder care | 5 | 2 |');
    expect(md).toContain('| (others: 2 groups) | 5 | 2 |');
    expect(md).not.toMatch(/\| (ch1|ch2|aldre|Climate|School) \|/);
    // The breakdown comes before the figures by municipality.
    expect(md.indexOf('(challenge)')).toBeLessThan(md.indexOf('## By municipality'));
    const sv = ideas(['--lang', 'sv', 'region', 'report', '--by', 'challenge'], { cwd: region });
    expect(sv.code).toBe(0);
    expect(sv.stdout).toContain('Per Utmaning som idén svarar mot (challenge)');
    expect(sv.stdout).toMatch(/Äldreomsorg +5 +2/);
    expect(sv.stdout).toContain('(ej angivet)');
    expect(sv.stdout).toContain('Grupper med färre än 5 idéer slås ihop');
  });

  it('refuses a personal, internal, unknown or compound field with exit 2, naming the fields that can be used', () => {
    const usable = /challenge, .*tags, unit/;
    const personal = runIn(region, ['region', 'report', '--by', 'carrier']);
    expect(personal.code).toBe(2);
    expect(personal.stderr).toContain('"carrier" holds personal data');
    expect(personal.stderr).toMatch(usable);
    expect(personal.stdout).toBe('');
    const internal = runIn(region, ['region', 'report', '--by', 'budget_note']);
    expect(internal.code).toBe(2);
    expect(internal.stderr).toContain('"budget_note" is not marked public');
    expect(internal.stderr).toMatch(usable);
    const unknown = runIn(region, ['region', 'report', '--by', 'colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown field "colour" for --by');
    expect(unknown.stderr).toMatch(usable);
    // Set by the program, not a group of anything.
    for (const field of ['id', 'basedOn', '']) expect(runIn(region, ['region', 'report', '--by', field]).code).toBe(2);
    const sv = ideas(['--lang', 'sv', 'region', 'report', '--by', 'carrier'], { cwd: region });
    expect(sv.code).toBe(2);
    expect(sv.stderr).toContain('innehåller personuppgifter');
    expect(sv.stderr).not.toContain('Anna Hemligsson');
  });

  it('refuses hostile field names without touching a prototype', () => {
    for (const field of ['__proto__', 'tags.__proto__', ' constructor ']) {
      const r = runIn(region, ['region', 'report', '--by', field]);
      expect(r.code, field).toBe(2);
      expect(r.stderr).toContain('is not allowed');
      expect(r.stdout).toBe('');
    }
    // With --json, the refusal is the error document.
    const json = parseJson<{ kind: string; error: { code: string } }>(
      runIn(region, ['region', 'report', '--by', '__proto__', '--json']),
    );
    expect(json).toMatchObject({ kind: 'error', error: { code: 'USAGE' } });
    // Names every object inherits are no fields of an idea.
    for (const field of ['toString', '__defineGetter__']) {
      const r = runIn(region, ['region', 'report', '--by', field]);
      expect(r.code, field).toBe(2);
      expect(r.stderr).toContain(`Unknown field "${field}"`);
    }
  });
});
