/**
 * An id as text, without making one: what the readers of ids need (a file name's, a front matter's), apart from
 * id.ts, which makes new ids with node:crypto and is not loaded to read a registry.
 */
export const ID_PATTERN = /^[a-z0-9]{1,12}-[0-9a-z]{4,16}$/;

/** The id a file name claims: `sund-4k7q2x-aldreomsorg-pa-distans.md` gives `sund-4k7q2x`. */
export function idFromFileName(fileName: string): string | null {
  const m = /^([a-z0-9]{1,12}-[0-9a-z]{4,16})(?:-|\.md$)/i.exec(fileName);
  return m ? (m[1] ?? '').toLowerCase() : null;
}
