/**
 * Spreading with provenance, end to end: a member registry tests an idea and fills in its spread kit, the region
 * syncs it through a real git remote, another member takes it up with `ideas adopt`, and the region shows who
 * adopted what. The source registry is never written; a hostile source is kept as text, never as YAML or escapes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson } from '../helpers/cli.js';
import { addIdea, ideaFilesOf, memberRegistry, mustRunIn, runIn, writeRegionFile } from '../helpers/region.js';
import { commitAll, git, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

const KIT = [
  'spread_contact=Digital support, Lidköping',
  'spread_results=No lost keys in six months, eight minutes saved per shift.',
  'spread_costs=210 000 kr to introduce, 45 000 kr a year',
  'spread_materials=https://lidkoping.example.org/nycklar',
  'spread_licence=CC-BY-4.0',
];

/** An idea taken to the minimal template's last stage, with the kit's fields as given. */
function testedIdea(dir: string, title: string, kit: string[]): string {
  const id = addIdea(dir, title, 'Digital keys instead of a key cabinet.');
  if (kit.length > 0) mustRunIn(dir, ['edit', id, ...kit.flatMap((s) => ['--set', s])]);
  mustRunIn(dir, ['move', id, 'doing']);
  mustRunIn(dir, ['move', id, 'done']);
  return id;
}

const ESC = '\u001b';

