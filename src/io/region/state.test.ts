import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MemberSnapshot } from '../../core/region/snapshot.js';
import { memberSnapshot, regionIdea } from '../../../test/helpers/snapshot.js';
import { makeTempDir, removeTempDirs } from '../../../test/helpers/temp-repo.js';
import { readMemberState, stateDir, touchMemberState, writeMemberState } from './state.js';

afterAll(removeTempDirs);

function snapshot(): MemberSnapshot {
  return memberSnapshot(
    'lidkoping',
    [
      regionIdea('lidk-aaaaaa', {
        path: 'ideas/idea/lidk-aaaaaa.md',
        oid: 'b'.repeat(40),
        title: 'Läsplattor',
        data: { id: 'lidk-aaaaaa', title: 'Läsplattor', tags: ['äldre'] },
        body: 'Digitala läsplattor.',
      }),
    ],
    { name: 'Lidköping', challenges: [], goals: [], fields: [] },
    { url: 'file:///x', branch: 'main', syncedAt: '2026-12-01T10:00:00.000Z', rulesKey: 'r' },
  );
}

describe('a member state, read as deep as asked', () => {
  it('reads the summary, the fields or the texts', () => {
    const dir = makeTempDir();
    writeMemberState(dir, snapshot());
    const summary = readMemberState(dir, 'lidkoping', 'summary')?.ideas[0];
    expect([summary?.title, summary?.data, summary?.body]).toEqual(['Läsplattor', {}, '']);
    const fields = readMemberState(dir, 'lidkoping', 'fields')?.ideas[0];
    expect([fields?.data.tags, fields?.body]).toEqual([['äldre'], '']);
    expect(readMemberState(dir, 'lidkoping')?.ideas[0]?.body).toBe('Digitala läsplattor.');
  });

  it('gives mappings without a prototype, whatever keys a changed cache file holds', () => {
    const dir = makeTempDir();
    writeMemberState(dir, snapshot());
    const text = fs.readdirSync(stateDir(dir)).find((f) => f.endsWith('.text.json')) as string;
    fs.writeFileSync(
      path.join(stateDir(dir), text),
      '[[{"id":"lidk-aaaaaa","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}},"x"]]',
    );
    const data = readMemberState(dir, 'lidkoping')?.ideas[0]?.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.keys(data)).toEqual(['id', '__proto__', 'constructor']);
    expect(Object.getPrototypeOf(data['__proto__'])).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads a summary's ideas field by field: only the fields an idea has, of the kinds they are", () => {
    const dir = makeTempDir();
    writeMemberState(dir, snapshot());
    const file = path.join(stateDir(dir), 'lidkoping.json');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { ideas: Record<string, unknown>[] };
    const changed = JSON.stringify({ ...stored, ideas: [{ ...stored.ideas[0], title: { x: 1 }, extra: 'y' }] });
    fs.writeFileSync(file, changed.replace('"extra"', '"__proto__":{"polluted":"yes"},"extra"'));
    const idea = readMemberState(dir, 'lidkoping', 'summary')?.ideas[0] as unknown as Record<string, unknown>;
    expect(Object.keys(idea)).toEqual(['path', 'oid', 'id', 'title', 'stage', 'unit', 'created', 'data', 'body']);
    expect([idea.id, idea.title, idea.data, idea.body]).toEqual(['lidk-aaaaaa', null, {}, '']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('dates an unchanged member anew, naming the same texts; refuses when there is no summary to date', () => {
    const dir = makeTempDir();
    const url = 'https://git.example.org/lidkoping.git';
    expect(touchMemberState(dir, { member: 'lidkoping', syncedAt: '2026-12-04T10:00:00.000Z', url })).toBe(false);
    // Kept from before the region stopped keeping a member's credentials: the summary takes the address anew.
    writeMemberState(dir, { ...snapshot(), url: 'https://anna:secret@git.example.org/lidkoping.git' });
    const before = fs.readdirSync(stateDir(dir)).sort();
    expect(touchMemberState(dir, { member: 'lidkoping', syncedAt: '2026-12-04T10:00:00.000Z', url })).toBe(true);
    expect(fs.readdirSync(stateDir(dir)).sort()).toEqual(before);
    const read = readMemberState(dir, 'lidkoping');
    expect(read?.syncedAt).toBe('2026-12-04T10:00:00.000Z');
    expect(read?.url).toBe(url);
    expect(read?.ideas[0]?.body).toBe('Digitala läsplattor.');
    // A summary whose text file is gone is not dated: the caller writes the state whole.
    for (const f of fs.readdirSync(stateDir(dir))) if (f.endsWith('.text.json')) fs.rmSync(path.join(stateDir(dir), f));
    expect(touchMemberState(dir, { member: 'lidkoping', syncedAt: '2026-12-05T10:00:00.000Z', url })).toBe(false);
  });
});

describe("a member's texts file", () => {
  it("is the JSON of every idea's fields and text, written in pieces and named by its SHA-256, and nothing else", () => {
    const dir = makeTempDir();
    // Large enough for several pieces of 64 kB, with text outside ASCII (hashed as UTF-8).
    const ideas = Array.from({ length: 300 }, (_, i) =>
      regionIdea(`lidk-${String(i).padStart(6, '0')}`, {
        path: `ideas/idea/lidk-${i}.md`,
        oid: String(i).padStart(40, '0'),
        data: { id: `lidk-${i}`, title: `Idé ${i} för äldre` },
        body: `Text ${i}: ${'å'.repeat(500)}\n`,
      }),
    );
    const member = { ...snapshot(), ideas };
    writeMemberState(dir, member);
    const expected = JSON.stringify(ideas.map((i) => [i.data, i.body]));
    expect(Buffer.byteLength(expected)).toBeGreaterThan(3 * 65_536);
    const hash = createHash('sha256').update(expected).digest('hex').slice(0, 20);
    expect(fs.readdirSync(stateDir(dir)).sort()).toEqual(['lidkoping.json', `lidkoping.${hash}.text.json`].sort());
    expect(fs.readFileSync(path.join(stateDir(dir), `lidkoping.${hash}.text.json`), 'utf8')).toBe(expected);
    // Written again with the same texts: the same file, and no temporary file left beside it.
    const before = fs.statSync(path.join(stateDir(dir), `lidkoping.${hash}.text.json`)).ino;
    writeMemberState(dir, member);
    expect(fs.readdirSync(stateDir(dir)).sort()).toEqual(['lidkoping.json', `lidkoping.${hash}.text.json`].sort());
    expect(fs.statSync(path.join(stateDir(dir), `lidkoping.${hash}.text.json`)).ino).toBe(before);
    expect(readMemberState(dir, 'lidkoping')?.ideas.map((i) => i.body)).toEqual(ideas.map((i) => i.body));
  });
});
