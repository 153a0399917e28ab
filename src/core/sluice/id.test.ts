import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ID_ALPHABET,
  ID_PATTERN,
  ID_RANDOM_LENGTH,
  idFromFileName,
  idsInFileNames,
  newId,
  takenIds,
  randomIdPart,
} from './id.js';
import { ideasNamed } from './id-text.js';

const constantBytes = (value: number) => (n: number) => new Uint8Array(n).fill(value);

describe('ids', () => {
  it('the alphabet has 32 distinct characters and leaves out i, l, o and u', () => {
    expect(ID_ALPHABET).toHaveLength(32);
    expect(new Set(ID_ALPHABET).size).toBe(32);
    expect(ID_ALPHABET).not.toMatch(/[ilou]/);
  });

  it('new ids match ID_PATTERN and use only the alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const id = newId('sund', () => false, randomBytes);
      expect(id).toMatch(ID_PATTERN);
      expect(id).toMatch(new RegExp(`^sund-[${ID_ALPHABET}]{${ID_RANDOM_LENGTH}}$`));
    }
  });

  it.each([
    [0, '000000'],
    [1, '111111'],
    [31, 'zzzzzz'],
    [32, '000000'],
    [255, 'zzzzzz'],
  ])('byte %i gives %s', (byte, part) => {
    expect(randomIdPart(constantBytes(byte), ID_RANDOM_LENGTH)).toBe(part);
  });

  it('skips ids that are taken', () => {
    const given = [constantBytes(0), constantBytes(1), constantBytes(2)];
    let calls = 0;
    const bytes = (n: number) => (given[calls++] ?? constantBytes(3))(n);
    const taken = new Set(['ide-000000', 'ide-111111']);
    expect(newId('ide', (id) => taken.has(id), bytes)).toBe('ide-222222');
    expect(calls).toBe(3);
  });

  it('gives up when every id it draws is taken', () => {
    expect(() => newId('ide', () => true, constantBytes(0))).toThrow(/100 attempts/);
  });

  it.each([
    ['sund-4k7q2x-aldreomsorg-pa-distans.md', 'sund-4k7q2x'],
    ['sund-4k7q2x.md', 'sund-4k7q2x'],
    ['SUND-4K7Q2X-Titel.md', 'sund-4k7q2x'],
    ['ide-tzxqka-papperslosa-arbetsplatstraffar.md', 'ide-tzxqka'],
    ['README.md', null],
    ['notes.md', null],
    ['sund-4k7.md', null],
    ['sund-4k7q2x', null],
    ['sund-4k7q2x.txt', null],
    ['-4k7q2x-title.md', null],
    ['åäö-4k7q2x-title.md', null],
  ])('idFromFileName(%j) is %j', (name, id) => {
    expect(idFromFileName(name)).toBe(id);
  });
});

describe('idsInFileNames', () => {
  it('takes the id each file name claims, from the name alone, and skips names that claim none', () => {
    const ids = idsInFileNames([
      'ideas/01-ide/sund-4k7q2x-aldreomsorg.md',
      'ideas/02-foradling/SUND-ABCD12.md',
      'ideas/01-ide/anteckningar.md',
      'sund-zzzz99-a/readme.md',
    ]);
    expect([...ids]).toEqual(['sund-4k7q2x', 'sund-abcd12']);
  });
});

describe('takenIds', () => {
  it('takes the ids file names claim and those ideas hold, whichever the file is called, in lower case', () => {
    const taken = takenIds(
      ['ideas/01-ide/sund-4k7q2x-aldreomsorg.md', 'ideas/01-ide/omdopt.md'],
      ['sund-000000', null, 'SUND-111111'],
      new Set(['skov-1ab2cd']),
    );
    expect([...taken].sort()).toEqual(['skov-1ab2cd', 'sund-000000', 'sund-111111', 'sund-4k7q2x']);
    // An id held only in a file's front matter (the file renamed away from it) is not drawn again.
    const given = [constantBytes(0), constantBytes(1), constantBytes(2)];
    let calls = 0;
    const bytes = (n: number) => (given[calls++] ?? constantBytes(3))(n);
    expect(newId('sund', (id) => taken.has(id), bytes)).toBe('sund-222222');
  });
});

describe('ideasNamed', () => {
  const ideas = [{ id: 'sund-4k7q2x' }, { id: 'lidk-4k7q2x' }, { id: 'sund-9zz9zz' }, { id: null }];
  it('finds an idea by its id in any case, else by the random part of its id, and every one that part names', () => {
    expect(ideasNamed(ideas, 'SUND-4k7q2x')).toEqual([{ id: 'sund-4k7q2x' }]);
    expect(ideasNamed(ideas, '9ZZ9ZZ')).toEqual([{ id: 'sund-9zz9zz' }]);
    expect(ideasNamed(ideas, '4k7q2x')).toEqual([{ id: 'sund-4k7q2x' }, { id: 'lidk-4k7q2x' }]);
    // An id with a dash is an id, never a random part; nothing is not an idea.
    expect(ideasNamed(ideas, 'x-9zz9zz')).toEqual([]);
    expect(ideasNamed(ideas, '')).toEqual([]);
  });
});
