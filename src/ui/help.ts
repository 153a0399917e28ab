import { type Lang, type MessageKey } from '../core/i18n/i18n.js';
import { t } from './words.js';
import type { help } from '../core/i18n/messages/help.js';
import { decisionChoices, decisionName } from '../core/sluice/decision.js';

/**
 * The command line's help: its texts, which live in the catalogue's `help` area, by name; and each command's
 * examples, which are command lines.
 */

/** The name of a help text (src/core/i18n/messages/help.ts), without its area's `help.` */
export type HelpKey = { [K in keyof typeof help]: K extends `help.${infer N}` ? N : never }[keyof typeof help];

/** A help text in a language. The decisions are named by the catalogue's words for them, never spelled out twice. */
export function helpText(key: HelpKey, lang: Lang): string {
  if (key !== 'decideDecision') return t(lang, `help.${key}`);
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  return t(lang, 'help.decideDecision', {
    approve: decisionName('approve', lang),
    return: decisionName('return', lang),
    park: decisionName('park', lang),
    reject: decisionName('reject', lang),
    others: decisionChoices(other),
  });
}

/**
 * The examples a command's help shows: those of its key (`spec.examples`, else its first word). A subcommand that
 * shares its parent's (`ideas region add`, `ideas hook install`) shows the lines that run it, or all of them when none
 * does: `ideas region add --help` is asked for how to add a member, not for the twelve lines of `ideas region --help`.
 */
export function examplesFor(key: string, lang: Lang, path: readonly string[]): string[] {
  const all = EXAMPLES[key]?.[lang] ?? [];
  if (path.length < 2) return all;
  const own = all.filter((line) => runs(line, path));
  return own.length > 0 ? own : all;
}

/** Whether an example line runs the command at `path`: `ideas`, any global options, then the path's words. */
function runs(line: string, path: readonly string[]): boolean {
  const words = line.split(' ').filter((w) => w !== '');
  const at = words.indexOf(path[0] as string);
  return words[0] === 'ideas' && at > 0 && path.every((word, i) => words[at + i] === word);
}

