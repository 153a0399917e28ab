import { describe, expect, it } from 'vitest';
import { decodeHandedText } from './handed-text.js';

describe('decodeHandedText', () => {
  it('takes UTF-8 with or without a BOM, UTF-16 with one, and anything else as Windows-1252', () => {
    expect(decodeHandedText(Buffer.from('\uFEFFå;ä', 'utf8'))).toEqual({ text: 'å;ä', encoding: 'utf-8' });
    expect(decodeHandedText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('å\tä', 'utf16le')]))).toEqual({
      text: 'å\tä',
      encoding: 'utf-16le',
    });
    expect(decodeHandedText(Buffer.from([0xc5, 0x3b, 0x80]))).toEqual({ text: 'Å;€', encoding: 'windows-1252' });
  });

  // Found from outside: UTF-16 big-endian, byte order mark and all, was read as Windows-1252 (þÿ␀t␀i…).
  it('takes UTF-16 big-endian by its byte order mark', () => {
    const text = 'title;body\nÅsa;B\n';
    const le = Buffer.from(text, 'utf16le');
    // Node writes no big-endian UTF-16: each pair of bytes swapped.
    const be = Buffer.from(le).swap16();
    expect(decodeHandedText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text, encoding: 'utf-16be' });
  });
});
