import { describe, expect, it } from 'vitest';
import { plainView } from '../../../test/helpers/view.js';
import type { Lang } from '../../core/i18n/i18n.js';
import type { RegionMember } from '../../core/region/config.js';
import {
  SNAPSHOT_VERSION,
  type MemberSnapshot,
  type RegionIdea,
  type SnapshotRegistry,
} from '../../core/region/snapshot.js';
import { normalizeConfig } from '../../core/sluice/config.js';
import {
  presentRegionExport,
  presentRegionList,
  presentRegionShow,
  presentRegionSite,
  type RegionShowView,
} from './region.js';

const view = plainView('2026-12-06T12:00:00Z');

const member: RegionMember = {
  id: 'sundsvall',
  name: 'Sundsvalls kommun',
  municipality: '2281',
  url: '/r/sundsvall',
  fetchUrl: '/r/sundsvall',
  branch: null,
  path: '',
  site: null,
};

const idea: RegionIdea = {
  path: 'ideas/03-test/sund-avmpk4-digital-tillsyn.md',
  oid: 'a'.repeat(40),
  id: 'sund-avmpk4',
  title: 'Digital tillsyn i hemtjänsten',
  stage: 'test',
  unit: 'Vård- och omsorgsförvaltningen',
  created: '2026-03-14',
  data: {
    id: 'sund-avmpk4',
    title: 'Digital tillsyn i hemtjänsten',
    created: '2026-03-14',
    unit: 'Vård- och omsorgsförvaltningen',
    challenge: 'valfard',
    tags: ['hemtjänst', 'digitalisering'],
    test_plan: 'Tre månaders test.',
    manager_support: true,
    undeclared: 'x',
  },
  body: '',
};

/** What a sync keeps of the sundsvall template's config and schemas; `old` is a state from before fields were kept. */
function registry(old: boolean): SnapshotRegistry {
  const base: SnapshotRegistry = {
    name: 'Sundsvall',
    language: 'sv',
    idPrefix: 'sund',
    stages: [{ key: 'test', label: { sv: 'Test', en: 'Test' }, spreadKit: [] }],
  };
  if (old) return base;
  return {
    ...base,
    fields: [
      { key: 'created', class: 'public', title: { sv: 'Skapad', en: 'Created' } },
      { key: 'unit', class: 'public', title: { sv: 'Enhet eller förvaltning', en: 'Unit or department' } },
      {
        key: 'challenge',
        class: 'public',
        title: { sv: 'Utmaning som idén svarar mot', en: 'Challenge the idea answers' },
      },
      { key: 'tags', class: 'public', title: { sv: 'Taggar', en: 'Tags' } },
      { key: 'test_plan', class: 'public', title: { sv: 'Plan för testet', en: 'Test plan' } },
      {
        key: 'manager_support',
        class: 'public',
        title: { sv: 'Närmsta chef stödjer idén', en: 'The nearest manager supports the idea' },
      },
    ],
    challenges: [{ id: 'valfard', label: { sv: 'Framtidens välfärd', en: 'The welfare of the future' } }],
  };
}

function shown(lang: Lang, old = false): string {
  const snapshot: MemberSnapshot = {
    schemaVersion: SNAPSHOT_VERSION,
    member: 'sundsvall',
    url: member.url,
    branch: null,
    path: '',
    commit: 'b'.repeat(40),
    syncedAt: '2026-12-06T10:00:00.000Z',
    rulesKey: '',
    registry: registry(old),
    ideas: [idea],
    unreadable: [],
  };
  const r: RegionShowView = {
    region: { config: { name: 'Region', languages: [lang], language: lang, members: [member] } },
    lang,
    held: { member, snapshot },
    stageLabel: { sv: 'Test', en: 'Test' },
    idea,
    spread: { basedOn: null, adoptedBy: [], kit: [] },
  };
  return presentRegionShow(r, false, view)
    .writes.map((w) => (typeof w.text === 'string' ? w.text : [...w.text].join('')))
    .join('');
}

