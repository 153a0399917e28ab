import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, git } from '../../test/helpers/temp-repo.js';
import { commandContext, ideaPath, makeSluice, read, removeSluices } from '../../test/helpers/sluice.js';
import { parseRange, runDiff } from './diff.js';
import { failure } from '../../test/helpers/errors.js';

afterAll(removeSluices);

describe('parseRange', () => {
  it.each([
    [undefined, undefined, { base: undefined, head: undefined, symmetric: false }],
    ['main', undefined, { base: 'main', head: undefined, symmetric: false }],
    ['main', 'feature', { base: 'main', head: 'feature', symmetric: false }],
    ['main..feature', undefined, { base: 'main', head: 'feature', symmetric: false }],
    ['main...feature', undefined, { base: 'main', head: 'feature', symmetric: true }],
    ['main..', undefined, { base: 'main', head: 'HEAD', symmetric: false }],
    ['...feature', undefined, { base: 'HEAD', head: 'feature', symmetric: true }],
  ])('%s %s', (base, head, expected) => {
    expect(parseRange(base, head)).toEqual(expected);
  });
});

describe('runDiff', () => {
  it("judges a change by the base's config: a branch that opens a shortcut cannot take it", async () => {
    const root = makeSluice();
    git(['checkout', '-q', '-b', 'shortcut'], root);
    writeFileSync(
      path.join(root, 'ideas.config.yaml'),
      read(root, 'ideas.config.yaml').replace(
        'next: [refinement, parked, rejected]',
        'next: [refinement, test, parked, rejected]',
      ),
    );
    mkdirSync(path.join(root, 'ideas/03-test'), { recursive: true });
    renameSync(path.join(root, ideaPath('sund-emspzg')), path.join(root, ideaPath('sund-emspzg', '03-test')));
    writeFileSync(
      path.join(root, ideaPath('sund-emspzg', '03-test')),
      read(root, ideaPath('sund-emspzg', '03-test')).replace(
        /\n---\n/,
        '\n  - date: 2026-11-20\n    action: moved\n    from: idea\n    to: test\n---\n',
      ),
    );
    commitAll(root, 'Genväg');
    git(['checkout', '-q', 'main'], root);
    const { ctx } = commandContext(root);
    const r = await runDiff({ base: 'main', head: 'shortcut', lang: 'en' }, ctx);
    expect(r.diff.findings.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['config/next', 'ideas.config.yaml', 11],
      // Test is the council's to decide on, and the entry has no decision.
      ['decision/council', ideaPath('sund-emspzg', '03-test'), expect.any(Number)],
      // Judged by the base's criteria of test, which the idea does not meet either.
      ['move/gate-closed', ideaPath('sund-emspzg', '03-test'), expect.any(Number)],
      ['move/not-next', ideaPath('sund-emspzg', '03-test'), expect.any(Number)],
    ]);
    expect(r.diff.findings[0]?.message).toBe('The stage Idea now also leads to Test (next: in ideas.config.yaml).');
    expect(r.diff.moved.map((m) => [m.id, m.from.key, m.to.key])).toEqual([['sund-emspzg', 'idea', 'test']]);
    expect(r.ok).toBe(false);
    // Once the wider config is the base's, the same move is within the rules (its gate aside).
    git(['checkout', '-q', 'shortcut', '--', 'ideas.config.yaml'], root);
    commitAll(root, 'Regeln beslutad');
    const after = await runDiff({ base: 'main', head: 'shortcut', lang: 'en' }, ctx);
    expect(after.diff.findings.map((f) => f.rule)).not.toContain('move/not-next');
    expect(after.diff.findings.map((f) => f.rule)).toContain('decision/council');
  });

  it('names a field by its label where it quotes an entry that assigned it', async () => {
    const root = makeSluice();
    const { ctx } = commandContext(root);
    const { runAssign } = await import('./assign.js');
    await runAssign({ id: 'sund-emspzg', coach: 'Lena Sjö' }, ctx);
    commitAll(root, 'Coach');
    git(['checkout', '-q', '-b', 'rewritten'], root);
    const file = path.join(root, ideaPath('sund-emspzg'));
    writeFileSync(
      file,
      read(root, ideaPath('sund-emspzg')).replace(
        /\n {2}- date: [^\n]*\n {4}action: assigned\n(?: {4}[^\n]*\n)*/,
        '\n',
      ),
    );
    commitAll(root, 'Borttagen post');
    git(['checkout', '-q', 'main'], root);
    const r = await runDiff({ base: 'main', head: 'rewritten' }, ctx);
    const rewritten = r.diff.findings.find((f) => f.rule === 'history/rewritten');
    expect(rewritten?.message).toContain('Idécoach satt till Lena Sjö');
  });

  it('entries dated after today by the injected clock are history/date-future', async () => {
    const root = makeSluice();
    const file = path.join(root, ideaPath('sund-emspzg'));
    writeFileSync(
      file,
      read(root, ideaPath('sund-emspzg')).replace(
        /\n---\n/,
        '\n  - date: 2026-11-26\n    action: edited\n    note: Ny plan\n---\n',
      ),
    );
    const { ctx } = commandContext(root);
    const r = await runDiff({ base: 'main', lang: 'en' }, ctx);
    expect(r.diff.findings.map((f) => [f.rule, f.message])).toEqual([
      ['history/date-future', 'History entry 2 is dated 2026-11-26, after today (2026-11-23).'],
    ]);
    const later = await runDiff(
      { base: 'main', lang: 'en' },
      { ...ctx, clock: () => new Date('2026-11-26T08:00:00Z') },
    );
    expect(later.diff.findings).toEqual([]);
  });

  it('a registry that did not exist at the base: every idea is new, and not judged by rules the base does not have', async () => {
    const root = makeSluice({ git: false });
    git(['init', '--quiet', '-b', 'main'], root);
    git(['config', 'user.name', 'Testare'], root);
    git(['config', 'user.email', 'testare@example.invalid'], root);
    writeFileSync(path.join(root, 'LASMIG.txt'), 'Tomt repo.\n');
    git(['add', 'LASMIG.txt'], root);
    git(['commit', '-q', '-m', 'tomt'], root);
    const r = await runDiff({ base: 'main', lang: 'en' }, commandContext(root).ctx);
    expect(r.diff.added.length).toBeGreaterThan(5);
    // Ideas that arrive with their history are for a reviewer to see, and checked by the rules they bring; that
    // those rules are not the base's (there are none there) is the one error: a registry moved to another folder
    // in a pull request would otherwise bring its ideas, their moves and looser rules in unjudged.
    expect(r.diff.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.file, f.message])).toEqual([
      [
        'config/unreadable',
        'ideas.config.yaml',
        'The config ideas.config.yaml cannot be read at main: there is no such file (the registry did not exist ' +
          'there, or was somewhere else). So the change cannot be judged by the rules at main; it was checked by its ' +
          'own rules at the working tree, which it may have loosened.',
      ],
    ]);
    expect(new Set(r.diff.findings.map((f) => f.rule))).toEqual(new Set(['config/unreadable', 'idea/new-history']));
    expect(r.ok).toBe(false);
    expect(r.diff.removed).toEqual([]);
  });

  it('a registry new in the change whose ideas are all new and went nowhere: a warning for the reviewer', async () => {
    const root = makeSluice({ git: false });
    // Only the first stage's ideas, each with its `created` entry alone.
    for (const folder of ['02-foradling', '03-test', '04-utvardering', '05-spridning', '90-parkerad', '99-avslagen'])
      rmSync(path.join(root, 'ideas', folder), { recursive: true, force: true });
    git(['init', '--quiet', '-b', 'main'], root);
    git(['config', 'user.name', 'Testare'], root);
    git(['config', 'user.email', 'testare@example.invalid'], root);
    git(['commit', '-q', '--allow-empty', '-m', 'tomt'], root);
    const r = await runDiff({ base: 'main', lang: 'en' }, commandContext(root).ctx);
    expect(r.diff.added.length).toBeGreaterThan(0);
    expect(r.diff.findings.map((f) => [f.rule, f.severity])).toEqual([['config/unreadable', 'warning']]);
    expect(r.ok).toBe(true);
  });

  it("a base whose config cannot be read: the change is an error that says so, the rest checked by head's rules", async () => {
    const root = makeSluice();
    const config = path.join(root, 'ideas.config.yaml');
    // A key this version does not know: every command refuses the config at the base.
    git(['checkout', '-q', '-b', 'broken'], root);
    writeFileSync(config, `${read(root, 'ideas.config.yaml')}theme: dark\n`);
    commitAll(root, 'theme');
    git(['checkout', '-q', '-b', 'fixed'], root);
    // The pull request fixes it, and with it turns the council off and deletes on, deletes an idea and moves one.
    writeFileSync(
      config,
      read(root, 'ideas.config.yaml')
        .replace('theme: dark\n', '')
        .replace(/^ {4}council: true\n/gm, '')
        .concat('allowDelete: true\n'),
    );
    rmSync(path.join(root, ideaPath('sund-ehq9v5')));
    const to = path.join(root, ideaPath('sund-emspzg', '02-foradling'));
    renameSync(path.join(root, ideaPath('sund-emspzg')), to);
    writeFileSync(
      to,
      read(root, ideaPath('sund-emspzg', '02-foradling'))
        .replace(/^created:/m, 'coach: Johan Ek\ncreated:')
        .replace(/\n---\n/, '\n  - date: 2026-11-20\n    action: moved\n    from: idea\n    to: refinement\n---\n'),
    );
    commitAll(root, 'fix the config');
    git(['checkout', '-q', 'main'], root);
    const { ctx } = commandContext(root);
    const r = await runDiff({ base: 'broken', head: 'fixed', lang: 'en' }, ctx);
    expect(r.diff.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.file, f.message])).toEqual([
      [
        'config/unreadable',
        'ideas.config.yaml',
        'The config ideas.config.yaml cannot be read at broken: ideas.config.yaml:69:1 the field "theme" is not ' +
          'allowed here. So the change cannot be judged by the rules at broken; it was checked by its own rules at ' +
          'fixed, which it may have loosened.',
      ],
    ]);
    expect(r.ok).toBe(false);
    // What the rules of head let through is still shown to the reviewer.
    expect(r.diff.removed.map((i) => i.id)).toEqual(['sund-ehq9v5']);
    expect(r.diff.moved.map((m) => [m.id, m.to.key])).toEqual([['sund-emspzg', 'refinement']]);

    // A config that is a link at the base cannot be read there either: git gives it as the path it points to.
    git(['checkout', '-q', '-b', 'linked', 'main'], root);
    renameSync(config, path.join(root, 'sluice.yaml'));
    symlinkSync('sluice.yaml', config);
    commitAll(root, 'linked');
    git(['checkout', '-q', '-b', 'unlinked'], root);
    rmSync(config);
    writeFileSync(config, `${read(root, 'sluice.yaml')}allowDelete: true\n`);
    rmSync(path.join(root, ideaPath('sund-ehq9v5')));
    commitAll(root, 'unlinked');
    git(['checkout', '-q', 'main'], root);
    const unlinked = await runDiff({ base: 'linked', head: 'unlinked', lang: 'en' }, ctx);
    expect(unlinked.diff.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.message])).toEqual([
      [
        'config/unreadable',
        'The config ideas.config.yaml cannot be read at linked: it is read through a symbolic link ' +
          '(ideas.config.yaml → sluice.yaml), which no command follows. So the change cannot be judged by the rules ' +
          'at linked; it was checked by its own rules at unlinked, which it may have loosened.',
      ],
    ]);
    // And a head revision whose config is a link is refused, as every command refuses it on disk.
    expect(await failure(runDiff({ base: 'main', head: 'linked', lang: 'en' }, ctx))).toMatchObject({
      code: 'CONFIG_INVALID',
      text: { en: expect.stringContaining('is a symbolic link (to sluice.yaml)') },
    });
  });

  it("a base's criteria that cannot be read (a link, not JSON, no schema): an error, and the gate is head's", async () => {
    const root = makeSluice();
    const test = path.join(root, 'criteria/test.schema.json');
    const original = read(root, 'criteria/test.schema.json');
    const { ctx } = commandContext(root);
    const cases: [string, () => void, string][] = [
      [
        'linked',
        () => {
          renameSync(test, path.join(root, 'criteria/common.json'));
          symlinkSync('common.json', test);
        },
        'it is read through a symbolic link (criteria/test.schema.json → common.json), which no command follows.',
      ],
      [
        'comma',
        () => writeFileSync(test, original.replace('"manager_support"]', '"manager_support",]')),
        'a JSON error on line ',
      ],
      [
        'objekt',
        () => writeFileSync(test, original.replace('"type": "object"', '"type": "objekt"')),
        'at /type: must be one of',
      ],
    ];
    for (const [branch, breakIt, why] of cases) {
      git(['checkout', '-q', '-b', branch, 'main'], root);
      breakIt();
      commitAll(root, branch);
      // The pull request puts loose criteria in their place, and moves into test an idea that would not meet the
      // criteria test had before: its gate is head's, where the base's cannot be read.
      git(['checkout', '-q', '-b', `${branch}-fixed`], root);
      rmSync(test);
      writeFileSync(test, '{ "type": "object" }\n');
      const to = path.join(root, ideaPath('sund-vtkg00', '03-test'));
      renameSync(path.join(root, ideaPath('sund-vtkg00')), to);
      writeFileSync(
        to,
        read(root, ideaPath('sund-vtkg00', '03-test')).replace(
          /\n---\n/,
          '\n  - date: 2026-11-20\n    action: moved\n    from: refinement\n    to: test\n    decision: approve\n---\n',
        ),
      );
      commitAll(root, `${branch}: loosened`);
      git(['checkout', '-q', 'main'], root);
      const r = await runDiff({ base: branch, head: `${branch}-fixed`, lang: 'en' }, ctx);
      const errors = r.diff.findings.filter((f) => f.severity === 'error');
      expect(
        errors.map((f) => [f.rule, f.file]),
        branch,
      ).toEqual([['criteria/unreadable', 'criteria/test.schema.json']]);
      expect(errors[0]?.message).toMatch(/^The criteria of Test in criteria\/test\.schema\.json cannot be read at /);
      expect(errors[0]?.message).toContain(why);
      expect(errors[0]?.message).toContain(
        'A change cannot be shown to only tighten criteria that cannot be read, so it counts as a loosening.',
      );
      expect(r.diff.moved.map((m) => [m.id, m.gate?.open])).toEqual([['sund-vtkg00', true]]);
    }

    // A link at head is as unreadable, whatever git's text for it parses as: `false` is JSON (criteria that let
    // nothing through), and was called a tightening.
    git(['checkout', '-q', '-b', 'to-false', 'main'], root);
    writeFileSync(path.join(root, 'criteria/false'), '{ "type": "object" }\n');
    rmSync(test);
    symlinkSync('false', test);
    commitAll(root, 'to-false');
    git(['checkout', '-q', 'main'], root);
    const r = await runDiff({ base: 'main', head: 'to-false', lang: 'en' }, ctx);
    expect(r.diff.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        'criteria/unreadable',
        'error',
        'The criteria of Test in criteria/test.schema.json cannot be read at to-false: it is read through a symbolic ' +
          'link (criteria/test.schema.json → false), which no command follows.',
      ],
    ]);
  });

  it('a head revision without the registry, and a folder outside git, are usage errors', async () => {
    const root = makeSluice();
    git(['checkout', '-q', '--orphan', 'empty'], root);
    git(['rm', '-rq', '--cached', '.'], root);
    writeFileSync(path.join(root, 'annat.txt'), 'annat\n');
    git(['add', 'annat.txt'], root);
    git(['commit', '-q', '-m', 'annat'], root);
    const { ctx } = commandContext(root);
    expect(await failure(runDiff({ base: 'main', head: 'empty', lang: 'en' }, ctx))).toMatchObject({
      code: 'USAGE',
      text: { en: 'The revision empty has no registry in . (no ideas.config.yaml).' },
    });
    const outside = makeSluice({ git: false });
    expect(await failure(runDiff({}, commandContext(outside).ctx))).toMatchObject({
      code: 'USAGE',
      text: { sv: expect.stringContaining('ligger inte i ett git-repo') },
    });
  });
});
