import path from 'node:path';
import { noPromptReason, type CommonOptions, type Ctx } from '../context.js';
import type { Stage } from '../core/sluice/config.js';
import { IdeasError } from '../core/errors.js';
import { fieldLabeler, forwardStage, gateChecklist, type FieldLabeler, type Gate } from '../core/sluice/gate.js';
import { gateFixes } from '../core/sluice/gate-fix.js';
import { t, type Lang, type Localized } from '../core/i18n/i18n.js';
import { daysSince, enteredStageOn, isoDate, type IdeaFields } from '../core/sluice/idea.js';
import { renderMinutes, type Minutes, type MinutesItem } from '../core/history/minutes.js';
import { pathExists } from '../io/files.js';
import { compileCriteria, readPackageSchema } from '../io/schemas.js';
import { resolveStage, stageIndex } from '../core/sluice/stage-lookup.js';
import { createFileExclusive } from '../io/atomic-file.js';
import { findIdea, sameIdeaAgain } from '../io/find-idea.js';
import { readIdeaFields, readIdeas } from '../io/read-ideas.js';
import { listIdeaFiles, toPosix } from '../io/idea-files.js';
import { loadCriteria, type Criteria, type Registry } from '../io/registry.js';
import type { Choice } from '../ui/prompter.js';
import { shellQuote } from '../core/shell/quote.js';
import { valueWords } from '../core/sluice/value-words.js';
import { openRegistry } from './open-registry.js';
import type { ReviewCard, ReviewItem } from '../core/sluice/agenda.js';
import { DECISIONS, type Decision } from '../core/sluice/decision.js';
import { councilMembers, decidersFor, parseConflictFlag, sameName, withName } from '../core/sluice/conflict.js';
import { parseAmountText } from '../core/criteria/fields.js';
import { fieldQuestion, gateFields, readFieldAnswer, type GateField } from '../core/sluice/gate-fields.js';
import type { Prompter } from '../ui/prompter.js';
import { askField } from '../ui/field-prompt.js';
import { writeFieldChanges } from './field-changes.js';
import { fieldBook, fixPlace } from './field-book.js';
import { moveRequest, transition } from './transition.js';
import { gateFor } from './stage-gate.js';
import { amountAsked, decisionTarget, planTransition, refusalError } from '../core/sluice/transition.js';

export type { ReviewCard, ReviewItem };

export interface ReviewOptions extends CommonOptions {
  stage?: string;
  by?: string;
  minutes?: string;
  dryRun?: boolean;
  /** Parked ideas are left off the agenda unless asked for (or their stage is). */
  includeParked?: boolean;
  /** Conflicts of interest declared before the meeting: `<id>=<name>`, one each. */
  conflicts?: string[];
  /** Shows one idea to the council before its question; the command itself never prints. */
  present?: (card: ReviewCard) => void;
}

/** Ideas that wait in a stage left off the agenda, and the command that takes that stage up, as the user ran review. */
export interface WaitingStage {
  stage: Stage;
  count: number;
  command: Localized;
}

export interface ReviewResult {
  kind: 'review';
  registry: Registry;
  lang: Lang;
  agenda: ReviewItem[];
  /** When the agenda is empty: the stages where ideas still wait (a closed gate, or parked), in stage order. */
  waiting: WaitingStage[];
  minutes: Minutes | null;
  minutesText: string | null;
  minutesFile: string | null;
  /** The minutes' file as `git add` takes it from where the command runs; null when none was written. */
  minutesShown: string | null;
  cancelled: boolean;
}

