import type { ChalkInstance } from 'chalk';
import { fieldLabel } from '../core/schema-check.js';
import { daysSince, enteredStageOn, historyOf, type Idea } from '../core/idea.js';
import { t, type Lang } from '../core/i18n.js';
import type { RegistryConfig } from '../core/config.js';
import { formatAge } from './render-list.js';
import { padEnd } from './text-width.js';

type Schema = Record<string, unknown>;

function propertySchema(schemas: Schema[], name: string): Schema | null {
  for (const s of schemas) {
    const p = (s.properties as Record<string, Schema> | undefined)?.[name];
    if (p) return p;
  }
  return null;
}

function formatValue(value: unknown, lang: Lang): string {
  if (value === true) return t(lang, 'yes');
  if (value === false) return t(lang, 'no');
  if (Array.isArray(value)) return value.map((v) => formatValue(v, lang)).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value ?? '');
}

/** One idea for a terminal: its title, stage and file, its fields by their labels, its history and its text. */
export function renderIdea(idea: Idea, config: RegistryConfig, schemas: Schema[], lang: Lang, today: Date, c: ChalkInstance): string {
  const label = (key: string) => config.stages.find((s) => s.key === key)?.label[lang] ?? key;
  const out: string[] = [];
  out.push(`${c.cyan(idea.id ?? '?')}  ${c.bold(idea.title ?? '')}`);
  const inStage = formatAge(daysSince(enteredStageOn(idea), today), lang);
  const rows: [string, string][] = [
    [t(lang, 'show.stage'), `${idea.stage.label[lang]}${inStage ? ` (${inStage})` : ''}`],
    [t(lang, 'show.path'), idea.path],
  ];
  for (const [name, value] of Object.entries(idea.data)) {
    if (['id', 'title', 'history'].includes(name)) continue;
    rows.push([fieldLabel(propertySchema(schemas, name), `/${name}`, lang).replace(/ \[[^\]]*\]$/, ''), formatValue(value, lang)]);
  }
  const w = Math.min(32, Math.max(...rows.map(([k]) => k.length)) + 1);
  for (const [k, v] of rows) out.push(`${c.dim(padEnd(`${k}:`, w))} ${v}`);
  const history = historyOf(idea);
  if (history.length > 0) {
    out.push('', c.bold(t(lang, 'show.history')));
    for (const e of history) {
      const what =
        e.action === 'moved'
          ? t(lang, 'history.moved', { from: label(String(e.from ?? '?')), to: label(String(e.to ?? '?')) })
          : e.action === 'created' || e.action === 'imported'
            ? t(lang, `history.${e.action}`, { to: label(String(e.to ?? '?')) })
            : e.action === 'decided'
              ? t(lang, 'history.decided', { decision: String(e.decision ?? '') })
              : String(e.action ?? '');
      const parts = [what];
      if (e.by) parts.push(`(${e.by})`);
      if (e.decision && e.action !== 'decided') parts.push(`[${e.decision}]`);
      if (typeof e.amount === 'number') parts.push(`${e.amount.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB')} kr`);
      if (e.note) parts.push(`— ${e.note}`);
      out.push(`  ${c.dim(String(e.date ?? ''))}  ${parts.join(' ')}`);
    }
  }
  out.push('', idea.body.trim() ? idea.body.trimEnd() : c.dim(t(lang, 'show.noText')));
  return `${out.join('\n')}\n`;
}
