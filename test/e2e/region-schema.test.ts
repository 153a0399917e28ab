/**
 * `ideas schema --region`: the JSON Schema of ideas.region.yaml, the one every region command checks the file
 * against, printed for editors from a region's folder, a registry's or anywhere; with --json in a document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeRun, ideas, parseJson, REPO_ROOT } from '../helpers/cli.js';
import { memberRegistry, mustRunIn, runIn, writeRegionFile } from '../helpers/region.js';
import { compileStrict } from '../helpers/strict-ajv.js';
import { LABEL_KEYWORDS } from '../../src/core/criteria/schema-check.js';
import { withLabels } from '../../src/core/criteria/schema-bundle.js';
import { makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** As an editor or CI step would use it: a fresh strict ajv that knows no other schema, told of the labels. */
const compile = (schema: Record<string, unknown>) => compileStrict(schema, LABEL_KEYWORDS);

const packaged = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'region.schema.json'), 'utf8')) as unknown;
/** What the command prints in English: the packaged schema, with each `title` from its `x-title`. */
const english = JSON.parse(JSON.stringify(withLabels(packaged, 'en'))) as unknown;

let region: string;
let registry: string;
let nowhere: string;

beforeAll(() => {
  const parent = makeTempRepo();
  mustRunIn(parent, ['region', 'init', 'skaraborg']);
  region = path.join(parent, 'skaraborg');
  registry = memberRegistry('lidk');
  nowhere = makeTempDir();
});

describe('ideas schema --region', () => {
  it('prints the schema the region file is checked against, from a region, a registry or anywhere', () => {
    const outputs = [region, registry, nowhere].map((cwd) => {
      const r = runIn(cwd, ['schema', '--region']);
      expect(r.code, describeRun(r)).toBe(0);
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as Record<string, unknown>;
    });
    for (const schema of outputs) expect(schema).toEqual(english);
  });

  it('is a schema that accepts a region file made by the tool and refuses one the tool refuses', () => {
    const validate = compile(JSON.parse(runIn(nowhere, ['schema', '--region']).stdout) as Record<string, unknown>);
    writeRegionFile(region, [
      { id: 'lidkoping', name: 'Lidköping', url: registry, extra: '    municipality: "1494"\n' },
    ]);
    const good = parse(fs.readFileSync(path.join(region, 'ideas.region.yaml'), 'utf8')) as unknown;
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(mustRunIn(region, ['region', 'sync']).code).toBe(0);

    writeRegionFile(region, [{ id: 'Not A Key', name: 'x', url: registry }]);
    const bad = parse(fs.readFileSync(path.join(region, 'ideas.region.yaml'), 'utf8')) as unknown;
    expect(validate(bad)).toBe(false);
    expect(runIn(region, ['region', 'sync']).code).toBe(2);
    // A region file that cannot be read is when the schema is wanted most: it is printed all the same.
    fs.writeFileSync(path.join(region, 'ideas.region.yaml'), 'members: [\n');
    expect(JSON.parse(runIn(region, ['schema', '--region']).stdout)).toEqual(english);
  });

  it('gives a versioned document with --json', () => {
    const r = runIn(nowhere, ['schema', '--region', '--json']);
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson(r)).toEqual({
      schemaVersion: 1,
      kind: 'region-schema',
      registry: null,
      file: 'ideas.region.yaml',
      schema: english,
    });
  });

  it('refuses a stage, which a region file does not have, in either language', () => {
    const en = runIn(registry, ['schema', '--region', '--stage', 'doing']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain("--region prints the schema of the region's file, which has no stages");
    const sv = ideas(['--lang', 'sv', 'schema', '--region', '--stage', 'doing'], { cwd: nowhere });
    expect(sv.code).toBe(2);
    expect(sv.stderr).toContain('--region skriver schemat för regionens fil');
  });

  it('is in the help, with an example, in both languages', () => {
    for (const lang of ['en', 'sv']) {
      const r = ideas(['--lang', lang, 'schema', '--help'], { cwd: nowhere });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('--region');
      expect(r.stdout).toContain('ideas schema --region > .vscode/region.schema.json');
      expect(r.stdout).toContain(lang === 'en' ? 'ideas.region.yaml instead' : 'ideas.region.yaml i stället');
    }
  });
  it("speaks the region's language: titles and descriptions for the editor, and the file's problems in words", () => {
    const parent = makeTempRepo();
    fs.mkdirSync(path.join(parent, 'vg'));
    fs.writeFileSync(
      path.join(parent, 'vg', 'ideas.region.yaml'),
      'name: Västra Götaland\nlanguages: [sv]\nmembers:\n  - id: Lidköping\n    name: Lidköping\n    url: x\n',
    );
    const cwd = path.join(parent, 'vg');
    const sv = ideas(['schema', '--region'], { cwd });
    expect(sv.code, describeRun(sv)).toBe(0);
    const schema = JSON.parse(sv.stdout) as {
      description: string;
      properties: Record<string, { title?: string; description: string }>;
      $defs: { member: { properties: Record<string, { title?: string; description: string }> } };
    };
    expect(schema.description).toContain('En region av idéslussar');
    expect(schema.properties.members).toMatchObject({ title: 'Medlemmar', description: 'Medlemmarnas idéslussar.' });
    expect(schema.$defs.member.properties.municipality?.title).toBe('Kommunkod');
    // The same schema still checks the file: the labels are words, not rules.
    expect(compile(schema as unknown as Record<string, unknown>)({ name: 'x', languages: ['sv'], members: [] })).toBe(
      true,
    );
    // --lang wins over the region's language.
    expect(JSON.parse(ideas(['--lang', 'en', 'schema', '--region'], { cwd }).stdout)).toEqual(english);

    // A member id the file's rule refuses is said in words, not as the pattern that refuses it.
    const r = ideas(['region', 'list'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ideas.region.yaml:4:9 Medlemmens id saknas eller är ingen kort nyckel');
    expect(r.stderr).toContain('(till exempel lidkoping) [members.0.id]');
    expect(r.stderr).not.toContain('^[a-z0-9]');
  });
});
