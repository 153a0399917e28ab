/**
 * What markdown-it makes of the texts most ideas are written in, known without running it: headings, lists, quotes,
 * tables and paragraphs of plain prose, with strong text and links to web addresses (simpleBlocks), or null for any
 * other text, which src/ui/site-markdown.ts gives to markdown-it. Each rule is strict, and whatever a rule is not sure
 * of is left to markdown-it: the tests (plain-markdown.test.ts) hold the two to the same HTML on every idea of the
 * examples and on many thousands of generated texts made of the characters and blocks at the edges.
 */
import { hostTooLong } from './link-address.js';

/**
 * Whether linkify-it may find an address in `text`: a host needs a dot inside it (or it is an IPv4 address, dots
 * inside too); a scheme needs a colon before more text (`mailto:`, `https://`), or `//`; an e-mail address `@`.
 * Markdown's escapes and entities (`\.`, `&#46;`) are pieces of their own when linkify-it looks, so they make no
 * address either.
 */
export function mayHoldAddress(text: string): boolean {
  return INSIDE_WORD.test(text) || text.includes('//') || text.includes('@');
}

/**
 * The characters prose may hold: letters, marks, digits, spaces, line breaks and punctuation that Markdown gives no
 * meaning. LATIN_PROSE is the same test for text in Latin letters only, which V8 runs in a sixth of the time the
 * Unicode classes take (\u00c0-\u024f are all letters but × and ÷).
 */
