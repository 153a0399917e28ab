/**
 * A member registry's region: the folder its config names in `region:` (relative to the registry root), and what the
 * region's last sync kept of every member. Read only, never fetched: `ideas adopt` and `ideas new` work offline from
 * the state files `ideas region sync` wrote.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { IdeasError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { REGION_FILE } from '../../core/region/config.js';
import type { MemberSnapshot } from '../../core/region/snapshot.js';
import type { RegistryRef } from '../../core/sluice/config.js';
import { loadRegion, type Region } from './region-root.js';
import { readMemberState } from './state.js';

/** The folder the registry's `region:` names, absolute; null when the config names none. */
function regionFolderOf(registry: RegistryRef): string | null {
  const named = registry.config.region;
  return named === undefined ? null : path.resolve(registry.root, named);
}

/** The region the registry names, read and checked; an error that says what to do when it cannot be used. */
export function openMemberRegion(registry: RegistryRef, lang: Lang): Region {
  const dir = regionFolderOf(registry);
  if (dir === null) throw new IdeasError('USAGE', 'err.noRegionNamed', {}, { hint: 'hint.noRegionNamed' });
  if (!existsSync(path.join(dir, REGION_FILE)))
    throw new IdeasError('NOT_A_REGISTRY', 'err.regionFolderMissing', { dir }, { hint: 'hint.regionFolderMissing' });
  return loadRegion(dir, lang);
}

/** Every member's last good snapshot, in the region file's order; members never synced are left out. */
export function readSnapshots(region: Region): MemberSnapshot[] {
  const out: MemberSnapshot[] = [];
  for (const m of region.config.members) {
    const s = readMemberState(region.cacheDir, m.id);
    if (s) out.push(s);
  }
  return out;
}

/**
 * The region's snapshots for a notice (`ideas new`, `ideas diff`): null when the registry names no region, the
 * region cannot be read, or nothing has been synced. Never an error: a notice is not worth a failed command.
 */
export function quietSnapshots(
  registry: RegistryRef,
  lang: Lang,
): { region: Region; snapshots: MemberSnapshot[] } | null {
  if (regionFolderOf(registry) === null) return null;
  try {
    const region = openMemberRegion(registry, lang);
    const snapshots = readSnapshots(region);
    return snapshots.length > 0 ? { region, snapshots } : null;
  } catch {
    return null;
  }
}
