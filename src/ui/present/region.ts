/** `ideas region …`: what a region holds, how old it is, and what went wrong with which member. */
import type { Finding } from '../../core/finding.js';
import { type Lang, type Localized } from '../../core/i18n/i18n.js';
import { t } from '../words.js';
import { ageInDays } from '../../core/region/age.js';
import type { IdClash } from '../../core/region/clashes.js';
import { REGION_FILE, type MemberAlike, type RegionConfig, type RegionMember } from '../../core/region/config.js';
import { shellQuote } from '../../core/shell/quote.js';
import {
  memberFieldLabel,
  type MemberSnapshot,
  type RegionIdea,
  type SnapshotSummary,
} from '../../core/region/snapshot.js';
import { documentOut, EXIT, jsonParts, jsonText, output, type Output, type View } from '../output.js';
import {
  regionCreatedDocument,
  regionDuplicatesDocument,
  regionMemberAddedDocument,
  regionMemberRemovedDocument,
  regionIdeaDocument,
  regionExportDocument,
  regionListDocument,
  regionReportDocument,
  regionSiteDocument,
  regionSyncDocument,
} from '../dto.js';
import {
  renderRegionReportCsv,
  renderRegionReportMarkdown,
  renderRegionReportText,
  type RegionFigures,
} from '../render-region-report.js';
import { cell, fit, lineCell } from '../text-width.js';
import type { IdeaTable } from '../../core/exchange/idea-row.js';
import { renderIdeaTableCsv } from '../render-export.js';
import { renderValidationGithub } from '../render-validation.js';
import type { IdeaSpread } from '../../core/region/spread.js';
import { terminalLine, terminalLines, terminalText } from '../../core/terminal-text.js';
import { valueWords } from '../../core/sluice/value-words.js';
import type { Challenge, RegistryConfig } from '../../core/sluice/config.js';
import type { ChalkInstance } from 'chalk';

/** Each finding with its place in ideas.region.yaml, severity, message, rule and what to do. */
function renderFindings(findings: readonly Finding[], lang: Lang, c: ChalkInstance): string {
  const out: string[] = [];
  for (const f of findings) {
    const where = `${f.file}:${f.line ?? 0}:${f.column ?? 0}`;
    const sev = f.severity === 'error' ? c.red(t(lang, 'severity.error')) : c.yellow(t(lang, 'severity.warning'));
    out.push(`${c.dim(terminalLine(where))} ${sev}  ${terminalLine(f.message)}  ${c.dim(terminalLine(f.rule))}`);
    if (f.hint) out.push(`  ${c.dim(`→ ${terminalLine(f.hint)}`)}`);
  }
  return `${out.join('\n')}\n`;
}

export interface RegionInitView {
  lang: Lang;
  root: string;
  name: string;
  file: string;
  gitInit: boolean;
  staged?: boolean;
}

export function presentRegionInit(r: RegionInitView, json: boolean): Output {
  const o = output();
  if (json) {
    o.out(jsonText(regionCreatedDocument(r)));
    return o.done();
  }
  const lines = [
    `${t(r.lang, 'region.init.done', { file: terminalLine(r.file) })}${r.staged ? ` ${t(r.lang, 'out.staged')}` : ''}`,
  ];
  if (r.gitInit) lines.push(t(r.lang, 'region.init.git'));
  lines.push(t(r.lang, 'region.init.next'));
  o.out(`${lines.join('\n')}\n`);
  return o.done();
}

export interface RegionAddView {
  region: { root: string; file: string; config: RegionConfig };
  lang: Lang;
  member: RegionMember;
}

/** Warnings of `ideas region add`: other members with the new one's name or municipality code. */
function alikeLines(r: RegionAddView & { alike: readonly MemberAlike[] }): string[] {
  return r.alike.map((a) =>
    terminalLine(
      `${t(r.lang, 'severity.warning')}: ${t(r.lang, a.field === 'name' ? 'region.add.sameName' : 'region.add.sameMunicipality', { value: a.value, members: a.members.join(', ') })}`,
    ),
  );
}