const LATIN_PROSE = /^[0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f \n,.;:!?'"()\-–—%/+=…’”“‘«»§]*$/;
const PROSE = /^[\p{L}\p{M}\p{N} \n,.;:!?'"()\-–—%/+=…’”“‘«»§]*$/u;
/** A dot or colon inside a word: part of an address. */
const INSIDE_WORD = /[.:][^ \n]/;
/** Whether an ASCII character may start a line (anything else may open a block): a letter, a digit, `"` or `(`. */
function isLineStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 40;
}

/**
 * Text that markdown-it reads as paragraphs of text and nothing else, known without running it: most ideas are
 * written so, and markdown-it took ~24 µs for each, an eighth of `ideas site`'s main thread at 10,000 ideas
 * (docs/performance.md). The test is strict, and any text it is not sure of goes to markdown-it:
 * - only letters, digits, spaces, line breaks and punctuation that starts nothing in Markdown (no `*`, `_`, `` ` ``,
 *   `[`, `<`, `&`, `\`, `~`, `#`, `|`, `>`, `@`), so no emphasis, code, link, image, HTML, entity or escape;
 * - no line that starts with a space or ends with one (a code block, a hard break), and every line starts with a
 *   letter, a quote, a parenthesis, or digits that are not a list's number (`1.`, `1)`), so no block but a
 *   paragraph;
 * - a `.` or `:` only before a space, a line break or the end, and no `//`: nothing linkify-it takes for an
 *   address (a host needs a dot inside it; a scheme, `:` or `//` before more text; an e-mail address, `@`).
 * plain-markdown.test.ts holds the two to the same output on every idea of the examples and on many thousands of
 * generated texts made of the characters at these edges.
 */
export function isPlainProse(text: string): boolean {
  if (!isProseText(text)) return false;
  // A space before a line break or at the end: a hard break, or dropped.
  if (text.includes(' \n') || text.endsWith(' ')) return false;
  // Each line's first character, but an empty line's.
  for (let line = 0; line < text.length;) {
    const end = text.indexOf('\n', line);
    const first = text.charCodeAt(line);
    if (first !== 10) {
      if (first < 128 && !isLineStart(first)) return false;
      if (first >= 48 && first <= 57 && listNumber(text, line)) return false;
    }
    line = end === -1 ? text.length : end + 1;
  }
  return true;
}

/** Whether the digits at `i`, at the start of a line, end the line or are a list's number (`1.`, `1)`). */
function listNumber(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  const after = text.charCodeAt(j);
  return j === text.length || after === 46 || after === 41 || after === 10;
}

/**
 * What markdown-it makes of a text of headings, lists, quotes, tables and paragraphs of plain prose, known without
 * running it, or null for any other text: most ideas are written so, and markdown-it took 50 to 70 µs for each.
 * Blocks are separated by empty lines, and each is one of:
 * - a heading: one line, `#` to `######`, one space, and plain prose (see isPlainProse);
 * - a list: lines of a marker (`-`, `*` or `+`, or a number of up to nine digits and `.` or `)`, the same kind on
 *   every line), a space and plain prose, an item each, with no empty line between them (a loose list), and not
 *   right after another list (markdown-it may join the two into one loose list);
 * - a quote: lines of `> ` and plain prose, in paragraphs parted by lines of `>` alone;
 * - a table: a header row, a row of dashes (with colons for the alignment), and rows of as many cells, each line
 *   starting and ending with `|`, each cell plain text (see isPlainCell);
 * - a paragraph of plain prose.
 * Prose may hold `**strong**` text, placed where it can only open and close (see proseHtml), and links to web
 * addresses written as markdown-it leaves them (see linksIn).
 * plain-markdown.test.ts holds the two to the same output on many thousands of generated texts.
 */
export function simpleBlocks(text: string): string | null {
  let html = '';
  let afterList = false;
  for (const part of text.split(/\n{2,}/)) {
    // The first block may start, and the last end, with a line break the split leaves there.
    const block =
      part.charCodeAt(0) === 10 || part.charCodeAt(part.length - 1) === 10 ? part.replace(/^\n+|\n+$/g, '') : part;
    if (block === '') continue;
    const first = block.charCodeAt(0);
    let made: string | null;
    if (first === 35 /* # */) {
      const heading = /^(#{1,6}) ([^\n]+)$/.exec(block);
      const words = heading?.[2];
      const inner = words === undefined ? null : proseHtml(words, true);
      if (!heading || inner === null) return null;
      const level = Math.min(6, (heading[1] as string).length + 2);
      made = `<h${level}>${inner}</h${level}>\n`;
    } else if (first === 62 /* > */) {
      made = simpleQuote(block);
    } else if (first === 124 /* | */) {
      made = simpleTable(block);
    } else if (listItem(block) !== null) {
      if (afterList) return null;
      made = simpleList(block);
      if (made !== null) {
        html += made;
        afterList = true;
        continue;
      }
    } else {
      const inner = proseHtml(block, true);
      made = inner === null ? null : `<p>${inner}</p>\n`;
    }
    if (made === null) return null;
    html += made;
    afterList = false;
  }
  return html;
}

/** A block of list items (see simpleBlocks), or null. */
function simpleList(block: string): string | null {
  const lines = block.split('\n');
  const head = listItem(lines[0] as string);
  const tag = head?.start === undefined ? 'ul' : 'ol';
  let html = head?.start === undefined || head.start === 1 ? `<${tag}>\n` : `<ol start="${head.start}">\n`;
  for (const line of lines) {
    const item = listItem(line);
    const inner = item && item.kind === head?.kind && item.text !== '' ? proseHtml(item.text, true) : null;
    if (inner === null) return null;
    html += `<li>${inner}</li>\n`;
  }
  return `${html}</${tag}>\n`;
}

/**
 * A block of quoted lines (see simpleBlocks), or null: each line `> ` and plain prose, or `>` alone (with or without
 * its space), which ends a paragraph, as an empty line does outside a quote. Paragraphs only: a quote that holds any
 * other block, or none, is left to markdown-it.
 */
function simpleQuote(block: string): string | null {
  const lines = block.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '>' || line === '> ') lines[i] = '';
    else if (line.startsWith('> ')) lines[i] = line.slice(2);
    else return null;
  }
  let html = '';
  for (const paragraph of lines.join('\n').split(/\n{2,}/)) {
    const text = paragraph.replace(/^\n+|\n+$/g, '');
    if (text === '') continue;
    const inner = proseHtml(text, true);
    if (inner === null) return null;
    html += `<p>${inner}</p>\n`;
  }
  return html === '' ? null : `<blockquote>\n${html}</blockquote>\n`;
}

/** A row of dashes under a table's header, with colons for the alignment: `| --- | :--: | ---: |`. */
const DELIMITER_ROW = /^\|(?: *:?-+:? *\|)+$/;
const ALIGN: Record<string, string> = {
  '::': ' style="text-align:center"',
  ':-': ' style="text-align:left"',
  '-:': ' style="text-align:right"',
};

