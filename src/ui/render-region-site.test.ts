import { describe, expect, it } from 'vitest';
import { snapshotConfig } from '../core/region/report.js';
import { SNAPSHOT_VERSION, type MemberSnapshot } from '../core/region/snapshot.js';
import { regionSiteFiles, type RegionSiteView } from './render-region-site.js';

const snapshot: MemberSnapshot = {
  schemaVersion: SNAPSHOT_VERSION,
  member: 'sundsvall',
  url: 'https://example.org/sundsvall.git',
  branch: null,
  path: '',
  commit: '0123456789abcdef0123456789abcdef01234567',
  syncedAt: '2026-03-01T10:00:00Z',
  rulesKey: 'k',
  registry: {
    name: 'Innovationssluss Sundsvall',
    language: 'sv',
    idPrefix: 'sdsv',
    stages: [
      { key: 'idea', label: { sv: 'Idé', en: 'Idea' }, spreadKit: [] },
      { key: 'test', label: { sv: 'Test', en: 'Test' }, spreadKit: [] },
    ],
    fields: [
      { key: 'challenge', class: 'public', title: { sv: 'Utmaning', en: 'Challenge' } },
      { key: 'test_plan', class: 'public', title: { sv: 'Plan för testet', en: 'Test plan' } },
      { key: 'requested_amount', class: 'public', title: { sv: 'Sökt belopp (kr)', en: 'Amount applied for' } },
      { key: 'manager_support', class: 'public', title: { sv: 'Chefens stöd', en: 'Manager support' } },
      { key: 'coach', class: 'personal', title: { sv: 'Idécoach', en: 'Coach' } },
    ],
    challenges: [{ id: 'valfard', label: { sv: 'Framtidens välfärd', en: 'Welfare of the future' } }],
  },
  ideas: [
    {
      path: 'ideas/02-test/sdsv-abc123-larmknapp.md',
      oid: 'o',
      id: 'sdsv-abc123',
      title: 'Larmknapp',
      stage: 'test',
      unit: null,
      created: '2026-01-01',
      data: {
        id: 'sdsv-abc123',
        title: 'Larmknapp',
        challenge: 'valfard',
        test_plan: 'Två boenden under hösten',
        requested_amount: 20000,
        manager_support: true,
        history: [
          { date: '2026-01-01', action: 'created', to: 'idea' },
          { date: '2026-01-02', action: 'assigned', field: 'challenge', old: 'skola', new: 'valfard' },
          { date: '2026-01-03', action: 'assigned', field: 'test_plan', new: 'Två boenden under hösten' },
          { date: '2026-01-04', action: 'assigned', field: 'requested_amount', old: 15000, new: 20000 },
          { date: '2026-01-05', action: 'assigned', field: 'manager_support', new: true },
          // A personal field: the sync kept neither the field nor the entry's values.
          { date: '2026-01-06', action: 'assigned', field: 'coach' },
          { date: '2026-02-01', action: 'moved', from: 'idea', to: 'test', decision: 'approve', amount: 5000 },
        ],
      },
      body: 'Text.',
    },
  ],
  unreadable: [],
};

const view = (lang: 'sv' | 'en'): RegionSiteView => ({
  name: 'Region Väst',
  lang,
  members: [
    {
      member: {
        id: 'sundsvall',
        name: 'Sundsvall',
        municipality: '2281',
        url: snapshot.url,
        fetchUrl: snapshot.url,
        branch: null,
        path: '',
        site: null,
      },
      config: snapshotConfig(snapshot),
      snapshot,
      failure: null,
    },
  ],
  builtOn: '2026-03-02',
});

function historyOf(lang: 'sv' | 'en'): string[] {
  const page = new Map(regionSiteFiles(view(lang))).get('ideas/sundsvall/sdsv-abc123.html') ?? '';
  const list = /<ol class="history">\n([\s\S]*?)\n<\/ol>/.exec(page)?.[1] ?? '';
  return list.split('\n').map((line) => line.replace(/<[^>]+>/g, ''));
}

describe('an idea page of the region site: its history', () => {
  it('names an assigned field by its label and its value in words, as the facts above it do', () => {
    expect(historyOf('sv')).toEqual([
      '2026-01-01 skapad i Idé',
      '2026-01-02 Utmaning satt till Framtidens välfärd',
      '2026-01-03 Plan för testet satt till Två boenden under hösten',
      '2026-01-04 Sökt belopp (kr) satt till 20\u00a0000 kr',
      '2026-01-05 Chefens stöd satt till ja',
      '2026-01-06 Idécoach ändrad',
      '2026-02-01 flyttad Idé → Test (godkänd) beviljat 5\u00a0000 kr',
    ]);
    expect(historyOf('en').slice(1, 6)).toEqual([
      '2026-01-02 Challenge set to Welfare of the future',
      '2026-01-03 Test plan set to Två boenden under hösten',
      '2026-01-04 Amount applied for set to 20,000 kr',
      '2026-01-05 Manager support set to yes',
      '2026-01-06 Coach changed',
    ]);
  });
});