export function presentRegionAdd(r: RegionAddView & { alike: readonly MemberAlike[] }, json: boolean): Output {
  const o = output();
  // On stderr with --json too: the document is the member added, as it was before.
  for (const line of alikeLines(r)) o.err(`${line}\n`);
  if (json) {
    o.out(jsonText(regionMemberAddedDocument(r)));
    return o.done();
  }
  const { id, name } = r.member;
  o.out(`${terminalLine(REGION_FILE)}\n`);
  o.err(`${terminalLine(t(r.lang, 'region.add.done', { id, name, file: REGION_FILE }))}\n`);
  o.err(`${t(r.lang, 'region.add.next', { idArg: shellQuote(id) })}\n`);
  return o.done();
}

export function presentRegionRemove(r: RegionAddView, json: boolean): Output {
  const o = output();
  if (json) {
    o.out(jsonText(regionMemberRemovedDocument(r)));
    return o.done();
  }
  const { id, name, url, municipality, branch, path, site } = r.member;
  // The line that brings it back, as `ideas region add` takes it.
  const flags: [string, string | null | undefined][] = [
    ['--name', name],
    ['--municipality', municipality],
    ['--branch', branch],
    ['--path', path],
    ['--site', site],
  ];
  const add = ['ideas region add', shellQuote(id), shellQuote(url)];
  for (const [flag, value] of flags) if (value) add.push(flag, shellQuote(value));
  o.out(`${terminalLine(REGION_FILE)}\n`);
  o.err(`${terminalLine(t(r.lang, 'region.remove.done', { id, name, file: REGION_FILE }))}\n`);
  o.err(`${terminalLine(t(r.lang, 'region.remove.undo', { command: add.join(' ') }))}\n`);
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
  /** Every member's last good data, those not synced now (`--member`, or failed) too. */
  regionIdeas: number;
  ok: boolean;
}

