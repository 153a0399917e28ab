import { describe, expect, it } from 'vitest';
import { detach } from './detach.js';

describe('detach', () => {
  it.each(['', 'a', 'sund-0098bs', 'Sommarjobb med mentor på biblioteket', ' leading and trailing ', '😀'.repeat(20)])(
    'gives the same text: %j',
    (text) => {
      const long = `prefix ${text} suffix`;
      expect(detach(long.slice(7, 7 + text.length))).toBe(text);
    },
  );
});
