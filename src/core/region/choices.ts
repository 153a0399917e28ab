/**
 * What an error names as the choices there are (members, stages, `--by` fields), never an empty list ("Members: ."):
 * a region with no members yet says so and how to add one; an empty list says "none", and why when nothing is synced.
 */
import { IdeasError } from '../errors.js';
import { localize, type Localized } from '../i18n/i18n.js';

/** A member the region does not have (`--member`, `ideas adopt member:id`): the members there are, or how to add one. */
export function unknownMemberError(member: string, members: readonly { id: string }[], file: string): IdeasError {
  if (members.length === 0)
    return new IdeasError('USAGE', 'err.regionNoMembers', { member, file }, { hint: 'hint.regionNoMembers' });
  return new IdeasError('USAGE', 'err.regionNoMember', { member, members: members.map((m) => m.id).join(', ') });
}

/**
 * A list for a message that names what can be given (`--by` fields, stages), or, when it is empty, a word saying so:
 * and why, when no member has been synced.
 */
export function listOrNone(items: readonly string[], heldMembers: number): string | Localized {
  if (items.length > 0) return items.join(', ');
  return localize(heldMembers === 0 ? 'region.listNoneSynced' : 'region.listNone');
}
