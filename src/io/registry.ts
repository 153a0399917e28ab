import { existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { findRegistryRoot } from './registry-root.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CONFIG_FILE,
  checkConfigRules,
  normalizeConfig,
  type RegistryConfig,
  type RegistryRef,
  type Stage,
} from '../core/sluice/config.js';
import { IdeasError } from '../core/errors.js';
import { localize, t, type Lang, type Localized, type MessageKey } from '../core/i18n/i18n.js';
import { PatternError, type PatternProblem } from '../core/criteria/linear-regexp.js';
import { parseYamlSafely, YamlProblem } from '../core/front-matter/front-matter.js';
import { YamlPositions } from '../core/front-matter/positions.js';
import { describeErrors, type Validator } from '../core/criteria/schema-check.js';
import { compileReason, jsonSyntaxReason, SchemaFileProblem } from '../core/criteria/schema-reasons.js';
import { addCriteriaSet, baseValidators, compileCriteria, readPackageSchema } from './schemas.js';
import type { SchemaSource } from '../core/criteria/personal-data.js';
import { forbiddenKeys, nullProtoDeep } from '../core/safe-object.js';
import { readReason } from './fs-error.js';
import { NotUtf8, readUtf8Text } from './files.js';

export { findRegistryRoot };

export interface Registry extends RegistryRef {
  configPath: string;
  /** Whether commands may use the cache of parsed files (src/io/file-cache.ts); false with --no-cache. */
  cache?: boolean;
  /**
   * Where the command was run, and the `-C` it was given: a hint prints a command that runs from there, with the
   * same `-C` and paths relative to that folder. Without it, paths are relative to the registry's root.
   */
  here?: { cwd: string; flag: string | undefined };
}

/** `--registry` (or -C), then IDEAS_REGISTRY, then the working directory; each searched upwards. */
export function locateRegistry(cwd: string, flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const given = flag ?? (env.IDEAS_REGISTRY || undefined);
  const start = given ? path.resolve(cwd, given) : cwd;
  if (given && !existsSync(start))
    throw new IdeasError('NOT_A_REGISTRY', 'err.registryDirMissing', { dir: start }, { hint: 'hint.notRegistry' });
  const root = findRegistryRoot(start);
  if (!root) throw new IdeasError('NOT_A_REGISTRY', 'err.notRegistry', { dir: start }, { hint: 'hint.notRegistry' });
  return root;
}

function configError(file: string, problems: string[]): IdeasError {
  return new IdeasError(
    'CONFIG_INVALID',
    'err.configInvalid',
    { file, count: problems.length },
    { hint: 'hint.configInvalid', details: problems },
  );
}

/** Reads and checks ideas.config.yaml. A config that cannot be used is an IdeasError with every problem and its line. */
export function loadRegistry(root: string, lang: Lang): Registry {
  const configPath = path.join(root, CONFIG_FILE);
  // A config that a symbolic link takes out of the registry is not read: nothing outside the registry is.
  const target = outsideTarget(root, configPath);
  if (target !== null) throw new IdeasError('CONFIG_INVALID', 'err.configOutside', { file: configPath, target });
  // Nor one that is a link at all: `ideas diff` reads the config of a revision from git, which keeps a link as the
  // path it points to, so a link would be one config to every other command and another, or none, to the diff.
  const link = linkOnTheWay(root, CONFIG_FILE);
  if (link)
    throw new IdeasError(
      'CONFIG_INVALID',
      'err.configSymlink',
      { file: configPath, target: link.target },
      { hint: 'hint.configSymlink' },
    );
  let text: string;
  try {
    text = readUtf8Text(configPath);
  } catch (e) {
    if (e instanceof NotUtf8) throw new IdeasError('CONFIG_INVALID', 'err.notUtf8', { file: configPath, line: e.line });
    throw new IdeasError('CONFIG_INVALID', 'err.readFile', { file: configPath, reason: readReason(e) });
  }
  const config = parseConfigText(text, configPath, lang);
  checkFolders(root, config);
  // Every command refuses a criteria file that is a link the same way, whether it reads the criteria or not.
  for (const stage of config.stages) criteriaFile(root, stage);
  return { root, configPath, config };
}

