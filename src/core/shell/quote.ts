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

/**
 * The word a printed command names an idea by: its id, or its file's path where the id would be read as something
 * else by the command (a word that starts with `-` is an option; an empty one is none). An id comes from a file
 * anyone may edit; the path starts with the ideas folder's name.
 */
export function ideaWord(idea: { id: string | null; path: string }): string {
  const { id, path } = idea;
  if (id !== null && id.trim() !== '' && !id.startsWith('-')) return id;
  return path.startsWith('-') ? `./${path}` : path;
}