/** One idea as the council sees it: the gate its approval would pass, and that gate's criteria met or not. */
function agendaItem<T extends IdeaFields>(
  registry: Registry,
  criteria: Map<string, Criteria>,
  idea: T,
  lang: Lang,
  today: Date,
  fixes: (idea: IdeaFields, gate: Gate) => string[],
  label: FieldLabeler,
): ReviewItem<T> {
  const next = forwardStage(idea.stage, registry.config) ?? null;
  const gate = next ? gateFor(registry, criteria, idea, next) : null;
  const checklist = gate && next ? gateChecklist(gate, idea.data, criteria.get(next.key)?.schema, lang, label) : [];
  const fix = gate && !gate.open && gate.allowed ? fixes(idea, gate) : [];
  return { idea, next, gate, checklist, daysInStage: daysSince(enteredStageOn(idea), today), fix };
}

/**
 * The ideas that wait for a decision: those in the given stage, or else all whose next gate is open. Parked ideas
 * wait for nobody: they come only when asked for.
 */
function buildAgenda(
  registry: Registry,
  criteria: Map<string, Criteria>,
  ideas: IdeaFields[],
  stage: Stage | null,
  includeParked: boolean,
  lang: Lang,
  today: Date,
  fixes: (idea: IdeaFields, gate: Gate) => string[],
  label: FieldLabeler,
  leftOut: Stage[] = [],
): ReviewItem<IdeaFields>[] {
  const items: ReviewItem<IdeaFields>[] = [];
  for (const idea of ideas) {
    if (stage && idea.stage.key !== stage.key) continue;
    if (!stage && !includeParked && idea.stage.key === 'parked') {
      leftOut.push(idea.stage);
      continue;
    }
    const item = agendaItem(registry, criteria, idea, lang, today, fixes, label);
    if (!stage && !item.gate?.open) {
      // Waiting at a closed gate: not on the agenda, but the council may take the stage up by name.
      if (item.next) leftOut.push(idea.stage);
      continue;
    }
    items.push(item);
  }
  return items.sort(
    (a, b) =>
      stageIndex(registry.config, a.idea.stage.key) - stageIndex(registry.config, b.idea.stage.key) ||
      (b.daysInStage ?? 0) - (a.daysInStage ?? 0),
  );
}

/**
 * The stages the agenda left ideas in, each with `ideas review --stage <label>` as the user ran review (its
 * -C, --dry-run, --by, --minutes and --conflict kept), so that the command runs as printed. None when a stage was named.
 */
function waitingElsewhere(opts: ReviewOptions, config: Registry['config'], leftOut: readonly Stage[]): WaitingStage[] {
  if (opts.stage) return [];
  const out: WaitingStage[] = [];
  for (const s of leftOut) {
    const had = out.find((w) => w.stage.key === s.key);
    if (had) {
      had.count += 1;
      continue;
    }
    const words = (label: string) =>
      [
        'ideas',
        ...(opts.registry ? ['-C', shellQuote(opts.registry)] : []),
        'review',
        ...(opts.dryRun ? ['--dry-run'] : []),
        '--stage',
        shellQuote(label.toLowerCase()),
        ...(opts.by !== undefined ? ['--by', shellQuote(opts.by)] : []),
        ...(opts.minutes !== undefined ? ['--minutes', shellQuote(opts.minutes)] : []),
        ...(opts.conflicts ?? []).flatMap((c) => ['--conflict', shellQuote(c)]),
      ].join(' ');
    out.push({ stage: s, count: 1, command: { sv: words(s.label.sv), en: words(s.label.en) } });
  }
  return out.sort((a, b) => stageIndex(config, a.stage.key) - stageIndex(config, b.stage.key));
}

/**
 * Asks one field of a gate: a choice for an enum or a challenge, yes or no for a boolean, text otherwise, with the
 * schema's description as help. An empty answer leaves the field as it is (undefined).
 */
