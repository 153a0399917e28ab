/**
 * A sync's problems as findings, so that they show as every other check does (pretty, JSON, GitHub annotations):
 * each names the member and points at its entry in ideas.region.yaml. A member that cannot be read is never
 * skipped in silence: the finding says what went wrong and how old the data the region keeps of it is.
 */
import type { Finding } from '../finding.js';
import { t, type Lang, type MessageKey, type Params } from '../i18n/i18n.js';
import type { IdClash } from './clashes.js';
import { memberLine, REGION_FILE, type RegionMember } from './config.js';
import type { MemberSnapshot } from './snapshot.js';

/** What a finding needs of a member's sync. */
export interface MemberOutcomeLike {
  member: RegionMember;
  status: 'updated' | 'unchanged' | 'failed';
  snapshot: MemberSnapshot | null;
  problem: { kind: 'fetch' | 'registry'; message: MessageKey; params: Params; details: string[] } | null;
}

function lineOf(text: string, members: readonly RegionMember[], id: string): number | null {
  const i = members.findIndex((m) => m.id === id);
  return i === -1 ? null : memberLine(text, i);
}

export function memberFindings(
  text: string,
  members: readonly RegionMember[],
  outcomes: readonly MemberOutcomeLike[],
  lang: Lang,
): Finding[] {
  const out: Finding[] = [];
  for (const o of outcomes) {
    const line = lineOf(text, members, o.member.id);
    if (o.problem) {
      const what = t(lang, o.problem.message, o.problem.params);
      const details = o.problem.details.length > 0 ? ` (${o.problem.details.join('; ')})` : '';
      out.push({
        file: REGION_FILE,
        line,
        column: line === null ? null : 1,
        rule: o.problem.kind === 'fetch' ? 'region/fetch' : 'region/registry',
        severity: 'error',
        // The sentence's own full stop, not a second one after a problem that ends in one (git's message may).
        message: t(lang, 'region.finding.member', {
          member: o.member.id,
          problem: `${what}${details}`.replace(/\.+$/, ''),
        }),
        hint: o.snapshot
          ? t(lang, 'region.finding.kept', {
              date: o.snapshot.syncedAt.slice(0, 10),
              commit: o.snapshot.commit.slice(0, 7),
            })
          : t(lang, 'region.finding.none'),
      });
    }
    if (o.status !== 'failed' && o.snapshot)
      for (const u of o.snapshot.unreadable)
        out.push({
          file: REGION_FILE,
          line,
          column: line === null ? null : 1,
          rule: 'region/unreadable-idea',
          severity: 'warning',
          message: t(lang, 'region.finding.unreadable', { member: o.member.id, path: u.path, reason: u.reason }),
          hint: null,
        });
  }
  return out;
}

export function clashFindings(
  text: string,
  members: readonly RegionMember[],
  clashes: readonly IdClash[],
  lang: Lang,
): Finding[] {
  return clashes.map((c) => {
    const line = lineOf(text, members, c.holders[1]?.member ?? '');
    return {
      file: REGION_FILE,
      line,
      column: line === null ? null : 1,
      rule: 'region/id-clash',
      severity: 'error',
      message: t(lang, 'region.finding.clash', {
        id: c.id,
        members: c.holders.map((h) => `${h.member} (${h.path})`).join(', '),
      }),
      hint: t(lang, 'region.finding.clashHint'),
    };
  });
}
