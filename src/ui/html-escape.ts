/** Text for the site's HTML: every value an idea file holds goes through `esc` before it reaches a page. */
import { textOf } from '../core/safe-object.js';
import { shownControl } from './bidi-controls.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"'\u202a-\u202e\u2066-\u2069]/;

/**
 * Text for HTML, in an element or in a quoted attribute; a bidirectional control is shown, not obeyed
 * (bidi-controls.ts).
 */
export function esc(value: unknown): string {
  const text = textOf(value);
  // Most texts have nothing to escape: one search, and no new string.
  return SPECIAL.test(text)
    ? text.replace(/[&<>"'\u202a-\u202e\u2066-\u2069]/g, (c) => ESCAPES[c] ?? shownControl(c))
    : text;
}
