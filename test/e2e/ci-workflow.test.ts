import { spawnSync } from 'node:child_process';
import fs, { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  CI_NODE_VERSION,
  INSTALL_COMMANDS,
  PINNED_ACTIONS,
  renderGithubWorkflow,
  WORKFLOW_FILE,
  workflowPaths,
} from '../../src/core/scaffold/ci-workflow.js';
import { GITLAB_CI_FILE, gitlabPaths, renderGitlabCi } from '../../src/core/scaffold/gitlab-ci.js';
import { shellQuote } from '../../src/core/shell/quote.js';
import type { Lang } from '../../src/core/i18n/i18n.js';
import { BIN, describeRun, ideas, REPO_ROOT } from '../helpers/cli.js';
import { readConfig, stageDir } from '../helpers/registry.js';
import { git, makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** Registries at the top of the work tree and in subfolders whose names the shell and YAML must both keep whole. */
const REGISTRIES = ['', 'kommuner/sundsvall', "my org/it's a sluice", 'a: b #c', '-dash*'];
const CASES = REGISTRIES.flatMap((registry) => (['sv', 'en'] as Lang[]).map((lang) => ({ registry, lang })));

const SPEC = 'idesluss@0.1.0';

function render(registry: string, lang: Lang, packageSpec = SPEC): string {
  return renderGithubWorkflow({ lang, packageSpec, registry });
}

function renderGitlab(registry: string, lang: Lang, packageSpec = SPEC): string {
  return renderGitlabCi({ lang, packageSpec, registry });
}

/** Every form --package takes, with the characters each may hold that mean something somewhere else. */
const SPECS = [
  SPEC,
  '@kommun/idesluss@1.2.3-rc.1+build.7',
  'https://intra.kommun.se:8443/npm/idesluss-0.1.0.tgz',
  'https://example.org/a%20b/idesluss_0.1.0~1,2=3.tar.gz',
  'git+https://github.com/kommun/ideas.git#0123456789abcdef0123456789abcdef01234567',
  'file:vendor/idesluss-0.1.0.tgz',
  'file:/opt/x:y/idesluss-0.1.0.tgz',
  'file:~/x.tgz',
];

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  name?: string;
  id?: string;
  if?: string;
  run?: string;
}

