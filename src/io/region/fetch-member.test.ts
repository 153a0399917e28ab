import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchSource } from './fetch-member.js';

describe('fetchSource', () => {
  const root = path.resolve('/regions/skaraborg');
  it('keeps URLs and scp-like addresses as they are', () => {
    for (const url of [
      'https://git.example.org/a/b.git',
      'ssh://git@host/x.git',
      'git://127.0.0.1:9418/x',
      'file:///srv/x',
      'git@host:lidkoping/idesluss.git',
    ])
      expect(fetchSource(url, root)).toBe(url);
  });

  it("reads a path from the region's folder", () => {
    expect(fetchSource('../lidkoping', root)).toBe(path.resolve(root, '../lidkoping'));
    expect(fetchSource('./members/a', root)).toBe(path.resolve(root, 'members/a'));
    expect(fetchSource('members/a', root)).toBe(path.resolve(root, 'members/a'));
    expect(fetchSource('/srv/a', root)).toBe(path.resolve('/srv/a'));
  });
});
