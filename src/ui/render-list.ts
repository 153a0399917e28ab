import type { ChalkInstance } from 'chalk';
import { daysSince, type IdeaSummary } from '../core/sluice/idea.js';
import { formatAmount } from '../core/history/minutes.js';
import { type Lang } from '../core/i18n/i18n.js';
import { t } from './words.js';
import { cell, fit, lineCell, type Cell } from './text-width.js';
import { terminalLine } from '../core/terminal-text.js';

export function formatAge(days: number | null, lang: Lang): string {
  if (days === null) return '';
  if (days < 14) return t(lang, 'age.days', { n: days });
  if (days < 60) return t(lang, 'age.weeks', { n: Math.floor(days / 7) });
  if (days < 730) return t(lang, 'age.months', { n: Math.floor(days / 30.44) });
  return t(lang, 'age.years', { n: Math.floor(days / 365.25) });
}

/**
 * The table of `ideas list`: id, title, stage, age and carrier, fitted to a terminal `width` columns wide. Piped to
 * another program (`width` null) nothing is cut: a title cut to fit no screen would lose words for grep or a file.
 */
export function renderIdeaList(
  ideas: IdeaSummary[],
  lang: Lang,
  today: Date,
  width: number | null,
  c: ChalkInstance,
  funds = false,
): string {
  if (ideas.length === 0) return `${t(lang, 'out.noIdeas')}\n`;
  const money = (n: number) => (n > 0 ? formatAmount(n, lang) : '');
  // Dates and stages repeat (a few thousand and seven among 10,000 ideas): each cell of them is made once.
  const once = <K>(make: (key: K) => string) => {
    const made = new Map<K, Cell>();
    return (key: K): Cell => {
      let c = made.get(key);
      if (!c) made.set(key, (c = cell(make(key))));
      return c;
    };
  };
  const age = once((created: string | null) => formatAge(daysSince(created, today), lang));
  const stage = once((s: IdeaSummary['stage']) => terminalLine(s.label[lang]));
  // Each cell is flattened to one line and measured once, not once for the column's width and again to fit it.
  const rows = ideas.map((i) => ({
    id: lineCell(i.id ?? '?'),
    title: lineCell(i.title ?? ''),
    stage: stage(i.stage),
    age: age(i.created),
    // With --funds, the last column is the money granted instead of the carrier.
    carrier: funds ? cell(money(i.granted)) : lineCell(i.carrier ?? ''),
  }));
  const head = {
    id: cell(t(lang, 'col.id')),
    title: cell(t(lang, 'col.title')),
    stage: cell(t(lang, 'col.stage')),
    age: cell(t(lang, 'col.age')),
    carrier: cell(t(lang, funds ? 'col.granted' : 'col.carrier')),
  };
  const widest = (key: keyof typeof head, cap: number) => {
    let w = head[key].width;
    // By index: for...of makes an object for each step until the loop is optimized, 50,000 of them at 10,000 ideas.
    for (let i = 0; i < rows.length; i++) {
      const width = (rows[i] as (typeof rows)[number])[key].width;
      if (width > w) w = width;
    }
    return Math.min(cap, w);
  };
  const gap = ' '.repeat(2);
  const cap = (n: number) => (width === null ? Infinity : n);
  const idW = widest('id', cap(24));
  const stageW = widest('stage', cap(16));
  const ageW = widest('age', cap(8));
  let carrierW = widest('carrier', cap(20));
  let titleW = widest('title', Infinity);
  if (width !== null) {
    titleW = width - idW - stageW - ageW - carrierW - gap.length * 4;
    if (titleW < 16) {
      carrierW = Math.max(8, carrierW - (16 - titleW));
      titleW = Math.max(10, width - idW - stageW - ageW - carrierW - gap.length * 4);
    }
    titleW = Math.min(titleW, widest('title', Infinity));
  }
  const line = (r: typeof head, style: (s: string) => string = (s) => s) =>
    `${style(fit(r.id, idW))}${gap}${fit(r.title, titleW)}${gap}${fit(r.stage, stageW)}${gap}${fit(r.age, ageW)}${gap}${fit(r.carrier, carrierW, false)}`.trimEnd();
  const out = [c.bold(line(head))];
  for (const r of rows) out.push(line(r, c.cyan));
  if (funds)
    out.push(
      c.bold(
        `${t(lang, 'minutes.total')}: ${formatAmount(
          ideas.reduce((sum, i) => sum + i.granted, 0),
          lang,
        )}`,
      ),
    );
  return `${out.join('\n')}\n`;
}
