/**
 * The region's stages. Each member names its own: a key and a label. Across the region two members' stages are one
 * row only when both their key and their labels agree; one key under other labels (`idea` as "Idé" in one member,
 * "Spridning" in another) is two stages, as the region report keeps two challenges of one id apart (`--by
 * challenge`). An idea is always shown with its own member's label. A region row is shown by its label and, where
 * two rows share a label ("Test" for `test` in one member and `pilot` in another), by its key beside it.
 */
import type { Localized } from '../i18n/i18n.js';
import { slugify } from '../sluice/slug.js';
import type { RegionIdea } from './snapshot.js';

export interface StageName {
  key: string;
  label: Localized;
}

/** A stage of the region: its key in the region, the key its members give it, and their label for it. */
export interface RegionStage extends StageName {
  memberKey: string;
}

export interface RegionStages {
  /** In the order first met, by their key in the region. */
  stages: Map<string, RegionStage>;
  /** By member id: the member's stage key → the region's. */
  byMember: Map<string, Map<string, string>>;
}

export function emptyRegionStages(): RegionStages {
  return { stages: new Map(), byMember: new Map() };
}

const sameText = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim();
const sameLabel = (a: Localized, b: Localized) => sameText(a.sv, b.sv) && sameText(a.en, b.en);

/**
 * Adds a member's stages: each is the region's stage of the same key and labels, or a new one. A new stage keeps its
 * key when no stage of the region has it yet, else is `<key>@<member>`: a name no member's stage can have.
 */
export function addMemberStages(region: RegionStages, member: string, stages: readonly StageName[]): void {
  const own = new Map<string, string>();
  for (const s of stages) {
    let key = [...region.stages.values()].find((r) => r.memberKey === s.key && sameLabel(r.label, s.label))?.key;
    if (key === undefined) {
      key = region.stages.has(s.key) ? `${s.key}@${member}` : s.key;
      for (let n = 2; region.stages.has(key); n++) key = `${s.key}@${member}-${n}`;
      region.stages.set(key, { key, memberKey: s.key, label: s.label });
    }
    own.set(s.key, key);
  }
  region.byMember.set(member, own);
}

/** The region's stages of every member's, in the order given. */
export function regionStagesOf(members: readonly { member: string; stages: readonly StageName[] }[]): RegionStages {
  const region = emptyRegionStages();
  for (const m of members) addMemberStages(region, m.member, m.stages);
  return region;
}

/** The region's key of a member's stage; a key the member does not have (an old one in a history) as it is. */
export function regionStageKeyOf(region: RegionStages, member: string, key: string): string {
  return region.byMember.get(member)?.get(key) ?? key;
}

/**
 * The region's stages as rows are headed: each by its label, and where two share a label in a language, by the key
 * its members give it beside it ("Test (pilot)"), or its key in the region when that is shared too.
 */
export function distinguishedStages(region: RegionStages): StageName[] {
  const all = [...region.stages.values()];
  const named = (s: RegionStage, lang: 'sv' | 'en') => {
    const same = all.filter((o) => sameText(o.label[lang], s.label[lang]));
    if (same.length === 1) return s.label[lang];
    const suffix = same.filter((o) => o.memberKey === s.memberKey).length === 1 ? s.memberKey : s.key;
    return `${s.label[lang]} (${suffix})`;
  };
  return all.map((s) => ({ key: s.key, label: { sv: named(s, 'sv'), en: named(s, 'en') } }));
}

/**
 * A stage named on the command line (`region list --stage`, `region export --stage`), matched in each member by the
 * member's own key for it (as written: keys are lower case, so "Idea" is a label) or its label in either language
 * (any case), then by the label without å, ä and ö: by member id, the key of the member's stage it names. Empty when
 * no member has such a stage. "idea" is every member's stage of that key; "Spridning" only the one so labelled.
 */
export function stageInMembers(
  members: readonly { member: string; stages: readonly StageName[] }[],
  name: string,
): Map<string, string> {
  const key = name.trim();
  const wanted = key.toLowerCase();
  const folded = slugify(name);
  const found = new Map<string, string>();
  for (const m of members) {
    const stage =
      m.stages.find(
        (s) => s.key === key || s.label.sv.toLowerCase() === wanted || s.label.en.toLowerCase() === wanted,
      ) ?? m.stages.find((s) => folded !== '' && (slugify(s.label.sv) === folded || slugify(s.label.en) === folded));
    if (stage) found.set(m.member, stage.key);
  }
  return found;
}

/**
 * A member's idea with every stage it names (its own, and its history's `to` and `from`) by the region's key for it:
 * what the region's rows count it by. Its fields are copied, never changed in place (objects without a prototype, as
 * the snapshot holds them).
 */
export function ideaInRegionStages(idea: RegionIdea, keyOf: (key: string) => string): RegionIdea {
  const history = idea.data.history;
  const data = Object.assign(Object.create(null) as Record<string, unknown>, idea.data);
  if (Array.isArray(history))
    data.history = history.map((e: unknown) => {
      if (e === null || typeof e !== 'object' || Array.isArray(e)) return e;
      const entry = Object.assign(Object.create(null) as Record<string, unknown>, e);
      for (const f of ['to', 'from']) if (typeof entry[f] === 'string') entry[f] = keyOf(entry[f]);
      return entry;
    });
  return { ...idea, stage: keyOf(idea.stage), data };
}
