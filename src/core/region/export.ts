/**
 * `ideas region export`: every kept idea of the chosen members as one table, in the columns of `ideas export`
 * (src/core/exchange/idea-row.ts) with the member and its municipality code first. The data is each member's public
 * copy, filtered when synced: nothing here decides what is public, and nothing more than that can be shown.
 */
import type { RegionMember } from './config.js';
import type { MemberSnapshot } from './snapshot.js';
import { ideaFieldsOf, memberStages, regionConfig } from './report.js';
import { ideaInRegionStages, regionStageKeyOf } from './stages.js';
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
  stage: ReadonlyMap<string, string> | null,
): IdeaTable {
  // The region's stages, each by its own members' label: an idea is never named by another member's label for its key.
  const { stages, region } = memberStages(held);
  const byKey = new Map(stages.map((s) => [s.key, s]));
  const ideas: Idea[] = [];
  const owners: RegionMember[] = [];
  for (const { member, snapshot } of held)
    for (const idea of snapshot.ideas) {
      if (stage !== null && stage.get(member.id) !== idea.stage) continue;
      const regionKey = (key: string) => regionStageKeyOf(region, member.id, key);
      const st = byKey.get(regionKey(idea.stage));
      if (!st) continue;
      ideas.push({ ...ideaFieldsOf(ideaInRegionStages(idea, regionKey), st), body: idea.body });
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
 * The CSV's header, for people: each column's label in `lang`, and its key where it has none or shares one. The
 * member and its municipality, the base schema's fields (`base`) and the program's own columns have their labels;
 * a member's own field is named by its schemas only where every member that declares it names it the same, and
 * that name is plain text: a member may not name a column that holds other members' data, nor take the name of one
 * of the columns above (its own column is then headed by its key). The JSON export keeps the keys.
 */
export function regionExportHeader(
  columns: readonly string[],
  base: Record<string, unknown>,
  snapshots: readonly MemberSnapshot[],
  config: RegistryConfig,
  lang: Lang,
): string[] {
  const ownLabel = columnLabelIn([base], config, lang);
  const agreed = new Map<string, string | null>();
  for (const s of snapshots)
    for (const f of s.registry.fields ?? []) {
      const title = plainLabel(f.title?.[lang]);
      agreed.set(f.key, agreed.has(f.key) && agreed.get(f.key) !== title ? null : title);
    }
  const properties = nullObject<Record<string, unknown>>();
  for (const [key, title] of agreed) if (title !== null) properties[key] = { 'x-title': { sv: title, en: title } };
  const memberLabel = columnLabelIn([{ properties }], config, lang);
  const strong = (key: string): string | null => {
    if (Object.hasOwn(MEMBER_LABELS, key)) return t(lang, MEMBER_LABELS[key as keyof typeof MEMBER_LABELS]);
    const label = ownLabel(key);
    // A part of a field (`team.women`) is the base schema's only where its field is.
    if (label === null || !key.includes('.') || key.startsWith('entered.')) return label;
    return ownLabel(key.slice(0, key.indexOf('.'))) === null ? null : label;
  };
  const own = new Map(columns.map((key) => [key, strong(key)]));
  const taken = new Set([...own.values()].filter((l): l is string => l !== null).map(sameText));
  return labelledHeader(columns, (key) => {
    const label = own.get(key) ?? null;
    if (label !== null) return label;
    const theirs = memberLabel(key);
    return theirs !== null && !taken.has(sameText(theirs)) ? theirs : null;
  });
}

/** Labels compared as a reader sees them: the same letters in another form or case are the same label. */
const sameText = (label: string) => label.normalize('NFKC').toLowerCase();

/** A label as a member's schema gives it, when it is plain text a header may show: else null (the key is shown). */
function plainLabel(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const label = text.normalize('NFC').trim();
  // Control and format characters (bidirectional ones and zero-width ones among them), private use and unassigned
  // code points, line breaks: a label that reads otherwise than it is, or as another column's.
  if (label === '' || label.length > MAX_LABEL || /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(label)) return null;
  return label;
}

/** The longest label a member's schema may give a column: longer ones are headed by the key. */
const MAX_LABEL = 80;
