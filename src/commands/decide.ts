import type { CommonOptions, Ctx } from '../context.js';
import type { Stage } from '../core/sluice/config.js';
import { foldRecordKeys, parseAmountText, typeFlagValue } from '../core/criteria/fields.js';
import { IdeasError } from '../core/errors.js';
import type { Gate } from '../core/sluice/gate.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import { findIdea } from '../io/find-idea.js';
import { loadCriteria, type Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';
import { requireCommitter } from '../io/git.js';
import { decisionName, isExampleReason, parseDecision, type Decision } from '../core/sluice/decision.js';
import { decisionMakers } from '../core/sluice/conflict.js';
import { fieldQuestion, readFieldAnswer } from '../core/sluice/gate-fields.js';
import { fieldLabel } from '../core/criteria/schema-check.js';
import { compileCriteria } from '../io/schemas.js';
import { gateFixes } from '../core/sluice/gate-fix.js';
import { fieldBook, fixPlace } from './field-book.js';
import { writeFieldChanges, type FieldChange } from './field-changes.js';
import type { FieldTitles } from '../core/criteria/field-titles.js';
import { parseSets } from '../core/criteria/set-flags.js';
import { shellQuote } from '../core/shell/quote.js';
import { moveRequest, transition, type TransitionResult } from './transition.js';
import { gateFor } from './stage-gate.js';
import {
  amountAsked,
  decisionTarget,
  planTransition,
  refusalError,
  requireFunding,
} from '../core/sluice/transition.js';

export interface DecideOptions extends CommonOptions {
  id: string;
  decision: string;
  reason?: string;
  /** Fields completed before deciding, `name=value` as `ideas new --set` takes them; written like `ideas assign`. */
  set?: string[];
  /** Members with a conflict of interest (jäv): left out of `by` in the history entry. */
  conflict?: string[];
  amount?: string;
  by?: string;
  to?: string;
  force?: boolean;
  commit?: boolean;
}

export interface DecideResult extends TransitionResult {
  kind: 'idea-decided';
  registry: Registry;
  lang: Lang;
  decision: Decision;
  /** Fields set with --set before the decision. */
  changes: FieldChange[];
  /** The labels of the fields filled in. */
  titles: FieldTitles;
}

/** The command as given, with a reason added: what the hint for a missing reason prints, to run as it stands. */
function decideCommandWithReason(opts: DecideOptions, decision: Decision, lang: Lang): string {
  return decideCommand(
    opts,
    decision,
    lang,
    t(lang, decision === 'return' ? 'hint.exampleAdvice' : 'hint.exampleReason'),
  );
}

/**
 * The command as given (with `reason`), and `extra` words after it: at a closed gate, the `--set` flags for what
 * is missing, so that the council completes the idea and decides in one command.
 */
function decideCommand(
  opts: DecideOptions,
  decision: Decision,
  lang: Lang,
  reason: string,
  extra: readonly string[] = [],
): string {
  const words = ['ideas'];
  if (opts.registry) words.push('-C', shellQuote(opts.registry));
  words.push('decide', shellQuote(opts.id), '--decision', shellQuote(decisionName(decision, lang)));
  words.push('--reason', shellQuote(reason));
  if (opts.amount !== undefined) words.push('--amount', shellQuote(opts.amount));
  if (opts.to !== undefined) words.push('--to', shellQuote(opts.to));
  if (opts.by !== undefined) words.push('--by', shellQuote(opts.by));
  for (const c of opts.conflict ?? []) words.push('--conflict', shellQuote(c));
  for (const s of opts.set ?? []) words.push('--set', shellQuote(s));
  if (opts.force) words.push('--force');
  if (opts.commit) words.push('--commit');
  words.push(...extra.map(shellQuote));
  return words.join(' ');
}

function parseAmount(value: string | undefined, to: Stage | null, decision: Decision): number | undefined {
  if (value === undefined) return undefined;
  // As `--set` and a spreadsheet read an amount: `45 000 kr` yes, `1e6` and `0x10` no.
  const n = parseAmountText(value);
  if (n === null) throw new IdeasError('USAGE', 'err.badAmount', { value });
  requireFunding(to, decision);
  return n;
}

export async function runDecide(opts: DecideOptions, ctx: Ctx): Promise<DecideResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  if (opts.commit) await requireCommitter(registry.root);
  const decision = parseDecision(opts.decision);
  const reason = opts.reason?.trim() ?? '';
  if (reason === '')
    throw new IdeasError(
      'USAGE',
      'err.decideReason',
      {},
      { hint: 'hint.decideReason', hintParams: { command: localizeCommand(opts, decision) } },
    );
  // A placeholder from a line the product printed, run as it stood, is no one's reason.
  if (isExampleReason(reason)) throw new IdeasError('USAGE', 'err.decideReasonExample', { reason });
  const criteria = loadCriteria(registry);
  let idea = findIdea(registry, opts.id);
  const to = decisionTarget(idea, decision, registry.config, opts.to);
  // Refused before anything else is looked at, with the command that gives the amount.
  if (amountAsked(decision, to) && opts.amount === undefined)
    throw new IdeasError(
      'USAGE',
      'err.decideAmount',
      { stage: to.label },
      { hint: 'hint.decideAmount', hintParams: { command: localizeAmountCommand(opts, decision, reason) } },
    );
  const amount = parseAmount(opts.amount, to, decision);
  // A decision names who took it: without --by, the council as a whole.
  const { by, conflicts } = decisionMakers(opts.by, opts.conflict ?? [], t(registry.config.language, 'council.whole'));
  const book = fieldBook(registry, criteria, lang);
  // What a closed gate prints: the commands that fill in what it misses.
  const fixFor = (gate: Gate) => gateFixes(gate.missing, idea, book, lang, fixPlace(opts, idea, ctx));
  let changes: FieldChange[] = [];
  if (opts.set && opts.set.length > 0) {
    // The council completes the idea, then decides: the fields first, so that the gate sees them.
    const base = book.base;
    const target = to ? criteria.get(to.key)?.schema : undefined;
    const given = new Map<string, unknown>();
    for (const [field, raw] of parseSets(opts.set, book.settable, base, { criteria: book.criteria })) {
      const { spec } = fieldQuestion(field, base, target, registry.config, lang, idea.data);
      // A field the target's gate does not name (a later stage's): typed as `ideas edit --set` types it, by every
      // schema that names it, so that `manager_support=ja` is written as a yes, not as the text "ja".
      if (Object.keys(spec.schema).length === 0) {
        given.set(field, typeFlagValue(book.spec(field), raw));
        continue;
      }
      const read = readFieldAnswer(
        spec,
        spec.kind === 'list' || spec.kind === 'checkbox' ? raw : (raw.at(-1) ?? ''),
        lang,
        compileCriteria,
      );
      // The field by its label, its name in brackets, as `--set` elsewhere and every finding name it.
      if (!read.ok)
        throw new IdeasError('INVALID_ANSWER', 'err.invalidAnswer', {
          field: { sv: fieldLabel(spec.schema, `/${field}`, 'sv'), en: fieldLabel(spec.schema, `/${field}`, 'en') },
          problem: read.problem,
        });
      given.set(field, read.value);
    }
    // `--set team_gender.women=2` sets one key of the record, keeping the others.
    const values = [...foldRecordKeys(given, idea.data)].map(([field, value]) => ({ field, value }));
    // The decision planned with these fields first: refused, it refuses before anything is written, so a refused
    // decision leaves no trace.
    if (to) {
      const data = { ...idea.data, ...Object.fromEntries(values.map((v) => [v.field, v.value])) };
      const fields = { by, conflicts, note: reason, decision, amount };
      const plan = planTransition(moveRequest(registry, criteria, { ...idea, data }, to, fields, opts.force, ctx));
      if (plan.kind === 'refused') throw refusalError(plan, idea, lang, registry.config, fixFor(plan.gate));
      if (plan.kind === 'unfinished' || plan.kind === 'amount') throw refusalError(plan, idea, lang, registry.config);
    }
    const written = await writeFieldChanges(registry, idea, values, by, ctx);
    changes = written.changes;
    if (written.outcome) idea = written.outcome.idea;
  }
  const gate = to && !opts.force ? gateFor(registry, criteria, idea, to) : null;
  const fix = gate && !gate.open ? fixFor(gate) : [];
  const result = await transition(
    registry,
    criteria,
    idea,
    to,
    { by, conflicts, note: reason, decision, amount },
    { force: opts.force, commit: opts.commit, lang, fix },
    ctx,
  );
  return {
    kind: 'idea-decided',
    registry,
    lang,
    decision,
    changes,
    titles: book.titles(changes.map((c) => c.field)),
    ...result,
  };
}

/** The command as given, with an amount to fill in: what the hint for a missing amount prints. */
function localizeAmountCommand(opts: DecideOptions, decision: Decision, reason: string): { sv: string; en: string } {
  const at = (lang: Lang) => decideCommand({ ...opts, amount: t(lang, 'hint.exampleAmount') }, decision, lang, reason);
  return { sv: at('sv'), en: at('en') };
}

function localizeCommand(opts: DecideOptions, decision: Decision): { sv: string; en: string } {
  return { sv: decideCommandWithReason(opts, decision, 'sv'), en: decideCommandWithReason(opts, decision, 'en') };
}
