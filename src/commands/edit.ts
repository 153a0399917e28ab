/**
 * `ideas edit <id>`: changes an idea's fields and text without a text editor for YAML. `--set field=value` types
 * the value by the field's schema as `ideas new --set` does, `--unset field` removes one, `--body`/`--body-file`
 * replaces the text. At a terminal with none of these, it offers the fields of the idea's stage and of the gates
 * ahead, each asked as its schema says, and the text in the user's editor. Each edit changes only its own lines
 * (core/front-matter/front-matter-edit.ts), written atomically under the write lock; changes the council relies on
 * go into the history (core/sluice/idea-edit.ts).
 */
import { noPromptReason, type CommonOptions, type Ctx } from '../context.js';
import { IdeasError } from '../core/errors.js';
import { foldRecordKeys, typeFlagValue } from '../core/criteria/fields.js';
import { parseSets, parseUnsets } from '../core/criteria/set-flags.js';
import type { FieldTitles } from '../core/criteria/field-titles.js';
import { describeErrors } from '../core/criteria/schema-check.js';
import { baseValidators, compileCriteria } from '../io/schemas.js';
import { appendHistoryEntry, removeField, setBody, setField } from '../core/front-matter/front-matter-edit.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import type { Stage } from '../core/sluice/config.js';
import {
  createdBroken,
  fieldChanges,
  planFieldEdit,
  repairsCreated,
  type FieldChange,
} from '../core/sluice/idea-edit.js';
import { isoDate, latestToday, type Idea } from '../core/sluice/idea.js';
import { editorName, userEditor } from '../io/editor.js';
import { findIdea } from '../io/find-idea.js';
import { editText, readIdeaText, rewriteIdea, type WriteOutcome } from '../io/idea-write.js';
import { loadCriteria, type Criteria, type Registry } from '../io/registry.js';
import { askField, fieldHelp, questionTitle } from '../ui/field-prompt.js';
import type { Prompter } from '../ui/prompter.js';
import { askingFirst } from './nothing-saved.js';
import { terminalLine } from '../core/terminal-text.js';
import { valueWords, type ValueWords } from '../core/sluice/value-words.js';
import { commitHead } from '../core/sluice/transition.js';
import { bodyFromFlags } from './body-text.js';
import { textInEditor } from './editor-text.js';
import { openRegistry } from './open-registry.js';
import { requireCommitter } from '../io/git.js';
import { actingName } from './acting-name.js';
import { gateFor } from './stage-gate.js';
import { fieldBook, type FieldBook } from './field-book.js';

type Schema = Record<string, unknown>;

export interface EditOptions extends CommonOptions {
  id: string;
  set: string[];
  unset: string[];
  body?: string;
  bodyFile?: string;
  by?: string;
  commit?: boolean;
}

export interface EditResult extends WriteOutcome {
  kind: 'idea-edited';
  registry: Registry;
  lang: Lang;
  changes: FieldChange[];
  bodyChanged: boolean;
  /** The fields whose changes were written in the history. */
  recorded: string[];
  /** The changed fields' labels. */
  titles: FieldTitles;
}

export async function runEdit(opts: EditOptions, ctx: Ctx): Promise<EditResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  if (opts.commit) await requireCommitter(registry.root);
  const criteria = loadCriteria(registry);
  const idea = findIdea(registry, opts.id);
  const book = fieldBook(registry, criteria, lang);
  const given = new Map<string, unknown>();
  const today = latestToday(ctx.clock());
  // A `created` that is no date, or lies after today, may be set right (once, to a date not after today).
  const repairable = createdBroken(idea.data.created, today) ? ['created'] : [];
  for (const [name, raw] of parseSets(opts.set, book.settable, book.base, { repairable, criteria: book.criteria })) {
    if (name === 'created') {
      const date = (raw.at(-1) ?? '').trim();
      if (!repairsCreated(idea.data.created, date, today))
        throw new IdeasError('INVALID_ANSWER', 'err.badCreated', { value: date, today });
      given.set(name, date);
    } else given.set(name, typeFlagValue(book.spec(name), raw));
  }
  // A key of the idea's own may be removed too (one typed as a field's label in a web editor), never one kept; it is
  // removed as the key it is, never read as a part of a field (`tags.old` is not `old` of `tags`).
  const own = new Set<string>();
  for (const name of parseUnsets(opts.unset, book.settable, book.base, {
    present: Object.keys(idea.data),
    criteria: book.criteria,
  })) {
    if (given.has(name)) throw new IdeasError('USAGE', 'err.setAndUnset', { field: name });
    if (book.settable.includes(name)) given.set(name, undefined);
    else own.add(name);
  }
  // `--set team_gender.women=2` sets one key of the record, keeping the others.
  const wanted = foldRecordKeys(given, idea.data);
  for (const name of own) wanted.set(name, undefined);
  let body = bodyFromFlags(opts, ctx.cwd);
  if (wanted.size === 0 && body === undefined) {
    if (noPromptReason(ctx, opts) !== null)
      throw new IdeasError('USAGE', 'err.nothingToEdit', { id: idea.id ?? opts.id });
    const prompter = await ctx.prompter(lang);
    body = await askingFirst(() => interview(prompter, registry, criteria, idea, book, wanted, lang, ctx));
  }
  return applyEdit(registry, criteria, idea, book, wanted, body, opts, ctx, lang);
}

