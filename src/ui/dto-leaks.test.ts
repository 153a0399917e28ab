/**
 * Every JSON document the program writes, built by its builder in dto.ts from inputs made as the commands make them
 * (the core's report, export table, region snapshot and diff, from idea files that hold personal values), and checked
 * for what must never get into one: an internal field, a path on this machine, a member's credentials, an undefined
 * value, anything JSON does not write as it is; and in the documents that are public by nature (the report and the
 * export without --include-personal, the site, the region's views, the schemas), any personal value.
 *
 * The cases are a table keyed by builder: the compiler holds its keys to the exports of dto.ts that return a Dto (the
 * one type output.ts writes), and the first test holds them to every function dto.ts exports, so that a builder
 * without a case fails here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as dtoModule from './dto.js';
import type { Dto } from './dto.js';
import { LazyList } from './lazy-list.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import { normalizeConfig, type Stage } from '../core/sluice/config.js';
import { summaryCells, toIdea, toIdeaSummary, type Idea } from '../core/sluice/idea.js';
import { classifySources } from '../core/criteria/personal-data.js';
import { fieldTitles } from '../core/criteria/field-titles.js';
import { buildReport } from '../core/report/report.js';
import { fieldOrderOf, ideaTable } from '../core/exchange/idea-row.js';
import { diffSnapshots, readSnapshot } from '../core/history/idea-diff.js';
import { IdeasError } from '../core/errors.js';
import type { Gate } from '../core/sluice/gate.js';
import type { ReviewItem } from '../core/sluice/agenda.js';
import type { Minutes } from '../core/history/minutes.js';
import type { Finding } from '../core/finding.js';
import type { RegionMember } from '../core/region/config.js';
import {
  buildIdeas,
  SNAPSHOT_VERSION,
  snapshotFields,
  snapshotRegistry,
  snapshotSummary,
  type MemberSnapshot,
} from '../core/region/snapshot.js';
import { findIdClashes } from '../core/region/clashes.js';
import { buildRegionReport } from '../core/region/report.js';
import { regionIdeaTable } from '../core/region/export.js';
import { ideaSpread } from '../core/region/spread.js';
import { readPackageSchema } from '../io/schemas.js';
import type { Registry } from '../io/registry.js';

/** Planted in every personal value of the ideas below: a leak names where it came from. */
const MARK = 'PERSONAL-5e1d';
/** The password in a member's address: git fetches with it, nothing shows it. */
const SECRET = 'hemligt-l0senord';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-dto-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const label = (sv: string, en: string) => ({ sv, en });
const config = normalizeConfig({
  name: 'Integritetsprov',
  language: 'sv',
  idPrefix: 'priv',
  ideasDir: 'ideas',
  stages: [
    {
      key: 'idea',
      folder: '01-ide',
      label: label('Idé', 'Idea'),
      next: ['test', 'parked'],
      criteria: 'criteria/idea.schema.json',
      limitDays: 10,
    },
    {
      key: 'test',
      folder: '02-test',
      label: label('Test', 'Test'),
      next: ['parked'],
      criteria: 'criteria/test.schema.json',
      council: true,
      funding: true,
      limitDays: 30,
    },
    {
      key: 'parked',
      folder: '90-parkerad',
      label: label('Parkerad', 'Parked'),
      next: ['idea'],
      criteria: 'criteria/idea.schema.json',
    },
  ],
  challenges: [{ id: 'klimat', label: label('Klimat', 'Climate') }],
  goals: [{ id: 'two', label: label('Två i test', 'Two in test'), stage: 'test', target: 2, by: '2026-12-31' }],
  minGroupSize: 1,
});
const registry: Registry = { root, configPath: path.join(root, 'ideas.config.yaml'), config };
const [ideaStage, testStage] = config.stages as [Stage, Stage, Stage];

const IDEA_CRITERIA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    plan: { type: 'string', 'x-public': true, 'x-title': label('Plan', 'Plan') },
    budget: { type: 'number', 'x-public': true },
    manager: { type: 'string', 'x-personal': true, 'x-title': label('Chef', 'Manager') },
    team_gender: { type: 'object', 'x-aggregate': true, properties: { women: { type: 'integer' } } },
  },
};
const TEST_CRITERIA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['test_plan'],
  properties: {
    test_plan: { type: 'string', 'x-public': true },
    result: { type: 'string', 'x-public': true },
  },
};
const baseSchema = readPackageSchema('idea');
const schemas = [baseSchema, IDEA_CRITERIA, TEST_CRITERIA];
const classes = classifySources([
  { schema: baseSchema, uri: baseSchema.$id as string },
  { schema: IDEA_CRITERIA, uri: pathToFileURL(path.join(root, 'criteria/idea.schema.json')).href },
  { schema: TEST_CRITERIA, uri: pathToFileURL(path.join(root, 'criteria/test.schema.json')).href },
]);

