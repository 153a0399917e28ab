/**
 * The last check of every edit of a front matter (front-matter-edit.ts): the text an edit made, read back as every
 * command reads it, holds the same data as the text before in every top-level field but the one the edit names, and
 * a history entry is only appended. However the YAML is written (an anchor and its aliases, merge keys, flow style,
 * a form no one has thought of yet), an edit that would reach a field it does not name is refused before anything is
 * written: `contact: &p Bo Ek` over `carrier: *p` once let a change of the contact change the carrier, with no
 * `assigned` entry, and `created: *d` let it change a field no edit may change.
 */
import { IdeasError } from '../errors.js';
import { readFrontMatter } from './front-matter.js';

/** What an edit may change: the named top-level fields, or the history by one entry at its end. */
export type EditScope = { fields: readonly string[] } | { append: Record<string, unknown> };

/** An edit reached top-level fields it does not name (a mistake of the writer, never of the file): nothing is written. */
export class EditReachError extends Error {
  constructor(readonly fields: readonly string[]) {
    super(`the edit would also have changed ${fields.join(', ')}`);
    this.name = 'EditReachError';
  }

  /** The error a command fails with, in the catalogue's words: a fault of ideas, and nothing written. */
  inFile(file: string): IdeasError {
    return new IdeasError(
      'UNEXPECTED',
      'err.editReached',
      { file, fields: this.fields.join(', ') },
      { hint: 'hint.unexpected', cause: this },
    );
  }
}

function dataOf(text: string): Record<string, unknown> | null {
  const read = readFrontMatter(Buffer.from(text, 'utf8'), { body: false });
  return read.ok ? read.data : null;
}

/** The same data: texts, numbers, yes/no, null, lists and mappings, whatever their prototypes and key order. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameData(item, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameData((a as Record<string, unknown>)[k], rb[k]));
}

/**
 * The top-level fields `after` changed that `scope` does not allow, in the order of the text before (fields only
 * `after` has at its end); empty when the edit kept to its scope, or when either text does not read (a file no
 * command can read has no data to keep; the commands refuse an edit that does not read back: src/io/idea-write.ts).
 */
export function fieldsReached(before: string, after: string, scope: EditScope): string[] {
  if (before === after) return [];
  const old = dataOf(before);
  if (old === null) return [];
  const now = dataOf(after);
  if (now === null) return [];
  const named = new Set('fields' in scope ? scope.fields : ['history']);
  const reached: string[] = [];
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (named.has(key)) continue;
    if (!(Object.hasOwn(old, key) && Object.hasOwn(now, key) && sameData(old[key], now[key]))) reached.push(key);
  }
  if ('append' in scope && !appended(old.history, now.history, scope.append)) reached.push('history');
  return reached;
}

/** `now` is `old` (a list, or nothing: no history yet) with `entry`, as YAML reads it back, at its end. */
function appended(old: unknown, now: unknown, entry: Record<string, unknown>): boolean {
  const list = old === undefined || old === null ? [] : old;
  if (!Array.isArray(list) || !Array.isArray(now) || now.length !== list.length + 1) return false;
  if (!list.every((item, i) => sameData(item, now[i]))) return false;
  return sameData(now[list.length], JSON.parse(JSON.stringify(entry)));
}

/** `after`, when it changed no top-level field `scope` does not allow; an EditReachError naming them otherwise. */
export function keptToScope(before: string, after: string, scope: EditScope): string {
  const reached = fieldsReached(before, after, scope);
  if (reached.length > 0) throw new EditReachError(reached);
  return after;
}
