import path from 'node:path';
import type { CommonOptions, Ctx } from '../context.js';
import { CONFIG_FILE, type RegistryConfig } from '../core/sluice/config.js';
import { IdeasError, isIdeasError } from '../core/errors.js';
import { checkGate } from '../core/sluice/gate.js';
import { localize, t, type Lang, type Localized } from '../core/i18n/i18n.js';
import { compareFindings } from '../core/finding.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import {
  baseConfigUnreadable,
  compareConfigs,
  compareCriteria,
  ruleFindings,
  type CriteriaFile,
  type RuleChange,
} from '../core/history/config-diff.js';
import { nonUtf8Line } from '../core/front-matter/line-column.js';
import { jsonSyntaxReason } from '../core/criteria/schema-reasons.js';
import { forbiddenKeys, nullObjectFrom } from '../core/safe-object.js';
import { schemaAt } from '../core/exchange/import-rows.js';
import { newlyPublicFields } from '../core/history/publicity-diff.js';
import { escapePointerToken } from '../core/json-pointer.js';
import { classifySources } from '../core/criteria/personal-data.js';
import {
  diffSnapshots,
  pairIdeas,
  readSnapshot,
  type DeletedIdea,
  type IdeaDiff,
  type RevisionSide,
  type Snapshot,
  type SnapshotFile,
} from '../core/history/idea-diff.js';
import { type Validator } from '../core/criteria/schema-check.js';
import { addCriteriaSet, baseValidators, compileCriteria, readPackageSchema } from '../io/schemas.js';
import { fieldTitles, type FieldTitles } from '../core/criteria/field-titles.js';
import { git } from '../io/git.js';
import { defaultBase, defaultBranch, noMergeBase, resolveRevision } from '../io/git-base.js';
import {
  BLOB_BATCH,
  BlobReader,
  changedAttributeFiles,
  deletedPaths,
  listTree,
  readRuleFiles,
  repositoryPrefix,
  type RuleFile,
} from '../io/git-revision.js';
import { isReadableEntry, isReadableTreeFile, listIdeaFiles } from '../io/idea-files.js';
import { readBytes } from '../io/files.js';
import { readIdeaBytes } from '../io/read-ideas.js';
import {
  criteriaCompileError,
  criteriaReason,
  linkOnTheWay,
  parseConfigText,
  schemaSources,
  type Registry,
} from '../io/registry.js';
import { openRegistry } from './open-registry.js';
import { regionNeighbours, type RegionNeighbour } from './similar-in-region.js';

export type { RevisionSide };

export interface DiffOptions extends CommonOptions {
  /** A revision, or a range `a..b` / `a...b`; by default the merge base with the default branch. */
  base?: string;
  /** A revision; by default the working tree, with staged, unstaged and untracked files. */
  head?: string;
}

export interface DiffResult {
  kind: 'idea-diff';
  registry: Registry;
  lang: Lang;
  base: RevisionSide;
  head: RevisionSide;
  diff: IdeaDiff;
  /** The labels of the changed fields. */
  titles: FieldTitles;
  /** The changed fields' schemas, as every stage describes them together: a record's keys by their titles. */
  fieldSchemas: Record<string, Record<string, unknown>>;
  ok: boolean;
  /** The ideas the change adds that look like ideas of other members of the region (a notice, never an error). */
  regionSimilar: AddedNearby[];
}

export interface AddedNearby {
  id: string;
  title: string | null;
  path: string;
  similar: RegionNeighbour[];
}

interface Range {
  base: string | undefined;
  head: string | undefined;
  symmetric: boolean;
}

/** `ideas diff main..feature` and `ideas diff main...feature` as git reads them; otherwise the two arguments. */
export function parseRange(base: string | undefined, head: string | undefined): Range {
  if (base !== undefined && head === undefined && base.includes('..')) {
    const symmetric = base.includes('...');
    const [a = '', b = ''] = base.split(symmetric ? '...' : '..');
    return { base: a || 'HEAD', head: b || 'HEAD', symmetric };
  }
  return { base, head, symmetric: false };
}