/** An idea in the first stage: every personal place holds a marker, and its public fields a value of their own. */
const IDEA_A = `---
id: priv-aaaa01
title: Cykelpool
created: 2026-10-01
carrier: ${MARK}-carrier
coach: ${MARK}-coach
contact: ${MARK}-contact
unit: Gatukontoret
challenge: klimat
tags: [cykel, pendling]
plan: Plan-publik
budget: 5000
manager: ${MARK}-manager
team_gender: { women: 2 }
nobody: ${MARK}-unmarked
history:
  - { date: 2026-10-01, action: created, to: idea, by: ${MARK}-by }
  - { date: 2026-10-02, action: assigned, field: coach, old: ${MARK}-old, new: ${MARK}-new, by: ${MARK}-by-2 }
---
Text om cykelpoolen.
`;

/** An idea forced into the council's stage past a closed gate (it has no test plan): an override in the report. */
const IDEA_B = `---
id: priv-bbbb02
title: Skolgård
created: 2026-09-01
carrier: ${MARK}-carrier-b
unit: Skola
tags: [skola]
plan: Plan-publik-2
result: Resultat-publik
manager: ${MARK}-manager-b
history:
  - { date: 2026-09-01, action: created, to: idea, by: ${MARK}-by-b }
  - { date: 2026-09-10, action: decided, from: idea, to: test, decision: approve, amount: 20000, note: Bra, by: ${MARK}-council, forced: true }
---
Text om skolgården.
`;

const FILES = [
  { path: 'ideas/01-ide/priv-aaaa01-cykelpool.md', text: IDEA_A, stage: ideaStage },
  { path: 'ideas/02-test/priv-bbbb02-skolgard.md', text: IDEA_B, stage: testStage },
];

function ideaOf(text: string, rel: string, stage: Stage): Idea {
  const fm = readFrontMatter(Buffer.from(text, 'utf8'));
  if (!fm.ok) throw new Error(fm.rule);
  return toIdea(fm, stage, rel, path.join(root, rel));
}
const ideas = FILES.map((f) => ideaOf(f.text, f.path, f.stage));
const [ideaA, ideaB] = ideas as [Idea, Idea];
const summaries = ideas.map((i) => toIdeaSummary(summaryCells(i.data), i.stage, i.path, i.abs));
const today = new Date('2026-11-23T12:00:00Z');

const reportOf = (includePersonal: boolean) =>
  buildReport(config, ideas, classes, {
    since: '2026-01-01',
    until: '2026-11-23',
    today: '2026-11-23',
    by: ['unit', 'tags'],
    includePersonal,
    minGroupSize: 1,
    missing: () => ['test_plan'],
  });
const titles = fieldTitles(schemas, ['unit', 'tags', 'team_gender', 'team_gender.women', 'test_plan']);
const tableOf = (includePersonal: boolean) =>
  ideaTable(ideas, config, classes, { includePersonal }, fieldOrderOf(schemas));

// ---- A region of two members, each synced as `ideas region sync` keeps it: the public copy of each idea.

const regionRoot = path.join(root, 'region');
const region = { root: regionRoot, config: { name: 'Skaraborg' } };
const memberOf = (id: string, name: string): RegionMember => ({
  id,
  name,
  municipality: '1494',
  url: `https://git.example.se/${id}/ideas.git`,
  fetchUrl: `https://anna:${SECRET}@git.example.se/${id}/ideas.git`,
  branch: 'main',
  path: 'registry',
  site: `https://${id}.example.se/ideer/`,
});
const snapshotOf = (member: RegionMember): MemberSnapshot => ({
  schemaVersion: SNAPSHOT_VERSION,
  member: member.id,
  url: member.url,
  branch: member.branch,
  path: member.path,
  commit: 'b'.repeat(40),
  syncedAt: '2026-12-01T10:00:00.000Z',
  rulesKey: 'c'.repeat(40),
  registry: snapshotRegistry(
    config,
    new Map(),
    snapshotFields(classes, (key) => fieldTitles(schemas, [key])[key] ?? label(key, key)),
  ),
  ...buildIdeas(
    config,
    FILES.map((f, i) => ({
      path: f.path,
      bytes: Buffer.from(f.text),
      abs: path.join(root, f.path),
      oid: `${i}`.repeat(40),
    })),
    classes,
    null,
  ),
});
const lidkoping = memberOf('lidkoping', 'Lidköpings kommun');
const skovde = memberOf('skovde', 'Skövde kommun');
const held = [lidkoping, skovde].map((member) => ({ member, snapshot: snapshotOf(member) }));
const snapshots = held.map((h) => h.snapshot);
const states = held.map(({ member, snapshot }) => ({
  member,
  snapshot: snapshotSummary(snapshot),
  failure: { at: '2026-12-02T10:00:00.000Z', message: label('Kunde inte hämtas', 'Could not be fetched') },
}));
const regionIdea = held[0]?.snapshot.ideas[0] as MemberSnapshot['ideas'][number];
const now = new Date('2026-12-04T12:00:00Z');

