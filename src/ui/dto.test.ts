import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegistryConfig, Stage } from '../core/sluice/config.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import { summaryCells, toIdea, toIdeaSummary, type Idea } from '../core/sluice/idea.js';
import type { Registry } from '../io/registry.js';
import {
  ideaCreatedDocument,
  ideaDocument,
  ideaEditDocument,
  ideaListDocument,
  ideaSummaryDto,
  regionCreatedDocument,
  regionMemberAddedDocument,
  regionMemberRemovedDocument,
  regionDuplicatesDocument,
  regionIdeaDocument,
  regionListDocument,
  regionReportDocument,
  regionSchemaDocument,
  regionSyncDocument,
} from './dto.js';
import type { RegionMember } from '../core/region/config.js';
import { LazyList } from './lazy-list.js';
import { buildRegionReport } from '../core/region/report.js';
import { SNAPSHOT_VERSION, type MemberSnapshot, type RegionIdea } from '../core/region/snapshot.js';

const stage: Stage = {
  key: 'idea',
  folder: '01-ide',
  label: { sv: 'Idé', en: 'Idea' },
  next: [],
  criteria: 'criteria/idea.schema.json',
  council: false,
  funding: false,
  limitDays: null,
};
const config: RegistryConfig = {
  schemaVersion: 1,
  name: 'Test',
  language: 'sv',
  idPrefix: 'ide',
  ideasDir: 'ideas',
  stages: [stage],
  challenges: [],
  goals: [],
};
const today = new Date('2026-11-23T12:00:00Z');

let root: string;
let registry: Registry;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-'));
  registry = { root, configPath: path.join(root, 'ideas.config.yaml'), config };
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function ideaOf(text: string, rel = 'ideas/01-ide/ide-abcd12-x.md'): Idea {
  const fm = readFrontMatter(Buffer.from(text, 'utf8'));
  if (!fm.ok) throw new Error(fm.rule);
  return toIdea(fm, stage, rel, path.join(root, rel));
}

const FULL = `---
id: ide-abcd12
title: Cykelpool
created: 2026-11-20
carrier: Anna
coach: Sara
unit: Gatukontoret
challenge: klimat
tags: [cykel, pendling]
budget: 5000
history:
  - date: 2026-11-20
    action: created
    to: idea
  - date: 2026-11-21
    action: decided
    decision: approve
    amount: 20000
---
Text.
`;

/** A document as jsonParts writes it: its LazyLists as the arrays of their items, undefined values kept. */
function materialized(value: unknown): unknown {
  if (value instanceof LazyList || Array.isArray(value)) return Array.from(value as Iterable<unknown>, materialized);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialized(v)]));
}

/** Every key of an object tree, with its path, leaving out the subtree under `fields` (the front matter as written). */
function keysOutsideFields(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOutsideFields(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === 'fields' ? [`${at}/${k}`] : [`${at}/${k}`, ...keysOutsideFields(v, `${at}/${k}`)],
  );
}

function undefinedPaths(value: unknown, at = ''): string[] {
  if (value === undefined) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => undefinedPaths(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, `${at}/${k}`));
}

describe('ideaSummaryDto', () => {
  it('gives null for every missing value, never an absent key', () => {
    const dto = ideaSummaryDto(ideaOf('---\ntitle: Bara en titel\n---\n'), 'en', today);
    expect(dto).toEqual({
      id: null,
      title: 'Bara en titel',
      stage: 'idea',
      stageLabel: 'Idea',
      path: 'ideas/01-ide/ide-abcd12-x.md',
      created: null,
      ageDays: null,
      carrier: null,
      coach: null,
      unit: null,
      challenge: null,
      tags: [],
      granted: 0,
    });
    expect(undefinedPaths(dto)).toEqual([]);
    for (const [key, value] of Object.entries(dto)) expect(value, key).not.toBeUndefined();
  });

  it('gives null for values of the wrong type, and the age in days', () => {
    const dto = ideaSummaryDto(
      ideaOf('---\ntitle: X\ncreated: 2026-11-20\ncarrier: [a, b]\ncoach: { name: Sara }\ntags: [ok, 3, null]\n---\n'),
      'sv',
      today,
    );
    expect({
      carrier: dto.carrier,
      coach: dto.coach,
      tags: dto.tags,
      ageDays: dto.ageDays,
      stageLabel: dto.stageLabel,
    }).toEqual({
      carrier: null,
      coach: null,
      tags: ['ok'],
      ageDays: 3,
      stageLabel: 'Idé',
    });
  });

  it('is the same from the summary `ideas list` keeps as from the fields', () => {
    const texts = [
      FULL,
      '---\ntitle: Bara en titel\n---\n',
      '---\ntitle: X\ncreated: 2026-11-20\ncarrier: [a, b]\ncoach: { name: Sara }\ntags: [ok, 3, null]\n---\n',
      '---\nid: 12\ntitle: 3.5\nhistory:\n  - amount: 100\n  - amount: "200"\n  - amount: .inf\n  - 7\n  - amount: 50\n---\n',
      '---\nhistory: none\ntags: solo\n---\n',
    ];
    for (const text of texts) {
      const idea = ideaOf(text);
      const summary = toIdeaSummary(summaryCells(idea.data), idea.stage, idea.path, idea.abs);
      expect(ideaSummaryDto(summary, 'sv', today), text).toEqual(ideaSummaryDto(idea, 'sv', today));
    }
    expect(ideaSummaryDto(ideaOf(texts[3] as string), 'sv', today).granted).toBe(150);
  });
});

