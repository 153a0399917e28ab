import type { CommonOptions, Ctx } from '../../context.js';
import type { Lang } from '../../core/i18n/i18n.js';
import type { RegionIdea } from '../../core/region/snapshot.js';
import type { RegionMember } from '../../core/region/config.js';
import { regionStageKeys } from '../../core/region/choices.js';
import type { Region } from '../../io/region/region-root.js';
import { openRegion } from './open-region.js';
import { heldMembers, type HeldMember } from './read-region.js';

export interface RegionListOptions extends CommonOptions {
  members: string[];
  stage?: string;
}

export interface RegionListRow {
  member: RegionMember;
  stageLabel: { sv: string; en: string } | null;
  idea: RegionIdea;
}

export interface RegionListResult {
  kind: 'region-list';
  region: Region;
  lang: Lang;
  members: HeldMember[];
  rows: RegionListRow[];
}

export function runRegionList(opts: RegionListOptions, ctx: Ctx): Promise<RegionListResult> {
  const { region, lang } = openRegion(opts, ctx);
  // The summaries only: a list shows no idea's front matter or text.
  const members = heldMembers(region, opts.members, 'summary');
  // By member: the key of its own stage the name means (by its own key or label for it).
  const stage =
    opts.stage !== undefined
      ? regionStageKeys(
          members.flatMap((m) => (m.snapshot ? [{ member: m.member.id, stages: m.snapshot.registry.stages }] : [])),
          opts.stage,
        )
      : undefined;
  const rows: RegionListRow[] = [];
  for (const { member, snapshot } of members) {
    if (!snapshot) continue;
    const labels = new Map(snapshot.registry.stages.map((s) => [s.key, s.label]));
    for (const idea of snapshot.ideas)
      if (stage === undefined || stage.get(member.id) === idea.stage)
        rows.push({ member, stageLabel: labels.get(idea.stage) ?? null, idea });
  }
  return Promise.resolve({ kind: 'region-list', region, lang, members, rows });
}
