/**
 * What the region keeps of a member after a sync: the registry's public face at one commit. Only public fields ever
 * leave a member: each idea's front matter goes through the same filter as the site and exports
 * (src/core/criteria/personal-data.ts), with the member's own schemas, before it is kept. A member's snapshot is
 * replaced whole or not at all (see src/io/region/state.ts), so a view never sees a half-synced member.
 */
import type { Lang, Localized } from '../i18n/i18n.js';
import type { Goal, RegistryConfig } from '../sluice/config.js';
import { isPublicField, publicData, publicField, type FieldClasses } from '../criteria/personal-data.js';
import { readSnapshot, type SnapshotFile } from '../history/idea-diff.js';
import { ID_PATTERN } from '../sluice/id.js';
import { newIdeaFileName } from '../sluice/slug.js';
import type { SpreadKitField } from './spread.js';
import { scalarText } from '../field-text.js';
import type { FieldTitles } from '../criteria/field-titles.js';
import { nullObject } from '../safe-object.js';
import { createHash } from 'node:crypto';

/**
 * 2: stages carry their spread kit (spread.ts). 3: an idea whose id or title the member's schemas withhold has no id
 * and a path named by its place (see placeOf). 4: so has every file whose name says more than its public id and title
 * (see shownPath). A snapshot of another version is read again whole.
 */
export const SNAPSHOT_VERSION = 4;

/** One idea of a member, as the region keeps it: public fields only. */
export interface RegionIdea {
  /** Relative to the member's registry root. */
  path: string;
  /** The git blob id of the file: an unchanged file is not read again. */
  oid: string;
  id: string | null;
  title: string | null;
  stage: string;
  unit: string | null;
  created: string | null;
  /** The public fields of the front matter. */
  data: Record<string, unknown>;
  body: string;
}

/** A stage of a member: its key, label, and the fields of its spread kit (empty when it asks for none). */
export interface MemberStage {
  key: string;
  label: Localized;
  spreadKit: SpreadKitField[];
  limitDays?: number | null;
}

/** A file of the member that could not be read as an idea: kept as a warning, named by path. */
export interface UnreadableFile {
  path: string;
  reason: string;
  /** Its blob id, so that a re-sync does not read it again (absent in state files from before it was kept). */
  oid?: string;
}

export interface MemberSnapshot {
  schemaVersion: typeof SNAPSHOT_VERSION;
  member: string;
  url: string;
  branch: string | null;
  path: string;
  commit: string;
  /** When this commit was read: how old the region's view of the member is. */
  syncedAt: string;
  /** The blob ids of the config and every criteria file: when they change, every idea is filtered again. */
  rulesKey: string;
  registry: SnapshotRegistry;
  ideas: RegionIdea[];
  unreadable: UnreadableFile[];
}

/**
 * What a view says of a member's data beside figures made from it: the commit, when it was synced and how many ideas
 * it holds. A snapshot is one; a report keeps this much of each member rather than the snapshot (every idea).
 */
export interface SnapshotSummary {
  commit: string;
  syncedAt: string;
  ideas: { readonly length: number };
}

export function snapshotSummary(snapshot: MemberSnapshot): SnapshotSummary {
  return { commit: snapshot.commit, syncedAt: snapshot.syncedAt, ideas: { length: snapshot.ideas.length } };
}

/** How a member's schemas classify a top-level field (src/core/criteria/personal-data.ts). */
export type SnapshotFieldClass = 'public' | 'personal' | 'aggregate' | 'internal';

/** A top-level field a member's schemas declare: its class and its label, for `region report --by`. */
export interface SnapshotField {
  key: string;
  class: SnapshotFieldClass;
  title: Localized;
}

/**
 * What the region keeps of a member's config: its name, stages and goals (the region report reads them). `goals`,
 * `minGroupSize` and each stage's `limitDays` came after the first state files, `fields` and `challenges` later
 * still: a state without them still reads (no goals, the default threshold, no limits, no field labels), and the
 * next sync fills them in.
 */
export interface SnapshotRegistry {
  name: string;
  language: string;
  idPrefix: string;
  stages: MemberStage[];
  goals?: Goal[];
  minGroupSize?: number | null;
  /** The fields its schemas declare, with their classes and labels (never a value). */
  fields?: SnapshotField[];
  /** Its challenges, by id with their labels: a breakdown by challenge names them. */
  challenges?: { id: string; label: Localized }[];
}

/**
 * A field of a member's ideas as its own screens name it: the label its schemas give, in `lang`; its key where they
 * give none, or the state is from before labels were kept.
 */
export function memberFieldLabel(registry: SnapshotRegistry, key: string, lang: Lang): string {
  const label = registry.fields?.find((f) => f.key === key)?.title?.[lang];
  return typeof label === 'string' && label !== '' ? label : key;
}

/** Every field a member's schemas declare by its label in each language, as memberFieldLabel gives it. */
export function memberFieldTitles(registry: SnapshotRegistry): FieldTitles {
  const out: FieldTitles = nullObject();
  for (const f of registry.fields ?? [])
    out[f.key] = { sv: memberFieldLabel(registry, f.key, 'sv'), en: memberFieldLabel(registry, f.key, 'en') };
  return out;
}

