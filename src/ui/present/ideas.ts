/** The commands that show ideas or change one: new, list, show, move, decide, assign. */
import { shellQuote } from '../../core/shell/quote.js';
import type { RegistryRef, Stage } from '../../core/sluice/config.js';
import type { Decision } from '../../core/sluice/decision.js';
import type { Idea, IdeaSummary } from '../../core/sluice/idea.js';
import type { Similar } from '../../core/sluice/similarity.js';
import { type Lang } from '../../core/i18n/i18n.js';
import { t } from '../words.js';
import {
  ideaAssignedDocument,
  ideaCreatedDocument,
  ideaDecidedDocument,
  ideaDocument,
  ideaEditDocument,
  ideaListDocument,
  ideaMovedDocument,
  type Dto,
} from '../dto.js';
import { renderIdea } from '../render-idea.js';
import { renderIdeaList } from '../render-list.js';
import { renderGate } from '../render-review.js';
import { valueWords } from '../../core/sluice/value-words.js';
import type { FieldTitles } from '../../core/criteria/field-titles.js';
import type { ChecklistItem } from '../../core/sluice/gate.js';
import { jsonParts, jsonText, output, type Output, type View } from '../output.js';
import { terminalLine } from '../../core/terminal-text.js';
import { renderNeighbours, type NeighbourView } from './region-similar.js';

/** Files that could not be read are left out of list, report, export and site: say so, and where to look. */
export function unreadableWarning(count: number, lang: Lang, v: View): string {
  return count > 0 ? `${v.err.yellow(t(lang, 'out.unreadable', { count }))}\n` : '';
}

export interface NewView {
  registry: RegistryRef;
  lang: Lang;
  idea: Idea;
  staged: boolean;
  committed: boolean;
  similar: Similar<Idea>[];
  elsewhere: NeighbourView[];
  elsewhereShown: boolean;
}

export function presentNew(r: NewView, json: boolean, v: View): Output {
  const o = output();
  if (json) {
    o.out(jsonText(ideaCreatedDocument(r.registry, r.idea, r.lang, v.today, r)));
    return o.done();
  }
  const c = v.err;
  o.out(`${terminalLine(r.idea.path)}\n`);
  o.err(
    // The path is the line above, on stdout: said once.
    `${c.green(terminalLine(t(r.lang, 'out.createdIdea', { id: r.idea.id ?? '' })))}${r.committed ? ` ${t(r.lang, 'out.committed')}` : r.staged ? ` ${c.dim(t(r.lang, 'out.staged'))}` : ''}\n`,
  );
  // Staged, not saved: what comes next, as init says it (found by a newcomer, who was told nothing more).
  if (r.staged && !r.committed && r.idea.id)
    o.err(`${c.dim(t(r.lang, 'out.newNext', { idArg: shellQuote(r.idea.id) }))}\n`);
  if (r.similar.length > 0) {
    o.err(`\n${c.yellow(t(r.lang, 'out.similar'))}\n`);
    for (const s of r.similar)
      o.err(
        `  ${c.cyan(terminalLine(s.item.id ?? '?'))}  ${terminalLine(s.item.title ?? '')}  ${c.dim(terminalLine(`(${s.item.stage.label[r.lang]}, ${s.item.path})`))}\n`,
      );
  }
  if (r.elsewhere.length > 0 && !r.elsewhereShown) o.err(`\n${renderNeighbours(r.elsewhere, r.lang, c)}`);
  return o.done();
}

export interface ListView {
  registry: RegistryRef;
  lang: Lang;
  ideas: IdeaSummary[];
  unreadable: number;
  today: Date;
}

export function presentList(r: ListView, opts: { json: boolean; funds: boolean }, v: View): Output {
  const o = output();
  if (opts.json) o.out(jsonParts(ideaListDocument(r.registry, r.ideas, r.lang, r.today)));
  else o.out(renderIdeaList(r.ideas, r.lang, r.today, v.outIsTTY ? v.outWidth : null, v.out, opts.funds));
  o.err(unreadableWarning(r.unreadable, r.lang, v));
  return o.done();
}

export interface ShowView {
  registry: RegistryRef;
  lang: Lang;
  idea: Idea;
  today: Date;
  schemas: Record<string, unknown>[];
  /** The criteria of the gate forward: each met, not met or not given (core/sluice/gate.ts). */
  gate?: { next: Stage; checklist: ChecklistItem[] } | null;
}

export function presentShow(r: ShowView, json: boolean, v: View): Output {
  const o = output();
  if (json) o.out(jsonText(ideaDocument(r.registry, r.idea, r.lang, r.today)));
  else {
    o.out(renderIdea(r.idea, r.registry.config, r.schemas, r.lang, r.today, v.out));
    if (r.gate) {
      const item = { idea: r.idea, next: r.gate.next, gate: null, checklist: r.gate.checklist, daysInStage: null };
      o.out(`\n${renderGate(item, r.lang, v.out, r.registry.config.challenges).join('\n')}\n`);
    }
  }
  return o.done();
}

