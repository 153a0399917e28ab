import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Document, parse } from 'yaml';
import { prng } from '../../../test/fuzz/mutate.js';
import { exampleIdeaFiles } from '../../../test/helpers/registry.js';
import { readFrontMatter } from './front-matter.js';
import { appendHistoryEntry, EditError, removeField, setBody, setField, setStringField } from './front-matter-edit.js';
import { thrown } from '../../../test/helpers/errors.js';

const entry = { date: '2026-11-23', action: 'moved', from: 'idea', to: 'refinement', by: 'Idérådet' };

/** The lines `entry` becomes, as a list item at `indent`. */
function entryLines(indent: number, eol = '\n'): string {
  const pad = ' '.repeat(indent);
  return [
    `${pad}- date: 2026-11-23`,
    `${pad}  action: moved`,
    `${pad}  from: idea`,
    `${pad}  to: refinement`,
    `${pad}  by: Idérådet`,
  ]
    .map((l) => `${l}${eol}`)
    .join('');
}

/** The YAML between the delimiters of a file's text, parsed with the `yaml` package. */
function matterOf(text: string): Record<string, unknown> {
  const m = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/.exec(text);
  if (!m) throw new Error(`no front matter in ${JSON.stringify(text)}`);
  return (parse(m[1] ?? '') ?? {}) as Record<string, unknown>;
}

