/**
 * Planning a transition: the rules every command that moves an idea, decides on it or brings it in follows (`move`,
 * `decide`, `review`, `import`), in one place. Pure: from the idea as it stands, where it is to go and what its
 * history entry is to say, a plan says what to write (the entry appended to the idea's history, the path the file
 * ends up at) or why not (the gate's missing criteria, a move cut short). The commands execute a plan through io/:
 * journal, atomic write, `git mv`, with their fault points.
 */
import type { RegistryConfig, Stage } from './config.js';
import { IdeasError } from '../errors.js';
import { isRecord, nullObjectFrom } from '../safe-object.js';
import { t, type Lang, type Localized } from '../i18n/i18n.js';
import { ideaWord, shellQuote } from '../shell/quote.js';
import type { SchemaProblem, Validator } from '../criteria/schema-check.js';
import { decisionName, decisionNames, decisionWord, isDecision, type Decision } from './decision.js';
import { checkGate, forwardStage, missingFor, type Gate } from './gate.js';
import { historyOf, isStartAction, type IdeaFields } from './idea.js';
import { resolveStage, stageLabelOf, stageWord } from './stage-lookup.js';
import { unfinishedMove, whereHistorySays, type MoveFacts } from './unfinished-move.js';
import { fixHeading } from './gate-fix.js';

/** What a gate checks an idea against: the base schema every idea meets, and the criteria of each stage. */
export interface StageValidators {
  base: Validator;
  criteria: (stage: Stage) => Validator | undefined;
}

/** What a move's or a decision's history entry says besides where the idea went. */
export interface HistoryFields {
  by?: string;
  /** A decision's members with a conflict of interest, who took no part: "Bo Berg, Ce Dahl". */
  conflicts?: string;
  note?: string;
  decision?: Decision;
  amount?: number;
}

interface RequestBase {
  config: RegistryConfig;
  validators: StageValidators;
  /** The day of the history entry: YYYY-MM-DD. */
  date: string;
}

/** A move (`ideas move`) or a council's decision (`ideas decide`, `ideas review`) on an idea in the registry. */
export interface MoveRequest extends RequestBase, HistoryFields {
  kind: 'move';
  /** The idea as it stands, with any fields filled in on the way: the gate sees them. */
  idea: IdeaFields;
  /** The stage it goes to; null for a decision that leaves it where it is. */
  to: Stage | null;
  /** Through a closed gate all the same: the entry says `forced: true` (see override.ts). */
  force?: boolean;
  /** What git says of the file's last moves (see unfinished-move.ts). */
  facts?: MoveFacts;
}

/** A row of `ideas import` that becomes a new idea: it enters its stage through that stage's gate. */
export interface ImportRequest extends RequestBase {
  kind: 'import';
  /** The front matter the row gives, without history. */
  data: Record<string, unknown>;
  to: Stage;
  /** The file and row the idea comes from: "ideer.csv, rad 4". */
  source: string;
  /** The row's key (see core/exchange/reimport.ts); null for a row without a title. */
  key: string | null;
  by?: string;
}

export type HistoryRecord = Record<string, unknown>;

/** Append `entry` to the idea's history (its one change to the front matter), then put the file at `path`. */
export interface TransitionWrite {
  kind: 'write';
  from: Stage;
  /** Null for a decision in place. */
  to: Stage | null;
  /** Null for a decision in place, which passes no gate. */
  gate: Gate | null;
  /** Through a closed gate: the entry says so. */
  forced: boolean;
  /** A move made by hand (see unfinished-move.ts): the entry is written, and the file stays where it is. */
  inPlace?: true;
  entry: HistoryRecord;
  /** Where the file is once written, relative to the registry root. */
  path: string;
}

/**
 * The same move again after it was cut short (see unfinished-move.ts): the file already holds its entry, which is
 * not written twice; only the rename into `to` is left.
 */
