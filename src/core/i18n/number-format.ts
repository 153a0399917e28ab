/**
 * Numbers as `toLocaleString` writes them for sv-SE and en-GB (`1 234,5` and `1,234.5`), without it: the first
 * number formatted that way loaded ICU's number data, 7 MB of a command's memory (`ideas report` at 10,000 ideas
 * peaked at 116 of the 120 MB asked of it; docs/performance.md). As ICU does, the number is rounded from its shortest
 * decimal form (`String(0.15)`, so 0.2), half away from zero, and a negative that rounds to zero keeps its sign.
 * number-format.test.ts holds the two to the same text for many thousands of numbers.
 */
import type { Lang } from './i18n.js';

const STYLE = {
  sv: { locale: 'sv-SE', group: '\u00a0', decimal: ',', minus: '\u2212' },
  en: { locale: 'en-GB', group: ',', decimal: '.', minus: '-' },
} as const;

/** `digits` (decimal digits only) plus one in its last place. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return `${digits.slice(0, i)}${String(Number(digits[i]) + 1)}${'0'.repeat(digits.length - i - 1)}`;
}

/** `n` with at most `maxFraction` decimals (0 to 3), grouped in thousands, in the registry's language. */
export function formatDecimal(n: number, lang: Lang, maxFraction: number): string {
  const style = STYLE[lang];
  const magnitude = Math.abs(n);
  // Beyond what String writes without an exponent, and what is not a number: rare enough to ask ICU.
  if (!Number.isFinite(n) || magnitude >= 1e21)
    return n.toLocaleString(style.locale, { maximumFractionDigits: maxFraction });
  // Below 1e-6 String writes an exponent; such a number rounds to zero at three decimals or fewer.
  const shortest = magnitude < 1e-6 ? '0' : String(magnitude);
  const dot = shortest.indexOf('.');
  let whole = dot === -1 ? shortest : shortest.slice(0, dot);
  let fraction = dot === -1 ? '' : shortest.slice(dot + 1);
  if (fraction.length > maxFraction) {
    const up = fraction.charCodeAt(maxFraction) >= 53; /* '5' */
    fraction = fraction.slice(0, maxFraction);
    if (up) {
      const rounded = increment(whole + fraction);
      whole = rounded.slice(0, rounded.length - fraction.length);
      fraction = rounded.slice(rounded.length - fraction.length);
    }
  }
  fraction = fraction.replace(/0+$/, '');
  let grouped = '';
  for (let end = whole.length; end > 0; end -= 3)
    grouped = `${whole.slice(Math.max(0, end - 3), end)}${grouped === '' ? '' : style.group}${grouped}`;
  const negative = n < 0 || Object.is(n, -0);
  return `${negative ? style.minus : ''}${grouped}${fraction === '' ? '' : `${style.decimal}${fraction}`}`;
}
