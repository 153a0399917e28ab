import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Stage } from '../core/sluice/config.js';
import { byPath } from '../core/path-order.js';
import type { Registry } from './registry.js';

/** A Markdown file found under the registry's ideas folder, and the stage its folder makes it. */
export interface IdeaFileEntry {
  /** Relative to the registry root, with forward slashes. */
  path: string;
  abs: string;
  stage: Stage | null;
  /** Why the file is not where an idea may be, or null. */
  misplaced: 'outside-stage' | 'unknown-folder' | null;
  /** The folder it is in, relative to the ideas folder. */
  folder: string;
  symlink: boolean;
}

/**
 * Hidden files (such as a temporary file left by a killed write, `.name.md.<random>.tmp`) and README files are
 * never ideas. Symbolic links are listed but flagged, and never followed.
 */
export function isIdeaFileName(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('.') && (name.length !== 9 || name.toLowerCase() !== 'readme.md');
}

/**
 * Whether a listed file may be read as an idea: not a symbolic link, and not a name that was not UTF-8 (Node reads
 * such bytes as U+FFFD, so its path would name another file, or none). `ideas validate` reports both.
 */
export function isReadableEntry(entry: IdeaFileEntry): boolean {
  return !entry.symlink && isReadableName(entry.path);
}

/**
 * Whether a file of a commit (as `git ls-tree` lists it) is one the other commands would read as an idea, were it
 * checked out: a file, not a symbolic link or a submodule, with an idea file's name that was UTF-8. A name's bytes
 * that are not UTF-8 come back from git as U+FFFD, as from a folder's listing. `ideas diff` between commits reads
 * exactly these, as it reads the working tree's through isReadableEntry: an idea hidden behind a name that no other
 * command reads is gone, never the same idea unchanged.
 */
export function isReadableTreeFile(entry: { path: string; mode: string; type: string }): boolean {
  return (
    entry.type === 'blob' &&
    entry.mode !== '120000' &&
    isIdeaFileName(path.posix.basename(entry.path)) &&
    isReadableName(entry.path)
  );
}

function isReadableName(p: string): boolean {
  return !p.includes('\uFFFD');
}

export function listIdeaFiles(registry: Registry): IdeaFileEntry[] {
  const { root, config } = registry;
  const ideasAbs = path.join(root, config.ideasDir);
  // Paths are put together as text, each folder's once: path.join and path.relative for each of 10,000 files took
  // ~80 ms. A name read from a folder holds no separator and is never . or .., so the text is what they would give.
  // Array.join makes a flat string; `+` or a template would keep the parts (~2 MB more at 10,000 ideas).
  const ideasRel = toPosix(path.relative(root, ideasAbs));
  const byFolder = new Map(config.stages.map((s) => [s.folder, s]));
  const out: IdeaFileEntry[] = [];
  for (const d of readDir(ideasAbs)) {
    if (d.name.startsWith('.')) continue;
    if (d.isDirectory()) {
      const stage = byFolder.get(d.name) ?? null;
      walk(child(ideasAbs, d.name), d.name, stage, stage !== null);
    } else if (isIdeaFileName(d.name) && (d.isFile() || d.isSymbolicLink())) {
      out.push(entry(ideasAbs, ideasRel, d.name, '', null, 'outside-stage', d.isSymbolicLink()));
    }
  }
  return out.sort(byPath);

  function walk(dirAbs: string, folder: string, stage: Stage | null, isStageRoot: boolean): void {
    const dirRel = ideasRel === '' ? folder : `${ideasRel}/${folder}`;
    for (const d of readDir(dirAbs)) {
      if (d.name.startsWith('.')) continue;
      if (d.isDirectory()) {
        walk(child(dirAbs, d.name), `${folder}/${d.name}`, null, false);
      } else if (isIdeaFileName(d.name) && (d.isFile() || d.isSymbolicLink())) {
        out.push(
          entry(
            dirAbs,
            dirRel,
            d.name,
            folder,
            isStageRoot ? stage : null,
            isStageRoot ? null : 'unknown-folder',
            d.isSymbolicLink(),
          ),
        );
      }
    }
  }

  function entry(
    dirAbs: string,
    dirRel: string,
    name: string,
    folder: string,
    stage: Stage | null,
    misplaced: IdeaFileEntry['misplaced'],
    symlink: boolean,
  ): IdeaFileEntry {
    return {
      path: dirRel === '' ? name : [dirRel, name].join('/'),
      abs: child(dirAbs, name),
      stage,
      misplaced,
      folder,
      symlink,
    };
  }
}

function child(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? [dir, name].join('') : [dir, name].join(path.sep);
}

function readDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw e;
  }
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
