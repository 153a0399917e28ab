/**
 * The text of a file someone hands the tool (a spreadsheet to import, an idea's text for `--body-file`), as the
 * programs people use write it: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark (Excel's
 * "Unicode text", Notepad's "Unicode"), or else Windows-1252, which Swedish Excel writes when told to save "CSV"
 * without "UTF-8", and older Notepads save as "ANSI". Decoded as UTF-8 whatever they were, the last two lost every
 * å, ä and ö (to U+FFFD), and UTF-16's NULs made an idea file no command could read.
 */
import { isUtf8 } from 'node:buffer';

export type HandedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Windows-1252 where it differs from Latin-1 (0x80–0x9F): Node's own decoder for the label decodes Latin-1. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
  return out;
}

export function decodeHandedText(bytes: Buffer): { text: string; encoding: HandedEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  // Big-endian, as some editors and older Mac programs write it: its byte order mark says so as plainly.
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (isUtf8(bytes)) return { text: bytes.toString('utf8').replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}
