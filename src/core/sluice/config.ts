import { localize, type Lang, type Localized } from '../i18n/i18n.js';
import { isForbiddenKey } from '../safe-object.js';

export interface Stage {
  key: string;
  folder: string;
  label: Localized;
  next: string[];
  /** Path of the criteria schema, relative to the registry root, with forward slashes. */
  criteria: string;
  council: boolean;
  funding: boolean;
  limitDays: number | null;
}

export interface Challenge {
  id: string;
  label: Localized;
  url: string | null;
}

export interface Goal {
  id: string;
  label: Localized;
  stage: string;
  target: number;
  by: string | null;
}

/** What every part may know of an open registry: where it is and its config (io/registry.ts opens one). */
export interface RegistryRef {
  /** Absolute path of the folder that holds ideas.config.yaml. */
  root: string;
  config: RegistryConfig;
}

export interface RegistryConfig {
  schemaVersion: 1;
  name: string;
  language: Lang;
  idPrefix: string;
  ideasDir: string;
  stages: Stage[];
  challenges: Challenge[];
  goals: Goal[];
  /** Idea files may be deleted; otherwise `ideas diff` reports a removed idea. */
  allowDelete?: boolean;
  /** Absent when the config does not set it: reports then use DEFAULT_MIN_GROUP_SIZE. */
  minGroupSize?: number;
  /** The folder of the region this registry is a member of, relative to the registry root, as written. */
  region?: string;
}

export { CONFIG_FILE } from './config-file.js';
const DEFAULT_IDEAS_DIR = 'ideas';
const DEFAULT_ID_PREFIX = 'idea';
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** A problem with the config, found after its schema check: which value, and what is wrong. */
export interface ConfigProblem {
  pointer: string;
  message: Localized;
}

/**
 * Fills defaults into a config that has passed schemas/config.schema.json. The raw value is typed loosely because
 * it comes from a file; the schema check before this call is what makes the casts below safe.
 */
export function normalizeConfig(raw: Record<string, unknown>): RegistryConfig {
  const stages = (raw.stages as Record<string, unknown>[]).map((s): Stage => ({
    key: s.key as string,
    folder: s.folder as string,
    label: s.label as Localized,
    next: (s.next as string[]) ?? [],
    criteria: (s.criteria as string).replace(/\\/g, '/'),
    council: s.council === true,
    funding: s.funding === true,
    limitDays: typeof s.limitDays === 'number' ? s.limitDays : null,
  }));
  return {
    schemaVersion: 1,
    name: raw.name as string,
    language: raw.language as Lang,
    idPrefix: (raw.idPrefix as string | undefined) ?? DEFAULT_ID_PREFIX,
    ideasDir: folderPath((raw.ideasDir as string | undefined) ?? DEFAULT_IDEAS_DIR),
    stages,
    challenges: ((raw.challenges as Record<string, unknown>[] | undefined) ?? []).map((c) => ({
      id: c.id as string,
      label: c.label as Localized,
      url: (c.url as string | undefined) ?? null,
    })),
    goals: ((raw.goals as Record<string, unknown>[] | undefined) ?? []).map((g) => ({
      id: g.id as string,
      label: g.label as Localized,
      stage: g.stage as string,
      target: g.target as number,
      by: (g.by as string | undefined) ?? null,
    })),
    ...(raw.allowDelete === true ? { allowDelete: true } : {}),
    ...(typeof raw.minGroupSize === 'number' ? { minGroupSize: raw.minGroupSize } : {}),
    ...(typeof raw.region === 'string' ? { region: raw.region.replace(/\\/g, '/') } : {}),
  };
}