// ---- What the other commands hand their builders.

const gateOf = (from: Stage, to: Stage): Gate => ({
  from,
  to,
  allowed: true,
  missing: [
    {
      pointer: '/test_plan',
      field: 'test_plan',
      keyword: 'required',
      message: label('Testplan saknas', 'No test plan'),
    },
  ],
  open: false,
});

function ideaDiff() {
  const base = readSnapshot(config, [{ path: FILES[0]?.path as string, bytes: Buffer.from(IDEA_A) }]);
  const moved = IDEA_A.replace('coach:', `test_plan: Plan\ncoach:`).replace(
    'history:\n',
    `history:\n  - { date: 2026-11-20, action: moved, from: idea, to: test, by: ${MARK}-mover, forced: true }\n`,
  );
  const head = readSnapshot(
    config,
    [
      { path: 'ideas/02-test/priv-aaaa01-cykelpool.md', text: moved },
      { path: 'ideas/01-ide/priv-cccc03-ny.md', text: IDEA_B.replace('priv-bbbb02', 'priv-cccc03') },
    ].map((f) => ({ path: f.path, bytes: Buffer.from(f.text), abs: path.join(root, f.path) })),
  );
  return diffSnapshots(base, head, {
    lang: 'sv',
    baseName: 'main',
    gate: (_idea, from, to) => gateOf(from, to),
    now: today,
  });
}

const findings: Finding[] = [
  {
    file: 'ideas/01-ide/priv-aaaa01-cykelpool.md',
    line: 4,
    column: 1,
    rule: 'schema/type',
    severity: 'error',
    message: `Idébärare: ska vara text, inte ${MARK}-carrier`,
    hint: 'Skriv en text.',
    pointer: '/carrier',
    keyword: 'type',
    fix: 'ideas edit priv-aaaa01 --set carrier=<text>',
  },
];

const agenda: ReviewItem[] = [
  {
    idea: ideaB,
    next: config.stages[2] as Stage,
    gate: gateOf(testStage, config.stages[2] as Stage),
    checklist: [
      { field: 'test_plan', label: 'Testplan', status: 'not-given', problem: 'saknas', schema: { type: 'string' } },
      { field: '', label: '', status: 'not-given', problem: null, withheld: true },
    ],
    daysInStage: 74,
    fix: ['ideas edit priv-bbbb02 --set test_plan=<text>'],
  },
];

const minutes: Minutes = {
  registry: config.name,
  date: '2026-11-23',
  by: `${MARK}-council`,
  items: [
    {
      id: 'priv-bbbb02',
      title: 'Skolgård',
      decision: 'approve',
      from: 'Test',
      to: 'Parkerad',
      reason: 'Bra',
      amount: 20000,
      forced: false,
      deciders: `${MARK}-decider`,
      keys: { from: 'test', to: 'parked' },
    },
  ],
  skipped: [{ id: 'priv-aaaa01', title: 'Cykelpool' }],
  unhandled: [],
  conflicts: [{ id: 'priv-bbbb02', title: 'Skolgård', names: [`${MARK}-jav`] }],
  completed: [
    { id: 'priv-bbbb02', title: 'Skolgård', field: 'Testplan', value: 'Plan', name: 'test_plan', data: 'Plan' },
  ],
};

/** What `ideas init` hands its builder, its root (absolute) among it. */
const initView = {
  lang: 'sv' as const,
  root,
  name: 'Integritetsprov',
  template: 'sundsvall',
  files: ['ideas.config.yaml', 'criteria/idea.schema.json', '.github/workflows/ideas.yml', '.gitignore'],
  ci: { file: '.github/workflows/ideas.yml', status: 'written', provider: 'github', package: 'idesluss' },
  gitignore: 'created',
  git: { repository: true, staged: true, commit: null, message: 'Idéslussen' },
};

// ---- The table: every builder, each with the inputs above and what its documents promise.

