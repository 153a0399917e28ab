import type { RegistryConfig, Stage } from '../sluice/config.js';
import type { Finding, Severity } from '../finding.js';
import { readFrontMatter, MATTER_FIRST_LINE } from '../front-matter/front-matter.js';
import { t, type Lang, type Localized, type MessageKey, type Params } from '../i18n/i18n.js';
import { createdAfter, historyOf, startsAgain, toIdeaFields, type IdeaFields } from '../sluice/idea.js';
import { unfinishedMove } from '../sluice/unfinished-move.js';
import { councilAmountWords, moveBackCommand, recordingCommand } from '../sluice/transition.js';
import { idFromFileName, namesId } from '../sluice/id-text.js';
import { ideaWord, shellQuote } from '../shell/quote.js';
import { overrideIn } from '../sluice/override.js';
import { stageLabelOf, stageWord } from '../sluice/stage-lookup.js';
import { challengeProblem } from '../sluice/challenge.js';
import { YamlPositions } from '../front-matter/positions.js';
import { isGluedComment } from '../front-matter/glued-comment.js';
import { describeErrors, isUnwanted, type SchemaProblem, type Validator } from './schema-check.js';
import { nearMiss } from '../near-miss.js';
import { escapePointerToken } from '../json-pointer.js';
import { fieldNamedByLabel, keyForm, type FieldTitles } from './field-titles.js';

export interface FileToCheck {
  path: string;
  abs: string;
  stage: Stage | null;
  misplaced: 'outside-stage' | 'unknown-folder' | null;
  folder: string;
  symlink: boolean;
}

export interface CheckContext {
  config: RegistryConfig;
  lang: Lang;
  base: Validator;
  criteria: ReadonlyMap<string, { validate: Validator }>;
  /**
   * The fields the base schema and the stages' criteria name at the top: a key of an idea's own that is one letter
   * or two from one of them, which the idea lacks, is likely that field misspelled (see fieldNames).
   */
  fields?: ReadonlySet<string>;
  /** Each of those fields' labels (sv and en): a key written as a field's label (`enhet:`) is that field. */
  labels?: FieldTitles;
  /** Those of the fields an edit may set (not the ones the tool keeps): what a key of the idea's own may stand for. */
  settable?: ReadonlySet<string>;
}

/** The fields the schemas name at the top (`properties` and `required`): what a misspelled key is compared with. */
export function fieldNames(schemas: readonly unknown[]): Set<string> {
  const names = new Set<string>();
  for (const schema of schemas) {
    if (schema === null || typeof schema !== 'object') continue;
    const { properties, required } = schema as { properties?: unknown; required?: unknown };
    if (properties !== null && typeof properties === 'object') for (const k of Object.keys(properties)) names.add(k);
    if (Array.isArray(required)) for (const k of required) if (typeof k === 'string') names.add(k);
  }
  return names;
}

export interface FileCheck {
  /** The idea's fields, when it could be read (its text is not: no check needs it). */
  idea: IdeaFields | null;
  findings: Finding[];
}

function finding(
  file: string,
  line: number | null,
  column: number | null,
  rule: string,
  severity: Severity,
  lang: Lang,
  message: MessageKey,
  hint: MessageKey | null,
  params: Params = {},
): Finding {
  return {
    file,
    line,
    column,
    rule,
    severity,
    message: t(lang, message, params),
    hint: hint ? t(lang, hint, params) : null,
  };
}

/** Characters a file name must not have: controls (tab and line breaks among them), and U+FFFD for bytes not UTF-8. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const BAD_NAME = /[\x00-\x1f\x7f-\x9f\u2028\u2029\uFFFD]/;

/**
 * The places (keys and indexes, from the top) of the texts in `value` holding a NUL, values and keys, each saying
 * whether it is the key at its place.
 */