describe('ideaDocument and ideaListDocument', () => {
  it('carries the front matter in fields and the history as records with null for what is missing', () => {
    const doc = ideaDocument(registry, ideaOf(FULL), 'en', today);
    expect({ schemaVersion: doc.schemaVersion, kind: doc.kind, registry: doc.registry }).toEqual({
      schemaVersion: 1,
      kind: 'idea',
      registry: { name: 'Test', language: 'sv' },
    });
    expect(doc.idea.fields).toEqual({
      id: 'ide-abcd12',
      title: 'Cykelpool',
      created: '2026-11-20',
      carrier: 'Anna',
      coach: 'Sara',
      unit: 'Gatukontoret',
      challenge: 'klimat',
      tags: ['cykel', 'pendling'],
      budget: 5000,
    });
    expect(doc.idea.history).toEqual([
      {
        date: '2026-11-20',
        action: 'created',
        from: null,
        to: 'idea',
        by: null,
        note: null,
        decision: null,
        amount: null,
        forced: false,
      },
      {
        date: '2026-11-21',
        action: 'decided',
        from: null,
        to: null,
        by: null,
        note: null,
        decision: 'approve',
        amount: 20000,
        forced: false,
      },
    ]);
    expect({ body: doc.idea.body, granted: doc.idea.granted }).toEqual({ body: 'Text.\n', granted: 20000 });
  });

  it.each([
    ['an idea', () => ideaDocument(registry, ideaOf(FULL), 'en', today)],
    ['an idea with only a title', () => ideaDocument(registry, ideaOf('---\ntitle: X\n---\n'), 'en', today)],
    [
      'a list',
      () =>
        ideaListDocument(registry, [ideaOf(FULL), ideaOf('---\ntitle: X\n---\n', 'ideas/01-ide/x.md')], 'en', today),
    ],
    [
      'an edit',
      () =>
        ideaEditDocument(registry, ideaOf(FULL), 'en', today, {
          changes: [
            { field: 'coach', old: 'Sara', new: 'Omar' },
            { field: 'budget', old: undefined, new: 5000 },
            { field: 'unit', old: 'Gatukontoret', new: undefined },
          ],
          bodyChanged: true,
          recorded: ['coach', 'budget'],
          committed: false,
        }),
    ],
    [
      'a new idea with ideas like it, here and elsewhere in the region',
      () =>
        ideaCreatedDocument(registry, ideaOf(FULL), 'en', today, {
          staged: true,
          committed: false,
          similar: [{ item: ideaOf(FULL, 'ideas/01-ide/ide-efgh34-y.md'), score: 0.61234 }],
          elsewhere: [
            {
              member: 'lidkoping',
              memberName: 'Lidköping',
              idea: { id: 'lidk-aaaaaa', title: 'Cykelpool', path: 'ideas/01-ide/lidk-aaaaaa-cykelpool.md' },
              stageLabel: { sv: 'Idé', en: 'Idea' },
              score: 0.5,
              syncedAt: '2026-11-22T10:00:00Z',
            },
          ],
        }),
    ],
  ])('%s leaks no internal field, no absolute path and no undefined value', (_name, build) => {
    const doc = materialized(build());
    const keys = keysOutsideFields(doc).map((k) => k.slice(k.lastIndexOf('/') + 1));
    for (const internal of [
      'abs',
      'matter',
      'data',
      'bodyLine',
      'root',
      'configPath',
      'config',
      'stages',
      'schema',
      'validate',
    ]) {
      expect(keys, internal).not.toContain(internal);
    }
    expect(JSON.stringify(doc)).not.toContain(root);
    expect(undefinedPaths(doc)).toEqual([]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe('region documents', () => {
  const member: RegionMember = {
    id: 'lidkoping',
    name: 'Lidköpings kommun',
    municipality: '1494',
    url: 'https://git.example.se/lidkoping/ideas.git',
    fetchUrl: 'https://git.example.se/lidkoping/ideas.git',
    branch: null,
    path: '',
    site: null,
  };
  const idea: RegionIdea = {
    path: 'ideas/01-ide/lidk-4k7q2x-cykelpool.md',
    oid: 'a'.repeat(40),
    id: 'lidk-4k7q2x',
    title: 'Cykelpool',
    stage: 'idea',
    unit: 'Gatukontoret',
    created: '2026-11-20',
    data: { title: 'Cykelpool' },
    body: 'Text.\n',
  };
  const snapshot: MemberSnapshot = {
    schemaVersion: SNAPSHOT_VERSION,
    member: 'lidkoping',
    url: member.url,
    branch: null,
    path: '',
    commit: 'b'.repeat(40),
    syncedAt: '2026-12-01T10:00:00.000Z',
    rulesKey: 'c'.repeat(40),
    registry: { name: 'Lidköping', language: 'sv', idPrefix: 'lidk', stages: [] },
    ideas: [idea],
    unreadable: [],
  };
  const now = new Date('2026-12-04T12:00:00Z');
  const region = { config: { name: 'Skaraborg' } };
  const held = { member, snapshot, failure: null };
  const side = { member, idea, stageLabel: { sv: 'Idé', en: 'Idea' } };

  it.each([
    ['region-created', () => regionCreatedDocument({ name: 'Skaraborg', lang: 'sv', gitInit: true })],
    ['region-member-added', () => regionMemberAddedDocument({ region, lang: 'sv', member })],
    ['region-member-removed', () => regionMemberRemovedDocument({ region, lang: 'sv', member })],
    [
      'region-sync',
      () =>
        regionSyncDocument(
          {
            region,
            lang: 'sv',
            ok: true,
            members: [{ ...held, status: 'updated', parsed: 1 }],
            clashes: [],
            findings: [],
          },
          now,
        ),
    ],
    [
      'region-idea-list',
      () => regionListDocument({ region, lang: 'sv', members: [held], rows: [{ member, idea }] }, now),
    ],
    [
      'region-idea',
      () =>
        regionIdeaDocument({ region, lang: 'sv', held, idea, spread: { basedOn: null, adoptedBy: [], kit: [] } }, now),
    ],
    [
      'region-duplicates',
      () =>
        regionDuplicatesDocument(
          { region, lang: 'sv', members: [held], pairs: [{ score: 0.81234, shared: ['cykel'], a: side, b: side }] },
          now,
        ),
    ],
    [
      'region-report',
      () => {
        const report = buildRegionReport('Skaraborg', [{ member, snapshot }], {
          since: null,
          until: '2026-12-04',
          today: '2026-12-04',
        });
        return regionReportDocument({ region, lang: 'sv', members: [held], report }, now);
      },
    ],
  ])('%s: versioned, registry null, the region named, nothing internal', (kind, build) => {
    const doc = build() as Record<string, unknown>;
    expect(doc).toMatchObject({
      schemaVersion: 1,
      kind,
      registry: null,
      region: { name: 'Skaraborg', language: 'sv' },
    });
    const text = JSON.stringify(doc);
    for (const internal of ['"oid"', '"rulesKey"', '"branch"', '"path":""', 'schemaVersion":1,"member"'])
      expect(text, internal).not.toContain(internal);
    expect(undefinedPaths(doc)).toEqual([]);
    expect(JSON.parse(text)).toEqual(doc);
  });
});

describe('regionSchemaDocument', () => {
  it('is versioned and carries registry, null: it is about no registry', () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' };
    expect(regionSchemaDocument(schema)).toEqual({
      schemaVersion: 1,
      kind: 'region-schema',
      registry: null,
      file: 'ideas.region.yaml',
      schema,
    });
  });
});
