import { describe, expect, it } from 'vitest';
import { isSafeLink, renderMarkdown } from './site-markdown.js';

describe('isSafeLink', () => {
  it.each([
    ['https://example.org/a?b#c', true],
    ['http://example.org', true],
    ['mailto:ideas@example.se', true],
    ['../bilagor/plan.pdf', true],
    ['#rubrik', true],
    ['sida.html?x=a:b', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' \tjava\nscript:alert(1)', false],
    ['\u0000javascript:alert(1)', false],
    ['vbscript:msgbox(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['file:///etc/passwd', false],
    ['ftp://example.org', false],
  ])('%j → %s', (url, safe) => {
    expect(isSafeLink(url)).toBe(safe);
  });
});

describe('renderMarkdown', () => {
  it("makes no link to a host longer than markdown-it's URL parser keeps, which would lead to another host", () => {
    const long = 'a.'.repeat(128);
    for (const source of [
      `[rapport](https://${long}/evil.example/x)`,
      `<https://${long}/evil.example>`,
      `Se https://${long}/evil.example här`,
      `[rapport](//${'a'.repeat(256)}/evil.example) och *kursiv*`,
    ]) {
      const html = renderMarkdown(source);
      // No link without its host (a browser opens `https:///evil.example` as `https://evil.example`).
      expect(html, source).not.toMatch(/href="[a-z]*:?\/\/\//);
      expect(html, source).not.toContain('href="https://evil');
    }
    // A host as long as it keeps is linked as written.
    const kept = `${'a.'.repeat(127)}a`;
    expect(renderMarkdown(`[rapport](https://${kept}/x) och *kursiv*`)).toContain(`<a href="https://${kept}/x"`);
  });

  it('shows a bidirectional override, embedding or isolate as its code point, on either way a text takes', () => {
    // markdown-it (a link, emphasis), the plain-prose way (a paragraph, a table): none obeys the control.
    for (const [source, shown] of [
      [
        '[a\u202eb](https://x.se/\u202e) och *\u2067c\u2069*',
        'a&lt;U+202E&gt;b</a> och <em>&lt;U+2067&gt;c&lt;U+2069&gt;</em>',
      ],
      ['Text \u202e här', '<p>Text &lt;U+202E&gt; här</p>'],
      ['| a | b\u202a |\n| --- | --- |\n| 1 | 2 |', '<th>b&lt;U+202A&gt;</th>'],
    ]) {
      const html = renderMarkdown(source as string);
      expect(html).toContain(shown);
      expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
    // In a link's address it is percent-encoded, as any character outside ASCII.
    expect(renderMarkdown('[a](https://x.se/\u202e)')).toContain('href="https://x.se/%E2%80%AE"');
    // A right-to-left mark moves no letters, and a text in two directions may need it.
    expect(renderMarkdown('Namn: \u200fسارا\u200f')).toContain('\u200fسارا\u200f');
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</p>\n',
    );
    expect(renderMarkdown('a <b onclick="x()">b</b>')).toBe('<p>a &lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt;</p>\n');
  });

  it('makes no link of a javascript:, data: or vbscript: address, in any disguise', () => {
    for (const text of [
      '[x](javascript:alert(1))',
      '[x](JAVASCRIPT:alert(1))',
      '[x](<java\tscript:alert(1)>)',
      '[x](javascript&#58;alert(1))',
      '<javascript:alert(1)>',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x]: vbscript:x\n\n[x]',
    ]) {
      expect(renderMarkdown(text), text).not.toContain('<a');
    }
  });

  it('keeps http(s), mailto and relative links, and marks those to other hosts', () => {
    expect(renderMarkdown('[a](https://example.org/) [b](mailto:a@example.se) [c](plan.md)')).toBe(
      '<p><a href="https://example.org/" rel="noopener noreferrer">a</a> <a href="mailto:a@example.se">b</a> <a href="plan.md">c</a></p>\n',
    );
  });

  it('turns images into links, so that reading a page never loads a file from another host', () => {
    expect(renderMarkdown('![pixel "x"](https://tracker.example/p.png)')).toBe(
      '<p><a href="https://tracker.example/p.png" rel="noopener noreferrer">pixel &quot;x&quot;</a></p>\n',
    );
    expect(renderMarkdown('![x](javascript:alert(1))')).not.toContain('href');
  });

  it("starts the text's headings below the page's own h1 and h2", () => {
    expect(renderMarkdown('# A\n\n#### B\n\n###### C')).toBe('<h3>A</h3>\n<h6>B</h6>\n<h6>C</h6>\n');
  });
});
