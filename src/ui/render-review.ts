import type { ChalkInstance } from 'chalk';
import type { ReviewCard, ReviewItem } from '../core/sluice/agenda.js';
import { type Lang } from '../core/i18n/i18n.js';
import { t } from './words.js';
import { formatAge } from './render-list.js';
import { truncate } from './text-width.js';
import { terminalLine, terminalText } from '../core/terminal-text.js';
import { isNotGiven, valueWords, type ValueWords } from '../core/sluice/value-words.js';
import type { Challenge } from '../core/sluice/config.js';
import { fixHeading } from '../core/sluice/gate-fix.js';

const SUMMARY_LINES = 10;

function wrap(paragraph: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(truncate(line, width));
  return out;
}

/** The text of an idea, wrapped and cut to fit one screen with its card. */
function summarize(body: string, width: number): string[] {
  const paragraphs = body.trim().split(/\r?\n\s*\r?\n/);
  const lines = paragraphs.flatMap((p, i) => [...(i > 0 ? [''] : []), ...wrap(p.replace(/\s+/g, ' '), width)]);
  if (lines.length <= SUMMARY_LINES) return lines;
  return [...lines.slice(0, SUMMARY_LINES - 1), `${lines[SUMMARY_LINES - 1] ?? ''} …`];
}

/** One idea as the council sees it before deciding: who, how long, what, and the next gate's criteria. */
export function renderReviewCard(card: ReviewCard, width: number, c: ChalkInstance): string {
  const { idea, lang } = card;
  const out: string[] = ['', c.dim('─'.repeat(Math.min(width, 80)))];
  out.push(
    `${c.dim(t(lang, 'review.header', { n: card.n, total: card.total }))}  ${c.cyan(terminalLine(idea.id ?? ''))}  ${c.bold(terminalLine(idea.title ?? ''))}`,
  );
  const who = [
    idea.carrier ? `${t(lang, 'col.carrier').toLowerCase()}: ${terminalLine(idea.carrier)}` : null,
    idea.coach ? `${t(lang, 'review.coachLabel')}: ${terminalLine(idea.coach)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  if (who) out.push(who);
  if (card.conflicts && card.conflicts.length > 0)
    out.push(c.yellow(t(lang, 'review.conflicts', { names: terminalLine(card.conflicts.join(', ')) })));
  out.push(
    c.dim(
      t(lang, 'review.inStage', {
        age: formatAge(card.daysInStage, lang) || '0',
        stage: terminalLine(idea.stage.label[lang]),
      }),
    ),
  );
  out.push('', ...summarize(terminalText(idea.body), Math.min(width, 100) - 2).map((l) => `  ${l}`), '');
  out.push(...renderGate(card, lang, c, card.challenges));
  return `${out.join('\n')}\n`;
}

export function renderGate(
  item: ReviewItem,
  lang: Lang,
  c: ChalkInstance,
  challenges: readonly Challenge[] = [],
): string[] {
  if (!item.next) return [t(lang, 'review.noGate', { stage: terminalLine(item.idea.stage.label[lang]) })];
  // A gate whose criteria name no field, and that finds no problem: a line that says so, not a heading over nothing.
  if (item.checklist.length === 0)
    return [t(lang, 'review.gateAsksNothing', { to: terminalLine(item.next.label[lang]) })];
  const out = [c.bold(t(lang, 'review.gate', { to: terminalLine(item.next.label[lang]) }))];
  for (const x of item.checklist) {
    const label = terminalLine(x.label);
    if (x.status === 'met') out.push(`  ${c.green('✔')} ${label}`);
    else if (x.status === 'not-given')
      out.push(`  ${c.dim('–')} ${label}${c.dim(`: ${t(lang, 'criterion.notGiven')}`)}`);
    else {
      const problem = x.problem === null ? t(lang, 'review.unmet') : terminalLine(x.problem);
      out.push(`  ${c.red('✘')} ${label}${c.dim(`: ${problem}`)}`);
    }
    // What the idea says for each field the gate asks about (a test plan is read, not only ticked), when it says it.
    const value = Object.hasOwn(item.idea.data, x.field) ? item.idea.data[x.field] : undefined;
    out.push(...fieldValue(value, lang, { field: x.field, challenges, ...(x.schema ? { schema: x.schema } : {}) }));
  }
  if (item.fix && item.fix.length > 0)
    out.push(c.dim(t(lang, fixHeading(item.gate?.missing ?? []))), ...item.fix.map((f) => `  ${terminalLine(f)}`));
  return out;
}

const VALUE_WIDTH = 76;
const VALUE_LINES = 4;

/** A field's value under its criterion, indented: a long text wrapped to a few lines, in the words of core/sluice/value-words.ts. */
function fieldValue(value: unknown, lang: Lang, words: ValueWords): string[] {
  if (isNotGiven(value)) return [];
  const text = valueWords(value, lang, words);
  const lines = wrap(terminalText(text).replace(/\s+/g, ' '), VALUE_WIDTH);
  const shown =
    lines.length > VALUE_LINES ? [...lines.slice(0, VALUE_LINES - 1), `${lines[VALUE_LINES - 1]} …`] : lines;
  return shown.map((l) => `      ${l}`);
}
