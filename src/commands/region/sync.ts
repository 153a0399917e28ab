import type { CommonOptions, Ctx } from '../../context.js';
import { IdeasError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import { localize, type Lang } from '../../core/i18n/i18n.js';
import { memberFindings, clashFindings } from '../../core/region/findings.js';
import { findIdClashes, type IdClash } from '../../core/region/clashes.js';
import type { RegionMember } from '../../core/region/config.js';
import { unknownMemberError } from '../../core/region/choices.js';
import type { MemberSnapshot } from '../../core/region/snapshot.js';
import { DEFAULT_FETCH_TIMEOUT_SECONDS, syncMember, type MemberProblem } from '../../io/region/fetch-member.js';
import { releaseLock } from '../../io/lock.js';
import { checkCacheFolders, takeSyncLock } from '../../io/region/sync-lock.js';
import { pruneMemberRepos } from '../../io/region/member-cache.js';
import type { Region } from '../../io/region/region-root.js';
import {
  idsOnly,
  pruneStates,
  readMemberState,
  touchMemberState,
  writeMemberState,
  writeSyncFailure,
} from '../../io/region/state.js';
import { openRegion } from './open-region.js';

export interface RegionSyncOptions extends CommonOptions {
  /** How many members are fetched at once. */
  jobs?: string;
  /** Only these members (by id); all when empty. */
  members: string[];
  /** The longest one member's fetch may take, in seconds (DEFAULT_FETCH_TIMEOUT_SECONDS). */
  timeout?: string;
  onProgress?: (done: number, total: number, member: string) => void;
}

export interface MemberOutcome {
  member: RegionMember;
  /** updated: a new commit or new rules read; unchanged: the same commit as before; failed: the last good kept. */
  status: 'updated' | 'unchanged' | 'failed';
  /** What the region now holds of the member: the new snapshot, or the last good one (null when none). */
  snapshot: MemberSnapshot | null;
  /** Idea files parsed in this sync: the others were known by their blob id. */
  parsed: number;
  problem: MemberProblem | null;
}

export interface RegionSyncResult {
  kind: 'region-sync';
  region: Region;
  lang: Lang;
  syncedAt: string;
  members: MemberOutcome[];
  clashes: IdClash[];
  findings: Finding[];
  /** The ideas the region holds after the sync: every member's last good data, synced now or not. */
  regionIdeas: number;
  ok: boolean;
}

const DEFAULT_JOBS = 4;
const MAX_JOBS = 32;

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the items in the results. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      results[i] = await work(items[i] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Turns taken one at a time, in the order asked: `turn()` resolves to the release of the caller's turn once every
 * earlier turn is released.
 */
export function oneAtATime(): () => Promise<() => void> {
  let tail = Promise.resolve();
  return () => {
    let release = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    const ready = tail;
    tail = tail.then(() => mine);
    return ready.then(() => release);
  };
}

function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_FETCH_TIMEOUT_SECONDS;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1 || n > 3600)
    throw new IdeasError('USAGE', 'err.regionTimeout', { value });
  return n;
}

function parseJobs(jobs: string | undefined): number {
  if (jobs === undefined) return DEFAULT_JOBS;
  const n = Number(jobs);
  if (!Number.isInteger(n) || n < 1 || n > MAX_JOBS)
    throw new IdeasError('USAGE', 'err.regionJobs', { value: jobs, max: MAX_JOBS });
  return n;
}

export async function runRegionSync(opts: RegionSyncOptions, ctx: Ctx): Promise<RegionSyncResult> {
  const { region, lang } = openRegion(opts, ctx);
  const jobs = parseJobs(opts.jobs);
  const timeoutSeconds = parseTimeout(opts.timeout);
  const all = region.config.members;
  for (const id of opts.members) if (!all.some((m) => m.id === id)) throw unknownMemberError(id, all, region.file);
  const chosen = opts.members.length > 0 ? all.filter((m) => opts.members.includes(m.id)) : all;
  checkCacheFolders(
    region,
    chosen.map((m) => m.id),
  );
  const lock = await takeSyncLock(region);
  try {
    return await syncLocked(region, lang, opts, chosen, jobs, timeoutSeconds, ctx);
  } finally {
    releaseLock(lock);
  }
}