/** The rules the JSON Schema cannot express: unique keys and folders, and references between stages. */
export function checkConfigRules(config: RegistryConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const keys = new Map<string, number>();
  const folders = new Map<string, number>();
  config.stages.forEach((stage, i) => {
    const earlier = keys.get(stage.key);
    if (earlier !== undefined) {
      problems.push({
        pointer: `/stages/${i}/key`,
        message: localize('config.stageKeyTwice', { key: stage.key, n: earlier + 1 }),
      });
    } else keys.set(stage.key, i);
    const folderKey = stage.folder.toLowerCase();
    const earlierFolder = folders.get(folderKey);
    if (earlierFolder !== undefined) {
      problems.push({
        pointer: `/stages/${i}/folder`,
        message: localize('config.folderTwice', { folder: stage.folder, n: earlierFolder + 1 }),
      });
    } else folders.set(folderKey, i);
  });
  config.stages.forEach((stage, i) => {
    stage.next.forEach((next, j) => {
      if (!keys.has(next)) {
        problems.push({
          pointer: `/stages/${i}/next/${j}`,
          message: localize('config.nextUnknown', { key: stage.key, next: next }),
        });
      }
    });
  });
  config.goals.forEach((goal, i) => {
    if (!keys.has(goal.stage)) {
      problems.push({
        pointer: `/goals/${i}/stage`,
        message: localize('config.goalStageUnknown', { goal: goal.id, stage: goal.stage }),
      });
    }
  });
  // Keys and ids name things the program keys objects and reports by: never a way into a prototype.
  const reserved = (value: string, pointer: string) => {
    if (isForbiddenKey(value))
      problems.push({
        pointer,
        message: localize('config.reservedName', { name: value }),
      });
  };
  config.stages.forEach((stage, i) => reserved(stage.key, `/stages/${i}/key`));
  config.challenges.forEach((c, i) => reserved(c.id, `/challenges/${i}/id`));
  config.goals.forEach((g, i) => reserved(g.id, `/goals/${i}/id`));
  const challengeIds = new Set<string>();
  config.challenges.forEach((c, i) => {
    if (challengeIds.has(c.id)) {
      problems.push({
        pointer: `/challenges/${i}/id`,
        message: localize('config.challengeTwice', { challenge: c.id }),
      });
    }
    challengeIds.add(c.id);
  });
  if (pathOutside(config.ideasDir) || config.ideasDir.split('/').every((s) => s === '.' || s === '')) {
    problems.push({
      pointer: '/ideasDir',
      message: localize('config.ideasDirOutside'),
    });
  } else if (inGitFolder(config.ideasDir)) {
    problems.push({
      pointer: '/ideasDir',
      message: localize('config.ideasDirInGit', { dir: config.ideasDir }),
    });
  }
  config.stages.forEach((stage, i) => {
    if (pathOutside(stage.criteria) || inGitFolder(stage.criteria)) {
      problems.push({
        pointer: `/stages/${i}/criteria`,
        message: localize('config.criteriaOutside', { file: stage.criteria, key: stage.key }),
      });
    }
  });
  return problems;
}

/**
 * A folder of the config as the files in it are named, by git and by the listing alike: forward slashes, and no `.`
 * segments or doubled or trailing slashes (`./ideas/` is `ideas`). A diff looked for `./ideas/…` among git's
 * `ideas/…` and found no idea at either revision, so a rewritten history passed. A leading slash stays, for
 * pathOutside to refuse.
 */
function folderPath(raw: string): string {
  const p = raw.replace(/\\/g, '/');
  return (
    (p.startsWith('/') ? '/' : '') +
    p
      .split('/')
      .filter((s) => s !== '' && s !== '.')
      .join('/')
  );
}

/**
 * Whether a path from the config (forward slashes) leads out of the registry: absolute, a drive or a share on
 * Windows (C:, //server), or through `..`. Only the user's own `--registry` may point elsewhere.
 */
function pathOutside(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').includes('..');
}

/**
 * Whether a path from the config is inside a `.git` folder, however a file system spells it: in any case (macOS and
 * Windows ignore case), with trailing dots or spaces (Windows drops them), or as its short name `GIT~1`.
 */
function inGitFolder(p: string): boolean {
  return p.split('/').some((segment) => {
    const s = segment.replace(/[. ]+$/, '').toLowerCase();
    return s === '.git' || /^git~\d+$/.test(s);
  });
}

export function stageByKey(config: RegistryConfig, key: string): Stage | undefined {
  return config.stages.find((s) => s.key === key);
}

export function firstStage(config: RegistryConfig): Stage {
  const stage = config.stages[0];
  if (!stage) throw new Error('a config without stages passed its schema check');
  return stage;
}
