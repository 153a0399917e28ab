/**
 * Reading a registry as it was at a git revision, without checking it out: one `git ls-tree` lists the ideas
 * folder, and one long-lived `git cat-file --batch` reads every blob, rather than one git process per file.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import { git, gitEnv, gitReason } from './git.js';

/** The registry's folder inside its repository (`examples/sundsvall/`, or '' at the top); null when not in one. */
export async function repositoryPrefix(root: string): Promise<string | null> {
  try {
    const { stdout } = await git(['rev-parse', '--show-prefix'], root);
    return stdout.replace(/\r?\n$/, '');
  } catch {
    return null;
  }
}

/**
 * The `.gitattributes` files of the whole repository that differ between `base` and `head` (the working tree, with
 * files not yet tracked, when `head` is null): paths from the repository's top, with forward slashes.
 */
export async function changedAttributeFiles(root: string, base: string, head: string | null): Promise<string[]> {
  const spec = ['--', ':(top,glob).gitattributes', ':(top,glob)**/.gitattributes'];
  const split = (out: string) => out.split('\0').filter((p) => p !== '');
  const [changed, untracked] = await Promise.all([
    git(['diff', '--name-only', '-z', '--no-renames', base, ...(head ? [head] : []), ...spec], root),
    head ? null : git(['ls-files', '-z', '--others', '--exclude-standard', '--full-name', ...spec], root),
  ]);
  return [...new Set([...split(changed.stdout), ...split(untracked?.stdout ?? '')])].sort();
}

export interface TreeEntry {
  /**
   * Relative to the folder git ran in (the registry root), with forward slashes. A name's bytes that are not UTF-8
   * are U+FFFD here, as in a folder's listing: such a path names no file (see isReadableTreeFile).
   */
  path: string;
  mode: string;
  type: string;
  oid: string;
  /** The blob's size in bytes, when asked for (`sizes`), so that a blob too large is never read; null otherwise. */
  size?: number | null;
}

/** Every file under `dir` (relative to `root`) at `commit`, with its blob id (and its size, with `sizes`). */
export async function listTree(
  root: string,
  commit: string,
  dir: string,
  opts: { sizes?: boolean } = {},
): Promise<TreeEntry[]> {
  const { stdout } = await git(['ls-tree', '-r', ...(opts.sizes ? ['-l'] : []), '-z', commit, '--', dir], root);
  return treeEntries(stdout, opts.sizes === true);
}

/** The entries of `git ls-tree -z` output (with `-l` when `sizes`). */
function treeEntries(stdout: string, sizes: boolean): TreeEntry[] {
  const out: TreeEntry[] = [];
  for (const record of stdout.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    // With -l the size is padded with spaces: `<mode> <type> <oid>    <size>`, `-` for what is not a blob.
    const [mode = '', type = '', oid = '', size] = record
      .slice(0, tab)
      .split(' ')
      .filter((p) => p !== '');
    const entry: TreeEntry = { path: record.slice(tab + 1), mode, type, oid };
    if (sizes) entry.size = size !== undefined && /^\d+$/.test(size) ? Number(size) : null;
    out.push(entry);
  }
  return out;
}

/**
 * A file of the registry's rules (its config, a criteria file) at one side of a diff, as every other command would
 * read it from the disk: a regular file's bytes, a symbolic link (the file, or a folder on its way: never followed,
 * as `ideas validate` refuses it), or nothing there (a folder or a submodule counts as nothing: no file to read).
 */
export type RuleFile =
  { kind: 'file'; bytes: Buffer } | { kind: 'link'; link: string; target: string } | { kind: 'missing' };

/**
 * Files of the registry at `commit`, by their paths relative to the registry root (`root`, where git runs), each as
 * a RuleFile. `git cat-file` alone cannot tell a link from a file (it gives a link's target as the blob's text), so
 * one `git ls-tree` gives each file's mode; a file git does not find there may be behind a folder that is a link,
 * which a second one, for the folders on the way, says.
 */
export async function readRuleFiles(
  root: string,
  reader: BlobReader,
  commit: string,
  rels: readonly string[],
): Promise<Map<string, RuleFile>> {
  const out = new Map<string, RuleFile>();
  const inside = new Map<string, string>();
  for (const rel of rels) {
    const p = path.posix.normalize(rel.replace(/\\/g, '/'));
    if (p === '.' || p === '..' || p.startsWith('../') || path.posix.isAbsolute(p)) out.set(rel, { kind: 'missing' });
    else inside.set(rel, p);
  }
  const entries = async (paths: readonly string[]): Promise<Map<string, TreeEntry>> => {
    const found = new Map<string, TreeEntry>();
    if (paths.length === 0) return found;
    const literal = paths.map((p) => `:(literal)${p}`);
    for (const e of await listTreeEntries(root, commit, literal)) found.set(e.path, e);
    return found;
  };
  const files = await entries([...new Set(inside.values())]);
  const folders = new Set<string>();
  for (const p of inside.values())
    if (!files.has(p)) {
      const parts = p.split('/');
      for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    }
  const ways = await entries([...folders]);
  const link = async (e: TreeEntry): Promise<RuleFile> => ({
    kind: 'link',
    link: e.path,
    target: (await reader.read(e.oid))?.toString('utf8') ?? '?',
  });
  for (const [rel, p] of inside) {
    const e = files.get(p);
    if (e?.mode === '120000') out.set(rel, await link(e));
    else if (e?.type === 'blob') {
      const bytes = await reader.read(e.oid);
      out.set(rel, bytes ? { kind: 'file', bytes } : { kind: 'missing' });
    } else {
      const parts = p.split('/');
      const on = parts.slice(1).map((_, i) => ways.get(parts.slice(0, i + 1).join('/')));
      const way = on.find((w) => w?.mode === '120000');
      out.set(rel, way ? await link(way) : { kind: 'missing' });
    }
  }
  return out;
}