export interface TransitionFinish {
  kind: 'finish';
  from: Stage;
  to: Stage;
  forced: boolean;
  /** The entry the file already has. */
  entry: HistoryRecord;
  path: string;
}

/** Refused: the gate is closed (or `to` is not a next stage) and the move is not forced. */
export interface GateRefusal {
  kind: 'refused';
  gate: Gate;
  /** What the idea lacks to enter the stage, each naming its field. */
  missing: SchemaProblem[];
}

/** Refused: the idea's last move was cut short towards another stage; that move is to be finished first. */
export interface UnfinishedRefusal {
  kind: 'unfinished';
  /** The stage key the move cut short leads to. */
  pending: string;
}

/**
 * Refused: an approval into a stage that grants funds says how much it grants (see amountAsked). A command that asks
 * the council (`ideas review`) asks for the amount on this answer and plans again with it.
 */
export interface AmountRefusal {
  kind: 'amount';
  to: Stage;
}

export type MovePlan = TransitionWrite | TransitionFinish | GateRefusal | UnfinishedRefusal | AmountRefusal;

/**
 * An idea adopted from another member (`ideas adopt`), its front matter made with its `adopted` entry
 * (core/region/spread.ts, adoptionData), into a stage of this registry: through the stage's gate, or past a closed
 * one with --force, which its entry then records (`forced: true`), as a forced move's does.
 */
export interface AdoptionRequest {
  data: Record<string, unknown>;
  to: Stage;
  config: RegistryConfig;
  validators: { base: Validator; criteria: (stage: Stage) => Validator | undefined };
  force: boolean;
}

/** An adoption's front matter as written (its entry marked when the gate was closed), or what keeps it out. */
export type AdoptionPlan =
  | { kind: 'write'; data: Record<string, unknown>; forced: boolean; missing: SchemaProblem[] }
  | { kind: 'refused'; missing: SchemaProblem[] };

export function planAdoption(r: AdoptionRequest): AdoptionPlan {
  const missing = missingFor(r.data, r.config, r.validators.base, r.validators.criteria(r.to));
  if (missing.length > 0 && !r.force) return { kind: 'refused', missing };
  const data = nullObjectFrom(Object.entries(r.data));
  const forced = missing.length > 0;
  const [first, ...rest] = Array.isArray(data.history) ? (data.history as Record<string, unknown>[]) : [];
  if (forced && first) data.history = [nullObjectFrom([...Object.entries(first), ['forced', true] as const]), ...rest];
  return { kind: 'write', data, forced, missing };
}

/** A new idea's entry into its stage, or what keeps it out. */
export type ImportPlan =
  { kind: 'write'; to: Stage; entry: HistoryRecord } | { kind: 'refused'; missing: SchemaProblem[] };

export function planTransition(request: MoveRequest): MovePlan;
export function planTransition(request: ImportRequest): ImportPlan;
export function planTransition(request: MoveRequest | ImportRequest): MovePlan | ImportPlan {
  return request.kind === 'import' ? planImport(request) : planMove(request);
}

