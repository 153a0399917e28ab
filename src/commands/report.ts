import type { CommonOptions, Ctx } from '../context.js';
import { DEFAULT_MIN_GROUP_SIZE } from '../core/sluice/config.js';
import { IdeasError } from '../core/errors.js';
import type { Lang } from '../core/i18n/i18n.js';
import { isoDate } from '../core/sluice/idea.js';
import { classifySources, isPublicField } from '../core/criteria/personal-data.js';
import { buildReport, type Report } from '../core/report/report.js';
import { fieldTitles, type FieldTitles } from '../core/criteria/field-titles.js';
import { fieldOrderOf } from '../core/exchange/idea-row.js';
import { readIdeaFields } from '../io/read-ideas.js';
import { loadCriteria, readRegistrySchemas, type Criteria, type Registry } from '../io/registry.js';
import { describeErrors } from '../core/criteria/schema-check.js';
import { openRegistry } from './open-registry.js';
import { forbiddenSegment } from '../core/safe-object.js';

export interface ReportOptions extends CommonOptions {
  since?: string;
  until?: string;
  by: string[];
  includePersonal: boolean;
}

export interface ReportResult {
  kind: 'report';
  registry: Registry;
  lang: Lang;
  report: Report;
  titles: FieldTitles;
  unreadable: number;
}

/** A day given on the command line: YYYY-MM-DD, and a real date. */
export function parseDay(value: string, flag: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || isoDate(d) !== value.trim()) throw new IdeasError('USAGE', 'err.badDate', { flag, value });
  return value.trim();
}

export async function runReport(opts: ReportOptions, ctx: Ctx): Promise<ReportResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const { config } = registry;
  const today = isoDate(ctx.clock());
  const since = opts.since !== undefined ? parseDay(opts.since, '--since') : null;
  const until = opts.until !== undefined ? parseDay(opts.until, '--until') : today;
  if (since !== null && since > until) throw new IdeasError('USAGE', 'err.badPeriod', { since, until });
  const sources = readRegistrySchemas(registry);
  const schemas = sources.map((s) => s.schema as Record<string, unknown>);
  const classes = classifySources(sources);
  const { ideas, unreadable } = readIdeaFields(registry);

  const known = new Set([...fieldOrderOf(schemas), ...ideas.flatMap((i) => Object.keys(i.data))]);
  for (const name of ['id', 'title', 'created', 'history']) known.delete(name);
  // A field by its key, or by the label `ideas show` gives it (`--by Enhet` for `unit`), when one field has it.
  const labels = fieldTitles(schemas, [...known]);
  const byLabel = (text: string): string => {
    const form = text.trim().toLocaleLowerCase('sv');
    const named = [...known].filter((f) =>
      [labels[f]?.sv, labels[f]?.en].some((l) => l !== undefined && l !== f && l.toLocaleLowerCase('sv') === form),
    );
    return named.length === 1 ? (named[0] as string) : text.trim();
  };
  const by = [...new Set(opts.by.map((b) => (known.has(b.trim()) ? b.trim() : byLabel(b))))];
  for (const field of by) {
    if (forbiddenSegment(field) !== null) throw new IdeasError('USAGE', 'err.forbiddenField', { field });
    if (!known.has(field))
      throw new IdeasError('USAGE', 'err.unknownByField', {
        field,
        // Each by its key, as --by takes it, and its label, as the screens name it.
        fields: [...known]
          .sort()
          .map((f) => (labels[f] && labels[f][lang] !== f ? `${f} (${labels[f][lang]})` : f))
          .join(', '),
      });
    // Only a public field, or an aggregate-only one (whose groups are pooled), unless the report is internal. A
    // field some schema marks personal is never a breakdown's groups, whatever another marks it: the groups are named
    // by its values, and a pool of five ideas still names its carrier.
    const cls = classes.field(field);
    if (
      !opts.includePersonal &&
      (cls.personal || (!cls.aggregate && !isPublicField(field, classes, { includePersonal: false })))
    )
      throw cls.personal
        ? new IdeasError('USAGE', 'err.byPersonal', { field }, { hint: 'hint.byPersonal' })
        : new IdeasError('USAGE', 'err.byNotPublic', { field }, { hint: 'hint.byNotPublic' });
    const structured = ideas.some((i) => {
      const v = i.data[field];
      return (
        v !== null &&
        typeof v === 'object' &&
        !(Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))
      );
    });
    if (structured) throw new IdeasError('USAGE', 'err.byNotCategorical', { field });
  }

  // Compiled only when an idea stands on an override: most registries have none.
  let criteria: Map<string, Criteria> | null = null;
  const missing = (idea: (typeof ideas)[number]): string[] => {
    const validate = (criteria ??= loadCriteria(registry)).get(idea.stage.key)?.validate;
    if (!validate || validate(idea.data)) return [];
    return [...new Set(describeErrors(validate.errors).map((p) => p.field))];
  };
  const report = buildReport(config, ideas, classes, {
    missing,
    since,
    until,
    today,
    by,
    includePersonal: opts.includePersonal,
    minGroupSize: config.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
  });
  const titles = fieldTitles(schemas, [
    ...by,
    // What an override still lacks is named by its label, as the gate named it.
    ...report.overrides.flatMap((o) => o.missing ?? []),
    ...report.aggregates.flatMap((a) => [a.field, ...a.keys.filter((k) => k !== '').map((k) => `${a.field}.${k}`)]),
  ]);
  return { kind: 'report', registry, lang, report, titles, unreadable: unreadable.length };
}