export function presentRegionSync(r: RegionSyncView, format: 'pretty' | 'json' | 'github', v: View): Output {
  const o = output();
  const exitCode = r.ok ? EXIT.ok : EXIT.problems;
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.length - errors;
  if (format === 'json') {
    o.out(jsonText(regionSyncDocument(r, v.today)));
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
  o.out(
    `${t(r.lang, 'region.sync.summary', {
      region: terminalLine(r.region.config.name),
      members: r.members.filter((m) => m.status !== 'failed').length,
      failed: r.members.filter((m) => m.status === 'failed').length,
      ideas: r.regionIdeas,
    })}\n`,
  );
  return o.done(exitCode);
}

/** One line per member: how old the region's data about it is. */
function ageLines(
  members: readonly { member: RegionMember; snapshot: SnapshotSummary | null; failure?: FailureView | null }[],
  lang: Lang,
  now: Date,
): string[] {
  return members.map(({ member, snapshot, failure }) => {
    const name = terminalLine(member.name);
    const failed = failure
      ? ` ${t(lang, 'region.age.failed', { date: failure.at.slice(0, 10), reason: terminalLine(failure.message[lang]) })}`
      : '';
    if (!snapshot) return `${t(lang, 'region.age.never', { member: terminalLine(member.id), name })}${failed}`;
    const days = ageInDays(snapshot.syncedAt, now);
    return failed === ''
      ? t(lang, 'region.age.line', {
          member: terminalLine(member.id),
          name,
          date: snapshot.syncedAt.slice(0, 10),
          age: days === 0 ? t(lang, 'region.age.today') : t(lang, 'region.age.days', { days }),
          commit: snapshot.commit.slice(0, 7),
        })
      : `${t(lang, 'region.age.line', {
          member: terminalLine(member.id),
          name,
          date: snapshot.syncedAt.slice(0, 10),
          age: days === 0 ? t(lang, 'region.age.today') : t(lang, 'region.age.days', { days }),
          commit: snapshot.commit.slice(0, 7),
        })}${failed}`;
  });
}

/** Why the latest sync of a member failed. */
interface FailureView {
  at: string;
  message: Localized;
}

export interface RegionListView {
  region: { config: RegionConfig };
  lang: Lang;
  members: { member: RegionMember; snapshot: MemberSnapshot | null; failure?: FailureView | null }[];
  rows: { member: RegionMember; stageLabel: Localized | null; idea: RegionIdea }[];
}

/** The ideas of every member, each labelled by its municipality; then how old each member's data is. */
export function presentRegionList(r: RegionListView, json: boolean, v: View): Output {
  const o = output();
  if (json) {
    o.out(jsonText(regionListDocument(r, v.today)));
    return o.done();
  }
  const c = v.out;
  if (r.rows.length === 0) o.out(`${t(r.lang, 'region.list.empty')}\n`);
  else {
    const rows = r.rows.map((row) => ({
      member: lineCell(row.member.name),
      id: lineCell(row.idea.id ?? '?'),
      stage: lineCell(row.stageLabel?.[r.lang] ?? row.idea.stage),
      title: lineCell(row.idea.title ?? ''),
    }));
    const head = {
      member: cell(t(r.lang, 'region.col.member')),
      id: cell(t(r.lang, 'region.col.id')),
      stage: cell(t(r.lang, 'region.col.stage')),
      title: cell(t(r.lang, 'region.col.title')),
    };
    // Fitted to a terminal's width; in a pipe or a file every cell whole, as `ideas list` writes it.
    const width = v.outIsTTY ? v.outWidth : null;
    const cap = (n: number) => (width === null ? Infinity : n);
    const widest = (key: keyof typeof head, most: number) => {
      // By a loop: a region's 75,000 rows are too many arguments for Math.max.
      let w = head[key].width;
      for (const x of rows) if (x[key].width > w) w = x[key].width;
      return Math.min(most, w);
    };
    const memberW = widest('member', cap(20));
    const idW = widest('id', cap(24));
    const stageW = widest('stage', cap(16));
    const titleW =
      width === null
        ? widest('title', Infinity)
        : Math.max(10, Math.min(widest('title', Infinity), width - memberW - idW - stageW - 6));
    const line = (x: typeof head, style: (s: string) => string = (s) => s) =>
      `${fit(x.member, memberW)}  ${style(fit(x.id, idW))}  ${fit(x.stage, stageW)}  ${fit(x.title, titleW, false)}`.trimEnd();
    o.out(`${[c.bold(line(head)), ...rows.map((x) => line(x, c.cyan))].join('\n')}\n`);
  }
  const counted = r.members.filter((m) => m.snapshot !== null).length;
  o.out(
    `\n${t(r.lang, 'region.list.count', { ideas: r.rows.length, members: counted })}\n${ageLines(
      r.members,
      r.lang,
      v.today,
    )
      .map((l) => c.dim(l))
      .join('\n')}\n`,
  );
  return o.done();
}

export interface RegionShowView {
  region: { config: RegionConfig };
  lang: Lang;
  held: { member: RegionMember; snapshot: MemberSnapshot };
  stageLabel: Localized | null;
  idea: RegionIdea;
  spread: IdeaSpread;
}

/** Where the idea comes from, who took it up, and its spread kit: what `ideas region show` adds for spreading. */
function spreadLines(r: RegionShowView, v: View): string[] {
  const { basedOn, adoptedBy, kit } = r.spread;
  const c = v.out;
  const nameOf = (id: string) => r.region.config.members.find((m) => m.id === id)?.name ?? id;
  const out: string[] = [];
  if (basedOn) {
    const title = basedOn.title === null ? '' : ` «${basedOn.title}»`;
    out.push(
      terminalLine(
        t(r.lang, basedOn.held ? 'region.show.basedOn' : 'region.show.basedOnGone', {
          ref: `${basedOn.member}:${basedOn.id}`,
          title,
          member: nameOf(basedOn.member),
          commit: basedOn.commit.slice(0, 7),
        }),
      ),
    );
  }
  if (adoptedBy.length > 0) {
    out.push(t(r.lang, 'region.show.adoptedBy', { count: adoptedBy.length }));
    for (const a of adoptedBy)
      out.push(
        `  ${c.cyan(terminalLine(`${a.member}:${a.id}`))}  ${terminalLine(a.title ?? '')}  ${c.dim(terminalLine(`(${nameOf(a.member)}${a.created ? `, ${a.created}` : ''})`))}`,
      );
  }
  if (kit.length > 0) {
    const lacking = kit.filter((k) => !k.given);
    out.push(
      lacking.length === 0
        ? t(r.lang, 'region.show.kitComplete')
        : terminalLine(t(r.lang, 'region.show.kitLacks', { parts: lacking.map((k) => k.title[r.lang]).join(', ') })),
    );
  }
  return out;
}

/** One idea of the region, its municipality, its public fields and text, and how old the data is. */
export function presentRegionShow(r: RegionShowView, json: boolean, v: View): Output {
  const o = output();
  const { member, snapshot } = r.held;
  if (json) {
    o.out(jsonText(regionIdeaDocument(r, v.today)));
    return o.done();
  }
  const c = v.out;
  const lines = [c.bold(terminalLine(r.idea.title ?? r.idea.id ?? r.idea.path))];
  const code = member.municipality ? ` (${member.municipality})` : '';
  lines.push(`${t(r.lang, 'region.show.member')}: ${terminalLine(member.name)}${code}`);
  lines.push(`${t(r.lang, 'region.col.id')}: ${terminalLine(`${member.id}:${r.idea.id ?? r.idea.path}`)}`);
  lines.push(`${t(r.lang, 'region.col.stage')}: ${terminalLine(r.stageLabel?.[r.lang] ?? r.idea.stage)}`);
  // Each field and a challenge by its member's label for it, as `ideas show` says them; a state from before the sync
  // kept challenges names them by id.
  const challenges = snapshot.registry.challenges ?? [];
  for (const [key, value] of Object.entries(r.idea.data)) {
    if (key === 'title' || key === 'id' || key === 'history' || key === 'basedOn') continue;
    const name = memberFieldLabel(snapshot.registry, key, r.lang);
    lines.push(`${terminalLine(name)}: ${terminalLine(valueWords(value, r.lang, { field: key, challenges }))}`);
  }
  if (member.site) lines.push(`${t(r.lang, 'region.show.site')}: ${terminalLine(member.site)}`);
  lines.push(...spreadLines(r, v));
  const days = ageInDays(snapshot.syncedAt, v.today);
  lines.push(
    c.dim(
      t(r.lang, 'region.show.data', {
        date: snapshot.syncedAt.slice(0, 10),
        age: days === 0 ? t(r.lang, 'region.age.today') : t(r.lang, 'region.age.days', { days }),
        commit: snapshot.commit.slice(0, 7),
      }),
    ),
  );
  const body = r.idea.body.trim();
  o.out(`${lines.join('\n')}\n${body ? `\n${terminalText(body)}\n` : ''}`);
  return o.done();
}

interface PairSideView {
  member: RegionMember;
  idea: RegionIdea;
  stageLabel: Localized | null;
}

export interface RegionDuplicatesView {
  region: { config: RegionConfig };
  lang: Lang;
  members: { member: RegionMember; snapshot: MemberSnapshot | null; failure?: FailureView | null }[];
  pairs: { score: number; shared: string[]; a: PairSideView; b: PairSideView }[];
}

/** Pairs of similar ideas in different municipalities, the most alike first, each side with its stage and unit. */
export function presentRegionDuplicates(r: RegionDuplicatesView, json: boolean, v: View): Output {
  const o = output();
  if (json) {
    o.out(jsonText(regionDuplicatesDocument(r, v.today)));
    return o.done();
  }
  const c = v.out;
  const lines: string[] = [];
  const describe = (s: PairSideView) =>
    [
      terminalLine(s.member.name),
      c.cyan(terminalLine(`${s.member.id}:${s.idea.id ?? s.idea.path}`)),
      terminalLine(s.stageLabel?.[r.lang] ?? s.idea.stage),
      ...(s.idea.unit ? [terminalLine(s.idea.unit)] : []),
    ].join(' · ');
  for (const p of r.pairs) {
    lines.push(
      c.bold(`${p.score.toFixed(2)}  ${terminalLine(p.a.idea.title ?? '')}  ↔  ${terminalLine(p.b.idea.title ?? '')}`),
    );
    lines.push(`      ${describe(p.a)}`);
    lines.push(`      ${describe(p.b)}`);
    lines.push('');
  }
  lines.push(
    r.pairs.length === 0 ? t(r.lang, 'region.dup.none') : t(r.lang, 'region.dup.count', { pairs: r.pairs.length }),
  );
  lines.push(...ageLines(r.members, r.lang, v.today).map((l) => c.dim(l)));
  o.out(`${lines.join('\n')}\n`);
  return o.done();
}

export interface RegionReportView {
  region: { config: RegionConfig };
  lang: Lang;
  members: { member: RegionMember; snapshot: SnapshotSummary | null; failure?: FailureView | null }[];
  report: RegionFigures;
}

/** The funnel, time in stage and goals of the region and of each municipality; then how old each member's data is. */
export function presentRegionReport(r: RegionReportView, format: 'text' | 'md' | 'json' | 'csv', v: View): Output {
  const o = output();
  // The figures alone: the snapshots (every idea's text) stay out of what is laid out and made safe for a terminal.
  const figures: RegionFigures = {
    region: r.report.region,
    members: r.report.members.map((m) => ({
      member: m.member,
      config: m.config,
      report: m.report,
      withheld: m.withheld,
    })),
    breakdowns: r.report.breakdowns ?? [],
  };
  if (format === 'json') {
    o.out(jsonText(regionReportDocument({ ...r, report: figures }, v.today)));
    return o.done();
  }
  if (figures.members.length === 0) o.err(`${v.err.yellow(t(r.lang, 'region.report.none'))}\n`);
  // `;` for a Swedish region (Swedish Excel splits on it, the comma is its decimal sign), as `ideas report` does.
  if (format === 'csv') {
    o.out(documentOut(renderRegionReportCsv(figures, r.lang, r.region.config.language === 'sv' ? ';' : ','), v));
    return o.done();
  }
  const ages = ageLines(r.members, r.lang, v.today);
  if (format === 'md') o.out(documentOut(renderRegionReportMarkdown({ report: figures, ages }, r.lang), v));
  else
    o.out(
      renderRegionReportText(terminalLines({ report: figures, ages }), r.lang, v.out, {
        bars: v.outIsTTY,
        width: v.outWidth,
      }),
    );
  return o.done();
}

export interface RegionExportView {
  region: { config: RegionConfig };
  lang: Lang;
  members: { member: RegionMember; snapshot: MemberSnapshot | null; failure?: FailureView | null }[];
  table: IdeaTable;
  delimiter: string;
  /** The members' stages, as one config: the CSV names stages by their labels. */
  labels: RegistryConfig;
  header: string[];
  /** Each member's challenges by its id: a row's challenge is named by its own member's label for it. */
  challenges: ReadonlyMap<string, readonly Pick<Challenge, 'id' | 'label'>[]>;
}

/**
 * The region's ideas as CSV (as `ideas export` writes it: formula-leading cells guarded, a byte order mark, CRLF) or
 * JSON. How old each member's data is goes to stderr with CSV, so that the file stays a table.
 */
export function presentRegionExport(r: RegionExportView, format: 'csv' | 'json', v: View): Output {
  const o = output();
  if (format === 'json') {
    o.out(jsonParts(regionExportDocument(r, v.today)));
    return o.done();
  }
  const ownChallenges = (row: number) => r.challenges.get(String(r.table.rows[row]?.[0])) ?? [];
  o.out(documentOut(renderIdeaTableCsv(r.table, r.labels, r.delimiter, r.header, ownChallenges), v));
  o.err(
    `${ageLines(r.members, r.lang, v.today)
      .map((l) => v.err.dim(l))
      .join('\n')}\n`,
  );
  return o.done();
}

export interface RegionSiteView {
  region: { root: string; config: RegionConfig };
  lang: Lang;
  members: { member: RegionMember; snapshot: MemberSnapshot | null; failure?: FailureView | null }[];
  out: string;
  pages: number;
}

export function presentRegionSite(r: RegionSiteView, json: boolean, v: View): Output {
  const o = output();
  if (json) {
    o.out(jsonText(regionSiteDocument(r, v.today)));
    return o.done();
  }
  // The folder alone, for a script: as it is into a pipe, made safe on a terminal (as `ideas site` gives its own).
  o.out(documentOut(`${r.out}\n`, v));
  o.err(`${v.err.green(t(r.lang, 'region.site.written', { dir: r.out, count: r.pages }))}\n`);
  o.err(
    `${ageLines(r.members, r.lang, v.today)
      .map((l) => v.err.dim(l))
      .join('\n')}\n`,
  );
  return o.done();
}