function planMove(r: MoveRequest): MovePlan {
  const { to, config } = r;
  // Into the stage whose folder a file was moved to by hand: the move it made, from the stage its history says.
  // What git says of a file moved back by hand counts for the move into its folder's stage alone: a move elsewhere
  // (into the stage its history leads to) finishes a move cut short as before.
  const facts = to?.key === r.idea.stage.key ? r.facts : undefined;
  const idea = to?.key === r.idea.stage.key ? whereHistorySays(r.idea, config.stages, facts) : r.idea;
  const inPlace = idea !== r.idea;
  // Into the stage it stands in, by its history too: no move, and no entry that says one.
  if (to && to.key === idea.stage.key)
    throw new IdeasError('USAGE', 'err.sameStage', { id: idea.id ?? idea.path, stage: to.label });
  const from = idea.stage;
  const pending = unfinishedMove(idea, facts);
  if (pending !== null) {
    if (to?.key !== pending) return { kind: 'unfinished', pending };
    const history = historyOf(idea);
    const at = history.findLastIndex((e) => typeof e.to === 'string');
    const entry = history[at];
    // A move cut short is finished as it was written, but a hand-written one into the council's stage is no decision;
    // nor a return into it where the idea had not stood before that entry.
    requireCouncil(idea, to, isDecision(entry?.decision) ? entry.decision : undefined, config, history.slice(0, at));
    return {
      kind: 'finish',
      from,
      to,
      forced: entry?.forced === true,
      entry: { ...entry },
      path: pathIn(config, idea, to),
    };
  }
  requireCouncil(idea, to, r.decision, config);
  if (r.amount !== undefined) requireFunding(to, r.decision);
  const gate = to ? checkGate(idea, to, config, r.validators.base, r.validators.criteria(to)) : null;
  if (gate && !gate.open && !r.force) return { kind: 'refused', gate, missing: gate.missing };
  if (to && r.amount === undefined && amountAsked(r.decision, to)) return { kind: 'amount', to };
  const forced = gate !== null && !gate.open;
  // The keys in the order every entry has had them, so a file reads the same whichever command wrote it.
  const entry: HistoryRecord = { date: r.date, action: to ? 'moved' : 'decided' };
  if (to) {
    entry.from = from.key;
    entry.to = to.key;
  }
  if (r.by) entry.by = r.by;
  if (r.conflicts) entry.conflicts = r.conflicts;
  if (r.decision) entry.decision = r.decision;
  if (r.amount !== undefined) entry.amount = r.amount;
  if (forced) entry.forced = true;
  if (r.note) entry.note = r.note;
  if (inPlace) return { kind: 'write', from, to, gate, forced, inPlace, entry, path: r.idea.path };
  return { kind: 'write', from, to, gate, forced, entry, path: pathIn(config, idea, to) };
}

function planImport(r: ImportRequest): ImportPlan {
  const missing = missingFor(r.data, r.config, r.validators.base, r.validators.criteria(r.to));
  if (missing.length > 0) return { kind: 'refused', missing };
  return { kind: 'write', to: r.to, entry: importEntry(r.date, r.source, r.key, r.by, r.to) };
}

/**
 * The entry of an import: into a stage for a new idea; without one for an idea imported before, which an import
 * never moves (that goes through the sluice's gates: `ideas move`).
 */
export function importEntry(
  date: string,
  source: string,
  key: string | null,
  by: string | undefined,
  to: Stage | null,
): HistoryRecord {
  const entry: HistoryRecord = { date, action: 'imported' };
  if (to) entry.to = to.key;
  entry.source = source;
  if (key) entry.key = key;
  if (by) entry.by = by;
  return entry;
}

/** The idea's file once in `to`: the same name in the stage's folder; where it is for a decision in place. */
function pathIn(config: RegistryConfig, idea: IdeaFields, to: Stage | null): string {
  if (!to) return idea.path;
  return `${config.ideasDir}/${to.folder}/${idea.path.slice(idea.path.lastIndexOf('/') + 1)}`;
}

/**
 * The council rule: the idea council decides on moves into a stage with `council: true`, so a move there is a
 * decision that leads there (`ideas decide`, `ideas review`: an approval, or a return from a later stage), never a
 * plain `ideas move`, forced or not. Without a decision, the error names the command that records the council's.
 */