describe('presentRegionShow', () => {
  it("names each field by its member's label and a challenge by its label, as `ideas show` does", () => {
    expect(shown('sv')).toBe(
      [
        'Digital tillsyn i hemtjänsten',
        'Kommun: Sundsvalls kommun (2281)',
        'Id: sundsvall:sund-avmpk4',
        'Steg: Test',
        'Skapad: 2026-03-14',
        'Enhet eller förvaltning: Vård- och omsorgsförvaltningen',
        'Utmaning som idén svarar mot: Framtidens välfärd',
        'Taggar: hemtjänst, digitalisering',
        'Plan för testet: Tre månaders test.',
        'Närmsta chef stödjer idén: ja',
        'undeclared: x',
        'Data från 2026-12-06 (i dag), commit bbbbbbb',
        '',
      ].join('\n'),
    );
    const en = shown('en');
    expect(en).toContain('\nCreated: 2026-03-14\n');
    expect(en).toContain('\nChallenge the idea answers: The welfare of the future\n');
    expect(en).toContain('\nThe nearest manager supports the idea: yes\n');
  });

  it('falls back on the keys and values a state from before fields and challenges were kept holds', () => {
    const old = shown('sv', true);
    expect(old).toContain('\ncreated: 2026-03-14\nunit: Vård- och omsorgsförvaltningen\nchallenge: valfard\n');
  });
});

describe('presentRegionList', () => {
  const long = { ...idea, title: `${idea.title}: ${'en mycket lång beskrivning '.repeat(4).trim()}` };
  const list = (outIsTTY: boolean) =>
    presentRegionList(
      {
        region: { config: { name: 'Region', languages: ['sv'], language: 'sv', members: [member] } },
        lang: 'sv',
        members: [{ member, snapshot: null }],
        rows: [{ member, stageLabel: { sv: 'Test', en: 'Test' }, idea: long }],
      },
      false,
      { ...view, outIsTTY },
    )
      .writes.map((w) => (typeof w.text === 'string' ? w.text : [...w.text].join('')))
      .join('');

  it('fits a title to a terminal, and writes it whole into a pipe or a file', () => {
    expect(list(true)).toContain('…');
    expect(list(true)).not.toContain(long.title);
    expect(list(false)).toContain(long.title);
  });
});

describe('presentRegionSite', () => {
  it("shows the site's folder on a terminal, never obeys it, and gives it as it is to a pipe", () => {
    const out = '/tmp/region\u001b]0;owned\u0007';
    const site = (outIsTTY: boolean) =>
      presentRegionSite(
        {
          region: { root: '/r', config: { name: 'R', languages: ['sv'], language: 'sv', members: [] } },
          lang: 'en',
          members: [],
          out,
          pages: 1,
        },
        false,
        { ...view, outIsTTY },
      ).writes.map((w) => [w.to, typeof w.text === 'string' ? w.text : [...w.text].join('')]);
    const [stdout, stderr] = site(true);
    expect(stdout).toEqual(['stdout', '/tmp/region\u241b]0;owned\u2407\n']);
    for (const raw of ['\u001b', '\u0007']) expect(stderr?.[1]).not.toContain(raw);
    expect(site(false)[0]).toEqual(['stdout', `${out}\n`]);
  });
});

describe('presentRegionExport', () => {
  // Found by a newcomer: the region's CSV gave a challenge's id (`skola`) where the member's own export and every
  // other view of the region give its label.
  it("names each row's challenge by its own member's label for it, an id two members use as each means it", () => {
    const labels = normalizeConfig({
      name: 'Region',
      language: 'sv',
      stages: [{ key: 'idea', folder: '01-ide', label: { sv: 'Idé', en: 'Idea' }, next: [], criteria: 'c.json' }],
    });
    const table = {
      columns: ['member.id', 'id', 'challenge'],
      rows: [
        ['hjo', 'hjo-aaaaaa', 'skola'],
        ['mariestad', 'mari-bbbbbb', 'skola'],
        ['tibro', 'tib-cccccc', 'skola'],
      ],
    };
    const challenges = new Map([
      ['hjo', [{ id: 'skola', label: { sv: 'Fler elever som klarar skolan', en: 'More pupils who pass' } }]],
      ['mariestad', [{ id: 'skola', label: { sv: 'Skolgårdar för alla', en: 'Schoolyards for all' } }]],
    ]);
    const o = presentRegionExport(
      {
        region: { config: { name: 'R', languages: ['sv'], language: 'sv', members: [] } },
        lang: 'sv',
        members: [],
        table,
        delimiter: ';',
        labels,
        header: table.columns,
        challenges,
      },
      'csv',
      view,
    );
    const csv = o.writes
      .filter((w) => w.to === 'stdout')
      .map((w) => (typeof w.text === 'string' ? w.text : [...w.text].join('')))
      .join('');
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(1, 4),
    ).toEqual([
      'hjo;hjo-aaaaaa;Fler elever som klarar skolan',
      'mariestad;mari-bbbbbb;Skolgårdar för alla',
      // A member that has no such challenge: its id as it is.
      'tibro;tib-cccccc;skola',
    ]);
  });
});
