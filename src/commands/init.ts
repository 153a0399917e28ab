import path from 'node:path';
import { parseDocument } from 'yaml';
import { noPromptReason, type CommonOptions, type Ctx } from '../context.js';
import { CONFIG_FILE, normalizeConfig, type RegistryConfig } from '../core/sluice/config.js';
import { IdeasError } from '../core/errors.js';
import { localize, t, type Lang, type MessageKey } from '../core/i18n/i18n.js';
import { withIgnoreLine } from '../core/scaffold/gitignore.js';
import { DEFAULT_TEMPLATE, TEMPLATES, templateByKey, type Template } from '../core/scaffold/templates.js';
import { fsError } from '../io/fs-error.js';
import { createFilesAllOrNothing, writeFileAtomic } from '../io/atomic-file.js';
import { entryExists, holdsExactly, nearestExisting, pathExists, readTextIfExists, realPath } from '../io/files.js';
import { ownPackage, readExampleFile } from '../io/package-files.js';
import { toPosix } from '../io/idea-files.js';
import { linkOnTheWay } from '../io/registry.js';
import { renderGithubWorkflow, WORKFLOW_FILE } from '../core/scaffold/ci-workflow.js';
import { GITLAB_CI_FILE, renderGitlabCi } from '../core/scaffold/gitlab-ci.js';
import { checkPackageSpec, showPackageSpec, type PackageSpecProblem } from '../core/scaffold/package-spec.js';
import { git, requireCommitter, gitTopLevel } from '../io/git.js';
import { scratchFolder } from '../io/lock.js';
import { shellCommand } from '../core/shell/quote.js';
import { localizeConfigComments, localizeStageFolders } from '../core/scaffold/config-comments.js';

export interface InitOptions extends CommonOptions {
  dir?: string;
  template?: string;
  /** Which CI file to write (--ci): github (the default), gitlab or none; false is --no-ci. */
  ci?: string | boolean;
  /** What the CI file installs (--package): by default this tool's own npm package at its running version. */
  package?: string;
  /** Commit the files written (--commit): refused, before anything is written, outside git or without an identity. */
  commit?: boolean;
}

const CI_PROVIDERS = ['github', 'gitlab', 'none'] as const;
export type CiProvider = 'github' | 'gitlab';

export interface InitResult {
  kind: 'registry-created';
  lang: Lang;
  root: string;
  name: string;
  template: string;
  /** Relative to the registry root, with forward slashes. */
  files: string[];
  /**
   * The CI file, relative to the registry root: written, left alone because it exists, or off (--no-ci); which CI
   * it is for, and the package spec its install line has (or would have had).
   */
  ci: {
    file: string | null;
    status: 'written' | 'exists' | 'off';
    provider: CiProvider | null;
    package: string | null;
  };
  /** The .gitignore that keeps the site's output out of git: made, a line added to the team's own, or already there. */
  gitignore: 'created' | 'appended' | 'present';
  /** Whether the files are in a git work tree and were staged (git add of exactly them), and the commit made. */
  git: { repository: boolean; staged: boolean; commit: string | null; message: string };
}

