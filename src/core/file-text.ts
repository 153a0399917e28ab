/**
 * A file's text, whole or in pieces joined in order. A shared piece is one object that thousands of files hold the
 * same: a site page's frame (its head with the style sheet, its header and its footer, ~4,700 characters of an
 * idea's page of ~8,000). A writer encodes a shared piece once and, when it writes on a thread, sends it there once;
 * each page's own pieces travel alone (src/io/page-writer.ts). A made piece is text its writer makes from a source,
 * with the one maker it is handed: an idea's Markdown made HTML where its page is written, on the writing thread
 * when there is one, rather than by the thread that makes the pages. The bytes written are those of the joined text.
 */
export interface SharedText {
  readonly shared: string;
}

export interface MadeText {
  readonly source: string;
}

export type TextPiece = string | SharedText | MadeText;

export type FileText = string | readonly TextPiece[];

/** A piece of text to be held, the same object, by many files. */
export function sharedText(text: string): SharedText {
  return Object.freeze({ shared: text });
}

/** A piece of text its writer makes from `source`. */
export function madeText(source: string): MadeText {
  return { source };
}

/** The text of `text`, its pieces joined, each made piece by `make`. */
export function joinedText(text: FileText, make: (source: string) => string = unmade): string {
  if (typeof text === 'string') return text;
  return text.map((p) => (typeof p === 'string' ? p : 'shared' in p ? p.shared : make(p.source))).join('');
}

/** A made piece where no maker was given: the caller's mistake, never a file without its text. */
export function unmade(): never {
  throw new Error('a made piece of text, and no maker for it');
}
