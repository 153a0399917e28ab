import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { noPromptReason, type CommonOptions, type Ctx } from '../context.js';
import { CONFIG_FILE, normalizeConfig, type RegistryConfig } from '../core/sluice/config.js';
import { IdeasError } from '../core/errors.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import { DEFAULT_TEMPLATE, TEMPLATES, templateByKey, type Template } from '../core/scaffold/templates.js';
import { createFileExclusive, safeUnlink } from '../io/atomic-file.js';
import { toPosix } from '../io/idea-files.js';
import { chooseLang } from '../core/i18n/lang-choice.js';
import { renderGithubWorkflow, WORKFLOW_FILE } from '../core/scaffold/ci-workflow.js';
import { gitTopLevel } from '../io/git.js';

export interface InitOptions extends CommonOptions {
  dir?: string;
  template?: string;
  /** False (--no-ci): no CI workflow. */
  ci?: boolean;
}

export interface InitResult {
  kind: 'registry-created';
  lang: Lang;
  root: string;
  name: string;
  template: string;
  /** Relative to the registry root, with forward slashes. */
  files: string[];
  /** The GitHub Actions workflow, relative to the registry root: written, left alone because it exists, or off (--no-ci). */
  ci: { file: string | null; status: 'written' | 'exists' | 'off' };
}

const examplesRoot = new URL('../../examples/', import.meta.url);

export async function runInit(opts: InitOptions, ctx: Ctx): Promise<InitResult> {
  const root = path.resolve(ctx.cwd, opts.dir ?? '.');
  // A new registry is Swedish unless told otherwise: the product is made for Swedish municipalities first.
  const lang: Lang = opts.lang ?? 'sv';
  const uiLang = chooseLang(opts.lang, null, ctx.env);
  if (existsSync(path.join(root, CONFIG_FILE))) {
    throw new IdeasError('REGISTRY_EXISTS', 'err.registryExists', { dir: root });
  }
  const template = await chooseTemplate(opts, ctx, uiLang);
  const exampleDir = new URL(`${template.example}/`, examplesRoot);
  const configText = readFileSync(new URL(CONFIG_FILE, exampleDir), 'utf8');
  const doc = parseDocument(configText);
  doc.set('language', lang);
  doc.set('name', template.name[lang]);
  const config = normalizeConfig(doc.toJS() as Record<string, unknown>);

  const files = new Map<string, string>();
  files.set(CONFIG_FILE, doc.toString({ lineWidth: 0 }));
  for (const stage of config.stages) {
    files.set(stage.criteria, readFileSync(new URL(stage.criteria, exampleDir), 'utf8'));
    files.set(`${config.ideasDir}/${stage.folder}/.gitkeep`, '');
  }
  const existing = [...files.keys()].filter((f) => existsSync(path.join(root, f)));
  if (existing.length > 0) throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: existing.join(', ') });
  const workflow = opts.ci === false ? null : await planWorkflow(root, lang, config);
  // An existing workflow is the team's own: never overwritten, and no reason to refuse the registry.
  const ci: InitResult['ci'] =
    workflow === null
      ? { file: null, status: 'off' }
      : { file: workflow.rel, status: exists(workflow.abs) ? 'exists' : 'written' };
  if (workflow && ci.status === 'written') files.set(workflow.rel, workflow.text);

  // All or nothing: a failure part-way removes what this run wrote.
  const written: string[] = [];
  const madeDirs: string[] = [];
  try {
    for (const [rel, content] of files) {
      const abs = workflow !== null && rel === workflow.rel ? workflow.abs : path.join(root, rel);
      for (let dir = path.dirname(abs); !existsSync(dir); dir = path.dirname(dir)) madeDirs.push(dir);
      mkdirSync(path.dirname(abs), { recursive: true });
      createFileExclusive(abs, content);
      written.push(abs);
    }
  } catch (e) {
    for (const abs of written.reverse()) safeUnlink(abs);
    for (const dir of madeDirs.sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty or gone
      }
    }
    throw new IdeasError('IO', 'err.writeFile', { file: root, reason: (e as Error).message }, { cause: e });
  }
  return {
    kind: 'registry-created',
    lang,
    root,
    name: config.name,
    template: template.key,
    files: [...files.keys()].map(toPosix),
    ci,
  };
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The workflow goes to the top of the git work tree the registry is in (GitHub reads workflows only there), or to
 * the registry's own folder when it is not in git yet; a registry in a subfolder is named with --registry.
 */
async function planWorkflow(
  root: string,
  lang: Lang,
  config: RegistryConfig,
): Promise<{ abs: string; rel: string; text: string }> {
  let existing = root;
  while (!existsSync(existing)) existing = path.dirname(existing);
  // git prints the top with symbolic links resolved: resolve the root the same way before comparing.
  const real = path.join(realpathSync(existing), path.relative(existing, root));
  const top = await gitTopLevel(existing);
  const base = top !== null && !path.relative(top, real).startsWith('..') ? top : real;
  const abs = path.join(base, WORKFLOW_FILE);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
  const text = renderGithubWorkflow({
    lang,
    packageSpec: `${pkg.name}@${pkg.version}`,
    registry: toPosix(path.relative(base, real)),
    config,
  });
  return { abs, rel: toPosix(path.relative(real, abs)), text };
}

async function chooseTemplate(opts: InitOptions, ctx: Ctx, lang: Lang): Promise<Template> {
  if (opts.template) {
    const found = templateByKey(opts.template);
    if (!found)
      throw new IdeasError('USAGE', 'err.unknownTemplate', {
        template: opts.template,
        templates: TEMPLATES.map((x) => x.key).join(', '),
      });
    return found;
  }
  const fallback = templateByKey(DEFAULT_TEMPLATE) as Template;
  if (noPromptReason(ctx, opts) !== null) return fallback;
  const prompter = await ctx.prompter(lang);
  const key = await prompter.select({
    message: t(lang, 'prompt.template'),
    choices: TEMPLATES.map((x) => ({ value: x.key, name: `${x.key.padEnd(20)} ${x.description[lang]}` })),
    default: DEFAULT_TEMPLATE,
  });
  return templateByKey(key) ?? fallback;
}
