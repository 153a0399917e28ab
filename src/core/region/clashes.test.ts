import { describe, expect, it } from 'vitest';
import { findIdClashes } from './clashes.js';
import type { MemberSnapshot, RegionIdea } from './snapshot.js';

const idea = (id: string | null, path = `ideas/01/${id ?? 'x'}.md`): RegionIdea => ({
  path,
  oid: '0',
  id,
  title: null,
  stage: 'inkorg',
  unit: null,
  created: null,
  data: {},
  body: '',
});
const member = (name: string, ideas: RegionIdea[]) => ({ member: name, ideas }) as unknown as MemberSnapshot;

describe('findIdClashes', () => {
  it('names every member that holds an id another member holds', () => {
    const clashes = findIdClashes([
      member('a', [idea('x-1111'), idea('y-2222')]),
      member('b', [idea('x-1111')]),
      member('c', [idea('x-1111'), idea(null)]),
    ]);
    expect(clashes).toEqual([
      {
        id: 'x-1111',
        holders: [
          { member: 'a', path: 'ideas/01/x-1111.md' },
          { member: 'b', path: 'ideas/01/x-1111.md' },
          { member: 'c', path: 'ideas/01/x-1111.md' },
        ],
      },
    ]);
  });

  it('leaves an id twice in one member to that member, and ideas without an id alone', () => {
    expect(
      findIdClashes([member('a', [idea('x-1111'), idea('x-1111', 'b.md'), idea(null)]), member('b', [idea(null)])]),
    ).toEqual([]);
  });
});