async function syncLocked(
  region: Region,
  lang: Lang,
  opts: RegionSyncOptions,
  chosen: readonly RegionMember[],
  jobs: number,
  timeoutSeconds: number,
  ctx: Ctx,
): Promise<RegionSyncResult> {
  const all = region.config.members;
  const now = ctx.clock();
  let done = 0;
  opts.onProgress?.(0, chosen.length, '');
  // Up to `jobs` members are fetched at once (git waits on the network), but read one at a time: reading is this
  // thread's work, which members side by side would only hold in memory together (a member's ideas with their texts).
  const readTurn = oneAtATime();
  const outcomes = await mapBounded(chosen, jobs, async (member): Promise<MemberOutcome> => {
    let release: (() => void) | null = null;
    try {
      return await syncOne(member, async () => {
        release = await readTurn();
      });
    } finally {
      (release as (() => void) | null)?.();
    }
  });

  async function syncOne(member: RegionMember, afterFetch: () => Promise<void>): Promise<MemberOutcome> {
    const synced = await syncMember(member, {
      regionRoot: region.root,
      cacheDir: region.cacheDir,
      // The summary only: a member's ideas are held with their texts while it is read, never all members' at once.
      previous: () => readMemberState(region.cacheDir, member.id, 'summary'),
      previousTexts: () => readMemberState(region.cacheDir, member.id),
      now,
      lang,
      timeoutSeconds,
      afterFetch,
    });
    let outcome: MemberOutcome;
    if (synced.ok) {
      // Written whole, in one rename: the member's last good state until this line, the new one after. An unchanged
      // member's texts stay as they are; its summary takes the new date.
      if (!synced.unchanged || !touchMemberState(region.cacheDir, synced.snapshot)) {
        const whole = synced.unchanged ? readMemberState(region.cacheDir, member.id) : synced.snapshot;
        if (whole) writeMemberState(region.cacheDir, { ...whole, syncedAt: synced.snapshot.syncedAt });
      }
      writeSyncFailure(region.cacheDir, member.id, null);
      outcome = {
        member,
        status: synced.unchanged ? 'unchanged' : 'updated',
        snapshot: idsOnly(synced.snapshot),
        parsed: synced.parsed,
        problem: null,
      };
    } else {
      const previous = readMemberState(region.cacheDir, member.id, 'summary');
      outcome = {
        member,
        status: 'failed',
        snapshot: previous && idsOnly(previous),
        parsed: 0,
        problem: synced.problem,
      };
      writeSyncFailure(region.cacheDir, member.id, {
        at: now.toISOString(),
        message: localize(synced.problem.message, synced.problem.params),
      });
    }
    opts.onProgress?.(++done, chosen.length, member.id);
    return outcome;
  }
  // The members no longer in the file (taken out, or renamed): what the region kept of them, and their fetched data.
  if (opts.members.length === 0) {
    const keep = new Set(all.map((m) => m.id));
    pruneStates(region.cacheDir, keep);
    pruneMemberRepos(region.cacheDir, keep);
  }

  // Clashes over the whole region: the members not synced now count with what the last sync kept of them.
  const held = all
    .map((m) => {
      const synced = outcomes.find((o) => o.member.id === m.id)?.snapshot;
      if (synced) return synced;
      const kept = readMemberState(region.cacheDir, m.id, 'summary');
      return kept && idsOnly(kept);
    })
    .filter((s): s is MemberSnapshot => s !== null);
  const clashes = findIdClashes(held);
  const findings = [
    ...memberFindings(region.text, all, outcomes, lang),
    ...clashFindings(region.text, all, clashes, lang),
  ];
  return {
    kind: 'region-sync',
    region,
    lang,
    syncedAt: now.toISOString(),
    members: outcomes,
    clashes,
    findings,
    regionIdeas: held.reduce((n, s) => n + s.ideas.length, 0),
    ok: !findings.some((f) => f.severity === 'error'),
  };
}
