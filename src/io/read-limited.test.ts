import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileTooLarge, readFileLimited } from './read-limited.js';

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
