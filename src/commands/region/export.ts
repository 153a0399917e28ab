import type { CommonOptions, Ctx } from '../../context.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { regionExportHeader, regionIdeaTable } from '../../core/region/export.js';
import { readPackageSchema } from '../../io/schemas.js';
import { regionStageKeys } from '../../core/region/choices.js';
import { memberStages, regionConfig } from '../../core/region/report.js';
import type { Challenge, RegistryConfig } from '../../core/sluice/config.js';
import type { MemberSnapshot } from '../../core/region/snapshot.js';
import type { IdeaTable } from '../../core/exchange/idea-row.js';
import type { Region } from '../../io/region/region-root.js';
import { parseDelimiter } from '../export.js';
import { openRegion } from './open-region.js';
import { heldMembers, type HeldMember } from './read-region.js';

export interface RegionExportOptions extends CommonOptions {
  members: string[];
  stage?: string;
  delimiter?: string;
}

export interface RegionExportResult {
  kind: 'region-export';
  region: Region;
  lang: Lang;
  members: HeldMember[];
  table: IdeaTable;
  /** `;` for a Swedish region (Swedish Excel splits on it), `,` otherwise, unless --delimiter says. */
  delimiter: string;
  /** The members' stages, as one config: the CSV names stages by their labels. */
  labels: RegistryConfig;
  /** The CSV's header: the columns' labels in the region's language (the JSON keeps the keys). */
  header: string[];
  /**
   * Each member's challenges, by the member's id (a row's first column): the CSV names an idea's challenge by its own
   * member's label for it, as that member's `ideas export` does; a challenge's id is the member's own.
   */
  challenges: ReadonlyMap<string, readonly Pick<Challenge, 'id' | 'label'>[]>;
}

/** Every kept idea of the chosen members, one row each, labelled by member and municipality: offline. */
export function runRegionExport(opts: RegionExportOptions, ctx: Ctx): Promise<RegionExportResult> {
  const { region, lang } = openRegion(opts, ctx);
  const delimiter =
    opts.delimiter !== undefined ? parseDelimiter(opts.delimiter) : region.config.language === 'sv' ? ';' : ',';
  const members = heldMembers(region, opts.members);
  const held = members.filter((h): h is HeldMember & { snapshot: MemberSnapshot } => h.snapshot !== null);
  // By member: the key of its own stage the name means (by its own key or label for it).
  const stage =
    opts.stage !== undefined
      ? regionStageKeys(
          held.map((h) => ({ member: h.member.id, stages: h.snapshot.registry.stages })),
          opts.stage,
        )
      : undefined;
  const table = regionIdeaTable(region.config.name, held, stage ?? null);
  // The region's stages, each by its members' own label, by which the CSV names each idea's stage, as `ideas export`
  // does.
  const labels = {
    ...regionConfig(region.config.name, memberStages(held).stages),
    language: region.config.language,
  };
  const header = regionExportHeader(
    table.columns,
    readPackageSchema('idea'),
    held.map((h) => h.snapshot),
    labels,
    region.config.language,
  );
  const challenges = new Map(held.map((h) => [h.member.id, h.snapshot.registry.challenges ?? []] as const));
  return Promise.resolve({
    kind: 'region-export',
    region,
    lang,
    members,
    table,
    delimiter,
    labels,
    header,
    challenges,
  });
}