describe('appendHistoryEntry', () => {
  // Each case: the text before the place where the entry goes, and the text after it. The result must be exactly
  // the two joined by the entry's lines: every other byte of the file kept.
  it.each([
    [
      'a block list indented by 2',
      '---\nid: sund-aaaa\nhistory:\n  - date: 2026-01-01\n    action: created\n    to: idea\n',
      '---\nText.\n',
      2,
      '\n',
    ],
    [
      'a block list indented by 0',
      '---\nid: sund-aaaa\nhistory:\n- date: 2026-01-01\n  action: created\n',
      '---\nText.\n',
      0,
      '\n',
    ],
    [
      'a block list indented by 0 with a key after it',
      '---\nid: sund-aaaa\nhistory:\n- date: 2026-01-01\n  action: created\n',
      'tags: [a, b]\n---\nText.\n',
      0,
      '\n',
    ],
    [
      'a block list followed by other keys',
      '---\nid: sund-aaaa\nhistory:\n  - date: 2026-01-01\n    action: created\n',
      'unit: Kultur\n---\nText.\n',
      2,
      '\n',
    ],
    ['`history:` with no value, last', '---\nid: sund-aaaa\nhistory:\n', '---\nText.\n', 2, '\n'],
    [
      '`history:` with no value, before other keys',
      '---\nid: sund-aaaa\nhistory:\n',
      'title: Idé\n---\nText.\n',
      2,
      '\n',
    ],
    [
      'a CRLF file',
      '---\r\nid: sund-aaaa\r\nhistory:\r\n  - date: 2026-01-01\r\n    action: created\r\n',
      '---\r\nText.\r\n',
      2,
      '\r\n',
    ],
    [
      'a CRLF file with `history:` and no value',
      '---\r\nid: sund-aaaa\r\nhistory:\r\n',
      'title: Idé\r\n---\r\nText.\r\n',
      2,
      '\r\n',
    ],
    [
      'a file with a BOM',
      '\uFEFF---\nid: sund-aaaa\nhistory:\n  - date: 2026-01-01\n    action: created\n',
      '---\nText.\n',
      2,
      '\n',
    ],
    [
      'comments and quoted values elsewhere',
      '---\n# Idéns front matter\nid: sund-aaaa # stays\ntitle: "Idé: med kolon"\nunit: \'Kultur # och fritid\'\nhistory:\n  # the first entry\n  - date: 2026-01-01\n    action: created # made by ideas new\n',
      '# a comment after the list\nchallenge: klimat\n---\nText with --- and # in it.\n',
      2,
      '\n',
    ],
    [
      'a body with a line of three dashes',
      '---\nid: sund-aaaa\nhistory:\n  - date: 2026-01-01\n',
      '---\nText.\n---\nMore text.\n',
      2,
      '\n',
    ],
  ])('%s: inserts only the entry', (_name, before, after, indent, eol) => {
    expect(appendHistoryEntry(before + after, entry)).toBe(before + entryLines(indent, eol) + after);
  });

  it('a file without history gets a `history:` list at the end of the front matter', () => {
    const input = '---\nid: sund-aaaa\ntitle: Idé # named\n---\nText.\n';
    expect(appendHistoryEntry(input, entry)).toBe(
      `---\nid: sund-aaaa\ntitle: Idé # named\nhistory:\n${entryLines(2)}---\nText.\n`,
    );
  });

  it('a CRLF file without history keeps CRLF in the lines it adds', () => {
    const input = '---\r\nid: sund-aaaa\r\n---\r\nText.\r\n';
    expect(appendHistoryEntry(input, entry)).toBe(
      `---\r\nid: sund-aaaa\r\nhistory:\r\n${entryLines(2, '\r\n')}---\r\nText.\r\n`,
    );
  });

  it('`history: []` becomes a block list holding the entry, with the rest of the file unchanged', () => {
    const input = '---\nid: sund-aaaa\nhistory: []\ntitle: Idé\n---\nText.\n';
    expect(appendHistoryEntry(input, entry)).toBe(
      `---\nid: sund-aaaa\nhistory:\n${entryLines(2)}title: Idé\n---\nText.\n`,
    );
  });

  it('`history: []` in a CRLF file keeps CRLF', () => {
    const input = '---\r\nid: sund-aaaa\r\nhistory: []\r\ntitle: Idé\r\n---\r\nText.\r\n';
    expect(appendHistoryEntry(input, entry)).toBe(
      `---\r\nid: sund-aaaa\r\nhistory:\r\n${entryLines(2, '\r\n')}title: Idé\r\n---\r\nText.\r\n`,
    );
  });

  it('a second append after `history: []` extends the list line by line', () => {
    const once = appendHistoryEntry('---\nid: sund-aaaa\nhistory: []\n---\n', {
      date: '2026-11-22',
      action: 'created',
    });
    const twice = appendHistoryEntry(once, entry);
    expect(twice).toBe(`${once.slice(0, once.lastIndexOf('---'))}${entryLines(2)}---\n`);
  });

  it('a note with ": ", "#" and a newline parses back to the same entries plus the new one, in LF and CRLF files', () => {
    const note = 'Viktigt: ring #2 före mötet\nandra raden: "citat" och \'enkelt\'';
    const withNote = { ...entry, note };
    for (const eol of ['\n', '\r\n']) {
      const input = [
        '---',
        'id: sund-aaaa',
        'title: "Idé: ett"',
        'history:',
        '  - date: 2026-01-01',
        '    action: created',
        '    note: "Första: # ingen kommentar"',
        '---',
        'Text.',
        '',
      ].join(eol);
      const out = appendHistoryEntry(input, withNote);
      expect(matterOf(out)).toEqual({
        id: 'sund-aaaa',
        title: 'Idé: ett',
        history: [{ date: '2026-01-01', action: 'created', note: 'Första: # ingen kommentar' }, withNote],
      });
      // Only lines were inserted: the old text is a prefix and a suffix of the new one.
      const at = input.indexOf(`---${eol}Text.`);
      expect(out.startsWith(input.slice(0, at))).toBe(true);
      expect(out.endsWith(input.slice(at))).toBe(true);
      expect(out.length).toBeGreaterThan(input.length);
      if (eol === '\r\n') expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    }
  });

  it('an entry appended after a note kept with `|+` leaves that note as it was', () => {
    const input = '---\nid: sund-aaaa\nhistory:\n  - date: 2026-01-01\n    note: |+\n      behåll\n\n---\n';
    const out = appendHistoryEntry(input, entry);
    expect(matterOf(out).history).toEqual([{ date: '2026-01-01', note: 'behåll\n\n' }, entry]);
  });

  it.each(['~', 'null'])('`history: %s` (an explicit null) becomes a list holding the entry', (value) => {
    const input = `---\nid: sund-aaaa\nhistory: ${value}\ntitle: Idé\n---\nText.\n`;
    const out = appendHistoryEntry(input, entry);
    expect(matterOf(out)).toEqual({ id: 'sund-aaaa', history: [entry], title: 'Idé' });
  });

  it('throws EditError for a file without front matter, and for history that is not a list', () => {
    expect(() => appendHistoryEntry('# Bara text\n', entry)).toThrow(EditError);
    expect(() => appendHistoryEntry('---\nid: x\nnever closed\n', entry)).toThrow(EditError);
    expect(thrown(() => appendHistoryEntry('Text.\n', entry), EditError).reason).toBe('no-front-matter');
    expect(thrown(() => appendHistoryEntry('---\nhistory: inte en lista\n---\n', entry), EditError).reason).toBe(
      'history-not-a-list',
    );
  });
});

