/**
 * The JSON documents of `ideas region …`, built field by field from what the commands return, so that nothing
 * internal (cache paths, parse state) leaks, and every idea carries its member. Versioned like src/ui/dto.ts.
 */
import type { Lang } from '../core/i18n/i18n.js';
import { ageInDays } from '../core/region/age.js';
import type { RegionMember } from '../core/region/config.js';
import type { MemberSnapshot, RegionIdea } from '../core/region/snapshot.js';

export interface MemberDto {
  id: string;
  name: string;
  municipality: string | null;
  url: string;
  site: string | null;
  commit: string | null;
  syncedAt: string | null;
  ageDays: number | null;
  ideas: number | null;
}

export function memberDto(member: RegionMember, snapshot: MemberSnapshot | null, now: Date): MemberDto {
  return {
    id: member.id,
    name: member.name,
    municipality: member.municipality,
    url: member.url,
    site: member.site,
    commit: snapshot?.commit ?? null,
    syncedAt: snapshot?.syncedAt ?? null,
    ageDays: snapshot ? ageInDays(snapshot.syncedAt, now) : null,
    ideas: snapshot ? snapshot.ideas.length : null,
  };
}

export function regionIdeaDto(member: RegionMember, idea: RegionIdea, withText: boolean) {
  const base = {
    member: member.id,
    municipality: member.municipality,
    ref: `${member.id}:${idea.id ?? idea.path}`,
    id: idea.id,
    title: idea.title,
    stage: idea.stage,
    unit: idea.unit,
    created: idea.created,
    path: idea.path,
  };
  return withText ? { ...base, data: idea.data, body: idea.body } : base;
}

export function regionHeader(name: string, lang: Lang) {
  return { schemaVersion: 1 as const, region: { name, language: lang } };
}