export async function runInit(opts: InitOptions, ctx: Ctx): Promise<InitResult> {
  const root = path.resolve(ctx.cwd, opts.dir ?? '.');
  // A new registry is Swedish unless told otherwise: the product is made for Swedish municipalities first.
  const lang: Lang = opts.lang ?? 'sv';
  const configPath = path.join(root, CONFIG_FILE);
  if (pathExists(configPath)) {
    throw new IdeasError('REGISTRY_EXISTS', 'err.registryExists', { dir: root });
  }
  // A link to nothing in the config's place: the registry's rules are read only from a regular file.
  const configLink = linkOnTheWay(root, CONFIG_FILE);
  if (configLink && configLink.link === CONFIG_FILE)
    throw new IdeasError(
      'CONFIG_INVALID',
      'err.configSymlink',
      { file: CONFIG_FILE, target: configLink.target },
      { hint: 'hint.configSymlink' },
    );
  const provider = ciProvider(opts.ci);
  const spec = packageSpec(opts.package, provider);
  const top = await gitTopLevel(nearestExisting(root));
  if (opts.commit) await checkCanCommit(top, root, ctx);
  // Its questions speak the new registry's language, as every command in it will.
  const template = await chooseTemplate(opts, ctx, lang);
  const configText = readExampleFile(template.example, CONFIG_FILE);
  const doc = parseDocument(configText);
  doc.set('language', lang);
  doc.set('name', template.name[lang]);
  localizeConfigComments(doc, lang, template.name[lang]);
  localizeStageFolders(doc, lang);
  if (template.idPrefix) doc.set('idPrefix', template.idPrefix[lang]);
  const config = normalizeConfig(doc.toJS() as Record<string, unknown>);

  const files = new Map<string, string>();
  files.set(CONFIG_FILE, doc.toString({ lineWidth: 0 }));
  for (const stage of config.stages) {
    files.set(stage.criteria, readExampleFile(template.example, stage.criteria));
    files.set(`${config.ideasDir}/${stage.folder}/.gitkeep`, '');
  }
  // A file that already holds exactly what it would get is left as it is (`inPlace`): what an `ideas init` killed
  // part-way wrote before it came to the config, which is written last, so that running it again finishes the
  // registry. Any other file there is the team's own, and refused.
  const inPlace = new Set<string>();
  const existing: string[] = [];
  for (const [rel, text] of files) {
    const abs = path.join(root, rel);
    if (holdsExactly(abs, text)) inPlace.add(rel);
    else if (entryExists(abs)) existing.push(rel);
  }
  if (existing.length > 0) throw new IdeasError('FILE_EXISTS', 'err.filesExist', { files: existing.join(', ') });
  const workflow = provider === null || spec === null ? null : await planCi(root, lang, config, provider, spec);
  if (workflow && holdsExactly(workflow.abs, workflow.text)) inPlace.add(workflow.rel);
  // An existing CI file is the team's own: never overwritten, and no reason to refuse the registry.
  const ciKept = workflow !== null && !inPlace.has(workflow.rel) && entryExists(workflow.abs);
  const ci: InitResult['ci'] =
    workflow === null
      ? { file: null, status: 'off', provider: null, package: null }
      : { file: workflow.rel, status: ciKept ? 'exists' : 'written', provider, package: spec };
  if (workflow && ci.status === 'written') files.set(workflow.rel, workflow.text);

  // The site (`ideas site`) is built from the ideas: output, not a source, so it stays out of the repository.
  const ignoreFile = path.join(root, GITIGNORE);
  const ignoreBefore = readTextIfExists(ignoreFile);
  const ignoreAfter = withIgnoreLine(ignoreBefore, SITE_IGNORE);
  // One that holds only the site's line is this command's own, from a run killed before it wrote the config.
  if (holdsExactly(ignoreFile, withIgnoreLine(null, SITE_IGNORE))) inPlace.add(GITIGNORE);
  const gitignore =
    ignoreBefore === null || inPlace.has(GITIGNORE) ? 'created' : ignoreAfter === ignoreBefore ? 'present' : 'appended';
  if (gitignore === 'created') files.set(GITIGNORE, ignoreAfter);

  refuseLinkedFolders(
    root,
    [...files.keys()].filter((rel) => rel !== workflow?.rel),
  );
  if (workflow && ci.status === 'written') {
    const base = top ?? root;
    refuseLinkedFolders(base, [path.relative(base, workflow.abs)]);
  }

  // All or nothing: a failure part-way removes what this run wrote. The config last: until it is there, there is no
  // registry, and `ideas init` may be run again.
  const absFiles = [...files]
    .filter(([rel]) => !inPlace.has(rel))
    .sort(([a], [b]) => Number(a === CONFIG_FILE) - Number(b === CONFIG_FILE))
    .map(
      ([rel, content]) =>
        [workflow !== null && rel === workflow.rel ? workflow.abs : path.join(root, rel), content] as const,
    );
  try {
    // In a repository, the temporary files are written in its git folder: a killed run leaves none in the work tree.
    const scratch = top === null ? undefined : await scratchFolder(nearestExisting(root));
    createFilesAllOrNothing(
      absFiles,
      () => {
        if (gitignore === 'appended') writeFileAtomic(ignoreFile, ignoreAfter, undefined, scratch);
      },
      scratch,
    );
  } catch (e) {
    // In the catalogue's words, naming the file the system refused (Node's own message is English, and may name
    // the machine's absolute path).
    throw fsError(e, root);
  }
  const listed = [...files.keys()];
  if (gitignore === 'appended') listed.push(GITIGNORE);
  const message = t(lang, 'init.commitMessage', { name: config.name });
  const staged = top !== null && (await stage(root, listed));
  const commit = opts.commit && staged ? await commitFiles(root, listed, message) : null;
  return {
    kind: 'registry-created',
    lang,
    root,
    name: config.name,
    template: template.key,
    files: listed.map(toPosix),
    ci,
    gitignore,
    git: { repository: top !== null, staged, commit, message },
  };
}

/**
 * A folder on the way to a file the registry is made of (`ideas/`, `criteria/`, `.github/`) that is a symbolic link
 * would have init write where it leads, outside the registry, and every command after it refuses such a folder: a
 * cloned repository may carry one. Refused, before anything is written.
 */