function nulPaths(value: unknown, at: string[]): { path: string[]; key: boolean }[] {
  if (typeof value === 'string') return value.includes('\0') ? [{ path: at, key: false }] : [];
  if (value === null || typeof value !== 'object') return [];
  const out: { path: string[]; key: boolean }[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nulPaths(v, [...at, String(i)])));
  else
    for (const [k, v] of Object.entries(value)) {
      // A key with one is said where it stands; what it holds is looked through all the same.
      if (k.includes('\0')) out.push({ path: [...at, k], key: true });
      out.push(...nulPaths(v, [...at, k]));
    }
  return out;
}

/** A top-level key at the start of a line (no indentation), as the readers take a plain key, then `:` and a space. */
const TOP_KEY = /^[A-Za-z_\u00C0-\u024F][^:\n]*:[ \t]/;

/**
 * The top-level text values followed by a comment glued to its `#`, as the value was read: only a value the data
 * holds as that text (a plain scalar on its line), so that nothing else is taken for one. One pass over each line,
 * by index: a regular expression with a run of spaces between the value and the `#` backtracked on long lines.
 */
function gluedComments(
  matter: string,
  data: Record<string, unknown>,
): { key: string; value: string; comment: string }[] {
  const out: { key: string; value: string; comment: string }[] = [];
  for (let start = 0; start < matter.length;) {
    let end = matter.indexOf('\n', start);
    if (end === -1) end = matter.length;
    const line = matter.slice(start, matter.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    const head = TOP_KEY.exec(line);
    if (!head) continue;
    const key = line.slice(0, head[0].length - 2);
    // YAML's comment starts at the first `#` after a space or a tab.
    let hash = -1;
    for (let i = head[0].length; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 35 /* # */ && (line.charCodeAt(i - 1) === 32 || line.charCodeAt(i - 1) === 9)) {
        hash = i;
        break;
      }
    }
    // A comment people mean starts `# `; one glued to its `#` (`#1`) was meant as text.
    if (hash === -1 || !isGluedComment(line, hash)) continue;
    const value = line.slice(head[0].length, hash).trim();
    if (value === '' || !Object.hasOwn(data, key) || data[key] !== value) continue;
    out.push({ key, value, comment: line.slice(hash + 1).trimEnd() });
  }
  return out;
}

/**
 * The field a key no schema names most likely stands for, and how it was found, or null: the field in other letters'
 * case (`Coach:`, whether the idea has it or not), or one the idea lacks whose label (or its first words, four letters
 * or more) the key is (`enhet:`, `idécoach:`), or which is one letter or two from it (`caoch:`). Only fields an edit
 * may set are candidates (`fields`): never the ones the tool keeps (`based:` is no `basedOn`).
 */
function meantField(
  key: string,
  data: Record<string, unknown>,
  fields: ReadonlySet<string>,
  labels: FieldTitles | undefined,
): { field: string; how: 'case' | 'label' | 'near' } | null {
  const form = keyForm(key);
  for (const f of fields) if (keyForm(f) === form) return { field: f, how: 'case' };
  const absent = [...fields].filter((f) => !Object.hasOwn(data, f));
  // The label, or its first words (`enhet`, `närmsta chef`), of a field the idea lacks.
  const named = labels ? fieldNamedByLabel(key, absent, labels) : undefined;
  if (named !== undefined) return { field: named, how: 'label' };
  const near = nearMiss(
    key,
    absent.map((f) => ({ text: f, value: f })),
  );
  return near ? { field: near.value, how: 'near' } : null;
}

/**
 * A value as `--set` takes it back, for a key to move to its field: a text, a number, yes or no in the message's
 * language, or a list of those without commas; null for anything else (a mapping, a list of them), which is moved by
 * hand.
 */
function setWords(value: unknown, lang: Lang): string | null {
  if (typeof value === 'string') return value.includes('\n') ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return t(lang, value ? 'yes' : 'no');
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    const items = value.map(String);
    return items.some((i) => i.includes(',') || i.includes('\n')) ? null : items.join(',');
  }
  return null;
}