describe('setStringField', () => {
  it('replaces a value in place, keeping its comment and every other byte', () => {
    const input = '---\nid: sund-aaaa\ncoach: Sara Nyberg # since June\nhistory:\n  - date: 2026-01-01\n---\nText.\n';
    expect(setStringField(input, 'coach', 'Johan Ek')).toBe(input.replace('coach: Sara Nyberg', 'coach: Johan Ek'));
  });

  it('takes a comment glued to its # (text the writer meant as the value) away with the value it replaces', () => {
    const input = '---\nid: sund-aaaa\ntitle: Skolmat #1 i Sverige\nunit: Kultur #viktigt\r\n---\nText.\n';
    const out = setStringField(input, 'title', 'Skolmat #1 i Sverige');
    expect(out).toBe('---\nid: sund-aaaa\ntitle: "Skolmat #1 i Sverige"\nunit: Kultur #viktigt\r\n---\nText.\n');
    expect(matterOf(out)).toMatchObject({ title: 'Skolmat #1 i Sverige', unit: 'Kultur' });
    // At the end of a line with a CR, and with setField's other values too; a comment after `# ` stays.
    expect(setField(input, 'unit', 'IT')).toBe(input.replace('unit: Kultur #viktigt', 'unit: IT'));
    const spaced = '---\ntitle: Skolmat # utkast\n---\n';
    expect(setStringField(spaced, 'title', 'Skolmat nr 1')).toBe('---\ntitle: Skolmat nr 1 # utkast\n---\n');
  });

  it('replaces a quoted value, and quotes a value that needs it', () => {
    const input = "---\nid: sund-aaaa\ncarrier: 'Anna Berg'\ntitle: T\n---\n";
    const out = setStringField(input, 'carrier', 'Berg: Anna #1');
    expect(out).toBe('---\nid: sund-aaaa\ncarrier: "Berg: Anna #1"\ntitle: T\n---\n');
    expect(matterOf(out)).toEqual({ id: 'sund-aaaa', carrier: 'Berg: Anna #1', title: 'T' });
  });

  it('adds a missing key on its own line just before `history`', () => {
    const input = '---\nid: sund-aaaa\ntitle: T\nhistory:\n  - date: 2026-01-01\n---\nText.\n';
    expect(setStringField(input, 'coach', 'Johan Ek')).toBe(
      '---\nid: sund-aaaa\ntitle: T\ncoach: Johan Ek\nhistory:\n  - date: 2026-01-01\n---\nText.\n',
    );
  });

  it('adds a missing key at the end of the front matter when there is no history, keeping CRLF and a BOM', () => {
    expect(setStringField('---\nid: sund-aaaa\n---\nText.\n', 'coach', 'Johan Ek')).toBe(
      '---\nid: sund-aaaa\ncoach: Johan Ek\n---\nText.\n',
    );
    expect(setStringField('\uFEFF---\r\nid: sund-aaaa\r\n---\r\nText.\r\n', 'coach', 'Johan Ek')).toBe(
      '\uFEFF---\r\nid: sund-aaaa\r\ncoach: Johan Ek\r\n---\r\nText.\r\n',
    );
  });

  it('fills `coach:` with no value in its own line', () => {
    const input = '---\nid: sund-aaaa\ncoach:\ntitle: T\n---\nText.\n';
    expect(setStringField(input, 'coach', 'Johan Ek')).toBe(
      '---\nid: sund-aaaa\ncoach: Johan Ek\ntitle: T\n---\nText.\n',
    );
    expect(setStringField('---\nid: sund-aaaa\ncoach:\n---\n', 'coach', 'Johan Ek')).toBe(
      '---\nid: sund-aaaa\ncoach: Johan Ek\n---\n',
    );
  });

  it('fills `coach:` with no value in a CRLF file without changing its line ending', () => {
    const input = '---\r\nid: sund-aaaa\r\ncoach:\r\ntitle: T\r\n---\r\nText.\r\n';
    expect(setStringField(input, 'coach', 'Johan Ek')).toBe(
      '---\r\nid: sund-aaaa\r\ncoach: Johan Ek\r\ntitle: T\r\n---\r\nText.\r\n',
    );
  });

  it('fills `coach:` with no value but a comment, keeping the comment', () => {
    const input = '---\nid: sund-aaaa\ncoach: # to be named\ntitle: T\n---\n';
    expect(setStringField(input, 'coach', 'Johan Ek')).toBe(
      '---\nid: sund-aaaa\ncoach: Johan Ek # to be named\ntitle: T\n---\n',
    );
  });

  it('replaces a value written as a block scalar, leaving the next key whole', () => {
    const input = '---\nid: sund-aaaa\ncoach: |\n  Sara Nyberg\ntitle: T\n---\n';
    expect(matterOf(setStringField(input, 'coach', 'Johan Ek'))).toEqual({
      id: 'sund-aaaa',
      coach: 'Johan Ek',
      title: 'T',
    });
  });

  it('replaces a value that is a block list, leaving the next key whole', () => {
    const input = '---\nid: sund-aaaa\ncoach:\n  - Sara Nyberg\n  - Johan Ek\ntitle: T\n---\n';
    expect(matterOf(setStringField(input, 'coach', 'Johan Ek'))).toEqual({
      id: 'sund-aaaa',
      coach: 'Johan Ek',
      title: 'T',
    });
  });

  it('throws EditError for a file without front matter', () => {
    expect(() => setStringField('Bara text.\n', 'coach', 'Johan Ek')).toThrow(EditError);
    expect(thrown(() => setStringField('', 'coach', 'Johan Ek'), EditError).reason).toBe('no-front-matter');
  });
});

