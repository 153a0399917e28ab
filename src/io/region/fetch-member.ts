/**
 * One member's sync: a shallow, read-only fetch of its branch into a bare repository of its own under
 * `.git/ideas-region/repos/`, then its registry read straight from the git tree (no checkout, as `ideas diff` reads
 * a revision): the config, every criteria file (for what is public), and the idea files, each blob read only when
 * the last snapshot does not already hold its id. Nothing is written to the member: git only fetches.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { nonUtf8Line } from '../../core/front-matter/line-column.js';
import { isIdeasError } from '../../core/errors.js';
import { t, type Lang, type MessageKey, type Params } from '../../core/i18n/i18n.js';
import { CONFIG_FILE, type RegistryConfig } from '../../core/sluice/config.js';
import type { RegionMember } from '../../core/region/config.js';
import { byPath } from '../../core/path-order.js';
import {
  buildIdeas,
  ideasByOid,
  SNAPSHOT_VERSION,
  snapshotFields,
  snapshotRegistry,
  unreadableByOid,
  placeOf,
  type MemberFile,
  type MemberSnapshot,
  type RegionIdea,
  type UnreadableFile,
} from '../../core/region/snapshot.js';
import { classifySources, type SchemaSource } from '../../core/criteria/personal-data.js';
import { fieldTitles } from '../../core/criteria/field-titles.js';
import { readPackageSchema } from '../schemas.js';
import { forbiddenKeys, nullProtoDeep } from '../../core/safe-object.js';
import { git, GitTimeout } from '../git.js';
import { BLOB_BATCH, BlobReader, listTree, type TreeEntry } from '../git-revision.js';
import { MAX_IDEA_BYTES } from '../../core/front-matter/front-matter.js';
import { isIdeaFileName, isReadableTreeFile } from '../idea-files.js';
import { parseConfigText } from '../registry.js';
import { makeFolder, safeUnlink } from '../atomic-file.js';
import { faultPoint } from '../faults.js';
import { memberRepoDir } from './member-cache.js';
import { textWithoutCredentials } from '../../core/region/member-url.js';
import { spreadKitOf, type SpreadKitField } from '../../core/region/spread.js';
import { jsonSyntaxReason } from '../../core/criteria/schema-reasons.js';

export interface MemberProblem {
  /** fetch: git could not fetch; registry: what was fetched is not a usable registry. */
  kind: 'fetch' | 'registry';
  message: MessageKey;
  params: Params;
  details: string[];
}

export type MemberSync =
  { ok: true; snapshot: MemberSnapshot; parsed: number; unchanged: boolean } | { ok: false; problem: MemberProblem };

/**
 * Where git fetches from: a URL as given, an scp-like `host:path` as given, and a path relative to the region's
 * folder made absolute (git would read it relative to the cache).
 */
export function fetchSource(url: string, regionRoot: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(url)) return url;
  if (!url.startsWith('/') && !url.startsWith('.') && /^[^/]+:/.test(url)) return url;
  return path.resolve(regionRoot, url);
}

const REF = 'refs/ideas-region/head';

/**
 * The largest blob read from a member: an idea file may be no larger (core/front-matter's MAX_IDEA_BYTES), and
 * neither may its config or criteria. Sizes come from `ls-tree -l` before anything is read, so a hostile member's
 * huge file costs no memory.
 */
const MAX_MEMBER_BLOB_BYTES = MAX_IDEA_BYTES;

function tooLarge(e: TreeEntry): boolean {
  return e.size === null || (e.size ?? 0) > MAX_MEMBER_BLOB_BYTES;
}

/**
 * The config that keeps a fetch read-only and safe: only the transports a member's address may name (https, http, ssh,
 * git://, a local path or file://), so never `ext::` or another remote helper however its name is written; no hooks.
 */
const SAFE = [
  ...['-c', 'protocol.allow=never'],
  ...['https', 'http', 'ssh', 'git', 'file'].flatMap((p) => ['-c', `protocol.${p}.allow=always`]),
  ...['-c', 'core.hooksPath=/dev/null'],
];

async function ensureRepo(repo: string): Promise<void> {
  if (existsSync(path.join(repo, 'HEAD'))) return;
  makeFolder(repo);
  await git(['init', '-q', '--bare', repo], path.dirname(repo));
}

