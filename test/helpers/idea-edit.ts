/**
 * Edits of idea files as a person (or an attacker) makes them in a text editor, for tests that build branches:
 * fields added before the history, entries appended to it, files moved between stage folders (commits:
 * temp-repo.ts's commitAll).
 */
import fs from 'node:fs';
import path from 'node:path';

export function edit(file: string, change: (text: string) => string): void {
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

/** Adds fields just before `history:`, as a person editing the file would. */
export function addFields(file: string, lines: string[]): void {
  edit(file, (text) => text.replace('\nhistory:\n', `\n${lines.join('\n')}\nhistory:\n`));
}

/** Appends an entry at the end of the history (the last block of the front matter). */
export function appendEntry(file: string, entry: Record<string, string | number | boolean>): void {
  const lines = Object.entries(entry).map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${String(v)}`);
  edit(file, (text) => text.replace(/\n---\n/, `\n${lines.join('\n')}\n---\n`));
}

/** Moves a file as `git mv` would, making the folder (git keeps no empty folders, so a stage's may be gone). */
export function moveFile(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.renameSync(from, to);
}