/** A table's block (see simpleBlocks), or null. */
function simpleTable(block: string): string | null {
  const lines = block.split('\n');
  const [header, delimiter] = lines;
  if (header === undefined || delimiter === undefined || !DELIMITER_ROW.test(delimiter)) return null;
  const aligns = delimiter
    .slice(1, -1)
    .split('|')
    .map((d) => {
      const t = d.trim();
      return ALIGN[`${t.charAt(0)}${t.charAt(t.length - 1)}`] ?? '';
    });
  const row = (line: string, tag: 'th' | 'td'): string | null => {
    // Escapes change where a cell ends; anything but a line of cells between pipes is left to markdown-it.
    if (line.length < 2 || !line.startsWith('|') || !line.endsWith('|') || line.includes('\\')) return null;
    const cells = line.slice(1, -1).split('|');
    if (cells.length !== aligns.length) return null;
    let html = '<tr>\n';
    for (let i = 0; i < cells.length; i++) {
      const inner = proseHtml((cells[i] as string).trim(), false);
      if (inner === null) return null;
      html += `<${tag}${aligns[i] as string}>${inner}</${tag}>\n`;
    }
    return `${html}</tr>\n`;
  };
  const head = row(header, 'th');
  if (head === null) return null;
  let html = `<table>\n<thead>\n${head}</thead>\n`;
  if (lines.length > 2) {
    html += '<tbody>\n';
    for (let i = 2; i < lines.length; i++) {
      const body = row(lines[i] as string, 'td');
      if (body === null) return null;
      html += body;
    }
    html += '</tbody>\n';
  }
  return `${html}</table>\n`;
}

/**
 * The text of a table's cell that markdown-it reads as text and nothing else: the characters and addresses of
 * isPlainProse, without its rules for the start of a line (a cell starts no block). An empty cell is text too.
 */
function isPlainCell(text: string): boolean {
  return !text.includes('\n') && isProseText(text);
}

/** Whether `text` has only the characters of prose (see LATIN_PROSE) and nothing linkify-it may take for an address. */
function isProseText(text: string): boolean {
  return (LATIN_PROSE.test(text) || PROSE.test(text)) && !mayHoldAddress(text);
}

/** A letter, mark or digit at the end of a text (before a `**`), and at its start (after one). */
const WORD_AT_END = /[\p{L}\p{M}\p{N}]$/u;
const WORD_AT_START = /^[\p{L}\p{M}\p{N}]/u;

/**
 * Where a link stands in a text while its strong text is read (see proseHtml): a character of the Private Use Area,
 * which no prose holds (a text that has one is left to markdown-it), read as a letter when the text around it is
 * tested, since a link counts as a word.
 */
const LINK_MARK = '\ue000';

/**
 * Plain prose (a block's, with `block`; a table cell's, without) as HTML, with `**strong**` text and links in it
 * (see linksIn), or null. A `**` is taken only where CommonMark lets it open and nothing else (at the start of a line
 * or after a space, before a character that is not a space) or close and nothing else (after a letter, mark or
 * digit, before the end, a space or punctuation; after punctuation, before the end or a space), on one line, with no
 * other `*` in the text: then each pair is one strong text, whatever else the text holds. A link is read as a word
 * there, and is never next to a `*` (markdown-it would read the `**` by the link's brackets).
 */
function proseHtml(text: string, block: boolean): string | null {
  const plain = (t: string) => (block ? isPlainProse(t) : isPlainCell(t));
  const links = text.includes('](') || text.includes('<http') ? linksIn(text) : NO_LINKS;
  if (links === null) return null;
  const masked = links.masked ?? text;
  const html = strongHtml(masked, (t) => plain(links.masked === null ? t : t.replaceAll(LINK_MARK, 'x')));
  if (html === null || links.masked === null) return html;
  const pieces = html.split(LINK_MARK);
  let out = pieces[0] as string;
  for (let i = 1; i < pieces.length; i++) out += (links.html[i - 1] as string) + (pieces[i] as string);
  return out;
}

