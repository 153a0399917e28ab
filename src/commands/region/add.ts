import type { CommonOptions, Ctx } from '../../context.js';
import { IdeasError } from '../../core/errors.js';
import type { Lang } from '../../core/i18n/i18n.js';
import {
  membersAlike,
  parseRegionText,
  withMember,
  type MemberAlike,
  type MemberInput,
  type RegionMember,
} from '../../core/region/config.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import { fsError } from '../../io/fs-error.js';
import { scratchFolder } from '../../io/lock.js';
import { regionValidator } from '../../io/schemas.js';
import type { Region } from '../../io/region/region-root.js';
import { openRegion } from './open-region.js';

export interface RegionAddOptions extends CommonOptions {
  id: string;
  url: string;
  name?: string;
  municipality?: string;
  branch?: string;
  path?: string;
  site?: string;
}

export interface RegionAddResult {
  kind: 'region-member-added';
  region: Region;
  lang: Lang;
  member: RegionMember;
  /** Other members of the same name or municipality code: a warning, the member is added. */
  alike: MemberAlike[];
}

/**
 * Adds a member to ideas.region.yaml, the rest of the file as it was: checked as the file is read (the schema, one
 * id and one repository per member) before anything is written, and written whole or not at all.
 */
export async function runRegionAdd(opts: RegionAddOptions, ctx: Ctx): Promise<RegionAddResult> {
  const { region, lang } = openRegion(opts, ctx);
  // A member already there is said first: asked for its name, one would give it and hear only then.
  if (region.config.members.some((m) => m.id === opts.id))
    throw new IdeasError('USAGE', 'err.regionAddExists', { id: opts.id, file: region.file });
  const name = opts.name?.trim() ?? '';
  if (name === '') throw new IdeasError('USAGE', 'err.regionAddName', { id: opts.id }, { hint: 'hint.regionAddName' });
  const input: MemberInput = { id: opts.id, name, url: opts.url };
  for (const key of ['municipality', 'branch', 'path', 'site'] as const) {
    const value = opts[key]?.trim();
    if (value !== undefined && value !== '') input[key] = value;
  }
  const text = withMember(region.text, input);
  let config;
  try {
    config = parseRegionText(text, region.file, lang, regionValidator());
  } catch (e) {
    if (!(e instanceof IdeasError) || e.code !== 'CONFIG_INVALID') throw e;
    // Said of the member given, not of lines of a file that was never written.
    const problems = e.details.map((d) => d.replace(/^\S+:\d+:\d+ /, ''));
    throw new IdeasError('USAGE', 'err.regionAddInvalid', { id: opts.id }, { details: problems });
  }
  const member = config.members.at(-1) as RegionMember;
  try {
    writeFileAtomic(region.file, text, undefined, await scratchFolder(region.root));
  } catch (e) {
    throw fsError(e, region.file);
  }
  return {
    kind: 'region-member-added',
    region: { ...region, text, config },
    lang,
    member,
    alike: membersAlike(config.members, member),
  };
}
