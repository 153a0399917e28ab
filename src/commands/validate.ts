import path from 'node:path';
import type { CommonOptions, Ctx } from '../context.js';
import { IdeasError } from '../core/errors.js';
import { compareFindings, type Finding } from '../core/finding.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import {
  checkIdeaFile,
  checkCreatedDates,
  checkUniqueIds,
  fieldNames,
  keyPosition,
  type CheckContext,
  type IdSighting,
} from '../core/criteria/validate.js';
import { fieldTitles } from '../core/criteria/field-titles.js';
import { isKeptField } from '../core/sluice/idea-edit.js';
import { shellCommand } from '../core/shell/quote.js';
import { listIdeaFiles, toPosix, type IdeaFileEntry } from '../io/idea-files.js';
import { changedFiles, changedSinceCommit, stagedFiles } from '../io/git-changes.js';
import { CONFIG_FILE, type Stage } from '../core/sluice/config.js';
import { isoDate, latestToday } from '../core/sluice/idea.js';
import { criteriaFile, parsedCriteria, loadCriteria, loadRegistry, type Registry } from '../io/registry.js';
import { baseValidators, readPackageSchema } from '../io/schemas.js';
import { entryKind, readText } from '../io/files.js';
import { readReason } from '../io/fs-error.js';
import { openRegistry } from './open-registry.js';
import { fieldBook } from './field-book.js';
import { editCommand, firstFix } from '../core/sluice/gate-fix.js';
import { openReading, readIdeaFile, readIdeaIds, type Compute } from '../io/read-ideas.js';
import { pointerSegments } from '../core/front-matter/positions.js';
import { byPath } from '../core/path-order.js';
import { detach } from '../core/front-matter/detach.js';
import { isRecord } from '../core/safe-object.js';
import { withGrowingYoungGeneration } from '../io/v8-flags.js';

export interface ValidateOptions extends CommonOptions {
  paths: string[];
  strict?: boolean;
  /** Only the files changed since `base`, or since the merge base with the default branch. */
  changed?: boolean;
  /** The revision to compare with; implies `changed`. */
  base?: string;
  /** Only the idea files staged in git's index (the pre-commit hook's run), besides any `paths`. */
  staged?: boolean;
  /** With `staged`: the index git made for the commit the hook runs in, relative to the working directory. */
  indexFile?: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * Whether each finding a field could fix gets its `ideas edit` line (false when no output shows them, such as
   * JSON): the field book is made for them, and each line is a command quoted for the shell.
   */
  fixes?: boolean;
}

export interface ValidateResult {
  kind: 'validation';
  registry: Registry;
  lang: Lang;
  files: number;
  findings: Finding[];
  errors: number;
  warnings: number;
  strict: boolean;
  /** True when the run passes: no errors, and no warnings under --strict. */
  ok: boolean;
  /** The idea files in the registry, checked or not. */
  total: number;
  /** The files checked, by path: the stage key of their folder, or null outside the stage folders. */
  checked: { path: string; stage: string | null }[];
  /** What --changed compared with, or null for a run on the files asked for. */
  changed: ChangedScope | null;
}

export interface ChangedScope {
  /** The commit compared with, and the revision as named (null for the default base). */
  base: string;
  ref: string | null;
  /** The config changed: every file was checked. */
  config: boolean;
  /** The stages whose criteria file changed: every idea in them was checked. */
  criteria: Stage[];
}