const FILE = `---
id: sund-abc123 # fixed
title: "Lånecyklar"
tags: [cykel, personal]
budget: 1000 # kronor
unit: >-
  Gatukontoret
  i Sundsvall
history:
  - date: 2026-11-20
    action: created
---

Texten.
`;

describe('setField', () => {
  it.each([
    ['budget', 45000, FILE.replace('budget: 1000 # kronor', 'budget: 45000 # kronor')],
    ['tags', ['a', 'b c'], FILE.replace('tags: [cykel, personal]', 'tags: [a, b c]')],
    ['manager_support', true, FILE.replace('history:', 'manager_support: true\nhistory:')],
    ['unit', 'Skolan', FILE.replace('unit: >-\n  Gatukontoret\n  i Sundsvall', 'unit: Skolan')],
    ['budget', [1, 2], FILE.replace('budget: 1000 # kronor', 'budget: [1, 2] # kronor')],
    ['team', { women: 2 }, FILE.replace('history:', 'team:\n  women: 2\nhistory:')],
  ])('sets %s to %j with the least change', (key, value, expected) => {
    const out = setField(FILE, key, value);
    expect(out).toBe(expected);
    expect(matterOf(out)[key]).toEqual(value);
  });

  it('replaces a block list by an inline one, and keeps CRLF line ends', () => {
    const text = '---\r\ntitle: T\r\ntags:\r\n  - a\r\n  - b\r\nunit: U\r\n---\r\n';
    expect(setField(text, 'tags', ['c'])).toBe('---\r\ntitle: T\r\ntags: [c]\r\nunit: U\r\n---\r\n');
    expect(setField(text, 'team', { a: 1 })).toBe(
      '---\r\ntitle: T\r\ntags:\r\n  - a\r\n  - b\r\nunit: U\r\nteam:\r\n  a: 1\r\n---\r\n',
    );
  });
});

describe('an edit of a front matter with many keys', () => {
  // Found from outside: the package's check of keys written twice compares each key with every key before it, and an
  // edit of a valid front matter of 40,000 keys (540 kB, well under an idea's 5 MB) took 100 s; 0.3 s without it.
  // A growth, not a time: eight times the keys took about 7 times the CPU time (the edit is linear), and 50 times with
  // the package's check of keys written twice, which compares each key with every other. A time limit failed on a slow,
  // busy machine (7.5 s for 5 s), and so did a ratio of wall times while other tests ran: each size is timed by this
  // process's own CPU time, the best of a few runs.
  it('takes time linear in the keys', () => {
    const edit = (n: number) => {
      const keys = Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n');
      const text = `---\nid: idea-h40000\ntitle: T\n${keys}\n---\nText.\n`;
      const started = process.cpuUsage();
      const out = appendHistoryEntry(setStringField(setField(text, `k${n - 1}`, 5), 'title', 'U'), {
        date: '2026-01-01',
      });
      const used = process.cpuUsage(started);
      return { cpu: used.user + used.system, out };
    };
    const best = (n: number, runs: number) =>
      Array.from({ length: runs }, () => edit(n)).reduce((a, b) => (b.cpu < a.cpu ? b : a));
    const small = best(2_500, 4);
    const large = best(20_000, 2);
    expect(large.cpu / small.cpu).toBeLessThan(16);
    const read = readFrontMatter(Buffer.from(large.out));
    expect(read.ok && read.data).toMatchObject({ title: 'U', k0: 0, k19999: 5, history: [{ date: '2026-01-01' }] });
  });
});

