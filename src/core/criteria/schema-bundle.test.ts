import { describe, expect, it } from 'vitest';
import { bundleSchemas, rebaseRef, withLabels, type SchemaPart } from './schema-bundle.js';

const BASE: SchemaPart = {
  name: 'base',
  uri: 'https://ideas.invalid/schemas/idea.schema.json',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://ideas.invalid/schemas/idea.schema.json',
    type: 'object',
    properties: { history: { type: 'array', items: { $ref: '#/$defs/entry' } } },
    $defs: { entry: { type: 'object', 'x-title': { sv: 'Händelse', en: 'Event' } } },
  },
};
const STAGE: SchemaPart = {
  name: 'stage-test',
  uri: 'file:///reg/criteria/test.schema.json',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Test',
    'x-title': { sv: 'Krav för test', en: 'Criteria for test' },
    required: ['plan'],
    properties: {
      plan: {
        $ref: '#/$defs/text',
        'x-title': { sv: 'Plan', en: 'Plan' },
        'x-description': { sv: 'Vad testas?', en: 'What is tested?' },
      },
      last: { $ref: 'https://ideas.invalid/schemas/idea.schema.json#/$defs/entry' },
      whole: { $ref: 'https://ideas.invalid/schemas/idea.schema.json' },
      // Field names that are also keywords: still schemas, still rewritten.
      const: { $ref: '#/$defs/text' },
      default: { anyOf: [{ $ref: '#' }, { $ref: '#named' }] },
      sample: { const: { $ref: '#/not/a/reference' }, default: { $ref: '#/data' }, examples: [{ $ref: '#/data' }] },
    },
    $defs: { text: { type: 'string', minLength: 20, $anchor: 'named' } },
  },
};

describe('rebaseRef', () => {
  it.each([
    ['#/$defs/text', STAGE, '#/$defs/stage-test/$defs/text'],
    ['#', STAGE, '#/$defs/stage-test'],
    ['', STAGE, '#/$defs/stage-test'],
    ['https://ideas.invalid/schemas/idea.schema.json#/$defs/entry', STAGE, '#/$defs/base/$defs/entry'],
    ['https://ideas.invalid/schemas/idea.schema.json', STAGE, '#/$defs/base'],
    ['idea.schema.json#/$defs/entry', BASE, '#/$defs/base/$defs/entry'],
    ['test.schema.json#/properties/plan', STAGE, '#/$defs/stage-test/properties/plan'],
    ['#named', STAGE, '#named'],
    ['https://example.org/other.json#/x', STAGE, 'https://example.org/other.json#/x'],
  ])('%s from %s', (ref, from, expected) => {
    expect(rebaseRef(ref, from, [BASE, STAGE])).toBe(expected);
  });
});

describe('bundleSchemas', () => {
  const doc = bundleSchemas([BASE, STAGE], { title: 'T', description: 'D', lang: 'sv' });
  const defs = doc.$defs as Record<string, Record<string, Record<string, Record<string, unknown>>>>;

  it('requires every part, each under $defs, without their own $schema and $id', () => {
    expect(doc).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'T',
      description: 'D',
      allOf: [{ $ref: '#/$defs/base' }, { $ref: '#/$defs/stage-test' }],
    });
    expect(Object.keys(defs)).toEqual(['base', 'stage-test']);
    expect(defs.base).not.toHaveProperty('$id');
    expect(defs.base).not.toHaveProperty('$schema');
    expect(defs['stage-test']).not.toHaveProperty('$schema');
  });

  it('points every reference inside the document, and leaves data alone', () => {
    const props = defs['stage-test']?.properties as Record<string, Record<string, unknown>>;
    expect(props.plan?.$ref).toBe('#/$defs/stage-test/$defs/text');
    expect(props.last?.$ref).toBe('#/$defs/base/$defs/entry');
    expect(props.whole?.$ref).toBe('#/$defs/base');
    expect(props.const?.$ref).toBe('#/$defs/stage-test/$defs/text');
    expect(props.default?.anyOf).toEqual([{ $ref: '#/$defs/stage-test' }, { $ref: '#named' }]);
    expect(props.sample).toEqual({
      const: { $ref: '#/not/a/reference' },
      default: { $ref: '#/data' },
      examples: [{ $ref: '#/data' }],
    });
    expect((defs.base?.properties?.history?.items as Record<string, unknown>).$ref).toBe('#/$defs/base/$defs/entry');
  });

  it('gives title and description in the language, from x-title and x-description, keeping those', () => {
    const stage = defs['stage-test'] as Record<string, unknown>;
    expect(stage.title).toBe('Krav för test');
    expect((stage.properties as Record<string, Record<string, unknown>>).plan).toMatchObject({
      title: 'Plan',
      description: 'Vad testas?',
      'x-title': { sv: 'Plan', en: 'Plan' },
    });
    const en = bundleSchemas([BASE, STAGE], { title: 'T', description: 'D', lang: 'en' }).$defs as Record<
      string,
      Record<string, unknown>
    >;
    expect(en['stage-test']?.title).toBe('Criteria for test');
    expect((en.base?.$defs as Record<string, Record<string, unknown>>).entry?.title).toBe('Event');
  });

  it('leaves the parts it was given unchanged', () => {
    expect(STAGE.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect((STAGE.schema.properties as Record<string, Record<string, unknown>>).plan?.$ref).toBe('#/$defs/text');
  });
});

describe('withLabels', () => {
  const schema = {
    title: 'file',
    description: 'The file.',
    'x-description': { sv: 'Filen.', en: 'The file.' },
    properties: {
      id: { type: 'string', 'x-title': { sv: 'Nyckel', en: 'Key' }, enum: [{ 'x-title': { sv: 'data', en: 'data' } }] },
    },
  };

  it('gives each title and description in the language, keeping the x- keywords and data as they are', () => {
    const sv = withLabels(schema, 'sv') as typeof schema & { properties: { id: { title: string } } };
    expect(sv.description).toBe('Filen.');
    expect(sv.title).toBe('file');
    expect(sv['x-description']).toEqual(schema['x-description']);
    expect(sv.properties.id.title).toBe('Nyckel');
    // An enum's values are data, even when one looks like a schema.
    expect(sv.properties.id.enum).toEqual(schema.properties.id.enum);
    expect((withLabels(schema, 'en') as { description: string }).description).toBe('The file.');
    expect(Object.keys(sv.properties.id)).toEqual(['type', 'title', 'x-title', 'enum']);
  });
});
