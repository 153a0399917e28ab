import { randomBytes } from 'node:crypto';
/**
 * `ideas adopt <member>:<id>`: takes up an idea another member of the region has tested, as a new idea of this
 * registry (its own id, with this registry's prefix), linked to its source by `basedOn` and an `adopted` history
 * entry. Read from the region's last sync (offline); the source registry is never written. The source must give its
 * stage's spread kit (core/region/spread.ts); the new idea enters its stage through that stage's gate, as `new` and
 * `move` do.
 */
import path from 'node:path';
import type { CommonOptions, Ctx } from '../context.js';
import { IdeasError } from '../core/errors.js';
import { shellCommand, shellQuote } from '../core/shell/quote.js';
import { fieldSpec, foldRecordKeys, recordKeys, settableFields, typeFlagValue } from '../core/criteria/fields.js';
import { parseSets } from '../core/criteria/set-flags.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import { renderIdeaFile } from '../core/front-matter/idea-text.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import {
  adoptionData,
  adoptionMessage,
  basedOnOf,
  publicSourceUrl,
  parseIdeaRef,
  spreadKitMissing,
  type BasedOn,
} from '../core/region/spread.js';
import { nullObjectFrom } from '../core/safe-object.js';
import { unknownMemberError } from '../core/region/choices.js';
import { firstStage, type Stage } from '../core/sluice/config.js';
import { planAdoption } from '../core/sluice/transition.js';
import { gateSetFlags } from '../core/sluice/gate-fix.js';
import { newId, takenIds } from '../core/sluice/id.js';
import { isoDate, toIdea, type Idea } from '../core/sluice/idea.js';
import { newIdeaPath } from '../core/sluice/slug.js';
import { resolveStage } from '../core/sluice/stage-lookup.js';
import type { SchemaProblem } from '../core/criteria/schema-check.js';
import { assertIdeaSize, writeNewIdea } from '../io/idea-write.js';
import { gitUserName, requireCommitter } from '../io/git.js';
import { listIdeaFiles } from '../io/idea-files.js';
import { readIdeas } from '../io/read-ideas.js';
import { openMemberRegion, readSnapshots } from '../io/region/member-region.js';
import { readMemberState } from '../io/region/state.js';
import { loadCriteria, type Registry } from '../io/registry.js';
import { baseValidators, readPackageSchema } from '../io/schemas.js';
import { withWriteLock } from '../io/write-session.js';
import { openRegistry } from './open-registry.js';
import { fieldBook } from './field-book.js';
import { ideasNamed } from '../core/sluice/id-text.js';

export interface AdoptOptions extends CommonOptions {
  ref: string;
  stage?: string;
  set: string[];
  by?: string;
  force?: boolean;
  commit?: boolean;
}

export interface AdoptResult {
  kind: 'idea-adopted';
  registry: Registry;
  lang: Lang;
  idea: Idea;
  stage: Stage;
  basedOn: BasedOn;
  /** The source member's name, as the region file gives it. */
  memberName: string;
  /** Through a closed gate (`--force`): what the gate found missing. */
  forced: SchemaProblem[];
  staged: boolean;
  committed: boolean;
}

