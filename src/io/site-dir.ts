/**
 * Writes the static site's folder without ever losing what was there: the new site is written beside it in a
 * temporary folder and swapped in with renames, so a build that fails leaves the old site as it was. A folder is
 * only replaced when every file in it is one a previous run wrote, unchanged: the marker file lists them with their
 * hashes. Anything else (a CNAME for GitHub Pages, someone's notes, a folder given by mistake) makes it refuse.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { IdeasError } from '../core/errors.js';
import type { FileText } from '../core/file-text.js';
import { faultPoint } from './faults.js';
import { pidMayRun } from './pid.js';
import { markerHash, pageWriter, type PieceMaker } from './page-writer.js';
import { nullObject, nullProtoDeep } from '../core/safe-object.js';

const SITE_MARKER = '.ideas-site';

interface Marker {
  generator: 'ideas site';
  schemaVersion: 1;
  /** Path (relative, with forward slashes) to the SHA-256 of its content. */
  files: Record<string, string>;
}

/** Every file and symbolic link below `dir`, relative, with forward slashes. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}

function readMarker(dir: string): Marker | null {
  try {
    // Keyed by the names of files in the folder: objects without a prototype (a file called `constructor`).
    const m = nullProtoDeep(JSON.parse(readFileSync(path.join(dir, SITE_MARKER), 'utf8')) as Partial<Marker>);
    return m.generator === 'ideas site' && m.files !== null && typeof m.files === 'object' ? (m as Marker) : null;
  } catch {
    return null;
  }
}

/** The files in `dir` that no earlier run wrote, or that changed since: every file, when there is no marker. */
function foreignFiles(dir: string): string[] {
  const marker = readMarker(dir);
  // No earlier run: everything in it is someone else's, named without walking the whole tree below.
  if (!marker) return readdirSync(dir);
  const chunk = Buffer.allocUnsafe(64 * 1024);
  return listFiles(dir).filter((rel) => {
    if (rel === SITE_MARKER && marker) return false;
    const hash = marker?.files[rel];
    if (hash === undefined) return true;
    const abs = path.join(dir, rel);
    if (lstatSync(abs).isSymbolicLink()) return true;
    return hashOf(abs, chunk) !== hash;
  });
}

/**
 * A file's hash as the marker holds it (markerHash), its bytes read through one buffer kept from file to file: a
 * buffer for each of an earlier site's 10,000 files was memory outside V8's heap, let go only at a collection, and
 * with the young generation grown for `ideas site` (src/io/read-ideas.ts) it piled up to ~20 MB. A file of any size
 * is read in pieces.
 */
function hashOf(abs: string, chunk: Buffer): string {
  const fd = openSync(abs, 'r');
  try {
    return markerHash(
      (function* () {
        for (let n = readSync(fd, chunk, 0, chunk.length, null); n > 0; n = readSync(fd, chunk, 0, chunk.length, null))
          yield chunk.subarray(0, n);
      })(),
    );
  } finally {
    closeSync(fd);
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * What a `writeSite` killed before it was done left beside `out`, which nothing else will take away (and which `git add
 * -A` would commit: the hidden folders are not the ignored site/): a half-written temporary folder goes, and so does
 * an old site swapped aside; but when `out` itself is missing, killed between its two renames, the old site is put
 * back. Only the folders of processes that no longer run.
 */
function clearLeftovers(parent: string, base: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  const out = path.join(parent, base);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-[0-9a-f]{8}\.(tmp|old)$/.exec(name.slice(prefix.length));
    if (!m || pidMayRun(Number(m[1]))) continue;
    const abs = path.join(parent, name);
    if (m[2] === 'old' && statOrNull(out) === null) renameSync(abs, out);
    else rmSync(abs, { recursive: true, force: true });
  }
}

/**
 * Replaces the folder `out` with `files` (path relative to the site, text: whole, or in pieces that files share), or
 * refuses, changing nothing. Each file is written as it comes and let go: `files` may make them one at a time, and
 * `making` runs the loop that takes them (`ideas site` lets V8's young generation grow there, src/io/v8-flags.ts). With
 * `pages`, about how many files there are, many of them are written on a thread of their own
 * (src/io/page-writer.ts), whose made pieces `maker` makes. Returns the paths written, in order.
 */
export function writeSite(
  out: string,
  files: Iterable<readonly [string, FileText]>,
  opts: { making?: (loop: () => void) => void; pages?: number; maker?: PieceMaker } = {},
): string[] {
  const making = opts.making ?? ((loop) => loop());
  const parent = path.dirname(out);
  clearLeftovers(parent, path.basename(out));
  const existing = statOrNull(out);
  if (existing && !existing.isDirectory())
    throw new IdeasError('FILE_EXISTS', 'err.siteNotDir', { dir: out }, { hint: 'hint.siteNotOurs' });
  if (existing) {
    const foreign = foreignFiles(out);
    if (foreign.length > 0) {
      const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ` (+${foreign.length - 5})` : '');
      throw new IdeasError('FILE_EXISTS', 'err.siteNotOurs', { dir: out, files: shown }, { hint: 'hint.siteNotOurs' });
    }
  }
  mkdirSync(parent, { recursive: true });
  // The process's id in the name: a later run clears what a killed one left (clearLeftovers), never a live one's.
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = path.join(parent, `.${path.basename(out)}.${tag}.tmp`);
  mkdirSync(temp);
  try {
    const marker: Marker = { generator: 'ideas site', schemaVersion: 1, files: nullObject<string>() };
    const written: string[] = [];
    // Each folder is made once, not once for each of the 10,000 files in it.
    const writer = pageWriter(opts.pages ?? 0, new Set<string>([temp]), opts.maker ?? null);
    try {
      making(() => {
        // A page's path is put together as text: its parts are names the site made (never `.`, `..` or empty), so
        // the text is what path.join would give, without its ~1.5 µs for each of 10,000 pages.
        const base = `${temp}${path.sep}`;
        for (const [rel, text] of files) {
          writer.write(base + (path.sep === '/' ? rel : rel.split('/').join(path.sep)), text);
          written.push(rel);
          // Handed over: written, or on its way to the thread that writes it.
          faultPoint('site:given');
        }
      });
      const hashes = writer.finish();
      if (hashes.length !== written.length) throw new Error(`${hashes.length} pages hashed of ${written.length}`);
      written.forEach((rel, i) => (marker.files[rel] = hashes[i] as string));
    } catch (e) {
      writer.abort();
      throw e;
    }
    writeFileSync(path.join(temp, SITE_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    faultPoint('site:written');
    if (!existing) {
      renameSync(temp, out);
      return written;
    }
    const old = path.join(parent, `.${path.basename(out)}.${tag}.old`);
    renameSync(out, old);
    try {
      faultPoint('site:swapping');
      renameSync(temp, out);
    } catch (e) {
      renameSync(old, out);
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
    return written;
  } catch (e) {
    // The half-written folder goes: nothing writes into it any more (the page writer's thread has stopped).
    faultPoint('site:removing');
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
}
