/**
 * The criteria of the templates `ideas init` writes are compiled at build time (src/tools/compile-schemas.ts), and a
 * registry that keeps them loads that code instead of compiling them (src/io/schemas.ts). Held here: every template's
 * criteria are built; the built validators say exactly what a validator compiled at run time says, on every example
 * idea and on many broken variants of them; and a validate of such a registry never loads ajv's compiler, nor
 * anything of ajv from node_modules: the runtime its validators ask for is in the bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeErrors, type Validator } from '../../src/core/criteria/schema-check.js';
import { TEMPLATES } from '../../src/core/scaffold/templates.js';
import { nullProtoDeep } from '../../src/core/safe-object.js';
import { readFrontMatter } from '../../src/core/front-matter/front-matter.js';
import { compileCriteria, criteriaAjv, prebuiltCriteriaFile } from '../../src/io/schemas.js';
import { describeRun, ideas, REPO_ROOT } from '../helpers/cli.js';
import { exampleIdeaFiles, initRegistry } from '../helpers/registry.js';
import { removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** Every criteria schema of every template, read as src/io/registry.ts reads a criteria file. */
const schemas = TEMPLATES.flatMap((template) => {
  const dir = path.join(EXAMPLES, template.example, 'criteria');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      name: `${template.key}/${f}`,
      schema: nullProtoDeep(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) as Record<string, unknown>,
    }));
});

/** The front matter of every idea of every example registry. */
const ideasData = exampleIdeaFiles().flatMap((abs) => {
  const fm = readFrontMatter(fs.readFileSync(abs));
  return fm.ok ? [fm.data] : [];
});

/** Each idea, and each idea with one field taken away, emptied, or given a value of another kind. */
function variants(data: Record<string, unknown>): Record<string, unknown>[] {
  const out = [data];
  for (const key of Object.keys(data)) {
    for (const value of [undefined, null, 7, 'x', [], [1, 1], { a: 1 }, [{ a: 1 }, { a: 1 }], true]) {
      const copy = nullProtoDeep({ ...data }) as Record<string, unknown>;
      if (value === undefined) delete copy[key];
      else copy[key] = value;
      out.push(copy);
    }
  }
  return out;
}

describe('the criteria built with the package', () => {
  it('are there for every criteria schema of every template', () => {
    expect(schemas.length).toBeGreaterThan(15);
    const missing = schemas.filter((s) => !fs.existsSync(prebuiltCriteriaFile(s.schema))).map((s) => s.name);
    expect(missing).toEqual([]);
  });

  it('say what the same schema compiled at run time says: the verdict and every problem, in both languages', () => {
    expect(ideasData.length).toBeGreaterThan(40);
    let checked = 0;
    let failing = 0;
    for (const { name, schema } of schemas) {
      const built = compileCriteria(schema, `test:${name}`);
      const compiled = criteriaAjv().compile(schema) as Validator;
      // The built one is the package's code, not ajv's (ajv marks what it compiles with its schemaEnv): the
      // comparison compares two things.
      expect('schemaEnv' in built, name).toBe(false);
      expect('schemaEnv' in compiled).toBe(true);
      for (const data of ideasData.flatMap(variants)) {
        const a = compiled(data);
        const b = built(data);
        checked++;
        if (!a) failing++;
        expect([name, b, describeErrors(built.errors)]).toEqual([name, a, describeErrors(compiled.errors)]);
      }
    }
    // Enough of both kinds that the comparison means something.
    expect(checked).toBeGreaterThan(10_000);
    expect(failing).toBeGreaterThan(1_000);
    expect(checked - failing).toBeGreaterThan(1_000);
  });

  it("lets a validate of a template's registry run without loading ajv's compiler", () => {
    const dir = initRegistry('sundsvall', 'sv');
    const record = path.join(dir, '.loaded.json');
    const preload = path.join(dir, '.preload.cjs');
    fs.writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const made = ideas(['new', '--no-input', '--title', 'Kaffe mot ensamhet'], { cwd: dir });
    expect(made.code, describeRun(made)).toBe(0);
    const r = ideas(['validate', '--no-cache'], { cwd: dir, env: { NODE_OPTIONS: `--require ${preload}` } });
    expect(r.code, describeRun(r)).toBe(0);
    const loaded = JSON.parse(fs.readFileSync(record, 'utf8')) as string[];
    // The check of the record itself: it sees the CommonJS modules the run loaded, as the launcher.
    expect(loaded.some((m) => /launch\.cjs$/.test(m))).toBe(true);
    expect(loaded.filter((m) => /ajv[\\/]dist[\\/](core|compile[\\/]index)\.js$/.test(m))).toEqual([]);
    // Nor the runtime the built validators ask for, nor the formats: the bundle holds them (src/io/schemas.ts).
    expect(loaded.filter((m) => /node_modules[\\/]ajv(-formats)?[\\/]/.test(m))).toEqual([]);

    // Criteria changed in the registry are compiled as before, and still checked.
    const criteria = path.join(dir, 'criteria', 'idea.schema.json');
    const schema = JSON.parse(fs.readFileSync(criteria, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(criteria, JSON.stringify({ ...schema, required: ['title', 'unit'] }, null, 2));
    const changed = ideas(['validate', '--no-cache'], { cwd: dir, env: { NODE_OPTIONS: `--require ${preload}` } });
    expect(changed.code, describeRun(changed)).toBe(1);
    expect(changed.stdout + changed.stderr).toContain('unit');
    const loadedNow = JSON.parse(fs.readFileSync(record, 'utf8')) as string[];
    expect(loadedNow.filter((m) => /ajv[\\/]dist[\\/]core\.js$/.test(m)).length).toBe(1);
  });

  it("lets a registry's own criteria refer into a template's, which the build compiled", () => {
    const dir = initRegistry('minimal', 'en');
    // The template's done criteria as written (compiled by the build); doing's own, naming a field of done's.
    fs.writeFileSync(
      path.join(dir, 'criteria', 'doing.schema.json'),
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { contact_unit: { $ref: 'done.schema.json#/properties/spread_contact' } },
      }),
    );
    const made = ideas(['new', '--no-input', '--title', 'Lånecyklar', '--set', 'contact_unit=Gatukontoret'], {
      cwd: dir,
    });
    expect(made.code, describeRun(made)).toBe(0);
    const r = ideas(['validate'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
  });
});
