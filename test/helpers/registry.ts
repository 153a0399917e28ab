/** Registries and idea files as the tests see them: read with the `yaml` package, independently of the product. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { describeRun, ideas, ok, parseJson, REPO_ROOT } from './cli.js';
import { copyRepo, git, makeTempDir, makeTempRepo } from './temp-repo.js';

export const TEMPLATES = ['sundsvall', 'helsingborg-kultur', 'skaraborg', 'minimal'] as const;
export type TemplateKey = (typeof TEMPLATES)[number];
export type Lang = 'sv' | 'en';

export interface StageConfig {
  key: string;
  folder: string;
  criteria: string;
  label: { sv: string; en: string };
}

export interface RegistryConfig {
  name: string;
  language: Lang;
  idPrefix: string;
  ideasDir: string;
  stages: StageConfig[];
}

/** A new registry made by `ideas init`, in a git repository unless `git` is false. */
export function initRegistry(template: TemplateKey, lang: Lang, opts: { git?: boolean } = {}): string {
  const dir = opts.git === false ? makeTempDir() : makeTempRepo();
  const r = ideas(['init', '--template', template, '--lang', lang], { cwd: dir });
  if (r.code !== 0) throw new Error(`ideas init failed: ${describeRun(r)}`);
  // `ideas init` stages what it writes (test/e2e/contract.test.ts holds it to that); the tests that start from this
  // registry count what their own command stages, so they start from nothing staged.
  if (opts.git !== false) git(['rm', '-r', '-q', '--cached', '--ignore-unmatch', '.'], dir);
  return dir;
}

/** A copy of a registry, so that a test can break it alone. */
export function cloneRegistry(source: string): string {
  const dir = makeTempDir();
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/** The registries `freshRegistry` copies: one `ideas init` per template, language and git, per test process. */
const templates = new Map<string, string>();

/**
 * A registry as `initRegistry` makes it, copied from one made once per test process: for the tests that start
 * from a new registry rather than test `ideas init`. The copy has its own .git (as initRegistry leaves it: nothing
 * staged, no commit), and no cache (.git/ideas-cache), so that each test reads its files as the first run would.
 */
export function freshRegistry(template: TemplateKey, lang: Lang, opts: { git?: boolean } = {}): string {
  const key = `${template}/${lang}/${String(opts.git !== false)}`;
  let source = templates.get(key);
  if (source === undefined || !fs.existsSync(source)) {
    source = initRegistry(template, lang, opts);
    templates.set(key, source);
  }
  return copyRepo(source);
}

export function readConfig(dir: string): RegistryConfig {
  return parse(fs.readFileSync(path.join(dir, 'ideas.config.yaml'), 'utf8')) as RegistryConfig;
}

/** The folder of a stage, relative to the registry, with forward slashes. */
export function stageDir(config: RegistryConfig, key?: string): string {
  const stage = key === undefined ? config.stages[0] : config.stages.find((s) => s.key === key);
  if (!stage) throw new Error(`no stage ${String(key)}`);
  return `${config.ideasDir}/${stage.folder}`;
}

export interface IdeaFile {
  data: Record<string, unknown>;
  body: string;
}

/** Splits an idea file into its front matter (parsed as YAML 1.2) and its body. */
export function parseIdeaText(text: string): IdeaFile {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`not an idea file:\n${text}`);
  return { data: parse(m[1] ?? '') as Record<string, unknown>, body: m[2] ?? '' };
}

export function readIdeaFile(dir: string, rel: string): IdeaFile {
  return parseIdeaText(fs.readFileSync(path.join(dir, rel), 'utf8'));
}

/** An idea's file, wherever it stands now, relative to the registry (ideas/<stage folder>/<id>-<slug>.md). */
export function ideaFileOf(dir: string, id: string): string {
  for (const f of fs.readdirSync(path.join(dir, 'ideas'), { recursive: true, encoding: 'utf8' })) {
    const rel = f.split(path.sep).join('/');
    if (path.basename(rel).startsWith(`${id}-`)) return `ideas/${rel}`;
  }
  throw new Error(`no file for ${id} in ${dir}`);
}

/**
 * A new idea in the first stage of a registry made from the sundsvall template, with what its gate to refinement
 * asks for but the coach (carrier, unit, challenge), and `extra` flags; its id.
 */
export function newIdeaBeforeCoach(dir: string, title: string, extra: readonly string[] = []): string {
  const fields = ['carrier=Leila Haddad', 'unit=Vård och omsorg', 'challenge=valfard'].flatMap((f) => ['--set', f]);
  const r = ok(ideas(['new', '--title', title, ...fields, ...extra, '--json'], { cwd: dir }));
  return parseJson<{ idea: { id: string } }>(r).idea.id;
}

/** Writes a file in a registry, making its folders. */
export function writeFile(dir: string, rel: string, content: string | Uint8Array): void {
  const abs = path.join(dir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}

/** An idea file with the fields in the order given (values are YAML), `created` last unless given. */
export function ideaText(fields: Record<string, string>, body = ''): string {
  const all = 'created' in fields ? fields : { ...fields, created: '2026-01-15' };
  const lines = Object.entries(all).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

/** The one idea file under a registry's ideas folder, relative to the registry (`ideas/...`): there must be one. */
export function onlyIdeaFile(dir: string): string {
  const files = markdownFiles(path.join(dir, 'ideas'));
  expect(files).toHaveLength(1);
  return `ideas/${files[0] as string}`;
}

/** The Markdown files under a folder, relative to it, with forward slashes, sorted. */
export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory() && d.name !== '.git' && d.name !== 'node_modules') walk(child);
      else if (d.isFile() && d.name.endsWith('.md')) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** Every file (not .git) with its content and modification time, to prove that a run changed nothing. */
export function snapshotFiles(dir: string): Map<string, { content: string; mtimeMs: number }> {
  const out = new Map<string, { content: string; mtimeMs: number }>();
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${d.name}` : d.name;
      if (d.name === '.git') continue;
      if (d.isDirectory()) walk(child);
      else {
        const abs = path.join(dir, child);
        out.set(child, { content: fs.readFileSync(abs, 'latin1'), mtimeMs: fs.statSync(abs).mtimeMs });
      }
    }
  };
  walk('');
  return out;
}

/** Today's date as the CLI writes it (UTC), taken before and after a run that may straddle midnight. */
export function utcDate(d = new Date()): string {
  return d.toISOString().slice(0, 10);
}

/** Every idea file of the example registries (examples/<name>/ideas/…), sorted: real front matter, as people write it. */
export function exampleIdeaFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, d.name);
      if (d.isDirectory()) walk(abs);
      else if (d.name.endsWith('.md')) out.push(abs);
    }
  };
  const examples = path.join(REPO_ROOT, 'examples');
  for (const example of fs.readdirSync(examples)) {
    const ideasDir = path.join(examples, example, 'ideas');
    if (fs.existsSync(ideasDir)) walk(ideasDir);
  }
  return out.sort();
}
