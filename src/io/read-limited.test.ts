import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { FileTooLarge, NotRegularFile, readFileLimited, readFileOnly } from './read-limited.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-read-limited-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readFileLimited', () => {
  it('reads a file up to the limit, byte for byte', () => {
    const file = path.join(dir, 'ok.bin');
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 256));
    fs.writeFileSync(file, bytes);
    expect(readFileLimited(file, 200_000).equals(bytes)).toBe(true);
    fs.writeFileSync(path.join(dir, 'empty'), '');
    expect(readFileLimited(path.join(dir, 'empty'), 10)).toHaveLength(0);
  });

  it('refuses a file over the limit from its size, before reading it', () => {
    const file = path.join(dir, 'big.bin');
    fs.writeFileSync(file, Buffer.alloc(1001));
    expect(() => readFileLimited(file, 1000)).toThrow(FileTooLarge);
  });

  it.runIf(fs.existsSync('/dev/zero'))('stops reading a device that never ends one chunk past the limit', () => {
    expect(() => readFileLimited('/dev/zero', 100_000)).toThrow(expect.objectContaining({ max: 100_000 }));
  });

  it('throws what reading throws for a missing file or a folder', () => {
    expect(() => readFileLimited(path.join(dir, 'missing'), 10)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => readFileLimited(dir, 10)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});

describe('readFileOnly', () => {
  it('reads a regular file, through a link too, byte for byte', () => {
    const file = path.join(dir, 'own.txt');
    fs.writeFileSync(file, 'åäö\n');
    fs.symlinkSync(file, path.join(dir, 'own-link.txt'));
    expect(readFileOnly(file).toString('utf8')).toBe('åäö\n');
    expect(readFileOnly(path.join(dir, 'own-link.txt')).toString('utf8')).toBe('åäö\n');
  });

  it('refuses a FIFO at once, as a link too, where reading it would wait for a writer forever', () => {
    const fifo = path.join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    fs.symlinkSync(fifo, path.join(dir, 'fifo-link.json'));
    expect(() => readFileOnly(fifo)).toThrow(NotRegularFile);
    expect(() => readFileOnly(path.join(dir, 'fifo-link.json'))).toThrow(
      expect.objectContaining({ code: 'ERR_NOT_REGULAR_FILE' }),
    );
  });

  it.runIf(fs.existsSync('/dev/zero'))('refuses a device, and a file over the limit, before reading', () => {
    expect(() => readFileOnly('/dev/zero')).toThrow(NotRegularFile);
    const file = path.join(dir, 'over.bin');
    fs.writeFileSync(file, Buffer.alloc(11));
    expect(() => readFileOnly(file, 10)).toThrow(expect.objectContaining({ code: 'ERR_FS_FILE_TOO_LARGE' }));
    expect(readFileOnly(file, 11)).toHaveLength(11);
  });

  it('throws what reading throws for a missing file or a folder', () => {
    expect(() => readFileOnly(path.join(dir, 'missing'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => readFileOnly(dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
