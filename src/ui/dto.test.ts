import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegistryConfig, Stage } from '../core/sluice/config.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import { summaryCells, toIdea, toIdeaSummary, type Idea } from '../core/sluice/idea.js';
import type { Registry } from '../io/registry.js';
import { ideaDocument, ideaSummaryDto, regionSchemaDocument } from './dto.js';

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
      '---\nid: 12\ntitle: 3.5\nhistory:\n  - {date: 2026-01-02, amount: 100}\n  - {date: 2026-01-02, amount: "200"}\n  - {date: 2026-01-02, amount: .inf}\n  - 7\n  - {date: 2026-01-02, amount: 50}\n  - amount: 1000\n  - {date: 2026-01-02, amount: -30}\n---\n',
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
        conflicts: null,
        field: null,
        old: null,
        new: null,
        source: null,
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
        conflicts: null,
        field: null,
        old: null,
        new: null,
        source: null,
      },
    ]);
    expect({ body: doc.idea.body, granted: doc.idea.granted }).toEqual({ body: 'Text.\n', granted: 20000 });
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