/**
 * The first symbolic link on the way from `root` to the file `rel` (a relative path inside it): the file itself, or a
 * folder it is in; null when there is none (or the file is missing: reading it says so). The registry's own rules
 * (its config and criteria) are read only from regular files: git keeps a link as the path it points to, so `ideas
 * diff`, which reads them at a revision, would read other rules than every other command reads from the disk.
 */
export function linkOnTheWay(root: string, rel: string): { link: string; target: string } | null {
  const segments = path.relative(root, path.resolve(root, rel)).split(path.sep);
  for (let i = 1; i <= segments.length; i++) {
    const link = segments.slice(0, i).join('/');
    const target = linkTarget(path.join(root, link));
    if (target !== null) return { link, target };
  }
  return null;
}

/** Where the symbolic link at `abs` points ('?' when that cannot be read); null when `abs` is no link, or not there. */
function linkTarget(abs: string): string | null {
  try {
    if (!lstatSync(abs).isSymbolicLink()) return null;
  } catch {
    return null;
  }
  try {
    return readlinkSync(abs);
  } catch {
    return '?';
  }
}

/**
 * The ideas folder, the folders on the way to it and every stage folder must be real folders of the registry: a
 * symbolic link would make commands read ideas from, and write them to, anywhere (another stage, /tmp, another
 * repository). Checked before anything is read or written through them. A folder that does not exist yet is fine.
 */
function checkFolders(root: string, config: RegistryConfig): void {
  const segments = config.ideasDir.split('/').filter((s) => s !== '' && s !== '.');
  const folders = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
  const ideasDir = folders.at(-1) ?? '';
  for (const stage of config.stages) folders.push(`${ideasDir}/${stage.folder}`);
  for (const folder of folders) {
    const target = linkTarget(path.join(root, folder));
    if (target !== null)
      throw new IdeasError('CONFIG_INVALID', 'err.folderSymlink', { folder, target }, { hint: 'hint.folderSymlink' });
  }
}

/**
 * A stage's criteria file, which must be a regular file inside the registry: the config's rules refuse paths that
 * lead out, and this refuses a file, or a folder on its way, that is a symbolic link (one leading out named as such).
 */
export function criteriaFile(root: string, stage: Pick<Stage, 'criteria' | 'key' | 'label'>): string {
  const file = path.resolve(root, stage.criteria);
  const target = outsideTarget(root, file);
  if (target !== null)
    throw new IdeasError(
      'CONFIG_INVALID',
      'err.criteriaOutside',
      { file: stage.criteria, stage: stage.label, target },
      { hint: 'hint.criteriaOutside' },
    );
  const link = linkOnTheWay(root, stage.criteria);
  if (link)
    throw new IdeasError(
      'CONFIG_INVALID',
      'err.criteriaSymlink',
      { file: stage.criteria, stage: stage.label, link: link.link, target: link.target },
      { hint: 'hint.criteriaSymlink' },
    );
  return file;
}

/** Where `file` really is when a symbolic link takes it out of the registry at `root`; null when it stays in (or is missing: reading it says so). */
function outsideTarget(root: string, file: string): string | null {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return null;
  }
  const rel = path.relative(realpathSync(root), real);
  return rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? real : null;
}

