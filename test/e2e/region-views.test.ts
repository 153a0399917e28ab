/**
 * The region's views over all members, end to end: `ideas region report`, `region export` and `region site`, from
 * members made by `ideas init`, `ideas new` and `ideas move` in temporary git repositories and fetched by
 * `ideas region sync`. People's names are planted in every member (carriers, the history's `by`): no view may show
 * one, since only public fields ever leave a member.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson } from '../helpers/cli.js';
import { parseCsvWithLibrary, rowsByKey } from '../helpers/csv.js';
import { minimalRegistryCopy, mustRunIn, runIn } from '../helpers/region.js';
import { readConfig, stageDir } from '../helpers/registry.js';
import { commitAll, git, makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** Names that must never leave a member: carriers and the people in the history. */
const PEOPLE = ['Anna Hemligsson', 'Bertil Hemlig', 'Cecilia Dold', 'David Skyddad'];

const GOAL = `goals:
  - id: done-2
    label: { sv: Två klara, en: Two done }
    stage: done
    target: 2
    by: "2099-12-31"
challenges:
  - id: klimat
    label: { sv: Klimat och miljö, en: Climate and environment }
`;

/**
 * A member with `count` ideas, the first `moved` of them moved on to doing and the first `done` on to done, all by
 * a named person; each idea carries a person's name too.
 */
function makeMember(prefix: string, titles: string[], moved: number, done: number, carrier: string, by: string) {
  const dir = minimalRegistryCopy();
  const config = path.join(dir, 'ideas.config.yaml');
  fs.writeFileSync(
    config,
    `${fs.readFileSync(config, 'utf8').replace(/^idPrefix:.*$/m, `idPrefix: ${prefix}`)}\n${GOAL}`,
  );
  const ids = titles.map(
    (title) =>
      parseJson<{ idea: { id: string } }>(
        mustRunIn(dir, [
          ...['new', '--no-input', '--json', '--title', title, '--body', `About ${title}.`],
          ...['--set', `carrier=${carrier}`, '--set', 'challenge=klimat'],
        ]),
      ).idea.id,
  );
  ids.slice(0, moved).forEach((id) => mustRunIn(dir, ['move', id, 'doing', '--no-input', '--by', by]));
  ids.slice(0, done).forEach((id) => mustRunIn(dir, ['move', id, 'done', '--no-input', '--by', by]));
  commitAll(dir, 'ideas');
  return { dir, ids };
}

let region: string;
let lidkoping: { dir: string; ids: string[] };
let skovde: { dir: string; ids: string[] };

beforeAll(() => {
  lidkoping = makeMember(
    'lidk',
    ['Läsplattor för äldre', 'Cykelparkering', 'Digital post', 'Matsvinn i skolan', 'Ljus i parken', 'Vinterväg'],
    5,
    1,
    PEOPLE[0] as string,
    PEOPLE[1] as string,
  );
  skovde = makeMember(
    'skov',
    ['Läsplatta till äldreboendet', '=HYPERLINK("http://x")'],
    1,
    0,
    PEOPLE[2] as string,
    PEOPLE[3] as string,
  );
  region = makeTempRepo();
  fs.writeFileSync(
    path.join(region, 'ideas.region.yaml'),
    [
      'schemaVersion: 1',
      'name: Skaraborg',
      'languages: [en]',
      'members:',
      '  - id: lidkoping',
      '    name: Lidköping',
      '    municipality: "1494"',
      `    url: ${lidkoping.dir}`,
      '    site: https://lidkoping.example.org/idesluss/',
      '  - id: skovde',
      '    name: Skövde',
      '    municipality: "1496"',
      `    url: file://${skovde.dir}`,
      '  - id: never',
      '    name: Never synced',
      `    url: ${path.join(makeTempDir(), 'missing')}`,
      '',
    ].join('\n'),
  );
  const r = runIn(region, ['region', 'sync']);
  expect(r.code, describeRun(r)).toBe(1);
});

interface Figures {
  ideas: number;
  funnel: { stage: string; now: number }[];
  timeInStage: { stage: string; stays: number; median: number | null }[];
  goals: { id: string; target: number; reached: number; status: string }[];
  withheld: string[];
}

