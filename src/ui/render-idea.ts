import type { ChalkInstance } from 'chalk';
import { decisionWord } from '../core/sluice/decision.js';
import { fieldLabel } from '../core/criteria/schema-check.js';
import { daysSince, enteredStageOn, historyOf, isStartAction, type Idea } from '../core/sluice/idea.js';
import { type Lang } from '../core/i18n/i18n.js';
import { t } from './words.js';
import { formatAmount } from '../core/history/minutes.js';
import type { RegistryConfig } from '../core/sluice/config.js';
import { formatAge } from './render-list.js';
import { padEnd } from './text-width.js';
import { isRecord, ownValue, textOf } from '../core/safe-object.js';
import { terminalLine, terminalText } from '../core/terminal-text.js';
import {
  assignedWords,
  innerSchema,
  recordKeyWords,
  scalarWords,
  type ValueWords,
} from '../core/sluice/value-words.js';

type Schema = Record<string, unknown>;

function propertySchema(schemas: Schema[], name: string): Schema | null {
  for (const s of schemas) {
    const p = ownValue(s.properties, name) as Schema | undefined;
    if (p) return p;
  }
  return null;
}

/**
 * A field's value on one line, in the words every screen uses (core/sluice/value-words.ts); a list of records (sprints,
 * partners) gets a line per record, indented by `indent`.
 */
function formatValue(value: unknown, lang: Lang, indent: string, words: ValueWords = {}): string {
  if (Array.isArray(value) && value.length > 0) {
    const items = { schema: innerSchema(words.schema, null) };
    if (value.some(isRecord))
      return value.map((v) => `\n${indent}- ${formatValue(v, lang, `${indent}  `, items)}`).join('');
    return value.map((v) => formatValue(v, lang, indent, words)).join(', ');
  }
  if (isRecord(value))
    return Object.entries(value)
      .map(
        ([k, v]) =>
          `${terminalLine(recordKeyWords(k, lang, words.schema))}: ${formatValue(v, lang, indent, { schema: innerSchema(words.schema, k) })}`,
      )
      .join(', ');
  return terminalLine(scalarWords(value, lang, words));
}

/** One idea for a terminal: its title, stage and file, its fields by their labels, its history and its text. */
export function renderIdea(
  idea: Idea,
  config: RegistryConfig,
  schemas: Schema[],
  lang: Lang,
  today: Date,
  c: ChalkInstance,
): string {
  const label = (key: string) => terminalLine(config.stages.find((s) => s.key === key)?.label[lang] ?? key);
  const out: string[] = [];
  out.push(`${c.cyan(terminalLine(idea.id ?? '?'))}  ${c.bold(terminalLine(idea.title ?? ''))}`);
  const inStage = formatAge(daysSince(enteredStageOn(idea), today), lang);
  const rows: [string, string][] = [
    [t(lang, 'show.stage'), `${terminalLine(idea.stage.label[lang])}${inStage ? ` (${inStage})` : ''}`],
    [t(lang, 'show.path'), terminalLine(idea.path)],
  ];
  const labels: [string, unknown, string][] = [];
  for (const [name, value] of Object.entries(idea.data)) {
    if (['id', 'title', 'history'].includes(name)) continue;
    labels.push([
      terminalLine(fieldLabel(propertySchema(schemas, name), `/${name}`, lang).replace(/ \[[^\]]*\]$/, '')),
      value,
      name,
    ]);
  }
  const { challenges } = config;
  const w = Math.min(40, Math.max(...[...rows, ...labels].map(([k]) => k.length)) + 1);
  for (const [k, v, field] of labels)
    rows.push([
      k,
      formatValue(v, lang, ' '.repeat(w + 1), {
        field,
        challenges,
        schema: propertySchema(schemas, field) ?? undefined,
      }),
    ]);
  for (const [k, v] of rows) out.push(`${c.dim(padEnd(`${k}:`, w))} ${v}`.trimEnd());
  // A field in the history by its label ("Idébärare"), falling back on its key.
  const fieldName = (key: string) => {
    const schema = propertySchema(schemas, key);
    return schema ? fieldLabel(schema, `/${key}`, lang).replace(/ \[[^\]]*\]$/, '') : key;
  };
  const history = historyOf(idea);
  if (history.length > 0) {
    out.push('', c.bold(t(lang, 'show.history')));
    for (const e of history) {
      const what =
        e.action === 'moved'
          ? t(lang, 'history.moved', { from: label(textOf(e.from ?? '?')), to: label(textOf(e.to ?? '?')) })
          : e.action === 'imported' && e.to === undefined
            ? t(lang, 'history.importedUpdate')
            : isStartAction(e.action)
              ? t(lang, `history.${e.action}`, { to: label(textOf(e.to ?? '?')) })
              : e.action === 'decided'
                ? t(lang, 'history.decided', { decision: terminalLine(decisionWord(e.decision, lang)) })
                : e.action === 'assigned'
                  ? terminalLine(assignedWords(e, lang, { fieldLabel: fieldName, challenges }))
                  : terminalLine(textOf(e.action));
      const parts = [what];
      if (e.by) parts.push(`(${terminalLine(textOf(e.by))})`);
      if (e.decision && e.action !== 'decided') parts.push(`[${terminalLine(decisionWord(e.decision, lang))}]`);
      if (typeof e.amount === 'number') parts.push(formatAmount(e.amount, lang));
      // Who took no part in the decision: the minutes say so, and so does the idea's own record.
      if (e.conflicts) parts.push(`(${t(lang, 'history.conflicts', { names: terminalLine(textOf(e.conflicts)) })})`);
      if (e.note) parts.push(`— ${terminalLine(textOf(e.note))}`);
      out.push(`  ${c.dim(terminalLine(textOf(e.date)))}  ${parts.join(' ')}`);
    }
  }
  out.push('', idea.body.trim() ? terminalText(idea.body.trimEnd()) : c.dim(t(lang, 'show.noText')));
  return `${out.join('\n')}\n`;
}
