import type { CommonOptions, Ctx } from '../context.js';
import { IdeasError } from '../core/errors.js';
import type { Lang } from '../core/i18n/i18n.js';
import { fieldOrderOf, ideaTable, type IdeaTable } from '../core/exchange/idea-row.js';
import { classifySources } from '../core/criteria/personal-data.js';
import { resolveStage, stageIndex } from '../core/sluice/stage-lookup.js';
import { readIdeas } from '../io/read-ideas.js';
import { readRegistrySchemas, type Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';
import { sortByTexts } from '../core/i18n/text-order.js';
import { exportHeader, headerAliases } from '../core/exchange/column-labels.js';
import { knownFieldNames, labelIndex } from '../core/exchange/import-rows.js';

export interface ExportOptions extends CommonOptions {
  stage?: string;
  includePersonal: boolean;
  delimiter?: string;
}

export interface ExportResult {
  kind: 'export';
  registry: Registry;
  lang: Lang;
  table: IdeaTable;
  /** The CSV's header: each column's label in the registry's language, which ideas import reads back. */
  header: string[];
  /** The CSV separator: --delimiter, else `;` for a Swedish registry (Swedish Excel splits on it) and `,` otherwise. */
  delimiter: string;
  unreadable: number;
}

/** A separator given on the command line: one character, not a quote or a line break; `tab` or `\t` for a tab. */
export function parseDelimiter(value: string): string {
  const d = value === 'tab' || value === '\\t' ? '\t' : value;
  if ([...d].length !== 1 || d === '"' || d === '\r' || d === '\n')
    throw new IdeasError('USAGE', 'err.badDelimiter', { value });
  return d;
}

export async function runExport(opts: ExportOptions, ctx: Ctx): Promise<ExportResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const { config } = registry;
  const delimiter =
    opts.delimiter !== undefined ? parseDelimiter(opts.delimiter) : config.language === 'sv' ? ';' : ',';
  const stage = opts.stage ? resolveStage(config, opts.stage) : null;
  const sources = readRegistrySchemas(registry);
  const { ideas, unreadable } = readIdeas(registry);
  const shown = sortByTexts(
    ideas.filter((i) => !stage || i.stage.key === stage.key),
    (i) => stageIndex(config, i.stage.key),
    (i) => [i.created ?? '', i.id ?? i.path],
    config.language,
  );
  const table = ideaTable(
    shown,
    config,
    classifySources(sources),
    { includePersonal: opts.includePersonal },
    fieldOrderOf(sources.map((s) => s.schema as Record<string, unknown>)),
  );
  const schemas = sources.map((s) => s.schema as Record<string, unknown>);
  const known = {
    names: knownFieldNames(
      schemas[0] ?? {},
      schemas.slice(1),
      ideas.map((i) => i.data),
    ),
    labels: labelIndex(schemas),
    aliases: headerAliases(schemas, config),
  };
  const header = exportHeader(table.columns, schemas, config, config.language, known);
  return { kind: 'export', registry, lang, table, header, delimiter, unreadable: unreadable.length };
}