export async function runDiff(opts: DiffOptions, ctx: Ctx): Promise<DiffResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const { root } = registry;
  const prefix = await repositoryPrefix(root);
  if (prefix === null) throw new IdeasError('USAGE', 'err.diffNotGitRepo', { dir: root });

  const range = parseRange(opts.base, opts.head);
  const headCommit = range.head === undefined ? null : await resolveRevision(root, range.head);
  const head: RevisionSide = {
    ref: range.head ?? null,
    commit: headCommit,
    mergeBase: false,
    worktree: headCommit === null,
  };
  let base: RevisionSide;
  if (range.base === undefined) {
    const ref = await defaultBranch(root, ctx.env);
    base = { ref, commit: await defaultBase(root, ctx.env), mergeBase: true, worktree: false };
  } else if (range.symmetric) {
    const a = await resolveRevision(root, range.base);
    const { stdout } = await git(['merge-base', a, headCommit ?? 'HEAD'], root).catch(async () => {
      throw await noMergeBase(root, range.base ?? '');
    });
    base = { ref: range.base, commit: stdout.trim(), mergeBase: true, worktree: false };
  } else {
    base = { ref: range.base, commit: await resolveRevision(root, range.base), mergeBase: false, worktree: false };
  }
  const baseCommit = base.commit as string;
  const baseName = base.ref ?? baseCommit.slice(0, 7);

  const reader = new BlobReader(root);
  // Asked of git now, so that it answers while the snapshots are read; awaited below (a failure before then is not
  // left unhandled).
  const attributes = changedAttributeFiles(root, baseCommit, headCommit);
  attributes.catch(() => undefined);
  try {
    const headName = headCommit ? (range.head ?? headCommit.slice(0, 7)) : t(lang, 'diff.worktree');
    const names = { base: baseName, head: headName };
    const ruleFilesAt = (commit: string | null, files: readonly string[]): Promise<Map<string, RuleFile>> =>
      commit
        ? readRuleFiles(root, reader, commit, files)
        : Promise.resolve(new Map(files.map((f) => [f, worktreeRuleFile(root, f)] as const)));
    const [headConfigFile, baseConfigFile] = await Promise.all([
      headCommit ? ruleFilesAt(headCommit, [CONFIG_FILE]).then((m) => m.get(CONFIG_FILE)) : null,
      ruleFilesAt(baseCommit, [CONFIG_FILE]).then((m) => m.get(CONFIG_FILE) ?? MISSING),
    ]);
    const headConfigBytes = headCommit ? bytesOf(headConfigFile) : readFileOrNull(registry.configPath);
    const headRead = headCommit && headConfigFile ? configAt(headConfigFile, headCommit, registry, lang) : null;
    if (headRead instanceof IdeasError) throw headRead;
    const headConfig = headCommit ? headRead : registry.config;
    if (!headConfig)
      throw new IdeasError('USAGE', 'err.noRegistryAt', {
        rev: range.head ?? '',
        dir: prefix || '.',
        file: CONFIG_FILE,
      });
    // The base's config gives the rules and maps its folders to stages (a folder may have been renamed since). When
    // the base has none that can be read (the registry did not exist there, or was elsewhere; a link; a config this
    // version cannot use), the change cannot be judged by the base's rules: an error that says so, and head's config
    // maps the base and judges the rest, so that whatever else the change breaks of its own rules is still found.
    const baseConfigBytes = bytesOf(baseConfigFile);
    const baseRead = configAt(baseConfigFile, baseCommit, registry, lang);
    const baseConfig = baseRead instanceof IdeasError ? null : baseRead;
    const rules = baseConfig ?? headConfig;
    // The criteria files of each side, asked of git while the snapshots are read (a failure is awaited below).
    const ruleFiles = Promise.all([
      ruleFilesAt(baseCommit, criteriaNames(rules)),
      ruleFilesAt(headCommit, criteriaNames(headConfig)),
    ]);
    ruleFiles.catch(() => undefined);
    const baseSnapshot = await snapshotAt(reader, root, baseCommit, rules);
    const headSnapshot = headCommit
      ? await snapshotAt(reader, root, headCommit, headConfig)
      : worktreeSnapshot(registry);
    const [baseFiles, headFiles] = await ruleFiles;
    const baseKey = (f: string) => `criteria:${baseCommit}:${prefix}${f}`;
    const headKey = (f: string) => `criteria:${headCommit ?? root}:${prefix}${f}`;
    // Each side's criteria compiled among that side's alone (a file with an `$id` is the same `$id` at both), and
    // each side's schemas all known before any of them is compiled, as loadCriteria has them in every command: a
    // `$ref` into another stage's file resolves at each side as it does there.
    const baseRules = sideOf(`diff:${baseCommit}`, baseFiles, baseKey);
    const headRules = sideOf(`diff:${headCommit ?? root}`, headFiles, headKey);
    // A criteria file that changed is compiled at each side, as every command compiles it there: one that cannot be
    // (so `ideas validate` refuses every idea there) is as unreadable as one that is not JSON. At head, such a change
    // would stop every command that checks a gate once it is merged, whatever it seems to ask.
    const headCriteria = new Map(
      [...headFiles].map(([f, r]) => {
        const changed = !sameRuleFile(baseFiles.get(f), r);
        return [f, criteriaState(r, changed ? (schema) => headRules.problem(schema, f) : undefined)] as const;
      }),
    );
    const baseCriteria = new Map(
      [...baseFiles].map(([f, r]) => {
        const changed = !sameRuleFile(r, headFiles.get(f));
        return [f, criteriaState(r, changed ? (schema) => baseRules.problem(schema, f) : undefined)] as const;
      }),
    );
    const criteria = compileLazily(rules, headConfig, {
      base: (f) => ({
        read: baseCriteria.get(f) ?? MISSING_CRITERIA,
        compile: (schema) => baseRules.compile(schema, f),
      }),
      head: (f) => ({
        read: headCriteria.get(f) ?? MISSING_CRITERIA,
        compile: (schema) => headRules.compile(schema, f),
      }),
    });

    const pairs = pairIdeas(baseSnapshot, headSnapshot);
    const newIds = new Set([...pairs.head.keys()].filter((id) => !pairs.base.has(id)));
    const deletedBefore =
      newIds.size > 0 ? await deletedIdeas(reader, root, baseCommit, rules, headConfig, newIds) : [];

    const validators = baseValidators();
    // Fields by their labels, as the head's schemas give them: in findings that quote an entry, and in the changes.
    const headSchemas = [...headCriteria.values()].flatMap((read) =>
      read.state === 'ok' && isRecord(read.schema) ? [read.schema] : [],
    );
    const schemas = [readPackageSchema('idea'), ...headSchemas];
    const diff = diffSnapshots(baseSnapshot, headSnapshot, {
      lang,
      baseName,
      deletedBefore,
      pairs,
      fieldLabel: (field) => fieldTitles(schemas, [field])[field]?.[lang] ?? field,
      challenges: headConfig.challenges,
      now: ctx.clock(),
      gate: (idea, from, to) => checkGate({ ...idea, stage: from }, to, rules, validators.idea, criteria(to.key)),
    });
    const changes: RuleChange[] = [];
    if (!baseConfig) {
      // A registry new in this change (no config at the base at all) whose ideas are all new and went nowhere has
      // nothing the base's rules could have judged: for the reviewer to see. One moved here, with ideas that moved or
      // were decided on, or a base config that is there but cannot be read, is an error.
      const fresh =
        baseConfigFile.kind === 'missing' &&
        diff.removed.length === 0 &&
        diff.moved.length === 0 &&
        diff.decisions.length === 0;
      changes.push(
        baseConfigUnreadable(
          baseConfigProblem(baseConfigFile, baseRead instanceof IdeasError ? baseRead : null),
          names,
          fresh ? 'warning' : 'error',
        ),
      );
    } else if (!sameBytes(baseConfigBytes, headConfigBytes)) changes.push(...compareConfigs(baseConfig, headConfig));
    changes.push(
      ...compareCriteria(
        rules,
        headConfig,
        {
          base: (f) => baseCriteria.get(f) ?? MISSING_CRITERIA,
          head: (f) => headCriteria.get(f) ?? MISSING_CRITERIA,
        },
        { ...names, baseKnown: baseConfig !== null },
      ),
    );
    // What the new rules publish, judged by the public outputs themselves: only when the rules changed at all (and
    // the base has rules to compare with: without them, the error above already says the change cannot be judged).
    const changedCriteria = [...headFiles.keys()].filter((f) => !sameRuleFile(baseFiles.get(f), headFiles.get(f)));
    const rulesChanged =
      !sameBytes(baseConfigBytes, headConfigBytes) ||
      changedCriteria.length > 0 ||
      [...baseFiles.keys()].some((f) => !headFiles.has(f));
    if (baseConfig && rulesChanged)
      changes.push(
        ...publishing(root, { base: baseCriteria, head: headCriteria, changed: changedCriteria }, headSnapshot, {
          changes,
          baseName,
        }),
      );
    const texts = new Map<string, string>();
    if (headConfigBytes) texts.set(CONFIG_FILE, utf8(headConfigBytes));
    for (const [file, read] of headCriteria) if (read.state === 'ok') texts.set(file, read.text);
    diff.findings.push(...ruleFindings(changes, texts, lang, baseName));
    // Attributes change what git writes into a checkout (an encoding, line endings, a filter): an idea the same in
    // both commits may read differently, or not at all, in the next clone. Every such file over the registry counts.
    for (const file of await attributes) {
      const dir = path.posix.dirname(file);
      if (dir !== '.' && !`${prefix}`.startsWith(`${dir}/`) && !file.startsWith(prefix)) continue;
      diff.findings.push({
        file: path.posix.relative(prefix.replace(/\/$/, '') || '.', file),
        line: null,
        column: null,
        rule: 'diff/attributes',
        severity: 'error',
        message: t(lang, 'f.diffAttributes', { file }),
        hint: t(lang, 'h.diffAttributes'),
      });
    }
    diff.findings.sort(compareFindings);
    const ok = !diff.findings.some((f) => f.severity === 'error');
    const changedFields = [...new Set(diff.changed.flatMap((c) => c.fields.map((f) => f.field)))];
    const titles = fieldTitles(schemas, changedFields);
    const fieldSchemas = nullObjectFrom(changedFields.map((f) => [f, schemaAt(f, [], schemas)] as const));
    // The region is read only when the change adds ideas, from its last sync: no region, no word.
    const near = diff.added.length > 0 ? regionNeighbours(registry, lang, new Set(pairs.head.keys())).near : null;
    const regionSimilar = near
      ? diff.added
          .map((a) => ({
            id: a.id,
            title: a.title,
            path: a.path,
            similar: near({ title: a.title ?? '', body: pairs.head.get(a.id)?.[0]?.idea?.body ?? '' }),
          }))
          .filter((a) => a.similar.length > 0)
      : [];
    return {
      kind: 'idea-diff',
      registry: { ...registry, config: headConfig },
      lang,
      base,
      head,
      diff,
      titles,
      fieldSchemas,
      ok,
      regionSimilar,
    };
  } finally {
    reader.close();
  }
}

