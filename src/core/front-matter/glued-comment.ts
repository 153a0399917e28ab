/**
 * A comment glued to its `#` (`title: Skolmat #1 i Sverige`): YAML reads ` #1 i Sverige` as a comment, where the
 * writer meant it as text. A comment people mean has a space after its `#` (`# enligt mejl`). One rule for the
 * warning that says so (criteria/validate.ts) and the edit that takes such a tail away with the value it replaces
 * (front-matter-edit.ts).
 */

/** Whether the `#` at `hash` in `text` starts a comment glued to it: text follows it, not a space nor another `#`. */
export function isGluedComment(text: string, hash: number): boolean {
  const next = text.charAt(hash + 1);
  return text.charCodeAt(hash) === 35 /* # */ && next !== '' && !/[\s#]/.test(next);
}
