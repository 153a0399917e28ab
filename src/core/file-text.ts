/**
 * A file's text, whole or in pieces joined in order. A shared piece is one object that thousands of files hold the
 * same: a site page's frame (its head with the style sheet, its header and its footer, ~4,700 characters of an
 * idea's page of ~8,000). A writer encodes a shared piece once and, when it writes on a thread, sends it there once;
 * each page's own pieces travel alone (src/io/page-writer.ts). The bytes written are those of the joined text.
 */
export interface SharedText {
  readonly shared: string;
}

export type TextPiece = string | SharedText;

export type FileText = string | readonly TextPiece[];

/** A piece of text to be held, the same object, by many files. */
export function sharedText(text: string): SharedText {
  return Object.freeze({ shared: text });
}

/** The text of `text`, its pieces joined. */
export function joinedText(text: FileText): string {
  return typeof text === 'string' ? text : text.map((p) => (typeof p === 'string' ? p : p.shared)).join('');
}