/**
 * A finding for each field of head's ideas that head's schemas show in public outputs beyond what base's show, unless
 * a change to a marking already names it: on the field's line in a criteria file that changed and declares it, else
 * on the first criteria file that changed, else on the config.
 */
function publishing(
  root: string,
  criteria: {
    base: ReadonlyMap<string, CriteriaFile>;
    head: ReadonlyMap<string, CriteriaFile>;
    /** Head's files whose bytes differ from base's. */
    changed: readonly string[];
  },
  head: Snapshot,
  { changes, baseName }: { changes: readonly RuleChange[]; baseName: string },
): RuleChange[] {
  const classes = (files: ReadonlyMap<string, CriteriaFile>) =>
    classifySources(
      schemaSources(
        root,
        [...files].flatMap(([file, read]) => (read.state === 'ok' ? [{ file, schema: read.schema }] : [])),
      ),
    );
  const ideas = head.ideas.flatMap((i) => {
    const fm = i.frontMatter;
    return fm.ok ? [fm.data] : [];
  });
  const named = (field: string) =>
    changes.some((c) => {
      const where = c.params.where as { en?: string } | undefined;
      return (
        c.rule === 'criteria/loosened' &&
        MARKINGS.has(String(c.params.keyword)) &&
        (where?.en === `[${field}]` || where?.en?.startsWith(`[${field}.`) === true)
      );
    });
  const { changed } = criteria;
  const place = (field: string): { file: string; pointer: string | null } => {
    for (const file of changed) {
      const read = criteria.head.get(file) ?? MISSING_CRITERIA;
      const properties = read.state === 'ok' && isRecord(read.schema) ? read.schema.properties : undefined;
      if (isRecord(properties) && Object.hasOwn(properties, field))
        return { file, pointer: `/properties/${escapePointerToken(field)}` };
    }
    return { file: changed[0] ?? CONFIG_FILE, pointer: null };
  };
  return newlyPublicFields(ideas, classes(criteria.base), classes(criteria.head))
    .filter((field) => !named(field))
    .map((field) => ({
      ...place(field),
      rule: 'criteria/loosened',
      severity: 'error',
      message: 'f.critPublishes',
      params: { where: { sv: `[${field}]`, en: `[${field}]` }, base: baseName },
    }));
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The keywords whose change to a field already says what it publishes. */
const MARKINGS = new Set(['x-public', 'x-personal', 'x-aggregate']);

const utf8 = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  return !!a && !!b && Buffer.compare(a, b) === 0;
}