describe('removeField', () => {
  it.each([
    ['budget', FILE.replace('budget: 1000 # kronor\n', '')],
    ['unit', FILE.replace('unit: >-\n  Gatukontoret\n  i Sundsvall\n', '')],
    ['tags', FILE.replace('tags: [cykel, personal]\n', '')],
    ['missing', FILE],
  ])('removes %s and only its lines', (key, expected) => {
    const out = removeField(FILE, key);
    expect(out).toBe(expected);
    expect(key in matterOf(out)).toBe(false);
  });

  it('removes the last field of a file without a final line break', () => {
    expect(removeField('---\r\ntitle: T\r\nunit: U\r\n---', 'unit')).toBe('---\r\ntitle: T\r\n---');
  });
});

describe('a front matter written as one flow mapping', () => {
  // As JSON, and PyYAML with default_flow_style=True, write a front matter: no field has a line of its own.
  const FLOW = [
    '---',
    '# Skriven av ett skript',
    "{id: ide-abc123, title: 'Lånecykel: en pilot', created: 2026-12-01, tags: [cykel, personal],",
    '  history: [{date: 2026-12-01, action: created, to: idea}]}',
    '---',
    'Text.',
    '',
  ].join('\n');
  const before = matterOf(FLOW);

  it('is written once as a block mapping, then edited as one: its values, lists and comment kept', () => {
    const set = setField(FLOW, 'carrier', 'Anna Berg');
    expect(set).toBe(
      [
        '---',
        '# Skriven av ett skript',
        'id: ide-abc123',
        "title: 'Lånecykel: en pilot'",
        'created: 2026-12-01',
        'tags: [cykel, personal]',
        'carrier: Anna Berg',
        'history: [{date: 2026-12-01, action: created, to: idea}]',
        '---',
        'Text.',
        '',
      ].join('\n'),
    );
    expect(matterOf(set)).toEqual({ ...before, carrier: 'Anna Berg' });
    expect(matterOf(setField(FLOW, 'tags', ['cykel']))).toEqual({ ...before, tags: ['cykel'] });
    expect(matterOf(setStringField(FLOW, 'title', 'Ny'))).toEqual({ ...before, title: 'Ny' });
    expect(matterOf(removeField(FLOW, 'tags'))).toEqual({
      id: 'ide-abc123',
      title: 'Lånecykel: en pilot',
      created: '2026-12-01',
      history: before.history,
    });
    const appended = appendHistoryEntry(FLOW, entry);
    expect(matterOf(appended)).toEqual({ ...before, history: [...(before.history as unknown[]), entry] });
    expect(appended.endsWith('---\nText.\n')).toBe(true);
  });

  it('keeps CRLF line ends, and is left as it is when a removed key is not there', () => {
    const crlf = FLOW.replace(/\n/g, '\r\n');
    const set = setField(crlf, 'carrier', 'Anna');
    expect(set.replace(/\r\n/g, '')).not.toContain('\n');
    expect(matterOf(set)).toEqual({ ...before, carrier: 'Anna' });
    expect(removeField(FLOW, 'nothing')).toBe(FLOW);
  });
});