describe('ideas region report', () => {
  it('gives the funnel, time in stage and goals by municipality and for the region, with how old each is', () => {
    const r = runIn(region, ['region', 'report']);
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toMatch(/^Skaraborg: region report$/m);
    // The funnel by municipality: idea, doing, done, total.
    expect(r.stdout).toMatch(/^ {2}Lidköping +1 +4 +1 +6$/m);
    expect(r.stdout).toMatch(/^ {2}Skövde +1 +1 +0 +2$/m);
    expect(r.stdout).toMatch(/^ {2}Region +2 +5 +1 +8$/m);
    // Five stays ended in Lidköping's first stage: a median. One in its second, and one in Skövde's first: withheld,
    // the count given.
    expect(r.stdout).toMatch(/^ {2}Lidköping +0 \(5\) +– \(1\) +–$/m);
    expect(r.stdout).toMatch(/^ {2}Skövde +– \(1\) +– +–$/m);
    expect(r.stdout).toMatch(/^ {2}Region +0 \(6\) +– \(1\) +–$/m);
    // Goals: each member's, and the region's added up.
    expect(r.stdout).toContain('Lidköping: Two done: 1 of 2 (50%) have reached Done');
    // Two members' goals of one id added up, and said to be: "Two done" alone would contradict the 4 beside it.
    expect(r.stdout).toContain("Two done (the sum of 2 members' goals): 1 of 4 (25%) have reached Done");
    expect(r.stdout).toMatch(/lidkoping \(Lidköping\): data from \d{4}-\d{2}-\d{2}, today, commit [0-9a-f]{7}/);
    expect(r.stdout).toContain('never (Never synced)');
    for (const name of PEOPLE) expect(r.stdout).not.toContain(name);
  });

  it('--json: the same figures, member by member, with what is withheld and how old the data is', () => {
    const r = runIn(region, ['region', 'report', '--json']);
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<{
      kind: string;
      registry: null;
      region: { name: string };
      report: Figures;
      members: { id: string; ageDays: number | null; report: Figures | null }[];
    }>(r);
    expect(doc.kind).toBe('region-report');
    expect(doc.registry).toBeNull();
    expect(doc.report.ideas).toBe(8);
    expect(doc.report.goals).toEqual([
      expect.objectContaining({ id: 'done-2', target: 4, reached: 1, status: 'open' }),
    ]);
    const [lidk, skov, never] = doc.members;
    expect(lidk?.report?.timeInStage[0]).toEqual(expect.objectContaining({ stage: 'idea', stays: 5, median: 0 }));
    expect(lidk?.report?.withheld).toEqual(['doing']);
    expect(skov?.report?.timeInStage[0]).toEqual(expect.objectContaining({ stage: 'idea', stays: 1, median: null }));
    expect(skov?.report?.withheld).toEqual(['idea']);
    expect(lidk?.ageDays).toBe(0);
    expect(never).toEqual(expect.objectContaining({ id: 'never', ageDays: null, report: null }));
    for (const name of PEOPLE) expect(r.stdout).not.toContain(name);
  });

  it('--member by id or municipality code; Markdown; a bad date is a usage error', () => {
    const one = parseJson<{ report: Figures; members: { id: string }[] }>(
      mustRunIn(region, ['region', 'report', '--member', '1496', '--json']),
    );
    expect(one.members.map((m) => m.id)).toEqual(['skovde']);
    expect(one.report.ideas).toBe(2);
    const md = mustRunIn(region, ['region', 'report', '--format', 'md']);
    expect(md.stdout).toMatch(/^# Skaraborg: region report$/m);
    expect(md.stdout).toMatch(/^\| Lidköping \| 1 \| 4 \| 1 \| 6 \|$/m);
    const bad = runIn(region, ['region', 'report', '--since', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since');
    const unknown = runIn(region, ['region', 'report', '--member', 'nowhere']);
    expect(unknown.code).toBe(2);
  });

  it('reads a state file from before goals were kept, and the next sync fills them in', () => {
    const file = path.join(region, '.git', 'ideas-region', 'state', 'skovde.json');
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as { registry: Record<string, unknown> };
    delete state.registry.goals;
    delete state.registry.minGroupSize;
    state.registry.stages = (state.registry.stages as { key: string; label: unknown }[]).map(({ key, label }) => ({
      key,
      label,
    }));
    fs.writeFileSync(file, JSON.stringify(state));
    const old = parseJson<{ members: { id: string; report: Figures | null }[] }>(
      mustRunIn(region, ['region', 'report', '--json']),
    );
    expect(old.members[1]?.report?.goals).toEqual([]);
    expect(old.members[1]?.report?.ideas).toBe(2);
    const sync = parseJson<{ members: { id: string; status: string; parsed: number }[] }>(
      mustRunIn(region, ['region', 'sync', '--member', 'skovde', '--json']),
    );
    // The same commit, but the state lacked the goals: read again, each idea still known by its blob id.
    expect(sync.members).toEqual([expect.objectContaining({ id: 'skovde', status: 'updated', parsed: 0 })]);
    const again = parseJson<{ members: { id: string; report: Figures | null }[] }>(
      mustRunIn(region, ['region', 'report', '--json']),
    );
    expect(again.members[1]?.report?.goals).toHaveLength(1);
  });
});

describe('ideas region export', () => {
  it('writes every idea as CSV with its member and municipality, formulas guarded, no person named', () => {
    const r = runIn(region, ['region', 'export']);
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsvWithLibrary(r.stdout, ',');
    const head = rows[0] as string[];
    // The columns by their labels in the region's language, for the people who open the file (the JSON keeps keys).
    expect(head.slice(0, 5)).toEqual(['Member', 'Municipality code', 'Id', 'Name of the idea', 'Stage']);
    const objects = rowsByKey(rows, head);
    expect(objects).toHaveLength(8);
    expect(objects.filter((o) => o.Member === 'lidkoping')).toHaveLength(6);
    expect(objects.find((o) => o.Id === skovde.ids[0])).toMatchObject({
      Member: 'skovde',
      'Municipality code': '1496',
      'Name of the idea': 'Läsplatta till äldreboendet',
    });
    // A title that a spreadsheet would run is text behind an apostrophe, as `ideas export` writes it.
    expect(objects.find((o) => o.Id === skovde.ids[1])?.['Name of the idea']).toBe(`'=HYPERLINK("http://x")`);
    // Where each member's data comes from, and how old it is: on stderr, so that the file stays a table.
    expect(r.stderr).toMatch(/skovde \(Skövde\): data from/);
    for (const name of PEOPLE) expect(r.stdout).not.toContain(name);
  });

  it('--json, --member, --stage and --delimiter; an unknown stage is a usage error', () => {
    const doc = parseJson<{ kind: string; columns: string[]; ideas: Record<string, unknown>[]; members: unknown[] }>(
      mustRunIn(region, ['region', 'export', '--json', '--member', 'lidkoping', '--stage', 'doing']),
    );
    expect(doc.kind).toBe('region-idea-export');
    expect(doc.members).toHaveLength(1);
    expect(doc.ideas.map((i) => [i['member.id'], i.stage])).toEqual(Array(4).fill(['lidkoping', 'doing']));
    const semi = mustRunIn(region, ['region', 'export', '--delimiter', ';', '--member', 'skovde']);
    expect(semi.stdout.startsWith('\uFEFFMember;Municipality code;Id;Name of the idea;Stage;')).toBe(true);
    const bad = runIn(region, ['region', 'export', '--stage', 'nowhere']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('No member has the stage "nowhere"');
    // The stages by their labels, as a coordinator knows them (the keys are the config's business).
    expect(bad.stderr).toContain('The stages: Idea, In progress, Done');
  });

  it('--stage in region list and export takes a stage by its label too, and refuses one no member has', () => {
    const byLabel = parseJson<{ ideas: Record<string, unknown>[] }>(
      mustRunIn(region, ['region', 'export', '--json', '--member', 'lidkoping', '--stage', 'Pågår']),
    );
    expect(byLabel.ideas.map((i) => i.stage)).toEqual(Array(4).fill('doing'));
    const listed = parseJson<{ ideas: { stage: string }[] }>(
      mustRunIn(region, ['region', 'list', '--json', '--stage', 'in progress']),
    );
    expect(listed.ideas.length).toBeGreaterThan(0);
    expect(new Set(listed.ideas.map((i) => i.stage))).toEqual(new Set(['doing']));
    // An unknown stage was an empty list; it is a usage error, as in export.
    const bad = runIn(region, ['region', 'list', '--stage', 'nowhere']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('No member has the stage "nowhere"');
  });
});

describe('ideas region site', () => {
  function allFiles(dir: string): string[] {
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  }

  it('writes an index, a page per municipality and per idea, each idea labelled and linked to its own site', () => {
    const r = runIn(region, ['region', 'site', '--json']);
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<{ kind: string; out: string; pages: number }>(r);
    expect(doc).toMatchObject({ kind: 'region-site', out: 'site', pages: 1 + 3 + 8 });
    const site = path.join(region, 'site');
    const index = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(index).toContain('<a href="members/lidkoping.html">Lidköping</a>');
    expect(index).toContain('<a href="members/never.html">Never synced</a>');
    expect(index).toContain('href="https://lidkoping.example.org/idesluss/"');
    const member = fs.readFileSync(path.join(site, 'members', 'skovde.html'), 'utf8');
    expect(member).toContain(`<a href="../ideas/skovde/${skovde.ids[0]}.html">Läsplatta till äldreboendet</a>`);
    // A formula-like title is only text on a page, escaped.
    expect(member).toContain('=HYPERLINK(&quot;http://x&quot;)');
    const never = fs.readFileSync(path.join(site, 'members', 'never.html'), 'utf8');
    expect(never).toContain('No data yet');
    // Found from outside: a member never fetched was also said to have data from an earlier fetch.
    expect(never).not.toContain('the data is from an earlier one');
    const lidk = fs.readFileSync(path.join(site, 'ideas', 'lidkoping', `${lidkoping.ids[0]}.html`), 'utf8');
    expect(lidk).toContain('An idea from Lidköping');
    expect(lidk).toContain(`href="https://lidkoping.example.org/idesluss/ideas/${lidkoping.ids[0]}.html"`);
    expect(lidk).toContain('moved Idea → In progress');
    const skov = fs.readFileSync(path.join(site, 'ideas', 'skovde', `${skovde.ids[0]}.html`), 'utf8');
    expect(skov).toContain('An idea from Skövde');
    expect(skov).not.toContain('own site');
    // Fields by their members' labels, as ideas show says them, not by their keys; a challenge by its label.
    expect(lidk).toContain('<dt>Challenge the idea answers</dt><dd>Climate and environment</dd>');
    expect(lidk).not.toContain('<dt>challenge</dt>');
    // The member's sluice once, by its name.
    expect(lidk).toContain('<dt>Idea sluice</dt><dd><a href="../../members/lidkoping.html">Lidköping</a></dd>');
    // The same policy as ideas site: no script, no request to any host.
    expect(skov).toContain('script-src &#39;none&#39;');
    expect(skov).not.toMatch(/<script/);
  });

  it('holds no personal field of any member: not a carrier, not a name in the history', () => {
    mustRunIn(region, ['region', 'site', '--out', 'public']);
    const outputs = [
      ...allFiles(path.join(region, 'public')).map((f) => fs.readFileSync(f, 'utf8')),
      mustRunIn(region, ['region', 'report', '--json']).stdout,
      mustRunIn(region, ['region', 'export', '--json']).stdout,
      mustRunIn(region, ['region', 'export']).stdout,
    ];
    // Planted in the members: each is there, in the member's own files.
    const memberText = [lidkoping.dir, skovde.dir]
      .flatMap((d) => allFiles(path.join(d, 'ideas')))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    for (const name of PEOPLE) {
      expect(memberText).toContain(name);
      for (const text of outputs) expect(text).not.toContain(name);
    }
    // Nor the field itself, as a key, a column or a label (the footer may say that carriers are not shown).
    for (const text of outputs)
      expect(/.{0,80}(?:[">,]carrier[<":,]|^carrier[,;]).{0,80}/im.exec(text)?.[0] ?? null).toBeNull();
  });

  it('refuses to write into the region itself or its git folder', () => {
    expect(runIn(region, ['region', 'site', '--out', '.']).code).toBe(2);
    expect(runIn(region, ['region', 'site', '--out', '.git/site']).code).toBe(2);
  });
});

describe('the state of a member in two files: a summary and its text', () => {
  const stateDir = () => path.join(region, '.git', 'ideas-region', 'state');
  const textFiles = (member: string) =>
    fs.readdirSync(stateDir()).filter((f) => f.startsWith(`${member}.`) && f.endsWith('.text.json'));

  it('lists from the summaries alone: the titles without the texts', () => {
    const [text] = textFiles('lidkoping');
    expect(text).toBeDefined();
    const summary = fs.readFileSync(path.join(stateDir(), 'lidkoping.json'), 'utf8');
    expect(summary).toContain('Läsplattor för äldre');
    expect(summary).not.toContain('About Läsplattor för äldre.');
    const aside = path.join(stateDir(), `${text}.aside`);
    fs.renameSync(path.join(stateDir(), text as string), aside);
    try {
      const r = mustRunIn(region, ['region', 'list', '--member', 'lidkoping']);
      expect(r.stdout, r.stdout).toMatch(/Lidköping\s+lidk-\S+\s+Done\s+Läsplattor för äldre/);
    } finally {
      fs.renameSync(aside, path.join(stateDir(), text as string));
    }
    expect(mustRunIn(region, ['region', 'show', lidkoping.ids[0] as string]).stdout).toContain(
      'About Läsplattor för äldre.',
    );
  });

  it("reads a state written before the split, with every idea's data and text in one file", () => {
    const file = path.join(stateDir(), 'skovde.json');
    const before = fs.readFileSync(file, 'utf8');
    const summary = JSON.parse(before) as { text?: string; ideas: Record<string, unknown>[] };
    const texts = JSON.parse(fs.readFileSync(path.join(stateDir(), summary.text as string), 'utf8')) as [
      unknown,
      string,
    ][];
    const old = {
      ...summary,
      text: undefined,
      ideas: summary.ideas.map((i, n) => ({ ...i, data: texts[n]?.[0], body: texts[n]?.[1] })),
    };
    fs.writeFileSync(file, JSON.stringify(old));
    try {
      expect(mustRunIn(region, ['region', 'show', `skovde:${skovde.ids[0]}`]).stdout).toContain(
        'About Läsplatta till äldreboendet.',
      );
      expect(mustRunIn(region, ['region', 'list', '--member', 'skovde']).stdout).toContain(
        'Läsplatta till äldreboendet',
      );
    } finally {
      fs.writeFileSync(file, before);
    }
  });

  it('keeps the last good pair when killed between the text and the summary, and drops the old text after', () => {
    const folder = path.join(skovde.dir, stageDir(readConfig(skovde.dir)));
    const file = path.join(folder, fs.readdirSync(folder).find((f) => f.endsWith('.md')) as string);
    fs.appendFileSync(file, '\nA new paragraph.\n');
    git(['commit', '-qam', 'change one idea'], skovde.dir);
    const summary = path.join(stateDir(), 'skovde.json');
    const before = fs.readFileSync(summary, 'utf8');
    const shown = mustRunIn(region, ['region', 'report', '--json', '--member', 'skovde']).stdout;
    const killed = ideas(['--lang', 'en', 'region', 'sync', '--member', 'skovde'], {
      cwd: region,
      env: { IDEAS_FAULT: 'kill:region:summary' },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(fs.readFileSync(summary, 'utf8')).toBe(before);
    // The new text is written, the summary still names the old one: the views read the last good pair.
    expect(textFiles('skovde'), `${describeRun(killed)}\n${fs.readdirSync(stateDir()).join(' ')}`).toHaveLength(2);
    expect(mustRunIn(region, ['region', 'report', '--json', '--member', 'skovde']).stdout).toBe(shown);
    const r = parseJson<{ members: { parsed: number }[] }>(
      mustRunIn(region, ['region', 'sync', '--member', 'skovde', '--json']),
    );
    expect(r.members[0]?.parsed).toBe(1);
    expect(textFiles('skovde')).toHaveLength(1);
    expect(
      mustRunIn(region, ['region', 'show', `skovde:${skovde.ids[0]}`, '--json']).stdout +
        mustRunIn(region, ['region', 'show', `skovde:${skovde.ids[1]}`, '--json']).stdout,
    ).toContain('A new paragraph.');
  });
});
