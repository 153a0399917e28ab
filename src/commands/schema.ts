import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CommonOptions, Ctx } from '../context.js';
import { IdeasError } from '../core/errors.js';
import type { Stage } from '../core/sluice/config.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import { bundleSchemas, withLabels, withReferenced, type SchemaPart } from '../core/criteria/schema-bundle.js';
import { readPackageSchema } from '../io/schemas.js';
import { resolveStage } from '../core/sluice/stage-lookup.js';
import { loadCriteria, type Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';
import { languageBeforeConfig } from '../io/registry-root.js';
import { languageBeforeRegion, regionFrom } from '../io/region/region-lang.js';

export interface SchemaOptions extends CommonOptions {
  stage?: string;
  /** The schema of a region's ideas.region.yaml rather than an idea's. */
  region?: boolean;
}

export interface SchemaResult {
  kind: 'schema';
  registry: Registry;
  lang: Lang;
  stage: Stage | null;
  schema: Record<string, unknown>;
}

/**
 * The JSON Schema an idea in a stage must meet (the base schema and the stage's criteria), or without a stage the
 * base every idea meets; with the config's challenge ids, which `validate` also checks. One document, for editors.
 */
export async function runSchema(opts: SchemaOptions, ctx: Ctx): Promise<SchemaResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const { config } = registry;
  const stage = opts.stage === undefined ? null : resolveStage(config, opts.stage);
  const base = readPackageSchema('idea');
  let parts: SchemaPart[] = [{ name: 'base', schema: base, uri: typeof base.$id === 'string' ? base.$id : null }];
  if (stage) {
    // Every criteria file is read and compiled, so that a broken one is refused here as everywhere else.
    const criteria = loadCriteria(registry);
    const partOf = (key: string, referencedOnly: boolean): SchemaPart | null => {
      const c = criteria.get(key);
      if (!c) return null;
      const own = c.schema.$id;
      const file = pathToFileURL(path.resolve(registry.root, c.stage.criteria)).href;
      return {
        name: `stage-${key}`,
        schema: c.schema,
        uri: typeof own === 'string' ? own : file,
        file,
        referencedOnly,
      };
    };
    const own = partOf(stage.key, false);
    // Another stage's criteria that this stage's refer to (by `$id` or file name) go into the document as well, so
    // that every `$ref` points inside it.
    const others = config.stages.filter((s) => s.key !== stage.key).map((s) => partOf(s.key, true));
    if (own)
      parts = withReferenced(
        [...parts, own],
        others.filter((p) => p !== null),
      );
  }
  if (config.challenges.length > 0) {
    const challenge = {
      enum: config.challenges.map((c) => c.id),
      description: config.challenges.map((c) => `${c.id}: ${c.label[lang]}`).join('\n'),
    };
    parts.push({ name: 'registry', schema: { type: 'object', properties: { challenge } }, uri: null });
  }
  const command = ['ideas schema', stage ? `--stage ${stage.key}` : '', opts.lang ? `--lang ${opts.lang}` : '']
    .filter(Boolean)
    .join(' ');
  const schema = bundleSchemas(parts, {
    lang,
    title: stage
      ? t(lang, 'schema.title', { registry: config.name, stage: stage.label[lang] })
      : t(lang, 'schema.titleBase', { registry: config.name }),
    description: stage
      ? t(lang, 'schema.description', { stage: stage.label[lang], criteria: stage.criteria, command })
      : t(lang, 'schema.descriptionBase', { command }),
  });
  return { kind: 'schema', registry, lang, stage, schema };
}

export interface RegionSchemaResult {
  kind: 'region-schema';
  lang: Lang;
  schema: Record<string, unknown>;
}

/**
 * The JSON Schema of ideas.region.yaml, as `ideas region sync` and every region view check the file against it. It
 * is the program's own, so no region (nor registry) is needed: it serves the file being written, even a broken one.
 * Its titles and descriptions, which editors show, are in the region's language (or the registry's, or the
 * locale's, or --lang).
 */
export function runRegionSchema(opts: SchemaOptions, ctx: Ctx): RegionSchemaResult {
  if (opts.stage !== undefined) throw new IdeasError('USAGE', 'err.schemaRegionStage', { stage: opts.stage });
  const inRegion = regionFrom(ctx.cwd, opts.registry, ctx.env).root !== null;
  const lang = inRegion
    ? languageBeforeRegion(opts.lang, opts.registry, ctx.env, ctx.cwd)
    : languageBeforeConfig(opts.lang, opts.registry, ctx.env, ctx.cwd);
  return {
    kind: 'region-schema',
    lang,
    schema: withLabels(readPackageSchema('region'), lang) as Record<string, unknown>,
  };
}
