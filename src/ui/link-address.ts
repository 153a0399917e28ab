/**
 * One reading of a link's address, as a browser reads it, for every check the site makes of it: its scheme
 * (site-markdown.ts, isSafeLink) and the length of its host, whether markdown-it makes the link (site-markdown.ts)
 * or the site's own Markdown does (plain-markdown.ts).
 */

/**
 * The longest host markdown-it's URL parser (mdurl) keeps: it drops a longer one, so that a link to
 * `https://<256 characters>/evil.example` would become `https:///evil.example`, which a browser opens as
 * `https://evil.example`, another host than the one written. The site makes no link to a longer host.
 */
const MAX_LINK_HOST = 255;

/** A URL as a browser reads it, in lower case: without tabs, line breaks, spaces and control characters. */
export function asBrowsersRead(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

/** Whether the host of `url` (with whatever stands around it before its path) is longer than MAX_LINK_HOST. */
export function hostTooLong(url: string): boolean {
  const authority = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#\\]*)/.exec(asBrowsersRead(url))?.[1];
  return authority !== undefined && authority.length > MAX_LINK_HOST;
}
