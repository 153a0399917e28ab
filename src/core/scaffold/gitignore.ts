/** The .gitignore with `line`, added at the end unless a line already ignores the folder (with or without slashes). */
export function withIgnoreLine(text: string | null, line: string): string {
  const bare = line.replace(/^\/|\/$/g, '');
  const present = (text ?? '').split(/\r?\n/).some((l) => l.trim().replace(/^\/|\/$/g, '') === bare);
  if (present) return text as string;
  const before = text ?? '';
  return `${before}${before === '' || before.endsWith('\n') ? '' : '\n'}${line}\n`;
}
