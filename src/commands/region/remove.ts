import type { CommonOptions, Ctx } from '../../context.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { unknownMemberError } from '../../core/region/choices.js';
import { parseRegionText, withoutMember, type RegionMember } from '../../core/region/config.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import { fsError } from '../../io/fs-error.js';
import { releaseLock, scratchFolder } from '../../io/lock.js';
import { pruneMemberRepos } from '../../io/region/member-cache.js';
import type { Region } from '../../io/region/region-root.js';
import { pruneStates } from '../../io/region/state.js';
import { checkCacheFolders, takeSyncLock } from '../../io/region/sync-lock.js';
import { regionValidator } from '../../io/schemas.js';
import { openRegion } from './open-region.js';

export interface RegionRemoveOptions extends CommonOptions {
  id: string;
}

export interface RegionRemoveResult {
  kind: 'region-member-removed';
  region: Region;
  lang: Lang;
  /** The member as the file held it: what `ideas region add` takes to bring it back. */
  member: RegionMember;
}

/**
 * Takes a member out of ideas.region.yaml, the rest of the file as it was, and forgets what the region kept of it
 * (its last sync's state and its fetched repository, in the region's git folder). The member's own repository is
 * never touched. Under the sync's lock: a sync running meanwhile would write the member's state again.
 */
export async function runRegionRemove(opts: RegionRemoveOptions, ctx: Ctx): Promise<RegionRemoveResult> {
  const { region, lang } = openRegion(opts, ctx);
  const member = region.config.members.find((m) => m.id === opts.id);
  if (!member) throw unknownMemberError(opts.id, region.config.members, region.file);
  const text = withoutMember(region.text, member.id);
  const config = parseRegionText(text, region.file, lang, regionValidator());
  checkCacheFolders(region, []);
  const lock = await takeSyncLock(region);
  try {
    try {
      writeFileAtomic(region.file, text, undefined, await scratchFolder(region.root));
    } catch (e) {
      throw fsError(e, region.file);
    }
    const keep = new Set(config.members.map((m) => m.id));
    pruneStates(region.cacheDir, keep);
    pruneMemberRepos(region.cacheDir, keep);
  } finally {
    releaseLock(lock);
  }
  return { kind: 'region-member-removed', region: { ...region, text, config }, lang, member };
}