interface Workflow {
  name: string;
  on: { pull_request: { paths: string[] } };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  env: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

/**
 * Runs a step's script as GitHub's runner does on Linux (bash -e), with `ideas` and `npm` functions that print their
 * arguments, one word a line.
 */
function runStep(
  script: string,
  ideasExit: number,
  env: Record<string, string> = {},
): { status: number | null; stdout: string; summary: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ideas-step-'));
  try {
    const summary = path.join(dir, 'summary.md');
    const r = spawnSync(
      'bash',
      [
        '--noprofile',
        '--norc',
        '-e',
        '-c',
        `ideas() { printf '<%s>\\n' "$@"; return ${ideasExit}; }\nnpm() { printf '[%s]\\n' "$@"; }\n${script}`,
      ],
      {
        cwd: dir,
        env: { PATH: process.env.PATH, GITHUB_STEP_SUMMARY: summary, ...env },
        encoding: 'utf8',
      },
    );
    let written = '';
    try {
      written = readFileSync(summary, 'utf8');
    } catch {
      // not written
    }
    return { status: r.status, stdout: r.stdout, summary: written };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('renderGithubWorkflow', () => {
  it.each(CASES)('registry "$registry", $lang: the structure the checks need', ({ registry, lang }) => {
    const wf = parse(render(registry, lang)) as Workflow;
    const flag = registry === '' ? [] : ['--registry', registry];
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    // A registry at the top is checked on every pull request; one in a subfolder when it or the workflow changes.
    if (registry === '') expect(wf.on.pull_request).toBeNull();
    else expect(wf.on.pull_request.paths).toContain(WORKFLOW_FILE);
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.concurrency).toEqual({
      group: 'ideas-${{ github.event.pull_request.number || github.ref }}',
      'cancel-in-progress': true,
    });
    expect(wf.env).toEqual({ IDEAS_PACKAGE: SPEC });
    const steps = Object.values(wf.jobs)[0]?.steps ?? [];
    expect(steps.slice(0, 2)).toEqual([
      { uses: PINNED_ACTIONS.checkout.uses, with: { 'fetch-depth': 0, 'persist-credentials': false } },
      {
        uses: PINNED_ACTIONS.setupNode.uses,
        with: { 'node-version': CI_NODE_VERSION, 'package-manager-cache': false },
      },
    ]);
    const [install, validate, diff, summary] = steps.slice(2);
    expect(install).toMatchObject({ id: 'install', run: `${INSTALL_COMMANDS.join('\n')}\n` });
    expect(runStep(install?.run ?? '', 0, wf.env).stdout).toBe(
      `${['install', '--global', '--no-audit', '--no-fund', SPEC].map((w) => `[${w}]\n`).join('')}<--version>\n`,
    );
    // The command lines, as the shell splits them into words.
    expect(runStep(validate?.run ?? '', 0).stdout).toBe(
      ['validate', '--changed', '--format', 'github', ...flag].map((w) => `<${w}>\n`).join(''),
    );
    expect(runStep(diff?.run ?? '', 0).stdout).toBe(
      ['diff', '--format', 'github', ...flag].map((w) => `<${w}>\n`).join(''),
    );
    expect(runStep(summary?.run ?? '', 0).summary).toBe(
      ['diff', '--format', 'md', ...flag].map((w) => `<${w}>\n`).join(''),
    );
    // The checks after the first run even when it fails, as long as the CLI was installed.
    expect(validate?.if).toBeUndefined();
    expect(diff?.if).toBe("${{ !cancelled() && steps.install.outcome == 'success' }}");
    expect(summary?.if).toBe(diff?.if);
  });

  it('writes the summary when the rules are broken (exit 1, reported by the step before), and fails on exit 2', () => {
    const wf = parse(render('', 'en')) as Workflow;
    const script = Object.values(wf.jobs)[0]?.steps.at(-1)?.run ?? '';
    expect(runStep(script, 0)).toMatchObject({ status: 0 });
    expect(runStep(script, 1)).toMatchObject({ status: 0, summary: '<diff>\n<--format>\n<md>\n' });
    expect(runStep(script, 2).status).not.toBe(0);
  });

  it('says in a comment beside the one line to change what it is pinned to, and names the package once', () => {
    for (const lang of ['sv', 'en'] as Lang[]) {
      const lines = render('', lang).split('\n');
      const at = lines.findIndex((l) => l.trim() === `IDEAS_PACKAGE: ${SPEC}`);
      expect(lines.slice(at - 3, at).join('\n')).toMatch(
        lang === 'sv' ? /låst till en enda version/ : /pinned to one build/,
      );
      expect(lines.filter((l) => l.includes(SPEC))).toHaveLength(1);
    }
  });

  it('pins each action to a full commit id, with its version in a comment', () => {
    const text = render('', 'en');
    const uses = [...text.matchAll(/^\s*- uses: (\S+)(.*)$/gm)].map((m) => [m[1], m[2]]);
    expect(uses).toEqual([
      [PINNED_ACTIONS.checkout.uses, ` # ${PINNED_ACTIONS.checkout.version}`],
      [PINNED_ACTIONS.setupNode.uses, ` # ${PINNED_ACTIONS.setupNode.version}`],
    ]);
    for (const [action] of uses) expect(action).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
    for (const { version } of Object.values(PINNED_ACTIONS)) expect(version).toMatch(/^v\d+\.\d+\.\d+$/);
  });

  it.each(SPECS)('--package %s: read back whole from the YAML, and one word to npm', (spec) => {
    for (const text of [render('', 'en', spec), renderGitlab('', 'en', spec)]) {
      const doc = parse(text) as { env?: Record<string, string>; ideas?: { variables: Record<string, string> } };
      const env = doc.env ?? doc.ideas?.variables ?? {};
      expect(env.IDEAS_PACKAGE).toBe(spec);
      expect(runStep(INSTALL_COMMANDS.join('\n'), 0, { IDEAS_PACKAGE: env.IDEAS_PACKAGE ?? '' }).stdout).toBe(
        `${['install', '--global', '--no-audit', '--no-fund', spec].map((w) => `[${w}]\n`).join('')}<--version>\n`,
      );
      expect(text.split('\n').filter((l) => l.includes(spec))).toHaveLength(1);
    }
  });

  it.each(['idesluss', 'idesluss@^0.1.0', 'idesluss@0.1.0\nrm -rf ~', '$(id)', '${{ secrets.X }}', '--registry=x'])(
    'refuses to write the spec %j at all',
    (spec) => {
      expect(() => render('', 'en', spec)).toThrow(/not a pinned package spec/);
      expect(() => renderGitlab('', 'en', spec)).toThrow(/not a pinned package spec/);
    },
  );
});

interface GitlabJob {
  image: string;
  rules: { if: string; changes: string[] }[];
  interruptible: boolean;
  timeout: string;
  variables: Record<string, string>;
  script: string[];
  artifacts: { when: string; reports: { junit: string }; paths: string[] };
}

/**
 * Runs a job's script as GitLab's runner does with bash (the lines in one shell, `set -eo pipefail`), with `ideas`,
 * `npm` and `git` functions that print their arguments; `ideas <command>` exits as `exits` says.
 */
function runGitlabScript(
  job: GitlabJob,
  exits: Record<string, number> = {},
): { status: number | null; stdout: string; files: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ideas-gitlab-'));
  try {
    const cases = Object.entries(exits)
      .map(([command, code]) => `${command}) return ${code};;`)
      .join(' ');
    const functions = [
      `ideas() { printf '<%s>\\n' "$@"; case "$1" in ${cases} esac; }`,
      `npm() { printf '[%s]\\n' "$@"; }`,
      `git() { printf '{%s}\\n' "$@"; }`,
    ].join('\n');
    const r = spawnSync(
      'bash',
      ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', `${functions}\n${job.script.join('\n')}`],
      {
        cwd: dir,
        env: { PATH: process.env.PATH, ...job.variables, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' },
        encoding: 'utf8',
      },
    );
    const files: Record<string, string> = {};
    for (const f of fs.readdirSync(dir)) files[f] = readFileSync(path.join(dir, f), 'utf8');
    return { status: r.status, stdout: r.stdout, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('renderGitlabCi', () => {
  const words = (...w: string[]) => w.map((x) => `<${x}>\n`).join('');

  it.each(CASES)('registry "$registry", $lang: the job the checks need', ({ registry, lang }) => {
    const doc = parse(renderGitlab(registry, lang)) as Record<string, GitlabJob>;
    const flag = registry === '' ? [] : ['--registry', registry];
    expect(Object.keys(doc)).toEqual(['ideas']);
    const job = doc.ideas as GitlabJob;
    expect(job.image).toBe(`node:${CI_NODE_VERSION}`);
    const changes = gitlabPaths(registry);
    expect(job.rules).toEqual([
      { if: '$CI_PIPELINE_SOURCE == "merge_request_event"', ...(changes ? { changes } : {}) },
    ]);
    expect({ interruptible: job.interruptible, timeout: job.timeout }).toEqual({
      interruptible: true,
      timeout: '15 minutes',
    });
    expect(job.variables).toEqual({ GIT_DEPTH: '0', IDEAS_PACKAGE: SPEC });
    expect(job.script.slice(0, 2)).toEqual(INSTALL_COMMANDS);
    expect(job.artifacts).toEqual({
      when: 'always',
      reports: { junit: 'ideas-validate.xml' },
      paths: ['ideas-diff.md'],
    });
    const r = runGitlabScript(job);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `${['install', '--global', '--no-audit', '--no-fund', SPEC].map((w) => `[${w}]\n`).join('')}<--version>\n` +
        `{fetch}\n{--quiet}\n{origin}\n{+refs/heads/main:refs/remotes/origin/main}\n${words('diff', ...flag)}`,
    );
    expect(r.files).toEqual({
      'ideas-validate.xml': words('validate', '--changed', '--format', 'junit', ...flag),
      'ideas-diff.md': words('diff', '--format', 'md', ...flag),
    });
  });

  it.each<[string, Record<string, number>, number]>([
    ['both pass', {}, 0],
    ['validation finds problems', { validate: 1 }, 1],
    ['the rules are broken', { diff: 1 }, 1],
    ['validation cannot run', { validate: 2 }, 1],
  ])('%s: the job exits %s... and every check and the diff file still run', (_name, exits, status) => {
    const job = (parse(renderGitlab('', 'en')) as Record<string, GitlabJob>).ideas as GitlabJob;
    const r = runGitlabScript(job, exits);
    expect(r.status).toBe(status);
    expect(Object.keys(r.files).sort()).toEqual(['ideas-diff.md', 'ideas-validate.xml']);
  });

  it('fails at once when the install fails', () => {
    const job = (parse(renderGitlab('', 'en')) as Record<string, GitlabJob>).ideas as GitlabJob;
    const r = runGitlabScript({ ...job, script: [`npm() { return 1; }`, ...job.script] });
    expect(r.status).not.toBe(0);
    expect(r.files).toEqual({});
  });

  it('says in a comment beside the one line to change what it is pinned to', () => {
    for (const lang of ['sv', 'en'] as Lang[]) {
      const lines = renderGitlab('', lang).split('\n');
      const at = lines.findIndex((l) => l.trim() === `IDEAS_PACKAGE: ${SPEC}`);
      expect(lines.slice(at - 3, at).join('\n')).toMatch(
        lang === 'sv' ? /låst till en enda version/ : /pinned to one build/,
      );
    }
  });
});

describe('workflowPaths', () => {
  it.each<[string, string[] | null]>([
    // Any file of a registry at the top may be one it reads: a criteria file the config names later, a .gitattributes.
    ['', null],
    ['kommuner/sundsvall', ['kommuner/sundsvall/**', WORKFLOW_FILE, 'kommuner/.gitattributes', '.gitattributes']],
    ['[x]*', ['\\[x\\]\\*/**', WORKFLOW_FILE, '.gitattributes']],
  ])('registry "%s": %j', (registry, expected) => {
    expect(workflowPaths(registry)).toEqual(expected);
  });

  it.each<[string, string[] | null]>([
    ['', null],
    ['kommuner/sundsvall', ['kommuner/sundsvall/**/*', GITLAB_CI_FILE, 'kommuner/.gitattributes', '.gitattributes']],
    ['{a,b}[x]*?', ['\\{a,b\\}\\[x\\]\\*\\?/**/*', GITLAB_CI_FILE, '.gitattributes']],
  ])('GitLab, registry "%s": %j', (registry, expected) => {
    expect(gitlabPaths(registry)).toEqual(expected);
  });
});

describe('shellQuote', () => {
  it.each([
    ['plain/path-1.md', 'plain/path-1.md'],
    ['with space', "'with space'"],
    ["it's", `'it'\\''s'`],
    ['$HOME', "'$HOME'"],
  ])('%s -> %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });
});

/**
 * GitHub's own workflow parser, the one behind its editor and language server, checks the workflow as GitHub
 * reads it. It is a dev dependency; until it is installed the test is skipped, and once package.json names it a
 * failure to load it fails the test rather than skipping it.
 */
const PARSER = '@actions/workflow-parser';
interface WorkflowParser {
  parseWorkflow(
    file: { name: string; content: string },
    trace: unknown,
  ): { context: { errors: { getErrors(): { message: string }[] } }; value: unknown };
  convertWorkflowTemplate(context: unknown, value: unknown): Promise<unknown>;
  NoOperationTraceWriter: new () => unknown;
}

async function loadParser(): Promise<WorkflowParser | null> {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  // The package imports its schema JSON without `with { type: 'json' }`, which Node refuses
  // (actions/languageservices#387): add the attribute for it.
  const hook = `export async function load(url, context, next) {
    return next(url, url.endsWith('.json') && url.includes('/@actions/workflow-parser/') ? { ...context, importAttributes: { ...context.importAttributes, type: 'json' } } : context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  try {
    return (await import(/* @vite-ignore */ PARSER)) as WorkflowParser;
  } catch (e) {
    if (pkg.devDependencies?.[PARSER]) throw e;
    return null;
  }
}

const parser = await loadParser();

describe.skipIf(parser === null)(`the workflow, read by ${PARSER}`, () => {
  async function check(content: string): Promise<{ errors: string[]; template: Record<string, unknown> }> {
    const p = parser as WorkflowParser;
    const parsed = p.parseWorkflow({ name: 'ideas.yml', content }, new p.NoOperationTraceWriter());
    const errors = parsed.context.errors.getErrors().map((e) => e.message);
    const template =
      parsed.value === undefined
        ? {}
        : (JSON.parse(JSON.stringify(await p.convertWorkflowTemplate(parsed.context, parsed.value))) as Record<
            string,
            unknown
          >);
    return { errors, template };
  }

  it.each(CASES)('registry "$registry", $lang: valid, with the steps in order', async ({ registry, lang }) => {
    const { errors, template } = await check(render(registry, lang));
    expect(errors).toEqual([]);
    expect(template.errors).toBeUndefined();
    const jobs = template.jobs as { id: string; steps: { uses?: string; run?: string }[] }[];
    expect(jobs.map((j) => j.id)).toEqual(['ideas']);
    expect(jobs[0]?.steps.map((s) => s.uses ?? s.run?.split(' ').slice(0, 3).join(' '))).toEqual([
      PINNED_ACTIONS.checkout.uses,
      PINNED_ACTIONS.setupNode.uses,
      'npm install --global',
      'ideas validate --changed',
      'ideas diff --format',
      'ideas diff --format',
    ]);
  });

  it('finds the mistakes a hand edit makes, so that a pass means something', async () => {
    const good = render('', 'en');
    const broken = [
      good.replace('contents: read', 'contents: reed'),
      good.replace('runs-on:', 'run-on:'),
      good.replace('pull_request:', 'pull_requests:'),
      good.replace("== 'success' }}", "== 'success' }"),
    ];
    for (const content of broken) expect((await check(content)).errors, content).not.toEqual([]);
  });
});

/**
 * The steps of the workflow init writes, run as GitHub's runner runs them (bash -e, GITHUB_BASE_REF and
 * GITHUB_STEP_SUMMARY set) on a pull request branch, against the real CLI. `validate --changed` and `diff` are built
 * on other branches: until the CLI has them this is skipped, and after the merge it checks that the pieces fit.
 */
const hasChecks =
  ideas(['diff', '--help'], { cwd: os.tmpdir() }).code === 0 &&
  ideas(['validate', '--help'], { cwd: os.tmpdir() }).stdout.includes('--changed');

describe.skipIf(!hasChecks)("the workflow's steps, run on a pull request branch", () => {
  /** A repository whose main has the registry (and what `before` adds), and a branch `idea` with `change` committed. */
  function pullRequest(
    change: (dir: string, before: string) => void,
    before: (dir: string) => string = () => '',
  ): { validate: number | null; diff: number | null; summaryStep: number | null; summary: string; output: string } {
    const dir = makeTempRepo();
    const init = ideas(['init', '--template', 'minimal', '--lang', 'en'], { cwd: dir });
    expect(init.code, describeRun(init)).toBe(0);
    const made = before(dir);
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'The registry'], dir);
    git(['checkout', '-q', '-b', 'idea'], dir);
    change(dir, made);
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'The change'], dir);

    const bin = makeTempDir('ideas-bin-');
    fs.writeFileSync(path.join(bin, 'ideas'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, { mode: 0o755 });
    const summaryFile = path.join(bin, 'summary.md');
    const steps =
      (parse(fs.readFileSync(path.join(dir, WORKFLOW_FILE), 'utf8')) as Workflow).jobs.ideas?.steps.slice(3) ?? [];
    const env = {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      CI: 'true',
      NO_COLOR: '1',
      GITHUB_ACTIONS: 'true',
      GITHUB_BASE_REF: 'main',
      GITHUB_STEP_SUMMARY: summaryFile,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: os.devNull,
    };
    const runs = steps.map((step) =>
      spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', step.run ?? 'false'], {
        cwd: dir,
        env,
        encoding: 'utf8',
      }),
    );
    const summary = fs.existsSync(summaryFile) ? fs.readFileSync(summaryFile, 'utf8') : '';
    return {
      validate: runs[0]?.status ?? null,
      diff: runs[1]?.status ?? null,
      summaryStep: runs[2]?.status ?? null,
      summary,
      output: runs.map((r) => `${r.stdout}${r.stderr}`).join('\n---\n'),
    };
  }

  const newIdea = (title: string) => (dir: string) => {
    const r = ideas(['new', '--no-input', '--title', title], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    return r.stdout.trim();
  };

  it('a good new idea: every step passes, and the summary is written', () => {
    const r = pullRequest(newIdea('Lånecykel'));
    expect({ validate: r.validate, diff: r.diff, summaryStep: r.summaryStep }, r.output).toEqual({
      validate: 0,
      diff: 0,
      summaryStep: 0,
    });
    expect(r.summary).not.toBe('');
  });

  it('a broken idea: validation fails the job, and the rules and the summary still run', () => {
    const r = pullRequest((dir) => {
      const file = newIdea('Lånecykel')(dir);
      fs.writeFileSync(
        path.join(dir, file),
        fs.readFileSync(path.join(dir, file), 'utf8').replace(/^title: .*$/m, 'title: 42'),
      );
    });
    expect(r.validate, r.output).toBe(1);
    expect(r.output).toMatch(/^::error /m);
    expect(r.summaryStep, r.output).toBe(0);
    expect(r.summary).not.toBe('');
  });

  it("a council's forced approval: every step passes, the override shown as a warning to review", () => {
    const r = pullRequest(
      (dir, file) => {
        const id = path.basename(file).split('-').slice(0, 2).join('-');
        const d = ideas(['decide', id, '-d', 'approve', '--reason', 'Rådet vill', '--by', 'Idérådet', '--force'], {
          cwd: dir,
        });
        expect(d.code, describeRun(d)).toBe(0);
      },
      (dir) => {
        // The gate to doing asks for a coach, which the new idea has not.
        fs.writeFileSync(
          path.join(dir, 'criteria/doing.schema.json'),
          JSON.stringify({ type: 'object', required: ['coach'], properties: { coach: { type: 'string' } } }),
        );
        return newIdea('Lånecykel')(dir);
      },
    );
    expect({ validate: r.validate, diff: r.diff, summaryStep: r.summaryStep }, r.output).toEqual({
      validate: 0,
      diff: 0,
      summaryStep: 0,
    });
    expect(r.output).toMatch(/^::warning .*override.*Idérådet/m);
    expect(r.output).not.toMatch(/^::error /m);
  });

  it('an idea moved past a stage without a history entry: the rules step fails the job, the summary is written', () => {
    const r = pullRequest(
      (dir, file) => git(['mv', file, `${stageDir(readConfig(dir), 'done')}/${path.basename(file)}`], dir),
      newIdea('Lånecykel'),
    );
    expect(r.diff, r.output).toBe(1);
    expect(r.summaryStep, r.output).toBe(0);
    expect(r.summary).not.toBe('');
  });
});

describe.skipIf(!hasChecks)("the GitLab job's script, run on a merge request branch", () => {
  /**
   * A clone like GitLab's runner makes for a merge request: the branch `idea` with `change` committed, `origin` the
   * project, and no local `main`, so the checks find the target only if the script fetches it.
   */
  function mergeRequest(change: (dir: string) => void): { status: number | null; files: string[]; output: string } {
    const dir = makeTempRepo();
    const init = ideas(['init', '--template', 'minimal', '--lang', 'en', '--ci', 'gitlab'], { cwd: dir });
    expect(init.code, describeRun(init)).toBe(0);
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'The registry'], dir);
    const origin = path.join(makeTempDir('ideas-origin-'), 'project.git');
    git(['clone', '-q', '--bare', dir, origin], dir);
    git(['remote', 'add', 'origin', origin], dir);
    git(['checkout', '-q', '-b', 'idea'], dir);
    git(['branch', '-q', '-D', 'main'], dir);
    change(dir);
    git(['add', '-A'], dir);
    git(['commit', '-q', '-m', 'The change'], dir);

    const bin = makeTempDir('ideas-bin-');
    fs.writeFileSync(path.join(bin, 'ideas'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, { mode: 0o755 });
    const job = (parse(fs.readFileSync(path.join(dir, GITLAB_CI_FILE), 'utf8')) as Record<string, GitlabJob>).ideas;
    // After the install lines, which the real install test (ci-install.test.ts) runs.
    const script = job?.script.slice(2).join('\n') ?? 'false';
    const r = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', script], {
      cwd: dir,
      env: {
        ...process.env,
        ...job?.variables,
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        CI: 'true',
        NO_COLOR: '1',
        GITLAB_CI: 'true',
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: os.devNull,
      },
      encoding: 'utf8',
    });
    const files = ['ideas-validate.xml', 'ideas-diff.md'].filter((f) => fs.existsSync(path.join(dir, f)));
    const report = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n---\n');
    return { status: r.status, files, output: `${r.stdout}${r.stderr}\n---\n${report}` };
  }

  const newIdea = (dir: string) => {
    const r = ideas(['new', '--no-input', '--title', 'Lånecykel'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    return r.stdout.trim();
  };

  it('a good new idea: the job passes, with the JUnit report and the diff written', () => {
    const r = mergeRequest(newIdea);
    expect(r.status, r.output).toBe(0);
    expect(r.files).toEqual(['ideas-validate.xml', 'ideas-diff.md']);
    expect(r.output).toContain('<testsuite');
    expect(r.output).toContain('Lånecykel');
  });

  it('a broken idea: the job fails, the report names it, and the diff is written all the same', () => {
    const r = mergeRequest((dir) => {
      const file = newIdea(dir);
      fs.writeFileSync(
        path.join(dir, file),
        fs.readFileSync(path.join(dir, file), 'utf8').replace(/^title: .*$/m, 'title: 42'),
      );
    });
    expect(r.status, r.output).toBe(1);
    expect(r.files).toEqual(['ideas-validate.xml', 'ideas-diff.md']);
    expect(r.output).toContain('<failure');
  });
});

describe('docs/ci.md', () => {
  it('shows the GitLab job that `ideas init --ci gitlab` writes, as it writes it', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'ci.md'), 'utf8');
    const from = readme.indexOf('**GitLab.** `ideas init --ci gitlab`');
    const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(from))?.[1];
    const dir = makeTempRepo();
    const r = ideas(['init', '--template', 'minimal', '--lang', 'en', '--ci', 'gitlab'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(block).toBe(fs.readFileSync(path.join(dir, GITLAB_CI_FILE), 'utf8'));
  });
});
