/**
 * JSON Pointer (RFC 6901) tokens: a key written into a pointer (`~` as `~0`, `/` as `~1`), and read back (`~1`
 * first, so that `~01` reads as `~1`).
 */
export function escapePointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
