import { idFromFileName } from './id-text.js';

/**
 * Ids are `<prefix>-<6 random characters>`, such as `sund-4k7q2x`. Random rather than sequential: two people who
 * create ideas on two branches at once would both get "next number" and collide at merge (a top complaint about
 * peer tools); 32^6 (about a billion) values make that practically impossible, the registry's own files are
 * checked so a new id is never one already taken, and the prefix keeps combined registries apart.
 * The alphabet leaves out i, l, o and u, which are read as 1, 0 or v when an id is said aloud or copied by hand.
 */
export const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const ID_RANDOM_LENGTH = 6;
export { ID_PATTERN, idFromFileName } from './id-text.js';

/** Random bytes: node:crypto's randomBytes, handed in by the command, or fixed ones in tests. */
export type RandomBytes = (n: number) => Uint8Array;

export function randomIdPart(bytes: RandomBytes, length = ID_RANDOM_LENGTH): string {
  const b = bytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ID_ALPHABET[(b[i] ?? 0) & 31];
  return out;
}

export function newId(prefix: string, isTaken: (id: string) => boolean, bytes: RandomBytes): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const id = `${prefix}-${randomIdPart(bytes)}`;
    if (!isTaken(id)) return id;
  }
  throw new Error('could not find a free id in 100 attempts');
}

/** The ids the files at `paths` (relative, with forward slashes) claim by their names: ids a new idea may not take. */
export function idsInFileNames(paths: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const p of paths) {
    const id = idFromFileName(p.slice(p.lastIndexOf('/') + 1));
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * The ids a new idea may not take: those the files at `paths` claim by their names, and those `held` by ideas (in
 * their front matter, here or in the region), which a file renamed away from its id still holds.
 */
export function takenIds(paths: Iterable<string>, ...held: Iterable<string | null>[]): Set<string> {
  const ids = idsInFileNames(paths);
  for (const list of held) for (const id of list) if (id) ids.add(id.toLowerCase());
  return ids;
}