export async function runValidate(opts: ValidateOptions, ctx: Ctx): Promise<ValidateResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  // git runs while the criteria compile.
  const since =
    opts.changed || opts.base !== undefined
      ? changedFiles(
          registry.root,
          opts.base,
          ctx.env,
          registry.config.stages.map((s) => s.criteria),
        )
      : null;
  since?.catch(() => undefined);
  // A file unchanged since a run with the same config, criteria and language keeps the findings it had then. The
  // criteria compile only when a file needs checking, or when no such run has been (an invalid schema is an error).
  const context = checkContext(registry, lang);
  const reading = openReading<CheckedFile>(registry, 'checked', context, { accepts: isCheckedFile });
  let criteria = reading.earlierRun ? null : loadCriteria(registry);
  // Of a file's check, its findings and id are kept, and much more let go: the young generation may grow while the
  // files are listed, and keeps that size while they are checked (src/io/v8-flags.ts).
  const all = withGrowingYoungGeneration(() => listIdeaFiles(registry));
  const paths = opts.staged
    ? [
        ...opts.paths,
        ...(await stagedFiles(
          registry.root,
          registry.config.ideasDir,
          opts.indexFile === undefined ? undefined : path.resolve(ctx.cwd, opts.indexFile),
        )),
      ]
    : opts.paths;
  let selected = paths.length > 0 || opts.staged ? selectPaths(registry, all, paths, ctx.cwd) : all;
  let changed: ChangedScope | null = null;
  if (since) {
    const { base, ref, paths } = await since;
    const config = paths.has(CONFIG_FILE);
    // A stage's criteria decide whether each of its ideas passes: when they change, so may every verdict there.
    const criteriaStages = registry.config.stages.filter((s) =>
      paths.has(toPosix(path.relative(registry.root, path.resolve(registry.root, s.criteria)))),
    );
    selected = selected.filter(
      (e) => config || paths.has(e.path) || (e.stage !== null && criteriaStages.includes(e.stage)),
    );
    changed = { base, ref, config, criteria: criteriaStages };
  }
  let check: CheckContext | null = null;
  const checker = (): CheckContext =>
    (check ??= withFields({
      config: registry.config,
      lang,
      base: baseValidators().idea,
      criteria: (criteria ??= loadCriteria(registry)),
    }));

  const findings: Finding[] = [];
  const selectedPaths = new Set(selected.map((e) => e.path));
  // Files outside the selection count for unique ids too, and come first, so that a duplicate is reported on the
  // file that was asked about. Their ids are read from their front matter (or the cache of an earlier read),
  // never guessed from their names: a file named for one id may hold another.
  const unselected = all.filter((e) => !selectedPaths.has(e.path) && e.stage);
  const sightings: IdSighting[] = [];
  if (unselected.length > 0) {
    const ids = readIdeaIds(
      registry,
      unselected,
      all.map((e) => e.path),
    );
    unselected.forEach((e, i) => {
      const id = ids[i];
      if (id) sightings.push({ id, file: e.path });
    });
  }

  let done = 0;
  const progress = () => {
    done++;
    if (opts.onProgress && (done % 200 === 0 || done === selected.length)) opts.onProgress(done, selected.length);
  };
  const checkedFiles = reading.read(selected, fileCheck(lang, checker), {
    alsoKeep: all.map((e) => e.path),
    onEach: progress,
    remote: { module: import.meta.url, name: 'checkTask', init: { root: registry.root, lang, context } },
  });
  selected.forEach((entry, i) => {
    const checked = checkedFiles[i];
    if (!checked) return;
    findings.push(...checked.findings);
    // Where an id is written is read again from the file, and only for a duplicate.
    if (checked.id) sightings.push({ id: checked.id, file: entry.path, locate: () => keyPositionIn(entry.abs, '/id') });
  });
  // A duplicate among files that were not asked about is not this run's finding: it is theirs, found when they are.
  findings.push(...checkUniqueIds(sightings, lang).filter((f) => selectedPaths.has(f.file)));
  // A date after today depends on the day: checked each run from what the files' checks kept.
  findings.push(
    ...checkCreatedDates(
      selected.map((entry, i) => ({
        file: entry.path,
        id: checkedFiles[i]?.id ?? null,
        created: checkedFiles[i]?.created ?? null,
        locate: () => keyPositionIn(entry.abs, '/created'),
      })),
      { today: isoDate(ctx.clock()), latest: latestToday(ctx.clock()) },
      lang,
    ),
  );
  findings.sort(compareFindings);
  // What would fix a criterion an idea misses: the `ideas edit` line a closed gate prints.
  if (opts.fixes !== false && findings.some(fixable)) {
    // The ids of the files with findings, and each pointer's field, found once.
    const ids = new Map<string, string | null>();
    selected.forEach((e, i) => {
      const checked = checkedFiles[i];
      if (checked && checked.findings.length > 0) ids.set(e.path, checked.id);
    });
    const fields = new Map<string, string>();
    const fieldOf = (pointer: string) => {
      let field = fields.get(pointer);
      if (field === undefined) fields.set(pointer, (field = pointerSegments(pointer)[0] ?? ''));
      return field;
    };
    const createdFix = (idea: { id: string | null; path: string }) =>
      shellCommand([
        ...editCommand(idea, opts.registry ? { registryFlag: opts.registry } : {}),
        '--set',
        `created=<${t(lang, 'value.date')}>`,
      ]);
    // The schemas say which fields there are; compiled only when a file was checked against them in this run.
    const fixOf = firstFix(fieldBook(registry, criteria ?? parsedCriteria(registry), lang), lang, opts.registry);
    findings.forEach((f, i) => {
      if (!fixable(f)) return;
      const problem = { field: fieldOf(f.pointer), pointer: f.pointer, keyword: f.keyword };
      const idea = { id: ids.get(f.file) ?? null, path: f.file };
      // A `created` that is no date (or none) is the one kept field an edit may set right (idea-edit.ts).
      const fix = f.pointer === '/created' ? createdFix(idea) : fixOf(problem, idea);
      // A base field's own words point at the file; with a command to run, they say to set the field right.
      if (fix) findings[i] = { ...f, fix, ...(f.rule === 'schema' ? { hint: t(lang, 'h.schemaFix') } : {}) };
    });
  }
  // A file no command can read (broken in an editor or a web UI) whose last committed version is whole: the git line
  // that brings that version back, for a coordinator who knows no YAML. One call of git, only when there is one.
  if (opts.fixes !== false) {
    const unreadable = new Set(findings.filter((f) => f.severity === 'error' && !f.fix && UNREADABLE.test(f.rule)));
    const files = [...new Set([...unreadable].map((f) => f.file))];
    const restorable =
      files.length > 0 && files.length <= MAX_RESTORABLE ? await changedSinceCommit(registry.root, files) : null;
    if (restorable && restorable.size > 0)
      findings.forEach((f, i) => {
        if (!unreadable.has(f) || !restorable.has(f.file)) return;
        const rel = toPosix(path.relative(ctx.cwd, path.join(registry.root, f.file))) || f.file;
        const fix = shellCommand(['git', 'checkout', 'HEAD', '--', rel]);
        findings[i] = { ...f, fix, hint: `${f.hint ?? ''} ${t(lang, 'h.restoreCommitted')}`.trim() };
      });
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const strict = opts.strict === true;
  const checked = selected.map((e) => ({ path: e.path, stage: e.stage?.key ?? null }));
  return {
    kind: 'validation',
    registry,
    lang,
    files: selected.length,
    findings,
    errors,
    warnings,
    strict,
    ok: errors === 0 && !(strict && warnings > 0),
    total: all.length,
    checked,
    changed,
  };
}

