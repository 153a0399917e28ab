/**
 * A word as a POSIX shell reads it back unchanged: hints print commands to be copied into a terminal, and a path
 * with a space, an id from a hostile file or a name with an apostrophe must still run as printed.
 */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(word: string): string {
  if (word !== '' && PLAIN.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A word in a command a message prints on one line: as shellQuote, but a word with a control character (a line break
 * in a spreadsheet's column name) in the `$'…'` form of bash, zsh and POSIX.1-2024, its controls as escapes. Quoted
 * plainly, the line break itself would be in the message, which shows it as ␊, and the command pasted from there
 * would name another word. Not for scripts, which `sh` may run: shellQuote keeps any word as it is for every shell.
 */
export function hintWord(word: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (!/[\x00-\x1f\x7f]/.test(word)) return shellQuote(word);
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  const escaped = word.replace(/[\\'\x00-\x1f\x7f]/g, (c) => {
    if (c === '\\' || c === "'") return `\\${c}`;
    const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `$'${escaped}'`;
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
