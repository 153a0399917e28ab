import { describe, expect, it } from 'vitest';
import * as areas from './messages/index.js';

describe('the message catalogue', () => {
  it('defines every key in one area only, so that no area silently replaces another', () => {
    const seen = new Map<string, string>();
    for (const [area, messages] of Object.entries(areas)) {
      for (const key of Object.keys(messages)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
    expect(seen.size).toBeGreaterThan(400);
  });
});