const MISSING: RuleFile = { kind: 'missing' };
const MISSING_CRITERIA: CriteriaFile = { state: 'missing' };

const bytesOf = (read: RuleFile | null | undefined): Buffer | null => (read?.kind === 'file' ? read.bytes : null);

/** Whether a rule file is the same at both sides: the same bytes, the same link, or missing at both. */
function sameRuleFile(a: RuleFile | undefined, b: RuleFile | undefined): boolean {
  const [x, y] = [a ?? MISSING, b ?? MISSING];
  if (x.kind === 'file' && y.kind === 'file') return sameBytes(x.bytes, y.bytes);
  if (x.kind === 'link' && y.kind === 'link') return x.link === y.link && x.target === y.target;
  return x.kind === y.kind;
}

/** Every criteria file a config names, once. */
const criteriaNames = (config: RegistryConfig): string[] => [...new Set(config.stages.map((s) => s.criteria))];

/**
 * The config of a revision, checked as on disk: null when the revision has none; an IdeasError (not thrown) when it
 * cannot be used: a symbolic link, not UTF-8, or not a config this version reads.
 */
function configAt(read: RuleFile, commit: string, registry: Registry, lang: Lang): RegistryConfig | IdeasError | null {
  if (read.kind === 'missing') return null;
  const file = `${registry.configPath} (${commit.slice(0, 7)})`;
  if (read.kind === 'link')
    return new IdeasError(
      'CONFIG_INVALID',
      'err.configSymlink',
      { file, target: read.target },
      { hint: 'hint.configSymlink' },
    );
  const line = nonUtf8Line(read.bytes);
  if (line !== null) return new IdeasError('CONFIG_INVALID', 'err.notUtf8', { file, line });
  try {
    return parseConfigText(utf8(read.bytes), file, lang);
  } catch (e) {
    if (isIdeasError(e) && e.code === 'CONFIG_INVALID') return e;
    throw e;
  }
}