export const EXAMPLES: Record<string, Record<Lang, string[]>> = {
  program: {
    sv: ['ideas init --template sundsvall', 'ideas new', 'ideas list --stage test', 'ideas validate --format github'],
    en: [
      'ideas init --template minimal --lang en',
      'ideas new',
      'ideas list --stage test',
      'ideas validate --format github',
    ],
  },
  init: {
    sv: [
      'ideas init',
      'ideas init idesluss --template sundsvall',
      'ideas init --template minimal --lang en',
      'ideas init --ci gitlab',
      'ideas init --package file:vendor/idesluss-0.1.0.tgz',
      'ideas init --no-ci',
    ],
    en: [
      'ideas init',
      'ideas init sluice --template sundsvall',
      'ideas init --template minimal --lang en',
      'ideas init --ci gitlab',
      'ideas init --package file:vendor/idesluss-0.1.0.tgz',
      'ideas init --no-ci',
    ],
  },
  new: {
    sv: [
      'ideas new',
      'ideas new --no-input --title "Äldreomsorg på distans" --set carrier="Anna Berg" --set tags=omsorg,digitalt',
      'ideas new --title "Lånecykel" --body-file beskrivning.md --json',
    ],
    en: [
      'ideas new',
      'ideas new --no-input --title "Care at a distance" --set carrier="Anna Berg" --set tags=care,digital',
      'ideas new --title "Bike loans" --body-file description.md --json',
    ],
  },
  adopt: {
    sv: [
      'ideas adopt lidkoping:lidk-4k7q2x',
      'ideas adopt lidkoping:lidk-4k7q2x --set unit="Hemtjänsten" --by Samordnaren --commit',
      'ideas adopt lidkoping:lidk-4k7q2x --stage test --json',
    ],
    en: [
      'ideas adopt lidkoping:lidk-4k7q2x',
      'ideas adopt lidkoping:lidk-4k7q2x --set unit="Home care" --by Coordinator --commit',
      'ideas adopt lidkoping:lidk-4k7q2x --stage test --json',
    ],
  },
  list: {
    sv: ['ideas list', 'ideas list --stage test', 'ideas list --funds', 'ideas list --tag digitalisering --json'],
    en: ['ideas list', 'ideas list --stage test', 'ideas list --funds', 'ideas list --tag digital --json'],
  },
  show: {
    sv: ['ideas show sund-4k7q2x', 'ideas show 4k7q2x --json'],
    en: ['ideas show sund-4k7q2x', 'ideas show 4k7q2x --json'],
  },
  move: {
    sv: [
      'ideas move sund-4k7q2x',
      'ideas move sund-4k7q2x utvärdering --note "Testet är klart" --commit',
      'ideas move sund-4k7q2x parkerad --by Samordnaren --note "Vilar till hösten"',
    ],
    en: [
      'ideas move sund-4k7q2x',
      'ideas move sund-4k7q2x evaluation --note "The test is done" --commit',
      'ideas move sund-4k7q2x parked --by Coordinator --note "Resting until the autumn"',
    ],
  },
  decide: {
    sv: [
      'ideas decide sund-4k7q2x --decision godkänn --reason "Bra testplan" --amount 120000 --by Idérådet',
      'ideas decide sund-4k7q2x -d återremittera -r "Förtydliga målgruppen"',
      'ideas decide sund-4k7q2x -d parkera -r "Väntar på budget" --by "Anna Ek, Bo Berg" --conflict "Bo Berg"',
    ],
    en: [
      'ideas decide sund-4k7q2x --decision approve --reason "Good test plan" --amount 120000 --by Council',
      'ideas decide sund-4k7q2x -d return -r "Clarify the target group"',
      'ideas decide sund-4k7q2x -d park -r "Waiting for budget"',
    ],
  },
  assign: {
    sv: [
      'ideas assign sund-4k7q2x --coach "Johan Ek"',
      'ideas assign sund-4k7q2x --carrier "Anna Berg" --by Samordnaren --commit',
    ],
    en: [
      'ideas assign sund-4k7q2x --coach "Johan Ek"',
      'ideas assign sund-4k7q2x --carrier "Anna Berg" --by Coordinator --commit',
    ],
  },
  edit: {
    sv: [
      'ideas edit sund-4k7q2x',
      'ideas edit sund-4k7q2x --set test_plan="Två veckor på Birsta skola" --set manager_support=ja',
      'ideas edit sund-4k7q2x --set team_gender.women=3 --set team_gender.men=2 --by Samordnaren --commit',
      'ideas edit sund-4k7q2x --unset tags --body-file beskrivning.md',
    ],
    en: [
      'ideas edit sund-4k7q2x',
      'ideas edit sund-4k7q2x --set test_plan="Two weeks at Birsta school" --set manager_support=yes',
      'ideas edit sund-4k7q2x --set team_gender.women=3 --set team_gender.men=2 --by Coordinator --commit',
      'ideas edit sund-4k7q2x --unset tags --body-file description.md',
    ],
  },
  review: {
    sv: [
      'ideas review --by Idérådet --minutes protokoll-2026-11-23.md',
      'ideas review --stage foradling',
      'ideas review --by "Anna Ek, Bo Berg" --conflict sund-4k7q2x="Bo Berg" --minutes protokoll.md',
      'ideas review --dry-run --json',
    ],
    en: [
      'ideas review --by Council --minutes minutes-2026-11-23.md',
      'ideas review --stage refinement',
      'ideas review --by "Anna Ek, Bo Berg" --conflict sund-4k7q2x="Bo Berg" --minutes minutes.md',
      'ideas review --dry-run --json',
    ],
  },
  hook: {
    sv: [
      'ideas hook install',
      'ideas hook install --force',
      'ideas -C idesluss hook install',
      'ideas hook uninstall',
      'git commit --no-verify   # hoppa över kontrollen en gång',
    ],
    en: [
      'ideas hook install',
      'ideas hook install --force',
      'ideas -C sluice hook install',
      'ideas hook uninstall',
      'git commit --no-verify   # skip the check once',
    ],
  },
  report: {
    sv: [
      'ideas report',
      'ideas report --since 2026-01-01 --until 2026-06-30',
      'ideas report --by unit --by challenge',
      'ideas report --format md > rapport.md',
      'ideas report --format csv > rapport.csv',
    ],
    en: [
      'ideas report',
      'ideas report --since 2026-01-01 --until 2026-06-30',
      'ideas report --by unit --by challenge',
      'ideas report --format md > report.md',
      'ideas report --format csv > report.csv',
    ],
  },
  export: {
    sv: [
      'ideas export > ideer.csv',
      'ideas export --stage test --format json',
      'ideas export --delimiter , --include-personal > ../intern.csv',
    ],
    en: [
      'ideas export > ideas.csv',
      'ideas export --stage test --format json',
      'ideas export --delimiter ";" --include-personal > ../internal.csv',
    ],
  },
  import: {
    sv: [
      'ideas import ideer.csv --dry-run',
      'ideas import ideer.csv --map "Idé=title" --map "Beskrivning av idén=body"',
      'ideas import gamla-ideer.csv --stage foradling --skip-invalid --by Samordnaren',
    ],
    en: [
      'ideas import ideas.csv --dry-run',
      'ideas import ideas.csv --map "Idea=title" --map "What it is=body"',
      'ideas import old-ideas.csv --stage refinement --skip-invalid --by Coordinator',
    ],
  },
  site: {
    sv: [
      'ideas site',
      'ideas site --out docs',
      'ideas site --out /tmp/intern --include-personal',
      'python3 -m http.server -d site   # titta på den lokalt',
    ],
    en: [
      'ideas site',
      'ideas site --out docs',
      'ideas site --out /tmp/internal --include-personal',
      'python3 -m http.server -d site   # look at it locally',
    ],
  },
  validate: {
    sv: [
      'ideas validate',
      'ideas validate ideas/01-ide',
      'ideas validate --format github',
      'ideas validate --strict --json',
      'ideas validate --changed',
      'ideas validate --changed --base origin/main --format junit > ideas-junit.xml',
    ],
    en: [
      'ideas validate',
      'ideas validate ideas/01-idea',
      'ideas validate --format github',
      'ideas validate --strict --json',
      'ideas validate --changed',
      'ideas validate --changed --base origin/main --format junit > ideas-junit.xml',
    ],
  },
  schema: {
    sv: [
      'ideas schema --stage test > .vscode/idea-test.schema.json',
      'ideas schema --stage förädling --lang en',
      'ideas schema',
      'ideas schema --region > .vscode/region.schema.json',
    ],
    en: [
      'ideas schema --stage test > .vscode/idea-test.schema.json',
      'ideas schema --stage refinement --lang sv',
      'ideas schema',
      'ideas schema --region > .vscode/region.schema.json',
    ],
  },
  diff: {
    sv: [
      'ideas diff',
      'ideas diff main --lang en',
      'ideas diff origin/main HEAD --format github',
      'ideas diff --format md >> "$GITHUB_STEP_SUMMARY"',
      'ideas diff v1.0 v1.1 --json',
    ],
    en: [
      'ideas diff',
      'ideas diff main --lang sv',
      'ideas diff origin/main HEAD --format github',
      'ideas diff --format md >> "$GITHUB_STEP_SUMMARY"',
      'ideas diff v1.0 v1.1 --json',
    ],
  },
  region: {
    sv: [
      'ideas region init skaraborg --name "Skaraborgs innovationssluss"',
      'ideas region add lidkoping https://git.example.org/lidkoping/idesluss.git --name "Lidköpings kommun" --municipality 1494',
      'ideas region remove lidkoping',
      'ideas region sync',
      'ideas region sync --member lidkoping --format github',
      'ideas region list --member lidkoping',
      'ideas region show lidkoping:lidk-4k7q2x',
      'ideas region duplicates',
      'ideas region report --format md',
      'ideas region report --by tags --by challenge',
      'ideas region report --by tags --format csv > skaraborg-rapport.csv',
      'ideas region export > skaraborg.csv',
      'ideas region site --out public',
    ],
    en: [
      'ideas region init skaraborg --name "Skaraborg innovation sluice" --lang en',
      'ideas region add lidkoping https://git.example.org/lidkoping/idesluss.git --name "Lidköping Municipality" --municipality 1494',
      'ideas region remove lidkoping',
      'ideas region sync',
      'ideas region sync --member lidkoping --format github',
      'ideas region list --member lidkoping',
      'ideas region show lidkoping:lidk-4k7q2x',
      'ideas region duplicates',
      'ideas region report --format md',
      'ideas region report --by tags --by challenge',
      'ideas region report --by tags --format csv > skaraborg-report.csv',
      'ideas region export > skaraborg.csv',
      'ideas region site --out public',
    ],
  },
};

/** commander's titles, by the English it writes them in. */
const TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.title.usage',
  'Arguments:': 'help.title.arguments',
  'Options:': 'help.title.options',
  'Commands:': 'help.title.commands',
  'Global Options:': 'help.title.globalOptions',
};

export function helpTitle(title: string, lang: Lang): string {
  const key = Object.hasOwn(TITLES, title) ? TITLES[title] : undefined;
  return key ? t(lang, key) : title;
}
