/**
 * `ideas region export`: every kept idea of the chosen members as one table, in the columns of `ideas export`
 * (src/core/exchange/idea-row.ts) with the member and its municipality code first. The data is each member's public
 * copy, filtered when synced: nothing here decides what is public, and nothing more than that can be shown.
 */
import type { RegionMember } from './config.js';
import type { MemberSnapshot } from './snapshot.js';
import { ideaFieldsOf, mergedStages, regionConfig } from './report.js';
import { classifySources } from '../criteria/personal-data.js';
import { ideaTable, type IdeaTable, type RowValue } from '../exchange/idea-row.js';
import type { Idea } from '../sluice/idea.js';
import type { RegistryConfig } from '../sluice/config.js';
import { t, type Lang, type MessageKey } from '../i18n/i18n.js';
import { columnLabelIn, labelledHeader } from '../exchange/column-labels.js';
import { nullObject } from '../safe-object.js';

/** Named like the table's other derived columns (`entered.<stage>`): an idea may have a field `municipality`. */
const MEMBER_COLUMNS = ['member.id', 'member.municipality'] as const;
const MEMBER_LABELS: Record<(typeof MEMBER_COLUMNS)[number], MessageKey> = {
  'member.id': 'csv.col.member',
  'member.municipality': 'csv.col.municipality',
};

const ours = new Set<string>(MEMBER_COLUMNS);
/** An idea's own column that has one of the member columns' names keeps its values, under `data.<name>`. */
const columnName = (c: string) => (ours.has(c) ? `data.${c}` : c);

export function regionIdeaTable(
  name: string,
  held: readonly { member: RegionMember; snapshot: MemberSnapshot }[],
  stage: string | null,
): IdeaTable {
  const stages = mergedStages(held.map((h) => h.snapshot));
  const byKey = new Map(stages.map((s) => [s.key, s]));
  const ideas: Idea[] = [];
  const owners: RegionMember[] = [];
  for (const { member, snapshot } of held)
    for (const idea of snapshot.ideas) {
      const st = byKey.get(idea.stage);
      if (!st || (stage !== null && idea.stage !== stage)) continue;
      ideas.push({ ...ideaFieldsOf(idea, st), body: idea.body });
      owners.push(member);
    }
  // `includePersonal` only because the data is public already: the copy kept by the sync is what is shown.
  const table = ideaTable(ideas, regionConfig(name, stages), classifySources([]), { includePersonal: true }, []);
  const rows = table.rows.map((row, i): RowValue[] => {
    const owner = owners[i] as RegionMember;
    return [owner.id, owner.municipality, ...row];
  });
  return { columns: [...MEMBER_COLUMNS, ...table.columns.map(columnName)], rows };
}

/**
 * The CSV's header, for people: each column's label in `lang` (the member and its municipality, the fields of the
 * base schema `base`, the members' own fields as their schemas name them: the first member that names one), and its
 * key where it has none or where another column has the same label. The JSON export keeps the keys.
 */
export function regionExportHeader(
  columns: readonly string[],
  base: Record<string, unknown>,
  snapshots: readonly MemberSnapshot[],
  config: RegistryConfig,
  lang: Lang,
): string[] {
  const properties = nullObject<Record<string, unknown>>();
  for (const s of snapshots) for (const f of s.registry.fields ?? []) properties[f.key] ??= { 'x-title': f.title };
  const fieldLabel = columnLabelIn([base, { properties }], config, lang);
  return labelledHeader(columns, (key) =>
    Object.hasOwn(MEMBER_LABELS, key) ? t(lang, MEMBER_LABELS[key as keyof typeof MEMBER_LABELS]) : fieldLabel(key),
  );
}
