/**
 * A seeded mutator of idea files for fuzzing: the same seed gives the same files on every machine. Mutations are
 * those that break parsers: bytes flipped, YAML's special characters and tags, anchors and aliases, delimiters,
 * line endings, deep nesting, invalid UTF-8, lines dropped or repeated, the file cut short.
 */

/** mulberry32: a small, fast, well-known seeded generator. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  ':',
  ': ',
  ' #',
  '---',
  '---js',
  '...',
  '- ',
  '? ',
  '&a ',
  '*a',
  '!!js/function ',
  '!!python/object ',
  '!!binary ',
  '!<tag:x> ',
  '!!str ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '|',
  '>',
  '|-',
  '>+',
  '%YAML 1.1\n',
  '%TAG ! tag:x:\n',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '~',
  'null',
  'yes',
  'NO',
  '0x1F',
  '1e999',
  '-.inf',
  '.nan',
  '2026-13-45',
  '12:30:00',
  '<<: *a',
  'id:',
  'title:',
  'history:',
  'created:',
  '\\',
  '\\u',
  '"\\x',
  '😀',
  'å',
  'ﬀ',
  '\u0301',
];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function mutateOnce(rnd: () => number, bytes: Buffer): Buffer {
  const at = Math.floor(rnd() * (bytes.length + 1));
  switch (Math.floor(rnd() * 10)) {
    case 0: {
      // a byte flipped
      if (bytes.length === 0) return bytes;
      const out = Buffer.from(bytes);
      const i = Math.min(at, out.length - 1);
      out[i] = (out[i] ?? 0) ^ (1 << Math.floor(rnd() * 8));
      return out;
    }
    case 1:
    case 2:
    case 3:
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(rnd, TOKENS), 'utf8'), bytes.subarray(at)]);
    case 4: {
      // a line dropped or repeated
      const lines = bytes.toString('latin1').split('\n');
      const i = Math.floor(rnd() * lines.length);
      if (rnd() < 0.5) lines.splice(i, 1);
      else lines.splice(i, 0, lines[i] ?? '');
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 5:
      // cut short
      return bytes.subarray(0, at);
    case 6: {
      // nesting: flow or block, sometimes deep
      const depth = rnd() < 0.1 ? 1000 + Math.floor(rnd() * 2000) : 1 + Math.floor(rnd() * 50);
      const nest =
        rnd() < 0.5
          ? `x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`
          : `x:\n${Array.from({ length: depth }, (_, d) => `${' '.repeat(d + 1)}k${d}:`).join('\n')}\n`;
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(nest), bytes.subarray(at)]);
    }
    case 7:
      // invalid UTF-8 and control bytes
      return Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from([pick(rnd, [0xff, 0xfe, 0xc3, 0x80, 0xed, 0x00, 0x1b, 0x7f])]),
        bytes.subarray(at),
      ]);
    case 8: {
      // aliases multiplied
      const n = 2 + Math.floor(rnd() * 12);
      const bomb = [
        `a0: &a0 [x, x, x, x, x, x, x, x]`,
        ...Array.from({ length: n }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(8).fill(`*a${i}`).join(', ')}]`),
      ].join('\n');
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(`\n${bomb}\n`), bytes.subarray(at)]);
    }
    default: {
      // a long run of one token
      const token = pick(rnd, TOKENS);
      return Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from(token.repeat(1 + Math.floor(rnd() * 2000)), 'utf8'),
        bytes.subarray(at),
      ]);
    }
  }
}

/** One mutated file: a seed file with one to five mutations. */
export function mutate(rnd: () => number, seed: Buffer): Buffer {
  let out = seed;
  const n = 1 + Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) out = mutateOnce(rnd, out);
  return out;
}
