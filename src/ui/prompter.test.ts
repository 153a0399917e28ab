import { describe, expect, it } from 'vitest';
import { ENTER, ScriptedPrompter } from './prompter.js';

describe('ScriptedPrompter: Enter on a select', () => {
  const choices = [
    { value: 'a', name: 'A' },
    { value: 'b', name: 'B' },
  ];

  it('takes what inquirer starts on: the default where it is a choice, else the first', async () => {
    const p = new ScriptedPrompter([
      { kind: 'select', answer: ENTER },
      { kind: 'select', answer: ENTER },
      { kind: 'select', answer: ENTER },
    ]);
    expect(await p.select({ message: 'q', choices })).toBe('a');
    expect(await p.select({ message: 'q', choices, default: 'b' })).toBe('b');
    expect(await p.select({ message: 'q', choices, default: 'c' })).toBe('a');
  });
});