/** What every command that changes one idea prints: its path and a line in words, or the idea document. */
interface ChangeView {
  registry: RegistryRef;
  lang: Lang;
  idea: Idea;
  staged: boolean;
  committed: boolean;
}

function presentChange(
  r: ChangeView,
  json: boolean,
  v: View,
  document: () => Dto,
  human: string,
  more: readonly string[] = [],
): Output {
  const o = output();
  if (json) o.out(jsonText(document()));
  else {
    o.out(`${terminalLine(r.idea.path)}\n`);
    o.err(`${v.err.green(terminalLine(human))}${r.committed ? ` ${t(r.lang, 'out.committed')}` : ''}\n`);
    for (const line of more) o.err(`${terminalLine(line)}\n`);
  }
  return o.done();
}

export interface TransitionView extends ChangeView {
  from: Stage;
  to: Stage | null;
  forced: boolean;
  /** A move made by hand, now written in the history (the file stayed where it was). */
  recorded?: boolean;
  entry: Record<string, unknown>;
}

export function presentMove(r: TransitionView, json: boolean, v: View): Output {
  const to = r.to ?? r.from;
  const said = r.recorded
    ? r.forced
      ? 'out.movedRecordedForced'
      : 'out.movedRecorded'
    : r.forced
      ? 'out.movedForced'
      : 'out.moved';
  return presentChange(
    r,
    json,
    v,
    () => ideaMovedDocument(r.registry, r.idea, r.lang, v.today, { ...r, to }),
    t(r.lang, said, {
      id: r.idea.id ?? '',
      from: r.from.label[r.lang],
      to: to.label[r.lang],
    }),
  );
}

export interface DecideView extends TransitionView {
  decision: Decision;
  /** The fields filled in with --set before the decision, old and new. */
  changes: readonly { field: string; old: unknown; new: unknown }[];
  titles?: FieldTitles;
}

export function presentDecide(r: DecideView, json: boolean, v: View): Output {
  const where = r.to ? `${r.from.label[r.lang]} → ${r.to.label[r.lang]}` : r.from.label[r.lang];
  const decided = t(r.lang, 'out.decided', {
    id: r.idea.id ?? '',
    decision: t(r.lang, `decision.${r.decision}`),
    where,
  });
  const words = (field: string) => ({ field, challenges: r.registry.config.challenges });
  const filled = r.changes.map(
    (c) =>
      `${titleOf(r, c.field)}: ${valueWords(c.old, r.lang, words(c.field))} → ${valueWords(c.new, r.lang, words(c.field))}`,
  );
  return presentChange(r, json, v, () => ideaDecidedDocument(r.registry, r.idea, r.lang, v.today, r), decided, [
    ...(filled.length > 0 ? [t(r.lang, 'out.decidedFilled', { changes: filled.join(', ') })] : []),
  ]);
}

export interface AssignView extends ChangeView {
  changes: { field: string; old: string | null; new: string }[];
  titles?: FieldTitles;
}

/** A field by its label in the language, as the command found it in the schemas; its key when it has none. */
function titleOf(r: { lang: Lang; titles?: FieldTitles }, field: string): string {
  return r.titles?.[field]?.[r.lang] ?? field;
}

/** Nothing written: said on stderr, and no path on stdout, which lists the files a command wrote. */
function unchangedOutput(r: ChangeView): Output {
  const o = output();
  o.err(`${t(r.lang, 'out.unchanged')}\n`);
  return o.done();
}

export function presentAssign(r: AssignView, json: boolean, v: View): Output {
  if (!json && r.changes.length === 0) return unchangedOutput(r);
  return presentChange(
    r,
    json,
    v,
    () => ideaAssignedDocument(r.registry, r.idea, r.lang, v.today, r),
    r.changes.length > 0
      ? t(r.lang, 'out.assigned', {
          id: r.idea.id ?? '',
          changes: r.changes.map((c) => `${titleOf(r, c.field)}: ${c.new}`).join(', '),
        })
      : t(r.lang, 'out.unchanged'),
  );
}

export interface EditView extends ChangeView {
  changes: { field: string; old: unknown; new: unknown }[];
  bodyChanged: boolean;
  recorded: string[];
  titles?: FieldTitles;
}

export function presentEdit(r: EditView, json: boolean, v: View): Output {
  const o = output();
  if (json) {
    o.out(jsonText(ideaEditDocument(r.registry, r.idea, r.lang, v.today, r)));
    return o.done();
  }
  const what = [...r.changes.map((c) => titleOf(r, c.field)), ...(r.bodyChanged ? [t(r.lang, 'out.bodyChanged')] : [])];
  if (what.length === 0) return unchangedOutput(r);
  const human = t(r.lang, 'out.edited', { id: r.idea.id ?? '', changes: what.join(', ') });
  o.out(`${terminalLine(r.idea.path)}\n`);
  o.err(`${v.err.green(terminalLine(human))}${r.committed ? ` ${t(r.lang, 'out.committed')}` : ''}\n`);
  return o.done();
}
