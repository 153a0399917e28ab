import { isUtf8 } from 'node:buffer';

/** Where `offset` stands in `text`: its line (the line breaks before it) and its column, both from 0. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart };
}

/**
 * The line (from 1) of the first character of `bytes` that is not UTF-8, or null when they are UTF-8 text: where an
 * idea file, a config or a member's criteria that an editor saved otherwise (Windows-1252) is said to break.
 */
export function nonUtf8Line(bytes: Uint8Array): number | null {
  if (isUtf8(bytes)) return null;
  const text = new TextDecoder('utf-8').decode(bytes);
  const at = text.indexOf('\uFFFD');
  return at === -1 ? 1 : lineColumn(text, at).line + 1;
}