/** Checks one file from its bytes: never throws, whatever the bytes are. */
export function checkIdeaFile(file: FileToCheck, bytes: Uint8Array, ctx: CheckContext): FileCheck {
  const { lang, config } = ctx;
  const findings: Finding[] = [];
  if (file.symlink) {
    return {
      idea: null,
      findings: [finding(file.path, 1, 1, 'file/symlink', 'error', lang, 'f.symlink', 'h.symlink')],
    };
  }
  if (BAD_NAME.test(file.path)) {
    // A name read as U+FFFD was not UTF-8: the path Node has for it is not the file's, so it cannot be read.
    const named = finding(file.path, 1, 1, 'file/name', 'error', lang, 'f.fileNameChars', 'h.fileNameChars');
    if (file.path.includes('\uFFFD')) return { idea: null, findings: [named] };
    findings.push(named);
  }
  const folders = file.misplaced ? config.stages.map((s) => `${config.ideasDir}/${s.folder}`).join(', ') : '';
  if (file.misplaced === 'outside-stage') {
    findings.push(
      finding(file.path, 1, 1, 'layout/outside-stage', 'error', lang, 'f.outsideStage', 'h.outsideStage', { folders }),
    );
  } else if (file.misplaced === 'unknown-folder') {
    findings.push(
      finding(file.path, 1, 1, 'layout/unknown-folder', 'error', lang, 'f.unknownFolder', 'h.unknownFolder', {
        folder: `${config.ideasDir}/${file.folder}`,
        folders,
      }),
    );
  }

  const fm = readFrontMatter(bytes, { body: false });
  if (!fm.ok) {
    findings.push(finding(file.path, fm.line, fm.column, fm.rule, 'error', lang, fm.message, fm.hint, fm.params));
    return { idea: null, findings };
  }
  // No key of the data names a way into a prototype: the reader refuses the whole file at the first such key,
  // wherever it stands and in any case (src/core/front-matter/yaml-read.ts), with its place.
  if (!file.stage) return { idea: null, findings };

  const idea = toIdeaFields(fm.data, file.stage, file.path, file.abs);
  const problems: { problem: SchemaProblem; rule: string }[] = [];
  if (!ctx.base(fm.data)) {
    for (const problem of describeErrors(ctx.base.errors)) problems.push({ problem, rule: 'schema' });
  }
  const criteria = ctx.criteria.get(file.stage.key);
  if (criteria && !criteria.validate(fm.data)) {
    const already = new Set(problems.map((p) => p.problem.pointer));
    for (const problem of describeErrors(criteria.validate.errors)) {
      // The base schema has said it already, in the same words.
      if (!already.has(problem.pointer)) problems.push({ problem, rule: `criteria/${file.stage.key}` });
    }
  }
  const extra: { pointer: string; rule: string; severity: Severity; message: Localized; hint: Localized | null }[] = [];
  // A key no schema names that is likely a field written otherwise, typed in a web editor: one letter or two from a
  // field the idea lacks (`caoch:`), the field's label (`enhet:`, `idécoach:`), or the field in other letters'
  // case (`Coach:`). Said, where a key of the idea's own is otherwise taken as it is, and the field only said to be
  // missing; with the command that moves the value where it is read, or removes the key when the field has one.
  if (ctx.fields) {
    const candidates = ctx.settable ?? ctx.fields;
    for (const key of Object.keys(fm.data)) {
      if (ctx.fields.has(key)) continue;
      const meant = meantField(key, fm.data, candidates, ctx.labels);
      if (meant === null) continue;
      const { field, how } = meant;
      const has = Object.hasOwn(fm.data, field);
      const title = ctx.labels?.[field];
      const params = {
        key,
        field: title && title[lang] !== field ? `"${field}" (${title[lang]})` : `"${field}"`,
        idArg: shellQuote(ideaWord(idea)),
      };
      // A command only where the key is surely that field written otherwise (its label, its letters in another
      // case): a key one letter or two from a field may be a field of the registry's own (`contract:` is no
      // `contact:`), and moving it is for the user to decide.
      const moved = has || how === 'near' ? null : setWords(fm.data[key], lang);
      const command = has
        ? `ideas edit ${params.idArg} --unset ${shellQuote(key)}`
        : moved !== null
          ? `ideas edit ${params.idArg} --set ${shellQuote(`${field}=${moved}`)} --unset ${shellQuote(key)}`
          : null;
      const [message, hint]: [MessageKey, MessageKey] = has
        ? ['f.fieldTwin', 'h.fieldTwin']
        : command
          ? ['f.fieldMisspelled', 'h.fieldMisspelledMove']
          : ['f.fieldMisspelled', 'h.fieldMisspelled'];
      const all = { ...params, command: command ?? '', name: field };
      extra.push({
        pointer: `/${escapePointerToken(key)}`,
        rule: 'field/misspelled',
        severity: 'warning',
        message: { sv: t('sv', message, all), en: t('en', message, all) },
        hint: { sv: t('sv', hint, all), en: t('en', hint, all) },
      });
    }
  }
  // Text glued to a `#` after a value (`title: Skolmat #1 i Sverige`): YAML reads it as a comment, and the value
  // stops before it, unsaid. A comment after `# ` (with its space) is one people mean, and is not said. Most front
  // matters have no `#` at all, which one search for the character finds in a third of the time of the two below.
  if (fm.matter.indexOf('#') !== -1 && (fm.matter.includes(' #') || fm.matter.includes('\t#')))
    for (const g of gluedComments(fm.matter, fm.data)) {
      // The edit line for a field an edit may set; for a key of the idea's own, how to write it in the file.
      const settable = (ctx.settable ?? ctx.fields)?.has(g.key) === true;
      const command = `ideas edit ${shellQuote(ideaWord(idea))} --set ${shellQuote(`${g.key}=${g.value} #${g.comment}`)}`;
      const hint: MessageKey = settable ? 'h.gluedComment' : 'h.gluedCommentFile';
      // The field by its label where the schemas give one, as the screens name it.
      const params = (l: Lang) => ({ ...g, command, field: ctx.labels?.[g.key]?.[l] ?? g.key });
      extra.push({
        pointer: `/${escapePointerToken(g.key)}`,
        rule: 'field/comment',
        severity: 'warning',
        message: { sv: t('sv', 'f.gluedComment', params('sv')), en: t('en', 'f.gluedComment', params('en')) },
        hint: { sv: t('sv', hint, params('sv')), en: t('en', hint, params('en')) },
      });
    }
  // A NUL in a value, escaped (`title: "a\0b"`, or `\u0000` in JSON): no idea file holds the character as it is,
  // import and edit refuse to write it, and an export would carry it into a spreadsheet. Only a text with a backslash
  // can hold one: the values are looked through only then.
  if (fm.matter.includes('\\'))
    for (const { path, key } of nulPaths(fm.data, [])) {
      const params = { field: path.join('.') };
      // A key is renamed in the file: `ideas edit` sets values, under keys that are already right.
      const [message, hint]: [MessageKey, MessageKey] = key ? ['f.nulKey', 'h.nulKey'] : ['f.nulValue', 'h.nulValue'];
      extra.push({
        pointer: `/${path.map(escapePointerToken).join('/')}`,
        rule: 'field/nul',
        severity: 'error',
        message: { sv: t('sv', message, params), en: t('en', message, params) },
        hint: { sv: t('sv', hint, params), en: t('en', hint, params) },
      });
    }
  const challenge = challengeProblem(config, idea.data);
  if (challenge) {
    extra.push({
      pointer: '/challenge',
      rule: 'challenge/unknown',
      severity: 'error',
      message: challenge.message,
      hint: challenge.hint,
    });
  }
  const idValid = idea.id !== null && !problems.some((p) => p.problem.pointer === '/id');
  if (idValid && idea.id !== null) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    if (!namesId(name, idea.id)) {
      const expected = `${idea.id}-${name.replace(/\.md$/, '').replace(/^[a-z0-9]{1,12}-[0-9a-z]{4,16}-?/i, '') || 'idea'}.md`;
      // The name claims another id: the id may have been changed (an id never changes), or the file misnamed.
      const named = idFromFileName(name);
      const nameHint = named ? 'h.fileNameOtherId' : 'h.fileName';
      const nameParams = { expected, named: named ?? '' };
      extra.push({
        pointer: '/id',
        rule: 'id/file-name',
        severity: 'error',
        message: { sv: t('sv', 'f.fileName', { id: idea.id }), en: t('en', 'f.fileName', { id: idea.id }) },
        hint: { sv: t('sv', nameHint, nameParams), en: t('en', nameHint, nameParams) },
      });
    }
  }
  // The entry that last led somewhere: later entries (assignments, decisions in place) do not change the stage.
  const history = historyOf(idea);
  // An idea starts once, in its first entry (see startsAgain).
  history.forEach((e, i) => {
    if (!startsAgain(e, i)) return;
    const params = {
      n: i + 1,
      action: String(e.action),
      idArg: shellQuote(ideaWord({ id: idea.id, path: file.path })),
    };
    extra.push({
      pointer: `/history/${i}/action`,
      rule: 'history/start-again',
      severity: 'error',
      message: { sv: t('sv', 'f.historyStartAgain', params), en: t('en', 'f.historyStartAgain', params) },
      hint: { sv: t('sv', 'h.historyStartAgain', params), en: t('en', 'h.historyStartAgain', params) },
    });
  });
  const lastMove = history.findLastIndex((e) => typeof e.to === 'string');
  const last = history[lastMove];
  if (last && typeof last.to === 'string' && last.to !== file.stage.key) {
    // A move made by hand: `ideas move` writes its entry, or into a stage the council decides on, its decision.
    const stageHint = file.stage.council ? 'h.historyStageCouncil' : 'h.historyStage';
    const stageParams = {
      command: recordingCommand(idea, file.stage, false),
      back: (() => {
        const from = config.stages.find((st) => st.key === last.to);
        return from ? moveBackCommand(file.path, from, config) : '';
      })(),
      idArg: shellQuote(ideaWord(idea)),
      stage: file.stage.label,
      toKey: file.stage.key,
      // Into a stage that grants funds, the decision says how much (decide asks for it).
      amount: { sv: councilAmountWords(file.stage, 'sv'), en: councilAmountWords(file.stage, 'en') },
      toWord: {
        sv: shellQuote(stageWord(config.stages, file.stage, 'sv')),
        en: shellQuote(stageWord(config.stages, file.stage, 'en')),
      },
    };
    extra.push({
      pointer: `/history/${lastMove}/to`,
      rule: 'history/stage',
      severity: 'warning',
      message: {
        sv: t('sv', 'f.historyStage', { to: stageLabelOf(config, last.to).sv, stage: file.stage.label.sv }),
        en: t('en', 'f.historyStage', { to: stageLabelOf(config, last.to).en, stage: file.stage.label.en }),
      },
      hint: unfinishedMove(idea)
        ? {
            sv: t('sv', 'h.historyStageUnfinished', {
              id: shellQuote(ideaWord(idea)),
              to: shellQuote(last.to),
              command: stageParams.command,
            }),
            en: t('en', 'h.historyStageUnfinished', {
              id: shellQuote(ideaWord(idea)),
              to: shellQuote(last.to),
              command: stageParams.command,
            }),
          }
        : {
            sv: t('sv', stageHint, stageParams),
            en: t('en', stageHint, stageParams),
          },
    });
  }

  if (problems.length > 0 || extra.length > 0) {
    const positions = new YamlPositions(fm.matter, MATTER_FIRST_LINE, true, fm.subset, fm.data);
    const stageLabel = file.stage.label[lang];
    // An idea forced into its stage stands on a decision: what its criteria lack is a warning until it moves on.
    const override = overrideIn(history, file.stage.key);
    const overridden = override && {
      stage: stageLabel,
      who: override.by ? t(lang, 'override.by', { by: override.by }) : t(lang, 'override.unknownBy'),
      date: override.date ?? t(lang, 'override.unknownDate'),
    };
    for (const { problem, rule } of problems) {
      const pos = positions.find(problem.pointer, isUnwanted(problem));
      const isCriteria = rule.startsWith('criteria/');
      const onOverride = isCriteria && overridden !== null;
      const message = onOverride
        ? t(lang, 'f.criteriaOverridden', { ...overridden, problem: problem.message[lang] })
        : isCriteria
          ? t(lang, 'f.criteria', { stage: stageLabel, problem: problem.message[lang] })
          : problem.message[lang];
      findings.push({
        file: file.path,
        line: pos.line,
        column: pos.column,
        rule,
        severity: onOverride ? 'warning' : 'error',
        message,
        hint: t(lang, onOverride ? 'h.criteriaOverridden' : isCriteria ? 'h.criteria' : 'h.schema'),
        pointer: problem.pointer,
        keyword: problem.keyword,
      });
    }
    for (const x of extra) {
      const pos = positions.find(x.pointer);
      findings.push({
        file: file.path,
        line: pos.line,
        column: pos.column,
        rule: x.rule,
        severity: x.severity,
        message: x.message[lang],
        hint: x.hint?.[lang] ?? null,
      });
    }
  }
  return { idea, findings };
}

