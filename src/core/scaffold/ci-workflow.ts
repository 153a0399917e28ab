/**
 * The GitHub Actions workflow that `ideas init` writes: on every pull request (in a subfolder, every one that touches the registry) it runs
 * `ideas validate --changed` and `ideas diff`, and writes the diff as the job's summary. Pure text, so that a test
 * can check it with GitHub's own workflow parser.
 */
import type { Lang, Localized } from '../i18n/i18n.js';
import { checkPackageSpec, showPackageSpec } from './package-spec.js';
import { shellQuote } from '../shell/quote.js';

/** Where the workflow goes, relative to the top of the git work tree (or of the registry, outside git). */
export const WORKFLOW_FILE = '.github/workflows/ideas.yml';

/**
 * The actions the workflow uses, pinned to the commit of a release (a tag can be moved to other code, a commit
 * cannot), as GitHub's security hardening guide advises; Dependabot updates the commit and the version comment.
 * Releases that run on Node 24: GitHub retires the Node 20 runtime of the v4 releases.
 */
export const PINNED_ACTIONS = {
  checkout: { uses: 'actions/checkout@d23441a48e516b6c34aea4fa41551a30e30af803', version: 'v6.1.0' },
  setupNode: { uses: 'actions/setup-node@249970729cb0ef3589644e2896645e5dc5ba9c38', version: 'v6.5.0' },
} as const;

/** The Node.js major version CI runs ideas on: the active LTS line (Node 20 reached its end of life in April 2026). */
export const CI_NODE_VERSION = 24;

/**
 * The install lines of both CI files: the one exact spec, from the variable, then the version it gave, for the log.
 * Two commands, not `a && b`: a shell with -e (as both runners use) does not stop at a failure left of `&&`.
 */
export const INSTALL_COMMANDS = ['npm install --global --no-audit --no-fund "$IDEAS_PACKAGE"', 'ideas --version'];

export interface WorkflowOptions {
  lang: Lang;
  /** What `npm install --global` gets, checked by checkPackageSpec: such as `idesluss@0.1.0`. */
  packageSpec: string;
  /** The registry's folder relative to the work tree's top, with forward slashes; '' when it is the top. */
  registry: string;
}

/** The comment above the install variable, in both CI files. */
export const INSTALL_TEXT: Record<Lang, string[]> = {
  sv: [
    'Varifrån kommandot ideas installeras, låst till en enda version: npm-paketet idesluss i exakt den version som',
    'skrev filen (idesluss@x.y.z), adressen till en .tgz, git+https://…#<hela commit-id:t> eller file:<sökväg>.',
    'Den enda raden att ändra, när ni uppgraderar (ideas init --package skriver en annan).',
  ],
  en: [
    'Where the ideas command line is installed from, pinned to one build: the npm package idesluss at exactly the',
    'version that wrote this file (idesluss@x.y.z), the address of a .tgz, git+https://…#<full commit id>, or file:<path>.',
    'The one line to change, when you upgrade (ideas init --package writes another).',
  ],
};

const TEXT = {
  header: {
    sv: [
      'Kontrollerar idéslussen i varje pull request som ändrar den, med kommandot ideas:',
      '  ideas validate --changed   de ändrade idéfilerna mot stegens kriterier, som anteckningar på raderna',
      '  ideas diff                 slussens regler: inga överhoppade steg, en historikrad för varje flytt,',
      '                             ingen omskriven historik, inga raderade idéer, inga återanvända id',
      'Jobbet misslyckas när någon av dem hittar fel; sammanfattningen skrivs ändå. Skrivet av `ideas init`: ändra fritt.',
    ],
    en: [
      'Checks the idea sluice in every pull request that changes it, with the ideas command line:',
      "  ideas validate --changed   the changed idea files against their stage's criteria, as annotations on the lines",
      "  ideas diff                 the sluice's rules: no skipped stage, a history entry for every move,",
      '                             no rewritten history, no deleted idea, no reused id',
      'The job fails when either finds a problem; the summary is written all the same. Written by `ideas init`: yours to change.',
    ],
  },
  install: INSTALL_TEXT,
  fetchDepth: {
    sv: 'hela historiken: kontrollerna jämför med grenen som pull requesten ska in i',
    en: 'the whole history: the checks compare with the branch the pull request targets',
  },
  credentials: {
    sv: 'ingen token kvar i klonen för stegen efter',
    en: 'no token left in the clone for the steps after',
  },
  actions: {
    sv: 'Åtgärderna är låsta till en commit (versionen står efter #): en flyttad tagg ändrar dem inte.',
    en: 'The actions are pinned to a commit (the version after #): a moved tag does not change them.',
  },
  summaryWhy: {
    sv: 'Slutkod 1 (brutna regler) visades redan av steget ovan; sammanfattningen skrivs ändå.',
    en: 'Exit 1 (rules broken) was reported by the step above; the summary is written all the same.',
  },
  workflow: { sv: 'Idésluss', en: 'Idea sluice' },
  job: { sv: 'Idéfilerna', en: 'Idea files' },
  stepInstall: { sv: 'Installera ideas', en: 'Install ideas' },
  stepValidate: { sv: 'Kontrollera de ändrade idéfilerna', en: 'Check the changed idea files' },
  stepDiff: { sv: 'Kontrollera slussens regler', en: "Check the sluice's rules" },
  stepSummary: { sv: 'Sammanfattning', en: 'Summary' },
} satisfies Record<string, Localized | Record<Lang, string[]>>;

