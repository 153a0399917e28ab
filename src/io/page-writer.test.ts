import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { joinedText, madeText, sharedText } from '../core/file-text.js';
import { IDEA_TEXT_MAKER, ideaTextMaker } from '../ui/site-markdown.js';
import {
  MIN_PAGES_FOR_THREAD,
  pageWriter,
  pageWriting,
  servePages,
  wantThread,
  type RemoteMaker,
} from './page-writer.js';
import { makeTempDir, removeTempDirs } from '../../test/helpers/temp-repo.js';

afterEach(removeTempDirs);
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
    const dir = makeTempDir();
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
    const dir = makeTempDir();
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
    const dir = makeTempDir();
    const writer = pageWriter(10_000, new Set([dir]), null, { IDEAS_WORKERS: '1' });
    const texts = Array.from({ length: 70 }, (_, i) => `sida ${i} ${'–'.repeat(i)}`);
    texts.forEach((text, i) => writer.write(path.join(dir, 'ideas', `${i}.html`), text));
    expect(writer.finish()).toEqual(texts.map(sha256));
    expect(fs.readdirSync(path.join(dir, 'ideas'))).toHaveLength(70);
  });

  it('writes pages in pieces, shared pieces among them, as their joined text', () => {
    const dir = makeTempDir();
    const writer = pageWriter(10_000, new Set([dir]));
    const [head, tail] = [sharedText('<html>Idéer ✓\n'), sharedText('</html>\n')];
    const own = Array.from({ length: 40 }, (_, i) => `sida ${i} ${'–'.repeat(i)}`);
    own.forEach((text, i) => writer.write(path.join(dir, `${i}.html`), [head, text, tail]));
    const joined = own.map((text) => `<html>Idéer ✓\n${text}</html>\n`);
    expect(writer.finish()).toEqual(joined.map(sha256));
    own.forEach((_, i) => expect(fs.readFileSync(path.join(dir, `${i}.html`), 'utf8')).toBe(joined[i]));
  });
});

describe('made pieces', () => {
  const TEXT = '# Rubrik\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nEtt *stycke* med [länk](https://example.org).\n';
  const maker = { make: ideaTextMaker('Tabell'), remote: { ...IDEA_TEXT_MAKER, init: 'Tabell' } };

  it('are made by the maker where the page is written, without a thread', () => {
    const dir = makeTempDir();
    const writer = pageWriter(10, new Set([dir]), maker, { IDEAS_WORKERS: '0' });
    const page = ['<main>', madeText(TEXT), sharedText('</main>\n')] as const;
    writer.write(path.join(dir, 'a.html'), page);
    const joined = joinedText(page, ideaTextMaker('Tabell'));
    expect(joined).toContain('<div class="table-scroll" tabindex="0" role="region" aria-label="Tabell"><table>');
    expect(writer.finish()).toEqual([sha256(joined)]);
    expect(fs.readFileSync(path.join(dir, 'a.html'), 'utf8')).toBe(joined);
    // No maker: a made piece is a mistake of the caller's, not a page without its text.
    const bare = pageWriter(10, new Set([dir]), null, { IDEAS_WORKERS: '0' });
    expect(() => bare.write(path.join(dir, 'b.html'), page)).toThrow('no maker');
    expect(() => joinedText(page)).toThrow('no maker');
  });

  /** The worker's side, served in this thread over a channel: the batch it is sent, and its last answer. */
  const serve = async (remote: RemoteMaker, pages: (string | number)[]) => {
    const control = new SharedArrayBuffer(12);
    const { port1, port2 } = new MessageChannel();
    const answer = new Promise<unknown>((resolve) => port1.once('message', resolve));
    servePages({ control, port: port2 as MessagePort, maker: remote });
    port1.postMessage({ shared: ['<html>'], pages });
    port1.postMessage({ end: true });
    const got = await answer;
    port1.close();
    return got;
  };

  it('are made on the writing thread by the maker its module exports, the same text as here', async () => {
    const dir = makeTempDir();
    const abs = path.join(dir, 'a.html');
    // A page of three pieces: the shared piece 0, a made piece (-1 and its source), and text of its own.
    const got = await serve(maker.remote, [abs, 3, 0, -1, TEXT, '</html>\n']);
    const joined = `<html>${ideaTextMaker('Tabell')(TEXT)}</html>\n`;
    expect(got).toEqual({ hashes: [sha256(joined)] });
    expect(fs.readFileSync(abs, 'utf8')).toBe(joined);
  });

  it('a maker the thread cannot load fails the writing with words, and writes nothing', async () => {
    const dir = makeTempDir();
    const abs = path.join(dir, 'a.html');
    const none = await serve({ ...maker.remote, name: 'noSuchMaker' }, [abs, 1, 'x']);
    expect(none).toMatchObject({ error: { message: expect.stringContaining('has no maker noSuchMaker') } });
    const gone = await serve({ ...maker.remote, module: new URL('./no-such-module.js', import.meta.url).href }, [
      abs,
      1,
      'x',
    ]);
    expect(gone).toMatchObject({ error: { message: expect.any(String) } });
    expect(fs.existsSync(abs)).toBe(false);
  });
});
