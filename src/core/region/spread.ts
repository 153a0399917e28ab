/**
 * Spreading with provenance. A stage's criteria mark the fields of its spread kit with `x-spread: true` (contact
 * unit, results, costs, materials and their licence: what another municipality needs to reuse the idea) and require
 * them like any criterion. A region sync keeps, per stage of each member, which fields its kit has; `ideas adopt`
 * copies an idea only when it gives every one of them, and the adopted idea names its source in `basedOn`. From those
 * links the region computes who adopted what (`adoptions`). Pure: snapshots and front matter in, plain data out.
 */
import { t, type Lang, type Localized } from '../i18n/i18n.js';
import { SPREAD_KEYWORD } from '../criteria/schema-check.js';
import { ownValue } from '../safe-object.js';
import { isGiven } from '../sluice/gate.js';
import { ID_PATTERN } from '../sluice/id.js';
import { RANDOM_PART_PATTERN } from '../sluice/id-text.js';
import type { MemberSnapshot } from './snapshot.js';
import { scpLike, urlWithoutCredentials } from './member-url.js';

/** One field of a stage's spread kit, with its label. */
export interface SpreadKitField {
  field: string;
  title: Localized;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A label from a schema's `x-title` (or `title`), read with care: the schema comes from a member's repository. */
function titleOf(schema: unknown, field: string): Localized {
  const x = ownValue(schema, 'x-title');
  const plain = ownValue(schema, 'title');
  const fallback = typeof plain === 'string' && plain.trim() !== '' ? plain : field;
  const sv = ownValue(x, 'sv');
  const en = ownValue(x, 'en');
  return {
    sv: typeof sv === 'string' && sv.trim() !== '' ? sv : fallback,
    en: typeof en === 'string' && en.trim() !== '' ? en : fallback,
  };
}

/** The fields of a criteria schema's spread kit: its top-level properties marked `x-spread: true`, in their order. */
export function spreadKitOf(schema: unknown): SpreadKitField[] {
  const properties = ownValue(schema, 'properties');
  if (!isRecord(properties)) return [];
  const out: SpreadKitField[] = [];
  for (const field of Object.keys(properties)) {
    const sub = ownValue(properties, field);
    if (ownValue(sub, SPREAD_KEYWORD) === true) out.push({ field, title: titleOf(sub, field) });
  }
  return out;
}

/** The kit's fields the idea does not give (absent, blank, an empty list): what keeps it from being adopted. */
export function spreadKitMissing(kit: readonly SpreadKitField[], data: Record<string, unknown>): SpreadKitField[] {
  return kit.filter((k) => !isGiven(ownValue(data, k.field)));
}

/** Where an adopted idea comes from: the member, the idea's id there, the commit it was read at, the member's URL. */
export interface BasedOn {
  member: string;
  id: string;
  commit: string;
  url: string | null;
}

const MEMBER_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;
const COMMIT_PATTERN = /^[0-9a-f]{40,64}$/;

/**
 * A member repository's address as an adopted idea may name it in `basedOn.url`, a public field: without a user name,
 * password or token (`https://anna:ghp_…@host/x.git`, `?access_token=…`), and none for a path on this machine (a
 * local folder or `file://`, which would name someone's home folder). `git@host:org/x.git` keeps its host and path.
 */
export function publicSourceUrl(url: string): string | null {
  if (scpLike(url)) return urlWithoutCredentials(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol) || parsed.hostname === '') return null;
  return urlWithoutCredentials(url);
}

/** An idea's `basedOn`, when it is one: every part checked, as the front matter comes from a member. */
export function basedOnOf(data: Record<string, unknown>): BasedOn | null {
  const b = ownValue(data, 'basedOn');
  const member = ownValue(b, 'member');
  const id = ownValue(b, 'id');
  const commit = ownValue(b, 'commit');
  const url = ownValue(b, 'url');
  if (typeof member !== 'string' || !MEMBER_PATTERN.test(member)) return null;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return null;
  if (typeof commit !== 'string' || !COMMIT_PATTERN.test(commit)) return null;
  return { member, id, commit, url: typeof url === 'string' ? url : null };
}

/** The parts of a region idea reference `<member>:<id>`, each checked, or null. */
export function parseIdeaRef(ref: string): { member: string; id: string } | null {
  const i = ref.indexOf(':');
  if (i < 0) return null;
  const member = ref.slice(0, i);
  const id = ref.slice(i + 1);
  // The id whole, or its random part alone (`lidkoping:4k7q2x`), as other commands take an idea.
  return MEMBER_PATTERN.test(member) && (ID_PATTERN.test(id) || RANDOM_PART_PATTERN.test(id)) ? { member, id } : null;
}

/** One idea of one member taken up by another: who adopted what, and from which commit. */
export interface Adoption {
  /** The idea adopted. */
  source: { member: string; id: string };
  /** The idea the adopting member made of it. */
  adopter: { member: string; id: string; title: string | null; stage: string; created: string | null };
  commit: string;
}