describe('ideas adopt', () => {
  let region: string;
  let lidkoping: string;
  let skovde: string;
  let tested: string;
  let early: string;
  let lacking: string;
  let lidkHead: string;

  beforeAll(() => {
    region = makeTempRepo();
    lidkoping = memberRegistry('lidk');
    tested = testedIdea(lidkoping, 'Digital keys in home care', KIT);
    lacking = testedIdea(lidkoping, 'Bike pool for the staff', KIT.slice(0, 3));
    early = addIdea(lidkoping, 'Reading tablets for the elderly');
    // A hostile member: control characters and YAML in the title, escapes in the text and the tags.
    fs.writeFileSync(
      path.join(lidkoping, 'ideas', '03-done', 'lidk-evil01-x.md'),
      [
        '---',
        'id: lidk-evil01',
        'title: "\\e[31mRed\\a title\\nid: lidk-owned1\\n---\\nbasedOn: {member: x}"',
        'created: 2026-01-01',
        'tags: [ok, "\\e[2J"]',
        ...KIT.map((k) => k.replace('=', ': "') + '"'),
        'history:',
        '  - {date: 2026-01-01, action: created, to: idea}',
        '---',
        '',
        `Body ${ESC}]0;pwned\u0007 text.`,
        '',
      ].join('\n'),
    );
    commitAll(lidkoping, 'ideas');
    lidkHead = git(['rev-parse', 'HEAD'], lidkoping).trim();
    skovde = memberRegistry('skov', path.relative(makeTempRepo(), region));
    // The region's folder, relative to the member's own folder, as a coordinator would write it.
    const config = path.join(skovde, 'ideas.config.yaml');
    fs.writeFileSync(
      config,
      fs.readFileSync(config, 'utf8').replace(/^region: .*$/m, `region: ${path.relative(skovde, region)}`),
    );
    // Most often the path memberRegistry wrote already (its folder and skovde's are both in the temporary folder).
    if (git(['status', '--porcelain'], skovde) !== '') commitAll(skovde, 'region');
    writeRegionFile(region, [
      { id: 'lidkoping', name: 'Lidköping', url: `file://${lidkoping}` },
      { id: 'skovde', name: 'Skövde', url: path.relative(region, skovde) },
    ]);
    mustRunIn(region, ['region', 'sync']);
  });

  it('takes up a tested idea as a new idea here, with basedOn and an adopted entry, leaving the source alone', () => {
    const before = ideaFilesOf(skovde);
    const r = runIn(skovde, ['adopt', `lidkoping:${tested}`, '--by', 'Samordnaren', '--json']);
    expect(r.code, describeRun(r)).toBe(0);
    const doc = parseJson<{
      kind: string;
      idea: { id: string; path: string; stage: string; data: Record<string, unknown> };
      change: { action: string; to: string; forced: boolean; basedOn: Record<string, unknown> };
      staged: boolean;
    }>(r);
    expect(doc.kind).toBe('idea');
    expect(doc.idea.id).toMatch(/^skov-[0-9a-z]+$/);
    expect(doc.change).toEqual({
      action: 'adopted',
      to: 'idea',
      forced: false,
      // A folder on this machine is no address to publish (basedOn is public): no url.
      basedOn: { member: 'lidkoping', id: tested, commit: lidkHead, url: null },
    });
    expect(doc.staged).toBe(true);
    expect(ideaFilesOf(skovde)).toEqual([...before, doc.idea.path].sort());
    const text = fs.readFileSync(path.join(skovde, doc.idea.path), 'utf8');
    expect(text).toContain('title: Digital keys in home care');
    expect(text).toMatch(/basedOn:\n {2}member: lidkoping\n {2}id: lidk-\w+\n {2}commit: [0-9a-f]{40}\n/);
    expect(text).toMatch(/action: adopted\n {4}to: idea\n {4}source: lidkoping:lidk-\w+\n {4}by: Samordnaren/);
    // The source's own record (its results, costs, contact) is not copied: the adopter's come from its own work.
    expect(text).not.toContain('spread_results');
    expect(text).toContain('Digital keys instead of a key cabinet.');
    expect(git(['diff', '--cached', '--name-only'], skovde).trim()).toBe(doc.idea.path);
    // The adopted idea is valid here, and `ideas diff` accepts its start.
    mustRunIn(skovde, ['validate']);
    git(['commit', '-qm', 'adopt'], skovde);
    const diff = runIn(skovde, ['diff', 'HEAD~1', 'HEAD']);
    expect(diff.code, describeRun(diff)).toBe(0);
    // The source registry was never written.
    expect(git(['status', '--porcelain'], lidkoping)).toBe('');
    expect(git(['rev-parse', 'HEAD'], lidkoping).trim()).toBe(lidkHead);

    // Once is enough: a second adoption of the same idea is refused, naming the first.
    const again = runIn(skovde, ['adopt', `lidkoping:${tested}`]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`has been adopted here already, as ${doc.idea.id}`);
  });

  it('shows who adopted what on both ideas, after a sync', () => {
    mustRunIn(region, ['region', 'sync']);
    const source = runIn(region, ['region', 'show', `lidkoping:${tested}`, '--json']);
    expect(source.code, describeRun(source)).toBe(0);
    const s = parseJson<{ adoptedBy: { ref: string; title: string }[]; basedOn: unknown; spreadKit: unknown[] }>(
      source,
    );
    expect(s.adoptedBy).toHaveLength(1);
    expect(s.adoptedBy[0]?.ref).toMatch(/^skovde:skov-/);
    expect(s.adoptedBy[0]?.title).toBe('Digital keys in home care');
    expect(s.basedOn).toBeNull();
    expect(s.spreadKit).toHaveLength(5);
    const adopter = s.adoptedBy[0]?.ref as string;
    const a = parseJson<{ basedOn: { ref: string; commit: string; inRegion: boolean }; adoptedBy: unknown[] }>(
      mustRunIn(region, ['region', 'show', adopter, '--json']),
    );
    expect(a.basedOn).toMatchObject({ ref: `lidkoping:${tested}`, commit: lidkHead, inRegion: true });
    expect(a.adoptedBy).toEqual([]);

    const human = mustRunIn(region, ['region', 'show', `lidkoping:${tested}`]).stdout;
    expect(human).toContain('Adopted by 1 idea:');
    expect(human).toContain(`${adopter}  Digital keys in home care  (Skövde`);
    expect(human).toContain('Spread kit: complete');
    expect(mustRunIn(region, ['region', 'show', adopter]).stdout).toContain(
      `Based on: lidkoping:${tested} «Digital keys in home care» (Lidköping), commit ${lidkHead.slice(0, 7)}`,
    );
    // The same title and text, but known to be taken up: no duplicate to find (a tester saw it ranked 1.00).
    const pairs = parseJson<{ pairs: { a: { ref: string }; b: { ref: string } }[] }>(
      mustRunIn(region, ['region', 'duplicates', '--min-score', '0', '--json']),
    ).pairs.map((p) => [p.a.ref, p.b.ref].sort());
    expect(pairs).not.toContainEqual([`lidkoping:${tested}`, adopter].sort());
  });

  it('links the two ideas on the region site: based on, and adopted by', () => {
    mustRunIn(region, ['region', 'site', '-o', 'public']);
    const pages = (member: string) =>
      fs.readdirSync(path.join(region, 'public', 'ideas', member)).map((f) => ({
        rel: `ideas/${member}/${f}`,
        html: fs.readFileSync(path.join(region, 'public', 'ideas', member, f), 'utf8'),
      }));
    const source = pages('lidkoping').find((p) => p.html.includes(`<dd>${tested}</dd>`));
    const adopter = pages('skovde').find((p) => p.html.includes('<dt>Based on</dt>'));
    expect(source, 'the source idea has a page').toBeDefined();
    expect(adopter, 'the adopting idea names its source').toBeDefined();
    if (!source || !adopter) return;
    expect(source.html).toMatch(
      new RegExp(
        `<dt>Adopted by</dt><dd><ul><li><a href="\\.\\./\\.\\./${adopter.rel}">Digital keys in home care \\(Skövde\\)</a></li></ul></dd>`,
      ),
    );
    expect(adopter.html).toContain(
      `<dt>Based on</dt><dd><a href="../../${source.rel}">Digital keys in home care (Lidköping)</a></dd>`,
    );
    // basedOn is said in words, not shown as the record it is in the file.
    expect(adopter.html).not.toContain('{&quot;member&quot;');
  });

  it('refuses an idea that does not give its stage spread kit, saying what is missing', () => {
    const files = ideaFilesOf(skovde);
    const r = runIn(skovde, ['adopt', `lidkoping:${lacking}`]);
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stderr).toContain(`the spread kit of its stage Done lacks 2 parts`);
    expect(r.stderr).toContain('Materials (spread_materials)');
    expect(r.stderr).toContain('Licence of the materials (spread_licence)');
    const e = runIn(skovde, ['adopt', `lidkoping:${early}`]);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('its stage Idea asks for no spread kit');
    expect(ideaFilesOf(skovde)).toEqual(files);
  });

  it('refuses references that are not a member and an id, members not in the region, ideas not synced', () => {
    const files = ideaFilesOf(skovde);
    for (const ref of [
      `../x:${tested}`,
      'lidkoping:../../x',
      `lidkoping:${tested}/../..`,
      `lidkoping/..:${tested}`,
      ':lidk-aaaa',
      'lidkoping:',
      tested,
      `-x:${tested}`,
    ]) {
      const r = runIn(skovde, ['adopt', '--', ref]);
      expect(r.code, `${ref}: ${describeRun(r)}`).toBe(2);
      expect(r.stderr).toContain('is not an idea of the region');
    }
    const unknown = runIn(skovde, ['adopt', `nobody:${tested}`]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('The region has no member "nobody". Members: lidkoping, skovde.');
    const missing = runIn(skovde, ['adopt', 'lidkoping:lidk-zzzzzz']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("The idea lidkoping:lidk-zzzzzz is not in the region's last sync");
    expect(ideaFilesOf(skovde)).toEqual(files);
  });

  it('needs a region named in the config, there, and synced', () => {
    const none = runIn(lidkoping, ['adopt', `skovde:skov-aaaaaa`]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('The registry names no region');
    const elsewhere = memberRegistry('hjo', '../no-such-region');
    const gone = runIn(elsewhere, ['adopt', `lidkoping:${tested}`]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('no ideas.region.yaml in');
    const fresh = makeTempRepo();
    writeRegionFile(fresh, [{ id: 'lidkoping', name: 'Lidköping', url: `file://${lidkoping}` }]);
    const unsynced = memberRegistry('vara', path.relative(makeTempRepo(), fresh));
    const config = path.join(unsynced, 'ideas.config.yaml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^region: .*$/m, `region: ${fresh}`));
    const r = runIn(unsynced, ['adopt', `lidkoping:${tested}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has not been synced');
    expect(r.stderr).toContain(`ideas -C ${fresh} region sync`);
  });

  it('keeps a hostile source as plain text: no control characters, no YAML of its own', () => {
    const r = runIn(skovde, ['adopt', 'lidkoping:lidk-evil01', '--json']);
    expect(r.code, describeRun(r)).toBe(0);
    const written = parseJson<{ idea: { path: string } }>(r).idea.path;
    const text = fs.readFileSync(path.join(skovde, written), 'utf8');
    const validated = runIn(skovde, ['validate']);
    const shown = runIn(skovde, ['show', parseJson<{ idea: { id: string } }>(r).idea.id]);
    git(['reset', '-q', '--hard'], skovde);
    const doc = parseJson<{ idea: { id: string; path: string; title: string; fields: Record<string, unknown> } }>(r);
    expect(doc.idea.id).toMatch(/^skov-/);
    expect(doc.idea.title).toBe('[31mRed  title id: lidk-owned1 --- basedOn: {member: x}');
    expect(doc.idea.fields.basedOn).toMatchObject({ member: 'lidkoping', id: 'lidk-evil01' });
    expect(doc.idea.fields.tags).toEqual(['ok', '[2J']);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text.match(/^id: /gm)).toHaveLength(1);
    expect(text).toContain('Body  ]0;pwned  text.');
    expect(validated.code, describeRun(validated)).toBe(0);
    expect(shown.code, describeRun(shown)).toBe(0);
    expect(shown.stdout + shown.stderr).not.toContain(ESC);
  });

  it('goes through its stage gate: --set fills it, --force passes it and says so', () => {
    // Skövde's first stage asks for a unit.
    const schema = path.join(skovde, 'criteria', 'idea.schema.json');
    const criteria = JSON.parse(fs.readFileSync(schema, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(schema, JSON.stringify({ ...criteria, required: ['unit'] }, null, 2));
    commitAll(skovde, 'units');
    const files = ideaFilesOf(skovde);
    const gate = runIn(skovde, ['adopt', 'lidkoping:lidk-evil01']);
    expect(gate.code, describeRun(gate)).toBe(1);
    expect(gate.stderr).toContain('cannot be adopted into the stage Idea: the gate is closed (1 criterion missing)');
    expect(gate.stderr).toContain('unit');
    // The same adoption with what is missing, to fill in and run, as a closed gate of `move` prints its fixes.
    expect(gate.stderr).toContain('Adopt the idea with what is missing (replace what is within <>):');
    expect(gate.stderr).toContain("\n    ideas adopt lidkoping:lidk-evil01 --set 'unit=<text>'\n");
    expect(ideaFilesOf(skovde)).toEqual(files);

    const filled = runIn(skovde, ['adopt', 'lidkoping:lidk-evil01', '--set', 'unit=Home care', '--commit', '--json']);
    expect(filled.code, describeRun(filled)).toBe(0);
    const f = parseJson<{ idea: { id: string; path: string }; committed: boolean }>(filled);
    expect(f.committed).toBe(true);
    expect(git(['status', '--porcelain'], skovde)).toBe('');
    expect(git(['log', '-1', '--format=%s'], skovde).trim()).toMatch(
      new RegExp(`^${f.idea.id}: .*Red {2}title.* \\(adopted from lidkoping:lidk-evil01\\)$`),
    );
    expect(git(['show', '--name-only', '--format=', 'HEAD'], skovde).trim()).toBe(f.idea.path);

    const forced = runIn(skovde, ['adopt', 'lidkoping:lidk-evil01', '--force']);
    const forcedText = forced.code === 0 ? fs.readFileSync(path.join(skovde, forced.stdout.trim()), 'utf8') : '';
    const into = runIn(skovde, ['adopt', 'lidkoping:lidk-evil01', '--force', '--stage', 'doing']);
    git(['reset', '-q', '--hard'], skovde);
    git(['clean', '-qfd'], skovde);
    expect(forced.code, describeRun(forced)).toBe(0);
    expect(forced.stderr).toContain('despite a closed gate');
    expect(forced.stderr).toContain('unit');
    expect(forced.stdout.trim()).toMatch(/^ideas\/01-idea\/skov-/);
    expect(forcedText).toMatch(/action: adopted\n {4}to: idea\n.*\n.*\n {4}forced: true/);
    // Another stage, through its own gate (open in the minimal template): --stage.
    expect(into.code, describeRun(into)).toBe(0);
    expect(into.stdout.trim()).toMatch(/^ideas\/02-in-progress\/skov-/);
    expect(into.stderr).not.toContain('despite');
  });

  it('leaves nothing behind when a step fails', () => {
    const files = ideaFilesOf(skovde);
    for (const [fault, extra] of [
      ['create:before-add', []],
      ['create:before-commit', ['--commit']],
    ] as const) {
      const r = runIn(skovde, ['adopt', 'lidkoping:lidk-evil01', '--set', 'unit=U', '--force', ...extra], {
        IDEAS_FAULT: fault,
      });
      expect(r.code, `${fault}: ${describeRun(r)}`).not.toBe(0);
      expect(ideaFilesOf(skovde), fault).toEqual(files);
      expect(git(['status', '--porcelain'], skovde), fault).toBe('');
    }
  });

  it('never reuses an id the region or this registry holds', () => {
    // The source's file copied here under its own id: the adoption gets a new one, and the copy is left alone.
    const source = ideaFilesOf(lidkoping).find((f) => f.includes(tested)) as string;
    const copy = path.join(skovde, 'ideas', '01-idea', path.basename(source));
    fs.copyFileSync(path.join(lidkoping, source), copy);
    const before = fs.readFileSync(copy, 'utf8');
    const r = runIn(skovde, ['adopt', `lidkoping:${tested}`, '--force', '--set', 'unit=U', '--json']);
    expect(r.code, describeRun(r)).toBe(0);
    const id = parseJson<{ idea: { id: string } }>(r).idea.id;
    expect(id).not.toBe(tested);
    expect(id).toMatch(/^skov-/);
    expect(fs.readFileSync(copy, 'utf8')).toBe(before);
    git(['reset', '-q', '--hard'], skovde);
    git(['clean', '-qfd'], skovde);
  });

  it('ideas new names similar ideas elsewhere in the region: on stderr off a terminal, and in --json', () => {
    const r = runIn(skovde, ['new', '--no-input', '--title', 'Digital keys for the home care', '--set', 'unit=U']);
    const j = runIn(skovde, [
      'new',
      '--no-input',
      '--title',
      'Digital keys for home care',
      '--set',
      'unit=U',
      '--json',
    ]);
    git(['reset', '-q', '--hard'], skovde);
    git(['clean', '-qfd'], skovde);
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stderr).toContain(
      `Lidköping has something similar: «Digital keys in home care» (lidkoping:${tested}, Done; region synced `,
    );
    // The region's copy of Skövde's own adopted idea is Skövde's, not "elsewhere".
    expect(r.stderr).not.toContain('Skövde has something similar');
    expect(j.code, describeRun(j)).toBe(0);
    const doc = parseJson<{ regionSimilar: { ref: string; memberName: string }[] }>(j);
    expect(doc.regionSimilar.map((x) => x.ref)).toEqual([`lidkoping:${tested}`]);
    // A registry whose region has never been synced, or names none: not a word, and the idea is written.
    const quiet = runIn(lidkoping, ['new', '--no-input', '--title', 'Digital keys in home care']);
    git(['reset', '-q', '--hard'], lidkoping);
    git(['clean', '-qfd'], lidkoping);
    expect(quiet.code, describeRun(quiet)).toBe(0);
    expect(quiet.stderr).not.toContain('something similar');
  });

  it('ideas diff names the similar ideas elsewhere for the ideas a change adds, as a notice', () => {
    addIdea(skovde, 'Digital keys for the home care', 'Keys in the phone.', ['unit=U']);
    commitAll(skovde, 'a new idea');
    const github = runIn(skovde, ['diff', 'HEAD~1', 'HEAD', '--format', 'github']);
    const json = runIn(skovde, ['diff', 'HEAD~1', 'HEAD', '--json']);
    const text = runIn(skovde, ['diff', 'HEAD~1', 'HEAD']);
    const none = runIn(skovde, ['diff', 'HEAD', 'HEAD', '--json']);
    const md = runIn(skovde, ['diff', 'HEAD~1', 'HEAD', '--format', 'md']);
    const mdSv = ideas(['--lang', 'sv', 'diff', 'HEAD~1', 'HEAD', '--format', 'md'], { cwd: skovde });
    const mdNone = runIn(skovde, ['diff', 'HEAD', 'HEAD', '--format', 'md']);
    git(['reset', '-q', '--hard', 'HEAD~1'], skovde);
    expect(github.code, describeRun(github)).toBe(0);
    expect(github.stdout).toMatch(
      new RegExp(
        `^::notice file=ideas/01-idea/skov-\\w+-digital-keys-for-the-home-care\\.md,title=ideas%3A region/similar::Lidköping has something similar: «Digital keys in home care» \\(lidkoping:${tested}, Done; region synced \\d{4}-\\d\\d-\\d\\d\\)$`,
        'm',
      ),
    );
    expect(github.stdout).not.toMatch(/^::(error|warning)/m);
    expect(json.code, describeRun(json)).toBe(0);
    const doc = parseJson<{ regionSimilar: { id: string; similar: { ref: string }[] }[] }>(json);
    expect(doc.regionSimilar).toHaveLength(1);
    expect(doc.regionSimilar[0]?.similar.map((x) => x.ref)).toEqual([`lidkoping:${tested}`]);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('looks like ideas elsewhere in the region:');
    expect(text.stderr).toContain('Lidköping has something similar');
    expect(parseJson<{ regionSimilar: unknown[] }>(none).regionSimilar).toEqual([]);
    // The JSON says it in its field only; its stderr is quiet.
    expect(json.stderr).not.toContain('something similar');
    // Markdown, from which a pull request's comment is made: a section of its own on stdout, nothing on stderr.
    expect(md.code, describeRun(md)).toBe(0);
    expect(md.stderr).not.toContain('something similar');
    expect(md.stdout).toMatch(
      /\n### 🔎 Similar ideas elsewhere in the region \(1\)\n\n- The new idea skov-\w+ «Digital keys for the home care» looks like ideas elsewhere in the region:\n {2}- Lidköping has something similar: «Digital keys in home care» \(lidkoping:/,
    );
    expect(md.stdout.indexOf('Similar ideas elsewhere')).toBeGreaterThan(md.stdout.indexOf('## '));
    expect(mdSv.code, describeRun(mdSv)).toBe(0);
    expect(mdSv.stdout).toContain('### 🔎 Liknande idéer på andra håll i regionen (1)');
    expect(mdSv.stdout).toContain('Lidköping har något liknande: «Digital keys in home care»');
    expect(mdSv.stderr).not.toContain('liknande');
    expect(mdNone.stdout).not.toContain('Similar ideas elsewhere');
  });
});
