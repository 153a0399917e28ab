/** A word the shell takes as it is, or the word in single quotes (a quote inside becomes '\''). */
export function shellQuote(word: string): string {
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