/**
 * Who adopted what, from the `basedOn` of every idea in the snapshots: one entry per adopting idea, sorted by the
 * source, then the adopter. An idea that names its own member, or an idea no snapshot holds, is still listed: the
 * link is what the adopter wrote; whether the source is in the region is for the view to say.
 */
export function adoptions(snapshots: readonly MemberSnapshot[]): Adoption[] {
  const out: Adoption[] = [];
  for (const s of snapshots) {
    for (const idea of s.ideas) {
      if (idea.id === null) continue;
      const b = basedOnOf(idea.data);
      if (!b || b.member === s.member) continue;
      out.push({
        source: { member: b.member, id: b.id },
        adopter: { member: s.member, id: idea.id, title: idea.title, stage: idea.stage, created: idea.created },
        commit: b.commit,
      });
    }
  }
  const key = (a: Adoption) => `${a.source.member}:${a.source.id}\0${a.adopter.member}:${a.adopter.id}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Text from another member, made safe to keep: control characters (escape sequences, NUL) become spaces. */
function cleanText(text: string, multiline: boolean): string {
  // eslint-disable-next-line no-control-regex
  const controls = multiline ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u001f\u007f-\u009f]/g;
  return text.replace(controls, ' ');
}

/** What an adoption writes: the new idea's front matter and text. */
export interface AdoptedIdea {
  data: Record<string, unknown>;
  body: string;
}

/**
 * The new idea an adoption makes: this registry's id and today's date, the source's title, tags and text (its other
 * fields are the source's own record, such as its unit, results and costs: the adopter's come from its own work),
 * the fields given with `--set`, `basedOn`, and one history entry `adopted` into `stage`, naming the source.
 */
export function adoptionData(a: {
  id: string;
  date: string;
  source: { title: string | null; body: string; data: Record<string, unknown> };
  basedOn: BasedOn;
  stage: string;
  by: string | undefined;
  sets: Record<string, unknown>;
}): AdoptedIdea {
  const data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  data.id = a.id;
  data.title = cleanText(a.source.title ?? '', false).trim() || a.basedOn.id;
  data.created = a.date;
  const tags = ownValue(a.source.data, 'tags');
  if (Array.isArray(tags)) {
    const clean = [
      ...new Set(tags.filter((x): x is string => typeof x === 'string').map((x) => cleanText(x, false).trim())),
    ];
    const kept = clean.filter((x) => x !== '');
    if (kept.length > 0) data.tags = kept;
  }
  for (const key of Object.keys(a.sets)) data[key] = a.sets[key];
  const basedOn: Record<string, unknown> = { member: a.basedOn.member, id: a.basedOn.id, commit: a.basedOn.commit };
  if (a.basedOn.url !== null) basedOn.url = cleanText(a.basedOn.url, false);
  data.basedOn = basedOn;
  const entry: Record<string, unknown> = {
    date: a.date,
    action: 'adopted',
    to: a.stage,
    source: `${a.basedOn.member}:${a.basedOn.id}`,
  };
  if (a.by) entry.by = a.by;
  data.history = [entry];
  return { data, body: cleanText(a.source.body, true) };
}

/** The commit message of an adoption (`--commit`): one line, whatever the title holds. */
export function adoptionMessage(id: string, title: string, basedOn: BasedOn, lang: Lang): string {
  return t(lang, 'adopt.commitMessage', {
    id,
    title: cleanText(title, false).slice(0, 100),
    source: `${basedOn.member}:${basedOn.id}`,
  });
}

/** An idea's place in the region's spreading: where it comes from, who took it up, and its stage's spread kit. */
export interface IdeaSpread {
  /** What the idea is based on, with the source's title when the region holds it (null: not in the last sync). */
  basedOn: (BasedOn & { title: string | null; held: boolean }) | null;
  /** The ideas of other members adopted from this one. */
  adoptedBy: Adoption['adopter'][];
  /** Its stage's spread kit, each part given or not; empty when the stage asks for none. */
  kit: (SpreadKitField & { given: boolean })[];
}

export function ideaSpread(
  snapshots: readonly MemberSnapshot[],
  member: string,
  idea: { id: string | null; stage: string; data: Record<string, unknown> },
): IdeaSpread {
  const b = basedOnOf(idea.data);
  const source = b ? snapshots.find((s) => s.member === b.member)?.ideas.find((i) => i.id === b.id) : undefined;
  const adoptedBy =
    idea.id === null
      ? []
      : adoptions(snapshots)
          .filter((a) => a.source.member === member && a.source.id === idea.id)
          .map((a) => a.adopter);
  const own = snapshots.find((s) => s.member === member);
  const kit = own?.registry.stages.find((s) => s.key === idea.stage)?.spreadKit ?? [];
  const lacking = new Set(spreadKitMissing(kit, idea.data).map((k) => k.field));
  return {
    basedOn: b ? { ...b, title: source?.title ?? null, held: source !== undefined } : null,
    adoptedBy,
    kit: kit.map((k) => ({ ...k, given: !lacking.has(k.field) })),
  };
}
