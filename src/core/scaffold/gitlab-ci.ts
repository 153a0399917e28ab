/**
 * The GitLab CI job that `ideas init --ci gitlab` writes: the same checks as the GitHub workflow, on every merge
 * request (in a subfolder, every one that touches the registry), with the validation as a JUnit report GitLab shows in the merge request and the
 * diff as a Markdown artifact. Pure text, the same install line and the same pinned package as the workflow.
 */
import type { Lang } from '../i18n/i18n.js';
import {
  assertPinnedSpec,
  CI_NODE_VERSION,
  INSTALL_COMMANDS,
  INSTALL_TEXT,
  watchedPaths,
  yamlComment,
  yamlScalar,
  type WorkflowOptions,
} from './ci-workflow.js';
import { shellQuote } from '../shell/quote.js';

/** Where the job goes: GitLab reads this one file, at the top of the repository. */
export const GITLAB_CI_FILE = '.gitlab-ci.yml';

const TEXT = {
  header: {
    sv: [
      'Kontrollerar idéslussen i varje merge request som ändrar den, med kommandot ideas:',
      '  ideas validate --changed   de ändrade idéfilerna mot stegens kriterier, som JUnit-rapport i merge requesten',
      '  ideas diff                 slussens regler: inga överhoppade steg, en historikrad för varje flytt,',
      '                             ingen omskriven historik, inga raderade idéer, inga återanvända id',
      'Jobbet misslyckas när någon av dem hittar fel; ändringen sparas ändå i ideas-diff.md. Skrivet av `ideas init`:',
      'ändra fritt, och lägg era andra jobb bredvid.',
    ],
    en: [
      'Checks the idea sluice in every merge request that changes it, with the ideas command line:',
      "  ideas validate --changed   the changed idea files against their stage's criteria, as a JUnit report in the merge request",
      "  ideas diff                 the sluice's rules: no skipped stage, a history entry for every move,",
      '                             no rewritten history, no deleted idea, no reused id',
      'The job fails when either finds a problem; the change is kept in ideas-diff.md all the same. Written by',
      '`ideas init`: yours to change, and to put your other jobs beside.',
    ],
  },
  gitDepth: {
    sv: 'hela historiken: kontrollerna jämför med grenen som merge requesten ska in i',
    en: 'the whole history: the checks compare with the branch the merge request targets',
  },
  fetchTarget: {
    sv: 'Målgrenen, som GitLab inte hämtar till en merge request-pipeline.',
    en: 'The target branch, which GitLab does not fetch for a merge request pipeline.',
  },
  image: {
    sv: 'Node.js i Dockers officiella avbild; lås den med @sha256:… om er policy kräver det.',
    en: "Node.js from Docker's official image; pin it with @sha256:… if your policy asks for that.",
  },
} satisfies Record<string, Record<Lang, string | string[]>>;

/** A path for `rules:changes`, which GitLab matches with Ruby's fnmatch: `*`, `?`, `[`, `]`, `{`, `}` are patterns. */
function literalGlob(p: string): string {
  return p.replace(/[*?[\]{}\\]/g, (c) => `\\${c}`);
}

/** The files whose change starts the job, relative to the repository's top; null for every change. */
export function gitlabPaths(registry: string): string[] | null {
  const watched = watchedPaths(registry, GITLAB_CI_FILE);
  if (!watched) return null;
  return [...new Set(watched.map((p) => (p.folder ? `${literalGlob(p.path)}/**/*` : literalGlob(p.path))))];
}

/** The rule's `changes:` list, or nothing (every merge request) for null. */
function changesFilter(paths: string[] | null): string {
  if (!paths) return '';
  return `\n      changes:\n${paths.map((p) => `        - ${yamlScalar(p)}`).join('\n')}`;
}

export function renderGitlabCi(opts: WorkflowOptions): string {
  const { lang } = opts;
  assertPinnedSpec(opts.packageSpec);
  const registryFlag = opts.registry === '' ? '' : ` --registry ${shellQuote(opts.registry)}`;
  const item = (line: string) => `    - ${yamlScalar(line)}`;
  const script = [
    ...INSTALL_COMMANDS.map(item),
    yamlComment([TEXT.fetchTarget[lang]], '    '),
    ...[
      `git fetch --quiet origin "+refs/heads/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME:refs/remotes/origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"`,
      'failed=0',
      `ideas validate --changed --format junit${registryFlag} > ideas-validate.xml || failed=1`,
      `ideas diff${registryFlag} || failed=1`,
      `ideas diff --format md${registryFlag} > ideas-diff.md || true`,
      'exit $failed',
    ].map(item),
  ];
  return `${yamlComment(TEXT.header[lang])}
ideas:
${yamlComment([TEXT.image[lang]], '  ')}
  image: node:${CI_NODE_VERSION}
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"${changesFilter(gitlabPaths(opts.registry))}
  interruptible: true
  timeout: 15 minutes
  variables:
    GIT_DEPTH: ${yamlScalar('0')} # ${TEXT.gitDepth[lang]}
${yamlComment(INSTALL_TEXT[lang], '    ')}
    IDEAS_PACKAGE: ${yamlScalar(opts.packageSpec)}
  script:
${script.join('\n')}
  artifacts:
    when: always
    reports:
      junit: ideas-validate.xml
    paths:
      - ideas-diff.md
`;
}