interface Case {
  /** What the case shows of the builder (a --flag, a state). */
  name: string;
  build: () => Dto;
  /** The document's kind; null for the JSON Schema printed for editors, the one output that is not a document. */
  kind: string | null;
  /** `registry` as every document has it: the registry's, or null (a region's, a hook's, git's). */
  registry: 'named' | null;
  /**
   * Public: an output the product makes for anyone (the site, an export or a report without --include-personal, the
   * region's views, the schemas), which holds no personal value; internal: a coordinator's or a council's own, which
   * may name a carrier. The public ones name a value they must show, so that "no personal value" is not said of an
   * empty document.
   */
  shows: { public: readonly string[] } | 'internal';
  /** Where a document carries data as written (front matter, a schema): any key may stand there. */
  asWritten?: readonly RegExp[];
  /** Where a path on this machine is what the document says: a folder or file given on the command line, git's hook. */
  machinePath?: readonly RegExp[];
}

type Exports = typeof dtoModule;
/** The exports of dto.ts that build what the program writes: those that return a Dto. */
type Builder = { [K in keyof Exports]: Exports[K] extends (...args: never[]) => Dto ? K : never }[keyof Exports];

/** What dto.ts exports besides its builders, each for a reason: a new export is one or the other. */
const NOT_BUILDERS = [
  // An idea as a list shows it, exported for its own tests: ideaListDocument writes it.
  'ideaSummaryDto',
];

const FIELDS = [/^\/idea\/fields(\/|$)/];
const IN_REGION_IDEA = [/^\/idea\/data(\/|$)/];
const SCHEMA = [/^\/schema(\/|$)/];

const idea = (name: string, build: () => Dto): Case => ({
  name,
  build,
  kind: 'idea',
  registry: 'named',
  shows: 'internal',
  asWritten: FIELDS,
});
const ofRegion = (name: string, kind: string, build: () => Dto, more: Partial<Case> = {}): Case => ({
  name,
  build,
  kind,
  registry: null,
  shows: { public: ['Skaraborg'] },
  ...more,
});

