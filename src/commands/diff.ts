import path from 'node:path';
import type { CommonOptions, Ctx } from '../context.js';
import { CONFIG_FILE, type RegistryConfig } from '../core/sluice/config.js';
import { IdeasError, isIdeasError } from '../core/errors.js';
import { checkGate } from '../core/sluice/gate.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import { compareFindings } from '../core/finding.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import {
  compareConfigs,
  compareCriteria,
  ruleFindings,
  type CriteriaFile,
  type RuleChange,
} from '../core/history/config-diff.js';
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
import { baseValidators, compileCriteria, readPackageSchema } from '../io/schemas.js';
import { fieldTitles, type FieldTitles } from '../core/criteria/field-titles.js';
import { git } from '../io/git.js';
import { defaultBase, defaultBranch, noMergeBase, resolveRevision } from '../io/git-base.js';
import {
  BLOB_BATCH,
  BlobReader,
  changedAttributeFiles,
  deletedPaths,
  listTree,
  repositoryPrefix,
} from '../io/git-revision.js';
import { isReadableEntry, isReadableTreeFile, listIdeaFiles } from '../io/idea-files.js';
import { readBytes } from '../io/files.js';
import {
  criteriaCompileError,
  criteriaFile as criteriaPath,
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
    const headConfigBytes = headCommit
      ? await reader.readPath(headCommit, prefix, CONFIG_FILE)
      : readFileOrNull(registry.configPath);
    const headConfig = headCommit ? configFrom(headConfigBytes, headCommit, registry, lang) : registry.config;
    if (!headConfig)
      throw new IdeasError('USAGE', 'err.noRegistryAt', {
        rev: range.head ?? '',
        dir: prefix || '.',
        file: CONFIG_FILE,
      });
    // The base's config gives the rules and maps its folders to stages (a folder may have been renamed since); when
    // the base has none, the registry did not exist yet, every idea is new, and head's config is all there is.
    const baseConfigBytes = await reader.readPath(baseCommit, prefix, CONFIG_FILE);
    let baseConfig: RegistryConfig | null;
    try {
      baseConfig = configFrom(baseConfigBytes, baseCommit, registry, lang);
    } catch (e) {
      // A base the program cannot read (a config of an older version): head's config maps it, as before.
      if (!isIdeasError(e) || e.code !== 'CONFIG_INVALID') throw e;
      baseConfig = headConfig;
    }
    const rules = baseConfig ?? headConfig;
    const baseSnapshot: Snapshot = baseConfig
      ? await snapshotAt(reader, root, baseCommit, baseConfig)
      : { config: headConfig, ideas: [] };
    const headSnapshot = headCommit
      ? await snapshotAt(reader, root, headCommit, headConfig)
      : worktreeSnapshot(registry);
    const readAt = (commit: string | null) => (file: string) =>
      commit ? reader.readPath(commit, prefix, file) : Promise.resolve(readInRegistry(root, file));
    const [baseCriteria, headCriteria] = await Promise.all([
      criteriaFiles(rules, readAt(baseConfig ? baseCommit : headCommit)),
      criteriaFiles(headConfig, readAt(headCommit)),
    ]);
    const criteria = compileLazily(
      rules,
      `criteria:${baseConfig ? baseCommit : (headCommit ?? root)}:${prefix}`,
      (f) => baseCriteria.get(f) ?? null,
    );

    const pairs = pairIdeas(baseSnapshot, headSnapshot);
    const newIds = new Set([...pairs.head.keys()].filter((id) => !pairs.base.has(id)));
    const deletedBefore =
      newIds.size > 0 && baseConfig ? await deletedIdeas(reader, root, baseCommit, baseConfig, headConfig, newIds) : [];

    const validators = baseValidators();
    // Fields by their labels, as the head's schemas give them: in findings that quote an entry, and in the changes.
    const headSchemas = [...headCriteria.values()].flatMap((bytes) => {
      try {
        return bytes ? [JSON.parse(utf8(bytes)) as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
    const schemas = [readPackageSchema('idea'), ...headSchemas];
    const diff = diffSnapshots(baseSnapshot, headSnapshot, {
      lang,
      baseName,
      deletedBefore,
      pairs,
      fieldLabel: (field) => fieldTitles(schemas, [field])[field]?.[lang] ?? field,
      now: ctx.clock(),
      gate: (idea, from, to) => checkGate({ ...idea, stage: from }, to, rules, validators.idea, criteria(to.key)),
    });
    if (baseConfig) {
      const headName = headCommit ? (range.head ?? headCommit.slice(0, 7)) : t(lang, 'diff.worktree');
      const changes = [
        ...(sameBytes(baseConfigBytes, headConfigBytes) ? [] : compareConfigs(baseConfig, headConfig)),
        ...compareCriteria(
          baseConfig,
          headConfig,
          { base: (f) => criteriaFile(baseCriteria.get(f)), head: (f) => criteriaFile(headCriteria.get(f)) },
          headName,
        ),
      ];
      // What the new rules publish, judged by the public outputs themselves: only when the rules changed at all.
      const changedCriteria = [...headCriteria.keys()].filter(
        (f) => !sameBytes(baseCriteria.get(f) ?? null, headCriteria.get(f) ?? null),
      );
      const rulesChanged =
        !sameBytes(baseConfigBytes, headConfigBytes) ||
        changedCriteria.length > 0 ||
        [...baseCriteria.keys()].some((f) => !headCriteria.has(f));
      if (rulesChanged)
        changes.push(
          ...publishing(root, { base: baseCriteria, head: headCriteria, changed: changedCriteria }, headSnapshot, {
            changes,
            baseName,
          }),
        );
      const texts = new Map<string, string>();
      if (headConfigBytes) texts.set(CONFIG_FILE, utf8(headConfigBytes));
      for (const [file, bytes] of headCriteria) if (bytes) texts.set(file, utf8(bytes));
      diff.findings.push(...ruleFindings(changes, texts, lang, baseName));
    }
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
    const titles = fieldTitles(schemas, [...new Set(diff.changed.flatMap((c) => c.fields.map((f) => f.field)))]);
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
    base: ReadonlyMap<string, Buffer | null>;
    head: ReadonlyMap<string, Buffer | null>;
    /** Head's files whose bytes differ from base's. */
    changed: readonly string[];
  },
  head: Snapshot,
  { changes, baseName }: { changes: readonly RuleChange[]; baseName: string },
): RuleChange[] {
  const classes = (files: ReadonlyMap<string, Buffer | null>) =>
    classifySources(
      schemaSources(
        root,
        [...files].flatMap(([file, bytes]) => {
          const read = criteriaFile(bytes);
          return read.state === 'ok' ? [{ file, schema: read.schema }] : [];
        }),
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
      const read = criteriaFile(criteria.head.get(file));
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

/** The config of a revision from its bytes, checked as on disk; null when the revision has none. */
function configFrom(bytes: Uint8Array | null, commit: string, registry: Registry, lang: Lang): RegistryConfig | null {
  if (!bytes) return null;
  return parseConfigText(utf8(bytes), `${registry.configPath} (${commit.slice(0, 7)})`, lang);
}

/** A file of the working tree's registry, by its path relative to the root; null when missing or outside it. */
function readInRegistry(root: string, rel: string): Buffer | null {
  const abs = path.resolve(root, rel);
  const inside = path.relative(root, abs);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return null;
  // A criteria file that leads out of the registry through a symbolic link is refused, as everywhere else.
  return readFileOrNull(criteriaPath(root, { criteria: rel, key: rel, label: { sv: rel, en: rel } }));
}

/** Every criteria file a config names, as bytes (null when missing), read at one revision. */
async function criteriaFiles(
  config: RegistryConfig,
  read: (file: string) => Promise<Buffer | null>,
): Promise<Map<string, Buffer | null>> {
  const files = [...new Set(config.stages.map((s) => s.criteria))];
  return new Map(await Promise.all(files.map(async (f) => [f, await read(f)] as const)));
}

function criteriaFile(bytes: Buffer | null | undefined): CriteriaFile {
  if (!bytes) return { state: 'missing' };
  const text = utf8(bytes);
  try {
    return { state: 'ok', text, schema: JSON.parse(text) as unknown };
  } catch (e) {
    return { state: 'invalid', reason: (e as Error).message };
  }
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
      files.push({ path: entry.path, bytes: readBytes(entry.abs), abs: entry.abs });
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

/**
 * Compiling a criteria schema loads ajv's compiler and costs more than the rest of a diff, so it happens only for
 * a stage an idea moved into. A missing or broken schema is then the same error as in every other command.
 */
function compileLazily(config: RegistryConfig, cacheKey: string, read: (file: string) => Buffer | null): CriteriaFor {
  const compiled = new Map<string, Validator>();
  return (key) => {
    const stage = config.stages.find((s) => s.key === key);
    if (!stage) return undefined;
    const known = compiled.get(key);
    if (known) return known;
    const bytes = read(stage.criteria);
    if (!bytes)
      throw new IdeasError('CONFIG_INVALID', 'err.criteriaMissing', { file: stage.criteria, stage: stage.label });
    let validate: Validator;
    try {
      validate = compileCriteria(
        JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')),
        `${cacheKey}${stage.criteria}`,
      );
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