async function askGateField(
  prompter: Prompter,
  field: GateField,
  lang: Lang,
  /** The stage whose gate needs the field, by its label. */
  neededFor: string | undefined,
): Promise<string | number | boolean | (string | number)[] | undefined> {
  const { spec } = field;
  // The schema's description as help under the question (as `new` and `edit` show it), and one note after it.
  const help = field.help || undefined;
  const list = spec.kind === 'list';
  const note = neededFor
    ? t(lang, list ? 'prompt.neededAheadList' : 'prompt.neededAhead', { stage: neededFor })
    : t(lang, list ? 'prompt.optionalList' : 'prompt.optional');
  const accepted = (raw: string | boolean | string[]) => {
    const read = readFieldAnswer(spec, raw, lang, compileCriteria);
    return read.ok ? (read.value as string | number | boolean | (string | number)[]) : undefined;
  };
  switch (spec.kind) {
    // A choice and a yes or no as `new`, `edit` and `move` ask them: Enter skips, and never answers for the council.
    // What the council answers is written, whether or not the gate takes it: a "no" to the manager's support is a
    // fact the idea then holds, and the card shown next says the gate is still closed (it was shown as answered, and
    // was dropped without a word).
    case 'select':
    case 'confirm': {
      const answer = await askField(
        prompter,
        { ...spec, required: false },
        lang,
        compileCriteria,
        field.current,
        neededFor,
      );
      return typeof answer === 'string' || typeof answer === 'boolean' ? answer : undefined;
    }
    case 'checkbox': {
      const chosen = await prompter.checkbox({
        message: field.label,
        help,
        choices: spec.choices.map((c) => ({ value: c.value, name: c.label })),
      });
      return chosen.length === 0 ? undefined : accepted(chosen);
    }
    default: {
      const validate = (v: string): true | string => {
        if (v.trim() === '') return true;
        const read = readFieldAnswer(spec, v, lang, compileCriteria);
        return read.ok ? true : read.problem;
      };
      const written =
        typeof field.current === 'string' || typeof field.current === 'number' ? String(field.current) : '';
      // The value the idea has, offered as it is only when it would be taken: Enter on one the gate refuses (too
      // short) would only be refused, where Enter is to skip.
      const current = written !== '' && validate(written) === true ? written : '';
      const raw = await prompter.input({
        message: `${field.label} ${note}`,
        help,
        ...(current ? { default: current } : {}),
        validate,
      });
      return raw.trim() === '' ? undefined : accepted(raw);
    }
  }
}

/**
 * The members who may declare jäv for an idea: those `--by` names, then those named earlier in the meeting (or in
 * --conflict beforehand), less those who already have for this idea.
 */
function knownMembers(by: string | undefined, declared: Map<string, string[]>, already: readonly string[]): string[] {
  let names: string[] = [];
  for (const n of [...councilMembers(by), ...[...declared.values()].flat()]) names = withName(names, n);
  return names.filter((n) => !already.some((a) => sameName(a, n)));
}

const SOMEONE_ELSE = '\0someone-else';

/** Who declares jäv: chosen among the members known, or typed (always, when none is known). */
async function askConflictName(prompter: Prompter, members: readonly string[], lang: Lang): Promise<string> {
  if (members.length > 0) {
    const chosen = await prompter.select<string>({
      message: t(lang, 'review.conflictWho'),
      choices: [
        ...members.map((m) => ({ value: m, name: m })),
        { value: SOMEONE_ELSE, name: t(lang, 'review.conflictSomeoneElse') },
      ],
    });
    if (chosen !== SOMEONE_ELSE) return chosen;
  }
  const typed = await prompter.input({
    message: t(lang, members.length > 0 ? 'review.conflictName' : 'review.conflictWho'),
    required: true,
    validate: (v) => (v.trim() ? true : t(lang, 'prompt.requiredAnswer')),
  });
  return typed.trim();
}