const cases = {
  ideaListDocument: [
    {
      name: 'the summaries list keeps, and ideas read whole',
      build: () => dtoModule.ideaListDocument(registry, [...summaries, ideaA], 'sv', today),
      kind: 'idea-list',
      registry: 'named',
      // `ideas list` is the coordinator's: it names each idea's carrier.
      shows: 'internal',
    },
  ],
  ideaDocument: [idea('show', () => dtoModule.ideaDocument(registry, ideaA, 'sv', today))],
  ideaCreatedDocument: [
    idea('new, with ideas like it here and in the region', () =>
      dtoModule.ideaCreatedDocument(registry, ideaA, 'sv', today, {
        staged: true,
        committed: false,
        similar: [{ item: ideaB, score: 0.61234 }],
        elsewhere: [
          {
            member: 'lidkoping',
            memberName: 'Lidköping',
            idea: { id: regionIdea.id, title: regionIdea.title, path: regionIdea.path },
            stageLabel: label('Idé', 'Idea'),
            score: 0.5,
            syncedAt: '2026-11-22T10:00:00Z',
          },
        ],
      }),
    ),
  ],
  ideaMovedDocument: [
    idea('move, forced', () =>
      dtoModule.ideaMovedDocument(registry, ideaB, 'sv', today, {
        from: ideaStage,
        to: testStage,
        forced: true,
        entry: { date: '2026-11-23', action: 'moved', from: 'idea', to: 'test', by: `${MARK}-mover`, forced: true },
        staged: true,
        committed: false,
      }),
    ),
  ],
  ideaDecidedDocument: [
    idea('decide, with fields set', () =>
      dtoModule.ideaDecidedDocument(registry, ideaB, 'sv', today, {
        decision: 'approve',
        from: ideaStage,
        to: testStage,
        forced: false,
        entry: { date: '2026-11-23', action: 'decided', decision: 'approve', amount: 0, by: `${MARK}-council` },
        changes: [{ field: 'coach', old: undefined, new: `${MARK}-coach` }],
        staged: true,
        committed: true,
      }),
    ),
    idea('decide, staying', () =>
      dtoModule.ideaDecidedDocument(registry, ideaA, 'sv', today, {
        decision: 'park',
        from: ideaStage,
        to: null,
        forced: false,
        entry: { date: '2026-11-23', action: 'decided', decision: 'park' },
        changes: [],
        staged: true,
        committed: false,
      }),
    ),
  ],
  ideaAssignedDocument: [
    idea('assign', () =>
      dtoModule.ideaAssignedDocument(registry, ideaA, 'sv', today, {
        changes: [{ field: 'coach', old: `${MARK}-coach`, new: `${MARK}-coach-2` }],
        staged: true,
        committed: false,
      }),
    ),
  ],
  ideaAdoptedDocument: [
    idea('adopt', () =>
      dtoModule.ideaAdoptedDocument(registry, ideaA, 'sv', today, {
        to: 'idea',
        forced: true,
        basedOn: { member: 'lidkoping', id: 'priv-aaaa01', commit: 'b'.repeat(40), url: lidkoping.url },
        staged: true,
        committed: false,
      }),
    ),
  ],
  ideaEditDocument: [
    idea('edit', () =>
      dtoModule.ideaEditDocument(registry, ideaA, 'sv', today, {
        changes: [
          { field: 'coach', old: `${MARK}-coach`, new: `${MARK}-coach-2` },
          { field: 'budget', old: undefined, new: 5000 },
          { field: 'unit', old: 'Gatukontoret', new: undefined },
        ],
        bodyChanged: true,
        recorded: ['coach', 'budget'],
        staged: true,
        committed: false,
      }),
    ),
  ],
  validationDocument: [
    {
      name: 'validate --changed --strict',
      build: () =>
        dtoModule.validationDocument(registry, 2, findings, false, {
          total: 2,
          changed: { base: 'a'.repeat(40), ref: 'main', config: true, criteria: [testStage] },
          strict: true,
        }),
      kind: 'validation',
      registry: 'named',
      // A coordinator's check of the registry: a finding may quote the value it is about.
      shows: 'internal',
    },
  ],
  ideaDiffDocument: [
    {
      name: 'diff, a forced move and a new idea like one in the region',
      build: () =>
        dtoModule.ideaDiffDocument({
          registry,
          lang: 'sv',
          base: { ref: 'main', commit: 'a'.repeat(40), mergeBase: true, worktree: false },
          head: { ref: null, commit: null, mergeBase: false, worktree: true },
          diff: ideaDiff(),
          ok: false,
          regionSimilar: [
            {
              id: 'priv-cccc03',
              title: 'Skolgård',
              path: 'ideas/01-ide/priv-cccc03-ny.md',
              similar: [
                {
                  member: 'lidkoping',
                  memberName: 'Lidköping',
                  idea: { id: regionIdea.id, title: regionIdea.title, path: regionIdea.path },
                  stageLabel: label('Idé', 'Idea'),
                  score: 0.7,
                  syncedAt: '2026-11-22T10:00:00Z',
                },
              ],
            },
          ],
        }),
      kind: 'idea-diff',
      registry: 'named',
      // For the registry's own pull requests: a decision names its council, a change its carrier.
      shows: 'internal',
    },
  ],
  errorDocument: [
    {
      name: 'an error in a registry, naming a folder',
      build: () =>
        dtoModule.errorDocument(
          new IdeasError('GIT', 'err.notGitRepo', { dir: root }, { hint: 'hint.notGitRepo', details: [root] }),
          'sv',
          registry,
        ),
      kind: 'error',
      registry: 'named',
      shows: 'internal',
      // An error says where: the folder it could not use.
      machinePath: [/^\/error\/(message|hint|details\/\d+)$/],
    },
    {
      name: 'an error outside a registry',
      build: () => dtoModule.errorDocument(new IdeasError('USAGE', 'err.badPeriod', { since: 'b', until: 'a' }), 'en'),
      kind: 'error',
      registry: null,
      shows: 'internal',
    },
  ],
  reportDocument: [
    {
      name: 'report, by public fields',
      build: () => dtoModule.reportDocument(registry, reportOf(false), titles, 'sv'),
      kind: 'report',
      registry: 'named',
      shows: { public: ['Gatukontoret', 'Skolgård', 'priv-bbbb02'] },
    },
    {
      name: 'report --include-personal',
      build: () => dtoModule.reportDocument(registry, reportOf(true), titles, 'sv'),
      kind: 'report',
      registry: 'named',
      shows: 'internal',
    },
  ],
  exportDocument: [
    {
      name: 'export',
      build: () => dtoModule.exportDocument(registry, tableOf(false), false),
      kind: 'idea-export',
      registry: 'named',
      shows: { public: ['Plan-publik', 'Resultat-publik', 'Text om cykelpoolen.'] },
    },
    {
      name: 'export --include-personal',
      build: () => dtoModule.exportDocument(registry, tableOf(true), true),
      kind: 'idea-export',
      registry: 'named',
      shows: 'internal',
    },
  ],
  importDocument: [
    {
      name: 'import --dry-run, rows new, updated and invalid',
      build: () =>
        dtoModule.importDocument(
          registry,
          {
            file: path.join(root, 'ideer.csv'),
            ok: false,
            dryRun: true,
            written: false,
            staged: false,
            rows: 3,
            imported: [
              { row: 2, id: 'priv-dddd04', title: 'Ny', stage: ideaStage, path: 'ideas/01-ide/priv-dddd04-ny.md' },
            ],
            updated: [
              {
                row: 3,
                id: 'priv-aaaa01',
                title: 'Cykelpool',
                stage: ideaStage,
                path: FILES[0]?.path as string,
                changes: [{ field: 'carrier', label: label('Idébärare', 'Idea carrier'), cleared: false }],
              },
            ],
            unchanged: [],
            problems: [
              {
                row: 4,
                line: 4,
                column: 'Budget',
                field: 'budget',
                message: label('inte ett tal', 'not a number'),
                unchangedIf: { field: 'budget', path: ['budget'], cell: `${MARK}-cell` },
              },
            ],
            invalidRows: [4],
            ignoredColumns: ['Kommentar'],
            suggestedMaps: [{ column: 'Chef', field: 'manager' }],
            duplicates: [{ row: 2, id: null, title: 'Ny' }],
          },
          'sv',
        ),
      kind: 'import',
      registry: 'named',
      shows: 'internal',
      // The spreadsheet as named on the command line.
      machinePath: [/^\/file$/],
    },
  ],
  registryCreatedDocument: [
    {
      name: 'init',
      build: () => dtoModule.registryCreatedDocument(initView),
      kind: 'registry-created',
      registry: 'named',
      shows: 'internal',
    },
  ],
  hookDocument: [
    {
      name: 'hook install, a foreign hook kept',
      build: () =>
        dtoModule.hookDocument({
          kind: 'hook-installed',
          hook: path.join(root, '.git/hooks/pre-commit'),
          status: 'installed',
          backup: path.join(root, '.git/hooks/pre-commit.ideas-backup'),
        }),
      kind: 'hook-installed',
      registry: null,
      shows: 'internal',
      // git's hook file, wherever core.hooksPath puts it: not a file of the registry.
      machinePath: [/^\/(hook|backup|restored)$/],
    },
    {
      name: 'hook uninstall',
      build: () =>
        dtoModule.hookDocument({
          kind: 'hook-uninstalled',
          hook: path.join(root, '.git/hooks/pre-commit'),
          status: 'removed',
          restored: path.join(root, '.git/hooks/pre-commit'),
        }),
      kind: 'hook-uninstalled',
      registry: null,
      shows: 'internal',
      machinePath: [/^\/(hook|backup|restored)$/],
    },
  ],
  siteDocument: [
    {
      name: 'site',
      build: () =>
        dtoModule.siteDocument(registry, {
          out: path.join(root, 'site'),
          pages: 4,
          files: ['index.html', 'stats.html', 'ideas/priv-aaaa01.html', 'ideas/priv-bbbb02.html'],
          includePersonal: false,
        }),
      kind: 'site',
      registry: 'named',
      shows: { public: ['ideas/priv-aaaa01.html'] },
      // README: a folder given on the command line (`site`'s `out`) is absolute.
      machinePath: [/^\/out$/],
    },
  ],
  reviewAgendaDocument: [
    {
      name: 'review --dry-run',
      build: () => dtoModule.reviewAgendaDocument(registry, agenda, 'sv', today),
      kind: 'review-agenda',
      registry: 'named',
      // The council's papers: each idea with its carrier.
      shows: 'internal',
    },
  ],
  reviewMinutesDocument: [
    {
      name: 'review, the minutes written',
      build: () =>
        dtoModule.reviewMinutesDocument(registry, minutes, {
          minutesFile: path.join(root, 'minutes/council-2026-11-23.md'),
          cancelled: false,
        }),
      kind: 'review-minutes',
      registry: 'named',
      // The council's minutes name who decided.
      shows: 'internal',
    },
  ],
  schemaDocument: [
    {
      name: 'schema --stage test --json',
      build: () => dtoModule.schemaDocument(registry, testStage, 'sv', { ...TEST_CRITERIA, title: 'Test' }),
      kind: 'schema',
      registry: 'named',
      shows: { public: ['test_plan'] },
      asWritten: SCHEMA,
    },
  ],
  jsonSchemaFile: [
    {
      name: 'schema, for editors',
      build: () => dtoModule.jsonSchemaFile({ ...IDEA_CRITERIA, title: 'Idé' }),
      kind: null,
      registry: null,
      shows: { public: ['plan'] },
      asWritten: [/^/],
    },
  ],
  regionSchemaDocument: [
    {
      name: 'schema --region --json',
      build: () => dtoModule.regionSchemaDocument(readPackageSchema('region')),
      kind: 'region-schema',
      registry: null,
      shows: { public: ['members'] },
      asWritten: SCHEMA,
    },
  ],
  regionCreatedDocument: [
    ofRegion('region init', 'region-created', () =>
      dtoModule.regionCreatedDocument({ name: 'Skaraborg', lang: 'sv', gitInit: true }),
    ),
  ],
  regionMemberAddedDocument: [
    ofRegion('region add', 'region-member-added', () =>
      dtoModule.regionMemberAddedDocument({ region, lang: 'sv', member: lidkoping }),
    ),
  ],
  regionMemberRemovedDocument: [
    ofRegion('region remove', 'region-member-removed', () =>
      dtoModule.regionMemberRemovedDocument({ region, lang: 'sv', member: lidkoping }),
    ),
  ],
  regionSyncDocument: [
    ofRegion(
      'region sync, an id held by two members',
      'region-sync',
      () =>
        dtoModule.regionSyncDocument(
          {
            region,
            lang: 'sv',
            ok: false,
            members: states.map((s) => ({ ...s, status: 'updated' as const, parsed: 2 })),
            clashes: findIdClashes(snapshots),
            findings: [{ ...(findings[0] as Finding), message: 'Id priv-aaaa01 finns hos två medlemmar' }],
          },
          now,
        ),
      { shows: { public: ['priv-aaaa01', 'Lidköpings kommun'] } },
    ),
  ],
  regionListDocument: [
    ofRegion(
      'region list',
      'region-idea-list',
      () =>
        dtoModule.regionListDocument(
          {
            region,
            lang: 'sv',
            members: states,
            rows: held.flatMap((h) => h.snapshot.ideas.map((i) => ({ member: h.member, idea: i }))),
          },
          now,
        ),
      { shows: { public: ['Cykelpool', 'Gatukontoret'] } },
    ),
  ],
  regionIdeaDocument: [
    ofRegion(
      'region show',
      'region-idea',
      () =>
        dtoModule.regionIdeaDocument(
          {
            region,
            lang: 'sv',
            held: states[0] as (typeof states)[number],
            idea: regionIdea,
            spread: ideaSpread(snapshots, 'lidkoping', regionIdea),
          },
          now,
        ),
      { shows: { public: ['Cykelpool', 'Plan-publik', 'Text om cykelpoolen.'] }, asWritten: IN_REGION_IDEA },
    ),
  ],
  regionDuplicatesDocument: [
    ofRegion(
      'region duplicates',
      'region-duplicates',
      () => {
        const side = (i: number) => ({
          member: held[i]?.member as RegionMember,
          idea: regionIdea,
          stageLabel: label('Idé', 'Idea'),
        });
        return dtoModule.regionDuplicatesDocument(
          {
            region,
            lang: 'sv',
            members: states,
            pairs: [{ score: 0.81234, shared: ['cykel'], a: side(0), b: side(1) }],
          },
          now,
        );
      },
      { shows: { public: ['Cykelpool', 'Skövde kommun'] } },
    ),
  ],
  regionReportDocument: [
    ofRegion(
      'region report --by unit',
      'region-report',
      () => {
        const period = { since: '2026-01-01', until: '2026-12-04', today: '2026-12-04' };
        const report = buildRegionReport('Skaraborg', held, period, [{ field: 'unit', title: label('Enhet', 'Unit') }]);
        return dtoModule.regionReportDocument({ region, lang: 'sv', members: states, report }, now);
      },
      { shows: { public: ['Cykelpool', 'Skolgård'] } },
    ),
  ],
  regionExportDocument: [
    ofRegion(
      'region export',
      'region-idea-export',
      () =>
        dtoModule.regionExportDocument(
          { region, lang: 'sv', members: states, table: regionIdeaTable('Skaraborg', held, null) },
          now,
        ),
      { shows: { public: ['Plan-publik', 'Resultat-publik', 'Text om skolgården.'] } },
    ),
  ],
  regionSiteDocument: [
    ofRegion('region site', 'region-site', () =>
      dtoModule.regionSiteDocument(
        { region, lang: 'sv', members: states, out: path.join(regionRoot, 'public'), pages: 7 },
        now,
      ),
    ),
  ],
} satisfies Record<Builder, readonly Case[]>;

