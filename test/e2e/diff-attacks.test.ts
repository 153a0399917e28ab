/**
 * End to end: pull requests written by an attacker against a registry whose CI runs `ideas diff`. Each attack is a
 * branch off main in one temp git repository, built with plain edits as a person would make them; each is run
 * through the built CLI in every output format, and must be a finding with its rule, on its file and line, in all
 * of them: an error (exit 1) for what breaks a rule, a warning for what a reviewer must see.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { describeRun, ideasAsync, parseJson, type RunResult } from '../helpers/cli.js';
import { ideasInProcess } from '../helpers/in-process.js';
import { addFields, appendEntry, edit, moveFile } from '../helpers/idea-edit.js';
import { EXAMPLE, ideaPath } from '../helpers/sluice.js';
import { commitAll, git, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

interface Finding {
  file: string;
  line: number | null;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}
interface DiffDoc {
  ok: boolean;
  findings: Finding[];
  moved: { id: string; from: string; to: string; forced: boolean }[];
  decisions: { id: string; amount: number | null; forced: boolean }[];
}

const CONFIG = 'ideas.config.yaml';
const TEST_CRITERIA = 'criteria/test.schema.json';
/** What test's criteria ask, so that an idea moved there meets them and only the attack is found. */
const READY_FOR_TEST = [
  'coach: Johan Ek',
  'test_plan: Väg svinnet i tre kök under åtta veckor och jämför med portionsval.',
  'manager_support: true',
];

/**
 * sund-emspzg, given `fields` (by default what test asks, so that it is ready for test), moved into Förädling (a
 * stage the council decides on) by an entry with `extra`.
 */
function intoRefinement(extra: Record<string, unknown>, fields: string[] = READY_FOR_TEST): void {
  addFields(at(EMSPZG), fields);
  moveFile(at(EMSPZG), at(ideaPath('sund-emspzg', '02-foradling')));
  appendEntry(at(ideaPath('sund-emspzg', '02-foradling')), {
    date: '2026-11-20',
    action: 'moved',
    from: 'idea',
    to: 'refinement',
    ...extra,
  });
}

/** An expected finding: its rule, its file, and whether it is a warning (else an error). */
type Expect = [rule: string, file: string, severity?: 'warning'];

interface Attack {
  name: string;
  /** The branch the attack starts from. */
  from?: string;
  change: (root: string) => void;
  expect: Expect[];
}