/** Checks a config's text, wherever it was read from (a file, or a blob of a git revision for `ideas diff`). */
export function parseConfigText(text: string, configPath: string, lang: Lang): RegistryConfig {
  let raw: unknown;
  try {
    raw = parseYamlSafely(text);
  } catch (e) {
    if (!(e instanceof YamlProblem)) throw configError(configPath, [`${CONFIG_FILE}:1:1 ${(e as Error).message}`]);
    // The same problems as in an idea's front matter, but worded for the config.
    throw configError(configPath, [`${CONFIG_FILE}:${e.line + 1}:${e.column + 1} ${e.inFile(lang)}`]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw configError(configPath, [`${CONFIG_FILE}:1:1 ${t(lang, 'f.configNotMapping')}`]);
  }
  const validators = baseValidators();
  if (!validators.config(raw)) {
    throw configError(configPath, locate(text, describeErrors(validators.config.errors), lang));
  }
  const config = normalizeConfig(raw as Record<string, unknown>);
  const problems = checkConfigRules(config);
  if (problems.length > 0) throw configError(configPath, locate(text, problems, lang));
  return config;
}

function locate(
  text: string,
  problems: { pointer: string; message: Localized; keyword?: string }[],
  lang: Lang,
): string[] {
  const positions = new YamlPositions(text, 1);
  return problems.map((p) => {
    const pos = positions.find(p.pointer, p.keyword === 'additionalProperties');
    return `${CONFIG_FILE}:${pos.line}:${pos.column} ${p.message[lang]}`;
  });
}

export interface Criteria {
  stage: Stage;
  schema: Record<string, unknown>;
  validate: Validator;
}

/**
 * A criteria schema's text as an object without prototypes, or CONFIG_INVALID when it uses __proto__, constructor
 * or prototype as a key anywhere: no JSON Schema keyword has such a name, so it could only name a field (refused
 * everywhere, see src/core/safe-object.ts) or a definition.
 */
function parseCriteria(text: string, stage: Stage): Record<string, unknown> {
  const json = text.replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new SchemaFileProblem(jsonSyntaxReason(json, (e as Error).message));
  }
  const forbidden = forbiddenKeys(parsed, 1)[0];
  if (forbidden)
    throw new IdeasError('CONFIG_INVALID', 'err.criteriaForbiddenKey', {
      file: stage.criteria,
      stage: stage.label,
      key: forbidden.key,
      pointer: forbidden.pointer,
    });
  return nullProtoDeep(parsed) as Record<string, unknown>;
}

/** A stage's criteria schema, read and parsed; CONFIG_INVALID when it is missing, unreadable or not one. */
function readStageCriteria(registry: Registry, stage: Stage): Record<string, unknown> {
  const file = criteriaFile(registry.root, stage);
  try {
    if (!statSync(file).isFile()) throw new SchemaFileProblem(localize('schema.notFile'));
    return parseCriteria(readUtf8Text(file), stage);
  } catch (e) {
    if (e instanceof IdeasError) throw e;
    if (e instanceof NotUtf8) throw new IdeasError('CONFIG_INVALID', 'err.notUtf8', { file, line: e.line });
    if (e instanceof SchemaFileProblem) throw criteriaCompileError(e, stage);
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new IdeasError('CONFIG_INVALID', missing ? 'err.criteriaMissing' : 'err.criteriaUnreadable', {
      file: stage.criteria,
      stage: stage.label,
      reason: readReason(e),
    });
  }
}

/**
 * The criteria schema of every stage, read as loadCriteria reads them but not compiled: for what their schemas say
 * (fields, labels), where no idea is checked against them (ajv's load and the compile cost some 70 ms).
 */
export function parsedCriteria(registry: Registry): Map<string, Pick<Criteria, 'stage' | 'schema'>> {
  return new Map(
    registry.config.stages.map((stage) => [stage.key, { stage, schema: readStageCriteria(registry, stage) }]),
  );
}

/** Reads and compiles the criteria schema of every stage. */
export function loadCriteria(registry: Registry): Map<string, Criteria> {
  const read = registry.config.stages.map((stage) => ({
    stage,
    key: `criteria:${criteriaFile(registry.root, stage)}`,
    schema: readStageCriteria(registry, stage),
  }));
  // Every stage's schema known before any is compiled: a `$ref` may point into a later stage's file as well as an
  // earlier one's (addCriteriaSet).
  const failed = addCriteriaSet(read);
  read.forEach(({ stage }, i) => {
    if (failed[i] !== undefined) throw criteriaCompileError(failed[i], stage);
  });
  const out = new Map<string, Criteria>();
  for (const { stage, key, schema } of read) {
    try {
      out.set(stage.key, { stage, schema, validate: compileCriteria(schema, key) });
    } catch (e) {
      throw criteriaCompileError(e, stage);
    }
  }
  return out;
}

