import { readFileSync } from 'node:fs';
import path from 'node:path';
import { noPromptReason, type CommonOptions, type Ctx } from '../context.js';
import { firstStage } from '../core/sluice/config.js';
import { IdeasError } from '../core/errors.js';
import {
  fieldSpec,
  flagFor,
  intakeFields,
  settableFields,
  typeFlagValue,
  type FieldSpec,
} from '../core/criteria/fields.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import { localize, t, type Lang } from '../core/i18n/i18n.js';
import { newId } from '../core/sluice/id.js';
import { isoDate, toIdea, type Idea } from '../core/sluice/idea.js';
import { renderIdeaFile } from '../core/front-matter/idea-text.js';
import {
  baseValidators,
  compileCriteria,
  describeErrors,
  fieldLabel,
  readPackageSchema,
} from '../core/criteria/schema-check.js';
import { mostSimilar, type Similar } from '../core/sluice/similarity.js';
import { slugify } from '../core/sluice/slug.js';
import type { Prompter } from '../ui/prompter.js';
import { createFileExclusive, safeUnlink } from '../io/atomic-file.js';
import { faultPoint } from '../io/faults.js';
import { withWriteLock } from '../io/write-session.js';
import { fsError } from '../io/fs-error.js';
import { git } from '../io/git.js';
import { listIdeaFiles } from '../io/idea-files.js';
import { idFromFileName } from '../core/sluice/id.js';
import { readIdeas } from '../io/read-ideas.js';
import { loadCriteria, type Registry } from '../io/registry.js';
import { openRegistry } from './open-registry.js';
import { forbiddenSegment, nullObject, ownValue } from '../core/safe-object.js';

export interface NewOptions extends CommonOptions {
  title?: string;
  set: string[];
  body?: string;
  bodyFile?: string;
  by?: string;
}

export interface NewResult {
  kind: 'idea-created';
  registry: Registry;
  lang: Lang;
  idea: Idea;
  staged: boolean;
  similar: Similar<Idea>[];
}

type Schema = Record<string, unknown>;

export async function runNew(opts: NewOptions, ctx: Ctx): Promise<NewResult> {
  const { registry, lang } = openRegistry(opts, ctx);
  const { config } = registry;
  const criteria = loadCriteria(registry);
  const stage = firstStage(config);
  const base = readPackageSchema('idea');
  const firstCriteria = criteria.get(stage.key)?.schema ?? {};
  const allCriteria = [...criteria.values()].map((c) => c.schema);
  const fields = intakeFields(base, firstCriteria, config, lang);

  const values = new Map<string, unknown>();
  if (opts.title !== undefined) values.set('title', opts.title.trim());
  for (const [name, raw] of parseSets(opts.set, settableFields(base, allCriteria), base)) {
    const spec = fields.find((f) => f.name === name) ?? fieldSpec(name, base, allCriteria, config, lang, false);
    values.set(name, typeFlagValue(spec, raw));
  }
  if (opts.body !== undefined && opts.bodyFile !== undefined) throw new IdeasError('USAGE', 'err.bodyTwice');
  let body = opts.body ?? (opts.bodyFile !== undefined ? readBodyFile(opts.bodyFile, ctx.cwd) : undefined);

  const missing = fields.filter((f) => f.required && isEmpty(values.get(f.name)));
  const why = noPromptReason(ctx, opts);
  if (why !== null && missing.length > 0) {
    throw new IdeasError('MISSING_ANSWERS', 'err.missingAnswers', {
      why: localize(why),
      flags: missing.map(flagFor).join(' '),
    });
  }
  if (why === null) {
    const interview = opts.title === undefined && opts.set.length === 0 && body === undefined;
    const toAsk = interview ? fields.filter((f) => !values.has(f.name)) : missing;
    if (toAsk.length > 0 || interview) {
      const prompter = await ctx.prompter(lang);
      for (const spec of toAsk) {
        const answer = await ask(prompter, spec, lang);
        if (!isEmpty(answer)) values.set(spec.name, answer);
      }
      if (interview)
        body = await prompter.input({ message: `${t(lang, 'prompt.body')} ${t(lang, 'prompt.optional')}` });
    }
  }

  const today = isoDate(ctx.clock());
  const taken = new Set(listIdeaFiles(registry).map((e) => idFromFileName(e.path.slice(e.path.lastIndexOf('/') + 1))));
  const id = newId(config.idPrefix, (candidate) => taken.has(candidate));
  // Keyed by the fields' names, some of them given on the command line: an object without a prototype.
  const data = nullObject();
  data.id = id;
  data.title = values.get('title');
  data.created = today;
  for (const f of fields) if (f.name !== 'title' && values.has(f.name)) data[f.name] = values.get(f.name);
  for (const [name, value] of values) if (!(name in data)) data[name] = value;
  const entry: Record<string, unknown> = { date: today, action: 'created', to: stage.key };
  if (opts.by) entry.by = opts.by;
  data.history = [entry];

  checkAnswers(data, criteria.get(stage.key)?.validate, lang);

  const slug = slugify(String(data.title ?? ''));
  const rel = `${config.ideasDir}/${stage.folder}/${slug ? `${id}-${slug}` : id}.md`;
  const abs = path.join(registry.root, rel);
  const text = renderIdeaFile(data, body ?? '');
  const others = readIdeas(registry).ideas;
  const staged = await withWriteLock(registry.root, async ({ place }) => {
    try {
      createFileExclusive(abs, text, undefined, place.scratch);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST')
        throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: rel });
      throw fsError(e, rel);
    }
    if (place.gitDir === null) return false;
    try {
      faultPoint('new:before-add', ctx.env);
      await git(['add', '--', rel], registry.root);
    } catch (e) {
      // A failed command leaves the registry as it was: no file that git does not know of.
      safeUnlink(abs);
      throw e;
    }
    return true;
  });
  const fm = readFrontMatter(Buffer.from(text, 'utf8'));
  if (!fm.ok) throw new Error('a new idea file could not be read back');
  const idea = toIdea(fm, stage, rel, abs);
  const similar = mostSimilar({ title: idea.title ?? '', body: idea.body }, others, (o) => ({
    title: o.title ?? '',
    body: o.body,
  }));
  return { kind: 'idea-created', registry, lang, idea, staged, similar };
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** `--set name=value` flags, by field, each field checked to be one a flag may set. */
export function parseSets(sets: string[], settable: string[], base: Schema): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new IdeasError('USAGE', 'err.setSyntax', { value: s });
    const name = s.slice(0, eq).trim();
    if (forbiddenSegment(name) !== null) throw new IdeasError('USAGE', 'err.forbiddenField', { field: name });
    const own = ownValue(base.properties, name) as Schema | undefined;
    if (own?.readOnly === true || name === 'id' || name === 'created' || name === 'history') {
      throw new IdeasError('USAGE', 'err.readOnlyField', { field: name });
    }
    if (!settable.includes(name))
      throw new IdeasError('USAGE', 'err.unknownField', { field: name, fields: settable.join(', ') });
    out.set(name, [...(out.get(name) ?? []), s.slice(eq + 1)]);
  }
  return out;
}

