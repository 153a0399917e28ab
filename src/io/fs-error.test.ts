import { describe, expect, it } from 'vitest';
import { IdeasError } from '../core/errors.js';
import { fsError, isFsError } from './fs-error.js';

const sysError = (code: string, path?: string) =>
  Object.assign(new Error(`${code}: something, open '${path ?? ''}'`), { code, errno: -1, syscall: 'open', path });

describe('fsError', () => {
  it('words each refusal of the file system in both languages, with the path, as an IO error (exit 2)', () => {
    const words: [string, RegExp, RegExp][] = [
      ['ENOSPC', /Disken är full/, /The disk is full/],
      ['EDQUOT', /Disken är full/, /The disk is full/],
      ['EROFS', /skrivskyddat filsystem/, /read-only file system/],
      ['EACCES', /inte behörighet/, /do not have permission/],
      ['EPERM', /inte behörighet/, /do not have permission/],
      ['EISDIR', /är en mapp/, /is a folder/],
      ['ENOTDIR', /är en fil/, /is a file/],
      ['EMFILE', /För många öppna filer/, /Too many open files/],
      ['EBUSY', /används av ett annat program/, /in use by another program/],
      ['EIO', /I\/O-fel/, /I\/O error/],
    ];
    for (const [code, sv, en] of words) {
      const e = fsError(sysError(code, '/srv/sluss/ideas/x.md'), 'ideas/x.md');
      expect(e.code, code).toBe('IO');
      expect(e.text.sv, code).toMatch(sv);
      expect(e.text.en, code).toMatch(en);
      expect(e.text.sv, code).toContain('/srv/sluss/ideas/x.md');
      expect(isFsError(sysError(code)), code).toBe(true);
    }
    expect(fsError(sysError('ENOSPC'), 'ideas/x.md').hint?.sv).toMatch(/Frigör utrymme/);
  });

  it('names the file given when the system names none, keeps an IdeasError, and keeps the text of other errors', () => {
    expect(fsError(sysError('EROFS'), 'ideas/y.md').text.en).toContain('ideas/y.md');
    const own = new IdeasError('CONFLICT', 'err.changedMeanwhile', { file: 'x' });
    expect(fsError(own, 'y')).toBe(own);
    const other = fsError(new Error('something odd'), 'ideas/z.md');
    expect(other.code).toBe('IO');
    expect(other.text.en).toBe('Could not write ideas/z.md: something odd');
    expect(isFsError(new Error('plain'))).toBe(false);
  });
});
