/** `ideas region …`: what a region holds, how old it is, and what went wrong with which member. */
import type { Finding } from '../../core/finding.js';
import { t, type Lang } from '../../core/i18n/i18n.js';
import { ageInDays } from '../../core/region/age.js';
import type { IdClash } from '../../core/region/clashes.js';
import type { RegionConfig, RegionMember } from '../../core/region/config.js';
import type { MemberSnapshot } from '../../core/region/snapshot.js';
import { EXIT, jsonText, output, type Output, type View } from '../output.js';
import { findingDto, memberDto, regionHeader } from '../region-dto.js';
import { renderValidationGithub } from '../render-validation.js';
import { terminalLine } from '../terminal-text.js';
import type { ChalkInstance } from 'chalk';

/** Each finding with its place in ideas.region.yaml, severity, message, rule and what to do. */
function renderFindings(findings: readonly Finding[], lang: Lang, c: ChalkInstance): string {
  const out: string[] = [];
  for (const f of findings) {
    const where = `${f.file}:${f.line ?? 0}:${f.column ?? 0}`;
    const sev =
      f.severity === 'error' ? c.red(lang === 'sv' ? 'fel' : 'error') : c.yellow(lang === 'sv' ? 'varning' : 'warning');
    out.push(`${c.dim(terminalLine(where))} ${sev}  ${terminalLine(f.message)}  ${c.dim(terminalLine(f.rule))}`);
    if (f.hint) out.push(`  ${c.dim(`→ ${terminalLine(f.hint)}`)}`);
  }
  return `${out.join('\n')}\n`;
}

export interface RegionInitView {
  lang: Lang;
  root: string;
  file: string;
  gitInit: boolean;
}

export function presentRegionInit(r: RegionInitView, json: boolean): Output {
  const o = output();
  if (json) {
    o.out(jsonText({ schemaVersion: 1, kind: 'region-created', file: r.file, gitInit: r.gitInit }));
    return o.done();
  }
  const lines = [t(r.lang, 'region.init.done', { file: terminalLine(r.file) })];
  if (r.gitInit) lines.push(t(r.lang, 'region.init.git'));
  lines.push(t(r.lang, 'region.init.next'));
  o.out(`${lines.join('\n')}\n`);
  return o.done();
}

export interface RegionSyncView {
  region: { root: string; config: RegionConfig };
  lang: Lang;
  members: {
    member: RegionMember;
    status: 'updated' | 'unchanged' | 'failed';
    snapshot: MemberSnapshot | null;
    parsed: number;
  }[];
  clashes: IdClash[];
  findings: Finding[];
  ok: boolean;
}

export function presentRegionSync(r: RegionSyncView, format: 'pretty' | 'json' | 'github', v: View): Output {
  const o = output();
  const exitCode = r.ok ? EXIT.ok : EXIT.problems;
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.length - errors;
  if (format === 'json') {
    o.out(
      jsonText({
        ...regionHeader(r.region.config.name, r.lang),
        kind: 'region-sync',
        ok: r.ok,
        members: r.members.map((m) => ({
          ...memberDto(m.member, m.snapshot, v.today),
          status: m.status,
          parsed: m.parsed,
        })),
        clashes: r.clashes,
        findings: r.findings.map(findingDto),
      }),
    );
    return o.done(exitCode);
  }
  if (format === 'github') {
    o.out(
      renderValidationGithub({ files: r.members.length, findings: r.findings, errors, warnings }, r.region.root, v.cwd),
    );
    return o.done(exitCode);
  }
  const c = v.out;
  const lines: string[] = [];
  for (const m of r.members) {
    const s = m.snapshot;
    const member = terminalLine(m.member.id);
    if (m.status === 'failed')
      lines.push(
        c.red(
          s
            ? t(r.lang, 'region.sync.failed', { member, date: s.syncedAt.slice(0, 10) })
            : t(r.lang, 'region.sync.failedNone', { member }),
        ),
      );
    else if (s)
      lines.push(
        t(r.lang, m.status === 'updated' ? 'region.sync.updated' : 'region.sync.unchanged', {
          member,
          ideas: s.ideas.length,
          commit: s.commit.slice(0, 7),
          parsed: m.parsed,
        }),
      );
  }
  if (lines.length > 0) o.out(`${lines.join('\n')}\n`);
  if (r.findings.length > 0) o.out(`\n${renderFindings(r.findings, r.lang, c)}\n`);
  const ideas = r.members.reduce((n, m) => n + (m.snapshot?.ideas.length ?? 0), 0);
  o.out(
    `${t(r.lang, 'region.sync.summary', {
      region: terminalLine(r.region.config.name),
      members: r.members.filter((m) => m.status !== 'failed').length,
      failed: r.members.filter((m) => m.status === 'failed').length,
      ideas,
    })}\n`,
  );
  return o.done(exitCode);
}

/** One line per member: how old the region's data about it is. */
export function ageLines(
  members: readonly { member: RegionMember; snapshot: MemberSnapshot | null }[],
  lang: Lang,
  now: Date,
): string[] {
  return members.map(({ member, snapshot }) => {
    const name = terminalLine(member.name);
    if (!snapshot) return t(lang, 'region.age.never', { member: terminalLine(member.id), name });
    const days = ageInDays(snapshot.syncedAt, now);
    return t(lang, 'region.age.line', {
      member: terminalLine(member.id),
      name,
      date: snapshot.syncedAt.slice(0, 10),
      age: days === 0 ? t(lang, 'region.age.today') : t(lang, 'region.age.days', { days }),
      commit: snapshot.commit.slice(0, 7),
    });
  });
}