/**
 * The lock files a fetch into the member's repository takes, that a fetch stopped hard leaves behind: git stops
 * only on a signal it can catch, and a fetch over its time limit (or in a sync that was killed) is stopped with
 * SIGKILL. Left there, every later fetch refused to start ("Unable to create '…/shallow.lock': File exists"), and the
 * member could not be synced again. A fetch into this repository runs only within a sync, which holds the region's
 * sync lock (sync-lock.ts): any such file at the start of one is a dead fetch's.
 */
const FETCH_LOCKS = ['shallow.lock', 'packed-refs.lock', 'config.lock', 'HEAD.lock', 'FETCH_HEAD.lock', `${REF}.lock`];

function removeStaleLocks(repo: string): void {
  // Only a regular file, in a folder of the repository itself: a link on the way (`refs/ideas-region` made a link to a
  // folder elsewhere) would have this remove a file outside the region's cache (found from outside).
  const root = realpathSync(repo);
  for (const lock of FETCH_LOCKS) {
    const file = path.join(repo, lock);
    try {
      if (realpathSync(path.dirname(file)) !== path.join(root, path.dirname(lock))) continue;
      if (!lstatSync(file).isFile()) continue;
    } catch {
      continue;
    }
    safeUnlink(file);
  }
}

/** How long one member's fetch may take by default: a member that hangs becomes a finding, not a stuck sync. */
export const DEFAULT_FETCH_TIMEOUT_SECONDS = 120;

/** Fetches the member's branch, one commit deep; the commit, or a problem. */
async function fetchMember(
  member: RegionMember,
  repo: string,
  regionRoot: string,
  timeoutSeconds: number,
): Promise<string | MemberProblem> {
  try {
    await ensureRepo(repo);
    removeStaleLocks(repo);
    const source = fetchSource(member.fetchUrl, regionRoot);
    const ref = member.branch === null ? 'HEAD' : `refs/heads/${member.branch}`;
    faultPoint('region:fetch');
    await git(
      [
        ...SAFE,
        'fetch',
        '-q',
        '--depth=1',
        '--no-tags',
        '--no-recurse-submodules',
        '--end-of-options',
        source,
        `+${ref}:${REF}`,
      ],
      repo,
      { timeoutMs: timeoutSeconds * 1000 },
    );
    const { stdout } = await git(['rev-parse', '--verify', '-q', `${REF}^{commit}`], repo);
    return stdout.trim();
  } catch (e) {
    if (e instanceof GitTimeout)
      return { kind: 'fetch', message: 'region.problem.timeout', params: { seconds: e.seconds }, details: [] };
    // git quotes the address it was given: the member's, credentials and all.
    const reason = textWithoutCredentials(
      (isIdeasError(e) ? e.text.en.replace(/^git failed: /, '') : (e as Error).message).replace(/^fatal: /, ''),
    );
    return { kind: 'fetch', message: 'region.problem.fetch', params: { reason }, details: [] };
  }
}

const utf8 = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');

/**
 * A member's config or criteria file that is not UTF-8, said as its own registry's commands say it (io/files.ts,
 * readUtf8Text): read anyway, its labels would reach the region with U+FFFD for every å, ä and ö.
 */
/** The mode git gives a symbolic link. */
const LINK = '120000';

function notUtf8(bytes: Uint8Array, file: string, lang: Lang): string | null {
  const line = nonUtf8Line(bytes);
  return line === null ? null : t(lang, 'err.notUtf8', { file, line });
}

function registryProblem(message: MessageKey, params: Params, details: string[] = []): MemberSync {
  return { ok: false, problem: { kind: 'registry', message, params, details } };
}

/**
 * Fetches one member and reads its registry. `previous` reads its last good snapshot as its summary holds it (each
 * idea's data and text left out), once the fetch is done; `previousTexts` reads it whole, only when the member
 * changed: an unchanged member costs no more memory than its summary, whatever its size, and a member still being
 * fetched nothing.
 */