/** The entries `git ls-tree` (not recursive) gives for the paths, relative to `root`, at `commit`. */
async function listTreeEntries(root: string, commit: string, paths: readonly string[]): Promise<TreeEntry[]> {
  const { stdout } = await git(['ls-tree', '-z', commit, '--', ...paths], root);
  return treeEntries(stdout, false);
}

/** A path deleted from `dir` in the history of `commit`, the commit that deleted it, and the blob it held. */
export interface DeletedPath {
  path: string;
  commit: string;
  /** The deleted file's blob: what it held just before. */
  oid: string;
}

/** The paths under `dir` (relative to `root`) that commits before `commit` deleted, newest first. Moves count too. */
export async function deletedPaths(root: string, commit: string, dir: string): Promise<DeletedPath[]> {
  const { stdout } = await git(
    [
      'log',
      // Along the first parents, each merge diffed against its first parent: a file deleted in a merge (a conflict
      // resolved by deleting it) shows there, with the version the branch had; a plain `git log` shows no diff of a
      // merge, and then took an older version of the file (the last time it moved) for the one deleted.
      '-m',
      '--first-parent',
      '--no-renames',
      '--diff-filter=D',
      '--raw',
      '--no-abbrev',
      '-z',
      '--relative',
      '--format=%x01%H',
      commit,
      '--',
      dir,
    ],
    root,
  );
  const out: DeletedPath[] = [];
  // Each commit: \x01<sha>\0, then for each file a raw line `:<modes> <old blob> <new blob> D` and its path, each
  // ended by \0 (the first raw line after a line feed).
  for (const chunk of stdout.split('\x01')) {
    const fields = chunk.split('\0');
    const sha = fields[0] ?? '';
    for (let i = 1; i + 1 < fields.length; i += 2) {
      const meta = (fields[i] ?? '').replace(/^\n/, '').split(' ');
      const rel = fields[i + 1] ?? '';
      const oid = meta[2] ?? '';
      if (rel && /^[0-9a-f]{40,64}$/.test(oid)) out.push({ path: rel, commit: sha, oid });
    }
  }
  return out;
}

interface Pending {
  resolve: (bytes: Buffer | null) => void;
  reject: (e: Error) => void;
}

/**
 * How many blobs to ask a BlobReader for at once: a few hundred keep cat-file busy, where thousands asked at once held
 * every request, and every answer, in memory together.
 */
export const BLOB_BATCH = 256;

/**
 * One `git cat-file --batch` process: objects are asked for by name (`<oid>` or `<commit>:<path>`) and answered
 * in order, each as a header line, the bytes, and a line feed.
 */
export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | null = null;
  /** Objects by id: a file unchanged between two revisions is one blob, read once. */
  private readonly cache = new Map<string, Promise<Buffer | null>>();

  constructor(root: string) {
    this.child = spawn('git', ['cat-file', '--batch'], {
      cwd: root,
      env: gitEnv(),
      shell: false,
      windowsHide: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    let stderr = '';
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const fail = (e: Error) => {
      this.failure = new IdeasError('GIT', 'err.git', { reason: gitReason(stderr, e.message) }, { cause: e });
      for (const p of this.pending.splice(0)) p.reject(this.failure);
    };
    this.child.on('error', fail);
    this.child.on('close', (code) => {
      if (this.pending.length > 0) fail(new Error(`git cat-file ended with ${String(code)}`));
    });
    // A closed pipe shows as the close above; without a listener it would be an unhandled error.
    this.child.stdin.on('error', () => undefined);
  }

  /** The object's bytes, or null when the revision has no such object. */
  read(name: string): Promise<Buffer | null> {
    if (this.failure) return Promise.reject(this.failure);
    // The batch protocol is line-based: a name with a line break cannot be asked for, so it cannot exist.
    if (/[\r\n]/.test(name)) return Promise.resolve(null);
    const known = this.cache.get(name);
    if (known) return known;
    const read = new Promise<Buffer | null>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin.write(`${name}\n`);
    });
    // Only an object id names the same bytes for ever; `<commit>:<path>` is cheap to ask again.
    if (/^[0-9a-f]{40,64}$/.test(name)) this.cache.set(name, read);
    return read;
  }

  /** A file of the registry at a commit, by its path relative to the registry root. */
  readPath(commit: string, prefix: string, rel: string): Promise<Buffer | null> {
    const full = path.posix.normalize(`${prefix}${rel}`);
    if (full.startsWith('../') || path.posix.isAbsolute(full)) return Promise.resolve(null);
    return this.read(`${commit}:${full}`);
  }

  private drain(): void {
    for (;;) {
      const next = this.pending[0];
      const eol = this.buffer.indexOf(10);
      if (!next || eol === -1) return;
      const header = this.buffer.subarray(0, eol).toString('utf8');
      if (/ (missing|ambiguous)$/.test(header)) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.pending.shift();
        next.resolve(null);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (!Number.isInteger(size)) {
        this.pending.shift();
        next.reject(new IdeasError('GIT', 'err.git', { reason: gitReason(header, '') }));
        continue;
      }
      if (this.buffer.length < eol + 1 + size + 1) return;
      const bytes = Buffer.from(this.buffer.subarray(eol + 1, eol + 1 + size));
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.pending.shift();
      next.resolve(header.split(' ')[1] === 'blob' ? bytes : null);
    }
  }

  close(): void {
    this.child.stdin.end();
  }
}