export function requireCouncil(
  idea: IdeaFields,
  to: Stage | null,
  decision: Decision | undefined,
  config?: RegistryConfig,
  /** The history before the decision: all of it, but for a move cut short, whose entry is the decision itself. */
  before: readonly unknown[] = historyOf(idea),
): void {
  if (!to?.council) return;
  if (decision !== undefined) {
    if (councilLeadsInto(decision, idea.stage, to, config, before)) return;
    throw new IdeasError('USAGE', 'err.councilDecisionNotThere', {
      decision: decisionNames(decision),
      stage: to.label,
    });
  }
  const reachable = idea.stage.next.includes(to.key) || (config !== undefined && councilReturn(config, idea.stage, to));
  if (reachable)
    throw new IdeasError(
      'USAGE',
      'err.councilDecides',
      { stage: to.label },
      { hint: 'hint.councilDecides', hintParams: { command: councilCommand(ideaWord(idea), to, config) } },
    );
  const next = idea.stage.next.map((key) => (config ? stageLabelOf(config, key) : { sv: key, en: key }));
  // A stage the idea's does not lead to: the command that records the council's approval into the next stage, said
  // as that, with the stage named in it. Not `--to` the stage asked for, which the council could not take from here
  // either (or only with --force, skipping a stage); nor a bare approval, which, run as a way to where was asked,
  // recorded a decision on a stage the coordinator never named.
  const forward = config ? forwardStage(idea.stage, config) : undefined;
  throw new IdeasError(
    'USAGE',
    'err.councilNotNext',
    {
      stage: to.label,
      from: idea.stage.label,
      next: { sv: next.map((l) => l.sv).join(', ') || '–', en: next.map((l) => l.en).join(', ') || '–' },
    },
    forward
      ? {
          hint: 'hint.councilNextStep',
          hintParams: { next: forward.label, command: councilCommand(ideaWord(idea), forward, config) },
        }
      : {},
  );
}

/**
 * The council's rule for a move into one of its stages (`council: true`): the entry must be its decision, one that
 * leads there: an approval, or a return to it from a later stage. The one rule a move, a decision and a review hold,
 * and `ideas diff` for a history written by hand. An import or an adoption (planAdoption) is no move: it brings an
 * idea into a stage through the stage's gate, and `ideas diff` lists it among the things to review.
 */
export function councilLeadsInto(
  decision: unknown,
  from: Stage | undefined,
  to: Stage,
  config: RegistryConfig | undefined,
  history: readonly unknown[],
): boolean {
  if (decision === 'approve') return true;
  return (
    decision === 'return' &&
    from !== undefined &&
    config !== undefined &&
    councilReturn(config, from, to) &&
    ledBack(to, history)
  );
}

/** Whether a return leads back: into a stage before the one the idea is in, in the config's order. */
function councilReturn(config: RegistryConfig, from: Stage, to: Stage): boolean {
  const at = (s: Stage) => config.stages.findIndex((x) => x.key === s.key);
  return at(to) !== -1 && at(to) < at(from);
}

/**
 * Whether `to` is behind the idea, by its history (the entries before the return): a stage it has stood in, as its
 * start or a move's entry says. The config's order is not all: the stages an idea leaves the way for (Parked,
 * Rejected) stand after every other, and a return from Parked led, forced, into any stage the council decides on,
 * where the idea had never been (found from outside). Only where the idea was: an entry that merely names a stage
 * (`from: test` in a note) says nothing, and an idea with no history has stood nowhere a return could lead back to.
 */
function ledBack(to: Stage, history: readonly unknown[]): boolean {
  return history.some((e) => isRecord(e) && e.to === to.key && (isStartAction(e.action) || typeof e.from === 'string'));
}

/** The command that records the council's approval of `id` into `to`, in each language, the stage by its name. */
export function councilCommand(id: string, to: Stage, config: RegistryConfig | undefined): Localized {
  const word = (lang: Lang) => (config ? stageWord(config.stages, to, lang) : to.key);
  // Into a stage that grants funds, with the amount to fill in as well: decide asks for one there.
  const amount = (lang: Lang) => (to.funding ? ` --amount ${shellQuote(t(lang, 'hint.exampleAmount'))}` : '');
  const command = (lang: Lang) =>
    `ideas decide ${shellQuote(id)} --decision ${decisionName('approve', lang)} --to ${shellQuote(word(lang))} --reason ${shellQuote(t(lang, 'hint.councilReason'))}${amount(lang)}`;
  return { sv: command('sv'), en: command('en') };
}

