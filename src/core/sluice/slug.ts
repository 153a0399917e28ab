/**
 * Swedish-aware slugs for file names: å and ä become a, ö becomes o (`Äldreomsorg på distans` gives
 * `aldreomsorg-pa-distans`). Written here rather than taken from a slug library because the common ones
 * transliterate the German way (ä to ae, ö to oe), which reads wrongly in Swedish.
 */
const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', œ: 'oe' };
export const SLUG_MAX = 60;

export function slugify(text: string, max = SLUG_MAX): string {
  const folded = text
    .toLowerCase()
    .replace(/[æøßđłþœ]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : folded.slice(0, max)).replace(/-+$/, '');
}

/**
 * Where a new idea's file goes, relative to the registry: `<ideasDir>/<stage folder>/<id>-<slug of its title>.md`,
 * or the id alone when the title gives no slug. One rule for `new`, `import` and `adopt`.
 */
export function newIdeaPath(ideasDir: string, folder: string, id: string, title: unknown): string {
  return `${ideasDir}/${folder}/${newIdeaFileName(id, title)}`;
}

/** The name newIdeaPath gives a new idea's file: `<id>-<slug of its title>.md`, or `<id>.md`. */
export function newIdeaFileName(id: string, title: unknown): string {
  const slug = slugify(String(title ?? ''));
  return `${slug ? `${id}-${slug}` : id}.md`;
}