function readBodyFile(file: string, cwd: string): string {
  try {
    return readFileSync(file === '-' ? 0 : path.resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new IdeasError('USAGE', 'err.readFile', { file, reason: (e as Error).message });
  }
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

async function ask(prompter: Prompter, spec: FieldSpec, lang: Lang): Promise<unknown> {
  const label = fieldLabel(spec.schema, `/${spec.name}`, lang).replace(/ \[[^\]]*\]$/, '');
  const question = spec.required ? label : `${label} ${t(lang, 'prompt.optional')}`;
  const check = fieldCheck(spec, lang);
  switch (spec.kind) {
    case 'select': {
      const choices = spec.choices.map((c) => ({ value: c.value, name: c.label }));
      if (!spec.required) choices.push({ value: '', name: t(lang, 'prompt.skip') });
      return prompter.select({ message: label, choices });
    }
    case 'confirm':
      return prompter.confirm({ message: label, default: spec.schema.const === true ? true : undefined });
    case 'checkbox':
      return prompter.checkbox({
        message: label,
        choices: spec.choices.map((c) => ({ value: c.value, name: c.label })),
        required: spec.required,
      });
    case 'list': {
      const raw = await prompter.input({
        message: `${question} ${t(lang, 'prompt.list')}`,
        validate: (v) => check(typeFlagValueSafe(spec, v)),
      });
      return typeFlagValue(spec, [raw]);
    }
    case 'integer':
    case 'number': {
      const raw = await prompter.input({
        message: question,
        validate: (v) => (v.trim() === '' && !spec.required ? true : check(typeFlagValueSafe(spec, v))),
      });
      return raw.trim() === '' ? undefined : typeFlagValue(spec, [raw]);
    }
    default: {
      const raw = await prompter.input({
        message: question,
        required: spec.required,
        validate: (v) => (v.trim() === '' && !spec.required ? true : check(v.trim())),
      });
      return raw.trim();
    }
  }
}

function typeFlagValueSafe(spec: FieldSpec, raw: string): unknown {
  try {
    return typeFlagValue(spec, [raw]);
  } catch {
    return Symbol('invalid');
  }
}

/** Checks one answer against its field's schema while the prompt is open, so a wrong answer is asked again. */
function fieldCheck(spec: FieldSpec, lang: Lang): (value: unknown) => string | true {
  let validate: ReturnType<typeof compileCriteria> | null = null;
  try {
    validate = compileCriteria(spec.schema, `field:${spec.name}:${JSON.stringify(spec.schema)}`);
  } catch {
    validate = null;
  }
  return (value) => {
    if (typeof value === 'symbol') return t(lang, 'err.invalidAnswer', { field: spec.name, problem: '' }).trim();
    if (spec.required && isEmpty(value)) return t(lang, 'prompt.requiredAnswer');
    if (!validate || validate(value)) return true;
    const problem = describeErrors(validate.errors)[0];
    return problem ? problem.message[lang].replace(/^[^:]*: /, '') : true;
  };
}
