/**
 * An id as text, without making one: what the readers of ids need (a file name's, a front matter's), apart from
 * id.ts, which makes new ids and is not loaded to read a registry.
 */
export const ID_PATTERN = /^[a-z0-9]{1,12}-[0-9a-z]{4,16}$/;

/**
 * Whether a file's name is one an idea with `id` may have, as every idea file's name starts with its id:
 * `<id>-<slug>.md`, or `<id>.md`. What `ideas validate` holds a file's name to, and how the commands find an idea's
 * file by its id.
 */
export function namesId(fileName: string, id: string): boolean {
  return fileName === `${id}.md` || (fileName.startsWith(`${id}-`) && fileName.endsWith('.md'));
}

/** The id a file name claims: `sund-4k7q2x-aldreomsorg-pa-distans.md` gives `sund-4k7q2x`. */
export function idFromFileName(fileName: string): string | null {
  const m = /^([a-z0-9]{1,12}-[0-9a-z]{4,16})(?:-|\.md$)/i.exec(fileName);
  return m ? (m[1] ?? '').toLowerCase() : null;
}

/** The random part of an id alone (`4k7q2x` of `sund-4k7q2x`), as people may give an idea: any case. */
export const RANDOM_PART_PATTERN = /^[0-9a-z]{4,16}$/i;

/**
 * The ideas `wanted` names among `ideas`: the one whose id it is (any case), or else those whose id's random part it
 * is (`4k7q2x`), as every command that takes an id finds one. More than one is for the caller to say.
 */
export function ideasNamed<T extends { id: string | null }>(ideas: readonly T[], wanted: string): T[] {
  const w = wanted.trim().toLowerCase();
  const exact = ideas.filter((i) => i.id?.toLowerCase() === w);
  if (exact.length > 0 || w.includes('-')) return exact;
  return ideas.filter((i) => i.id !== null && i.id.toLowerCase().split('-').slice(1).join('-') === w);
}