/** Why the base's config cannot be used, in words that name no path of this machine. */
function baseConfigProblem(read: RuleFile, error: IdeasError | null): Localized {
  if (read.kind === 'missing') return localize('f.whyNoRegistry');
  if (read.kind === 'link') return localize('f.whyLink', { link: read.link, target: read.target });
  const line = nonUtf8Line(read.bytes);
  if (line !== null) return localize('f.whyNotUtf8', { line });
  // The config's problems, each with its line, as `ideas validate` lists them at the base (in the diff's language).
  const details = error?.details.join('; ') ?? '';
  return details ? { sv: details, en: details } : (error?.text ?? { sv: '', en: '' });
}

/** A file of the working tree's rules, by its path relative to the root, as every command reads it. */
function worktreeRuleFile(root: string, rel: string): RuleFile {
  const abs = path.resolve(root, rel);
  const inside = path.relative(root, abs);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return MISSING;
  const link = linkOnTheWay(root, rel);
  if (link) return { kind: 'link', ...link };
  const bytes = readFileOrNull(abs);
  return bytes ? { kind: 'file', bytes } : MISSING;
}

/**
 * A criteria file at one side, as every other command would read it there: a regular file of UTF-8 JSON without a
 * forbidden key (and, where `check` is given, one that compiles), or why not.
 */