// ---- The checks.

/** Keys of the program's own objects, which a document never carries (outside data as written). */
const INTERNAL_KEYS = new Set([
  // An idea's file and parse.
  'abs',
  'matter',
  'bodyLine',
  'bytes',
  'data',
  // The registry and its criteria.
  'root',
  'configPath',
  'config',
  'stages',
  'schema',
  'validate',
  'classes',
  // What a region keeps of a member: its fetch, its blobs, its rules.
  'fetchUrl',
  'branch',
  'oid',
  'rulesKey',
  'cacheDir',
]);

/** Every value of a document with its JSON Pointer, LazyLists as the arrays they write. */
function* values(value: unknown, at = ''): Generator<[pointer: string, value: unknown]> {
  yield [at, value];
  if (value instanceof LazyList || Array.isArray(value)) {
    let i = 0;
    for (const item of value as Iterable<unknown>) yield* values(item, `${at}/${i++}`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      yield* values(v, `${at}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  }
}

const under = (pointer: string, places: readonly RegExp[] | undefined) => (places ?? []).some((p) => p.test(pointer));

/** What a document holds that it must not, each named by where: none for a document that keeps its promise. */
function leaks(doc: Dto, c: Case): string[] {
  const found: string[] = [];
  for (const [at, value] of values(doc)) {
    const key = at.slice(at.lastIndexOf('/') + 1);
    // A flag or a count may share a name with an object of the program's (`changed.config`: whether it changed).
    const held = typeof value === 'object' || typeof value === 'string';
    if (at !== '' && INTERNAL_KEYS.has(key) && held && !under(at, c.asWritten)) found.push(`${at}: an internal field`);
    for (const text of [key, typeof value === 'string' ? value : '']) {
      if (text.includes(root) && !under(at, c.machinePath)) found.push(`${at}: a path on this machine`);
      if (text.includes(SECRET)) found.push(`${at}: a member's credentials`);
      if (c.shows !== 'internal' && text.includes(MARK)) found.push(`${at}: a personal value, ${text}`);
    }
    if (value === undefined) found.push(`${at}: undefined`);
    else if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      found.push(`${at}: a ${typeof value}`);
    else if (typeof value === 'number' && !Number.isFinite(value))
      found.push(`${at}: ${value}, which JSON writes as null`);
    else if (value !== null && typeof value === 'object') {
      const proto: unknown = Object.getPrototypeOf(value);
      const plain = Array.isArray(value) || value instanceof LazyList || proto === Object.prototype || proto === null;
      if (!plain) found.push(`${at}: a ${(value as object).constructor.name}, not plain data`);
      if (Object.getOwnPropertySymbols(value).length > 0) found.push(`${at}: a symbol key, which JSON leaves out`);
    }
  }
  return found;
}

const all = Object.entries(cases).flatMap(([builder, list]) =>
  (list as readonly Case[]).map((c) => [builder, c.name, c] as const),
);

describe('every JSON document dto.ts builds', () => {
  it('has its cases here: each function dto.ts exports is a builder with cases, or said not to be one', () => {
    const exported = Object.keys(dtoModule).filter((k) => typeof dtoModule[k as keyof Exports] === 'function');
    expect(exported.filter((k) => !NOT_BUILDERS.includes(k)).sort()).toEqual(Object.keys(cases).sort());
    for (const [builder, list] of Object.entries(cases)) expect(list.length, builder).toBeGreaterThan(0);
  });

  it.each(all)('%s (%s): versioned, names its registry, and its kind', (_builder, _name, c) => {
    const doc = c.build() as unknown as Record<string, unknown>;
    if (c.kind === null) {
      expect(Object.keys(doc)).not.toContain('schemaVersion');
      return;
    }
    expect({ schemaVersion: doc.schemaVersion, kind: doc.kind }).toEqual({ schemaVersion: 1, kind: c.kind });
    expect(doc.registry).toEqual(c.registry === null ? null : { name: config.name, language: config.language });
    if (c.registry === null && doc.region !== undefined)
      expect(doc.region).toEqual({ name: 'Skaraborg', language: 'sv' });
  });

  it.each(all)('%s (%s): keeps its promise of what it holds', (_builder, _name, c) => {
    const doc = c.build();
    expect(leaks(doc, c)).toEqual([]);
    if (c.shows !== 'internal') {
      const text = JSON.stringify(doc);
      for (const value of c.shows.public) expect(text, value).toContain(value);
    }
  });
});

describe('the checks', () => {
  // Each check must see what it is for: a document that holds one of each is refused for each.
  it('name what leaks, and where', () => {
    const bad = {
      schemaVersion: 1,
      kind: 'idea',
      idea: { abs: path.join(root, 'x.md'), fields: { data: 1 }, carrier: `${MARK}-carrier`, when: new Date(0) },
      member: { url: `https://anna:${SECRET}@example.se/x.git` },
      missing: undefined,
      ratio: Number.NaN,
      list: new LazyList(1, () => ({ f: () => 1 })),
    } as unknown as Dto;
    const c: Case = {
      name: 'bad',
      build: () => bad,
      kind: 'idea',
      registry: null,
      shows: { public: [] },
      asWritten: FIELDS,
    };
    expect(leaks(bad, c)).toEqual([
      '/idea/abs: an internal field',
      '/idea/abs: a path on this machine',
      `/idea/carrier: a personal value, ${MARK}-carrier`,
      '/idea/when: a Date, not plain data',
      "/member/url: a member's credentials",
      '/missing: undefined',
      '/ratio: NaN, which JSON writes as null',
      '/list/0/f: a function',
    ]);
    expect(leaks(bad, { ...c, shows: 'internal', machinePath: [/^\/idea\/abs$/] })).not.toContain(
      `/idea/carrier: a personal value, ${MARK}-carrier`,
    );
  });
});
