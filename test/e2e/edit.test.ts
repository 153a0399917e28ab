/**
 * End to end: `ideas edit`, the values flags take as spreadsheets and Swedes write them, and the commands a closed
 * gate names, spawned as `node bin/ideas.js` in temp git repositories, in Swedish and English registries.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Many spawns each; a machine shared with other work is slow.
vi.setConfig({ testTimeout: 180_000 });
import { describeRun, ideas, ideasAsync, shell } from '../helpers/cli.js';
import { freshRegistry, initRegistry, parseIdeaText, readConfig, stageDir } from '../helpers/registry.js';
import { git, removeTempDirs } from '../helpers/temp-repo.js';
import { historyIn, ideaPath, makeSluice, read, removeSluices } from '../helpers/sluice.js';

afterAll(() => {
  removeSluices();
  removeTempDirs();
});

const NBSP = '\u00a0';

/** A new idea in a registry made by `ideas init`, with the flags given; its path. */
function newIdea(dir: string, args: string[]): string {
  const r = ideas(['new', '--no-input', ...args], { cwd: dir });
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

const idOf = (rel: string) => path.basename(rel).slice(0, path.basename(rel).indexOf('-', 5));

describe('ideas edit', () => {
  it('sets, removes and replaces with the least change, staged, the coach recorded in the history (sv)', async ({
    expect,
  }) => {
    const root = makeSluice();
    const rel = ideaPath('sund-emspzg');
    const before = read(root, rel);
    const r = await ideasAsync(
      [
        'edit',
        'sund-emspzg',
        '--set',
        'coach=Omar Ali',
        '--set',
        'unit=Skolförvaltningen',
        '--set',
        'tags=mat, svinn',
        '--unset',
        'carrier',
        '--body',
        'Ny text.',
        '--by',
        'Samordnaren',
      ],
      { cwd: root },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${rel}\n`);
    expect(r.stderr).toContain('sund-emspzg: Idécoach, Enhet eller förvaltning, Taggar, Idébärare, texten');
    const after = read(root, rel);
    // Every line that did not change is where it was: the title, created, challenge, the first entry.
    expect(after.split('\n').slice(0, 3)).toEqual(before.split('\n').slice(0, 3));
    expect(after).toContain(
      'unit: Skolförvaltningen\nchallenge: klimat\ntags: [mat, svinn]\ncoach: Omar Ali\nhistory:',
    );
    expect(after).not.toContain('carrier:');
    expect(after.endsWith('---\n\nNy text.\n')).toBe(true);
    expect(historyIn(root, rel).slice(1)).toEqual([
      { date: expect.any(String), action: 'assigned', field: 'coach', new: 'Omar Ali', by: 'Samordnaren' },
      {
        date: expect.any(String),
        action: 'assigned',
        field: 'carrier',
        old: 'Lena Forsberg',
        new: null,
        by: 'Samordnaren',
      },
    ]);
    expect(git(['status', '--porcelain', '--', rel], root)).toBe(`M  ${rel}\n`);
    const v = await ideasAsync(['validate', rel], { cwd: root });
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('takes a challenge by its label and a choice in any case, and prints a versioned JSON document', async ({
    expect,
  }) => {
    const root = makeSluice();
    const rel = ideaPath('sund-emspzg');
    const r = await ideasAsync(['edit', 'sund-emspzg', '--set', 'challenge=SERVICE PÅ LANDSBYGDEN', '--json'], {
      cwd: root,
    });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      schemaVersion: 1,
      kind: 'idea',
      idea: { id: 'sund-emspzg', challenge: 'landsbygd' },
      change: { action: 'edited', fields: [{ field: 'challenge', old: 'klimat', new: 'landsbygd' }], body: false },
      committed: false,
    });
    expect(parseIdeaText(read(root, rel)).data.challenge).toBe('landsbygd');
  });

  it('sets right a created that lies ahead or is no date, once, into the history; a good one stays kept', async ({
    expect,
  }) => {
    const root = makeSluice();
    const rel = ideaPath('sund-emspzg');
    const file = path.join(root, rel);
    writeFileSync(file, read(root, rel).replace(/^created: .*$/m, 'created: 2099-03-01'));
    // validate says so, with the line that sets it right.
    const found = await ideasAsync(['validate', rel], { cwd: root });
    expect(found.code, found.stdout).toBe(1);
    expect(found.stdout).toContain('created/future');
    expect(found.stdout).toContain("ideas edit sund-emspzg --set 'created=<ÅÅÅÅ-MM-DD>'");
    // Set right to a date that is not after today, and to no other.
    const ahead = await ideasAsync(['edit', 'sund-emspzg', '--set', 'created=2098-01-01'], { cwd: root });
    expect(ahead.code, ahead.stderr).toBe(2);
    expect(ahead.stderr).toContain('Skapad ska vara ett datum ÅÅÅÅ-MM-DD som inte ligger efter i dag');
    const fixed = await ideasAsync(['edit', 'sund-emspzg', '--set', 'created=2026-06-01', '--by', 'Sara Nyberg'], {
      cwd: root,
    });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(read(root, rel)).toMatch(/^created: 2026-06-01$/m);
    expect(historyIn(root, rel).at(-1)).toMatchObject({
      action: 'assigned',
      field: 'created',
      old: '2099-03-01',
      new: '2026-06-01',
      by: 'Sara Nyberg',
    });
    expect((await ideasAsync(['validate', rel], { cwd: root })).code).toBe(0);
    // A date that is right is the idea's record: kept, as every other time.
    const again = await ideasAsync(['edit', 'sund-emspzg', '--set', 'created=2026-05-01'], { cwd: root });
    expect(again.code).toBe(2);
    expect(read(root, rel)).toMatch(/^created: 2026-06-01$/m);
    // No date at all, as a web editor leaves it: set right the same way.
    writeFileSync(file, read(root, rel).replace(/^created: .*$/m, 'created: 7/12 2026'));
    expect((await ideasAsync(['edit', 'sund-emspzg', '--set', 'created=2026-06-02'], { cwd: root })).code).toBe(0);
  });

  it("removes a key of the idea's own exactly as named: never a field it looks like, nor a part of one", async ({
    expect,
  }) => {
    const root = makeSluice();
    const rel = ideaPath('sund-emspzg');
    const file = path.join(root, rel);
    const before = read(root, rel);
    const own = ["'unit ': Kultur", 'tags.old: gammal', '2026: x', 'true: y'];
    writeFileSync(file, before.replace(/^(title: .*)$/m, `$1\n${own.join('\n')}`));
    for (const [key, line] of [
      ['unit ', "'unit ': Kultur"],
      ['tags.old', 'tags.old: gammal'],
      ['2026', '2026: x'],
      ['true', 'true: y'],
    ] as const) {
      const r = await ideasAsync(['edit', 'sund-emspzg', '--unset', key], { cwd: root });
      expect(r.code, `${key}: ${r.stderr}`).toBe(0);
      expect(read(root, rel), key).not.toContain(`${line}\n`);
    }
    // The fields they looked like are as they were.
    expect(read(root, rel)).toContain('\nunit: Vård- och omsorgsförvaltningen\n');
    expect(read(root, rel)).toMatch(/^tags: /m);
  });

  it('changes nothing and says so when every value is what it was', async ({ expect }) => {
    const root = makeSluice();
    const r = await ideasAsync(['edit', 'sund-emspzg', '--set', 'challenge=klimat'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Inget att ändra.');
    // stdout names the files a command wrote: none (a newcomer read the path as a file written).
    expect(r.stdout).toBe('');
    expect(git(['status', '--porcelain'], root)).toBe('');
  });

  it.each([
    [['--no-input'], /--set fält=värde/],
    [['--set', 'title='], /Idéns namn/],
    [['--unset', 'title'], /title/],
    [['--set', 'id=sund-aaaaaa'], /id/],
    [['--set', 'nope=1'], /nope/],
    [['--set', 'coach=A', '--unset', 'coach'], /coach/],
    [['--body', 'a', '--body-file', 'b'], /--body/],
  ])('refuses %j with exit 2, naming what to do, and writes nothing', async (args, message) => {
    const root = makeSluice();
    const r = await ideasAsync(['edit', 'sund-emspzg', ...args], { cwd: root });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(git(['status', '--porcelain'], root)).toBe('');
  });

  it('replaces the text from a file, and refuses one that would make the file larger than an idea may be', async ({
    expect,
  }) => {
    const root = makeSluice();
    const rel = ideaPath('sund-emspzg');
    const before = read(root, rel);
    const scratch = mkdtempSync(path.join(tmpdir(), 'ideas-edit-body-'));
    writeFileSync(path.join(scratch, 'text.md'), '# Rubrik\n\nRad ett.\r\nRad två.\n');
    writeFileSync(path.join(scratch, 'big.md'), Buffer.alloc(5_000_001, 0x61));
    // Within the limit itself, but not with the front matter beside it: a usage error, not the program's fault.
    writeFileSync(path.join(scratch, 'near.md'), Buffer.alloc(4_999_990, 0x61));
    const big = await ideasAsync(['edit', 'sund-emspzg', '--body-file', path.join(scratch, 'big.md')], { cwd: root });
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('är större än 5 MB');
    const near = await ideasAsync(['edit', 'sund-emspzg', '--body-file', path.join(scratch, 'near.md')], { cwd: root });
    expect(near.code, near.stderr).toBe(2);
    expect(near.stderr).toMatch(/skulle bli 5\.\d MB, och en idéfil får vara högst 5 MB\. Inget skrevs\./);
    expect(near.stderr).not.toContain('--debug');
    expect(read(root, rel)).toBe(before);
    expect(git(['status', '--porcelain'], root)).toBe('');
    const ok = await ideasAsync(['edit', 'sund-emspzg', '--body-file', path.join(scratch, 'text.md')], { cwd: root });
    expect(ok.code, ok.stderr).toBe(0);
    expect(parseIdeaText(read(root, rel)).body).toBe('\n# Rubrik\n\nRad ett.\nRad två.\n');
  });
});

describe('a front matter written as one flow mapping, or as JSON', () => {
  it('is edited and moved as any other: written once in block style, its values kept', ({ expect }) => {
    const dir = initRegistry('minimal', 'en');
    const config = readConfig(dir);
    const [idea, doing] = [stageDir(config, 'idea'), stageDir(config, 'doing')];
    const files = {
      [`${idea}/idea-abc123-lanecykel.md`]:
        "---\n{id: idea-abc123, title: 'Lånecykel: en pilot', created: 2026-12-01, tags: [cykel],\n  history: [{date: 2026-12-01, action: created, to: idea}]}\n---\nText.\n",
      [`${idea}/idea-def456-kvallsoppet.md`]:
        '---\n{"id": "idea-def456", "title": "Kvällsöppet", "created": "2026-12-01",\n "history": [{"date": "2026-12-01", "action": "created", "to": "idea"}]}\n---\nText.\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      writeFileSync(path.join(dir, rel), text);
      const id = idOf(rel);
      const before = parseIdeaText(text).data;
      const edit = ideas(['edit', id, '--set', 'carrier=Anna Berg'], { cwd: dir });
      expect(edit.code, describeRun(edit)).toBe(0);
      const move = ideas(['move', id, 'doing'], { cwd: dir });
      expect(move.code, describeRun(move)).toBe(0);
      const moved = `${doing}/${path.basename(rel)}`;
      const after = parseIdeaText(read(dir, moved));
      expect(after.body).toBe('Text.\n');
      expect(after.data).toMatchObject({ ...before, carrier: 'Anna Berg', history: expect.any(Array) });
      expect((after.data.history as { action: string }[]).map((e) => e.action)).toEqual([
        'created',
        'assigned',
        'moved',
      ]);
    }
    const v = ideas(['validate'], { cwd: dir });
    expect(v.code, describeRun(v)).toBe(0);
  });
});

describe('a front matter that writes two fields as one value, with an anchor and an alias', () => {
  it('has the field named changed alone; a new carrier gets its assigned entry, and created never changes', ({
    expect,
  }) => {
    const dir = freshRegistry('sundsvall', 'en');
    const rel = newIdea(dir, ['--title', 'Bike loans', '--set', 'carrier=Bo Ek', '--by', 'Anna']);
    const id = idOf(rel);
    const text = read(dir, rel);
    const created = String(parseIdeaText(text).data.created);
    const cases: { aliased: string; set: string; changed: Record<string, string>; entries: unknown[] }[] = [
      // The contact is the carrier, written once: a new contact leaves the carrier as it was.
      {
        aliased: text.replace('carrier: Bo Ek\n', 'contact: &p Bo Ek\ncarrier: *p\n'),
        set: 'contact=Eva Lund',
        changed: { contact: 'Eva Lund' },
        entries: [],
      },
      // The carrier holds the anchor: a new carrier is assigned, with its entry, and the contact stays.
      {
        aliased: text.replace('carrier: Bo Ek\n', 'carrier: &p Bo Ek\ncontact: *p\n'),
        set: 'carrier=Ulf Berg',
        changed: { carrier: 'Ulf Berg' },
        entries: [{ action: 'assigned', field: 'carrier', old: 'Bo Ek', new: 'Ulf Berg', by: 'Coordinator' }],
      },
      // The day the idea came in, named by `created`: a new contact leaves it as it was.
      {
        aliased: text.replace(`created: ${created}\n`, `contact: &d ${created}\ncreated: *d\n`),
        set: 'contact=2020-01-01',
        changed: { contact: '2020-01-01' },
        entries: [],
      },
    ];
    for (const c of cases) {
      writeFileSync(path.join(dir, rel), c.aliased);
      const before = parseIdeaText(c.aliased).data;
      expect(ideas(['validate'], { cwd: dir }).code).toBe(0);
      const r = ideas(['edit', id, '--set', c.set, '--by', 'Coordinator'], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(0);
      const after = parseIdeaText(read(dir, rel)).data;
      const history = after.history as Record<string, unknown>[];
      expect(after).toEqual({ ...before, ...c.changed, history });
      expect(history.slice(1).map(({ date: _date, ...rest }) => rest)).toEqual(c.entries);
      const v = ideas(['validate'], { cwd: dir });
      expect(v.code, describeRun(v)).toBe(0);
    }
  });
});

describe('values as spreadsheets and Swedes write them (en registry)', () => {
  it('reads amounts written 45 000 kr, with a no-break space too, and refuses 1e6, 0x10 and 45,5,5', ({ expect }) => {
    const dir = initRegistry('helsingborg-kultur', 'en');
    const rel = newIdea(dir, ['--title', 'Läsfrämjande i parken', '--set', `requested_amount=45${NBSP}000 kr`]);
    expect(parseIdeaText(read(dir, rel)).data.requested_amount).toBe(45000);
    const id = idOf(rel);
    for (const [raw, value] of [
      ['45 000', 45000],
      ['120000', 120000],
      [`1${NBSP}200 kr`, 1200],
    ] as const) {
      const r = ideas(['edit', id, '--set', `requested_amount=${raw}`], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(parseIdeaText(read(dir, rel)).data.requested_amount).toBe(value);
    }
    // Each change of an amount is the council's business: in the history.
    expect(
      historyIn(dir, rel)
        .filter((e) => e.action === 'assigned')
        .map((e) => e.new),
    ).toEqual([120000, 1200]);
    const before = read(dir, rel);
    for (const raw of ['1e6', '0x10', '45,5,5', '45 000 euro']) {
      const r = ideas(['edit', id, '--set', `requested_amount=${raw}`], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `Invalid value for Amount applied for (SEK) [requested_amount]: "${raw}" is not a number`,
      );
      expect(read(dir, rel)).toBe(before);
      const n = ideas(['new', '--no-input', '--title', 'X', '--set', `requested_amount=${raw}`], { cwd: dir });
      expect(n.code).toBe(2);
      expect(n.stderr).toContain('requested_amount');
    }
  });

  it('matches a choice without regard to case in new, and stores the schema spelling', ({ expect }) => {
    const dir = initRegistry('skaraborg', 'sv');
    const rel = newIdea(dir, ['--title', 'Trygghetslarm', '--set', 'municipality=tibro', '--set', 'challenge=aldre']);
    expect(parseIdeaText(read(dir, rel)).data.municipality).toBe('Tibro');
  });
});

describe('a closed gate names the commands that open it', () => {
  it.each(['sv', 'en'] as const)('%s: one ideas edit per missing field, which run as printed', async (lang) => {
    const root = makeSluice({ council: false });
    const langFlag = lang === 'en' ? ['--lang', 'en'] : [];
    const closed = await ideasAsync([...langFlag, 'move', 'sund-emspzg', 'refinement'], { cwd: root });
    expect(closed.code).toBe(1);
    const lines = closed.stderr
      .split('\n')
      .filter((l) => /^ {4}ideas edit /.test(l))
      .map((l) => l.trim());
    expect(lines).toEqual([`ideas edit sund-emspzg --set 'coach=<${lang === 'sv' ? 'text' : 'text'}>'`]);
    expect(closed.stderr).toContain(lang === 'sv' ? 'Fyll i det som saknas' : 'Fill in what is missing');
    // As printed: the placeholder itself is a text, so the command runs and sets it.
    const literal = shell(lines[0] as string, root);
    expect(literal.code, describeRun(literal)).toBe(0);
    expect(parseIdeaText(read(root, ideaPath('sund-emspzg'))).data.coach).toBe('<text>');
    // With the placeholder replaced, as the message asks.
    const filled = shell((lines[0] as string).replace('<text>', 'Omar Ali'), root);
    expect(filled.code, describeRun(filled)).toBe(0);
    const moved = await ideasAsync([...langFlag, 'move', 'sund-emspzg', 'refinement'], { cwd: root });
    expect(moved.code, moved.stderr).toBe(0);
  });

  it('names a choice among the challenges and a yes/no, and the registry flag when one was given', async ({
    expect,
  }) => {
    const root = makeSluice({ council: false });
    const parent = path.dirname(root);
    const closed = await ideasAsync(['-C', path.basename(root), 'move', 'sund-vtkg00', 'test'], { cwd: parent });
    expect(closed.code).toBe(1);
    const lines = closed.stderr
      .split('\n')
      .filter((l) => /^ {4}ideas /.test(l))
      .map((l) => l.trim());
    const reg = path.basename(root);
    expect(lines).toContain(`ideas -C ${reg} edit sund-vtkg00 --set manager_support=ja`);
    expect(lines.some((l) => l.startsWith(`ideas -C ${reg} edit sund-vtkg00 --set 'test_plan=<text>'`))).toBe(true);
    for (const line of lines) {
      const value = line.includes('manager_support') ? 'ja' : 'Två veckor på Birsta skola med tio brukare.';
      const r = shell(line.replace(/<[^>]*>/, value), parent);
      expect(r.code, `${line}\n${describeRun(r)}`).toBe(0);
    }
    const moved = await ideasAsync(['-C', reg, 'move', 'sund-vtkg00', 'test'], { cwd: parent });
    expect(moved.code, moved.stderr).toBe(0);
  });
});

describe('--commit names the fields by their labels, as the terminal does', () => {
  it('edit and assign, in Swedish and English', async () => {
    const root = makeSluice();
    const subject = () => git(['log', '-1', '--format=%s'], root).trim();
    const edited = await ideasAsync(['edit', 'sund-emspzg', '--set', 'unit=Kultur', '--set', 'tags=mat', '--commit'], {
      cwd: root,
    });
    expect(edited.code, edited.stderr).toBe(0);
    expect(subject()).toBe('sund-emspzg: Minskat matsvinn i äldreboendenas kök (Enhet eller förvaltning, Taggar)');
    const assigned = await ideasAsync(['--lang', 'en', 'assign', 'sund-emspzg', '--coach', 'Lena Sjö', '--commit'], {
      cwd: root,
    });
    expect(assigned.code, assigned.stderr).toBe(0);
    expect(subject()).toBe('sund-emspzg: Minskat matsvinn i äldreboendenas kök (Idea coach: Lena Sjö)');
  });
});

describe('an edit that would break a field names it by its label', () => {
  it('an emptied title', async () => {
    const root = makeSluice();
    const r = await ideasAsync(['edit', 'sund-emspzg', '--set', 'title='], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Ändringen skulle göra fältet Idéns namn ogiltigt');
  });
});

describe('--set and --unset name themselves when a field is unknown', () => {
  it('says --unset for --unset', async () => {
    const root = makeSluice();
    const unset = await ideasAsync(['edit', 'sund-emspzg', '--unset', 'foo'], { cwd: root });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('Okänt fält "foo" för --unset.');
    const set = await ideasAsync(['edit', 'sund-emspzg', '--set', 'foo=1'], { cwd: root });
    expect(set.stderr).toContain('Okänt fält "foo" för --set.');
  });
});
