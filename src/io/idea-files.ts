import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Stage } from '../core/config.js';
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
  return name.endsWith('.md') && !name.startsWith('.') && name.toLowerCase() !== 'readme.md';
}

export function listIdeaFiles(registry: Registry): IdeaFileEntry[] {
  const { root, config } = registry;
  const ideasAbs = path.join(root, config.ideasDir);
  const byFolder = new Map(config.stages.map((s) => [s.folder, s]));
  const out: IdeaFileEntry[] = [];
  const top = readDir(ideasAbs);
  for (const d of top) {
    if (d.name.startsWith('.')) continue;
    const abs = path.join(ideasAbs, d.name);
    if (d.isDirectory()) {
      const stage = byFolder.get(d.name) ?? null;
      walk(abs, d.name, stage, stage !== null);
    } else if (isIdeaFileName(d.name) && (d.isFile() || d.isSymbolicLink())) {
      out.push(entry(abs, '', null, 'outside-stage', d.isSymbolicLink()));
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  function walk(dirAbs: string, folder: string, stage: Stage | null, isStageRoot: boolean): void {
    for (const d of readDir(dirAbs)) {
      if (d.name.startsWith('.')) continue;
      const abs = path.join(dirAbs, d.name);
      if (d.isDirectory()) {
        walk(abs, `${folder}/${d.name}`, null, false);
      } else if (isIdeaFileName(d.name) && (d.isFile() || d.isSymbolicLink())) {
        out.push(entry(abs, folder, isStageRoot ? stage : null, isStageRoot ? null : 'unknown-folder', d.isSymbolicLink()));
      }
    }
  }

  function entry(abs: string, folder: string, stage: Stage | null, misplaced: IdeaFileEntry['misplaced'], symlink: boolean): IdeaFileEntry {
    return { path: toPosix(path.relative(root, abs)), abs, stage, misplaced, folder, symlink };
  }
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