/**
 * The amount a council's decision into `to` names where a hint describes that decision in words (in double quotes,
 * as the hint's reason is): to fill in where the stage grants funds, since decide asks for it there; '' elsewhere.
 */
export function councilAmountWords(to: Pick<Stage, 'funding'>, lang: Lang): string {
  return to.funding ? ` --amount "${t(lang, 'hint.exampleAmount')}"` : '';
}

/**
 * The command that writes the entry of a move made by hand into `to`, a stage the council does not decide on (see
 * unfinished-move.ts), past a closed gate with `force`. Into the council's stage it is the council's decision,
 * which a hint describes rather than prints: run as printed, it would record a decision no one made.
 */
export function recordingCommand(idea: { id: string | null; path: string }, to: Stage, force: boolean): string {
  return `ideas move ${shellQuote(ideaWord(idea))} ${shellQuote(to.key)}${force ? ' --force' : ''}`;
}

/**
 * The command that puts a file moved by hand into a stage's folder back into the folder of `stage`, where its history
 * says it is: what to do when the council has not decided the move. A plain `mv`, since a file dragged there is not
 * yet known to git in its new place (`git mv` refuses it); git sees the file where it was once more.
 */
export function moveBackCommand(path: string, stage: Stage, config: RegistryConfig): string {
  return `mv ${shellQuote(path)} ${shellQuote(`${config.ideasDir}/${stage.folder}/`)}`;
}

/**
 * Whether a decision into `to` must say how much the council grants, 0 included: an approval into a stage that grants
 * funds (`funding: true`). An amount left out could never be added to the history afterwards, and the report and the
 * site would show nothing granted for good.
 */
export function amountAsked(decision: Decision | undefined, to: Stage | null): to is Stage {
  return decision === 'approve' && to?.funding === true;
}

/**
 * Money is granted by approving an idea into a stage that grants it (`funding: true`): with no decision (a move), or
 * one that sends back, parks or rejects, an amount is refused, whatever the stage.
 */
export function requireFunding(to: Stage | null, decision: Decision | undefined): void {
  if (decision !== 'approve') throw new IdeasError('USAGE', 'err.amountNotApproved', {});
  if (!to?.funding) throw new IdeasError('USAGE', 'err.amountNotFunded', { stage: to?.label ?? '–' });
}

/** Where a decision takes an idea: approve forward, park and reject to those stages, return nowhere (advice only). */
export function decisionTarget(
  idea: IdeaFields,
  decision: Decision,
  config: RegistryConfig,
  explicit?: string,
): Stage | null {
  if (explicit) return resolveStage(config, explicit);
  const next = (key: string) => (idea.stage.next.includes(key) ? config.stages.find((s) => s.key === key) : undefined);
  switch (decision) {
    case 'approve': {
      const to = forwardStage(idea.stage, config);
      if (!to) throw new IdeasError('USAGE', 'err.finalStage', { id: idea.id ?? idea.path, stage: idea.stage.label });
      return to;
    }
    case 'park':
    case 'reject': {
      // Parked already (or rejected): said so, rather than that the stage has no next stage for the decision.
      const already = decision === 'park' ? ['parked'] : ['rejected', 'dropped'];
      if (already.includes(idea.stage.key))
        throw new IdeasError('USAGE', 'err.sameStage', { id: idea.id ?? idea.path, stage: idea.stage.label });
      const to = decision === 'park' ? next('parked') : (next('rejected') ?? next('dropped'));
      if (!to) {
        // The stages it does lead to, by their labels: a --to to anywhere else is refused as well.
        const labels = idea.stage.next.map((k) => stageLabelOf(config, k));
        throw new IdeasError('USAGE', 'err.noStageFor', {
          stage: idea.stage.label,
          decision: decisionNames(decision),
          next: { sv: labels.map((l) => l.sv).join(', ') || '–', en: labels.map((l) => l.en).join(', ') || '–' },
        });
      }
      return to;
    }
    case 'return':
      return null;
  }
}

