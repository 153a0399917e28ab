/**
 * Input never becomes code or configuration (issue 13, "Trust"). A hostile spreadsheet once ran a command on the
 * coordinator's machine: a column `title.__proto__.GIT_CONFIG_PARAMETERS` walked into Object.prototype, and from
 * there into the environment of every git process (child_process copies inherited keys of `env` too), where
 * `core.fsmonitor` runs a command on `git add`. Each test below plants that payload, or its like, through one door
 * (a CSV header, a --map target, a cell's JSON, a --set flag, a front matter key, the config, the environment) and
 * looks for its side effect: a marker file that only the payload's command would make.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, parseJson, STACK_LINE } from '../helpers/cli.js';
import { ideaText, markdownFiles, readConfig, snapshotFiles, stageDir, writeFile } from '../helpers/registry.js';
import {
  commitWithHooks,
  copyToTemp,
  git,
  makeTempDir,
  makeTempRepo,
  removeTempDirs,
  stagedFiles,
} from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** Criteria of the first stage with a structured field, so that dotted columns and JSON cells have somewhere to go. */
const CRITERIA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    team: { type: 'object', properties: { women: { type: 'integer' }, men: { type: 'integer' } } },
    sprints: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
  },
};

let template: string | undefined;

/**
 * A committed registry (minimal template, English) whose first stage has the fields above, and a marker path: a copy
 * (its .git included) of one made once by `ideas init`, so that each test can break its own.
 */
function registry(): { dir: string; marker: string } {
  if (template === undefined) {
    const dir = makeTempRepo();
    const r = ideas(['init', '--template', 'minimal', '--lang', 'en', '--no-ci'], { cwd: dir });
    if (r.code !== 0) throw new Error(describeRun(r));
    fs.writeFileSync(path.join(dir, 'criteria', 'idea.schema.json'), JSON.stringify(CRITERIA, null, 2));
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'The registry'], dir);
    template = dir;
  }
  return { dir: copyToTemp(template), marker: path.join(makeTempDir('ideas-marker-'), 'PWNED') };
}

/** The value that, once it reaches git's environment, runs `touch marker` at the next `git add`. */
const payload = (marker: string) => `'core.fsmonitor=touch ${marker}'`;

