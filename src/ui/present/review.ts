/** `ideas review`: the agenda (with --dry-run), or the minutes of the meeting held. */
import { type Lang, type Localized } from '../../core/i18n/i18n.js';
import { t } from '../words.js';
import type { Minutes } from '../../core/history/minutes.js';
import type { ReviewItem } from '../../core/sluice/agenda.js';
import type { RegistryRef, Stage } from '../../core/sluice/config.js';
import { isoDate } from '../../core/sluice/idea.js';
import { reviewAgendaDocument, reviewMinutesDocument } from '../dto.js';
import { renderGate } from '../render-review.js';
import { EXIT, jsonText, output, type Output, type View } from '../output.js';
import { terminalLine, terminalText } from '../../core/terminal-text.js';
import { shellQuote } from '../../core/shell/quote.js';

export interface ReviewView {
  registry: RegistryRef;
  lang: Lang;
  agenda: ReviewItem[];
  /** When the agenda is empty: where ideas still wait, and the command that takes each stage up. */
  waiting?: readonly { stage: Stage; count: number; command: Localized }[];
  minutes: Minutes | null;
  minutesText: string | null;
  minutesFile: string | null;
  /** The minutes' file as `git add` takes it from where the command ran. */
  minutesShown?: string | null;
  cancelled: boolean;
}

/** Under an empty agenda: the stages where ideas still wait, and a command a line that takes each up. */
function waitingText(r: ReviewView): string {
  const waiting = r.waiting ?? [];
  if (waiting.length === 0) return '';
  const stages = waiting.map((w) => t(r.lang, 'review.waitingStage', { stage: w.stage.label[r.lang], count: w.count }));
  const lines = [t(r.lang, 'review.waitingElsewhere', { stages: stages.join(', ') })];
  for (const w of waiting) lines.push(`  ${w.command[r.lang]}`);
  return `${terminalText(lines.join('\n'))}\n`;
}

export function presentReview(
  r: ReviewView,
  opts: { json: boolean; dryRun: boolean; minutesAsked?: boolean },
  v: View,
): Output {
  const o = output();
  if (opts.dryRun) {
    if (opts.json) {
      o.out(jsonText(reviewAgendaDocument(r.registry, r.agenda, r.lang, v.today)));
    } else {
      const c = v.out;
      if (r.agenda.length === 0) o.out(`${t(r.lang, 'review.empty')}\n${waitingText(r)}`);
      // A heading with the day and the registry, for the council's papers.
      else {
        const heading = t(r.lang, 'review.agendaHeading', {
          date: isoDate(v.today),
          registry: terminalLine(r.registry.config.name),
          count: r.agenda.length,
        });
        o.out(`${c.bold(heading)}\n\n`);
      }
      for (const a of r.agenda)
        o.out(
          `${c.cyan(terminalLine(a.idea.id ?? ''))}  ${terminalLine(a.idea.title ?? '')}  ${c.dim(terminalLine(`(${a.idea.stage.label[r.lang]})`))}\n${renderGate(
            a,
            r.lang,
            c,
            r.registry.config.challenges,
          )
            .map((l) => `  ${l}`)
            .join('\n')}\n`,
        );
      // The agenda as prepared, and where else ideas wait: a chair sees what the meeting will not take up.
      if (r.agenda.length > 0 && (r.waiting ?? []).length > 0) o.out(`\n${waitingText(r)}`);
    }
    return o.done();
  }
  if (r.agenda.length === 0) {
    o.err(`${t(r.lang, 'review.empty')}\n${waitingText(r)}`);
    // No meeting was held: the file --minutes named is not made.
    if (opts.minutesAsked) o.err(`${t(r.lang, 'review.noMinutes')}\n`);
  }
  if (opts.json && r.minutes) {
    o.out(jsonText(reviewMinutesDocument(r.registry, r.minutes, r)));
  } else if (r.minutesText !== null) o.out(terminalText(r.minutesText));
  if (r.minutesFile) o.err(`${v.err.green(t(r.lang, 'review.written', { file: r.minutesFile }))}\n`);
  // What was decided is staged, not committed: the line that saves the meeting, its minutes with it.
  const written = (r.minutes?.items.length ?? 0) + (r.minutes?.completed?.length ?? 0);
  if (written > 0 && !opts.json && r.minutes) {
    const message = shellQuote(t(r.registry.config.language, 'review.commitMessage', { date: r.minutes.date }));
    const add = r.minutesShown ? `git add ${shellQuote(r.minutesShown)} && ` : '';
    o.err(`${terminalLine(t(r.lang, 'review.commitHint', { command: `${add}git commit -m ${message}` }))}\n`);
  }
  return o.done(r.cancelled ? EXIT.cancelled : EXIT.ok);
}