/** The strong text of proseHtml in `text`, whose text around it must be `plain`. */
function strongHtml(text: string, plain: (t: string) => boolean): string | null {
  if (!text.includes('*')) return plain(text) ? quotesEscaped(text) : null;
  const parts = text.split('**');
  if (parts.length % 2 === 0) return null;
  let html = '';
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as string;
    if (k % 2 === 0) {
      html += quotesEscaped(part);
      continue;
    }
    const before = parts[k - 1] as string;
    const after = parts[k + 1] as string;
    const last = part.charCodeAt(part.length - 1);
    const next = after.charCodeAt(0);
    const opens = before === '' ? k === 1 : before.endsWith(' ') || before.endsWith('\n');
    const inner = part !== '' && !part.includes('\n') && part.charCodeAt(0) !== 32 && last !== 32;
    const closes =
      after === ''
        ? k === parts.length - 2
        : next === 32 || next === 10 || (WORD_AT_END.test(part) && !WORD_AT_START.test(after) && next !== 42);
    if (!opens || !inner || !closes) return null;
    html += `<strong>${quotesEscaped(part)}</strong>`;
  }
  return plain(parts.join('')) ? html : null;
}

/**
 * A list's item at the start of `line`: its kind (the bullet, or the number's delimiter), a numbered item's number, and
 * the text after the marker and its one space; null when the line starts no item.
 */
function listItem(line: string): { kind: string; start?: number; text: string } | null {
  const bullet = /^([-*+]) /.exec(line);
  if (bullet) return { kind: bullet[1] as string, text: line.slice(2) };
  const numbered = /^(\d{1,9})([.)]) /.exec(line);
  if (!numbered) return null;
  return { kind: numbered[2] as string, start: Number(numbered[1]), text: line.slice(numbered[0].length) };
}

/** Plain prose as HTML text: a double quote is the one character of it that markdown-it escapes. */
function quotesEscaped(text: string): string {
  return text.includes('"') ? text.replaceAll('"', '&quot;') : text;
}

/**
 * A web address as a link may hold it, written so that markdown-it gives it as it is written (it encodes, escapes
 * and decodes nothing in it): `http://` or `https://`, a host of ASCII letters, digits, dots and hyphens (no
 * punycode `xn--` label), and a path of letters, digits and `-._~/`.
 */
const ADDRESS = String.raw`https?://(?!xn--)[A-Za-z0-9](?:[A-Za-z0-9-]|\.(?!xn--))*(?:/[A-Za-z0-9\-._~/]*)?`;
/** An inline link of plain text to such an address, `[text](address)`, or an autolink of one, `<address>`. */
const LINK = new RegExp(String.raw`\[([^\[\]\n]+)\]\((${ADDRESS})\)|<(${ADDRESS})>`, 'g');

/** A text without links: as it is. */
const NO_LINKS: Links = { masked: null, html: [] };

interface Links {
  masked: string | null;
  html: readonly string[];
}

/**
 * The links of a text (see LINK), each as HTML, and the text with LINK_MARK in place of each; null when a link is
 * not one proseHtml may take: its text plain (isPlainCell), not an image (`!` before it), no `*` right before or
 * after it, and no LINK_MARK in the text already. markdown-it then makes each a link to its address, marked as one
 * to another host (siteMarkdown), and reads the text around them as if each were a word.
 */
function linksIn(text: string): Links | null {
  if (text.includes(LINK_MARK)) return null;
  const html: string[] = [];
  let masked = '';
  let at = 0;
  for (const m of text.matchAll(LINK)) {
    const start = m.index;
    const end = start + m[0].length;
    const label = m[1];
    const address = (m[2] ?? m[3]) as string;
    const before = text.charCodeAt(start - 1);
    if (before === 33 /* ! */ || before === 42 /* * */ || text.charCodeAt(end) === 42) return null;
    if (label !== undefined && !isPlainCell(label)) return null;
    // A host too long to link to (link-address.ts, MAX_LINK_HOST): the text is left to markdown-it.
    if (hostTooLong(address)) return null;
    html.push(`<a href="${address}" rel="noopener noreferrer">${quotesEscaped(label ?? address)}</a>`);
    masked += text.slice(at, start) + LINK_MARK;
    at = end;
  }
  return html.length === 0 ? NO_LINKS : { masked: masked + text.slice(at), html };
}
