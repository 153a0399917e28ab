/**
 * An idea's Markdown text as HTML for the static site. The text is untrusted (anyone may write an idea), so:
 * raw HTML is off (shown as text), links go only to http(s), mailto or relative addresses, images become links
 * (an image from another host would be a request the reader never asked for), and headings start below the
 * page's own, so that the page's outline stays in order.
 */
import MarkdownIt from 'markdown-it';
import { asBrowsersRead, hostTooLong } from './link-address.js';
import { mayHoldAddress, simpleBlocks } from './plain-markdown.js';
import { withControlsShown } from './bidi-controls.js';
import { esc } from './html-escape.js';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Whether a link may be shown. Browsers drop tabs and line breaks anywhere in a URL and spaces and control
 * characters around it, so those are removed before the scheme is read; anything with a scheme other than the
 * allowed ones, or a colon before the first slash, question mark or hash (a scheme in disguise), is refused.
 */
export function isSafeLink(url: string): boolean {
  const m = /^([^/?#]*?):/.exec(asBrowsersRead(url));
  if (!m) return true;
  return ALLOWED_SCHEMES.has(m[1] ?? '');
}

/** markdown-it as the site configures it, with linkify-it's addresses or without. */
export function siteMarkdown(linkify: boolean): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify, typographer: false });
  md.validateLink = isSafeLink;
  // markdown-it asks validateLink about an address once mdurl has parsed it, which drops a host longer than it keeps
  // (MAX_LINK_HOST): such an address gets a scheme no link may have, and stays text.
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url) => (hostTooLong(url) ? 'refused:' : normalizeLink(url));
  const shift = (tokens: { tag: string }[], idx: number) => {
    const token = tokens[idx];
    if (token) token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 2)}`;
  };
  md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
    shift(tokens, idx);
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
    shift(tokens, idx);
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.image = (tokens, idx, _options, env, self) => {
    const token = tokens[idx];
    const src = token?.attrGet('src') ?? '';
    const alt = self.renderInlineAsText(token?.children ?? [], _options, env) || src;
    const rel = /^(https?:)?\/\//i.test(src) ? ' rel="noopener noreferrer"' : '';
    return `<a href="${md.utils.escapeHtml(src)}"${rel}>${md.utils.escapeHtml(alt)}</a>`;
  };
  const defaultLink =
    md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    // Another host: no referrer, and no hold on this window.
    if (token && /^(https?:)?\/\//i.test(token.attrGet('href') ?? '')) token.attrSet('rel', 'noopener noreferrer');
    return defaultLink(tokens, idx, options, env, self);
  };
  return md;
}

let linking: MarkdownIt | null = null;
let notLinking: MarkdownIt | null = null;

/**
 * The HTML of an idea's text. A text in which linkify-it can find no address (see mayHoldAddress) is rendered
 * without it: the same HTML, without linkify-it's test of every piece of text against its patterns (the Unicode
 * classes of its host names), which was a seventh of markdown-it's time on texts with headings and lists.
 */
export function renderMarkdown(source: string): string {
  // Line breaks as markdown-it makes them before it reads a text (a CR, or a CR and an LF, is an LF), so that a file
  // saved with CRLFs takes the same way as one with LFs.
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  // Paragraphs of plain prose, and headings, lists, quotes and tables of it, links included (most ideas), without
  // markdown-it (src/ui/plain-markdown.ts). Prose holds no bidirectional control (it is not a letter, mark, digit or
  // the punctuation prose may hold), so that HTML has none to show: not searched again.
  const simple = simpleBlocks(text);
  if (simple !== null) return simple;
  const md = mayHoldAddress(text) ? (linking ??= siteMarkdown(true)) : (notLinking ??= siteMarkdown(false));
  return withControlsShown(md.render(text));
}

/**
 * Each table in a box of its own that scrolls sideways when the table is wider than the screen, so that the page
 * never does (WCAG 2.1 SC 1.4.10, Reflow). The box takes the keyboard's focus, so that it can be scrolled without a
 * mouse, and is named for screen readers. Only real tags match: text from the files reaches here escaped.
 */
export function scrollingTables(html: string, label: string): string {
  // Most pages have no table: the text is passed over once (`table>` is in both tags), and not copied.
  if (!html.includes('table>')) return html;
  return html
    .replace(/<table>/g, `<div class="table-scroll" tabindex="0" role="region" aria-label="${esc(label)}"><table>`)
    .replace(/<\/table>/g, '</table></div>');
}

/**
 * An idea's page text as HTML, its tables in their scrolling boxes named `tableLabel`: what the writer of the site's
 * pages makes of each page's made piece (src/core/file-text.ts), on its own thread when it has one. A text without a
 * `|` has no table (a table's rows are written between pipes), and its HTML is not searched for one.
 */
export function ideaTextMaker(tableLabel: string): (source: string) => string {
  return (source) => {
    const html = renderMarkdown(source);
    return source.includes('|') ? scrollingTables(html, tableLabel) : html;
  };
}

/** Where a writing thread finds ideaTextMaker: this module, as built. */
export const IDEA_TEXT_MAKER = { module: import.meta.url, name: 'ideaTextMaker' } as const;
