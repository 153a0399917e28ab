/**
 * A region of sluices (ideas.region.yaml): a registry of registries. Each member is one municipality's own
 * registry, in its own repository, which the region reads and never writes. The file is checked as ideas.config.yaml
 * is: against its JSON Schema (schemas/region.schema.json), then by the rules a schema cannot say, every problem with
 * its line and column.
 */
import { IdeasError } from '../errors.js';
import { t, type Lang, type Localized } from '../i18n/i18n.js';
import { describeErrors, type Validator } from '../criteria/schema-check.js';
import { parseYamlSafely, YamlProblem } from '../front-matter/front-matter.js';
import { YamlPositions } from '../front-matter/positions.js';
import { nullProtoDeep } from '../safe-object.js';
import { yamlPackage } from '../front-matter/yaml-package.js';

import { REGION_FILE } from './file-name.js';
import { repositoryKey, urlWithoutCredentials } from './member-url.js';

export { REGION_FILE };

export interface RegionMember {
  /** The member's key: `lidkoping` in `lidkoping:lidk-4k7q2x`, and the name of its cache. */
  id: string;
  name: string;
  municipality: string | null;
  /** The address as the region shows and keeps it: without credentials (member-url.ts). */
  url: string;
  /** The address as the file gives it, credentials and all: for git's fetch only, never shown. */
  fetchUrl: string;
  /** Null: the remote's default branch. */
  branch: string | null;
  /** The registry's folder inside the repository, '' for the top, without a trailing slash. */
  path: string;
  site: string | null;
}

export interface RegionConfig {
  name: string;
  languages: Lang[];
  /** The first of `languages`. */
  language: Lang;
  members: RegionMember[];
}

function regionError(file: string, problems: string[]): IdeasError {
  return new IdeasError(
    'CONFIG_INVALID',
    'err.regionInvalid',
    { file, count: problems.length },
    { hint: 'hint.regionInvalid', details: problems },
  );
}