/** What a file came to, as the cache keeps it: its findings, and its id for the registry-wide check. */
interface CheckedFile {
  findings: Finding[];
  id: string | null;
  /** The idea's `created` when it is text: whether it lies after today is asked each run (checkCreatedDates). */
  created?: string | null;
}

/** Whether a cache's value is a CheckedFile, as fileCheck makes it: one of another shape is checked again. */
function isCheckedFile(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const { findings, id, created } = v as Partial<CheckedFile>;
  return (
    (id === null || typeof id === 'string') &&
    (created === undefined || created === null || typeof created === 'string') &&
    Array.isArray(findings) &&
    findings.every(isFinding)
  );
}

function isFinding(f: unknown): boolean {
  if (!isRecord(f)) return false;
  const { file, line, column, rule, severity, message, hint, pointer, keyword, fix } = f;
  const text = (x: unknown) => typeof x === 'string';
  const place = (x: unknown) => x === null || typeof x === 'number';
  const optional = (x: unknown) => x === undefined || text(x);
  return (
    text(file) &&
    place(line) &&
    place(column) &&
    text(rule) &&
    (severity === 'error' || severity === 'warning') &&
    text(message) &&
    (hint === null || text(hint)) &&
    optional(pointer) &&
    optional(keyword) &&
    optional(fix)
  );
}

/** The check of one file, with the criteria compiled when the first file needs them. */
function fileCheck(lang: Lang, checker: () => CheckContext): Compute<CheckedFile> {
  return (entry, file) => {
    if (!file.ok) {
      const finding: Finding = {
        file: entry.path,
        line: null,
        column: null,
        rule: 'file/unreadable',
        severity: 'error',
        message: t(lang, 'err.readFile', { file: entry.path, reason: readReason(file.error) }),
        hint: null,
      };
      return { findings: [finding], id: null };
    }
    const result = checkIdeaFile(entry, file.bytes, checker());
    // The id is copied out of the file's text, which a substring of it would keep in memory to the end of the run.
    const created = result.idea?.created;
    return {
      findings: result.findings,
      id: result.idea?.id ? detach(result.idea.id) : null,
      created: typeof created === 'string' ? detach(created) : null,
    };
  };
}

