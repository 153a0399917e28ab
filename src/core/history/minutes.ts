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
}

export interface Minutes {
  registry: string;
  date: string;
  by: string | null;
  items: MinutesItem[];
  skipped: { id: string; title: string }[];
}

export function totalGranted(m: Minutes): number {
  return m.items.reduce((sum, i) => sum + (i.amount ?? 0), 0);
}

export function formatAmount(n: number, lang: Lang): string {
  return `${n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB')} kr`;
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
    out.push(`   ${t(lang, 'minutes.reason')}: ${i.reason}`);
  });
  if (m.skipped.length > 0) {
    out.push('', `## ${t(lang, 'minutes.skipped')}`, '');
    for (const s of m.skipped) out.push(`- **${s.id}** ${s.title}`);
  }
  out.push('', `**${t(lang, 'minutes.total')}: ${formatAmount(totalGranted(m), lang)}**`, '');
  return out.join('\n');
}
