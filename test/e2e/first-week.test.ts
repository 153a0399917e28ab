/**
 * End to end, in a Swedish and an English registry made by `ideas init --template sundsvall`: what was left of a
 * coordinator's first week (issue 14). A decision reports the fields it filled in, and more, item by item below.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, ok, parseJson, shell, type RunResult } from '../helpers/cli.js';
import {
  cloneRegistry,
  ideaFileOf,
  freshRegistry,
  newIdeaBeforeCoach,
  readConfig,
  readIdeaFile,
  stageDir,
  writeFile,
  type Lang,
} from '../helpers/registry.js';
import { removeTempDirs } from '../helpers/temp-repo.js';

const LANGS: Lang[] = ['sv', 'en'];
const registries = {} as Record<Lang, string>;
beforeAll(() => {
  for (const lang of LANGS) registries[lang] = freshRegistry('sundsvall', lang);
});
afterAll(removeTempDirs);

/** The `ideas edit ... --set` lines a closed gate printed, in order. */
function fixLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('ideas edit '));
}

/** A printed fix line with its `<placeholder>` filled in, as a user would. */
function filled(line: string, value: string): string {
  return line.replace(/<[^>]*>/, value);
}

/** Changes the criteria of the stage `key` in the registry at `dir` as `change` does to its schema. */
function changeCriteria(
  dir: string,
  key: string,
  change: (schema: { required: string[]; properties: Record<string, unknown> }) => void,
): void {
  const file = path.join(dir, 'criteria', `${key}.schema.json`);
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof change>[0];
  change(schema);
  writeFileSync(file, JSON.stringify(schema, null, 2));
}

