import type { CommonOptions, Ctx } from '../../context.js';
import { shellQuote } from '../../core/shell/quote.js';
import { IdeasError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/i18n.js';
import type { MemberSnapshot, RegionIdea } from '../../core/region/snapshot.js';
import { ideaSpread, type IdeaSpread } from '../../core/region/spread.js';
import type { Region } from '../../io/region/region-root.js';
import { openRegion } from './open-region.js';
import { readMemberState } from '../../io/region/state.js';
import { chosenMembers, heldMembers, type HeldMember } from './read-region.js';
import { ideasNamed } from '../../core/sluice/id-text.js';

export interface RegionShowOptions extends CommonOptions {
  /** `<member>:<id>`, or an id only one member holds. */
  ref: string;
}

export interface RegionShowResult {
  kind: 'region-idea';
  region: Region;
  lang: Lang;
  held: HeldMember & { snapshot: NonNullable<HeldMember['snapshot']> };
  stageLabel: { sv: string; en: string } | null;
  idea: RegionIdea;
  /** Where the idea comes from, who adopted it, and its stage's spread kit (core/region/spread.ts). */
  spread: IdeaSpread;
}

/** `lidkoping:lidk-4k7q2x` names the member; a bare id is looked for in every member. */
function splitRef(ref: string): { member: string | null; id: string } {
  const colon = ref.indexOf(':');
  return colon === -1 ? { member: null, id: ref } : { member: ref.slice(0, colon), id: ref.slice(colon + 1) };
}

export function runRegionShow(opts: RegionShowOptions, ctx: Ctx): Promise<RegionShowResult> {
  const { region, lang } = openRegion(opts, ctx);
  const { member, id } = splitRef(opts.ref);
  // Every member's fields (what was adopted from where), and the text of the one idea shown only.
  const all = heldMembers(region, [], 'fields');
  const named = member === null ? null : new Set(chosenMembers(region, [member]).map((m) => m.id));
  const held = named === null ? all : all.filter((h) => named.has(h.member.id));
  // By its id; or, named with its member, by its path as the views give an idea whose id the member withholds
  // (`member:ideas/01-ide/<digest>.md`, the ref of region list and duplicates).
  const inSnapshot = <T extends { id: string | null; path: string }>(ideas: readonly T[]): T[] => {
    const byId = ideasNamed(ideas, id);
    return byId.length > 0 || member === null ? byId : ideas.filter((i) => i.id === null && i.path === id);
  };
  const found = held.flatMap((h) => (h.snapshot ? inSnapshot(h.snapshot.ideas).map((idea) => ({ h, idea })) : []));
  // No member fetched yet: there is nothing to look in, and saying the idea is not there would mislead.
  if (found.length === 0 && held.length > 0 && held.every((h) => h.snapshot === null))
    throw new IdeasError('IDEA_NOT_FOUND', 'err.regionNeverSynced', {}, { hint: 'hint.regionNeverSynced' });
  if (found.length === 0)
    throw new IdeasError(
      'IDEA_NOT_FOUND',
      'err.regionIdeaNotFound',
      { id: opts.ref },
      { hint: 'hint.regionIdeaNotFound' },
    );
  if (found.length > 1)
    throw new IdeasError(
      'AMBIGUOUS_ID',
      'err.regionAmbiguous',
      { id, members: found.map((f) => f.h.member.id).join(', ') },
      // A command that runs as printed: the first of the members, named.
      { hint: 'hint.regionAmbiguous', hintParams: { example: shellQuote(`${found[0]?.h.member.id ?? ''}:${id}`) } },
    );
  const { h, idea: kept } = found[0] as (typeof found)[number];
  const snapshot = readMemberState(region.cacheDir, h.member.id) ?? (h.snapshot as MemberSnapshot);
  const idea = snapshot.ideas.find((i) => i.path === kept.path) ?? kept;
  const stageLabel = snapshot.registry.stages.find((s) => s.key === idea.stage)?.label ?? null;
  return Promise.resolve({
    kind: 'region-idea',
    region,
    lang,
    held: { member: h.member, snapshot, failure: h.failure },
    stageLabel,
    idea,
    spread: ideaSpread(
      all.flatMap((m) => (m.snapshot ? [m.snapshot] : [])),
      h.member.id,
      idea,
    ),
  });
}