/**
 * Why a plan was refused, as the error the command ends with: a closed gate (exit 1) with what is missing in plain
 * words, each naming its field, and the commands that fill it in; or a move cut short, with the command that finishes it.
 */
export function refusalError(
  plan: GateRefusal | UnfinishedRefusal | AmountRefusal,
  idea: IdeaFields,
  lang: Lang,
  config: RegistryConfig,
  fix: readonly string[] = [],
): IdeasError {
  if (plan.kind === 'refused') return gateClosedError(plan.gate, idea, lang, config, fix);
  if (plan.kind === 'amount') return new IdeasError('USAGE', 'err.decideAmount', { stage: plan.to.label });
  const id = idea.id ?? idea.path;
  return new IdeasError(
    'CONFLICT',
    'err.unfinishedMove',
    { id, to: stageLabelOf(config, plan.pending), stage: idea.stage.label },
    // The hint is a command: the stage's key, as `ideas move` takes it, and the id quoted for the shell.
    { hint: 'hint.unfinishedMove', hintParams: { id: shellQuote(id), to: shellQuote(plan.pending) } },
  );
}

function gateClosedError(
  gate: Gate,
  idea: IdeaFields,
  lang: Lang,
  config: RegistryConfig,
  fix: readonly string[],
): IdeasError {
  // A stage that leads nowhere (rejected): no completing opens a way out of it.
  const final = gate.from.next.length === 0;
  const details = [
    ...(gate.allowed
      ? []
      : [
          final
            ? t(lang, 'err.moveFromFinal', { from: gate.from.label[lang] })
            : t(lang, 'err.moveNotAllowed', {
                from: gate.from.label[lang],
                to: gate.to.label[lang],
                next: gate.from.next.map((k) => stageLabelOf(config, k)[lang]).join(', '),
              }),
        ]),
    ...gate.missing.map((m) => m.message[lang]),
    // The commands that fill in what is missing, one per field, to copy and run.
    ...(gate.allowed && fix.length > 0 ? [t(lang, fixHeading(gate.missing)), ...fix.map((f) => `  ${f}`)] : []),
  ];
  return new IdeasError(
    'GATE_CLOSED',
    'err.gateClosed',
    { from: gate.from.label[lang], to: gate.to.label[lang], id: idea.id ?? idea.path },
    {
      // Completing the idea opens a closed gate, never a way the config does not have.
      hint: gate.allowed ? 'hint.gateClosed' : final ? 'hint.moveFromFinal' : 'hint.moveNotNext',
      details,
    },
  );
}

/** The commit message of a transition (`--commit`): the idea, where it went or what was decided, why and by whom. */
/**
 * The first line of the commit of a change to one idea, as every command that commits one writes it: the id, the
 * title, and what changed in brackets (a move, a decision, the fields set by their labels).
 */
export function commitHead(idea: Pick<IdeaFields, 'id' | 'title'>, what: string): string {
  return `${idea.id}: ${idea.title ?? ''} (${what})`;
}

export function commitMessage(
  idea: IdeaFields,
  from: Stage,
  to: Stage | null,
  lang: Lang,
  fields: HistoryFields,
): string {
  const head = commitHead(
    idea,
    to ? `${from.label[lang]} → ${to.label[lang]}` : fields.decision ? decisionName(fields.decision, lang) : '',
  );
  const body = [
    fields.decision ? t(lang, 'history.decided', { decision: decisionWord(fields.decision, lang) }) : '',
    fields.note ?? '',
    fields.by ? `— ${fields.by}` : '',
  ].filter(Boolean);
  return body.length > 0 ? `${head}\n\n${body.join('\n')}` : head;
}
