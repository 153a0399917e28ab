import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CommonOptions, Ctx } from '../context.js';
import { CONFIG_FILE, type RegistryConfig } from '../core/sluice/config.js';
import { IdeasError, isIdeasError } from '../core/errors.js';
import { checkGate } from '../core/sluice/gate.js';
import type { Lang } from '../core/i18n/i18n.js';
import { idFromFileName } from '../core/sluice/id.js';
import {
  diffSnapshots,
  ideasById,
  readSnapshot,
  type DeletedIdea,
  type IdeaDiff,
  type RevisionSide,
  type Snapshot,
  type SnapshotFile,
} from '../core/history/idea-diff.js';
import { baseValidators, compileCriteria, type Validator } from '../core/criteria/schema-check.js';
import { git } from '../io/git.js';
import { defaultBase, defaultBranch, resolveRevision } from '../io/git-base.js';
import { BlobReader, deletedPaths, listTree, repositoryPrefix } from '../io/git-revision.js';
import { isIdeaFileName, isReadableEntry, listIdeaFiles } from '../io/idea-files.js';
import { criteriaCompileError, criteriaFile, parseConfigText, type Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';

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
  ok: boolean;
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
    const { stdout } = await git(['merge-base', a, headCommit ?? 'HEAD'], root).catch(() => {
      throw new IdeasError('USAGE', 'err.noMergeBase', { branch: range.base ?? '' });
    });
    base = { ref: range.base, commit: stdout.trim(), mergeBase: true, worktree: false };
  } else {
    base = { ref: range.base, commit: await resolveRevision(root, range.base), mergeBase: false, worktree: false };
  }
  const baseCommit = base.commit as string;
  const baseName = base.ref ?? baseCommit.slice(0, 7);

  const reader = new BlobReader(root);
  try {
    const headConfig = headCommit ? await configAt(reader, headCommit, prefix, registry, lang) : registry.config;
    if (!headConfig)
      throw new IdeasError('USAGE', 'err.noRegistryAt', {
        rev: range.head ?? '',
        dir: prefix || '.',
        file: CONFIG_FILE,
      });
    // The base's own config maps its folders to stages (a folder may have been renamed since); when the base has
    // none, the registry did not exist yet and every idea is new; when it cannot be read, head's config maps it.
    const baseConfig = await configAt(reader, baseCommit, prefix, registry, lang).catch((e: unknown) => {
      if (isIdeasError(e) && e.code === 'CONFIG_INVALID') return headConfig;
      throw e;
    });
    const baseSnapshot: Snapshot = baseConfig
      ? await snapshotAt(reader, root, baseCommit, baseConfig)
      : { config: headConfig, ideas: [] };
    const headSnapshot = headCommit
      ? await snapshotAt(reader, root, headCommit, headConfig)
      : worktreeSnapshot(registry);
    const criteria = headCommit
      ? await criteriaAt(reader, headCommit, prefix, headConfig)
      : compileLazily(headConfig, `criteria:${root}:`, (file) =>
          readFileOrNull(
            criteriaFile(root, headConfig.stages.find((s) => s.criteria === file) ?? { criteria: file, key: '?' }),
          ),
        );

    const byId = ideasById(baseSnapshot, headSnapshot);
    const newIds = new Set([...byId.head.keys()].filter((id) => !byId.base.has(id)));
    const deletedBefore =
      newIds.size > 0 && baseConfig
        ? await deletedIdeas(reader, root, prefix, baseCommit, baseConfig, headConfig, newIds)
        : [];

    const validators = baseValidators();
    const diff = diffSnapshots(baseSnapshot, headSnapshot, {
      lang,
      baseName,
      deletedBefore,
      gate: (idea, from, to) => checkGate({ ...idea, stage: from }, to, headConfig, validators.idea, criteria(to.key)),
    });
    const ok = !diff.findings.some((f) => f.severity === 'error');
    return { kind: 'idea-diff', registry: { ...registry, config: headConfig }, lang, base, head, diff, ok };
  } finally {
    reader.close();
  }
}

/** The config at a commit, checked as on disk; null when the commit has none. */
async function configAt(
  reader: BlobReader,
  commit: string,
  prefix: string,
  registry: Registry,
  lang: Lang,
): Promise<RegistryConfig | null> {
  const bytes = await reader.readPath(commit, prefix, CONFIG_FILE);
  if (!bytes) return null;
  return parseConfigText(
    bytes.toString('utf8').replace(/^\uFEFF/, ''),
    `${registry.configPath} (${commit.slice(0, 7)})`,
    lang,
  );
}

/** The ideas folder at a commit: one ls-tree, and the blobs through the one cat-file process. */
async function snapshotAt(reader: BlobReader, root: string, commit: string, config: RegistryConfig): Promise<Snapshot> {
  const entries = (await listTree(root, commit, `${config.ideasDir}/`)).filter(
    (e) => e.type === 'blob' && e.mode !== '120000' && isIdeaFileName(path.posix.basename(e.path)),
  );
  const blobs = await Promise.all(entries.map((e) => reader.read(e.oid)));
  const files: SnapshotFile[] = entries.map((e, i) => ({ path: e.path, bytes: blobs[i] ?? new Uint8Array() }));
  return readSnapshot(config, files);
}

/** The working tree as it is: what is committed, staged, changed and not yet tracked alike. */
function worktreeSnapshot(registry: Registry): Snapshot {
  const files: SnapshotFile[] = [];
  for (const entry of listIdeaFiles(registry)) {
    if (!isReadableEntry(entry) || !entry.stage) continue;
    try {
      files.push({ path: entry.path, bytes: readFileSync(entry.abs), abs: entry.abs });
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
    return readFileSync(file);
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
      throw new IdeasError('CONFIG_INVALID', 'err.criteriaMissing', { file: stage.criteria, stage: stage.key });
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

/** Head's criteria as they are at its commit: read through the batch process up front, compiled when needed. */
async function criteriaAt(
  reader: BlobReader,
  commit: string,
  prefix: string,
  config: RegistryConfig,
): Promise<CriteriaFor> {
  const files = [...new Set(config.stages.map((s) => s.criteria))];
  const blobs = new Map(
    await Promise.all(files.map(async (f) => [f, await reader.readPath(commit, prefix, f)] as const)),
  );
  return compileLazily(config, `criteria:${commit}:${prefix}`, (file) => blobs.get(file) ?? null);
}

/** Ideas with one of `ids` that commits before `commit` deleted, each as it was just before its newest deletion. */
async function deletedIdeas(
  reader: BlobReader,
  root: string,
  prefix: string,
  commit: string,
  baseConfig: RegistryConfig,
  headConfig: RegistryConfig,
  ids: Set<string>,
): Promise<DeletedIdea[]> {
  const seen = new Set<string>();
  const wanted = (await deletedPaths(root, commit, `${baseConfig.ideasDir}/`)).filter((d) => {
    const id = idFromFileName(path.posix.basename(d.path));
    if (!id || !ids.has(id) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return Promise.all(
    wanted.map(async (d) => {
      const bytes = (await reader.readPath(`${d.commit}^`, prefix, d.path)) ?? new Uint8Array();
      const file = { path: d.path, bytes };
      const before = readSnapshot(baseConfig, [file]).ideas[0] ?? readSnapshot(headConfig, [file]).ideas[0];
      return {
        id: idFromFileName(path.posix.basename(d.path)) ?? '',
        path: d.path,
        commit: d.commit,
        idea: before?.idea ?? null,
      };
    }),
  );
}