/** The part of a member's config the region keeps. */
export function snapshotRegistry(
  config: RegistryConfig,
  kits: ReadonlyMap<string, SpreadKitField[]> = new Map(),
  fields: SnapshotField[] = [],
): SnapshotRegistry {
  return {
    name: config.name,
    language: config.language,
    idPrefix: config.idPrefix,
    stages: config.stages.map((s) => ({
      key: s.key,
      label: s.label,
      spreadKit: kits.get(s.criteria) ?? [],
      limitDays: s.limitDays,
    })),
    goals: config.goals.map((g) => ({ id: g.id, label: g.label, stage: g.stage, target: g.target, by: g.by })),
    minGroupSize: config.minGroupSize ?? null,
    fields,
    challenges: config.challenges.map((c) => ({ id: c.id, label: c.label })),
  };
}

/** The top-level fields the member's schemas declare, each with its class and its label. */
export function snapshotFields(classes: FieldClasses, titles: (key: string) => Localized): SnapshotField[] {
  return classes.declared().map((key) => {
    const cls = classes.field(key);
    const kind: SnapshotFieldClass = cls.personal
      ? 'personal'
      : cls.aggregate
        ? 'aggregate'
        : isPublicField(key, classes, { includePersonal: false })
          ? 'public'
          : 'internal';
    return { key, class: kind, title: titles(key) };
  });
}

export interface MemberFile extends SnapshotFile {
  oid: string;
}

/**
 * The member's ideas from the files of its ideas folder (paths relative to the registry root), in the files' order:
 * the caller, which reads them a batch at a time, sorts them all by path. A file whose blob id the previous snapshot
 * knows, under the same rules, is taken from it rather than parsed again.
 */
export function buildIdeas(
  config: RegistryConfig,
  files: readonly MemberFile[],
  classes: FieldClasses,
  previous: ReadonlyMap<string, RegionIdea> | null,
  previousUnreadable: ReadonlyMap<string, UnreadableFile> | null = null,
): { ideas: RegionIdea[]; unreadable: UnreadableFile[]; parsed: number } {
  const ideas: RegionIdea[] = [];
  const unreadable: UnreadableFile[] = [];
  let parsed = 0;
  const oids = new Map(files.map((f) => [f.path, f.oid]));
  // An idea's id is shown only where the member's schemas make it public; else the idea has no id here. Its path
  // only where its file's name says no more than its public id and title (shownPath), else by its place; so is a file
  // that does not read, but one named by its id alone.
  const idShown = isPublicField('id', classes, PUBLIC);
  for (const file of readSnapshot(config, files).ideas) {
    const oid = oids.get(file.path) ?? '';
    const known = previous?.get(oid);
    if (known) {
      ideas.push({ ...known, path: shownPath(file.path, known.id, known.title), stage: file.stage.key });
      continue;
    }
    const bad = previousUnreadable?.get(oid);
    if (bad) {
      unreadable.push({ ...bad, path: shownPath(file.path, idShown ? file.id : null, null) });
      continue;
    }
    parsed++;
    const fm = file.frontMatter;
    const idea = file.idea;
    if (!fm.ok || !idea) {
      const path = shownPath(file.path, idShown ? file.id : null, null);
      unreadable.push({ path, reason: fm.ok ? 'unreadable' : fm.rule, oid });
      continue;
    }
    const data = publicData(idea.data, classes, PUBLIC);
    const given = idShown ? (scalarText(publicField(idea.data, 'id', classes)) ?? file.id) : null;
    const id = given !== null && ID_PATTERN.test(given) ? given : null;
    const title = scalarText(data.title);
    ideas.push({
      path: shownPath(file.path, id, title),
      oid,
      id,
      title,
      stage: file.stage.key,
      unit: scalarText(data.unit),
      created: scalarText(data.created),
      data,
      body: idea.body,
    });
  }
  return { ideas, unreadable, parsed };
}

const PUBLIC = { includePersonal: false } as const;

/**
 * A member's path as the region may show it: as it is where its file's name is the one `ideas new` gives an idea
 * with this public id and title (`<id>-<slug of title>.md`, or `<id>.md`), and so says nothing they do not; else
 * named by its place. A file named by hand (`anna-berg-0701234567.md`), or after a title since changed, may hold
 * anything.
 */
export function shownPath(path: string, id: string | null, title: string | null): string {
  if (id === null) return placeOf(path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === `${id}.md` || name === newIdeaFileName(id, title) ? path : placeOf(path);
}

/**
 * The path of a member's idea whose id or title is withheld, named by its place: its stage's folder and a digest of
 * its path, which is the same at every sync while the file stays where it is and says neither what it holds.
 */
export function placeOf(path: string): string {
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  return `${folder}${createHash('sha256').update(path).digest('hex').slice(0, 12)}.md`;
}

/** The files a snapshot could not read, by blob id: the next sync need not read them again either. */
export function unreadableByOid(snapshot: MemberSnapshot | null, rulesKey: string): Map<string, UnreadableFile> | null {
  if (!snapshot || snapshot.rulesKey !== rulesKey) return null;
  return new Map(snapshot.unreadable.filter((u) => typeof u.oid === 'string').map((u) => [u.oid as string, u]));
}

/** The ideas of a snapshot by blob id, for the next sync to reuse. */
export function ideasByOid(snapshot: MemberSnapshot | null, rulesKey: string): Map<string, RegionIdea> | null {
  if (!snapshot || snapshot.rulesKey !== rulesKey) return null;
  return new Map(snapshot.ideas.map((i) => [i.oid, i]));
}