function csvCell(text: string): string {
  return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV with a good row and a row that carries the payload in `column` (with `;` as the separator). */
function hostileCsv(dir: string, columns: [string, string], marker: string): string {
  const file = path.join(dir, 'hostile.csv');
  const rows = [columns, ['Good idea', ''], ['Bad idea', payload(marker)]];
  fs.writeFileSync(file, rows.map((r) => r.map(csvCell).join(';')).join('\n') + '\n');
  return 'hostile.csv';
}

function expectNothingRan(marker: string): void {
  expect(fs.existsSync(marker), `the payload ran: ${marker} exists`).toBe(false);
  expect(fs.readdirSync(path.dirname(marker))).toEqual([]);
}

describe('import: a hostile column never reaches a prototype', () => {
  it.each([
    { door: 'a header through a known field', header: 'title.__proto__.GIT_CONFIG_PARAMETERS', map: [] },
    { door: 'a header through an object field', header: 'team.__proto__.GIT_CONFIG_PARAMETERS', map: [] },
    { door: 'a header through constructor', header: 'team.constructor.prototype.GIT_CONFIG_PARAMETERS', map: [] },
    { door: 'a header in capitals', header: 'Title.__PROTO__.GIT_CONFIG_PARAMETERS', map: [] },
    { door: 'a header named __proto__', header: '__proto__', map: [] },
    { door: 'a header named Constructor', header: 'Constructor', map: [] },
    { door: 'a header named prototype.x', header: 'prototype.x', map: [] },
    { door: 'a --map to __proto__.x', header: 'Payload', map: ['Payload=__proto__.GIT_CONFIG_PARAMETERS'] },
    {
      door: 'a --map to constructor.prototype.x',
      header: 'Payload',
      map: ['Payload=constructor.prototype.GIT_CONFIG_PARAMETERS'],
    },
    {
      door: 'a --map through a known field',
      header: 'Payload',
      map: ['Payload=title.__proto__.GIT_CONFIG_PARAMETERS'],
    },
    { door: 'a --map ending in Prototype', header: 'Payload', map: ['Payload=team.Prototype'] },
  ])('refuses $door: exit 2 naming it, nothing written, nothing run', ({ header, map }) => {
    const { dir, marker } = registry();
    const csv = hostileCsv(dir, ['title', header], marker);
    const before = snapshotFiles(dir);
    const args = ['import', csv, '--skip-invalid', ...map.flatMap((m) => ['--map', m])];
    const r = ideas(args, { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toMatch(/not allowed: __proto__, constructor and prototype cannot be the name of a field/);
    expect(r.stderr).toContain(map.length > 0 ? (map[0] as string).split('=')[1] : header);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(snapshotFiles(dir)).toEqual(before);
    expect(stagedFiles(dir)).toEqual([]);
    expectNothingRan(marker);

    // Swedish too; and the same file without --skip-invalid.
    const sv = ideas([...args.filter((a) => a !== '--skip-invalid'), '--lang', 'sv'], { cwd: dir });
    expect(sv.code, describeRun(sv)).toBe(2);
    expect(sv.stderr).toMatch(/tillåte[nt]: __proto__, constructor och prototype kan inte vara namnet på ett fält/);
    expectNothingRan(marker);
  });

  it('imports the other columns when the hostile one is left out with --map "column="', () => {
    const { dir, marker } = registry();
    const csv = hostileCsv(dir, ['title', 'title.__proto__.GIT_CONFIG_PARAMETERS'], marker);
    const r = ideas(['import', csv, '--map', 'title.__proto__.GIT_CONFIG_PARAMETERS='], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(stagedFiles(dir)).toHaveLength(2);
    expectNothingRan(marker);
  });

  it.each([
    { what: '__proto__', cell: (m: string) => JSON.stringify({ __proto__: { GIT_CONFIG_PARAMETERS: payload(m) } }) },
    { what: 'constructor', cell: (m: string) => JSON.stringify({ constructor: { prototype: { x: payload(m) } } }) },
  ])('refuses a cell whose JSON has the key $what: the row is invalid, nothing written', ({ what, cell }) => {
    const { dir, marker } = registry();
    // JSON.stringify drops a `__proto__` key of an object literal; the text is written as an attacker would.
    const json = what === '__proto__' ? `{"__proto__": {"GIT_CONFIG_PARAMETERS": "${payload(marker)}"}}` : cell(marker);
    fs.writeFileSync(path.join(dir, 'cells.csv'), `title;team\nGood;{"women": 2}\nBad;${csvCell(json)}\n`);
    const before = snapshotFiles(dir);
    const r = ideas(['import', 'cells.csv', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(1);
    expect(parseJson(r)).toMatchObject({ ok: false, written: false, invalidRows: [3] });
    expect(r.stdout).toContain(`The cell's JSON has the key \\"${what}\\", which is not allowed`);
    expect(snapshotFiles(dir)).toEqual(before);
    expectNothingRan(marker);

    const skip = ideas(['import', 'cells.csv', '--skip-invalid'], { cwd: dir });
    expect(skip.code, describeRun(skip)).toBe(0);
    expect(stagedFiles(dir)).toHaveLength(1);
    expectNothingRan(marker);
    const v = ideas(['validate'], { cwd: dir });
    expect(v.code, describeRun(v)).toBe(0);
  });

  it('refuses a label that leads to a forbidden name: the criteria naming such a field are refused', () => {
    const { dir, marker } = registry();
    const criteria = {
      type: 'object',
      properties: { constructor: { type: 'string', 'x-title': { sv: 'Ko', en: 'Ko' } } },
    };
    fs.writeFileSync(path.join(dir, 'criteria', 'idea.schema.json'), JSON.stringify(criteria));
    fs.writeFileSync(path.join(dir, 'labels.csv'), `title;Ko\nA;${csvCell(payload(marker))}\n`);
    const r = ideas(['import', 'labels.csv'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('uses the key "constructor" (/properties/constructor), which is not allowed');
    expect(markdownFiles(path.join(dir, 'ideas'))).toEqual([]);
    expectNothingRan(marker);
  });
});

describe('import: never a file that ideas validate would refuse', () => {
  it('refuses a row with a NUL character, and a row whose file would be over the size limit', () => {
    const { dir } = registry();
    const big = 'x'.repeat(6_200_000);
    fs.writeFileSync(
      path.join(dir, 'rows.csv'),
      Buffer.from(`title;body\nGood;Text\nNul;Before\0after\nHuge;${big}\nNul title\0;x\n`, 'utf8'),
    );
    const before = snapshotFiles(dir);
    const r = ideas(['import', 'rows.csv', '--json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(1);
    const doc = parseJson<{
      invalidRows: number[];
      invalid: { row: number; column: string | null; message: string }[];
    }>(r);
    expect(doc.invalidRows).toEqual([3, 4, 5]);
    expect(doc.invalid).toContainEqual(
      expect.objectContaining({ row: 3, column: 'body', message: expect.stringContaining('NUL character') }),
    );
    expect(doc.invalid).toContainEqual(
      expect.objectContaining({ row: 5, column: 'title', message: expect.stringContaining('NUL character') }),
    );
    expect(doc.invalid).toContainEqual(
      expect.objectContaining({
        row: 4,
        message:
          'The idea file would not pass ideas validate: The file is 6 MB; an idea file may be at most 5 MB and is not read.',
      }),
    );
    expect(snapshotFiles(dir)).toEqual(before);

    // With --skip-invalid only the good row is written, and what is written passes validate.
    const skip = ideas(['import', 'rows.csv', '--skip-invalid'], { cwd: dir });
    expect(skip.code, describeRun(skip)).toBe(0);
    expect(markdownFiles(path.join(dir, 'ideas'))).toHaveLength(1);
    const v = ideas(['validate'], { cwd: dir });
    expect(v.code, describeRun(v)).toBe(0);
  });

  it('refuses a file over 10 MB before reading it whole, and one of over 10,000 rows: exit 2, nothing written', () => {
    const { dir } = registry();
    const row = `An idea;${'text '.repeat(200)}\n`;
    fs.writeFileSync(path.join(dir, 'large.csv'), `title;body\n${row.repeat(Math.ceil(10_000_001 / row.length))}`);
    const rows = `title\n${'A\n'.repeat(10_001)}`;
    fs.writeFileSync(path.join(dir, 'long.csv'), rows);
    const before = snapshotFiles(dir);

    const large = ideas(['import', 'large.csv'], { cwd: dir });
    expect(large.code, describeRun(large)).toBe(2);
    expect(large.stderr).toContain(
      'The file large.csv is larger than 10 MB, the most ideas import reads. Nothing was imported.',
    );
    expect(large.stderr).toContain('Split the file into smaller parts');
    const sv = ideas(['import', 'large.csv', '--lang', 'sv'], { cwd: dir });
    expect(sv.stderr).toContain('Filen large.csv är större än 10 MB, det mesta ideas import läser.');

    const long = ideas(['import', 'long.csv'], { cwd: dir });
    expect(long.code, describeRun(long)).toBe(2);
    expect(long.stderr).toContain('The file long.csv has more than 10000 rows, the most ideas import reads.');
    expect(snapshotFiles(dir)).toEqual(before);

    // A device that never ends is read no further than the limit.
    if (fs.existsSync('/dev/zero')) {
      const zero = ideas(['import', '/dev/zero'], { cwd: dir });
      expect(zero.code, describeRun(zero)).toBe(2);
      expect(zero.stderr).toContain('larger than 10 MB');
    }
  });
});

describe('--set, --by and idea files: the three names are refused, and read as data when they are values', () => {
  it.each(['__proto__', '__proto__.shell', 'constructor', 'Constructor', 'prototype', 'team.prototype'])(
    'ideas new refuses --set %s=…: exit 2 naming it, nothing written',
    (name) => {
      const { dir, marker } = registry();
      const before = snapshotFiles(dir);
      const r = ideas(['new', '--title', 'A', '--set', `${name}=${payload(marker)}`, '--no-input'], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toContain(`The field name "${name}" is not allowed`);
      expect(snapshotFiles(dir)).toEqual(before);
      expectNothingRan(marker);
    },
  );

  it('a front matter key __proto__, constructor or prototype is a validate finding, and nothing else takes it for more', () => {
    const { dir, marker } = registry();
    const folder = stageDir(readConfig(dir));
    writeFile(
      dir,
      `${folder}/ide-4k7q2x-nyckel.md`,
      ideaText({
        id: 'ide-4k7q2x',
        title: 'Keys',
        // A computed key: `__proto__:` in an object literal would set its prototype instead.
        ['__proto__']: `{ GIT_CONFIG_PARAMETERS: "${payload(marker)}" }`,
      }),
    );
    writeFile(
      dir,
      `${folder}/ide-6k9q4x-djup.md`,
      ideaText({ id: 'ide-6k9q4x', title: 'Deep', team: '{ lead: x, members: [{ Constructor: { prototype: 1 } }] }' }),
    );
    writeFile(
      dir,
      `${folder}/ide-5k8q3x-mappar.md`,
      ideaText({
        id: 'ide-5k8q3x',
        title: 'Mappings',
        // Mappings where text belongs: read as mappings without a prototype, which String() cannot show.
        history:
          '[{ date: { d: 1 }, action: moved, from: { a: 1 }, to: { b: 2 }, by: { c: 3 }, note: { n: 1 } }, { date: 2026-01-01, action: { q: 1 }, decision: { x: 1 } }, { action: assigned, field: { f: 1 }, new: { v: 1 } }]',
      }),
    );
    const v = ideas(['validate', '--json'], { cwd: dir });
    expect(v.code, describeRun(v)).toBe(1);
    const findings = parseJson<{ findings: { file: string; rule: string; line: number; message: string }[] }>(
      v,
    ).findings;
    // A file with such a key is refused whole, at the first one, wherever it stands and in any case.
    expect(findings.filter((f) => f.rule === 'front-matter/forbidden-key')).toEqual([
      expect.objectContaining({
        file: `${folder}/ide-4k7q2x-nyckel.md`,
        line: 4,
        message: expect.stringContaining('"__proto__" is not allowed'),
      }),
      expect.objectContaining({
        file: `${folder}/ide-6k9q4x-djup.md`,
        line: 4,
        message: expect.stringContaining('"Constructor" is not allowed'),
      }),
    ]);
    // Every other reader leaves such a file out, or takes mappings as data: nothing crashes, and a write with git
    // afterwards runs nothing.
    const site = path.join(makeTempDir('ideas-site-'), 'site');
    for (const args of [
      ['list'],
      ['show', 'ide-5k8q3x'],
      ['export'],
      ['export', '--json'],
      ['report'],
      ['site', '--out', site, '--include-personal'],
      ['review', '--dry-run'],
    ]) {
      const r = ideas(args, { cwd: dir });
      expect(r.code, `${args.join(' ')}: ${describeRun(r)}`).toBe(0);
      expect(r.stdout).not.toContain('GIT_CONFIG_PARAMETERS');
    }
    const refused = ideas(['show', 'ide-4k7q2x'], { cwd: dir });
    expect(refused.code, describeRun(refused)).toBe(2);
    expect(refused.stderr).toContain(`ideas validate ${folder}/ide-4k7q2x-nyckel.md`);
    const created = ideas(['new', '--title', 'After', '--no-input'], { cwd: dir });
    expect(created.code, describeRun(created)).toBe(0);
    expectNothingRan(marker);
  });

  it('report --by groups values such as __proto__, constructor and toString as any other, and refuses --by __proto__', () => {
    const { dir } = registry();
    const folder = stageDir(readConfig(dir));
    const units = ['__proto__', 'constructor', 'toString', 'toString', 'hasOwnProperty'];
    units.forEach((unit, i) =>
      writeFile(
        dir,
        `${folder}/ide-aaaa${i}x-idea.md`,
        ideaText({ id: `ide-aaaa${i}x`, title: `Idea ${i}`, unit: JSON.stringify(unit), tags: `[${unit}]` }),
      ),
    );
    expect(ideas(['validate'], { cwd: dir }).code).toBe(0);
    for (const by of ['unit', 'tags']) {
      const r = ideas(['report', '--by', by, '--json'], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(0);
      const doc = parseJson<{ breakdowns: { groups: { value: string; ideas: number; byStage: unknown }[] }[] }>(r);
      const groups = doc.breakdowns[0]?.groups ?? [];
      expect(groups.map((g) => [g.value, g.ideas])).toEqual([
        ['toString', 2],
        ['__proto__', 1],
        ['constructor', 1],
        ['hasOwnProperty', 1],
      ]);
      expect(groups[0]?.byStage).toEqual({ idea: 2, doing: 0, done: 0 });
      const text = ideas(['report', '--by', by], { cwd: dir });
      expect(text.code, describeRun(text)).toBe(0);
      expect(text.stdout).toContain('__proto__');
    }
    for (const by of ['__proto__', 'constructor', 'Prototype', 'unit.__proto__']) {
      const r = ideas(['report', '--by', by], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toContain(`The field name "${by}" is not allowed`);
    }
  });

  it('export keeps a field named toString or a value __proto__ as data, in CSV and JSON', () => {
    const { dir } = registry();
    const folder = stageDir(readConfig(dir));
    writeFile(
      dir,
      `${folder}/ide-bbbb1x-idea.md`,
      ideaText({ id: 'ide-bbbb1x', title: 'Values', unit: '__proto__', toString: 'text', valueOf: '{ a: 1 }' }),
    );
    // Fields no schema classifies appear only in an internal export.
    const json = ideas(['export', '--json', '--include-personal'], { cwd: dir });
    expect(json.code, describeRun(json)).toBe(0);
    const doc = parseJson<{ columns: string[]; ideas: Record<string, unknown>[] }>(json);
    expect(doc.columns).toEqual(expect.arrayContaining(['unit', 'toString', 'valueOf.a']));
    expect(doc.ideas[0]).toMatchObject({ unit: '__proto__', toString: 'text', 'valueOf.a': 1 });
    const csv = ideas(['export', '--delimiter', ',', '--include-personal'], { cwd: dir });
    expect(csv.code, describeRun(csv)).toBe(0);
    expect(csv.stdout).toContain('__proto__');
    expect(csv.stdout).toContain(',text,');
  });
});

describe('the config: stage keys and ids that name a prototype are refused', () => {
  it.each([
    {
      what: 'a stage key constructor',
      edit: (t: string) => t.replace('key: doing', 'key: constructor').replace('[ doing ]', '[ constructor ]'),
    },
    {
      what: 'a stage key __proto__',
      edit: (t: string) => t.replace('key: doing', 'key: __proto__').replace('[ doing ]', '[ __proto__ ]'),
    },
    {
      what: 'a challenge id constructor',
      edit: (t: string) => `${t}challenges:\n  - id: constructor\n    label: { sv: K, en: K }\n`,
    },
    {
      what: 'a goal id prototype',
      edit: (t: string) =>
        `${t}goals:\n  - id: prototype\n    label: { sv: M, en: M }\n    stage: done\n    target: 1\n`,
    },
    { what: 'a top-level key __proto__', edit: (t: string) => `${t}__proto__:\n  shell: /bin/sh\n` },
  ])('refuses $what: exit 2, the config named', ({ edit }) => {
    const { dir } = registry();
    const file = path.join(dir, 'ideas.config.yaml');
    fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
    for (const args of [['list'], ['validate'], ['report']]) {
      const r = ideas(args, { cwd: dir });
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toContain('ideas.config.yaml');
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});

describe('git gets an environment of its own', () => {
  it('lets no inherited GIT_* variable reach git: the right repository, no hook, no command run', () => {
    const { dir, marker } = registry();
    const elsewhere = makeTempRepo();
    git(['commit', '-q', '--allow-empty', '-m', 'Elsewhere'], elsewhere);
    const evilHooks = makeTempDir('ideas-evil-hooks-');
    fs.writeFileSync(path.join(evilHooks, 'pre-commit'), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    const evilConfig = path.join(evilHooks, 'config');
    fs.writeFileSync(evilConfig, `[core]\n\tfsmonitor = touch ${marker}\n\thooksPath = ${evilHooks}\n`);
    const env = {
      GIT_CONFIG_PARAMETERS: `'core.hooksPath=${evilHooks}' ${payload(marker)}`,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.fsmonitor',
      GIT_CONFIG_VALUE_0: `touch ${marker}`,
      GIT_CONFIG_GLOBAL: evilConfig,
      GIT_DIR: path.join(elsewhere, '.git'),
      GIT_WORK_TREE: elsewhere,
      GIT_INDEX_FILE: path.join(elsewhere, '.git', 'index'),
      GIT_EXEC_PATH: path.join(evilHooks, 'no-such-dir'),
      GIT_SSH_COMMAND: `touch ${marker}`,
      GIT_OBJECT_DIRECTORY: path.join(elsewhere, '.git', 'objects'),
    };
    const elsewhereBefore = git(['rev-parse', 'HEAD'], elsewhere);

    const created = ideas(['new', '--title', 'Through the environment', '--no-input', '--json'], { cwd: dir, env });
    expect(created.code, describeRun(created)).toBe(0);
    const { path: rel, id } = (parseJson(created) as { idea: { path: string; id: string } }).idea;
    expect(stagedFiles(dir)).toEqual([rel]);
    expect(stagedFiles(elsewhere)).toEqual([]);

    expect(path.basename(rel).startsWith(`${id}-`)).toBe(true);
    const moved = ideas(['move', id, 'doing', '--commit'], { cwd: dir, env });
    expect(moved.code, describeRun(moved)).toBe(0);
    expect(git(['log', '-1', '--format=%s'], dir)).toContain(id);
    expect(git(['rev-parse', 'HEAD'], elsewhere)).toBe(elsewhereBefore);

    for (const args of [['validate', '--changed', '--base', 'HEAD~1'], ['diff', 'HEAD~1'], ['list']]) {
      const r = ideas(args, { cwd: dir, env });
      expect(r.code, `${args.join(' ')}: ${describeRun(r)}`).toBeLessThan(2);
    }
    const diff = ideas(['diff', 'HEAD~1', '--json'], { cwd: dir, env });
    expect(diff.stdout).toContain(id);
    expectNothingRan(marker);
  });
});

describe('the pre-commit hook still sees what git commits', () => {
  function withHook(): { dir: string; good: string; broken: string } {
    const { dir } = registry();
    const folder = stageDir(readConfig(dir));
    const good = `${folder}/ide-4k7q2x-bra.md`;
    const broken = `${folder}/ide-9tq2mh-trasig.md`;
    writeFile(dir, good, ideaText({ id: 'ide-4k7q2x', title: 'Good' }, 'Text.\n'));
    writeFile(dir, broken, ideaText({ id: 'ide-9tq2mh', title: 'Fine for now' }, 'Text.\n'));
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'Two ideas'], dir);
    const r = ideas(['hook', 'install'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    return { dir, good, broken };
  }

  const commit = (dir: string, args: string[]) => commitWithHooks(dir, 'A change', {}, args);

  it('git commit -a: the hook checks the files the temporary index holds, broken ones refused', () => {
    const { dir, good, broken } = withHook();
    const head = git(['rev-parse', 'HEAD'], dir);
    fs.writeFileSync(path.join(dir, broken), ideaText({ id: 'ide-9tq2mh', title: '42' }, 'Text.\n'));
    const refused = commit(dir, ['-a']);
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toContain('ide-9tq2mh-trasig.md');
    expect(git(['rev-parse', 'HEAD'], dir)).toBe(head);

    fs.writeFileSync(path.join(dir, broken), ideaText({ id: 'ide-9tq2mh', title: 'Mended' }, 'Text.\n'));
    fs.writeFileSync(path.join(dir, good), ideaText({ id: 'ide-4k7q2x', title: 'Good, changed' }, 'Text.\n'));
    const passed = commit(dir, ['-a']);
    expect(passed.code, passed.output).toBe(0);
    expect(git(['show', '--name-only', '--format=', 'HEAD'], dir).trim().split('\n').sort()).toEqual(
      [broken, good].sort(),
    );
  });

  it('git commit <path>: the hook checks that path, not what else is staged', () => {
    const { dir, good, broken } = withHook();
    const head = git(['rev-parse', 'HEAD'], dir);
    fs.writeFileSync(path.join(dir, broken), ideaText({ id: 'ide-9tq2mh', title: '42' }, 'Text.\n'));
    fs.writeFileSync(path.join(dir, good), ideaText({ id: 'ide-4k7q2x', title: 'Good, changed' }, 'Text.\n'));
    const refused = commit(dir, ['--', broken]);
    expect(refused.code, refused.output).not.toBe(0);
    expect(git(['rev-parse', 'HEAD'], dir)).toBe(head);

    // The broken file is not part of this commit, and is left out of the check: only the path given is.
    git(['add', broken], dir);
    const passed = commit(dir, ['--', good]);
    expect(passed.code, passed.output).toBe(0);
    expect(git(['show', '--name-only', '--format=', 'HEAD'], dir).trim()).toBe(good);
    expect(stagedFiles(dir)).toEqual([broken]);
  });
});

describe('ideas site: text written to read otherwise', () => {
  it('shows bidirectional overrides, embeddings and isolates as code points, never obeying them; marks stay', () => {
    const { dir } = registry();
    const folder = stageDir(readConfig(dir));
    // "Avslag" written backwards behind a right-to-left override reads "Avslag" in a browser that obeys it.
    const rlo = '\u202e';
    writeFile(
      dir,
      `${folder}/ide-7k2q9x-omvand.md`,
      ideaText(
        { id: 'ide-7k2q9x', title: `"Bra ${rlo}galsvA\u202c idé"`, tags: `["${rlo}a", b\u2067c\u2069]` },
        `Beviljat ${rlo}000 05\u202c kronor, och ett namn i två riktningar: \u200fسارا\u200f.\n\n- punkt \u2066x\u2069\n`,
      ),
    );
    expect(ideas(['validate'], { cwd: dir }).code).toBe(0);
    const out = path.join(makeTempDir('ideas-site-'), 'site');
    const r = ideas(['site', '--out', out], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const pages = fs.readdirSync(out, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    const text = pages.map((d) => fs.readFileSync(path.join(d.parentPath, d.name), 'utf8')).join('\n');
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    const page = fs.readFileSync(path.join(out, 'ideas', 'ide-7k2q9x.html'), 'utf8');
    expect(page).toContain('<h1>Bra &lt;U+202E&gt;galsvA&lt;U+202C&gt; idé</h1>');
    expect(page).toContain('Beviljat &lt;U+202E&gt;000 05&lt;U+202C&gt; kronor');
    expect(page).toContain('punkt &lt;U+2066&gt;x&lt;U+2069&gt;');
    // A right-to-left mark orders no letters: a name in Arabic script keeps it.
    expect(page).toContain('\u200fسارا\u200f');
    const board = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(board).toContain('&lt;U+202E&gt;a');
    expect(board).toContain('b&lt;U+2067&gt;c&lt;U+2069&gt;');
  });
});