describe('a front matter with anchors and aliases', () => {
  // As PyYAML writes a shared object unasked (`&id001`), and as a person writes a value once for two fields (`&p`).
  const ALIASED = [
    '---',
    'id: ide-abc123',
    'title: Lånecykel',
    'created: &id001 2026-05-11',
    "contact: &p 'Bo Ek' # kontakt",
    'carrier: *p',
    'tags: &t [cykel, personal]',
    'old_tags: *t',
    'history:',
    '- date: *id001',
    '  action: created',
    '  to: idea',
    '---',
    'Text.',
    '',
  ].join('\n');
  const read = (text: string) => {
    const r = readFrontMatter(Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(`does not read: ${r.rule}\n${text}`);
    return JSON.parse(JSON.stringify(r.data)) as Record<string, unknown>;
  };
  const before = read(ALIASED);
  /** The text with every alias written as a copy, and the anchors they named dropped: every other byte as it was. */
  const unaliased = ALIASED.replace('&id001 ', '')
    .replace('&p ', '')
    .replace('*p', "'Bo Ek'")
    .replace('&t ', '')
    .replace('*t', '[cykel, personal]')
    .replace('*id001', '2026-05-11');

  it('setStringField changes the contact alone, not the carrier that named its anchor: the aliases become copies', () => {
    const out = setStringField(ALIASED, 'contact', 'Eva Lund');
    expect(out).toBe(unaliased.replace("contact: 'Bo Ek'", 'contact: Eva Lund'));
    expect(read(out)).toEqual({ ...before, contact: 'Eva Lund' });
  });

  it('setField changes one field, a text or a list, never a field an alias made the same value', () => {
    expect(read(setField(ALIASED, 'contact', 'Eva Lund'))).toEqual({ ...before, contact: 'Eva Lund' });
    expect(read(setField(ALIASED, 'tags', ['buss']))).toEqual({ ...before, tags: ['buss'] });
    expect(read(setField(ALIASED, 'carrier', 'Eva Lund'))).toEqual({ ...before, carrier: 'Eva Lund' });
    // A day: `created` shares its value with the first entry, and no edit may change either.
    const dated =
      '---\nid: ide-abc123\ncontact: &d 2026-12-06\ncreated: *d\nhistory:\n- date: *d\n  action: created\n---\n';
    const dates = read(dated);
    expect(dates.created).toBe('2026-12-06');
    expect(read(setField(dated, 'contact', '2020-01-01'))).toEqual({ ...dates, contact: '2020-01-01' });
  });

  it('removeField takes out the field that holds the anchor, and the alias keeps its value', () => {
    const out = removeField(ALIASED, 'contact');
    const expected = { ...before };
    delete expected.contact;
    expect(read(out)).toEqual(expected);
    expect(read(removeField(ALIASED, 'tags')).old_tags).toEqual(['cykel', 'personal']);
  });

  it('appendHistoryEntry appends to the history alone, though another field names it, or it names another', () => {
    const shared = '---\nid: ide-abc123\nhistory: &h\n  - date: 2026-05-11\n    action: created\nlog: *h\n---\n';
    const first = read(shared).history as unknown[];
    expect(read(appendHistoryEntry(shared, entry))).toEqual({
      id: 'ide-abc123',
      history: [...first, entry],
      log: first,
    });
    const empty = '---\nid: ide-abc123\nhistory: &h []\nlog: *h\n---\n';
    expect(read(appendHistoryEntry(empty, entry))).toEqual({ id: 'ide-abc123', history: [entry], log: [] });
    const named = '---\nid: ide-abc123\nlog: &h\n  - date: 2026-05-11\n    action: created\nhistory: *h\n---\n';
    expect(read(appendHistoryEntry(named, entry))).toEqual({
      id: 'ide-abc123',
      log: first,
      history: [...first, entry],
    });
    expect(read(appendHistoryEntry(ALIASED, entry))).toEqual({
      ...before,
      history: [...(before.history as unknown[]), entry],
    });
  });

  it('setBody leaves the front matter, its aliases too, byte for byte', () => {
    expect(setBody(ALIASED, 'Ny.')).toBe(ALIASED.replace('Text.\n', '\nNy.\n'));
  });

  it('copies an alias of any value in any place: in a flow list, as a key, of a mapping, a block text, with a tag', () => {
    const text = [
      '---',
      'id: ide-abc123',
      "title: &t 'Lån, cykel: en pilot'",
      'team: &team',
      '  women: 1',
      '  men: 2',
      'team_before: *team',
      'note: &n |',
      '  Två',
      '  rader',
      'count: !!str &c 12',
      'more: [*t, *n, *c, *team]',
      'also:',
      '  - *t',
      '  - {a: *c}',
      '*c : by alias',
      '---',
      '',
    ].join('\n');
    const data = read(text);
    for (const key of ['title', 'team', 'note', 'count', 'more', 'also', '12']) {
      expect(read(setField(text, key, 'x')), key).toEqual({ ...data, [key]: 'x' });
      const removed = { ...data };
      delete removed[key];
      expect(read(removeField(text, key)), key).toEqual(removed);
    }
    const out = appendHistoryEntry(text, entry);
    expect(read(out)).toEqual({ ...data, history: [entry] });
    expect(out).not.toMatch(/[&*](?:t|team|n|c)\b/);
  });

  it('reads `<<` as a key, as YAML 1.2 and the reader do, and unaliases a front matter in flow style as well', () => {
    const merged = '---\nid: ide-abc123\nbase: &b {unit: Skolan, coach: Eva}\n<<: *b\nunit: Kultur\n---\n';
    const data = read(merged);
    expect(data['<<']).toEqual({ unit: 'Skolan', coach: 'Eva' });
    expect(setField(merged, 'unit', 'Skolan')).toBe(
      merged.replace('&b ', '').replace('*b', '{unit: Skolan, coach: Eva}').replace('unit: Kultur', 'unit: Skolan'),
    );
    expect(read(setField(merged, 'coach', 'Omar'))).toEqual({ ...data, coach: 'Omar' });
    expect(read(setField(merged, 'base', 'x'))).toEqual({ ...data, base: 'x' });
    const json = '---\n{"id": "ide-abc123", "contact": &p "Bo Ek", "carrier": *p, "history": []}\n---\n';
    expect(setField(json, 'contact', 'Eva')).toBe(
      '---\n"id": "ide-abc123"\n"contact": Eva\n"carrier": "Bo Ek"\n"history": []\n---\n',
    );
    expect(read(appendHistoryEntry(json, entry))).toEqual({
      id: 'ide-abc123',
      contact: 'Bo Ek',
      carrier: 'Bo Ek',
      history: [entry],
    });
  });

  it('keeps CRLF line ends in what it rewrites', () => {
    const crlf = ALIASED.replace(/\n/g, '\r\n');
    const out = setField(crlf, 'contact', 'Eva Lund');
    expect(out).toBe(unaliased.replace("contact: 'Bo Ek'", 'contact: Eva Lund').replace(/\n/g, '\r\n'));
  });

  it('on the examples with anchors and aliases added: 1,000 generated edits change the field they name, no other', () => {
    const rnd = prng(20261207);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
    const readOr = (t: string) => {
      const r = readFrontMatter(Buffer.from(t, 'utf8'));
      return r.ok ? (JSON.parse(JSON.stringify(r.data)) as Record<string, unknown>) : r.rule;
    };
    // Each example with one of its top-level values on a line of its own given an anchor, and one to three other
    // fields (some of them new) made aliases of it: what a person or PyYAML writes.
    const files: string[] = [];
    for (const abs of exampleIdeaFiles()) {
      const text = fs.readFileSync(abs, 'utf8');
      const lines = text.split('\n');
      const close = lines.indexOf('---', 1);
      const scalars = lines
        .map((l, i) => ({ l, i }))
        .filter(({ l, i }) => i > 0 && i < close && /^[a-z_]+: [^&*|>\s]/.test(l) && !/^(id|history):/.test(l));
      for (let n = 0; n < 4 && scalars.length > 0; n++) {
        const anchored = pick(scalars);
        const copy = [...lines];
        copy[anchored.i] = anchored.l.replace(': ', ': &a ');
        const others = scalars.filter((s) => s.i > anchored.i);
        for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
          const other = others.length > 0 && rnd() < 0.6 ? pick(others) : null;
          if (other) copy[other.i] = `${other.l.slice(0, other.l.indexOf(':'))}: *a`;
          else copy.splice(close, 0, `alias_${k}: *a`);
        }
        files.push(copy.join('\n'));
      }
    }
    expect(files.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (let n = 0; n < 1000; n++) {
      let file = pick(files);
      if (rnd() < 0.3) file = file.replace(/\n/g, '\r\n');
      const old = readOr(file);
      if (typeof old === 'string') throw new Error(`an example with an alias does not read: ${old}\n${file}`);
      const key = pick([...Object.keys(old).filter((k) => k !== 'id' && k !== 'history'), 'a_new_field']);
      const op = rnd();
      let edited: string;
      let expected: Record<string, unknown>;
      if (op < 0.6) {
        edited = setField(file, key, `ny ${n}`);
        expected = { ...old, [key]: `ny ${n}` };
      } else if (op < 0.85) {
        edited = appendHistoryEntry(file, entry);
        expected = { ...old, history: [...((old.history as unknown[] | undefined) ?? []), entry] };
      } else {
        edited = removeField(file, key);
        expected = { ...old };
        delete expected[key];
      }
      if (!isDeepStrictEqual(readOr(edited), expected)) wrong.push(JSON.stringify(edited));
    }
    expect(wrong.slice(0, 3)).toEqual([]);
  });
});

describe('every edit reads back as it was meant', () => {
  it('on the examples, in block, flow and JSON style and with CRLFs: 3,000 generated edits, hostile values among them', () => {
    const rnd = prng(20261206);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
    // Each example as it is, and its front matter as one flow mapping and as JSON (as other tools write it).
    const files: string[] = [];
    for (const abs of exampleIdeaFiles()) {
      const text = fs.readFileSync(abs, 'utf8');
      const end = text.indexOf('\n---\n', 3);
      const data = parse(text.slice(4, end + 1)) as Record<string, unknown>;
      const flow = new Document(data);
      (flow.contents as { flow?: boolean }).flow = true;
      files.push(
        text,
        `---\n${flow.toString({ lineWidth: 0 })}${text.slice(end + 1)}`,
        `---\n${JSON.stringify(data)}\n${text.slice(end + 1)}`,
      );
    }
    const parts = [
      "'",
      "''",
      '"',
      '\\',
      ': ',
      ' #',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '&a',
      '*a',
      '|',
      '>',
      '%',
      '@',
      '`',
    ];
    const more = ['  ', '\n', '\n\n', 'å', '😀', '\u00a0', 'null', 'true', '12', '0x1F', '2026-01-01', '~', '---'];
    const text = () => Array.from({ length: Math.floor(rnd() * 5) }, () => pick([...parts, ...more])).join('');
    const value = (): unknown => {
      const r = rnd();
      if (r < 0.6) return text();
      if (r < 0.75) return Math.floor(rnd() * 100000) / 100;
      if (r < 0.8) return rnd() < 0.5;
      return Array.from({ length: Math.floor(rnd() * 3) }, text);
    };
    const read = (t: string) => {
      const r = readFrontMatter(Buffer.from(t, 'utf8'));
      return r.ok ? (JSON.parse(JSON.stringify(r.data)) as Record<string, unknown>) : r.rule;
    };
    const wrong: string[] = [];
    for (let n = 0; n < 3000; n++) {
      let file = pick(files);
      if (rnd() < 0.3) file = file.replace(/\n/g, '\r\n');
      const before = read(file);
      if (typeof before === 'string') throw new Error(`an example does not read: ${before}`);
      const key = pick(['title', 'carrier', 'unit', 'tags', 'note', 'a_new_field']);
      const op = rnd();
      let edited: string;
      let expected: Record<string, unknown>;
      if (op < 0.6) {
        const v = value();
        edited = setField(file, key, v);
        expected = { ...before, [key]: v };
      } else if (op < 0.85) {
        const entry = { date: '2026-12-06', action: 'edited', by: text() || 'x', note: text() || 'y' };
        edited = appendHistoryEntry(file, entry);
        expected = { ...before, history: [...((before.history as unknown[] | undefined) ?? []), entry] };
      } else {
        edited = removeField(file, key);
        expected = { ...before };
        delete expected[key];
      }
      const after = read(edited);
      if (!isDeepStrictEqual(after, JSON.parse(JSON.stringify(expected)))) wrong.push(JSON.stringify(edited));
    }
    expect(wrong.slice(0, 3)).toEqual([]);
  });
});

describe('setBody', () => {
  it('replaces the text and keeps the front matter byte for byte', () => {
    expect(setBody(FILE, 'Ny text.\n\nMer.\n')).toBe(FILE.replace('Texten.\n', 'Ny text.\n\nMer.\n'));
    expect(setBody(FILE, '  ')).toBe(FILE.replace('\nTexten.\n', ''));
    expect(setBody('---\ntitle: T\n---', 'X')).toBe('---\ntitle: T\n---\n\nX\n');
    expect(setBody('---\r\ntitle: T\r\n---\r\nold\r\n', 'a\nb')).toBe('---\r\ntitle: T\r\n---\r\n\r\na\r\nb\r\n');
  });

  it('refuses a file without front matter', () => {
    expect(() => setBody('no front matter', 'x')).toThrow(EditError);
  });
});