/** An id and where it was found, for the registry-wide check. */
export interface IdSighting {
  id: string;
  file: string;
  /** Where the id is written; only asked for a duplicate, as it needs the slower parse with positions. */
  locate?: () => { line: number; column: number };
}

/** Ids must be unique across the whole registry: every sighting after the first is a finding naming the first. */
export function checkUniqueIds(sightings: readonly IdSighting[], lang: Lang): Finding[] {
  const first = new Map<string, IdSighting>();
  const out: Finding[] = [];
  for (const s of sightings) {
    const earlier = first.get(s.id);
    if (!earlier) {
      first.set(s.id, s);
      continue;
    }
    const pos = s.locate?.() ?? { line: null, column: null };
    out.push(
      finding(s.file, pos.line, pos.column, 'id/duplicate', 'error', lang, 'f.duplicateId', 'h.duplicateId', {
        id: s.id,
        other: earlier.file,
      }),
    );
  }
  return out;
}

/** A file whose `created` was read, and where it is written (asked only of a file with a finding). */
export interface CreatedSighting {
  file: string;
  id: string | null;
  created: string | null;
  locate: () => { line: number; column: number };
}

/**
 * Ideas created after `today`: an error each, with the command that sets the date right. Checked on every run from
 * what each file's check kept (its `created`), not kept with the file's findings, which a later day would find
 * stale.
 */
export function checkCreatedDates(
  sightings: readonly CreatedSighting[],
  /** The date here (said), and the latest date anywhere on earth (compared with: latestToday). */
  when: { today: string; latest: string },
  lang: Lang,
): Finding[] {
  const { today, latest } = when;
  const out: Finding[] = [];
  for (const s of sightings) {
    if (!createdAfter(s.created, latest)) continue;
    const pos = s.locate();
    out.push(
      finding(s.file, pos.line, pos.column, 'created/future', 'error', lang, 'f.createdFuture', 'h.createdFuture', {
        created: s.created,
        today,
        idArg: shellQuote(ideaWord({ id: s.id, path: s.file })),
      }),
    );
  }
  return out;
}

/** Where a top-level key (`/id`, `/created`) is written in an idea's front matter (its YAML text). */
export function keyPosition(matter: string, pointer: string): { line: number; column: number } {
  return new YamlPositions(matter, MATTER_FIRST_LINE).find(pointer);
}
