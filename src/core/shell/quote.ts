/**
 * A word as a POSIX shell reads it back unchanged: hints print commands to be copied into a terminal, and a path
 * with a space, an id from a hostile file or a name with an apostrophe must still run as printed.
 */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(word: string): string {
  if (word !== '' && PLAIN.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line of words, each quoted as needed. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
