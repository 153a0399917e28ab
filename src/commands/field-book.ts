/**
 * The fields of an idea as the registry's schemas describe them, and where the commands a closed gate names run:
 * what `ideas validate` needs to print those commands, kept apart from `ideas edit` so that validate does not load
 * the editing of files (and the `yaml` package, ~50 ms) to print a hint.
 */
import path from 'node:path';
import type { CommonOptions, Ctx } from '../context.js';
import { fieldSpec, recordKeys, settableFields, type FieldSpec } from '../core/criteria/fields.js';
import { fieldTitles, type FieldTitles } from '../core/criteria/field-titles.js';
import type { Lang } from '../core/i18n/i18n.js';
import type { Idea } from '../core/sluice/idea.js';
import { readPackageSchema } from '../io/schemas.js';
import type { Criteria, Registry } from '../io/registry.js';

type Schema = Record<string, unknown>;

/** The fields of an idea, typed and asked as the registry's schemas describe them. */
export interface FieldBook {
  base: Schema;
  /** Every stage's criteria schema. */
  criteria: Schema[];
  settable: string[];
  spec: (name: string) => FieldSpec;
  /** The fields' labels, to name them in words where a change is reported. */
  titles: (names: readonly string[]) => FieldTitles;
}

export function fieldBook(
  registry: Registry,
  criteria: ReadonlyMap<string, Pick<Criteria, 'schema'>>,
  lang: Lang,
): FieldBook {
  const base = readPackageSchema('idea');
  const all = [...criteria.values()].map((c) => c.schema);
  // Each field's spec is made once: validate asks for the same few fields for each of thousands of findings.
  const specs = new Map<string, FieldSpec>();
  return {
    base,
    criteria: all,
    settable: [...settableFields(base, all), ...recordKeys(base, all)],
    spec: (name) => {
      let spec = specs.get(name);
      if (!spec) specs.set(name, (spec = fieldSpec(name, base, all, registry.config, lang, false)));
      return spec;
    },
    titles: (names) => fieldTitles([...all, base], names),
  };
}

/** Where the commands a closed gate prints run: with the user's `-C` as given, and the idea's file from here. */
export function fixPlace(
  opts: CommonOptions,
  idea: Pick<Idea, 'abs'>,
  ctx: Ctx,
): { registryFlag?: string; file: string } {
  const file = path.relative(ctx.cwd, idea.abs).split(path.sep).join('/');
  return { ...(opts.registry ? { registryFlag: opts.registry } : {}), file };
}
