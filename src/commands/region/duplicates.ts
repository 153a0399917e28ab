import type { CommonOptions, Ctx } from '../../context.js';
import { IdeasError } from '../../core/errors.js';
import type { Lang, Localized } from '../../core/i18n/i18n.js';
import type { RegionMember } from '../../core/region/config.js';
import { similarPairs } from '../../core/region/similarity.js';
import { basedOnOf } from '../../core/region/spread.js';
import type { RegionIdea } from '../../core/region/snapshot.js';
import type { Region } from '../../io/region/region-root.js';
import { openRegion } from './open-region.js';
import { chosenMembers, heldMembers, type HeldMember } from './read-region.js';

export interface RegionDuplicatesOptions extends CommonOptions {
  /** Only pairs with at least one idea of these members (ids or municipality codes). */
  members: string[];
  minScore?: string;
  limit?: string;
}

export interface PairSide {
  member: RegionMember;
  idea: RegionIdea;
  stageLabel: Localized | null;
}

export interface DuplicatePair {
  score: number;
  shared: string[];
  a: PairSide;
  b: PairSide;
}

export interface RegionDuplicatesResult {
  kind: 'region-duplicates';
  region: Region;
  lang: Lang;
  members: HeldMember[];
  pairs: DuplicatePair[];
}

const DEFAULT_MIN_SCORE = 0.3;
const DEFAULT_LIMIT = 50;

function parseScore(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MIN_SCORE;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new IdeasError('USAGE', 'err.regionThreshold', { value });
  return n;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new IdeasError('USAGE', 'err.regionLimit', { value });
  return n;
}

export function runRegionDuplicates(opts: RegionDuplicatesOptions, ctx: Ctx): Promise<RegionDuplicatesResult> {
  const { region, lang } = openRegion(opts, ctx);
  const minScore = parseScore(opts.minScore);
  const limit = parseLimit(opts.limit);
  // Every member is compared, so that a filtered view still finds the other side of a pair.
  const members = heldMembers(region, []);
  const wanted = new Set(chosenMembers(region, opts.members).map((m) => m.id));
  const sides: PairSide[] = [];
  for (const { member, snapshot } of members) {
    if (!snapshot) continue;
    const labels = new Map(snapshot.registry.stages.map((s) => [s.key, s.label]));
    for (const idea of snapshot.ideas) sides.push({ member, idea, stageLabel: labels.get(idea.stage) ?? null });
  }
  const docs = sides.map((s) => ({ title: s.idea.title ?? '', body: s.idea.body, group: s.member.id }));
  const pairs = similarPairs(docs, { minScore, limit: opts.members.length > 0 ? Number.MAX_SAFE_INTEGER : limit })
    .map((p) => ({ score: p.score, shared: p.shared, a: sides[p.a] as PairSide, b: sides[p.b] as PairSide }))
    // An idea taken up from another (`ideas adopt`, its basedOn) is no duplicate found: the spread is known.
    .filter((p) => !adopts(p.a, p.b) && !adopts(p.b, p.a))
    .filter((p) => opts.members.length === 0 || wanted.has(p.a.member.id) || wanted.has(p.b.member.id))
    .slice(0, limit);
  return Promise.resolve({
    kind: 'region-duplicates',
    region,
    lang,
    members: members.filter((m) => opts.members.length === 0 || wanted.has(m.member.id)),
    pairs,
  });
}

/** Whether `x` was taken up from `y` (its basedOn names y's member and id). */
function adopts(x: PairSide, y: PairSide): boolean {
  const source = basedOnOf(x.idea.data);
  return source !== null && source.member === y.member.id && source.id === y.idea.id;
}
