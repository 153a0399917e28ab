import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { prng } from '../../test/fuzz/mutate.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import { isPlainProse, mayHoldAddress, simpleBlocks } from './plain-markdown.js';
import { renderMarkdown, siteMarkdown } from './site-markdown.js';

describe('plain prose, rendered without markdown-it', () => {
  // Configured as the site's own: plain prose has no link, heading or image, where the two would differ.
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

  it('is what markdown-it makes of the same text', () => {
    const texts = [
      'Vi vill testa under en begränsad period.',
      'Första stycket, med "citat" och (parentes).\nSamma stycke, ny rad.\n\n\nAndra stycket: kort!\n',
      '\n\nInledande tomma rader. Och 3 enheter, 2025 års budget; 50 % och/eller – tankstreck…\n\n',
      '«Citat» ”svenska” ’enkla’ § 4\n2 kommuner deltar',
      'Éé Åå Ωω ﬁ ½ ² Ⅷ',
      '',
    ];
    for (const text of texts) {
      expect(isPlainProse(text), text).toBe(true);
      expect(renderMarkdown(text), text).toBe(md.render(text));
    }
  });

  it('leaves to markdown-it every text that may be more than paragraphs', () => {
    for (const text of [
      'Se kommun.se för mer.',
      'Läs www.example.org',
      'Mejla ide@example.se',
      'Se https://example.org/ nu',
      'Se //localhost',
      'Klockan 10:30',
      'Summa 10.000 kronor',
      '1. Första\n2. Andra',
      'Text\n1) lista',
      '- punkt',
      '+ punkt',
      '* punkt',
      '# Rubrik',
      'Rubrik\n===',
      'Rubrik\n---',
      '> citat',
      '    kod',
      ' inledande mellanslag',
      'hårt  \nradbrott',
      'mjukt \nradbrott',
      'slut ',
      '*kursiv*',
      '_kursiv_',
      '`kod`',
      '[länk](x)',
      '<b>',
      'A &amp; B',
      'a\\b',
      '~~bort~~',
      'a | b\n--|--',
      'hårt\u00a0mellanslag',
      'rad\r\nbrott',
      'noll\u0000tecken',
    ]) {
      expect(isPlainProse(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('takes every letter, mark and digit beyond ASCII, and no other character but a few marks of punctuation', () => {
    const wide = /^[\p{L}\p{M}\p{N}–—…’”“‘«»§]$/u;
    const wrong: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isPlainProse(`a${ch}`) !== (wide.test(ch) && (c < 0xd800 || c > 0xdfff))) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('is what markdown-it makes of every idea in the examples that it takes', () => {
    const root = path.resolve(import.meta.dirname, '../../examples');
    let taken = 0;
    const walk = (dir: string): void => {
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        const abs = path.join(dir, d.name);
        if (d.isDirectory()) walk(abs);
        else if (d.name.endsWith('.md')) {
          const read = readFrontMatter(readFileSync(abs), { body: true });
          if (!read.ok || !isPlainProse(read.body)) continue;
          taken++;
          expect(renderMarkdown(read.body), abs).toBe(md.render(read.body));
        }
      }
    };
    walk(root);
    expect(taken).toBeGreaterThan(40);
  });

  it('is what markdown-it makes of generated texts made of the characters at the edges', () => {
    const atoms = [
      ...['a', 'B', 'Å', 'ö', 'é', '\u0301', 'ﬁ', 'Ω', '²', '½', 'Ⅷ', '٣'],
      ...['0', '1', '9', '10', '2025', ' ', '  ', '\n', '\n\n', '\n ', ' \n'],
      ...['.', ':', '/', '//', '-', '–', '—', '(', ')', '"', "'", '%', '+', '=', '!', '?', ',', ';', '…'],
      ...['”', '“', '’', '‘', '«', '»', '§', '\u00a0', '\u2028', '\t', '*', '#', '>', '@', '[', '&'],
      ...['www', 'http', 'https', 'mailto', 'ftp', 'se', 'com', 'nu', 'localhost', 'org', 'ex', 'co'],
      ...['t.ex.', 'kommun.se', '1.', '1)', ' .', '. ', ': ', 'a.b', 'a:b', '://', 'x@y'],
    ];
    const random = prng(20261205);
    const differ: string[] = [];
    let taken = 0;
    for (let i = 0; i < 60_000; i++) {
      let text = '';
      for (let k = 1 + Math.floor(random() * 14); k > 0; k--) text += atoms[Math.floor(random() * atoms.length)];
      if (!isPlainProse(text)) continue;
      taken++;
      if (renderMarkdown(text) !== md.render(text)) differ.push(text);
    }
    expect(differ).toEqual([]);
    // Enough of them taken for the comparison to mean something.
    expect(taken).toBeGreaterThan(3_000);
  });
});

describe('texts in which linkify-it can find no address', () => {
  const linking = siteMarkdown(true);

  it('are rendered as with linkify-it, whatever Markdown they hold', () => {
    const atoms = [
      ...['a', 'Å', 'é', '1', '10', ' ', '\n', '\n\n', '\t', '.', ':', '/', '-', '(', ')', '"', '!', '?', ','],
      ...['# ', '## ', '- ', '* ', '1. ', '> ', '    ', '`', '```\n', '*', '_', '**', '~~', '[', ']', '(x)', '!['],
      ...['| a | b |\n|---|---|\n', '&amp;', '&#46;', '&#64;', '\\.', '\\:', '\\@', '<', '>', '<b>', '\u00a0'],
      ...['www', 'http', 'https', 'mailto', 'se', 'com', 'localhost', 'kommun', 'example', 't.ex.', ': ', '. '],
      ...['www.', 'kommun.se', 'https://x.se', 'a@b.se', '//', '1.2.3.4', 'www\\.x.se', 'x&#46;se', 'mailto:a'],
    ];
    const random = prng(20261206);
    const differ: string[] = [];
    let taken = 0;
    let linked = 0;
    for (let i = 0; i < 40_000; i++) {
      let text = '';
      for (let k = 1 + Math.floor(random() * 16); k > 0; k--) text += atoms[Math.floor(random() * atoms.length)];
      if (mayHoldAddress(text)) {
        if (linking.render(text).includes('<a ')) linked++;
        continue;
      }
      taken++;
      if (renderMarkdown(text) !== linking.render(text)) differ.push(text);
    }
    expect(differ).toEqual([]);
    // Enough taken, and enough left to linkify-it that found addresses in them, for both sides to mean something.
    expect(taken).toBeGreaterThan(5_000);
    expect(linked).toBeGreaterThan(1_000);
  });

  it('leave linkify-it every text with a sign of an address', () => {
    expect(renderMarkdown('# Länkar\n\nSe kommun.se')).toContain(
      '<a href="http://kommun.se" rel="noopener noreferrer">kommun.se</a>',
    );
    expect(renderMarkdown('- mejla ide@example.se')).toContain('<a href="mailto:ide@example.se">');
    expect(renderMarkdown('- https://example.org/a')).toContain('<a href="https://example.org/a"');
  });
});

describe('texts of headings, bullet lists and paragraphs, rendered without markdown-it', () => {
  const md = siteMarkdown(true);

  it('are what markdown-it makes of them', () => {
    expect(simpleBlocks('3. tre\n4. fyra')).toBe('<ol start="3">\n<li>tre</li>\n<li>fyra</li>\n</ol>\n');
    expect(simpleBlocks('## Bakgrund\n\nFörsta stycket.\n\n- ett\n- två "citat"\n\n# Sist')).toBe(
      '<h4>Bakgrund</h4>\n<p>Första stycket.</p>\n<ul>\n<li>ett</li>\n<li>två &quot;citat&quot;</li>\n</ul>\n<h3>Sist</h3>\n',
    );
    const words = [
      'Text',
      'två ord',
      'Å ä',
      '2025 års',
      '50 %',
      '(parentes)',
      '"citat"',
      'a, b; c!',
      'slut.',
      '1',
      '1.',
      't.ex.',
    ];
    const edges = [
      '',
      ' ',
      '  ',
      '#',
      '##',
      '-',
      '- ',
      '* ',
      '+ ',
      '1. ',
      '> ',
      '    ',
      '\t',
      '`',
      '*',
      '_',
      '[',
      '<',
      '&',
    ];
    const random = prng(20261207);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const line = () => {
      let out = pick(words);
      for (let k = Math.floor(random() * 3); k > 0; k--) out += (random() < 0.8 ? ' ' : pick(edges)) + pick(words);
      return out;
    };
    const block = (): string => {
      const r = random();
      if (r < 0.3) return `${'#'.repeat(1 + Math.floor(random() * 7))}${random() < 0.9 ? ' ' : pick(edges)}${line()}`;
      if (r < 0.6) {
        const marker = pick(['- ', '* ', '+ ', '1. ', '1) ', '3. ', '01. ', '0. ']);
        const items: string[] = [];
        for (let k = 1 + Math.floor(random() * 4); k > 0; k--)
          items.push(
            `${random() < 0.9 ? marker.replace(/^\d+/, (d) => (random() < 0.5 ? d : String(items.length + 1))) : pick(edges)}${random() < 0.95 ? line() : ''}`,
          );
        return items.join('\n');
      }
      const lines: string[] = [];
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) lines.push(random() < 0.9 ? line() : pick(edges) + line());
      return lines.join('\n');
    };
    const differ: string[] = [];
    let taken = 0;
    let withList = 0;
    for (let i = 0; i < 60_000; i++) {
      let text = random() < 0.1 ? '\n' : '';
      for (let k = 1 + Math.floor(random() * 5); k > 0; k--)
        text += block() + pick(['\n\n', '\n\n', '\n\n\n', '\n', '\n \n', '']);
      const simple = simpleBlocks(text);
      if (simple === null) continue;
      taken++;
      if (simple.includes('<ul>') || simple.includes('<ol')) withList++;
      if (simple !== md.render(text)) differ.push(text);
    }
    expect(differ.slice(0, 5)).toEqual([]);
    // Enough taken, lists among them, for the comparison to mean something.
    expect(taken).toBeGreaterThan(4_000);
    expect(withList).toBeGreaterThan(1_000);
  });

  it('takes quotes, tables, strong text and links as markdown-it makes them', () => {
    expect(simpleBlocks('> Citat en rad\n> och **fet** text.')).toBe(
      '<blockquote>\n<p>Citat en rad\noch <strong>fet</strong> text.</p>\n</blockquote>\n',
    );
    expect(simpleBlocks('> Om det fungerar här.\n>\n> — en medarbetare')).toBe(
      '<blockquote>\n<p>Om det fungerar här.</p>\n<p>— en medarbetare</p>\n</blockquote>\n',
    );
    expect(simpleBlocks('Vi vill **pröva det** i år. Mer hos [Vinnova](https://www.vinnova.se/).')).toBe(
      '<p>Vi vill <strong>pröva det</strong> i år. Mer hos <a href="https://www.vinnova.se/" rel="noopener noreferrer">Vinnova</a>.</p>\n',
    );
    expect(simpleBlocks('| Månad | Kostnad (kr) |\n| :--- | ---: |\n| 1 | 35 000 |\n|  | **"x"** |')).toBe(
      '<table>\n<thead>\n<tr>\n<th style="text-align:left">Månad</th>\n<th style="text-align:right">Kostnad (kr)</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td style="text-align:left">1</td>\n<td style="text-align:right">35 000</td>\n</tr>\n' +
        '<tr>\n<td style="text-align:left"></td>\n<td style="text-align:right"><strong>&quot;x&quot;</strong></td>\n</tr>\n</tbody>\n</table>\n',
    );
    const words = [
      'Text',
      'två ord',
      'Å ä',
      '2025',
      '35 000',
      '50 %',
      '(parentes)',
      '"citat"',
      'a, b',
      'slut.',
      'Obs:',
      '1.',
      '½',
    ];
    // Links as ideas have them, and a few that markdown-it makes something else of, or that it changes.
    const links = [
      '[rapporten](https://example.org/report-12.pdf)',
      '<https://www.sundsvall.se/ideer/1234>',
      '[a "b"](http://a.se/)',
    ];
    const odd = [
      ...[
        '[x](https://a..b)',
        '[x](https://xn--a.se)',
        '<https://a-.se/~x_y>',
        '[kommun.se](https://a.se)',
        '[a](plan.md)',
      ],
      ...[
        '[a](https://a.se/x?y=1)',
        '<HTTPS://A.SE>',
        '<https://xn--bcher-kva.se/>',
        '[a](<https://a.se>)',
        '[[a]](https://a.se)',
        '[a] (https://a.se)',
      ],
    ];
    const edges = [
      ...['', ' ', '  ', '*', '**', '***', '_', '|', '\\|', '>', '> ', '#', '- ', '1. ', '`', '\t', ':', '-', '.'],
      ...['!', '<', '.se', '('],
    ];
    const random = prng(20261208);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    // Words, now and then strong, now and then with an edge beside them.
    const phrase = () => {
      let out = '';
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const r = random();
        const word = r < 0.25 ? `**${pick(words)}**` : r < 0.4 ? pick(links) : r < 0.43 ? pick(odd) : pick(words);
        out += (out === '' ? '' : random() < 0.85 ? ' ' : pick(edges)) + word;
      }
      return random() < 0.9 ? out : out + pick(edges);
    };
    const cells = (n: number) => Array.from({ length: n }, () => (random() < 0.1 ? '' : phrase()));
    const row = (xs: string[]) => (random() < 0.95 ? `| ${xs.join(' | ')} |` : `|${xs.join(pick(['|', ' |', '||']))}`);
    const block = (): string => {
      const r = random();
      if (r < 0.3) {
        const n = 1 + Math.floor(random() * 4);
        const dashes = Array.from({ length: random() < 0.9 ? n : n + 1 }, () =>
          pick(['---', ':---', '---:', ':-:', '-', ' - ', '--']),
        );
        const lines = [row(cells(n)), random() < 0.95 ? `|${dashes.join('|')}|` : pick(['|---', '| --- | |', '|-|-|'])];
        for (let k = Math.floor(random() * 4); k > 0; k--) lines.push(row(cells(random() < 0.9 ? n : n + 1)));
        return lines.join('\n');
      }
      if (r < 0.55) {
        const lines: string[] = [];
        for (let k = 1 + Math.floor(random() * 4); k > 0; k--) {
          const r = random();
          // A line of `>` alone parts the quote's paragraphs.
          lines.push(r < 0.2 ? pick(['>', '> ', '>  ']) : `${r < 0.94 ? '> ' : pick(edges)}${phrase()}`);
        }
        return lines.join('\n');
      }
      if (r < 0.65) return `${'#'.repeat(1 + Math.floor(random() * 3))} ${phrase()}`;
      if (r < 0.75) return [`- ${phrase()}`, `- ${phrase()}`].join('\n');
      const lines: string[] = [];
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) lines.push(phrase());
      return lines.join(random() < 0.9 ? '\n' : '\r\n');
    };
    const differ: string[] = [];
    let taken = 0;
    const seen = { table: 0, quote: 0, strong: 0, link: 0, strongAndLink: 0, quoteParagraphs: 0 };
    for (let i = 0; i < 40_000; i++) {
      let text = '';
      for (let k = 1 + Math.floor(random() * 4); k > 0; k--)
        text += block() + pick(['\n\n', '\n\n', '\r\n\r\n', '\n', '']);
      const expected = md.render(text);
      if (renderMarkdown(text) !== expected) differ.push(text);
      const simple = simpleBlocks(text.replace(/\r\n?/g, '\n'));
      if (simple === null) continue;
      taken++;
      if (simple !== expected) differ.push(text);
      if (simple.includes('<table>')) seen.table++;
      if (simple.includes('<blockquote>')) seen.quote++;
      if (simple.includes('<strong>')) seen.strong++;
      if (simple.includes('<a ')) seen.link++;
      if (/<strong>[^\n]*<a |<a [^\n]*<strong>/.test(simple)) seen.strongAndLink++;
      if (/<blockquote>\n<p>[^]*?<\/p>\n<p>/.test(simple)) seen.quoteParagraphs++;
    }
    expect(differ.slice(0, 5)).toEqual([]);
    // Enough taken of each kind, for the comparison to mean something.
    expect(taken).toBeGreaterThan(4_000);
    expect(seen.table).toBeGreaterThan(800);
    expect(seen.quote).toBeGreaterThan(800);
    expect(seen.strong).toBeGreaterThan(1_500);
    expect(seen.link).toBeGreaterThan(1_500);
    expect(seen.strongAndLink).toBeGreaterThan(500);
    expect(seen.quoteParagraphs).toBeGreaterThan(100);
  });

  it('leaves a link to a host longer than markdown-it keeps to markdown-it, and takes one as long as it keeps', () => {
    const md = siteMarkdown(true);
    const kept = `${'a.'.repeat(127)}a`;
    const dropped = 'a.'.repeat(128);
    expect(kept.length).toBe(255);
    for (const text of [`Se [a](https://${kept}/x) nu.`, `Se <https://${kept}> nu.`, `> **Se** [a](https://${kept})`]) {
      expect(simpleBlocks(text), text).not.toBeNull();
      expect(renderMarkdown(text), text).toBe(md.render(text));
    }
    for (const text of [
      `Se [a](https://${dropped}/x) nu.`,
      `Se <https://${dropped}> nu.`,
      `| [a](https://${dropped}) | b |\n| --- | --- |`,
    ]) {
      expect(simpleBlocks(text), text).toBeNull();
      expect(renderMarkdown(text), text).toBe(md.render(text));
      // Nor does markdown-it link to it without its host, which would lead to another host than the one written.
      expect(renderMarkdown(text), text).not.toMatch(/href="[a-z]*:?\/\/\//);
    }
  });

  it('takes no text with a bidirectional control, which renderMarkdown shows only in what markdown-it makes', () => {
    const places = [
      (c: string) => `Text${c} här.`,
      (c: string) => `## Rubrik${c} ett`,
      (c: string) => `- punkt${c}`,
      (c: string) => `> citat${c}`,
      (c: string) => `| a | b${c} |\n| --- | --- |`,
      (c: string) => `Se [länk${c}](https://a.se/) nu.`,
      (c: string) => `Ett **fett${c}** ord.`,
    ];
    for (let code = 0x202a; code <= 0x2069; code++) {
      if (code > 0x202e && code < 0x2066) continue;
      const c = String.fromCharCode(code);
      for (const place of places) {
        expect(simpleBlocks(place(c)), place(c)).toBeNull();
        expect(renderMarkdown(place(c)), place(c)).not.toContain(c);
      }
    }
    // The same texts without the control are taken, so the test means something.
    for (const place of places) expect(simpleBlocks(place('')), place('')).not.toBeNull();
  });

  it('leaves to markdown-it a loose list, two lists in a row, and any block or strong text it is not sure of', () => {
    for (const text of [
      '- a\n\n- b',
      '- a\n\n\n- b',
      '- a\n  fortsättning',
      '## Rubrik\n- punkt',
      'Stycke\n- punkt',
      '####### sju',
      '#Rubrik',
      '## Rubrik ##',
      '- ',
      '- a\n* b',
      '1. a\n2) b',
      '1. a\n\n- b',
      '| a | b |\n| --- |',
      '| a | b |\n| --- | --- |\n| c |',
      '| a | b |\n| --- | --- | ',
      '| a \\| b |\n| --- | --- |',
      '| 1. a | b |\n| --- | - |\n| `c` | d |',
      '>citat',
      '> citat\nfortsättning',
      '> # rubrik',
      '> citat\n>\n> # rubrik',
      '>',
      '> \n>',
      '> citat\n>andra',
      '*kursiv*',
      'a **fet**text',
      'a** fet**',
      '**fet **',
      '**fet:**text',
      '***fet***',
      '**a\nb**',
      '![bild](https://a.se/b.png)',
      '[a **b**](https://a.se)',
      '**[a](https://a.se)**',
      '**a**[b](https://a.se)',
      '[a](https://a.se)**b**',
      '*[a](https://a.se) b*',
      'a \ue000 **b** [c](https://a.se)',
      '[a](javascript:alert(1))',
      '[a](https://xn--a.se)',
      'Se [a](https://a.se) och kommun.se',
      '- se kommun.se',
      '## *kursiv*',
    ]) {
      expect(simpleBlocks(text), JSON.stringify(text)).toBeNull();
    }
  });
});