/**
 * The same check on a worker thread (src/io/parallel-read.ts), which reads the config and compiles the criteria
 * itself: it refuses to check (and the main thread checks alone) unless it reads the very config and criteria the
 * main thread's cache is kept under.
 */
export function checkTask(init: { root: string; lang: Lang; context: string[] }): Compute<CheckedFile> {
  const registry = loadRegistry(init.root, init.lang);
  if (checkContext(registry, init.lang).join('\0') !== init.context.join('\0'))
    throw new Error('the config or the criteria changed while the files were checked');
  const check = withFields({
    config: registry.config,
    lang: init.lang,
    base: baseValidators().idea,
    criteria: loadCriteria(registry),
  });
  return fileCheck(init.lang, () => check);
}

/** The context with the fields the package's base schema and the stages' criteria name (see CheckContext.fields). */
function withFields(
  check: Omit<CheckContext, 'criteria'> & { criteria: ReturnType<typeof loadCriteria> },
): CheckContext {
  const schemas = [readPackageSchema('idea'), ...[...check.criteria.values()].map((c) => c.schema)];
  const fields = fieldNames(schemas);
  const base = schemas[0] as Record<string, unknown>;
  const settable = new Set([...fields].filter((f) => !isKeptField(f, base)));
  return { ...check, fields, settable, labels: fieldTitles(schemas, [...fields]) };
}

/** Everything besides the file itself that its findings depend on. */
function checkContext(registry: Registry, lang: Lang): string[] {
  const text = (file: string) => {
    try {
      return readText(file);
    } catch (e) {
      return `unreadable: ${(e as NodeJS.ErrnoException).code ?? ''}`;
    }
  };
  return [
    lang,
    text(registry.configPath),
    ...registry.config.stages.map((s) => `${s.criteria}\0${text(criteriaFile(registry.root, s))}`),
  ];
}

/** Where a top-level key is written in the idea file at `abs`, read again: asked only for a finding on it. */
function keyPositionIn(abs: string, pointer: string): { line: number; column: number } {
  try {
    const fm = readIdeaFile(abs);
    if (fm.ok) return keyPosition(fm.matter, pointer);
  } catch {
    // Gone since: the file's first line.
  }
  return { line: 1, column: 1 };
}

/** The files named on the command line: files or folders, each inside the registry. */
function selectPaths(registry: Registry, all: IdeaFileEntry[], paths: string[], cwd: string): IdeaFileEntry[] {
  const out = new Map<string, IdeaFileEntry>();
  // By path, once: a hook or a script may name every file of the registry.
  const listed = new Map(all.map((e) => [e.path, e]));
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const rel = toPosix(path.relative(registry.root, abs));
    if (rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) {
      throw new IdeasError('USAGE', 'err.pathOutside', { path: p, root: registry.root });
    }
    const known = listed.get(rel);
    const kind = entryKind(abs);
    if (kind === null) {
      // A name that was not UTF-8 reaches Node as U+FFFD, from git's list as from the folder's: the listing has it.
      if (known) {
        out.set(rel, known);
        continue;
      }
      throw new IdeasError('USAGE', 'err.pathMissing', { path: p });
    }
    const symlink = kind === 'symlink';
    if (kind === 'directory') {
      const prefix = rel === '' ? '' : `${rel}/`;
      for (const e of all) if (e.path.startsWith(prefix)) out.set(e.path, e);
    } else {
      // A link named here is reported, never followed, as in the listing.
      out.set(rel, known ?? { path: rel, abs, stage: null, misplaced: 'outside-stage', folder: '', symlink });
    }
  }
  return [...out.values()].sort(byPath);
}

/** The findings of a file no command reads: its bytes, or its front matter. */
const UNREADABLE = /^(?:file|front-matter)\//;
/** The most broken files a run looks up in git: a registry broken by a tool, not by hand, is no case for it. */
const MAX_RESTORABLE = 200;

/** A finding of a stage's criteria or the base schema about one field, which `ideas edit --set` may fix. */
function fixable(f: Finding): f is Finding & { pointer: string } {
  return f.pointer !== undefined && (f.rule.startsWith('criteria/') || f.rule === 'schema');
}