export async function syncMember(
  member: RegionMember,
  opts: {
    regionRoot: string;
    cacheDir: string;
    previous: () => MemberSnapshot | null;
    previousTexts: () => MemberSnapshot | null;
    now: Date;
    lang: Lang;
    /** The longest the fetch may take (DEFAULT_FETCH_TIMEOUT_SECONDS when not given). */
    timeoutSeconds?: number;
    /** Awaited once the fetch succeeded, before anything is read: the caller's turn to read (sync's one at a time). */
    afterFetch?: () => Promise<void>;
  },
): Promise<MemberSync> {
  const repo = memberRepoDir(opts.cacheDir, member.id);
  const fetched = await fetchMember(
    member,
    repo,
    opts.regionRoot,
    opts.timeoutSeconds ?? DEFAULT_FETCH_TIMEOUT_SECONDS,
  );
  if (typeof fetched !== 'string') return { ok: false, problem: fetched };
  await opts.afterFetch?.();
  faultPoint('region:read');
  const commit = fetched;
  const prefix = member.path === '' ? '' : `${member.path}/`;
  const reader = new BlobReader(repo);
  try {
    const configEntry = (await listTree(repo, commit, `${prefix}${CONFIG_FILE}`, { sizes: true })).find(
      (e) => e.path === `${prefix}${CONFIG_FILE}` && e.type === 'blob',
    );
    if (configEntry && tooLarge(configEntry))
      return registryProblem('region.problem.tooLarge', { file: CONFIG_FILE, max: MAX_MEMBER_BLOB_BYTES / 1_000_000 });
    const configBytes = configEntry ? await reader.read(configEntry.oid) : null;
    if (!configEntry || !configBytes)
      // The repository's top folder in words: a path of "." read as the end of the sentence ("i mappen ..").
      return prefix
        ? registryProblem('region.problem.noRegistry', { path: prefix, file: CONFIG_FILE })
        : registryProblem('region.problem.noRegistryTop', { file: CONFIG_FILE });
    // The rules are read only from regular files, as the member's own commands read them (git gives a link's blob as
    // the path it points to, which is no config, or another one).
    if (configEntry.mode === LINK)
      return registryProblem('region.problem.config', {
        reason: t(opts.lang, 'f.whyLink', { link: CONFIG_FILE, target: configBytes.toString('utf8') }),
      });
    let config: RegistryConfig;
    const configNotUtf8 = notUtf8(configBytes, CONFIG_FILE, opts.lang);
    if (configNotUtf8) return registryProblem('region.problem.config', { reason: configNotUtf8 });
    try {
      config = parseConfigText(utf8(configBytes), CONFIG_FILE, opts.lang);
    } catch (e) {
      if (!isIdeasError(e)) throw e;
      return registryProblem('region.problem.config', { reason: e.text[opts.lang] }, [...e.details]);
    }
    // The criteria decide which fields are public: a criteria file that cannot be read makes the member unusable,
    // rather than have its markings missed.
    const criteriaFiles = [...new Set(config.stages.map((s) => s.criteria))];
    const sources: SchemaSource[] = [];
    const base = readPackageSchema('idea');
    sources.push({ schema: base, uri: typeof base.$id === 'string' ? base.$id : null });
    const oids: string[] = [configEntry.oid];
    const kits = new Map<string, SpreadKitField[]>();
    for (const file of criteriaFiles) {
      const full = path.posix.normalize(`${prefix}${file}`);
      const entry = full.startsWith('../')
        ? undefined
        : (await listTree(repo, commit, full, { sizes: true })).find((e) => e.path === full && e.type === 'blob');
      if (entry && tooLarge(entry))
        return registryProblem('region.problem.tooLarge', { file, max: MAX_MEMBER_BLOB_BYTES / 1_000_000 });
      const bytes = entry ? await reader.read(entry.oid) : null;
      if (!entry || !bytes) return registryProblem('region.problem.criteriaMissing', { file });
      if (entry.mode === LINK)
        return registryProblem('region.problem.criteriaInvalid', {
          file,
          reason: t(opts.lang, 'f.whyLink', { link: file, target: bytes.toString('utf8') }),
        });
      let schema: unknown;
      const criteriaNotUtf8 = notUtf8(bytes, file, opts.lang);
      if (criteriaNotUtf8) return registryProblem('region.problem.criteriaInvalid', { file, reason: criteriaNotUtf8 });
      const text = utf8(bytes);
      try {
        schema = JSON.parse(text);
      } catch (e) {
        // Said in the region's language, as the config's problem above: JSON.parse's own message is English only.
        const reason = jsonSyntaxReason(text, (e as Error).message)[opts.lang];
        return registryProblem('region.problem.criteriaInvalid', { file, reason });
      }
      const forbidden = forbiddenKeys(schema, 1)[0];
      if (forbidden) return registryProblem('region.problem.criteriaInvalid', { file, reason: forbidden.key });
      oids.push(entry.oid);
      const safe = nullProtoDeep(schema);
      kits.set(file, spreadKitOf(safe));
      sources.push({ schema: safe, uri: `file:///ideas-region/${member.id}/${full}` });
    }
    const rulesKey = oids.join(' ');
    const previous = opts.previous();
    // A state from before goals (or fields) were kept is read again (each idea still known by its blob id), to fill them in.
    if (
      previous &&
      previous.commit === commit &&
      previous.rulesKey === rulesKey &&
      previous.path === member.path &&
      previous.registry.goals !== undefined &&
      previous.registry.fields !== undefined
    )
      return {
        ok: true,
        // The address as the file now gives it: one kept from before may have held credentials.
        snapshot: { ...previous, url: member.url, syncedAt: opts.now.toISOString() },
        parsed: 0,
        unchanged: true,
      };

    const named = (await listTree(repo, commit, `${prefix}${config.ideasDir}/`, { sizes: true })).filter(
      (e) => e.type === 'blob' && isIdeaFileName(path.posix.basename(e.path)),
    );
    // A link, or a name that was not UTF-8 (git gives its bytes as U+FFFD): never read, and named as a file that could
    // not be read, as the member's own commands count it and `ideas validate` names it.
    // Named by their places, as every file the region cannot read: its name may say anything (a person's).
    const refused = named
      .filter((e) => !isReadableTreeFile(e))
      .map((e) => ({
        path: placeOf(e.path.slice(prefix.length)),
        reason: e.mode === '120000' ? 'file/symlink' : 'file/name',
      }));
    const listed = named.filter(isReadableTreeFile);
    // A blob larger than an idea may be is never read: a warning, as for any file that is not an idea.
    const entries = listed.filter((e) => !tooLarge(e));
    const oversized = listed.filter(tooLarge).map((e) => ({
      path: placeOf(e.path.slice(prefix.length)),
      reason: `> ${MAX_MEMBER_BLOB_BYTES / 1_000_000} MB`,
    }));
    const whole = previous ? opts.previousTexts() : null;
    const known = ideasByOid(whole, rulesKey);
    const knownBad = unreadableByOid(whole, rulesKey);
    const classes = classifySources(sources);
    // Only the blobs the last snapshot does not hold are read, a batch at a time, each batch's files parsed and let
    // go before the next is read: a member's 10,000 files asked for at once held every blob, every request and every
    // parsed file together (a first sync of 10,000-idea members peaked at 281 MB).
    const ideas: RegionIdea[] = [];
    const unreadableFiles: UnreadableFile[] = [];
    let parsed = 0;
    for (let i = 0; i < entries.length; i += BLOB_BATCH) {
      const files: MemberFile[] = await Promise.all(
        entries.slice(i, i + BLOB_BATCH).map(async (e) => ({
          path: e.path.slice(prefix.length),
          oid: e.oid,
          bytes:
            known?.has(e.oid) || knownBad?.has(e.oid)
              ? new Uint8Array()
              : ((await reader.read(e.oid)) ?? new Uint8Array()),
        })),
      );
      const built = buildIdeas(config, files, classes, known, knownBad);
      ideas.push(...built.ideas);
      unreadableFiles.push(...built.unreadable);
      parsed += built.parsed;
    }
    // By path, as a snapshot keeps them: git's listing is not always in that order.
    ideas.sort(byPath);
    const schemas = sources.map((s) => s.schema as Record<string, unknown>);
    const fields = snapshotFields(classes, (key) => fieldTitles(schemas, [key])[key] ?? { sv: key, en: key });
    const unreadable = [...unreadableFiles, ...oversized, ...refused].sort(byPath);
    const snapshot: MemberSnapshot = {
      schemaVersion: SNAPSHOT_VERSION,
      member: member.id,
      url: member.url,
      branch: member.branch,
      path: member.path,
      commit,
      syncedAt: opts.now.toISOString(),
      rulesKey,
      registry: snapshotRegistry(config, kits, fields),
      ideas,
      unreadable,
    };
    return { ok: true, snapshot, parsed, unchanged: false };
  } catch (e) {
    if (!isIdeasError(e)) throw e;
    return {
      ok: false,
      problem: {
        kind: 'fetch',
        message: 'region.problem.fetch',
        params: { reason: { sv: textWithoutCredentials(e.text.sv), en: textWithoutCredentials(e.text.en) } },
        details: [],
      },
    };
  } finally {
    reader.close();
  }
}
