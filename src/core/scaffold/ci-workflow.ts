/**
 * The GitHub Actions workflow that `ideas init` writes: on every pull request that touches the registry it runs
 * `ideas validate --changed` and `ideas diff`, and writes the diff as the job's summary. Pure text, so that a test
 * can check it with GitHub's own workflow parser.
 */
import path from 'node:path';
import { CONFIG_FILE, type RegistryConfig } from '../sluice/config.js';
import type { Lang, Localized } from '../i18n/i18n.js';
import { shellQuote } from './shell-quote.js';

/** Where the workflow goes, relative to the top of the git work tree (or of the registry, outside git). */
export const WORKFLOW_FILE = '.github/workflows/ideas.yml';

export interface WorkflowOptions {
  lang: Lang;
  /** What `npm install --global` gets: the package name and version, such as `ideas@0.1.0`. */
  packageSpec: string;
  /** The registry's folder relative to the work tree's top, with forward slashes; '' when it is the top. */
  registry: string;
  config: Pick<RegistryConfig, 'ideasDir' | 'stages'>;
}

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
  install: {
    sv: [
      'Varifrån kommandot ideas hämtas, och vilken version: den enda raden att ändra.',
      'Paketet är inte publicerat på npm ännu (och namnet ideas där tillhör ett annat paket). Till dess: skriv här',
      'det som npm install tar emot för er kopia, till exempel github:er-org/ideas#v0.1.0 eller adressen till en .tgz.',
    ],
    en: [
      'Where the ideas command line comes from, and which version: the one line to change.',
      'The package is not published on npm yet (and the name ideas there belongs to another package). Until it is,',
      'put here what npm install accepts for your copy, such as github:your-org/ideas#v0.1.0 or the address of a .tgz.',
    ],
  },
  fetchDepth: {
    sv: 'hela historiken: kontrollerna jämför med grenen som pull requesten ska in i',
    en: 'the whole history: the checks compare with the branch the pull request targets',
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
function yamlScalar(value: string): string {
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

/** The files whose change triggers the workflow, relative to the work tree's top. */
export function workflowPaths(registry: string, config: WorkflowOptions['config']): string[] {
  if (registry !== '') return [`${literalPattern(registry)}/**`, WORKFLOW_FILE];
  const paths = [CONFIG_FILE, `${literalPattern(config.ideasDir)}/**`];
  for (const stage of config.stages) {
    const criteria = path.posix.normalize(stage.criteria);
    if (criteria.startsWith('../')) continue;
    const dir = path.posix.dirname(criteria);
    paths.push(dir === '.' ? literalPattern(criteria) : `${literalPattern(dir)}/**`);
  }
  paths.push(WORKFLOW_FILE);
  return [...new Set(paths)];
}

export function renderGithubWorkflow(opts: WorkflowOptions): string {
  const { lang } = opts;
  const comment = (lines: string[], indent = '') => lines.map((l) => `${indent}# ${l}`.trimEnd()).join('\n');
  const registryFlag = opts.registry === '' ? '' : ` --registry ${shellQuote(opts.registry)}`;
  const run = (command: string) => yamlScalar(`${command}${registryFlag}`);
  const afterInstall = "${{ !cancelled() && steps.install.outcome == 'success' }}";
  return `${comment(TEXT.header[lang])}
name: ${yamlScalar(TEXT.workflow[lang])}

on:
  pull_request:
    paths:
${workflowPaths(opts.registry, opts.config)
  .map((p) => `      - ${yamlScalar(p)}`)
  .join('\n')}

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
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # ${TEXT.fetchDepth[lang]}
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: ${yamlScalar(TEXT.stepInstall[lang])}
        id: install
        run: npm install --global --no-audit --no-fund "$IDEAS_PACKAGE"
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