function refuseLinkedFolders(base: string, files: readonly string[]): void {
  for (const rel of files) {
    const folder = path.dirname(rel);
    if (folder === '.' || folder.startsWith('..')) continue;
    const link = linkOnTheWay(base, folder);
    if (link)
      throw new IdeasError(
        'CONFIG_INVALID',
        'err.folderSymlink',
        { folder: toPosix(link.link), target: link.target },
        { hint: 'hint.folderSymlink' },
      );
  }
}

const GITIGNORE = '.gitignore';
/** The site's default folder (DEFAULT_SITE_DIR in commands/site.ts), anchored to the registry's folder. */
const SITE_IGNORE = '/site/';

/**
 * --commit needs a repository and someone to commit as: refused before anything is written, with git's own remedy
 * for a missing identity, rather than leaving a coordinator with written files and a failed commit.
 */
async function checkCanCommit(top: string | null, root: string, ctx: Ctx): Promise<void> {
  if (top === null) {
    throw new IdeasError(
      'GIT',
      'err.initCommitNoRepo',
      { dir: root },
      {
        hint: 'hint.initCommitNoRepo',
        hintParams: { init: shellCommand(['git', 'init', path.relative(ctx.cwd, root) || '.']) },
      },
    );
  }
  await requireCommitter(top);
}

/** `git add` of exactly the files written; false when git refuses (a file the team's .gitignore ignores). */
async function stage(root: string, files: string[]): Promise<boolean> {
  try {
    await git(['add', '--', ...files], root);
    return true;
  } catch {
    return false;
  }
}

/** Commits exactly the files written (nothing else the user had staged), and returns the commit's short id. */
async function commitFiles(root: string, files: string[], message: string): Promise<string> {
  await git(['commit', '--quiet', '-m', message, '--only', '--', ...files], root);
  return (await git(['rev-parse', '--short', 'HEAD'], root)).stdout.trim();
}

function ciProvider(ci: InitOptions['ci']): CiProvider | null {
  if (ci === undefined || ci === true || ci === 'github') return 'github';
  if (ci === false || ci === 'none') return null;
  if (ci === 'gitlab') return ci;
  throw new IdeasError('USAGE', 'err.unknownCi', { ci: showPackageSpec(ci), choices: CI_PROVIDERS.join(', ') });
}

const SPEC_PROBLEMS: Record<PackageSpecProblem, MessageKey> = {
  chars: 'why.specChars',
  notPinned: 'why.specNotPinned',
  gitNotPinned: 'why.specGitNotPinned',
  insecure: 'why.specInsecure',
  credentials: 'why.specCredentials',
  unknown: 'why.specUnknown',
};

/**
 * The spec the CI file installs: --package, checked, or this package at the version that is running, so that CI
 * checks with the tool the registry was made with, never with what a name points to on the day of a pull request.
 */
function packageSpec(given: string | undefined, provider: CiProvider | null): string | null {
  if (given !== undefined && provider === null) throw new IdeasError('USAGE', 'err.packageWithoutCi');
  if (provider === null) return null;
  const spec = given ?? ownPackageSpec();
  const check = checkPackageSpec(spec);
  if (!check.ok) {
    throw new IdeasError(
      'USAGE',
      'err.packageSpec',
      { spec: showPackageSpec(spec), why: localize(SPEC_PROBLEMS[check.problem]) },
      { hint: 'hint.packageSpec' },
    );
  }
  return spec;
}

/** `name@version` of the package this code is part of, from its package.json, wherever it is installed. */
function ownPackageSpec(): string {
  const pkg = ownPackage();
  return `${pkg.name}@${pkg.version}`;
}

/**
 * The CI file goes to the top of the git work tree the registry is in (GitHub and GitLab read it only there), or to
 * the registry's own folder when it is not in git yet; a registry in a subfolder is named with --registry.
 */
async function planCi(
  root: string,
  lang: Lang,
  config: RegistryConfig,
  provider: CiProvider,
  packageSpec: string,
): Promise<{ abs: string; rel: string; text: string }> {
  const existing = nearestExisting(root);
  // git prints the top with symbolic links resolved: resolve the root the same way before comparing.
  const real = path.join(realPath(existing), path.relative(existing, root));
  const top = await gitTopLevel(existing);
  const base = top !== null && !path.relative(top, real).startsWith('..') ? top : real;
  const abs = path.join(base, provider === 'gitlab' ? GITLAB_CI_FILE : WORKFLOW_FILE);
  const options = { lang, packageSpec, registry: toPosix(path.relative(base, real)) };
  const text = provider === 'gitlab' ? renderGitlabCi(options) : renderGithubWorkflow(options);
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
