/**
 * What the last sync kept of each member: one JSON file per member under `.git/ideas-region/state/`, replaced in one
 * atomic step (write a temporary file, then rename), so a member is never half-updated: a killed or failed sync
 * leaves the last good snapshot, with its date. The files are the region's own cache, never the members' data.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SNAPSHOT_VERSION, type MemberSnapshot } from '../../core/region/snapshot.js';
import { nullProtoDeep } from '../../core/safe-object.js';
import { safeUnlink, writeFileAtomic } from '../atomic-file.js';
import { faultPoint } from '../faults.js';

export function stateDir(cacheDir: string): string {
  return path.join(cacheDir, 'state');
}

function stateFile(cacheDir: string, member: string): string {
  return path.join(stateDir(cacheDir), `${member}.json`);
}

/** The member's last good snapshot, or null when it has none (never synced, or a file this version cannot read). */
export function readMemberState(cacheDir: string, member: string): MemberSnapshot | null {
  let text: string;
  try {
    text = readFileSync(stateFile(cacheDir, member), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = nullProtoDeep(JSON.parse(text)) as MemberSnapshot;
    if (parsed.schemaVersion !== SNAPSHOT_VERSION || parsed.member !== member || !Array.isArray(parsed.ideas))
      return null;
    return parsed;
  } catch {
    return null;
  }
}

export function writeMemberState(cacheDir: string, snapshot: MemberSnapshot): void {
  mkdirSync(stateDir(cacheDir), { recursive: true });
  faultPoint('region:state');
  writeFileAtomic(stateFile(cacheDir, snapshot.member), JSON.stringify(snapshot));
}

/** Why the latest sync of a member failed, and when: the views show it beside the data kept from before. */
export interface SyncFailure {
  at: string;
  message: { sv: string; en: string };
}

function failureFile(cacheDir: string, member: string): string {
  return path.join(stateDir(cacheDir), `${member}.failed.json`);
}

export function readSyncFailure(cacheDir: string, member: string): SyncFailure | null {
  try {
    const parsed = nullProtoDeep(JSON.parse(readFileSync(failureFile(cacheDir, member), 'utf8'))) as SyncFailure;
    return typeof parsed.at === 'string' && typeof parsed.message?.sv === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** Records a failed sync, or (null) that the latest one went well. */
export function writeSyncFailure(cacheDir: string, member: string, failure: SyncFailure | null): void {
  if (failure === null) {
    safeUnlink(failureFile(cacheDir, member));
    return;
  }
  mkdirSync(stateDir(cacheDir), { recursive: true });
  writeFileAtomic(failureFile(cacheDir, member), JSON.stringify(failure));
}

/** Forgets the members no longer in the region's file. */
export function pruneStates(cacheDir: string, keep: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(stateDir(cacheDir));
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^([a-z0-9-]+)(?:\.failed)?\.json$/.exec(name);
    if (m?.[1] && !keep.has(m[1])) safeUnlink(path.join(stateDir(cacheDir), name));
  }
}
