import { describe, expect, it } from 'vitest';
import { IdeasError } from '../core/errors.js';
import { fsError, isFsError, readReason } from './fs-error.js';

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

  it("names a code without words of its own, never with the system's English text", () => {
    const e = fsError(sysError('ENOSYS', '/srv/a'), 'a');
    expect(e.text.sv).toBe('Kunde inte skriva /srv/a: systemet svarade ENOSYS');
    expect(e.text.en).toBe('Could not write /srv/a: the system answered ENOSYS');
  });
});

describe('readReason', () => {
  it("says why a file could not be read in the catalogue's words, without Node's message or the machine's path", () => {
    const words: [string, string, string][] = [
      ['EACCES', 'du har inte behörighet att läsa den', 'you do not have permission to read it'],
      ['EPERM', 'du har inte behörighet att läsa den', 'you do not have permission to read it'],
      ['ENOENT', 'den finns inte', 'it does not exist'],
      ['EISDIR', 'det är en mapp, inte en fil', 'it is a folder, not a file'],
      ['EIO', 'disken kunde inte läsa den (I/O-fel)', 'the disk could not read it (I/O error)'],
      [
        'ELOOP',
        'dess symboliska länkar pekar på varandra i en ring',
        'its symbolic links point at each other in a loop',
      ],
      ['ENOSYS', 'systemet svarade ENOSYS', 'the system answered ENOSYS'],
      ['ERR_FS_FILE_TOO_LARGE', 'den är för stor för att läsas', 'it is too large to be read'],
    ];
    for (const [code, sv, en] of words) expect(readReason(sysError(code, '/srv/sluss/x')), code).toEqual({ sv, en });
    // A code that names a property of every object is a code like any other, not a lookup into the prototype.
    expect(readReason(sysError('constructor'))).toEqual({
      sv: 'systemet svarade constructor',
      en: 'the system answered constructor',
    });
    expect(readReason(new Error('odd'))).toBe('odd');
  });
});