function criteriaState(read: RuleFile | undefined, check?: (schema: unknown) => Localized | null): CriteriaFile {
  if (!read || read.kind === 'missing') return MISSING_CRITERIA;
  if (read.kind === 'link') return { state: 'link', link: read.link, target: read.target };
  const line = nonUtf8Line(read.bytes);
  if (line !== null) return { state: 'invalid', reason: localize('f.whyNotUtf8', { line }) };
  const text = utf8(read.bytes);
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    return { state: 'invalid', reason: jsonSyntaxReason(text, (e as Error).message) };
  }
  const forbidden = forbiddenKeys(schema, 1)[0];
  if (forbidden) return { state: 'invalid', reason: localize('f.whyForbiddenKey', forbidden) };
  const problem = check?.(schema) ?? null;
  return problem ? { state: 'invalid', reason: problem } : { state: 'ok', text, schema };
}

/**
 * The criteria of one side of a diff, compiled in a scope of their own: each file under the key the gate compiles it
 * by (so it is compiled once), once every file of the side that reads as a schema is known there.
 */
function sideOf(scope: string, files: ReadonlyMap<string, RuleFile>, keyOf: (file: string) => string) {
  let known = false;
  const compile = (schema: unknown, file: string): Validator => {
    if (!known) {
      known = true;
      // A file that is not a schema is left out here: its own compiling says why, where it is asked for.
      addCriteriaSet(
        [...files].flatMap(([f, read]) => {
          const state = criteriaState(read);
          return state.state === 'ok' ? [{ schema: state.schema, key: keyOf(f) }] : [];
        }),
        scope,
      );
    }
    return compileCriteria(schema, keyOf(file), scope);
  };
  return {
    compile,
    /** Why a criteria schema cannot be compiled; null when it can. */
    problem(schema: unknown, file: string): Localized | null {
      try {
        compile(schema, file);
        return null;
      } catch (e) {
        return criteriaReason(e);
      }
    },
  };
}

/** The ideas folder at a commit: one ls-tree, and the blobs through the one cat-file process. */
async function snapshotAt(reader: BlobReader, root: string, commit: string, config: RegistryConfig): Promise<Snapshot> {
  const entries = (await listTree(root, commit, `${config.ideasDir}/`)).filter(isReadableTreeFile);
  const blobs: (Buffer | null)[] = [];
  for (let i = 0; i < entries.length; i += BLOB_BATCH)
    blobs.push(...(await Promise.all(entries.slice(i, i + BLOB_BATCH).map((e) => reader.read(e.oid)))));
  const files: SnapshotFile[] = entries.map((e, i) => ({ path: e.path, bytes: blobs[i] ?? new Uint8Array() }));
  return readSnapshot(config, files);
}

/** The working tree as it is: what is committed, staged, changed and not yet tracked alike. */
function worktreeSnapshot(registry: Registry): Snapshot {
  const files: SnapshotFile[] = [];
  for (const entry of listIdeaFiles(registry)) {
    if (!isReadableEntry(entry) || !entry.stage) continue;
    try {
      // As every reader of idea files reads them: no more than an idea may hold, a larger one refused as too large.
      files.push({ path: entry.path, bytes: readIdeaBytes(entry.abs), abs: entry.abs });
    } catch {
      // Gone since it was listed, or unreadable: `ideas validate` says which.
    }
  }
  return readSnapshot(registry.config, files);
}

