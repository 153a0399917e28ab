/**
 * Bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069) on the site's pages. In an
 * idea's text they make a browser show it in another order than it was written: a title that reads backwards, a
 * sum whose digits change places. A page shows each as its code point, as a terminal does (src/core/terminal-text.ts),
 * and as a CI server's report does (src/ui/render-junit.ts). The marks (U+200E, U+200F, U+061C), which a text in two
 * directions may need and which move no letters, stay.
 */
const CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** A bidirectional control as HTML text that shows it: `<U+202E>`. */
export function shownControl(c: string): string {
  return `&lt;U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}&gt;`;
}

/**
 * HTML made from an idea's text (its Markdown) with every bidirectional control in it shown (shownControl). Such a
 * character can only come from the text, and it stands in the HTML as itself (markdown-it percent-encodes it in a
 * link's address), so it is replaced wherever it stands.
 */
export function withControlsShown(html: string): string {
  return CONTROL.test(html) ? html.replace(CONTROLS, shownControl) : html;
}