export async function runReview(opts: ReviewOptions, ctx: Ctx): Promise<ReviewResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const criteria = loadCriteria(registry);
  const stage = opts.stage ? resolveStage(registry.config, opts.stage) : null;
  const today = ctx.clock();
  // Conflicts declared before the meeting name ideas that must exist; a typo is found before anything is decided.
  const declared = new Map<string, string[]>();
  for (const flag of opts.conflicts ?? []) {
    const { id, name } = parseConflictFlag(flag);
    const idea = findIdea(registry, id);
    const key = idea.id ?? idea.path;
    declared.set(key, withName(declared.get(key) ?? [], name));
  }
  // A closed gate shows the commands that fill in what it misses, as `ideas move` prints them.
  const book = fieldBook(registry, criteria, lang);
  const fixes = (idea: IdeaFields, gate: Gate) => gateFixes(gate.missing, idea, book, lang, fixPlace(opts, idea, ctx));
  const fieldLabels = fieldLabeler(readPackageSchema('idea'), lang);
  const leftOut: Stage[] = [];
  // Every idea's fields decide the agenda; only the ideas on it are read with their text, which the cards show (at
  // 10,000 ideas, the text of all of them was a fifth of the command's memory).
  const files = listIdeaFiles(registry);
  const drafted = buildAgenda(
    registry,
    criteria,
    readIdeaFields(registry, files).ideas,
    stage,
    opts.includeParked === true,
    lang,
    today,
    fixes,
    fieldLabels,
    leftOut,
  );
  const onAgenda = new Set(drafted.map((item) => item.idea.path));
  const texts = readIdeas(
    registry,
    files.filter((f) => onAgenda.has(f.path)),
    { alsoKeep: files.map((f) => f.path) },
  );
  const full = new Map(texts.ideas.map((idea) => [idea.path, idea]));
  // An idea whose file changed since its fields were read into one that no longer reads is left off, as it would be.
  const agenda = drafted.flatMap((item): ReviewItem[] => {
    const idea = full.get(item.idea.path);
    return idea ? [{ ...item, idea }] : [];
  });
  const base = {
    kind: 'review' as const,
    registry,
    lang,
    agenda,
    waiting: waitingElsewhere(opts, registry.config, leftOut),
  };
  if (opts.dryRun)
    return { ...base, minutes: null, minutesText: null, minutesFile: null, minutesShown: null, cancelled: false };
  // A decision names who took it: without --by, the council as a whole (in the registry's language, as the files).
  const council = t(registry.config.language, 'council.whole');
  const minutes: Minutes = {
    registry: registry.config.name,
    date: isoDate(today),
    by: opts.by?.trim() || council,
    items: [],
    skipped: [],
    unhandled: [],
    conflicts: [],
    completed: [],
  };
  // Nothing to decide: no meeting, so nothing is asked and no minutes are written (their file is not made).
  if (agenda.length === 0)
    return { ...base, minutes, minutesText: null, minutesFile: null, minutesShown: null, cancelled: false };

  const why = noPromptReason(ctx, opts);
  if (why !== null)
    throw new IdeasError('USAGE', 'err.usage', { message: t(lang, 'review.needsTerminal', { why: t(lang, why) }) });
  // Without --minutes, a meeting that decided or completed anything keeps its minutes in the registry all the same
  // (protokoll/ideradet-<date>.md, or minutes/council-<date>.md in English): printed only, they were lost.
  const minutesFile = opts.minutes
    ? path.resolve(ctx.cwd, opts.minutes)
    : defaultMinutesFile(registry.root, registry.config.language, isoDate(today));
  if (opts.minutes && pathExists(minutesFile))
    throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: opts.minutes ?? '' });
  // Under --json the minutes are the document printed, and a script says where to keep them.
  const keep = () =>
    opts.minutes !== undefined || (opts.json !== true && minutes.items.length + (minutes.completed?.length ?? 0) > 0);

  const handled = new Set<number>();
  /** What the minutes say of the agenda as a whole: the conflicts declared, and the ideas the meeting never took. */
  const close = () => {
    const ref = (a: ReviewItem) => ({ id: a.idea.id ?? a.idea.path, title: a.idea.title ?? '' });
    minutes.unhandled = agenda.filter((_, j) => !handled.has(j)).map(ref);
    minutes.conflicts = agenda.flatMap((a) => {
      const names = declared.get(a.idea.id ?? a.idea.path) ?? [];
      return names.length > 0 ? [{ ...ref(a), names }] : [];
    });
  };
  const baseSchema = readPackageSchema('idea');
  const prompter = await ctx.prompter(lang);
  let cancelled = false;
  try {
    meeting: for (const [i, first] of agenda.entries()) {
      let item = first;
      const key = item.idea.id ?? item.idea.path;
      const title = item.idea.title ?? '';
      let conflicted = declared.get(key) ?? [];
      const show = () =>
        opts.present?.({
          ...item,
          n: i + 1,
          total: agenda.length,
          lang,
          conflicts: conflicted,
          challenges: registry.config.challenges,
        });
      show();
      // The council may complete the idea, change its coach or hear a conflict of interest before it decides;
      // each returns here, and so does a "no" to approving despite a closed gate.
      for (;;) {
        const idea = item.idea;
        const by = decidersFor(opts.by, conflicted, council);
        // Written into the decision's entry: who took no part, as --by spells a member it names.
        const members = councilMembers(opts.by);
        const conflicts =
          conflicted.length > 0
            ? conflicted.map((c) => members.find((m) => sameName(m, c)) ?? c.trim()).join(', ')
            : undefined;
        const toFill =
          item.gate && item.next
            ? gateFields(item.gate, baseSchema, criteria.get(item.next.key)?.schema, registry.config, lang, idea.data)
            : [];
        const label = (d: Decision, to: Stage | null) =>
          d === 'approve' && to ? t(lang, 'review.approve', { to: to.label[lang] }) : t(lang, `review.${d}`);
        const choices: Choice<string>[] = [];
        // Every member --by names declared jäv: no one is left to decide, as `ideas decide` refuses it too; the
        // idea can still be completed, heard or skipped.
        const noOneLeft = by === undefined;
        for (const d of noOneLeft ? [] : DECISIONS) {
          let to: Stage | null;
          try {
            to = decisionTarget(idea, d, registry.config);
          } catch {
            continue;
          }
          choices.push({ value: d, name: label(d, to) });
        }
        if (toFill.length > 0)
          choices.push({
            value: 'complete',
            name: t(lang, 'review.complete', { fields: toFill.map((f) => f.label).join(', ') }),
          });
        // The coach once: in "complete the idea" when the gate asks for one, else as an entry of its own.
        if (!toFill.some((f) => f.spec.name === 'coach'))
          choices.push({ value: 'coach', name: t(lang, 'review.coach') });
        choices.push(
          { value: 'conflict', name: t(lang, 'review.conflict') },
          { value: 'skip', name: t(lang, 'review.skip') },
          { value: 'stop', name: t(lang, 'review.stop') },
        );
        const choice = await prompter.select({
          message: t(lang, 'review.choose', { id: key }),
          ...(noOneLeft ? { help: t(lang, 'err.everyoneConflicted', { by: (opts.by ?? '').trim() }) } : {}),
          choices,
        });
        if (choice === 'stop') break meeting;
        if (choice === 'skip') {
          minutes.skipped.push({ id: key, title });
          handled.add(i);
          continue meeting;
        }
        if (choice === 'conflict') {
          const name = await askConflictName(prompter, knownMembers(opts.by, declared, conflicted), lang);
          conflicted = withName(conflicted, name);
          declared.set(key, conflicted);
          show();
          continue;
        }
        if (choice === 'complete' || choice === 'coach') {
          const fields =
            choice === 'complete'
              ? toFill
              : [
                  fieldQuestion(
                    'coach',
                    baseSchema,
                    item.next ? criteria.get(item.next.key)?.schema : undefined,
                    registry.config,
                    lang,
                    idea.data,
                  ),
                ];
          const values: { field: string; value: string | number | boolean | (string | number)[] }[] = [];
          for (const f of fields) {
            // "Needed for the next stage" only of what the gate asks for: a coach assigned on the side is not.
            const needed = choice === 'complete' ? item.next?.label[lang] : undefined;
            const value = await askGateField(prompter, f, lang, needed);
            if (value !== undefined) values.push({ field: f.spec.name, value });
          }
          const { changes, outcome } = await writeFieldChanges(registry, sameIdeaAgain(item.idea), values, by, ctx);
          for (const c of changes) {
            const f = fields.find((x) => x.spec.name === c.field);
            minutes.completed?.push({
              id: key,
              title,
              field: f?.label ?? c.field,
              value: valueWords(c.new, lang, { field: c.field, challenges: registry.config.challenges }),
              name: c.field,
              data: c.new,
            });
          }
          if (outcome) {
            item = agendaItem(registry, criteria, outcome.idea, lang, today, fixes, fieldLabels);
            show();
          }
          continue;
        }
        const decision = choice as Decision;
        const to = decisionTarget(idea, decision, registry.config);
        // Planned before the council is asked for more: an approval through a closed gate is theirs to force (or not),
        // and a move cut short is finished first.
        const plan = planTransition(moveRequest(registry, criteria, idea, to, { by, decision }, false, ctx));
        if (plan.kind === 'unfinished') throw refusalError(plan, idea, lang, registry.config);
        let force = false;
        if (decision === 'approve' && plan.kind === 'refused') {
          force = await prompter.confirm({ message: t(lang, 'review.force'), default: false });
          if (!force) continue;
        }
        let amount: number | undefined;
        if (amountAsked(decision, to)) {
          // Read as `ideas decide --amount` and a spreadsheet read it: `200 000 kr` yes, `1e6` no.
          const raw = await prompter.input({
            message: t(lang, 'review.amount'),
            validate: (v) => {
              return parseAmountText(v) !== null ? true : t(lang, 'err.badAmount', { value: v });
            },
          });
          amount = parseAmountText(raw) ?? undefined;
        }
        const reason = (
          await prompter.input({
            message: t(lang, decision === 'return' ? 'review.advice' : 'review.reason'),
            required: true,
            validate: (v) => (v.trim() ? true : t(lang, 'prompt.requiredAnswer')),
          })
        ).trim();
        // Written as soon as it is confirmed, so stopping halfway keeps what was decided.
        const fresh = sameIdeaAgain(item.idea);
        const result = await transition(
          registry,
          criteria,
          fresh,
          to,
          { by, conflicts, note: reason, decision, amount },
          { force, lang },
          ctx,
        );
        const entry: MinutesItem = {
          id: key,
          title,
          decision,
          from: result.from.label[lang],
          to: result.to?.label[lang] ?? null,
          reason,
          amount: amount ?? null,
          forced: result.forced,
          ...(conflicted.length > 0 ? { deciders: by ?? null } : {}),
          keys: { from: result.from.key, to: result.to?.key ?? null },
        };
        minutes.items.push(entry);
        handled.add(i);
        continue meeting;
      }
    }
  } catch (e) {
    if (!(e instanceof IdeasError && e.code === 'CANCELLED')) {
      // The decisions already written are in the ideas' history: the council's minutes must hold them too.
      close();
      if (minutes.items.length > 0) createFileExclusive(minutesFile, renderMinutes(minutes, lang));
      throw e;
    }
    cancelled = true;
  }
  close();
  const minutesText = renderMinutes(minutes, lang);
  const written = keep() ? minutesFile : null;
  if (written) createFileExclusive(written, minutesText);
  const minutesShown = written ? toPosix(path.relative(ctx.cwd, written)) || written : null;
  return { ...base, minutes, minutesText, minutesFile: written, minutesShown, cancelled };
}

/** A new file for a meeting's minutes in the registry: the day's, or the day's with a number when that one is taken. */
function defaultMinutesFile(root: string, lang: Lang, date: string): string {
  const folder = path.join(root, t(lang, 'review.minutesFolder'));
  const name = t(lang, 'review.minutesName');
  let file = path.join(folder, `${name}-${date}.md`);
  for (let n = 2; pathExists(file); n++) file = path.join(folder, `${name}-${date}-${n}.md`);
  return file;
}