const PATTERN_REASONS: Record<PatternProblem, MessageKey> = {
  invalid: 'err.patternInvalid',
  lookaround: 'err.patternLookaround',
  backreference: 'err.patternBackreference',
  unsupported: 'err.patternUnsupported',
};

/** Why a criteria schema cannot be used, in words that do not name its file (`ideas diff` names the file and revision). */
export function criteriaReason(e: unknown): Localized {
  if (e instanceof PatternError)
    return localize('schema.pattern', {
      pattern: JSON.stringify(e.pattern),
      reason: localize(PATTERN_REASONS[e.problem], { detail: e.detail }),
    });
  return e instanceof SchemaFileProblem ? e.reason : compileReason(e);
}

/**
 * Why a stage's criteria schema cannot be used: it could not be compiled, or it is not one (a SchemaFileProblem, also
 * found as it is read); a pattern that cannot be used is named with its file.
 */
export function criteriaCompileError(e: unknown, stage: Stage): IdeasError {
  if (e instanceof PatternError) {
    return new IdeasError(
      'CONFIG_INVALID',
      'err.criteriaPattern',
      {
        file: stage.criteria,
        stage: stage.label,
        pattern: JSON.stringify(e.pattern),
        reason: localize(PATTERN_REASONS[e.problem], { detail: e.detail }),
      },
      { hint: 'hint.criteriaPattern' },
    );
  }
  return new IdeasError('CONFIG_INVALID', 'err.criteriaInvalid', {
    file: stage.criteria,
    stage: stage.label,
    reason: e instanceof SchemaFileProblem ? e.reason : compileReason(e),
  });
}

/**
 * The criteria schema of one stage, read for its labels only (not compiled); an empty list when unreadable. A
 * schema that uses a forbidden key is refused as loadCriteria refuses it.
 */
export function readCriteriaSchemas(registry: Registry, stageKey: string): Record<string, unknown>[] {
  const stage = registry.config.stages.find((s) => s.key === stageKey);
  if (!stage) return [];
  try {
    return [parseCriteria(readUtf8Text(criteriaFile(registry.root, stage)), stage)];
  } catch (e) {
    if (e instanceof IdeasError) throw e;
    return [];
  }
}

/**
 * Every schema of the registry, for what it says of personal data: the base schema, then each stage's criteria (a
 * file several stages share, once).
 */
export function readRegistrySchemas(registry: Registry): SchemaSource[] {
  const criteria: { file: string; schema: unknown }[] = [];
  const seen = new Set<string>();
  for (const stage of registry.config.stages) {
    const file = path.resolve(registry.root, stage.criteria);
    if (seen.has(file)) continue;
    seen.add(file);
    // A criteria file that cannot be read is an error here, not a file passed over: its markings decide what the public
    // outputs may show, and one left out could make a field it marks personal public by another file's marking.
    criteria.push({ file: stage.criteria, schema: readStageCriteria(registry, stage) });
  }
  return schemaSources(registry.root, criteria);
}

/**
 * The base schema and a registry's criteria (each by its path from the root, as the config names it) as the sources
 * of what they say of personal data, each with the URI a `$ref` from another one would name it by: on disk, or at a
 * revision (`ideas diff`), the same.
 */
export function schemaSources(root: string, criteria: Iterable<{ file: string; schema: unknown }>): SchemaSource[] {
  const base = readPackageSchema('idea');
  const out: SchemaSource[] = [{ schema: base, uri: typeof base.$id === 'string' ? base.$id : null }];
  for (const { file, schema } of criteria) out.push({ schema, uri: pathToFileURL(path.resolve(root, file)).href });
  return out;
}
