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
import { makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** As an editor or CI step would use it: a fresh strict ajv that knows no other schema. */
const compile = (schema: Record<string, unknown>) => compileStrict(schema);

const packaged = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'region.schema.json'), 'utf8')) as unknown;

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
    for (const schema of outputs) expect(schema).toEqual(packaged);
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
    expect(JSON.parse(runIn(region, ['schema', '--region']).stdout)).toEqual(packaged);
  });

  it('gives a versioned document with --json', () => {
    const r = runIn(nowhere, ['schema', '--region', '--json']);
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson(r)).toEqual({
      schemaVersion: 1,
      kind: 'region-schema',
      file: 'ideas.region.yaml',
      schema: packaged,
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
});
