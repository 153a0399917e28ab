import type { Lang, Localized } from '../i18n/i18n.js';
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

export const CONFIG_FILE = 'ideas.config.yaml';
export const DEFAULT_IDEAS_DIR = 'ideas';
export const DEFAULT_ID_PREFIX = 'idea';
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
        message: {
          sv: `Stegnyckeln "${stage.key}" används redan av steg ${earlier + 1}.`,
          en: `The stage key "${stage.key}" is already used by stage ${earlier + 1}.`,
        },
      });
    } else keys.set(stage.key, i);
    const folderKey = stage.folder.toLowerCase();
    const earlierFolder = folders.get(folderKey);
    if (earlierFolder !== undefined) {
      problems.push({
        pointer: `/stages/${i}/folder`,
        message: {
          sv: `Mappen "${stage.folder}" används redan av steg ${earlierFolder + 1}.`,
          en: `The folder "${stage.folder}" is already used by stage ${earlierFolder + 1}.`,
        },
      });
    } else folders.set(folderKey, i);
  });
  config.stages.forEach((stage, i) => {
    stage.next.forEach((next, j) => {
      if (!keys.has(next)) {
        problems.push({
          pointer: `/stages/${i}/next/${j}`,
          message: {
            sv: `Steget "${stage.key}" leder till "${next}", som inte är något steg.`,
            en: `The stage "${stage.key}" leads to "${next}", which is not a stage.`,
          },
        });
      }
    });
  });
  config.goals.forEach((goal, i) => {
    if (!keys.has(goal.stage)) {
      problems.push({
        pointer: `/goals/${i}/stage`,
        message: {
          sv: `Målet "${goal.id}" räknar steget "${goal.stage}", som inte finns.`,
          en: `The goal "${goal.id}" counts the stage "${goal.stage}", which does not exist.`,
        },
      });
    }
  });
  // Keys and ids name things the program keys objects and reports by: never a way into a prototype.
  const reserved = (value: string, pointer: string) => {
    if (isForbiddenKey(value))
      problems.push({
        pointer,
        message: {
          sv: `Namnet "${value}" kan inte användas: __proto__, constructor och prototype är inga nycklar eller id:n.`,
          en: `The name "${value}" cannot be used: __proto__, constructor and prototype are no keys or ids.`,
        },
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
        message: { sv: `Utmaningen "${c.id}" finns två gånger.`, en: `The challenge "${c.id}" is listed twice.` },
      });
    }
    challengeIds.add(c.id);
  });
  if (pathOutside(config.ideasDir) || config.ideasDir.split('/').every((s) => s === '.' || s === '')) {
    problems.push({
      pointer: '/ideasDir',
      message: {
        sv: 'ideasDir ska vara en mapp inne i idéslussen, som "ideas".',
        en: 'ideasDir must be a folder inside the registry, such as "ideas".',
      },
    });
  } else if (inGitFolder(config.ideasDir)) {
    problems.push({
      pointer: '/ideasDir',
      message: {
        sv: `ideasDir "${config.ideasDir}" ligger i git-mappen .git, där git har sina egna filer; välj en mapp som "ideas".`,
        en: `ideasDir "${config.ideasDir}" is inside git's .git folder, which holds git's own files; choose a folder such as "ideas".`,
      },
    });
  }
  config.stages.forEach((stage, i) => {
    if (pathOutside(stage.criteria) || inGitFolder(stage.criteria)) {
      problems.push({
        pointer: `/stages/${i}/criteria`,
        message: {
          sv: `Kriteriefilen "${stage.criteria}" ligger utanför idéslussen eller i .git; den ska ligga i idéslussens mapp, som "criteria/${stage.key}.schema.json".`,
          en: `The criteria file "${stage.criteria}" is outside the registry or in .git; it must be in the registry's folder, such as "criteria/${stage.key}.schema.json".`,
        },
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
export function folderPath(raw: string): string {
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
export function pathOutside(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').includes('..');
}

/**
 * Whether a path from the config is inside a `.git` folder, however a file system spells it: in any case (macOS and
 * Windows ignore case), with trailing dots or spaces (Windows drops them), or as its short name `GIT~1`.
 */
export function inGitFolder(p: string): boolean {
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