let root = '';
const at = (rel: string) => path.join(root, rel);
const config = (change: (text: string) => string) => edit(at(CONFIG), change);
interface Schema {
  required: string[];
  properties: Record<string, Record<string, unknown>>;
}
/** A field's schema among test's criteria. */
const field = (s: Schema, name: string): Record<string, unknown> => s.properties[name] ?? {};
const criteria = (change: (schema: Schema) => void, file = TEST_CRITERIA) => {
  const schema = JSON.parse(fs.readFileSync(at(file), 'utf8')) as Schema;
  change(schema);
  fs.writeFileSync(at(file), `${JSON.stringify(schema, null, 2)}\n`);
};
const EVALUATION_CRITERIA = 'criteria/evaluation.schema.json';
/** The file main-criteria-linked's test criteria are a symbolic link to. */
const SHARED_CRITERIA = 'criteria/test-common.json';
/** main-with-tags' tags in test's criteria: a list of words that must include "granskad". */
const TAGS = { type: 'array', items: { type: 'string' }, contains: { const: 'granskad' } };
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
  fs.writeFileSync(at(rel), text);
};
/** A new idea's file, its history written out entry by entry. */
const newIdea = (id: string, title: string, history: Record<string, string | number | boolean>[], extra = '') =>
  `---\nid: ${id}\ntitle: ${title}\ncreated: 2026-11-10\ncarrier: Eva Ek\nunit: Kultur\nchallenge: klimat\n${extra}history:\n${history
    .map((e) =>
      Object.entries(e)
        .map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${String(v)}`)
        .join('\n'),
    )
    .join('\n')}\n---\n\n${title}.\n`;

const CREATED = { date: '2026-11-10', action: 'created', to: 'idea' };
/** main-with-copy's second file of sund-avmpk4, which `ideas validate` already fails (id/duplicate). */
const COPY = 'ideas/04-utvardering/sund-avmpk4-kopia.md';
/** A name whose bytes are not UTF-8: no command reads the file it names as an idea. */
const NOT_UTF8 = Buffer.concat([Buffer.from('ideas/03-test/sund-avmpk4-x'), Buffer.from([0xff]), Buffer.from('.md')]);
const EMSPZG = ideaPath('sund-emspzg');
const EMSPZG_TEST = ideaPath('sund-emspzg', '03-test');
const NEW_TEST = 'ideas/03-test/sund-x7kq2m-bidrag-till-mig.md';

/** sund-avmpk4 written back as main had it, its grant raised from 120 000 to 999 999 kr. */
const restoreWithGrantRaised = () => {
  const was = git(['show', `main:${ideaPath('sund-avmpk4')}`], root);
  write(ideaPath('sund-avmpk4'), was.replace('amount: 120000', 'amount: 999999'));
};

const ATTACKS: Attack[] = [
  {
    name: 'config-remap',
    // Refinement's and test's folders swapped: ideas change stage without their files changing.
    change: () =>
      config((t) =>
        t
          .replace('folder: 02-foradling', 'folder: TMP')
          .replace('folder: 03-test', 'folder: 02-foradling')
          .replace('folder: TMP', 'folder: 03-test'),
      ),
    expect: [
      ['config/stage-folder', CONFIG],
      ['config/stage-folder', CONFIG],
      ['move/missing-history', ideaPath('sund-eev2bz')],
      ['move/missing-history', ideaPath('sund-vtkg00')],
      ['move/missing-history', ideaPath('sund-avmpk4')],
      ['move/missing-history', 'ideas/03-test/sund-732bj6-sommarjobb-i-varden-med-en-mentor-per-ungdom.md'],
      // Every rule each of those moves breaks, at once: test's gate passed unmet, refinement reached backwards.
      ['move/gate-closed', ideaPath('sund-eev2bz')],
      ['move/gate-closed', ideaPath('sund-vtkg00')],
      ['move/not-next', ideaPath('sund-avmpk4')],
      ['move/not-next', 'ideas/03-test/sund-732bj6-sommarjobb-i-varden-med-en-mentor-per-ungdom.md'],
    ],
  },
  {
    name: 'config-rename-stage',
    change: () =>
      config((t) =>
        t
          .replace('key: test', 'key: pilot')
          .replace(/\btest\b(?=[,\]])/g, 'pilot')
          .replace('stage: test', 'stage: pilot'),
      ),
    expect: [
      ['config/stage-removed', CONFIG],
      ['move/missing-history', ideaPath('sund-avmpk4')],
      ['move/missing-history', 'ideas/03-test/sund-732bj6-sommarjobb-i-varden-med-en-mentor-per-ungdom.md'],
      ['config/changed', CONFIG, 'warning'],
    ],
  },
  {
    name: 'config-widen-next-and-move',
    // The same pull request opens a shortcut and takes it.
    change: () => {
      config((t) => t.replace('next: [refinement, parked, rejected]', 'next: [refinement, test, parked, rejected]'));
      addFields(at(EMSPZG), READY_FOR_TEST);
      moveFile(at(EMSPZG), at(EMSPZG_TEST));
      appendEntry(at(EMSPZG_TEST), { date: '2026-11-20', action: 'moved', from: 'idea', to: 'test', by: 'Någon' });
    },
    expect: [
      ['config/next', CONFIG],
      // Test is the council's to decide on: a move there without a decision.
      ['decision/council', EMSPZG_TEST],
      ['move/not-next', EMSPZG_TEST],
    ],
  },
  {
    name: 'config-allow-delete',
    change: () => {
      config((t) => `${t}allowDelete: true\n`);
      fs.rmSync(at(ideaPath('sund-ehq9v5')));
    },
    expect: [
      ['config/allow-delete', CONFIG],
      ['idea/removed', ideaPath('sund-ehq9v5')],
    ],
  },
  {
    name: 'config-challenges',
    // The list of challenges taken out: any challenge an idea names is then accepted.
    change: () => config((t) => t.replace(/^challenges:\n(?: {2}.*\n)+/m, '')),
    expect: [['config/challenges', CONFIG]],
  },
  {
    name: 'config-challenge-added',
    change: () =>
      config((t) => t.replace('challenges:\n', 'challenges:\n  - id: egen\n    label: { sv: Egen, en: Own }\n')),
    expect: [['config/challenges', CONFIG]],
  },
  {
    name: 'restored-rewritten',
    // An idea deleted on main (deletes allowed) brought back with its grant changed: its record is the one it had.
    from: 'main-after-delete',
    change: () => restoreWithGrantRaised(),
    expect: [['history/rewritten', ideaPath('sund-avmpk4')]],
  },
  {
    name: 'restored-after-merge',
    // The same, deleted in a merge commit (a conflict resolved by deleting the file), which git log shows no diff of.
    from: 'main-merge-delete',
    change: () => restoreWithGrantRaised(),
    expect: [['history/rewritten', ideaPath('sund-avmpk4')]],
  },
  {
    name: 'config-funding',
    // Refinement made a funding stage, and money granted on a move into it.
    change: () => {
      config((t) =>
        t.replace(
          'criteria: criteria/refinement.schema.json\n',
          'criteria: criteria/refinement.schema.json\n    funding: true\n',
        ),
      );
      addFields(at(EMSPZG), ['coach: Johan Ek']);
      const to = at(ideaPath('sund-emspzg', '02-foradling'));
      moveFile(at(EMSPZG), to);
      appendEntry(to, {
        date: '2026-11-20',
        action: 'moved',
        from: 'idea',
        to: 'refinement',
        decision: 'approve',
        amount: 500000,
      });
    },
    expect: [
      ['config/funding', CONFIG],
      ['decision/unfunded', ideaPath('sund-emspzg', '02-foradling')],
    ],
  },
  {
    name: 'criteria-drop-required',
    change: () => criteria((s) => (s.required = s.required.filter((r) => r !== 'manager_support'))),
    expect: [['criteria/loosened', TEST_CRITERIA]],
  },
  {
    name: 'criteria-min-length',
    change: () => criteria((s) => (field(s, 'test_plan').minLength = 1)),
    expect: [['criteria/loosened', TEST_CRITERIA]],
  },
  {
    name: 'criteria-const',
    change: () => criteria((s) => delete field(s, 'manager_support').const),
    expect: [['criteria/loosened', TEST_CRITERIA]],
  },
  {
    name: 'criteria-path',
    change: () =>
      config((t) => t.replace('criteria: criteria/test.schema.json', 'criteria: criteria/idea.schema.json')),
    expect: [
      ['config/changed', CONFIG, 'warning'],
      // One finding for each of test's criteria the file pointed at does not have.
      ['criteria/loosened', 'criteria/idea.schema.json'],
    ],
  },
  {
    name: 'criteria-head-draft-07',
    // Criteria of another draft of JSON Schema: every command refuses them once merged, so no gate could be checked.
    change: () => criteria((s) => Object.assign(s, { $schema: 'http://json-schema.org/draft-07/schema#' })),
    expect: [['criteria/unreadable', TEST_CRITERIA]],
  },
  {
    name: 'criteria-head-lookahead',
    // A pattern the criteria's linear engine cannot run: "tightened" in the schema's words, refused by every command.
    change: () => criteria((s) => (s.properties.test_plan = { type: 'string', pattern: '^(?=a)' })),
    expect: [['criteria/unreadable', TEST_CRITERIA]],
  },
  {
    name: 'criteria-deleted',
    change: () => fs.rmSync(at(TEST_CRITERIA)),
    expect: [['criteria/unreadable', TEST_CRITERIA]],
  },
  {
    name: 'criteria-publish-by-ref',
    // A field no schema classified (so never shown), published by a $ref to a public field of the base schema: the
    // schema's own words say "tightened"; what the public outputs would show says published.
    change: () => {
      addFields(at(ideaPath('sund-avmpk4')), ['home_phone: "070-123 45 67"']);
      criteria(
        (s) => (s.properties.home_phone = { $ref: 'https://ideas.invalid/schemas/idea.schema.json#/properties/title' }),
      );
    },
    expect: [
      ['criteria/loosened', TEST_CRITERIA],
      ['criteria/changed', TEST_CRITERIA, 'warning'],
    ],
  },
  {
    name: 'criteria-link-loosened',
    // main-criteria-linked's test criteria are a link to a shared file: every command but the diff read them through
    // it, and the diff read git's text for the link. Loosened in the shared file, the link unchanged.
    from: 'main-criteria-linked',
    change: () => criteria((s) => (s.required = s.required.filter((r) => r !== 'manager_support')), SHARED_CRITERIA),
    expect: [['criteria/unreadable', TEST_CRITERIA]],
  },
  {
    name: 'criteria-link-replaced',
    // The link replaced by a regular file that asks nothing: the base's criteria cannot be read, so cannot be
    // shown to be kept.
    from: 'main-criteria-linked',
    change: () => {
      fs.rmSync(at(TEST_CRITERIA));
      write(TEST_CRITERIA, '{ "type": "object" }\n');
    },
    expect: [['criteria/unreadable', TEST_CRITERIA]],
  },
  {
    name: 'criteria-link-false',
    // A link to a file named `false`, which asks nothing: git's text for the link is the JSON false.
    change: () => {
      write('criteria/false', '{ "type": "object" }\n');
      fs.rmSync(at(TEST_CRITERIA));
      fs.symlinkSync('false', at(TEST_CRITERIA));
    },
    expect: [['criteria/unreadable', TEST_CRITERIA]],
  },
  {
    name: 'criteria-base-invalid',
    // main-criteria-invalid's test criteria are not JSON (every command refuses them there): "fixed" by criteria
    // that ask nothing.
    from: 'main-criteria-invalid',
    change: () => write(TEST_CRITERIA, '{ "type": "object" }\n'),
    expect: [['criteria/unreadable', TEST_CRITERIA]],
  },
  {
    name: 'config-base-invalid',
    // main-config-invalid's config has a key this version does not know: fixed, and in the same pull request the
    // council turned off and deletes allowed, an idea deleted and one moved into refinement without a decision.
    from: 'main-config-invalid',
    change: () => {
      config((t) => `${t.replace('theme: dark\n', '').replace(/^ {4}council: true\n/gm, '')}allowDelete: true\n`);
      fs.rmSync(at(ideaPath('sund-ehq9v5')));
      intoRefinement({}, ['coach: Johan Ek']);
    },
    expect: [['config/unreadable', CONFIG]],
  },
  {
    name: 'config-base-linked',
    // main-config-linked's config is a link: replaced by the file, with deletes allowed, and an idea deleted.
    from: 'main-config-linked',
    change: () => {
      fs.rmSync(at(CONFIG));
      write(CONFIG, `${fs.readFileSync(at('sluice.yaml'), 'utf8')}allowDelete: true\n`);
      fs.rmSync(at(ideaPath('sund-ehq9v5')));
    },
    expect: [['config/unreadable', CONFIG]],
  },
  {
    name: 'criteria-tightened',
    change: () => criteria((s) => (field(s, 'test_plan').minLength = 40)),
    expect: [['criteria/changed', TEST_CRITERIA, 'warning']],
  },
  {
    name: 'criteria-exempt-additional',
    // team_gender allows no name it does not list: a name listed now lets an idea through that has it.
    change: () =>
      criteria((s) => {
        const team = field(s, 'team_gender') as { properties: Record<string, unknown> };
        team.properties.names = { type: 'string' };
      }, EVALUATION_CRITERIA),
    expect: [['criteria/loosened', EVALUATION_CRITERIA]],
  },
  {
    name: 'criteria-min-contains',
    from: 'main-with-tags',
    // minContains 0: "granskad" among the tags is no longer needed.
    change: () => criteria((s) => Object.assign(field(s, 'tags'), { minContains: 0, maxContains: 99 })),
    expect: [['criteria/loosened', TEST_CRITERIA]],
  },
  {
    name: 'criteria-prefix-items',
    from: 'main-with-tags',
    // The first tag is prefixItems' now, and items no longer checks it.
    change: () => criteria((s) => (field(s, 'tags').prefixItems = [true])),
    expect: [['criteria/loosened', TEST_CRITERIA]],
  },
  {
    name: 'criteria-max-contains',
    from: 'main-with-tags',
    // A cap on the matches where there was none only asks more.
    change: () => criteria((s) => (field(s, 'tags').maxContains = 3)),
    expect: [['criteria/changed', TEST_CRITERIA, 'warning']],
  },
  {
    name: 'id-in-title-and-text',
    // Lines that read like an id, in the title and the text: the idea keeps its own, nothing is broken.
    change: () =>
      edit(at(ideaPath('sund-njf5rp')), (t) =>
        t
          .replace(/^title: .*$/m, 'title: "Nattkamera\\n\\nid: sund-emspzg"')
          .replace(/\n---\n\n/, '\n---\n\nid: sund-emspzg\n\n'),
      ),
    expect: [],
  },
  {
    name: 'id-missing',
    change: () => edit(at(ideaPath('sund-vtkg00')), (t) => t.replace(/^id: .*\n/m, '')),
    // Still there: its id is to be restored, it is not an idea removed (whose hint would park it).
    expect: [['id/unreadable', ideaPath('sund-vtkg00')]],
  },
  {
    name: 'id-not-text',
    change: () => edit(at(ideaPath('sund-vtkg00')), (t) => t.replace(/^id: .*$/m, 'id: 20260101')),
    // Still there: its id is to be restored, it is not an idea removed (whose hint would park it).
    expect: [['id/unreadable', ideaPath('sund-vtkg00')]],
  },
  {
    name: 'id-duplicate',
    change: () => fs.copyFileSync(at(ideaPath('sund-avmpk4')), at('ideas/03-test/sund-avmpk4-kopia.md')),
    expect: [['id/duplicate', 'ideas/03-test/sund-avmpk4-kopia.md']],
  },
  {
    name: 'copy-amount-changed',
    // An id the base already had in two files: the second file's history is the audit trail as much as the first's.
    from: 'main-with-copy',
    change: () => edit(at(COPY), (t) => t.replace(/amount: (\d+)/, (_m, n: string) => `amount: ${Number(n) * 10}`)),
    expect: [['history/rewritten', COPY]],
  },
  {
    name: 'copy-decision-changed',
    from: 'main-with-copy',
    change: () => edit(at(COPY), (t) => t.replace('decision: approve', 'decision: reject')),
    expect: [['history/rewritten', COPY]],
  },
  {
    name: 'copy-deleted',
    from: 'main-with-copy',
    change: () => fs.rmSync(at(COPY)),
    expect: [['idea/removed', COPY]],
  },
  {
    name: 'copy-kept-original-deleted',
    // The copy that stays is the copy, in its own stage, not the first file moved there.
    from: 'main-with-copy',
    change: () => fs.rmSync(at(ideaPath('sund-avmpk4'))),
    expect: [['idea/removed', ideaPath('sund-avmpk4')]],
  },
  {
    name: 'name-not-utf8',
    // Renamed to a name no command reads: gone from list, site and report, so gone from the diff too.
    change: () => fs.renameSync(at(ideaPath('sund-avmpk4')), Buffer.concat([Buffer.from(`${root}/`), NOT_UTF8])),
    expect: [['idea/removed', ideaPath('sund-avmpk4')]],
  },
  {
    name: 'id-of-a-disguised-idea',
    // main-with-disguise holds an idea whose id is written as an explicit key and whose title's second line reads
    // `id: sund-emspzg`; a copy of its real id is a duplicate.
    from: 'main-with-disguise',
    change: () => write('ideas/01-ide/sund-d1sg00-kopia.md', newIdea('sund-d1sg00', 'Kopia', [CREATED])),
    expect: [['id/duplicate', 'ideas/01-ide/sund-d1sg00-kopia.md']],
  },
  {
    name: 'new-straight-into-test',
    change: () =>
      write(
        NEW_TEST,
        newIdea(
          'sund-x7kq2m',
          'Bidrag till mig',
          [
            {
              date: '2026-11-20',
              action: 'moved',
              from: 'refinement',
              to: 'test',
              decision: 'approve',
              amount: 500000,
            },
          ],
          `${READY_FOR_TEST.join('\n')}\n`,
        ),
      ),
    expect: [
      ['idea/start', NEW_TEST],
      ['move/history-mismatch', NEW_TEST],
    ],
  },
  {
    name: 'new-created-in-test',
    change: () =>
      write(
        NEW_TEST,
        newIdea('sund-x7kq2m', 'Bidrag till mig', [{ ...CREATED, to: 'test' }], `${READY_FOR_TEST.join('\n')}\n`),
      ),
    expect: [['idea/start', NEW_TEST]],
  },
  {
    name: 'new-through-every-gate',
    // A fabricated history: created, then through every gate in the same pull request, with money.
    change: () =>
      write(
        NEW_TEST,
        newIdea(
          'sund-x7kq2m',
          'Bidrag till mig',
          [
            CREATED,
            {
              date: '2026-11-11',
              action: 'moved',
              from: 'idea',
              to: 'refinement',
              decision: 'approve',
              by: 'Idérådet',
            },
            {
              date: '2026-11-12',
              action: 'moved',
              from: 'refinement',
              to: 'test',
              decision: 'approve',
              amount: 500000,
            },
          ],
          `${READY_FOR_TEST.join('\n')}\n`,
        ),
      ),
    expect: [['idea/new-history', NEW_TEST, 'warning']],
  },
  {
    name: 'new-imported-without-source',
    change: () =>
      write(
        NEW_TEST,
        newIdea(
          'sund-x7kq2m',
          'Bidrag till mig',
          [{ date: '2026-11-10', action: 'imported', to: 'test' }],
          `${READY_FOR_TEST.join('\n')}\n`,
        ),
      ),
    expect: [['idea/start', NEW_TEST]],
  },
  {
    name: 'back-dated',
    change: () => appendEntry(at(EMSPZG), { date: '2026-01-01', action: 'edited', note: 'Tillagd i efterhand' }),
    expect: [['history/date-order', EMSPZG]],
  },
  {
    name: 'future-dated',
    change: () => appendEntry(at(EMSPZG), { date: '2999-01-01', action: 'edited', note: 'Tillagd i förväg' }),
    expect: [['history/date-future', EMSPZG]],
  },
  {
    name: 'forced-added',
    change: () => {
      moveFile(at(EMSPZG), at(EMSPZG_TEST));
      // As `ideas decide --force` writes it: the council's decision, past a closed gate and outside next.
      appendEntry(at(EMSPZG_TEST), {
        date: '2026-11-20',
        action: 'moved',
        from: 'idea',
        to: 'test',
        decision: 'approve',
        forced: true,
      });
    },
    expect: [['move/forced', EMSPZG_TEST, 'warning']],
  },
  {
    name: 'council-stage-without-decision',
    // Into a stage the council decides on, as a plain move would write it: forced or not, no decision.
    change: () => intoRefinement({ by: 'Samordnaren' }),
    expect: [['decision/council', ideaPath('sund-emspzg', '02-foradling')]],
  },
  {
    name: 'council-stage-by-a-rejection',
    // A decision, but not one that leads into the council's stage: a rejection, written by hand.
    change: () => intoRefinement({ decision: 'reject' }),
    expect: [['decision/council', ideaPath('sund-emspzg', '02-foradling')]],
  },
  {
    name: 'amount-changed',
    change: () =>
      edit(at(ideaPath('sund-avmpk4')), (t) =>
        t.replace(/amount: (\d+)/, (_m, n: string) => `amount: ${Number(n) * 10}`),
      ),
    expect: [['history/rewritten', ideaPath('sund-avmpk4')]],
  },
  {
    name: 'amount-without-funding',
    change: () => {
      const to = at(ideaPath('sund-vtkg00', '90-parkerad'));
      moveFile(at(ideaPath('sund-vtkg00')), to);
      appendEntry(to, {
        date: '2026-11-20',
        action: 'moved',
        from: 'refinement',
        to: 'parked',
        decision: 'park',
        amount: 75000,
      });
    },
    expect: [['decision/unfunded', ideaPath('sund-vtkg00', '90-parkerad')]],
  },
  {
    name: 'moved-and-edited',
    // Moved, retitled and rewritten in one commit, without its history entry.
    change: () => {
      const to = 'ideas/03-test/sund-eev2bz-servicebuss.md';
      moveFile(at(ideaPath('sund-eev2bz')), at(to));
      edit(
        at(to),
        (t) => `${t.slice(0, t.indexOf('\n---\n') + 5).replace(/^title: .*$/m, 'title: Servicebuss')}\nNy text.\n`,
      );
    },
    expect: [
      ['move/missing-history', 'ideas/03-test/sund-eev2bz-servicebuss.md'],
      // Moved into test without meeting its criteria, too: both at once.
      ['move/gate-closed', 'ideas/03-test/sund-eev2bz-servicebuss.md'],
    ],
  },
  {
    name: 'gate-closed',
    // A move entry `ideas move` would never write: into test without meeting its criteria, not forced.
    change: () => {
      const to = at(ideaPath('sund-vtkg00', '03-test'));
      moveFile(at(ideaPath('sund-vtkg00')), to);
      appendEntry(to, { date: '2026-11-20', action: 'moved', from: 'refinement', to: 'test', decision: 'approve' });
    },
    expect: [['move/gate-closed', ideaPath('sund-vtkg00', '03-test')]],
  },
  {
    name: 'gate-closed-on-the-way',
    // Through test (a funding stage whose criteria it does not meet) with money, and on to rejected, whose gate is
    // open: the step into test is a move past its gate all the same.
    change: () => {
      const to = at(ideaPath('sund-vtkg00', '99-avslagen'));
      moveFile(at(ideaPath('sund-vtkg00')), to);
      appendEntry(to, {
        date: '2026-11-20',
        action: 'moved',
        from: 'refinement',
        to: 'test',
        decision: 'approve',
        amount: 200000,
      });
      appendEntry(to, { date: '2026-11-20', action: 'moved', from: 'test', to: 'rejected', decision: 'reject' });
    },
    expect: [['move/gate-closed', ideaPath('sund-vtkg00', '99-avslagen')]],
  },
  {
    name: 'started-again',
    // Entries that start the idea again, in its own folder's stage at the end: no move for the diff to check, but a
    // report would count the idea as having entered test.
    change: () => {
      appendEntry(at(EMSPZG), { date: '2026-11-20', action: 'imported', to: 'test', source: 'idérådet' });
      appendEntry(at(EMSPZG), { date: '2026-11-20', action: 'imported', to: 'idea', source: 'idérådet' });
    },
    expect: [['history/start-again', EMSPZG]],
  },
  {
    name: 'adopted-again-forced',
    // An adoption appended, forced, to stand in test on an override without a council's decision.
    change: () => {
      moveFile(at(EMSPZG), at(EMSPZG_TEST));
      appendEntry(at(EMSPZG_TEST), { date: '2026-11-20', action: 'adopted', to: 'test', source: 'x:y', forced: true });
    },
    // Not a move: the folder changed with no move recorded, past test's gate and skipping refinement.
    expect: [
      ['history/start-again', EMSPZG_TEST],
      ['move/missing-history', EMSPZG_TEST],
      ['move/not-next', EMSPZG_TEST],
      ['move/gate-closed', EMSPZG_TEST],
      ['move/forced', EMSPZG_TEST, 'warning'],
    ],
  },
];

beforeAll(() => {
  root = makeTempRepo();
  fs.cpSync(EXAMPLE, root, { recursive: true });
  commitAll(root, 'Idéslussen');
  git(['checkout', '-q', '-b', 'main-with-disguise'], root);
  write(
    'ideas/01-ide/sund-d1sg00-forklaed.md',
    newIdea('sund-d1sg00', 'X', [CREATED])
      .replace('id: sund-d1sg00\n', '? id\n: sund-d1sg00\n')
      .replace('title: X', 'title: "Förklädd\n\n id: sund-emspzg"'),
  );
  commitAll(root, 'En förklädd idé');
  git(['checkout', '-q', '-b', 'main-after-delete', 'main'], root);
  config((t) => `${t}allowDelete: true\n`);
  fs.rmSync(at(ideaPath('sund-avmpk4')));
  commitAll(root, 'Borttagen');
  git(['checkout', '-q', '-b', 'merge-side', 'main'], root);
  git(['commit', '-q', '--allow-empty', '-m', 'Sidospår'], root);
  git(['checkout', '-q', '-b', 'main-merge-delete', 'main'], root);
  config((t) => `${t}allowDelete: true\n`);
  commitAll(root, 'Får tas bort');
  git(['merge', '-q', '--no-ff', '--no-commit', 'merge-side'], root);
  git(['rm', '-q', ideaPath('sund-avmpk4')], root);
  git(['commit', '-q', '-m', 'Sammanfogat, idén borttagen'], root);
  git(['checkout', '-q', '-b', 'main-with-copy', 'main'], root);
  fs.copyFileSync(at(ideaPath('sund-avmpk4')), at(COPY));
  commitAll(root, 'En kopia');
  git(['checkout', '-q', '-b', 'main-with-tags', 'main'], root);
  criteria((s) => (s.properties.tags = TAGS));
  commitAll(root, 'Taggar i testets kriterier');
  // Bases whose rules cannot be read: by `ideas validate` there, nor by the diff.
  git(['checkout', '-q', '-b', 'main-criteria-linked', 'main'], root);
  fs.renameSync(at(TEST_CRITERIA), at(SHARED_CRITERIA));
  fs.symlinkSync('test-common.json', at(TEST_CRITERIA));
  commitAll(root, 'Testets kriterier genom en länk');
  git(['checkout', '-q', '-b', 'main-criteria-invalid', 'main'], root);
  edit(at(TEST_CRITERIA), (t) => t.replace('"manager_support"]', '"manager_support",]'));
  commitAll(root, 'Testets kriterier med ett kommatecken för mycket');
  git(['checkout', '-q', '-b', 'main-config-invalid', 'main'], root);
  config((t) => `${t}theme: dark\n`);
  commitAll(root, 'En nyckel som inte finns');
  git(['checkout', '-q', '-b', 'main-config-linked', 'main'], root);
  fs.renameSync(at(CONFIG), at('sluice.yaml'));
  fs.symlinkSync('sluice.yaml', at(CONFIG));
  commitAll(root, 'Konfigurationen genom en länk');
  for (const a of ATTACKS) {
    git(['checkout', '-q', '-b', a.name, a.from ?? 'main'], root);
    a.change(root);
    commitAll(root, a.name);
  }
  git(['checkout', '-q', '-b', 'hostile-text', 'main'], root);
  config((t) => t.replace(/^name: .*$/m, `name: "${HOSTILE}"`));
  write('ideas/01-ide/sund-h0st11-x.md', newIdea('sund-h0st11', `"${HOSTILE}"`, [CREATED]));
  edit(at(ideaPath('sund-njf5rp')), (t) => t.replace(/^title: .*$/m, `title: "${HOSTILE}"`));
  commitAll(root, 'hostile-text');
  git(['checkout', '-q', 'main'], root);
}, 120_000);

const HOSTILE = '[x](https://evil.example) ![](http://track.example/p.gif) @org/team <img src=x> #123 www.evil.example';

/** Findings on files the change deleted, which have no line to be on. */
const GONE = new Set([
  `idea/removed ${ideaPath('sund-ehq9v5')}`,
  `idea/removed ${ideaPath('sund-vtkg00')}`,
  `idea/removed ${ideaPath('sund-avmpk4')}`,
  `idea/removed ${COPY}`,
  `criteria/unreadable ${TEST_CRITERIA}`,
  `config/unreadable ${CONFIG}`,
]);

// A shared machine may be slow: each run gets time, and the formats of an attack run one after another.
const run = (args: string[]): Promise<RunResult> => ideasAsync(args, { cwd: root, timeoutMs: 90_000 });
/** The same command in this process (test/helpers/in-process.ts): held to the spawned run's output below. */
const runHere = (args: string[]): Promise<RunResult> => ideasInProcess(args, { cwd: root });
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.concurrent('ideas diff: attacks, each a finding with its rule, file and line, in every format', () => {
  it.each(ATTACKS.map((a) => [a.name, a] as const))(
    '%s',
    async (_name, a) => {
      const args = ['diff', a.from ?? 'main', a.name, '--lang', 'en'];
      // The built CLI once per attack; the other formats in this process, through the same run() (a spawned node
      // costs more CPU to start than the diff itself), held to the built CLI's output for the same JSON.
      const json = await run([...args, '--json']);
      const jsonHere = await runHere([...args, '--json']);
      expect({ code: jsonHere.code, stdout: jsonHere.stdout, stderr: jsonHere.stderr }).toEqual({
        code: json.code,
        stdout: json.stdout,
        stderr: json.stderr,
      });
      const github = await runHere([...args, '--format', 'github']);
      const junit = await runHere([...args, '--format', 'junit']);
      const md = await runHere([...args, '--format', 'md']);
      const text = await runHere(args);
      const errors = a.expect.filter((e) => e[2] !== 'warning');
      const code = errors.length > 0 ? 1 : 0;
      for (const r of [json, github, junit, md, text]) expect(r.code, describeRun(r)).toBe(code);

      const doc = parseJson<DiffDoc>(json);
      const unique = (pairs: string[][]) => [...new Set(pairs.map((p) => p.join(' ')))].sort();
      const got = (severity: string) =>
        unique(doc.findings.filter((f) => f.severity === severity).map((f) => [f.rule, f.file]));
      // Exactly the errors expected, no more: the attack is found, and nothing else is broken by the branch.
      expect(got('error'), JSON.stringify(doc.findings, null, 1)).toEqual(unique(errors.map(([r, f]) => [r, f])));
      expect(got('warning')).toEqual(
        expect.arrayContaining(unique(a.expect.filter((e) => e[2]).map(([r, f]) => [r, f]))),
      );
      // Every finding is on its line, but for a file the change deleted.
      for (const f of doc.findings)
        if (!GONE.has(`${f.rule} ${f.file}`) && a.expect.some(([r]) => r === f.rule))
          expect(f.line, f.rule).not.toBeNull();

      for (const [rule, file, warning] of a.expect) {
        const kind = warning ? 'warning' : 'error';
        const line = GONE.has(`${rule} ${file}`) ? '' : ',line=\\d+(,col=\\d+)?';
        expect(github.stdout).toMatch(
          new RegExp(`^::${kind} file=${escapeRe(file)}${line},title=ideas%3A ${escapeRe(rule)}::`, 'm'),
        );
        const testcase = new RegExp(`<testcase [^>]*name="${escapeRe(file)}"[^>]*>([\\s\\S]*?)</testcase>`).exec(
          junit.stdout,
        );
        expect(testcase?.[1], junit.stdout).toContain(warning ? `warning ${rule}` : `type="${rule}"`);
        expect(md.stdout).toContain(`| \`${file}${GONE.has(`${rule} ${file}`) ? '' : ':'}`);
        expect(md.stdout).toContain(`\`${rule}\``);
        expect(text.stdout).toContain(`${rule}:`);
      }
      if (errors.length === 0) expect(md.stdout).toMatch(/^✅ /m);
      else expect(md.stdout).toMatch(/^❌ /m);
    },
    300_000,
  );

  it('a new idea through every gate shows each step and its money to the reviewer', async () => {
    const doc = parseJson<DiffDoc>(await run(['diff', 'main', 'new-through-every-gate', '--json']));
    expect(doc.moved).toMatchObject([{ id: 'sund-x7kq2m', from: 'idea', to: 'test', forced: false }]);
    expect(doc.decisions.map((d) => d.amount)).toEqual([null, 500000]);
  });

  it('a criteria change that cannot be shown to only tighten says so, and why, in Swedish and English', async () => {
    const sv = await run(['diff', 'main', 'criteria-exempt-additional', '--json']);
    const en = await run(['diff', 'main', 'criteria-exempt-additional', '--json', '--lang', 'en']);
    const messages = (r: RunResult) =>
      parseJson<DiffDoc>(r)
        .findings.filter((f) => f.rule === 'criteria/loosened')
        .map((f) => f.message);
    expect(messages(sv)).toEqual([
      expect.stringMatching(
        /^Kriterierna för Utvärdering \(criteria\/evaluation\.schema\.json\): properties för \[team_gender\.names\] ändrat från \(inget\) till \{"type":"string"\}\. Det går inte att visa att ändringen bara skärper kraven \(den tar namn .*additionalProperties.*\), så den räknas som en lättnad\.$/,
      ),
    ]);
    expect(messages(en)).toEqual([
      expect.stringMatching(
        /^The criteria of Evaluation \(criteria\/evaluation\.schema\.json\): properties of \[team_gender\.names\] changed from \(none\) to \{"type":"string"\}\. The change cannot be shown to only tighten the criteria \(it takes names .*additionalProperties.*\), so it counts as a loosening\.$/,
      ),
    ]);
  });

  it('rules the base has but cannot be read say so, naming the file and the revision, in Swedish and English', async () => {
    const messages = async (from: string, branch: string, lang: string) =>
      parseJson<DiffDoc>(await run(['diff', from, branch, '--json', '--lang', lang]))
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.message);
    expect(await messages('main-criteria-linked', 'criteria-link-replaced', 'en')).toEqual([
      'The criteria of Test in criteria/test.schema.json cannot be read at main-criteria-linked: it is read through ' +
        'a symbolic link (criteria/test.schema.json → test-common.json), which no command follows. A change cannot ' +
        'be shown to only tighten criteria that cannot be read, so it counts as a loosening.',
    ]);
    expect(await messages('main-criteria-linked', 'criteria-link-replaced', 'sv')).toEqual([
      'Kriterierna för Test i criteria/test.schema.json kan inte läsas i main-criteria-linked: den läses genom en ' +
        'symbolisk länk (criteria/test.schema.json → test-common.json), som inget kommando följer. Det går inte att ' +
        'visa att ändringen bara skärper kriterier som inte kan läsas, så den räknas som en lättnad.',
    ]);
    expect(await messages('main', 'criteria-link-false', 'en')).toEqual([
      'The criteria of Test in criteria/test.schema.json cannot be read at criteria-link-false: it is read through ' +
        'a symbolic link (criteria/test.schema.json → false), which no command follows.',
    ]);
    expect(await messages('main-config-invalid', 'config-base-invalid', 'en')).toEqual([
      expect.stringMatching(
        /^The config ideas\.config\.yaml cannot be read at main-config-invalid: ideas\.config\.yaml:\d+:1 the field "theme" is not allowed here\. So the change cannot be judged by the rules at main-config-invalid; it was checked by its own rules at config-base-invalid, which it may have loosened\.$/,
      ),
    ]);
    expect(await messages('main-config-invalid', 'config-base-invalid', 'sv')).toEqual([
      expect.stringMatching(
        /^Konfigurationen ideas\.config\.yaml kan inte läsas i main-config-invalid: .*theme.*\. Ändringen kan därför inte prövas mot reglerna i main-config-invalid; den prövades mot sina egna regler i config-base-invalid, som den kan ha gjort lösare\.$/,
      ),
    ]);
  });

  it('an override is marked in the moves of every human format', async () => {
    const md = await run(['diff', 'main', 'forced-added', '--format', 'md', '--lang', 'en']);
    expect(md.stdout).toMatch(/^### ⚠️ To review \(1\)$/m);
    expect(md.stdout).toContain('| Idea | Test **(despite a closed gate)** |');
    const text = await run(['diff', 'main', 'forced-added', '--lang', 'en']);
    expect(text.stdout).toMatch(/\nTo review \(1\)\n/);
    expect(text.stdout).toContain('Idea → Test (despite a closed gate)');
  });
});

describe('ideas diff --format md: text from a pull request is never a link, a ping or an image', () => {
  it('a hostile title, note and config name render as text on GitHub', async () => {
    const r = await run(['diff', 'main', 'hostile-text', '--format', 'md']);
    expect(r.code, describeRun(r)).toBe(0);
    const html = new MarkdownIt({ html: true, linkify: true }).render(r.stdout);
    expect(html).not.toMatch(/<a |<img/);
    const plain = html.replace(/<[^>]*>/g, ' ');
    expect(plain).not.toMatch(/(^|[^\w])@[a-z]/i);
    expect(plain).not.toMatch(/#\d/);
    expect(plain.replace(/\u200b/g, '')).toContain('[x](https://evil.example)');
  });
});
