import { describe, expect, it } from 'vitest';
import { jsonText } from './output.js';

describe('jsonText', () => {
  it('writes DEL, C1 controls, line separators and bidirectional controls as \\u escapes, meaning the same', () => {
    const title = 'a\u007fb\u009b31mc\u2028d\u202eevil\u2066e\u200ff\u0085';
    const text = jsonText({ title });
    expect(text).toBe('{\n  "title": "a\\u007fb\\u009b31mc\\u2028d\\u202eevil\\u2066e\\u200ff\\u0085"\n}\n');
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u202e\u2066\u200f]/);
    expect((JSON.parse(text) as { title: string }).title).toBe(title);
  });

  it('leaves Swedish and other text as it is', () => {
    expect(jsonText({ t: 'Äldreomsorg – på distans ✓' })).toBe('{\n  "t": "Äldreomsorg – på distans ✓"\n}\n');
  });
});