describe.each(LANGS)('in a registry in %s', (lang) => {
  it('decide --json reports the fields --set filled in, old and new; the text says them too', () => {
    const dir = registries[lang];
    const id = newIdeaBeforeCoach(dir, 'Fält före beslut');
    const set = ['--set', 'coach=Sara Nyberg', '--set', 'unit=Kultur och fritid'];
    const r = ok(ideas(['decide', id, '-d', 'approve', '-r', 'Vidare', ...set, '--json'], { cwd: dir }));
    const doc = parseJson<{ kind: string; change: { fields: unknown[]; to: string } }>(r);
    expect(doc.kind).toBe('idea');
    expect(doc.change.to).toBe('refinement');
    expect(doc.change.fields).toEqual([
      { field: 'coach', old: null, new: 'Sara Nyberg' },
      { field: 'unit', old: 'Vård och omsorg', new: 'Kultur och fritid' },
    ]);
    expect(readIdeaFile(dir, ideaFileOf(dir, id)).data).toMatchObject({
      coach: 'Sara Nyberg',
      unit: 'Kultur och fritid',
    });

    const other = newIdeaBeforeCoach(dir, 'Fält före beslut, i ord');
    const text = ok(ideas(['decide', other, '-d', 'approve', '-r', 'Vidare', '--set', 'coach=Omar Ali'], { cwd: dir }));
    expect(text.stderr).toContain(
      lang === 'sv'
        ? 'Ifyllt före beslutet: Idécoach: (inte angivet) → Omar Ali'
        : 'Filled in before the decision: Idea coach: (not given) → Omar Ali',
    );
    // Without --set, the document still says which fields: none.
    const plain = ok(ideas(['decide', other, '-d', 'return', '-r', 'Mer underlag', '--json'], { cwd: dir }));
    expect(parseJson<{ change: { fields: unknown[] } }>(plain).change.fields).toEqual([]);
  });

  it('a closed gate in decide and in the agenda names the commands that fill it, which run as printed', () => {
    const dir = registries[lang];
    const id = newIdeaBeforeCoach(dir, 'Utan coach');
    const refused = ideas(['decide', id, '-d', 'approve', '-r', 'Vidare'], { cwd: dir });
    expect(refused.code, describeRun(refused)).toBe(1);
    const lines = fixLines(refused.stderr);
    expect(lines).toEqual([`ideas edit ${id} --set 'coach=<text>'`]);

    const agenda = ok(ideas(['review', '--dry-run', '--stage', 'idea', '--json'], { cwd: dir }));
    const item = parseJson<{ agenda: { idea: { id: string }; gate: { fix: string[] } }[] }>(agenda).agenda.find(
      (a) => a.idea.id === id,
    );
    expect(item?.gate.fix).toEqual(lines);
    const text = ok(ideas(['review', '--dry-run', '--stage', 'idea'], { cwd: dir }));
    expect(fixLines(text.stdout)).toContain(lines[0]);

    const run = shell(filled(lines[0] as string, 'Sara Nyberg'), dir);
    expect(run.code, describeRun(run)).toBe(0);
    ok(ideas(['decide', id, '-d', 'approve', '-r', 'Vidare'], { cwd: dir }));
    expect(ideaFileOf(dir, id).startsWith(`${stageDir(readConfig(dir), 'refinement')}/`)).toBe(true);
  });

  it("a record the gate asks for gets a --set line per key (team_gender.women), and a list of records its file's name", () => {
    const dir = freshRegistry('sundsvall', lang);
    changeCriteria(dir, 'refinement', (criteria) => {
      criteria.required.push('team_gender', 'partners');
      criteria.properties.team_gender = {
        type: 'object',
        required: ['women', 'men'],
        properties: { women: { type: 'integer', minimum: 0 }, men: { type: 'integer', minimum: 0 }, other: {} },
      };
      criteria.properties.partners = { type: 'array', items: { type: 'object', properties: { name: {} } } };
    });
    const id = newIdeaBeforeCoach(dir, 'Med teamet', ['--set', 'coach=Sara Nyberg']);

    // Refinement is the council's: its approval meets the closed gate.
    const refused = ideas(['decide', id, '-d', 'approve', '-r', 'Vidare'], { cwd: dir });
    expect(refused.code, describeRun(refused)).toBe(1);
    const integer = lang === 'sv' ? 'heltal' : 'whole number';
    const lines = fixLines(refused.stderr);
    expect(lines).toEqual([
      `ideas edit ${id} --set 'team_gender.women=<${integer}>'`,
      `ideas edit ${id} --set 'team_gender.men=<${integer}>'`,
    ]);
    expect(refused.stderr).toContain(ideaFileOf(dir, id));
    for (const [line, value] of [
      [lines[0], '3'],
      [lines[1], '2'],
    ] as const) {
      const run = shell(filled(line as string, value), dir);
      expect(run.code, describeRun(run)).toBe(0);
    }
    expect(readIdeaFile(dir, ideaFileOf(dir, id)).data.team_gender).toEqual({ women: 3, men: 2 });
    // One key set again keeps the other; a key the record does not name is refused.
    ok(ideas(['edit', id, '--set', 'team_gender.women=4'], { cwd: dir }));
    expect(readIdeaFile(dir, ideaFileOf(dir, id)).data.team_gender).toEqual({ women: 4, men: 2 });
    expect(ideas(['edit', id, '--set', 'team_gender.children=1'], { cwd: dir }).code).toBe(2);
    expect(ideas(['edit', id, '--set', 'team_gender.__proto__=1'], { cwd: dir }).code).toBe(2);
  });

  it('the hint for an unreadable idea runs as printed from a subfolder, and from outside with -C', () => {
    const dir = cloneRegistry(registries[lang]);
    const first = readConfig(dir).stages[0]?.folder as string;
    const rel = `${stageDir(readConfig(dir))}/sund-trs9k2-trasig.md`;
    writeFile(dir, rel, '---\nid: sund-trs9k2\ntitle: [oavslutad\n---\n');
    const printed = (r: RunResult) => {
      expect(r.code, describeRun(r)).toBe(2);
      const m = /`(ideas [^`]*)`/.exec(r.stderr);
      expect(m, describeRun(r)).not.toBeNull();
      return (m as RegExpExecArray)[1] as string;
    };
    const sub = path.join(dir, 'ideas');
    const inside = printed(ideas(['show', 'sund-trs9k2'], { cwd: sub }));
    expect(inside).toBe(`ideas validate ${first}/sund-trs9k2-trasig.md`);
    // The message names the file as it is reached from here, too.
    expect(ideas(['show', 'sund-trs9k2'], { cwd: sub }).stderr).toContain(` ${first}/sund-trs9k2-trasig.md `);
    const r = shell(inside, sub);
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toContain('sund-trs9k2-trasig.md');

    const parent = path.dirname(dir);
    const name = path.basename(dir);
    const outside = printed(ideas(['-C', name, 'show', 'sund-trs9k2'], { cwd: parent }));
    expect(outside).toBe(`ideas -C ${name} validate ${name}/${rel}`);
    const again = shell(outside, parent);
    expect(again.code, describeRun(again)).toBe(1);
    expect(again.stdout).toContain('sund-trs9k2-trasig.md');
  });

  it('validate says the hint once per idea, with a command per missing field, which runs as printed', () => {
    const dir = cloneRegistry(registries[lang]);
    const rel = `${stageDir(readConfig(dir), 'refinement')}/sund-mq4k2x-utan-allt.md`;
    writeFile(
      dir,
      rel,
      '---\nid: sund-mq4k2x\ntitle: Utan allt\ncreated: 2026-11-20\nhistory:\n  - date: 2026-11-20\n    action: created\n    to: refinement\n---\n',
    );
    const r = ideas(['validate', rel], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(1);
    const hint = lang === 'sv' ? '→ Komplettera idén' : '→ Complete the idea';
    expect(r.stdout.split(hint)).toHaveLength(2);
    const lines = fixLines(r.stdout);
    expect(lines).toEqual(
      ['carrier', 'coach', 'unit', 'challenge'].map((f) =>
        expect.stringContaining(`ideas edit sund-mq4k2x --set '${f}=<`),
      ),
    );
    const run = shell(filled(lines[1] as string, 'Sara Nyberg'), dir);
    expect(run.code, describeRun(run)).toBe(0);
    expect(readIdeaFile(dir, rel).data.coach).toBe('Sara Nyberg');
  });

  it('a field the criteria forbid: its own words, and the ideas edit --unset that removes it, which runs as printed', () => {
    const dir = cloneRegistry(registries[lang]);
    changeCriteria(dir, 'refinement', (schema) => {
      schema.properties.draft_note = false;
      schema.properties.kod = { type: 'string', not: { const: 'X' } };
    });
    const rel = `${stageDir(readConfig(dir), 'refinement')}/sund-qz8w3k-forbjudet.md`;
    writeFile(
      dir,
      rel,
      '---\nid: sund-qz8w3k\ntitle: Förbjudet\ncreated: 2026-11-20\ncarrier: Kim Berg\ncoach: Lo Ek\nunit: Kultur\nchallenge: klimat\nkod: X\ndraft_note: kvar\nhistory:\n  - date: 2026-11-20\n    action: created\n    to: refinement\n---\n',
    );
    const r = ideas(['validate', rel], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toMatch(lang === 'sv' ? /draft_note: är inte tillåtet här/ : /draft_note: is not allowed here/);
    expect(r.stdout).toMatch(
      lang === 'sv' ? /kod: har ett värde som inte är tillåtet/ : /kod: has a value that is not allowed/,
    );
    expect(r.stdout).not.toMatch(/boolean schema is false|must NOT be valid/);
    const lines = fixLines(r.stdout);
    expect(lines).toContain('ideas edit sund-qz8w3k --unset draft_note');
    expect(lines.some((l) => l.includes("--set 'draft_note="))).toBe(false);
    // A move into a stage whose criteria forbid the field says so above its lines, and names the same command.
    changeCriteria(dir, 'test', (schema) => {
      schema.properties.draft_note = false;
    });
    const moved = ideas(['decide', 'sund-qz8w3k', '-d', 'approve', '-r', 'Vidare', '--amount', '0', '--no-input'], {
      cwd: dir,
    });
    expect(moved.code, describeRun(moved)).toBe(1);
    expect(moved.stderr).toContain(lang === 'sv' ? 'ta bort det som inte får finnas' : 'remove what may not be there');
    expect(moved.stderr).toContain('ideas edit sund-qz8w3k --unset draft_note');
    const run = shell('ideas edit sund-qz8w3k --unset draft_note', dir);
    expect(run.code, describeRun(run)).toBe(0);
    expect(readIdeaFile(dir, rel).data.draft_note).toBeUndefined();
    expect(ideas(['validate', rel], { cwd: dir }).stdout).not.toMatch(/draft_note/);
  });

  it('an empty criterion is not given, a value of the wrong kind says so: in show, review and on the site', () => {
    const dir = cloneRegistry(registries[lang]);
    const id = 'sund-nl7yp3';
    writeFile(
      dir,
      `${stageDir(readConfig(dir), 'refinement')}/${id}-typer.md`,
      [
        '---',
        `id: ${id}`,
        'title: Typer',
        'created: 2026-10-01',
        'carrier: Kim Berg',
        'coach: Lo Ek',
        'unit: Kultur',
        'challenge: klimat',
        'test_plan: 42',
        'equality_impact:',
        'history:',
        '  - date: 2026-10-01',
        '    action: created',
        '    to: refinement',
        '---',
        '',
      ].join('\n'),
    );
    const words =
      lang === 'sv'
        ? { empty: 'inte angivet', wrong: 'fel sorts värde: ska vara text', equality: 'Jämställdhetsperspektiv' }
        : { empty: 'not given', wrong: 'wrong type: expected text', equality: 'Gender-equality perspective' };
    const show = ok(ideas(['show', id], { cwd: dir }));
    const line = (text: string, field: string) => text.split('\n').find((l) => l.includes(`[${field}]`)) ?? '';
    expect(line(show.stdout, 'equality_impact')).toMatch(new RegExp(`^\\s+– .*: ${words.empty}$`));
    expect(line(show.stdout, 'test_plan')).toMatch(new RegExp(`^\\s+✘ .*: ${words.wrong}$`));

    const agenda = ok(ideas(['review', '--dry-run', '--stage', 'refinement', '--json'], { cwd: dir }));
    const criteria = parseJson<{
      agenda: {
        idea: { id: string };
        gate: { criteria: { field: string; status: string; problem: string | null }[] };
      }[];
    }>(agenda).agenda.find((a) => a.idea.id === id)?.gate.criteria;
    expect(criteria?.find((c) => c.field === 'equality_impact')).toMatchObject({ status: 'not-given', problem: null });
    expect(criteria?.find((c) => c.field === 'test_plan')).toMatchObject({ status: 'not-met', problem: words.wrong });

    ok(ideas(['site'], { cwd: dir }));
    const page = readFileSync(path.join(dir, 'site', 'ideas', `${id}.html`), 'utf8');
    const item = page.split('\n').find((l) => l.startsWith('<li>') && l.includes(words.equality)) ?? '';
    expect(item).toContain('class="not-given"');
  });
});
