import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandContext, ideaPath, makeSluice, removeSluices } from '../../test/helpers/sluice.js';
import { compileStrict } from '../../test/helpers/strict-ajv.js';
import { EXTENSION_KEYWORDS } from '../core/criteria/schema-check.js';
import { runSchema } from './schema.js';
import { failure } from '../../test/helpers/errors.js';

afterAll(removeSluices);

/** The schema as a consumer compiles it, told of the product's extension keywords. */
const compile = (schema: Record<string, unknown>) => compileStrict(schema, EXTENSION_KEYWORDS);

function frontMatter(root: string, rel: string): Record<string, unknown> {
  const text = readFileSync(path.join(root, rel), 'utf8');
  return parse(text.split(/^---$/m)[1] as string) as Record<string, unknown>;
}

function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
}

describe('runSchema', () => {
  const root = makeSluice({ git: false });
  const testIdea = frontMatter(root, ideaPath('sund-avmpk4'));
  const firstIdea = frontMatter(root, ideaPath('sund-njf5rp'));

  it('a stage: accepts a valid idea of that stage and rejects one missing a criterion', async () => {
    const { ctx } = commandContext(root);
    const r = await runSchema({ stage: 'test' }, ctx);
    const validate = compile(r.schema);
    expect(validate(testIdea), JSON.stringify(validate.errors)).toBe(true);
    const { test_plan: _plan, ...withoutPlan } = testIdea;
    expect(validate(withoutPlan)).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'test_plan' } }),
    );
    expect(validate({ ...testIdea, manager_support: false })).toBe(false);
    // An idea in the first stage does not meet the test stage's criteria.
    expect(validate(firstIdea)).toBe(false);
  });

  it('every reference points inside the document', async () => {
    const { ctx } = commandContext(root);
    const r = await runSchema({ stage: 'test' }, ctx);
    expect(refs(r.schema).length).toBeGreaterThan(3);
    for (const ref of refs(r.schema)) expect(ref).toMatch(/^#\/\$defs\//);
  });

  it('checks the challenge against the config, and the base fields', async () => {
    const { ctx } = commandContext(root);
    const validate = compile((await runSchema({ stage: 'test' }, ctx)).schema);
    expect(validate({ ...testIdea, challenge: 'no-such-challenge' })).toBe(false);
    expect(validate({ ...testIdea, created: '14 mars' })).toBe(false);
    expect(validate({ ...testIdea, history: [{ date: '2026-03-14' }] })).toBe(false);
  });

  it('without a stage: the base every idea meets, in any stage', async () => {
    const { ctx } = commandContext(root);
    const r = await runSchema({}, ctx);
    expect(r.stage).toBeNull();
    expect(r.schema.allOf).toEqual([{ $ref: '#/$defs/base' }, { $ref: '#/$defs/registry' }]);
    const validate = compile(r.schema);
    expect(validate(firstIdea)).toBe(true);
    expect(validate(testIdea)).toBe(true);
    const { title: _title, ...untitled } = firstIdea;
    expect(validate(untitled)).toBe(false);
  });

  it('finds the stage forgivingly, and labels in the language asked for', async () => {
    const { ctx } = commandContext(root);
    const sv = await runSchema({ stage: 'förädling' }, ctx);
    expect(sv.stage?.key).toBe('refinement');
    expect(sv.schema.title).toBe('Idésluss Sundsvallsregionen: en idé i steget Förädling');
    const en = await runSchema({ stage: '02-foradling', lang: 'en' }, ctx);
    expect(en.schema.title).toBe('Idésluss Sundsvallsregionen: an idea in the stage Refinement');
    expect(en.schema.description).toContain('`ideas schema --stage refinement --lang en`');
    const base = (en.schema.$defs as Record<string, { properties: Record<string, { title?: string }> }>).base;
    expect(base?.properties.carrier?.title).toBe('Idea carrier');
  });

  it("in a Swedish registry, every title and description is Swedish: none of the package schema's English is left", async () => {
    const { ctx } = commandContext(root);
    const sv = await runSchema({ stage: 'förädling' }, ctx);
    const en = await runSchema({ stage: 'förädling', lang: 'en' }, ctx);
    const texts = (node: unknown): string[] => {
      if (Array.isArray(node)) return node.flatMap(texts);
      if (node === null || typeof node !== 'object') return [];
      return Object.entries(node).flatMap(([k, v]) =>
        (k === 'title' || k === 'description') && typeof v === 'string' ? [v] : texts(v),
      );
    };
    const swedish = new Set(texts(sv.schema));
    // An English sentence of the English schema (names such as "Id" are the same in both) is not in the Swedish one.
    const sentences = texts(en.schema).filter((x) => / (the|an?|of|is|and) /.test(x));
    expect(sentences.length).toBeGreaterThan(5);
    expect(sentences.filter((x) => swedish.has(x))).toEqual([]);
    expect(sv.schema.$defs).toMatchObject({ base: { description: expect.stringMatching(/^Grundfälten i en idés/) } });
  });

  it('an unknown stage, or a broken criteria file, is refused', async () => {
    const { ctx } = commandContext(root);
    expect(await failure(runSchema({ stage: 'nowhere' }, ctx))).toMatchObject({ code: 'UNKNOWN_STAGE' });
    const broken = makeSluice({ git: false });
    writeFileSync(path.join(broken, 'criteria/parked.schema.json'), '{ "type": "objekt" }');
    expect(await failure(runSchema({ stage: 'test' }, commandContext(broken).ctx))).toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
