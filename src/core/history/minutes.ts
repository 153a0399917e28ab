import { formatDecimal } from '../i18n/number-format.js';
import { t, type Lang } from '../i18n/i18n.js';
import type { Decision } from '../sluice/decision.js';

export interface MinutesItem {
  id: string;
  title: string;
  decision: Decision;
  from: string;
  to: string | null;
  reason: string;
  amount: number | null;
  forced: boolean;
  /** Who decided it, when members declared a conflict of interest (jäv) and so took no part. */
  deciders?: string | null;
  /** The stages' keys (`from` and `to` are their labels), for the meeting's JSON document. */
  keys?: { from: string; to: string | null };
}

export interface MinutesIdea {
  id: string;
  title: string;
}

export interface Minutes {
  registry: string;
  date: string;
  by: string | null;
  items: MinutesItem[];
  skipped: { id: string; title: string }[];
  /** The ideas on the agenda still waiting when the meeting stopped (ended early, or Ctrl-C). */
  unhandled?: MinutesIdea[];
  /** Members who declared a conflict of interest (jäv) for an idea. */
  conflicts?: (MinutesIdea & { names: string[] })[];
  /** Fields the council set on an idea before deciding: the field's title and the value written. */
  completed?: (MinutesIdea & { field: string; value: string; name?: string; data?: unknown })[];
}

export function totalGranted(m: Minutes): number {
  return m.items.reduce((sum, i) => sum + (i.amount ?? 0), 0);
}

export function formatAmount(n: number, lang: Lang): string {
  return `${formatDecimal(n, lang, 3)} kr`;
}

/** The meeting's minutes as Markdown: a council keeps minutes. */
export function renderMinutes(m: Minutes, lang: Lang): string {
  const out: string[] = [];
  out.push(`# ${t(lang, 'minutes.title', { date: m.date })}`, '');
  out.push(`- ${t(lang, 'minutes.registry')}: ${m.registry}`);
  out.push(`- ${t(lang, 'minutes.date')}: ${m.date}`);
  out.push(`- ${t(lang, 'minutes.by')}: ${m.by ?? '–'}`);
  out.push('', `## ${t(lang, 'minutes.decisions')}`, '');
  if (m.items.length === 0) out.push(t(lang, 'minutes.none'));
  m.items.forEach((i, n) => {
    const where = i.to ? `${i.from} → ${i.to}` : i.from;
    const amount = i.amount !== null ? `, ${formatAmount(i.amount, lang)}` : '';
    const forced = i.forced ? ` (${t(lang, 'minutes.forced')})` : '';
    out.push(`${n + 1}. **${i.id}** ${i.title}: ${t(lang, `decision.${i.decision}`)} (${where}${amount})${forced}`);
    // Sent back: the council's words are advice to the carrier, as the meeting asked for them.
    out.push(`   ${t(lang, i.decision === 'return' ? 'minutes.advice' : 'minutes.reason')}: ${i.reason}`);
    if (i.deciders !== undefined && i.deciders !== m.by) out.push(`   ${t(lang, 'minutes.by')}: ${i.deciders ?? '–'}`);
  });
  if (m.skipped.length > 0) {
    out.push('', `## ${t(lang, 'minutes.skipped')}`, '');
    for (const s of m.skipped) out.push(`- **${s.id}** ${s.title}`);
  }
  if (m.completed && m.completed.length > 0) {
    out.push('', `## ${t(lang, 'minutes.completed')}`, '');
    for (const c of m.completed) out.push(`- **${c.id}** ${c.title}: ${c.field}: ${c.value}`);
  }
  if (m.conflicts && m.conflicts.length > 0) {
    out.push('', `## ${t(lang, 'minutes.conflicts')}`, '');
    for (const c of m.conflicts)
      out.push(`- **${c.id}** ${c.title}: ${t(lang, 'minutes.conflictNote', { names: c.names.join(', ') })}`);
  }
  if (m.unhandled && m.unhandled.length > 0) {
    out.push('', `## ${t(lang, 'minutes.unhandled')}`, '');
    for (const s of m.unhandled) out.push(`- **${s.id}** ${s.title}`);
  }
  out.push('', `**${t(lang, 'minutes.total')}: ${formatAmount(totalGranted(m), lang)}**`, '');
  return out.join('\n');
}
