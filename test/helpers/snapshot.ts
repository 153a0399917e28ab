/**
 * What a region's sync keeps of a member (src/core/region/snapshot.ts), made for tests: the fields a test does not
 * care about take plain defaults, and each test names what it does.
 */
import {
  SNAPSHOT_VERSION,
  type MemberSnapshot,
  type RegionIdea,
  type SnapshotRegistry,
} from '../../src/core/region/snapshot.js';

/** A member's snapshot with `ideas`, its registry's `registry` fields over the defaults, and any other field. */
export function memberSnapshot(
  member: string,
  ideas: RegionIdea[],
  registry: Partial<SnapshotRegistry> = {},
  other: Partial<MemberSnapshot> = {},
): MemberSnapshot {
  return {
    schemaVersion: SNAPSHOT_VERSION,
    member,
    url: `../${member}`,
    branch: null,
    path: '',
    commit: 'a'.repeat(40),
    syncedAt: '2026-12-01T00:00:00.000Z',
    rulesKey: '',
    registry: { name: member, language: 'sv', idPrefix: member, stages: [], ...registry },
    ideas,
    unreadable: [],
    ...other,
  };
}

/** An idea as a snapshot keeps it: `id`, with `fields` over the defaults (the first stage, no data, no text). */
export function regionIdea(id: string, fields: Partial<RegionIdea> = {}): RegionIdea {
  return {
    path: `ideas/${id}.md`,
    oid: id,
    id,
    title: id,
    stage: 'idea',
    unit: null,
    created: '2026-01-01',
    data: {},
    body: '',
    ...fields,
  };
}
