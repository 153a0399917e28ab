/**
 * Conflicts of interest (jäv): a council member who declares one for an idea takes no part in deciding it, so the
 * decision's history entry names the other members only. The members are those `--by` names, separated by commas
 * ("Anna Ek, Bo Berg"); a `--by` that names the council as a whole ("Idérådet") names no member to leave out.
 */
import { IdeasError } from '../errors.js';

/** Names compare as a person reads them: case, spaces around and the form of "å" do not matter. */
export function sameName(a: string, b: string): boolean {
  // Compatibility forms as the letters they stand for (full-width Ａ as A), and characters no one sees dropped (a
  // zero-width space, a soft hyphen): `Anna<U+200B>Ek` in `by` is the member who declared jäv as `Anna Ek`.
  const norm = (s: string) =>
    s.normalize('NFKC').replace(UNSEEN, '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
  return norm(a) === norm(b);
}

/**
 * Characters no one sees: format characters (a zero-width space, a soft hyphen) and the rest Unicode calls default
 * ignorable (a combining grapheme joiner, a Hangul filler, variation selectors). A name is read without them.
 */
const UNSEEN = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

export function councilMembers(by: string | undefined): string[] {
  // A name of nothing but unseen characters names no one (`--by $'\u200b'`).
  return (by ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.replace(UNSEEN, '').trim() !== '');
}

/**
 * Who decides an idea: `by` as given when no member named in it declared a conflict, or else the members left, in
 * the order given (undefined when none is left).
 */
export function decidersFor(
  by: string | undefined,
  conflicted: readonly string[],
  /** Who decides when `by` names no one: the council as a whole (`Idérådet`), or no one. */
  whole?: string,
): string | undefined {
  // A `by` of no names (blank, or only commas) names no one: the council as a whole decides, as without one.
  const members = councilMembers(by);
  if (by === undefined || members.length === 0) return whole;
  const left = members.filter((m) => !conflicted.some((c) => sameName(c, m)));
  if (left.length === members.length) return by.trim();
  return left.length > 0 ? left.join(', ') : undefined;
}

/**
 * Who decides an idea, and who took no part, for its history entry: decidersFor's members, and the declared
 * conflicts as one text ("Bo Berg, Ce Dahl"; undefined when none). When `by` names members and every one of them
 * declared a conflict, no one is left to decide: refused.
 */
export function decisionMakers(
  by: string | undefined,
  conflicted: readonly string[],
  whole?: string,
): { by: string | undefined; conflicts: string | undefined } {
  // Each --conflict may name several, separated by commas, as --by does and as the entry writes them.
  const names = conflicted.flatMap((c) => councilMembers(c));
  const deciders = decidersFor(by, names, whole);
  if (deciders === undefined && councilMembers(by).length > 0)
    throw new IdeasError('USAGE', 'err.everyoneConflicted', { by: (by ?? '').trim() });
  const conflicts = names.reduce<string[]>((all, name) => withName(all, name), []);
  return { by: deciders, conflicts: conflicts.length > 0 ? conflicts.join(', ') : undefined };
}

/** `--conflict <id>=<name>` of `ideas review`: the idea and the member. */
export function parseConflictFlag(value: string): { id: string; name: string } {
  const at = value.indexOf('=');
  const id = at === -1 ? '' : value.slice(0, at).trim();
  const name = at === -1 ? '' : value.slice(at + 1).trim();
  if (id === '' || name === '') throw new IdeasError('USAGE', 'err.conflictSyntax', { value });
  return { id, name };
}

/** Adds a name to a list of names unless it is there already. */
export function withName(names: readonly string[], name: string): string[] {
  return names.some((n) => sameName(n, name)) ? [...names] : [...names, name.trim()];
}
