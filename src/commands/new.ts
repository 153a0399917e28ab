import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { noPromptReason, type CommonOptions, type Ctx } from '../context.js';
import { firstStage } from '../core/sluice/config.js';
import { IdeasError } from '../core/errors.js';
import {
  fieldSpec,
  foldRecordKeys,
  intakeFields,
  recordKeys,
  settableFields,
  typeFlagValue,
} from '../core/criteria/fields.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import { localize, t, type Lang } from '../core/i18n/i18n.js';
import { newId, takenIds } from '../core/sluice/id.js';
import { isoDate, toIdea, type Idea } from '../core/sluice/idea.js';
import { renderIdeaFile } from '../core/front-matter/idea-text.js';
import { describeErrors } from '../core/criteria/schema-check.js';
import { baseValidators, compileCriteria, readPackageSchema } from '../io/schemas.js';
import { mostSimilar, type Similar } from '../core/sluice/similarity.js';
import { newIdeaPath } from '../core/sluice/slug.js';
import { askField } from '../ui/field-prompt.js';
import { editorName, userEditor } from '../io/editor.js';
import { textInEditor } from './editor-text.js';
import { bodyFromFlags } from './body-text.js';
import { assertIdeaSize, writeNewIdea } from '../io/idea-write.js';
import { flagFor } from '../core/sluice/gate-fix.js';
import { withWriteLock } from '../io/write-session.js';
import { gitUserName, requireCommitter } from '../io/git.js';
import { listIdeaFiles } from '../io/idea-files.js';
import { readIdeas } from '../io/read-ideas.js';
import { loadCriteria, type Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';
import { askingFirst } from './nothing-saved.js';
import { actingName } from './acting-name.js';
import { nullObject } from '../core/safe-object.js';
import { parseSets } from '../core/criteria/set-flags.js';
import { renderNeighbours } from '../ui/present/region-similar.js';
import { regionNeighbours, type RegionNeighbour } from './similar-in-region.js';

export interface NewOptions extends CommonOptions {
  title?: string;
  set: string[];
  body?: string;
  bodyFile?: string;
  by?: string;
  /** Also commit the new file (that file only), with a message naming the idea. */
  commit?: boolean;
}

export interface NewResult {
  kind: 'idea-created';
  registry: Registry;
  lang: Lang;
  idea: Idea;
  staged: boolean;
  committed: boolean;
  similar: Similar<Idea>[];
  /** Similar ideas of other members of the region (from its last sync), when the config names a region. */
  elsewhere: RegionNeighbour[];
  /** They were shown already, at the question whether to go on. */
  elsewhereShown: boolean;
}

export async function runNew(opts: NewOptions, ctx: Ctx): Promise<NewResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  if (opts.commit) await requireCommitter(registry.root);
  const { config } = registry;
  const criteria = loadCriteria(registry);
  const stage = firstStage(config);
  const base = readPackageSchema('idea');
  const firstCriteria = criteria.get(stage.key)?.schema ?? {};
  const allCriteria = [...criteria.values()].map((c) => c.schema);
  const fields = intakeFields(base, firstCriteria, config, lang);

  const values = new Map<string, unknown>();
  if (opts.title !== undefined) values.set('title', opts.title.trim());
  const given = new Map<string, unknown>();
  const settable = [...settableFields(base, allCriteria), ...recordKeys(base, allCriteria)];
  for (const [name, raw] of parseSets(opts.set, settable, base, { criteria: allCriteria })) {
    const spec = fields.find((f) => f.name === name) ?? fieldSpec(name, base, allCriteria, config, lang, false);
    given.set(name, typeFlagValue(spec, raw));
  }
  // `--set team_gender.women=3` sets one key of the record.
  for (const [name, value] of foldRecordKeys(given, {})) values.set(name, value);
  let body = bodyFromFlags(opts, ctx.cwd);
  let by = opts.by;

  const missing = fields.filter((f) => f.required && isEmpty(values.get(f.name)));
  const why = noPromptReason(ctx, opts);
  if (why !== null && missing.length > 0) {
    throw new IdeasError('MISSING_ANSWERS', 'err.missingAnswers', {
      why: localize(why),
      flags: missing.map((f) => flagFor(f, lang)).join(' '),
    });
  }
  if (why === null) {
    const interview = opts.title === undefined && opts.set.length === 0 && body === undefined;
    const toAsk = interview ? fields.filter((f) => !values.has(f.name)) : missing;
    if (toAsk.length > 0 || interview) {
      const prompter = await ctx.prompter(lang);
      await askingFirst(async () => {
        for (const spec of toAsk) {
          const answer = await askField(prompter, spec, lang, compileCriteria);
          if (!isEmpty(answer)) values.set(spec.name, answer);
        }
        if (interview) {
          // The text in the user's own editor, as git takes a commit message; without one, typed here line by line.
          const editor = userEditor(ctx.env);
          if (editor !== null) {
            prompter.note(`${t(lang, 'prompt.editorOpening', { editor: editorName(editor) })}\n`);
            body = await textInEditor(editor, '', prompter, lang, registry.root, ctx.env);
          } else {
            body = await prompter.text({ message: `${t(lang, 'prompt.body')} ${t(lang, 'prompt.optional')}` });
          }
          if (by === undefined) {
            const who = await prompter.input({
              message: t(lang, 'prompt.by'),
              default: (await gitUserName(registry.root)) ?? undefined,
            });
            by = who.trim() || undefined;
          }
        }
      });
    }
  }
  by = await actingName(by, registry);

  const today = isoDate(ctx.clock());
  // The files are listed once, for the ideas and for the ids their names hold.
  const files = listIdeaFiles(registry);
  const others = readIdeas(registry, files).ideas;
  const ownIds = new Set(others.flatMap((o) => (o.id ? [o.id] : [])));
  // The region this registry names, as last synced: the ids its members hold, and their ideas like this one.
  const region = regionNeighbours(registry, lang, ownIds);
  // A new id taken by no idea here (by its file's name or its front matter), nor by any member of the region (ids
  // stay unique across it).
  const taken = takenIds(
    files.map((e) => e.path),
    ownIds,
    region.ids,
  );
  const id = newId(config.idPrefix, (candidate) => taken.has(candidate), randomBytes);
  // Keyed by the fields' names, some of them given on the command line: an object without a prototype.
  const data = nullObject();
  data.id = id;
  data.title = values.get('title');
  data.created = today;
  for (const f of fields) if (f.name !== 'title' && values.has(f.name)) data[f.name] = values.get(f.name);
  for (const [name, value] of values) if (!(name in data)) data[name] = value;
  const entry: Record<string, unknown> = { date: today, action: 'created', to: stage.key };
  if (by) entry.by = by;
  data.history = [entry];

  checkAnswers(data, criteria.get(stage.key)?.validate, lang);

  // Similar ideas elsewhere in the region, before anything is written: at a terminal the user may stop here.
  const elsewhere = region.near({ title: String(data.title ?? ''), body: body ?? '' });
  const asked = elsewhere.length > 0 && why === null;
  if (asked) {
    const prompter = await ctx.prompter(lang);
    prompter.note(renderNeighbours(elsewhere, lang));
    if (!(await prompter.confirm({ message: t(lang, 'prompt.regionGoOn'), default: true })))
      throw new IdeasError('CANCELLED', 'err.newStoppedSimilar');
  }

  const rel = newIdeaPath(config.ideasDir, stage.folder, id, data.title);
  const abs = path.join(registry.root, rel);
  const text = renderIdeaFile(data, body ?? '');
  assertIdeaSize(text, rel);
  // Read back as every command reads it before it is written: a text no command could read is never left behind.
  const fm = readFrontMatter(Buffer.from(text, 'utf8'));
  if (!fm.ok) throw new Error('a new idea file could not be read back');
  const message = opts.commit ? t(lang, 'new.commitMessage', { id, title: String(data.title ?? '') }) : null;
  const { staged, committed } = await withWriteLock(registry.root, (session) =>
    writeNewIdea(session, { rel, abs, text }, message, ctx.env),
  );
  const idea = toIdea(fm, stage, rel, abs);
  const similar = mostSimilar({ title: idea.title ?? '', body: idea.body }, others, (o) => ({
    title: o.title ?? '',
    body: o.body,
  }));
  return { kind: 'idea-created', registry, lang, idea, staged, committed, similar, elsewhere, elsewhereShown: asked };
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** The new idea must stand in the first stage: answers that break the schema are refused before anything is written. */
function checkAnswers(
  data: Record<string, unknown>,
  criteria: (((d: unknown) => boolean) & { errors?: unknown }) | undefined,
  lang: Lang,
): void {
  const { idea } = baseValidators();
  const problems = [
    ...(idea(data) ? [] : describeErrors(idea.errors)),
    ...(criteria && !criteria(data) ? describeErrors(criteria.errors as never) : []),
  ];
  if (problems.length === 0) return;
  const unique = [...new Map(problems.map((p) => [p.message[lang], p])).values()];
  const first = unique[0];
  throw new IdeasError(
    'INVALID_ANSWER',
    'err.invalidAnswer',
    { field: first?.field ?? '?', problem: first?.message[lang] ?? '' },
    { details: unique.slice(1).map((p) => p.message[lang]) },
  );
}
