import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdeasError } from '../core/errors.js';
import { loadCriteria, loadRegistry, locateRegistry } from './registry.js';
import { thrown } from '../../test/helpers/errors.js';

const CONFIG = `# comment on line 1
schemaVersion: 1
name: Test
language: sv
stages:
  - key: idea
    folder: 01-ide
    label: { sv: Idé, en: Idea }
    next: [done]
    criteria: criteria/idea.schema.json
  - key: done
    folder: 02-klar
    label: { sv: Klar, en: Done }
    next: []
    criteria: criteria/done.schema.json
`;

const CRITERIA = JSON.stringify({ type: 'object', required: ['title'], properties: { title: { type: 'string' } } });

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(rel: string, text: string, root = dir): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

/** The line and column each detail names, as [line, column]. */
function places(e: IdeasError): [number, number][] {
  return e.details.map((d) => {
    const m = /^ideas\.config\.yaml:(\d+):(\d+) /.exec(d);
    if (!m) throw new Error(`detail without a place: ${d}`);
    return [Number(m[1]), Number(m[2])];
  });
}

describe('loadRegistry', () => {
  it('loads a valid config and fills the defaults', () => {
    write('ideas.config.yaml', CONFIG);
    const r = loadRegistry(dir, 'en');
    expect(r.root).toBe(dir);
    expect(r.configPath).toBe(path.join(dir, 'ideas.config.yaml'));
    expect(r.config).toEqual({
      schemaVersion: 1,
      name: 'Test',
      language: 'sv',
      idPrefix: 'idea',
      ideasDir: 'ideas',
      stages: [
        {
          key: 'idea',
          folder: '01-ide',
          label: { sv: 'Idé', en: 'Idea' },
          next: ['done'],
          criteria: 'criteria/idea.schema.json',
          council: false,
          funding: false,
          limitDays: null,
        },
        {
          key: 'done',
          folder: '02-klar',
          label: { sv: 'Klar', en: 'Done' },
          next: [],
          criteria: 'criteria/done.schema.json',
          council: false,
          funding: false,
          limitDays: null,
        },
      ],
      challenges: [],
      goals: [],
    });
  });

  it('reads a config with a byte order mark', () => {
    write('ideas.config.yaml', `\uFEFF${CONFIG}`);
    expect(loadRegistry(dir, 'en').config.name).toBe('Test');
  });

  it.each<[string, string, [number, number][]]>([
    ['a YAML syntax error', CONFIG.replace('name: Test', 'name: a: b'), [[3, 7]]],
    ['a duplicate key', `${CONFIG}name: Again\n`, [[16, 1]]],
    ['an unknown language', CONFIG.replace('language: sv', 'language: de'), [[4, 11]]],
    ['a stage without its folder', CONFIG.replace('    folder: 01-ide\n', ''), [[6, 5]]],
    ['a next stage that does not exist', CONFIG.replace('next: [done]', 'next: [nowhere]'), [[9, 12]]],
    [
      'a duplicate stage key (and the next stage it leaves behind)',
      CONFIG.replace('key: done', 'key: idea'),
      [
        [11, 10],
        [9, 12],
      ],
    ],
    ['ideasDir "."', `${CONFIG}ideasDir: "."\n`, [[16, 11]]],
    ['ideasDir "../x"', `${CONFIG}ideasDir: ../x\n`, [[16, 11]]],
  ])('%s is CONFIG_INVALID with the line and column of the problem', (_name, text, expected) => {
    write('ideas.config.yaml', text);
    const e = thrown(() => loadRegistry(dir, 'en'));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(places(e)).toEqual(expected);
  });

  it('a config without stages is CONFIG_INVALID naming stages', () => {
    write('ideas.config.yaml', CONFIG.slice(0, CONFIG.indexOf('stages:')));
    const e = thrown(() => loadRegistry(dir, 'en'));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.details).toEqual(['ideas.config.yaml:2:1 stages: is missing']);
  });

  it('a config with an unknown top-level key is CONFIG_INVALID on the line of that key', () => {
    write('ideas.config.yaml', `${CONFIG}colour: red\n`);
    const e = thrown(() => loadRegistry(dir, 'en'));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.details).toHaveLength(1);
    expect(e.details[0]).toMatch(/colour/);
    expect(places(e)).toEqual([[16, 1]]);
  });

  it.each([
    ['an unknown key', `${CONFIG}colour: red\n`],
    ['a YAML error', CONFIG.replace('name: Test', 'name: a: b')],
    ['nesting too deep', `${CONFIG}x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
  ])('a config problem does not speak of front matter: %s', (_name, text) => {
    write('ideas.config.yaml', text);
    for (const lang of ['sv', 'en'] as const) {
      const e = thrown(() => loadRegistry(dir, lang));
      expect(e.details.join('\n')).not.toMatch(/front matter/i);
    }
  });

  it('an unknown key inside a stage is placed on that key', () => {
    write('ideas.config.yaml', CONFIG.replace('    folder: 01-ide\n', '    folder: 01-ide\n    colour: red\n'));
    const e = thrown(() => loadRegistry(dir, 'en'));
    expect(places(e)).toEqual([[8, 5]]);
  });

  it.each([
    ['an empty config', ''],
    ['a config that is a list', '- name: Test\n'],
    ['a config that is a word', 'ideas\n'],
  ])('%s is CONFIG_INVALID on line 1', (_name, text) => {
    write('ideas.config.yaml', text);
    const e = thrown(() => loadRegistry(dir, 'en'));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(places(e)).toEqual([[1, 1]]);
  });

  it('a missing config is CONFIG_INVALID', () => {
    expect(thrown(() => loadRegistry(dir, 'en')).code).toBe('CONFIG_INVALID');
  });

  it('a config or criteria file that is a symbolic link, or behind one, is refused, inside the registry too', () => {
    write('sluice.yaml', CONFIG);
    fs.symlinkSync('sluice.yaml', path.join(dir, 'ideas.config.yaml'));
    const config = thrown(() => loadRegistry(dir, 'en'));
    expect([config.code, config.message]).toEqual([
      'CONFIG_INVALID',
      `${path.join(dir, 'ideas.config.yaml')} is a symbolic link (to sluice.yaml); the config is read only from a ` +
        'regular file, so that every command, and ideas diff at every revision, reads the same rules. Nothing was ' +
        'read or changed.',
    ]);
    expect(config.hint?.sv).toBe('Ersätt länken med själva filen.');
    fs.rmSync(path.join(dir, 'ideas.config.yaml'));
    fs.renameSync(path.join(dir, 'sluice.yaml'), path.join(dir, 'ideas.config.yaml'));
    write('criteria/common.json', CRITERIA);
    write('criteria/done.schema.json', CRITERIA);
    fs.symlinkSync('common.json', path.join(dir, 'criteria/idea.schema.json'));
    // Refused as the registry is loaded, whether the command goes on to read the criteria or not.
    const file = thrown(() => loadRegistry(dir, 'en'));
    expect([file.code, file.message, file.text.sv]).toEqual([
      'CONFIG_INVALID',
      'The criteria file criteria/idea.schema.json of stage Idea is read through a symbolic link ' +
        '(criteria/idea.schema.json → common.json); criteria are read only from regular files, so that every command, ' +
        'and ideas diff at every revision, reads the same rules. Nothing was read or changed.',
      'Kriteriefilen criteria/idea.schema.json för steget Idé läses genom en symbolisk länk ' +
        '(criteria/idea.schema.json → common.json); kriterier läses bara ur vanliga filer, så att alla kommandon, och ' +
        'ideas diff i varje version, läser samma regler. Inget lästes eller ändrades.',
    ]);
    fs.rmSync(path.join(dir, 'criteria/idea.schema.json'));
    write('criteria/idea.schema.json', CRITERIA);
    expect(loadCriteria(loadRegistry(dir, 'en')).size).toBe(2);
    fs.renameSync(path.join(dir, 'criteria'), path.join(dir, 'rules'));
    fs.symlinkSync('rules', path.join(dir, 'criteria'));
    expect(thrown(() => loadRegistry(dir, 'en')).message).toContain('a symbolic link (criteria → rules)');
  });

  it('lists every problem, each with its place', () => {
    write(
      'ideas.config.yaml',
      CONFIG.replace('language: sv', 'language: de').replace('folder: 02-klar', 'folder: "02 klar"'),
    );
    const e = thrown(() => loadRegistry(dir, 'en'));
    expect(places(e)).toEqual([
      [4, 11],
      [12, 13],
    ]);
  });
});

describe('locateRegistry', () => {
  beforeEach(() => {
    write('reg/ideas.config.yaml', CONFIG);
    fs.mkdirSync(path.join(dir, 'reg/ideas/01-ide/deeper'), { recursive: true });
    write('other/ideas.config.yaml', CONFIG);
    fs.mkdirSync(path.join(dir, 'empty'));
  });

  it('walks up from a subfolder', () => {
    expect(locateRegistry(path.join(dir, 'reg/ideas/01-ide/deeper'), undefined, {})).toBe(path.join(dir, 'reg'));
  });

  it('takes the flag, relative to the working directory, before IDEAS_REGISTRY', () => {
    expect(locateRegistry(path.join(dir, 'empty'), '../reg', { IDEAS_REGISTRY: path.join(dir, 'other') })).toBe(
      path.join(dir, 'reg'),
    );
  });

  it('takes IDEAS_REGISTRY before the working directory', () => {
    expect(locateRegistry(path.join(dir, 'reg'), undefined, { IDEAS_REGISTRY: path.join(dir, 'other') })).toBe(
      path.join(dir, 'other'),
    );
  });

  it('ignores an empty IDEAS_REGISTRY', () => {
    expect(locateRegistry(path.join(dir, 'reg/ideas'), undefined, { IDEAS_REGISTRY: '' })).toBe(path.join(dir, 'reg'));
  });

  it.each<[string, string, string | undefined, NodeJS.ProcessEnv]>([
    ['no config above the working directory', 'empty', undefined, {}],
    ['a flag naming a folder that does not exist', 'reg', 'missing', {}],
    [
      'IDEAS_REGISTRY naming a folder that does not exist',
      'reg',
      undefined,
      { IDEAS_REGISTRY: '/nonexistent/ideas-registry' },
    ],
    ['a flag naming a folder without a config', 'reg', '../empty', {}],
  ])('throws NOT_A_REGISTRY for %s', (_name, cwd, flag, env) => {
    expect(thrown(() => locateRegistry(path.join(dir, cwd), flag, env)).code).toBe('NOT_A_REGISTRY');
  });
});

describe('loadCriteria', () => {
  beforeEach(() => {
    write('ideas.config.yaml', CONFIG);
    write('criteria/idea.schema.json', CRITERIA);
  });

  it('compiles the schema of every stage', () => {
    write('criteria/done.schema.json', JSON.stringify({ type: 'object', required: ['coach'] }));
    const criteria = loadCriteria(loadRegistry(dir, 'en'));
    expect([...criteria.keys()]).toEqual(['idea', 'done']);
    expect(criteria.get('done')?.validate({ title: 'x' })).toBe(false);
    expect(criteria.get('done')?.validate({ title: 'x', coach: 'Sara' })).toBe(true);
  });

  it.each([
    ['a missing criteria file', null],
    ['a file that is not JSON', '{ "type": '],
    ['a schema with an unknown keyword', JSON.stringify({ type: 'object', colour: 'red' })],
    ['a schema with a wrong type', JSON.stringify({ type: 'thing' })],
  ])('%s is CONFIG_INVALID naming the file', (_name, content) => {
    if (content !== null) write('criteria/done.schema.json', content);
    const e = thrown(() => loadCriteria(loadRegistry(dir, 'en')));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('criteria/done.schema.json');
  });

  // JSON.parse's and ajv's own messages are English only: the reason is the catalogue's, in the registry's language.
  it.each([
    [
      'a file that is not JSON',
      '{\n  "type": "object",\n}',
      'JSON-fel på rad 3, kolumn 1',
      'a JSON error on line 3, column 1',
    ],
    ['an empty file', '', 'JSON-fel på rad 1, kolumn 1', 'a JSON error on line 1, column 1'],
    [
      'a type JSON Schema has not',
      JSON.stringify({ type: 'thing' }),
      'vid /type: ska vara ett av array, boolean',
      'at /type: must be one of array, boolean',
    ],
    [
      'required not a list',
      JSON.stringify({ type: 'object', required: 'coach' }),
      'vid /required: ska vara av typen array',
      'at /required: must be of type array',
    ],
    [
      'another draft',
      JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#' }),
      '$schema ska vara https://json-schema.org/draft/2020-12/schema eller saknas',
      '$schema must be https://json-schema.org/draft/2020-12/schema or left out',
    ],
    [
      'a misspelt keyword',
      JSON.stringify({ type: 'object', requried: ['coach'] }),
      'nyckelordet "requried" finns inte i JSON Schema',
      'the keyword "requried" is not JSON Schema',
    ],
    [
      'a reference to nothing',
      JSON.stringify({ type: 'object', properties: { a: { $ref: '#/$defs/nope' } } }),
      '$ref pekar på #/$defs/nope, som inte finns i kriteriefilen',
      '$ref points to #/$defs/nope, which is not in the criteria file',
    ],
    [
      'an unknown format',
      JSON.stringify({ type: 'object', properties: { a: { format: 'telefon' } } }),
      'formatet "telefon" är okänt',
      'the format "telefon" is unknown',
    ],
    [
      'a reference out of the file',
      JSON.stringify({ type: 'object', properties: { a: { $ref: '../other.json' } } }),
      '$ref pekar på ../other.json, som inte finns i kriteriefilen',
      '$ref points to ../other.json, which is not in the criteria file',
    ],
    [
      'a marking that is not true or false',
      JSON.stringify({ type: 'object', properties: { a: { type: 'string', 'x-public': 'yes' } } }),
      'nyckelordet "x-public" ska ha ett värde av typen boolean',
      'the keyword "x-public" must have a value of type boolean',
    ],
    ['a folder', null, 'det är ingen fil', 'it is not a file'],
  ])('%s says why in the catalogue’s words, in Swedish and English', (_name, content, sv, en) => {
    if (content === null) fs.mkdirSync(path.join(dir, 'criteria', 'done.schema.json'));
    else write('criteria/done.schema.json', content);
    const e = thrown(() => loadCriteria(loadRegistry(dir, 'sv')));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.text.sv).toContain(sv);
    expect(e.text.en).toContain(en);
    expect(e.text.sv).not.toMatch(/JSON at position|must be|schema is invalid|strict mode/);
  });
});
