/**
 * One stage key under different labels in two members (`idea`: "Idea" in one, "Spreading" in another), and two stages
 * of one label ("Test"): every view names an idea's stage by its own member's label, the region's rows merge stages
 * only where key and labels agree and tell apart the rows that share a label, and `--stage` takes each member's
 * stage by that member's own label or key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson } from '../helpers/cli.js';
import { addIdea, memberRegistry, mustRunIn, writeRegionFile } from '../helpers/region.js';
import { commitAll, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** A member whose config gives its stages these labels (by key), with one idea in its first stage. */
function member(prefix: string, labels: Record<string, string>, title: string): { dir: string; id: string } {
  const dir = memberRegistry(prefix);
  const config = path.join(dir, 'ideas.config.yaml');
  let text = fs.readFileSync(config, 'utf8');
  for (const [key, label] of Object.entries(labels))
    text = text.replace(new RegExp(`(- key: ${key}\\n(?:.*\\n)*?\\s+label: ).*`), `$1{ sv: ${label}, en: ${label} }`);
  fs.writeFileSync(config, text);
  commitAll(dir, 'labels');
  const id = addIdea(dir, title);
  commitAll(dir, 'idea');
  return { dir, id };
}

describe('stages of one key under other labels, and of one label under other keys', () => {
  let region: string;
  let odd: { dir: string; id: string };
  let lidk: { dir: string; id: string };

  beforeAll(() => {
    lidk = member('lidk', { done: 'Test' }, 'Lånecyklar');
    odd = member('odd', { idea: 'Spreading', doing: 'Test' }, 'Spridd idé');
    region = makeTempRepo();
    writeRegionFile(region, [
      { id: 'lidkoping', name: 'Lidköping', url: lidk.dir },
      { id: 'odd', name: 'Odd', url: odd.dir },
    ]);
    mustRunIn(region, ['region', 'sync']);
  });

  it("names an idea's stage by its own member's label in show, list and export", () => {
    expect(mustRunIn(region, ['region', 'show', `odd:${odd.id}`]).stdout).toContain('Stage: Spreading');
    const list = mustRunIn(region, ['region', 'list']).stdout;
    expect(list).toMatch(/Odd\s+odd-\S+\s+Spreading/);
    expect(list).toMatch(/Lidköping\s+lidk-\S+\s+Idea/);
    for (const args of [[], ['--member', 'odd']]) {
      const csv = mustRunIn(region, ['region', 'export', ...args]).stdout;
      const row = csv.split('\r\n').find((l) => l.includes(odd.id)) ?? '';
      expect(row, args.join(' ')).toContain(',Spreading,');
    }
  });

  it("takes --stage by each member's own label or key", () => {
    const spreading = mustRunIn(region, ['region', 'list', '--stage', 'Spreading']).stdout;
    expect(spreading).toContain(odd.id);
    expect(spreading).not.toContain(lidk.id);
    const idea = mustRunIn(region, ['region', 'list', '--stage', 'Idea']).stdout;
    expect(idea).toContain(lidk.id);
    expect(idea).not.toContain(odd.id);
    const byKey = mustRunIn(region, ['region', 'export', '--stage', 'idea']).stdout;
    expect([byKey.includes(lidk.id), byKey.includes(odd.id)]).toEqual([true, true]);
  });

  it("keeps the region's rows apart where labels differ, and tells apart the rows of one label", () => {
    const doc = parseJson<{ report: { funnel: { stage: string; label: string; now: number }[] } }>(
      mustRunIn(region, ['region', 'report', '--json']),
    );
    expect(doc.report.funnel.map((f) => [f.stage, f.label, f.now])).toEqual([
      ['idea', 'Idea', 1],
      ['doing', 'In progress', 0],
      ['done', 'Test (done)', 0],
      ['idea@odd', 'Spreading', 1],
      ['doing@odd', 'Test (doing)', 0],
      // `done` is "Test" in one member and "Done" in the other: two stages, each by its own label.
      ['done@odd', 'Done', 0],
    ]);
    const text = mustRunIn(region, ['region', 'report']).stdout;
    expect(text).toContain('Test (done)');
    expect(text).toContain('Test (doing)');
    mustRunIn(region, ['region', 'site']);
    const index = fs.readFileSync(path.join(region, 'site', 'index.html'), 'utf8');
    expect(index).toContain('<th scope="row">Spreading</th><td class="n">1</td>');
    expect(index).toContain('<th scope="row">Idea</th><td class="n">1</td>');
    expect(index).toContain('<th scope="row">Test (doing)</th>');
  });
});
