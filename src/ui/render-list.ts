import type { ChalkInstance } from 'chalk';
import { daysSince, grantedAmount, type IdeaFields } from '../core/idea.js';
import { formatAmount } from '../core/minutes.js';
import { t, type Lang } from '../core/i18n.js';
import { displayWidth, padEnd, truncate } from './text-width.js';

export function formatAge(days: number | null, lang: Lang): string {
  if (days === null) return '';
  if (days < 14) return t(lang, 'age.days', { n: days });
  if (days < 60) return t(lang, 'age.weeks', { n: Math.floor(days / 7) });
  if (days < 730) return t(lang, 'age.months', { n: Math.floor(days / 30.44) });
  return t(lang, 'age.years', { n: Math.floor(days / 365.25) });
}

/** The table of `ideas list`: id, title, stage, age and carrier, fitted to the terminal (80 columns when piped). */
export function renderIdeaList(ideas: IdeaFields[], lang: Lang, today: Date, width: number, c: ChalkInstance, funds = false): string {
  if (ideas.length === 0) return `${t(lang, 'out.noIdeas')}\n`;
  const money = (n: number) => (n > 0 ? formatAmount(n, lang) : '');
  const rows = ideas.map((i) => ({
    id: i.id ?? '?',
    title: i.title ?? '',
    stage: i.stage.label[lang],
    age: formatAge(daysSince(i.created, today), lang),
    // With --funds, the last column is the money granted instead of the carrier.
    carrier: funds ? money(grantedAmount(i)) : (i.carrier ?? ''),
  }));
  const head = { id: t(lang, 'col.id'), title: t(lang, 'col.title'), stage: t(lang, 'col.stage'), age: t(lang, 'col.age'), carrier: t(lang, funds ? 'col.granted' : 'col.carrier') };
  const widest = (key: keyof typeof head, cap: number) => Math.min(cap, Math.max(displayWidth(head[key]), ...rows.map((r) => displayWidth(r[key]))));
  const gap = 2;
  const idW = widest('id', 24);
  const stageW = widest('stage', 16);
  const ageW = widest('age', 8);
  let carrierW = widest('carrier', 20);
  let titleW = width - idW - stageW - ageW - carrierW - gap * 4;
  if (titleW < 16) {
    carrierW = Math.max(8, carrierW - (16 - titleW));
    titleW = Math.max(10, width - idW - stageW - ageW - carrierW - gap * 4);
  }
  titleW = Math.min(titleW, Math.max(displayWidth(head.title), ...rows.map((r) => displayWidth(r.title))));
  const line = (r: typeof head, style: (s: string) => string = (s) => s) =>
    [
      style(padEnd(truncate(r.id, idW), idW)),
      padEnd(truncate(r.title, titleW), titleW),
      padEnd(truncate(r.stage, stageW), stageW),
      padEnd(truncate(r.age, ageW), ageW),
      truncate(r.carrier, carrierW),
    ]
      .join(' '.repeat(gap))
      .trimEnd();
  const out = [c.bold(line(head))];
  for (const r of rows) out.push(line(r, c.cyan));
  if (funds) out.push(c.bold(`${t(lang, 'minutes.total')}: ${formatAmount(ideas.reduce((sum, i) => sum + grantedAmount(i), 0), lang)}`));
  return `${out.join('\n')}\n`;
}
