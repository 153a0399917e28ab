/**
 * `--set key=value` and `--unset key`, as `ideas new` and `ideas edit` read them: which field each names, refusing
 * the fields the tool keeps itself (id, created, history) and names that would lead into a prototype. The values
 * are typed afterwards by the field's schema (fields.ts typeFlagValue).
 */
import { IdeasError } from '../errors.js';
import { forbiddenSegment } from '../safe-object.js';
import { isKeptField } from '../sluice/idea-edit.js';
import { fieldNamedByLabel, fieldTitles } from './field-titles.js';

type Schema = Record<string, unknown>;

/** What else a field's name is checked against: keys the idea has, kept fields it may repair, the stages' criteria. */
interface NameContext {
  /** Keys the idea has of its own, which `--unset` may name. */
  present?: readonly string[];
  /** Kept fields whose broken value may be set (idea-edit.ts repairsCreated). */
  repairable?: readonly string[];
  /** Every stage's criteria: the labels a refusal lists the fields by, a later stage's fields' and records' keys too. */
  criteria?: readonly Schema[];
}

function checkFieldName(
  name: string,
  settable: readonly string[],
  base: Schema,
  flag: '--set' | '--unset',
  { present = [], repairable = [], criteria = [] }: NameContext,
): void {
  if (forbiddenSegment(name) !== null) throw new IdeasError('USAGE', 'err.forbiddenField', { field: name });
  // The fields the tool keeps, as every edit of an idea is held to them (an import's update too), but for one whose
  // value is broken (`repairable`: a `created` that is no date, see idea-edit.ts repairsCreated).
  if (repairable.includes(name)) return;
  if (isKeptField(name, base)) throw new IdeasError('USAGE', 'err.readOnlyField', { field: name, flag });
  if (settable.includes(name) || present.includes(name)) return;
  // The field in other letters' case (`Unit` for `unit`), or by the label `ideas show` gives it (`enhet` for
  // `unit`, "Enhet eller förvaltning"): named, not guessed.
  const titles = fieldTitles([...criteria, base], settable);
  const other =
    settable.find((f) => f.toLowerCase() === name.toLowerCase()) ?? fieldNamedByLabel(name, settable, titles);
  // Each field as --set takes it, with the label the screens give it where that is another word.
  const listed = (lang: 'sv' | 'en') =>
    settable
      .map((f) => {
        const label = titles[f]?.[lang];
        return label && label !== f ? `${f} (${label})` : f;
      })
      .join(', ');
  const fields = { sv: listed('sv'), en: listed('en') };
  if (other) throw new IdeasError('USAGE', 'err.unknownFieldCase', { field: name, other, flag, fields });
  throw new IdeasError('USAGE', 'err.unknownField', { field: name, flag, fields });
}

/**
 * The raw texts given for each field, in the order given; a field given twice has two (a list's items). A kept
 * field named in `context.repairable` may be set (its value is broken).
 */
export function parseSets(
  sets: readonly string[],
  settable: readonly string[],
  base: Schema,
  context: Omit<NameContext, 'present'> = {},
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new IdeasError('USAGE', 'err.setSyntax', { value: s });
    const name = s.slice(0, eq).trim();
    checkFieldName(name, settable, base, '--set', context);
    out.set(name, [...(out.get(name) ?? []), s.slice(eq + 1)]);
  }
  return out;
}

/**
 * The fields `--unset` names: a field the schemas name, or a key the idea has of its own (`present`); the title
 * cannot be removed, an idea must have one.
 */
export function parseUnsets(
  unsets: readonly string[],
  settable: readonly string[],
  base: Schema,
  context: Omit<NameContext, 'repairable'> = {},
): string[] {
  const present = context.present ?? [];
  const out: string[] = [];
  for (const raw of unsets) {
    // A key of the idea's own is taken exactly as given (`'unit '` is not `unit`); a field's name without the spaces.
    const name = present.includes(raw) && !settable.includes(raw) ? raw : raw.trim();
    checkFieldName(name, settable, base, '--unset', context);
    if (name === 'title') throw new IdeasError('USAGE', 'err.unsetTitle');
    if (!out.includes(name)) out.push(name);
  }
  return out;
}