/** The text of an idea with fields set or removed (undefined removes) and its body replaced, each in least change. */
export function editedText(idea: Idea, before: string, changes: readonly FieldChange[], body?: string): string {
  let text = before;
  for (const c of changes)
    text = editText(idea, () => (c.new === undefined ? removeField(text, c.field) : setField(text, c.field, c.new)));
  if (body !== undefined) text = editText(idea, () => setBody(text, body));
  return text;
}

/** The data of an idea's edited text, read back as every command reads it. */
function dataOf(text: string): Record<string, unknown> {
  const fm = readFrontMatter(Buffer.from(text, 'utf8'));
  if (!fm.ok) throw new Error('an edited idea could not be read back');
  return fm.data as Record<string, unknown>;
}

/** Refuses an edit that makes a field it changed invalid in the idea's stage; other problems the idea had stay its own. */
function checkEdited(
  data: Record<string, unknown>,
  stage: Stage,
  criteria: Map<string, Criteria>,
  changed: ReadonlySet<string>,
  lang: Lang,
  label: (field: string) => string,
): void {
  const { idea } = baseValidators();
  const stageCheck = criteria.get(stage.key)?.validate;
  const problems = [
    ...(idea(data) ? [] : describeErrors(idea.errors)),
    ...(stageCheck && !stageCheck(data) ? describeErrors(stageCheck.errors as never) : []),
  ].filter((p) => changed.has(p.field));
  const first = problems[0];
  if (!first) return;
  throw new IdeasError(
    'INVALID_ANSWER',
    'err.editBreaks',
    { field: label(first.field), problem: first.message[lang].replace(/^[^:]*: /, '') },
    { details: problems.slice(1).map((p) => p.message[lang]) },
  );
}

async function applyEdit(
  registry: Registry,
  criteria: Map<string, Criteria>,
  idea: Idea,
  book: FieldBook,
  wanted: ReadonlyMap<string, unknown>,
  body: string | undefined,
  opts: EditOptions,
  ctx: Ctx,
  lang: Lang,
): Promise<EditResult> {
  const before = readIdeaText(idea);
  const changes = fieldChanges(idea.data, wanted);
  const newBody = body !== undefined && body.replace(/\r\n?/g, '\n').trim() !== idea.body.trim() ? body : undefined;
  const done = {
    kind: 'idea-edited' as const,
    registry,
    lang,
    changes,
    bodyChanged: newBody !== undefined,
    titles: book.titles(changes.map((c) => c.field)),
  };
  if (changes.length === 0 && newBody === undefined)
    return { ...done, recorded: [], idea, staged: false, committed: false };
  const by = await actingName(opts.by, registry);
  const rules = { base: book.base, schemaOf: (f: string) => book.spec(f).schema, latest: latestToday(ctx.clock()) };
  const { kept, entries } = planFieldEdit(changes, rules, isoDate(ctx.clock()), by);
  // --set and --unset refuse these fields by name already; the rule is the one an import's update obeys too.
  if (kept[0])
    throw new IdeasError('USAGE', 'err.readOnlyField', {
      field: kept[0].field,
      flag: kept[0].new === undefined ? '--unset' : '--set',
    });
  let text = editedText(idea, before, changes, newBody);
  // The fields by their labels, as the terminal names them: in a refusal, and in a commit's message too.
  const labelOf = (field: string) => done.titles[field]?.[lang] ?? field;
  checkEdited(dataOf(text), idea.stage, criteria, new Set(changes.map((c) => c.field)), lang, labelOf);
  for (const entry of entries) text = editText(idea, () => appendHistoryEntry(text, entry));
  const what = [
    ...changes.map((c) => labelOf(c.field)),
    ...(newBody !== undefined ? [t(lang, 'out.bodyChanged')] : []),
  ];
  const message = opts.commit ? commitHead(idea, what.join(', ')) : null;
  const outcome = await rewriteIdea(registry, idea, before, text, ctx.env, message);
  return { ...done, recorded: entries.map((e) => e.field as string), ...outcome };
}

const SAVE = '\0save';
const BODY = '\0body';