export async function runAdopt(opts: AdoptOptions, ctx: Ctx): Promise<AdoptResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  if (opts.commit) await requireCommitter(registry.root);
  const { config } = registry;
  const asked = parseIdeaRef(opts.ref);
  if (!asked) throw new IdeasError('USAGE', 'err.adoptRef', { ref: opts.ref }, { hint: 'hint.adoptRef' });
  const region = openMemberRegion(registry, lang);
  const member = region.config.members.find((m) => m.id === asked.member);
  if (!member) throw unknownMemberError(asked.member, region.config.members, region.file);
  const snapshot = readMemberState(region.cacheDir, member.id);
  if (!snapshot)
    throw new IdeasError(
      'USAGE',
      'err.adoptNotSynced',
      { member: member.id },
      { hint: 'hint.adoptNotSynced', hintParams: { dir: shellQuote(region.root) } },
    );
  const named = ideasNamed(snapshot.ideas, asked.id);
  if (named.length > 1)
    throw new IdeasError('AMBIGUOUS_ID', 'err.ambiguousId', {
      id: `${asked.member}:${asked.id}`,
      matches: named.map((i) => `${asked.member}:${i.id ?? ''}`).join(', '),
    });
  const source = named[0];
  if (!source)
    throw new IdeasError('IDEA_NOT_FOUND', 'err.adoptNotFound', {
      ref: `${asked.member}:${asked.id}`,
      date: snapshot.syncedAt.slice(0, 10),
    });
  // The id as the member wrote it, from here on (the one asked for may have been its random part alone).
  const ref = { member: asked.member, id: source.id ?? asked.id };
  const sourceStage = snapshot.registry.stages.find((s) => s.key === source.stage);
  const kit = sourceStage?.spreadKit ?? [];
  const stageLabel = sourceStage?.label ?? { sv: source.stage, en: source.stage };
  if (kit.length === 0)
    throw new IdeasError('GATE_CLOSED', 'err.adoptNoKit', { ref: `${ref.member}:${ref.id}`, stage: stageLabel });
  const lacking = spreadKitMissing(kit, source.data);
  if (lacking.length > 0)
    throw new IdeasError(
      'GATE_CLOSED',
      'err.adoptKitMissing',
      { ref: `${ref.member}:${ref.id}`, stage: stageLabel, count: lacking.length },
      { hint: 'hint.adoptKitMissing', details: lacking.map((k) => `${k.title[lang]} (${k.field})`) },
    );

  // The files are listed once, for the ideas and for the ids their names hold.
  const files = listIdeaFiles(registry);
  const local = readIdeas(registry, files).ideas;
  const already = local.find((i) => {
    const b = basedOnOf(i.data);
    return b !== null && b.member === ref.member && b.id === ref.id;
  });
  if (already && !opts.force)
    throw new IdeasError(
      'CONFLICT',
      'err.adoptedAlready',
      { ref: `${ref.member}:${ref.id}`, id: already.id ?? already.path },
      { hint: 'hint.adoptedAlready' },
    );

  const criteria = loadCriteria(registry);
  const stage = opts.stage ? resolveStage(config, opts.stage) : firstStage(config);
  const base = readPackageSchema('idea');
  const allCriteria = [...criteria.values()].map((c) => c.schema);
  const given = new Map<string, unknown>();
  const settable = [...settableFields(base, allCriteria), ...recordKeys(base, allCriteria)];
  for (const [name, raw] of parseSets(opts.set, settable, base, { criteria: allCriteria }))
    given.set(name, typeFlagValue(fieldSpec(name, base, allCriteria, config, lang, false), raw));
  const sets = nullObjectFrom(foldRecordKeys(given, {}));

  // A new id with this registry's prefix, taken by no idea here nor anywhere in the region.
  const taken = takenIds(
    files.map((e) => e.path),
    local.map((i) => i.id),
    readSnapshots(region).flatMap((s) => s.ideas.map((i) => i.id)),
  );
  const id = newId(config.idPrefix, (candidate) => taken.has(candidate), randomBytes);
  const by = opts.by ?? (await gitUserName(registry.root)) ?? undefined;
  // The member's address is written into a public field: without credentials, and none for a local folder.
  const basedOn: BasedOn = {
    member: member.id,
    id: ref.id,
    commit: snapshot.commit,
    url: publicSourceUrl(member.url),
  };
  const today = isoDate(ctx.clock());
  const planned = adoptionData({ id, date: today, source, basedOn, stage: stage.key, by, sets });

  const { idea: validate } = baseValidators();
  const plan = planAdoption({
    data: planned.data,
    to: stage,
    config,
    validators: { base: validate, criteria: (s) => criteria.get(s.key)?.validate },
    force: opts.force === true,
  });
  if (plan.kind === 'refused') {
    const { missing } = plan;
    // The same adoption again with what is missing, to fill in and run: as a closed gate of `move` prints.
    const flags = gateSetFlags(missing, fieldBook(registry, criteria, lang), lang);
    const again = [
      'ideas',
      ...(opts.registry ? ['-C', opts.registry] : []),
      'adopt',
      `${ref.member}:${ref.id}`,
      ...(opts.stage ? ['--stage', opts.stage] : []),
      ...opts.set.flatMap((s) => ['--set', s]),
      ...flags,
    ];
    throw new IdeasError(
      'GATE_CLOSED',
      'err.adoptGateClosed',
      { ref: `${ref.member}:${ref.id}`, stage: stage.label, count: missing.length },
      {
        hint: 'hint.adoptGateClosed',
        details: [
          ...missing.map((m) => m.message[lang]),
          ...(flags.length > 0 ? [t(lang, 'gate.adoptWith'), `  ${shellCommand(again)}`] : []),
        ],
      },
    );
  }
  const { data } = plan;

  const rel = newIdeaPath(config.ideasDir, stage.folder, id, data.title);
  const abs = path.join(registry.root, rel);
  const text = renderIdeaFile(data, planned.body);
  assertIdeaSize(text, rel);
  // Read back as every command reads it before it is written: a text no command could read is never left behind.
  const fm = readFrontMatter(Buffer.from(text, 'utf8'));
  if (!fm.ok) throw new Error('an adopted idea file could not be read back');
  const message = opts.commit ? adoptionMessage(id, String(data.title ?? ''), basedOn, lang) : null;
  const { staged, committed } = await withWriteLock(registry.root, (session) =>
    writeNewIdea(session, { rel, abs, text }, message, ctx.env),
  );
  return {
    kind: 'idea-adopted',
    registry,
    lang,
    idea: toIdea(fm, stage, rel, abs),
    stage,
    basedOn,
    memberName: member.name,
    forced: plan.missing,
    staged,
    committed,
  };
}
