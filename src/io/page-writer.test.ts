import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedText } from '../core/file-text.js';
import { MIN_PAGES_FOR_THREAD, pageWriter, pageWriting, wantThread } from './page-writer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-pages-'));
  dirs.push(d);
  return d;
};
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('wantThread', () => {
  it('asks for many pages and a second core; IDEAS_WORKERS decides whatever the number', () => {
    const cores = os.availableParallelism();
    expect(wantThread(MIN_PAGES_FOR_THREAD - 1, {})).toBe(false);
    expect(wantThread(MIN_PAGES_FOR_THREAD, {})).toBe(cores >= 2);
    expect(wantThread(10_000, { IDEAS_WORKERS: '0' })).toBe(false);
    expect(wantThread(1, { IDEAS_WORKERS: '1' })).toBe(true);
    // Not a number: as if unset.
    expect(wantThread(1, { IDEAS_WORKERS: 'yes' })).toBe(false);
  });
});

describe('pageWriting', () => {
  it('writes the UTF-8 bytes of each page, into folders it makes, and returns their hash', () => {
    const dir = tempDir();
    const write = pageWriting(new Set([dir]));
    const pages: [string, string][] = [
      [path.join(dir, 'index.html'), 'Idétavlan ✓ – klar'],
      // Longer than the buffer the writer starts with: it grows.
      [path.join(dir, 'ideas', 'a.html'), `${'å✓'.repeat(40_000)}\n`],
      // Shorter after a longer one: nothing of the longer one's bytes is left at its end.
      [path.join(dir, 'ideas', 'b.html'), 'kort'],
      [path.join(dir, 'ideas', 'empty.html'), ''],
    ];
    for (const [abs, text] of pages) expect(write(abs, [text])).toBe(sha256(text));
    for (const [abs, text] of pages) expect(fs.readFileSync(abs, 'utf8')).toBe(text);
  });

  it('joins a page from its pieces, texts and bytes encoded already, in their order', () => {
    const dir = tempDir();
    const write = pageWriting(new Set([dir]));
    const head = Buffer.from('<head>å✓</head>', 'utf8');
    const abs = path.join(dir, 'a.html');
    // The bytes given outgrow the buffer the writer starts with, where their characters alone would not.
    const big = Buffer.from('✓'.repeat(30_000), 'utf8');
    const joined = `<head>å✓</head>Idé – ${'✓'.repeat(30_000)}<head>å✓</head>`;
    expect(write(abs, [head, 'Idé – ', big, '', head])).toBe(sha256(joined));
    expect(fs.readFileSync(abs, 'utf8')).toBe(joined);
  });
});

describe('pageWriter', () => {
  it('without a thread (the sources have no worker script), writes every page and gives the hashes in order', () => {
    const dir = tempDir();
    const writer = pageWriter(10_000, new Set([dir]), { IDEAS_WORKERS: '1' });
    const texts = Array.from({ length: 70 }, (_, i) => `sida ${i} ${'–'.repeat(i)}`);
    texts.forEach((text, i) => writer.write(path.join(dir, 'ideas', `${i}.html`), text));
    expect(writer.finish()).toEqual(texts.map(sha256));
    expect(fs.readdirSync(path.join(dir, 'ideas'))).toHaveLength(70);
  });

  it('writes pages in pieces, shared pieces among them, as their joined text', () => {
    const dir = tempDir();
    const writer = pageWriter(10_000, new Set([dir]));
    const [head, tail] = [sharedText('<html>Idéer ✓\n'), sharedText('</html>\n')];
    const own = Array.from({ length: 40 }, (_, i) => `sida ${i} ${'–'.repeat(i)}`);
    own.forEach((text, i) => writer.write(path.join(dir, `${i}.html`), [head, text, tail]));
    const joined = own.map((text) => `<html>Idéer ✓\n${text}</html>\n`);
    expect(writer.finish()).toEqual(joined.map(sha256));
    own.forEach((_, i) => expect(fs.readFileSync(path.join(dir, `${i}.html`), 'utf8')).toBe(joined[i]));
  });
});