/** A value as the menu shows it: short, on one line, in the words of core/sluice/value-words.ts. */
function shown(value: unknown, lang: Lang, words: ValueWords): string {
  const line = terminalLine(valueWords(value, lang, words));
  return line.length > 48 ? `${line.slice(0, 47)}…` : line;
}

function namesOf(schema: Schema | undefined): string[] {
  if (!schema) return [];
  const required = Array.isArray(schema.required) ? schema.required.filter((x) => typeof x === 'string') : [];
  const props = schema.properties && typeof schema.properties === 'object' ? Object.keys(schema.properties) : [];
  return [...required, ...props] as string[];
}

/**
 * The questions at a terminal: a menu of the fields of the idea's stage and of the gates ahead (each marked with the
 * stages it is still needed for), the text, and "save"; each chosen field asked as its schema says. Returns the text
 * when it was changed.
 */
async function interview(
  prompter: Prompter,
  registry: Registry,
  criteria: Map<string, Criteria>,
  idea: Idea,
  book: FieldBook,
  wanted: Map<string, unknown>,
  lang: Lang,
  ctx: Ctx,
): Promise<string | undefined> {
  const { config } = registry;
  const next = idea.stage.next.map((k) => config.stages.find((s) => s.key === k)).filter((s) => s !== undefined);
  const names: string[] = [];
  const add = (n: string) => {
    if (book.settable.includes(n) && !names.includes(n)) names.push(n);
  };
  add('title');
  for (const n of namesOf(criteria.get(idea.stage.key)?.schema)) add(n);
  for (const s of next) for (const n of namesOf(criteria.get(s.key)?.schema)) add(n);
  for (const n of ['carrier', 'coach', 'unit', 'challenge', 'tags']) add(n);
  // What the idea's own stage requires is asked as required: never "(optional, Enter skips)" for a test plan in Test.
  const ownSchema = criteria.get(idea.stage.key)?.schema;
  const requiredHere = new Set(
    Array.isArray(ownSchema?.required) ? ownSchema.required.filter((x): x is string => typeof x === 'string') : [],
  );
  const specOf = (n: string) => {
    const spec = book.spec(n);
    return requiredHere.has(n) && !spec.required ? { ...spec, required: true } : spec;
  };
  const neededFor = new Map<string, string[]>();
  for (const s of next) {
    for (const m of gateFor(registry, criteria, idea, s).missing)
      neededFor.set(m.field, [...(neededFor.get(m.field) ?? []), s.label[lang]]);
  }
  const editor = userEditor(ctx.env);
  let body: string | undefined;
  let last: string = SAVE;
  for (;;) {
    const current = (n: string) => (wanted.has(n) ? wanted.get(n) : idea.data[n]);
    const choices = [
      { value: SAVE, name: t(lang, 'prompt.editSave') },
      ...names.map((n) => {
        const spec = specOf(n);
        const needed = neededFor.get(n);
        const mark = wanted.has(n)
          ? `  (${t(lang, 'prompt.changed')})`
          : needed
            ? `  (${t(lang, 'prompt.neededFor', { stage: needed.join(', ') })})`
            : '';
        return {
          value: n,
          name: `${questionTitle(spec, lang)}: ${shown(current(n), lang, { field: n, challenges: config.challenges, schema: spec.schema })}${mark}`,
          description: fieldHelp(spec, lang),
        };
      }),
      {
        value: BODY,
        name: `${editor ? t(lang, 'prompt.editBody', { editor: editorName(editor) }) : t(lang, 'prompt.editBodyInline')}${
          body !== undefined && body !== idea.body ? `  (${t(lang, 'prompt.changed')})` : ''
        }`,
      },
    ];
    const at = choices.findIndex((c) => c.value === last);
    const dflt = choices[Math.min(at + 1, choices.length - 1)]?.value ?? SAVE;
    const pick = await prompter.select({
      message: t(lang, 'prompt.editWhat', { title: idea.title ?? idea.path }),
      choices,
      default: last === SAVE ? (names[0] ?? SAVE) : dflt,
    });
    if (pick === SAVE) return body;
    last = pick;
    if (pick === BODY) {
      const now = body ?? idea.body;
      // Without an editor of their own, the text is typed here, line by line, paragraphs and all.
      body = editor
        ? await textInEditor(editor, now, prompter, lang, registry.root, ctx.env)
        : await prompter.text({ message: t(lang, 'prompt.editBodyInline'), default: now });
      continue;
    }
    const answer = await askField(
      prompter,
      specOf(pick),
      lang,
      compileCriteria,
      current(pick),
      neededFor.get(pick)?.join(', '),
    );
    if (answer === undefined) continue;
    if (JSON.stringify(answer) === JSON.stringify(idea.data[pick])) wanted.delete(pick);
    else wanted.set(pick, answer);
  }
}