/** The criteria of a stage by its key, compiled on first use: only the stages ideas moved into need them. */
type CriteriaFor = (key: string) => Validator | undefined;

function readFileOrNull(file: string): Buffer | null {
  try {
    return readBytes(file);
  } catch {
    return null;
  }
}

/** A criteria file at one side, and how it is compiled there. */
type CriteriaSource = (file: string) => { read: CriteriaFile; compile: (schema: unknown) => Validator };

/**
 * Compiling a criteria schema loads ajv's compiler and costs more than the rest of a diff, so it happens only for
 * a stage an idea moved into. The gate is the base's criteria; where the base's cannot be read (an error of its own,
 * criteria/unreadable or config/unreadable), head's for the same stage, so that the rest of the change is still
 * checked. When neither can be, it is the same error as in every other command.
 */
function compileLazily(
  rules: RegistryConfig,
  headConfig: RegistryConfig,
  source: { base: CriteriaSource; head: CriteriaSource },
): CriteriaFor {
  const compiled = new Map<string, Validator>();
  return (key) => {
    const stage = rules.stages.find((s) => s.key === key);
    if (!stage) return undefined;
    const known = compiled.get(key);
    if (known) return known;
    const own = source.base(stage.criteria);
    const theirs = headConfig.stages.find((s) => s.key === key);
    const used = own.read.state === 'ok' || !theirs ? own : source.head(theirs.criteria);
    const { read } = used.read.state === 'ok' ? used : own;
    if (read.state === 'missing')
      throw new IdeasError('CONFIG_INVALID', 'err.criteriaMissing', { file: stage.criteria, stage: stage.label });
    if (read.state === 'link')
      throw new IdeasError(
        'CONFIG_INVALID',
        'err.criteriaSymlink',
        { file: stage.criteria, stage: stage.label, link: read.link, target: read.target },
        { hint: 'hint.criteriaSymlink' },
      );
    if (read.state === 'invalid')
      throw new IdeasError('CONFIG_INVALID', 'err.criteriaInvalid', {
        file: stage.criteria,
        stage: stage.label,
        reason: read.reason,
      });
    let validate: Validator;
    try {
      validate = used.compile(read.schema);
    } catch (e) {
      throw criteriaCompileError(e, stage);
    }
    compiled.set(key, validate);
    return validate;
  };
}

/**
 * Ideas with one of `ids` that commits before `commit` deleted, each as it was just before its newest deletion. Every
 * deleted file's id is read from its front matter (each blob once), never guessed from its name.
 */
async function deletedIdeas(
  reader: BlobReader,
  root: string,
  commit: string,
  baseConfig: RegistryConfig,
  headConfig: RegistryConfig,
  ids: Set<string>,
): Promise<DeletedIdea[]> {
  const deleted = await deletedPaths(root, commit, `${baseConfig.ideasDir}/`);
  const blobs = new Map<string, Promise<Buffer | null>>();
  for (const d of deleted) if (!blobs.has(d.oid)) blobs.set(d.oid, reader.read(d.oid));
  const out = new Map<string, DeletedIdea>();
  for (const d of deleted) {
    const bytes = (await blobs.get(d.oid)) ?? new Uint8Array();
    const file = { path: d.path, bytes };
    // The folder decides the stage, and may be one only head's config knows; a file in no stage is still read.
    const at = readSnapshot(baseConfig, [file]).ideas[0] ?? readSnapshot(headConfig, [file]).ideas[0];
    const fm = at ? at.frontMatter : readFrontMatter(bytes);
    const id = at ? at.id : fm.ok && typeof fm.data.id === 'string' ? fm.data.id : null;
    // Newest first: the first deletion seen of an id is its newest.
    if (id === null || !ids.has(id) || out.has(id)) continue;
    out.set(id, { id, path: d.path, commit: d.commit, idea: at?.idea ?? null });
  }
  return [...out.values()];
}