/** A YAML scalar: plain when that reads back as the same text, else double-quoted (JSON's strings are YAML's too). */
export function yamlScalar(value: string): string {
  const plain =
    /^[\p{L}\p{N}_./$]/u.test(value) &&
    !/: |:$| #|[\t\n\r]|\s$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?\.(inf|nan)|[-+.\d][\d._:eE+-]*)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** A path for a `paths:` filter, where `*`, `?`, `[`, `]`, `!` and `+` are pattern characters. */
function literalPattern(p: string): string {
  return p.replace(/[*?[\]!+\\]/g, (c) => `\\${c}`);
}

/** A file or folder whose change starts the CI job, relative to the work tree's top, as it is (no pattern). */
export interface WatchedPath {
  path: string;
  folder: boolean;
}

/**
 * What a change to starts the CI job, or null for every change. A registry at the work tree's top is all of it:
 * any file may be one it reads (a criteria file the config will name later, a `.gitattributes` in any folder, which
 * changes what git checks out), so every pull request is checked. A registry in a subfolder reads nothing outside
 * its folder (the config refuses criteria that lead out), but git's attributes apply from the top down: its folder,
 * the CI file, and the `.gitattributes` of every folder above it.
 */
export function watchedPaths(registry: string, ciFile: string): WatchedPath[] | null {
  if (registry === '') return null;
  const above = registry.split('/').slice(0, -1);
  return [
    { path: registry, folder: true },
    { path: ciFile, folder: false },
    ...above.map((_, i) => ({ path: [...above.slice(0, i + 1), '.gitattributes'].join('/'), folder: false })),
    { path: '.gitattributes', folder: false },
  ];
}

/** The files whose change triggers the workflow, relative to the work tree's top; null for every change. */
export function workflowPaths(registry: string): string[] | null {
  const watched = watchedPaths(registry, WORKFLOW_FILE);
  if (!watched) return null;
  return [...new Set(watched.map((p) => (p.folder ? `${literalPattern(p.path)}/**` : literalPattern(p.path))))];
}

/** Lines of text as YAML comments. */
export function yamlComment(lines: readonly string[], indent = ''): string {
  return lines.map((l) => `${indent}# ${l}`.trimEnd()).join('\n');
}

/** Refuses a spec that checkPackageSpec has not let through: it is written into YAML and read by a shell. */
export function assertPinnedSpec(spec: string): void {
  if (!checkPackageSpec(spec).ok) throw new Error(`not a pinned package spec: ${showPackageSpec(spec)}`);
}

/** The workflow's `paths:` filter under `pull_request:`, or nothing (every pull request) for null. */
function pathFilter(paths: string[] | null): string {
  if (!paths) return '';
  return `\n    paths:\n${paths.map((p) => `      - ${yamlScalar(p)}`).join('\n')}`;
}

export function renderGithubWorkflow(opts: WorkflowOptions): string {
  const { lang } = opts;
  assertPinnedSpec(opts.packageSpec);
  const comment = yamlComment;
  const { checkout, setupNode } = PINNED_ACTIONS;
  const registryFlag = opts.registry === '' ? '' : ` --registry ${shellQuote(opts.registry)}`;
  const run = (command: string) => yamlScalar(`${command}${registryFlag}`);
  const afterInstall = "${{ !cancelled() && steps.install.outcome == 'success' }}";
  return `${comment(TEXT.header[lang])}
name: ${yamlScalar(TEXT.workflow[lang])}

on:
  pull_request:${pathFilter(workflowPaths(opts.registry))}

permissions:
  contents: read

concurrency:
  group: ideas-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: true

env:
${comment(TEXT.install[lang], '  ')}
  IDEAS_PACKAGE: ${yamlScalar(opts.packageSpec)}

jobs:
  ideas:
    name: ${yamlScalar(TEXT.job[lang])}
    runs-on: ubuntu-latest
    timeout-minutes: 15
    steps:
${comment([TEXT.actions[lang]], '      ')}
      - uses: ${checkout.uses} # ${checkout.version}
        with:
          fetch-depth: 0 # ${TEXT.fetchDepth[lang]}
          persist-credentials: false # ${TEXT.credentials[lang]}
      - uses: ${setupNode.uses} # ${setupNode.version}
        with:
          node-version: ${CI_NODE_VERSION}
          package-manager-cache: false
      - name: ${yamlScalar(TEXT.stepInstall[lang])}
        id: install
        run: |
${INSTALL_COMMANDS.map((line) => `          ${line}`).join('\n')}
      - name: ${yamlScalar(TEXT.stepValidate[lang])}
        run: ${run('ideas validate --changed --format github')}
      - name: ${yamlScalar(TEXT.stepDiff[lang])}
        if: ${afterInstall}
        run: ${run('ideas diff --format github')}
      - name: ${yamlScalar(TEXT.stepSummary[lang])}
        if: ${afterInstall}
${comment([TEXT.summaryWhy[lang]], '        ')}
        run: ${yamlScalar(`ideas diff --format md${registryFlag} >> "$GITHUB_STEP_SUMMARY" || [ $? -eq 1 ]`)}
`;
}
