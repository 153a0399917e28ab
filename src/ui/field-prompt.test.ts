import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../core/criteria/fields.js';
import { askField } from './field-prompt.js';
import { ScriptedPrompter } from './prompter.js';

const compile = () => Object.assign(() => true, { errors: null }) as never;
const spec = (kind: FieldSpec['kind'], required = false, choices: FieldSpec['choices'] = []): FieldSpec => ({
  name: 'f',
  kind,
  required,
  schema: { 'x-title': { sv: 'Taggar', en: 'Tags' } },
  choices,
});

describe('askField: one clear note after the question', () => {
  it('says optional, comma-separated or needed for a stage ahead in one parenthesis, in Swedish and English', async () => {
    const cases: [FieldSpec, 'sv' | 'en', string | undefined, string][] = [
      [spec('list'), 'sv', undefined, 'Taggar (valfritt, kommaseparerat; Enter hoppar över)'],
      [spec('list'), 'en', undefined, 'Tags (optional, comma-separated; Enter skips)'],
      [spec('list', true), 'sv', undefined, 'Taggar (kommaseparerat)'],
      [spec('text'), 'sv', undefined, 'Taggar (valfritt, Enter hoppar över)'],
      [spec('text'), 'sv', 'Förädling', 'Taggar (behövs för steget Förädling; Enter hoppar över nu)'],
      [spec('text'), 'en', 'Refinement', 'Tags (needed for the stage Refinement; Enter skips it for now)'],
      [spec('list'), 'sv', 'Test', 'Taggar (behövs för steget Test, kommaseparerat; Enter hoppar över nu)'],
      [spec('text', true), 'sv', 'Test', 'Taggar'],
    ];
    for (const [s, lang, needed, question] of cases) {
      const prompter = new ScriptedPrompter([{ kind: 'input', message: /./, answer: 'a' }]);
      await askField(prompter, s, lang, compile, undefined, needed);
      expect(prompter.asked, question).toEqual([question]);
      expect(question.match(/\(/g)?.length ?? 0).toBeLessThanOrEqual(1);
    }
  });
});

describe('askField: a yes or no', () => {
  /** The default each confirm question offers, which Enter alone answers. */
  async function defaultOffered(current: unknown, schema: Record<string, unknown>): Promise<unknown> {
    let offered: unknown = 'not asked';
    const prompter = new ScriptedPrompter([]);
    prompter.confirm = async (q) => {
      offered = q.default;
      return false;
    };
    await askField(prompter, { ...spec('confirm', true), schema }, 'sv', compile, current);
    return offered;
  }

  it('is never yes by Enter alone: no, unless the file says yes already', async () => {
    // The criterion asks for a yes (the nearest manager backs the idea): a yes must be given, not defaulted.
    expect(await defaultOffered(undefined, { type: 'boolean', const: true })).toBe(false);
    expect(await defaultOffered(undefined, { type: 'boolean' })).toBe(false);
    expect(await defaultOffered(true, { type: 'boolean', const: true })).toBe(true);
    expect(await defaultOffered(false, { type: 'boolean' })).toBe(false);
  });
});
