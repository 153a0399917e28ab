/**
 * What an error names as the choices there are (members, stages, `--by` fields), never an empty list ("Members: ."):
 * a region with no members yet says so and how to add one; an empty list says "none", and why when nothing is synced.
 */
import { IdeasError } from '../errors.js';
import { localize, type Localized } from '../i18n/i18n.js';
import { suggestedStage } from '../sluice/stage-lookup.js';
import { stageInMembers, type StageName } from './stages.js';

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

/**
 * A stage named on the command line (`region list --stage`, `region export --stage`) by its key or its label in either
 * language, as `ideas list --stage` takes one: in each member, by that member's own key and label for it
 * (stageInMembers), so that one key under other labels in two members is never taken for the other's. By member id,
 * the key of the member's stage it names. No member has it: a usage error naming the stages by their labels, or
 * saying there are none, and the one a misspelled name was likely meant for.
 */
export function regionStageKeys(
  members: readonly { member: string; stages: readonly StageName[] }[],
  name: string,
): Map<string, string> {
  const found = stageInMembers(members, name);
  if (found.size > 0) return found;
  const stages = members.flatMap((m) => m.stages);
  const labels = (lang: 'sv' | 'en') => [...new Set(stages.map((s) => s.label[lang]))];
  const none = listOrNone([], members.length);
  const params = {
    stage: name.trim(),
    stages: stages.length === 0 ? none : { sv: labels('sv').join(', '), en: labels('en').join(', ') },
  };
  // The same stage in several members is one candidate, not a tie.
  const distinct = [...new Map(stages.map((s) => [s.key, s])).values()];
  const sv = suggestedStage(distinct, name, 'sv');
  const en = suggestedStage(distinct, name, 'en');
  if (sv !== null && en !== null)
    throw new IdeasError('USAGE', 'err.regionNoStageSuggest', { ...params, suggestion: { sv, en } });
  throw new IdeasError('USAGE', 'err.regionNoStage', params);
}
