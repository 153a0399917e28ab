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
