import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveCoreScalar } from './yaml-core-schema.js';

/** What the `yaml` package's core schema makes of `s` as the value of a key, or undefined when it is no plain scalar there. */
function packageReads(s: string): { value: unknown } | undefined {
  const doc = parseDocument(`k: ${s}\n`, { version: '1.2', schema: 'core', resolveKnownTags: false });
  if (doc.errors.length > 0) return undefined;
  const node = doc.get('k', true) as { type?: string; tag?: string; value?: unknown; range?: number[] } | undefined;
  // Without a tag (`!x`) or an anchor (`&x`): the scalar is all of `s`.
  const whole = node?.range?.[0] === 3 && node.range[1] === 3 + s.length;
  return node?.type === 'PLAIN' && node.tag === undefined && whole ? { value: node.value } : undefined;
}

describe('resolveCoreScalar', () => {
  it('reads every plain scalar as the yaml package does, whatever its first character', () => {
    // Each first character from `!` to the end of Latin Extended-B (the C1 controls aside), before the ends that make
    // a null, a boolean or a number of the core schema, and after them.
    const tails = [
      '',
      'ull',
      'ULL',
      'rue',
      'RUE',
      'alse',
      'ALSE',
      '1',
      '12',
      '.5',
      'e3',
      'nf',
      'NF',
      'an',
      'x1f',
      'o17',
      ' text',
    ];
    let compared = 0;
    for (let c = 0x21; c <= 0x24f; c++) {
      if (c >= 0x7f && c <= 0x9f) continue;
      for (const tail of tails) {
        const s = String.fromCharCode(c) + tail;
        const expected = packageReads(s);
        if (!expected) continue;
        compared++;
        expect([s, resolveCoreScalar(s)]).toEqual([s, expected.value]);
      }
    }
    for (const s of [
      '~',
      'null',
      'Null',
      'NULL',
      'true',
      'False',
      '.inf',
      '-.Inf',
      '.NaN',
      '0o17',
      '0x1F',
      '+12',
      '1e3',
      '2026-05-11',
    ]) {
      expect([s, resolveCoreScalar(s)]).toEqual([s, packageReads(s)?.value]);
      compared++;
    }
    // The comparison ran: most characters start a plain scalar.
    expect(compared).toBeGreaterThan(5000);
  });
});