/** A path as the config gives it, made plain: `./a/b/` is `a/b`, `.` is ''. */
export function normalizeMemberPath(raw: string | undefined): string {
  if (raw === undefined) return '';
  return raw
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

/**
 * Checks the text of ideas.region.yaml against `validate` (schemas/region.schema.json's, io/schemas.ts); a region that
 * cannot be used is an IdeasError with every problem's line.
 */
export function parseRegionText(text: string, file: string, lang: Lang, validate: Validator): RegionConfig {
  let raw: unknown;
  try {
    raw = parseYamlSafely(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    if (!(e instanceof YamlProblem)) throw regionError(file, [`${REGION_FILE}:1:1 ${(e as Error).message}`]);
    throw regionError(file, [`${REGION_FILE}:${e.line + 1}:${e.column + 1} ${e.inFile(lang)}`]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw regionError(file, [`${REGION_FILE}:1:1 ${t(lang, 'f.configNotMapping')}`]);
  // Two keywords of one field can fail with its one x-message (a site that is no URI, and no web address): said once.
  if (!validate(raw)) throw regionError(file, [...new Set(locate(text, describeErrors(validate.errors), lang))]);
  const data = nullProtoDeep(raw) as Record<string, unknown>;
  const languages = data.languages as Lang[];
  const members = (data.members as Record<string, unknown>[]).map((m): RegionMember => ({
    id: m.id as string,
    name: m.name as string,
    municipality: typeof m.municipality === 'string' ? m.municipality : null,
    url: urlWithoutCredentials(m.url as string),
    fetchUrl: m.url as string,
    branch: typeof m.branch === 'string' ? m.branch : null,
    path: normalizeMemberPath(m.path as string | undefined),
    site: typeof m.site === 'string' ? m.site : null,
  }));
  const problems = checkRegionRules(members, file.slice(0, Math.max(0, file.lastIndexOf('/'))));
  if (problems.length > 0) throw regionError(file, locate(text, problems, lang));
  return { name: data.name as string, languages, language: languages[0] ?? 'sv', members };
}

interface RuleProblem {
  pointer: string;
  message: Localized;
  keyword?: string;
}

/**
 * What the schema cannot say: member ids are unique, and so is each repository and folder, however its address is
 * written (repositoryKey; a path from `base`, the region's folder).
 */
function checkRegionRules(members: readonly RegionMember[], base: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const ids = new Map<string, number>();
  const places = new Map<string, number>();
  members.forEach((m, i) => {
    const first = ids.get(m.id);
    if (first !== undefined)
      problems.push({
        pointer: `/members/${i}/id`,
        message: localizeRule('region.rule.duplicateId', { id: m.id, other: first + 1 }),
      });
    else ids.set(m.id, i);
    const place = `${repositoryKey(m.fetchUrl, base)}\n${m.branch ?? ''}\n${m.path}`;
    const same = places.get(place);
    if (same !== undefined)
      problems.push({
        pointer: `/members/${i}/url`,
        message: localizeRule('region.rule.duplicatePlace', { id: m.id, other: members[same]?.id ?? '' }),
      });
    else places.set(place, i);
  });
  return problems;
}

function localizeRule(
  key: 'region.rule.duplicateId' | 'region.rule.duplicatePlace',
  params: Record<string, string | number>,
) {
  return { sv: t('sv', key, params), en: t('en', key, params) };
}

/** Each problem as `ideas.region.yaml:<line>:<column> <message>`. */
function locate(text: string, problems: readonly RuleProblem[], lang: Lang): string[] {
  const positions = new YamlPositions(text, 1);
  return problems.map((p) => {
    const pos = positions.find(p.pointer, p.keyword === 'additionalProperties');
    return `${REGION_FILE}:${pos.line}:${pos.column} ${p.message[lang]}`;
  });
}

/** Other members with a member's name or municipality code: `field`, its value, and their ids. */
export interface MemberAlike {
  field: 'name' | 'municipality';
  value: string;
  members: string[];
}

/**
 * The other members that share `member`'s name (as a reader sees it: case and spaces aside) or municipality code:
 * likely the same municipality twice, said as a warning, not refused (one municipality may keep two registries).
 */
export function membersAlike(members: readonly RegionMember[], member: RegionMember): MemberAlike[] {
  const plain = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const others = members.filter((m) => m.id !== member.id);
  const out: MemberAlike[] = [];
  const sameName = others.filter((m) => plain(m.name) === plain(member.name)).map((m) => m.id);
  if (sameName.length > 0) out.push({ field: 'name', value: member.name, members: sameName });
  const code = member.municipality;
  const sameCode = code === null ? [] : others.filter((m) => m.municipality === code).map((m) => m.id);
  if (code !== null && sameCode.length > 0) out.push({ field: 'municipality', value: code, members: sameCode });
  return out;
}

/** A member as `ideas region add` is given it: the keys of a member in the file, those not given left out. */
export interface MemberInput {
  id: string;
  name: string;
  url: string;
  municipality?: string;
  branch?: string;
  path?: string;
  site?: string;
}

/**
 * The region file's text with `member` added after its members, everything else as it was (comments, order,
 * quoting; an empty flow list `members: []` becomes a block list). Only the text: the caller checks it as the file
 * is read (parseRegionText) before writing it.
 */
export function withMember(text: string, member: MemberInput): string {
  const { parseDocument, isSeq } = yamlPackage();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { uniqueKeys: false });
  const entry: Record<string, string> = { id: member.id, name: member.name };
  for (const key of ['municipality', 'url', 'branch', 'path', 'site'] as const) {
    const value = member[key];
    if (value !== undefined) entry[key] = value;
  }
  const node = doc.createNode(entry);
  const members = doc.get('members', true);
  if (isSeq(members)) {
    members.flow = false;
    members.items.push(node);
  } else {
    doc.set('members', doc.createNode([entry]));
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * The region file's text without the member `id`, everything else as it was (comments, order, quoting); the comment
 * lines written with the member go with it. Only the text: the caller checks it as the file is read.
 */
export function withoutMember(text: string, id: string): string {
  const { parseDocument, isMap, isSeq } = yamlPackage();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { uniqueKeys: false });
  const members = doc.get('members', true);
  if (isSeq(members)) members.items = members.items.filter((item) => !(isMap(item) && String(item.get('id')) === id));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Where a member is declared in the file's text (the line of its `id`), for findings about it; null if unknown. */
export function memberLine(text: string, index: number): number | null {
  try {
    return new YamlPositions(text, 1).find(`/members/${index}/id`).line;
  } catch {
    return null;
  }
}

/** The text of a new region file: its name, language, and an example member in a comment. */
export function regionTemplate(name: string, lang: Lang): string {
  const example =
    lang === 'sv'
      ? [
          '# Varje medlem är en kommuns egen idésluss, i sitt eget git-repo. Regionen läser den, skriver aldrig.',
          '# Lägg till en med ideas region add (ideas region add --help), eller skriv in den här så här:',
          '#  - id: lidkoping            # kort nyckel: a-z, siffror, bindestreck',
          '#    name: Lidköpings kommun',
          '#    municipality: "1494"     # kommunkod',
          '#    url: https://git.example.org/lidkoping/idesluss.git   # https, ssh, file:// eller en sökväg',
          '#    branch: main             # standard: repots standardgren',
          '#    path: .                  # mappen med ideas.config.yaml i repot',
        ]
      : [
          "# Each member is one municipality's own idea sluice, in its own git repository. The region reads it, never writes.",
          '# Add one with ideas region add (ideas region add --help), or write it in here like this:',
          '#  - id: lidkoping            # short key: a-z, digits, dashes',
          '#    name: Lidköping Municipality',
          '#    municipality: "1494"     # municipality code',
          '#    url: https://git.example.org/lidkoping/idesluss.git   # https, ssh, file:// or a path',
          "#    branch: main             # default: the repository's default branch",
          '#    path: .                  # the folder of ideas.config.yaml in the repository',
        ];
  // What the file is, and what checks it (the format, field by field, for an editor too: `ideas schema --region`).
  const about =
    lang === 'sv'
      ? '# Idéslussregion: regionens fil, läses av ideas region och kontrolleras mot ideas schema --region'
      : "# Idea sluice region: the region's file, read by ideas region and checked against ideas schema --region";
  return [
    about,
    '',
    'schemaVersion: 1',
    `name: ${JSON.stringify(name)}`,
    `languages: [${lang}]`,
    ...example,
    'members: []',
    '',
  ].join('\n');
}
