import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../core/criteria/fields.js';
import type { Lang } from '../core/i18n/i18n.js';
import { askField } from './field-prompt.js';
import { ENTER, ScriptedPrompter } from './prompter.js';

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

describe('askField: a yes or no records only an answer given', () => {
  const yesNo = (required: boolean) => ({
    ...spec('confirm', required),
    schema: { type: 'boolean', const: true, 'x-title': { sv: 'Chefen stödjer', en: 'The manager supports' } },
  });

  it('optional: Enter skips (nothing written), and the question says so', async () => {
    const cases: [Lang, string | undefined, string][] = [
      ['sv', undefined, 'Chefen stödjer (valfritt, j/n; Enter hoppar över)'],
      ['en', undefined, 'The manager supports (optional, y/n; Enter skips)'],
      ['sv', 'Test', 'Chefen stödjer (behövs för steget Test, j/n; Enter hoppar över nu)'],
      ['en', 'Test', 'The manager supports (needed for the stage Test, y/n; Enter skips it for now)'],
    ];
    for (const [lang, needed, question] of cases) {
      const prompter = new ScriptedPrompter([{ kind: 'input', message: /./, answer: '' }]);
      expect(await askField(prompter, yesNo(false), lang, compile, undefined, needed), question).toBeUndefined();
      expect(prompter.asked).toEqual([question]);
    }
  });

  it('takes yes or no as typed, in either language', async () => {
    for (const [typed, value] of [
      ['j', true],
      ['Ja', true],
      ['y', true],
      ['n', false],
      ['nej', false],
      ['no', false],
    ] as const) {
      const prompter = new ScriptedPrompter([{ kind: 'input', answer: typed }]);
      expect(await askField(prompter, yesNo(false), 'sv', compile), typed).toBe(value);
    }
    const wrong = new ScriptedPrompter([{ kind: 'input', answer: 'kanske' }]);
    await expect(askField(wrong, yesNo(false), 'sv', compile)).rejects.toThrow('Svara "ja" eller "nej".');
  });

  it('required: no default, Enter is refused; the question asks for j/n', async () => {
    const prompter = new ScriptedPrompter([{ kind: 'input', answer: '' }]);
    await expect(askField(prompter, yesNo(true), 'sv', compile)).rejects.toThrow(/refused: Svara "ja" eller "nej"/);
    expect(prompter.asked).toEqual(['Chefen stödjer (j/n)']);
    const answered = new ScriptedPrompter([{ kind: 'input', answer: 'n' }]);
    expect(await askField(answered, yesNo(true), 'sv', compile)).toBe(false);
  });

  it('with an answer in the file, Enter keeps that answer, shown as the default', async () => {
    for (const current of [true, false]) {
      let offered: string | undefined;
      const prompter = new ScriptedPrompter([{ kind: 'input', answer: '' }]);
      const input = prompter.input.bind(prompter);
      prompter.input = (q) => {
        offered = q.default;
        return input(q);
      };
      expect(await askField(prompter, yesNo(true), 'sv', compile, current)).toBe(current);
      expect(offered).toBe(current ? 'ja' : 'nej');
    }
  });
});

describe('askField: a choice', () => {
  const choices = [
    { value: 'valfard', label: 'Framtidens välfärd' },
    { value: 'klimat', label: 'Klimat' },
  ];
  const challenge = (required: boolean) => ({
    ...spec('select', required, choices),
    schema: { 'x-title': { sv: 'Utmaning', en: 'Challenge' } },
  });

  it('optional: the skip comes first and Enter takes it, writing nothing; the question says so', async () => {
    let offered: { values: unknown[]; default: unknown } | undefined;
    const prompter = new ScriptedPrompter([{ kind: 'select', answer: ENTER }]);
    const select = prompter.select.bind(prompter);
    prompter.select = (q) => {
      offered = { values: q.choices.map((c) => c.value), default: q.default };
      return select(q);
    };
    expect(await askField(prompter, challenge(false), 'sv', compile)).toBeUndefined();
    expect(offered?.values).toEqual(['', 'valfard', 'klimat']);
    expect(prompter.asked).toEqual(['Utmaning (valfritt, Enter hoppar över)']);
    const ahead = new ScriptedPrompter([{ kind: 'select', answer: ENTER }]);
    expect(await askField(ahead, challenge(false), 'en', compile, undefined, 'Test')).toBeUndefined();
    expect(ahead.asked).toEqual(['Challenge (needed for the stage Test; Enter skips it for now)']);
  });

  it('optional with a choice in the file: Enter keeps it; a choice is taken as chosen', async () => {
    const kept = new ScriptedPrompter([{ kind: 'select', answer: ENTER }]);
    expect(await askField(kept, challenge(false), 'sv', compile, 'klimat')).toBe('klimat');
    const chosen = new ScriptedPrompter([{ kind: 'select', answer: 'valfard' }]);
    expect(await askField(chosen, challenge(false), 'sv', compile)).toBe('valfard');
  });

  it('required: no skip to choose, and the question as it was', async () => {
    const prompter = new ScriptedPrompter([{ kind: 'select', answer: '' }]);
    await expect(askField(prompter, challenge(true), 'sv', compile)).rejects.toThrow(/is not a choice/);
    expect(prompter.asked).toEqual(['Utmaning']);
  });
});

describe('askField: a record', () => {
  const teamGender: FieldSpec = {
    name: 'team_gender',
    kind: 'text',
    required: false,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        women: { type: 'integer', minimum: 0, 'x-title': { sv: 'Kvinnor', en: 'Women' } },
        men: { type: 'integer', minimum: 0, 'x-title': { sv: 'Män', en: 'Men' } },
        other: { type: 'integer', minimum: 0, 'x-title': { sv: 'Annat eller vill inte ange', en: 'Other' } },
      },
      'x-title': { sv: 'Teamets könsfördelning', en: 'Gender composition of the team' },
    },
    choices: [],
  };

  // Found by a newcomer: the record was one text question that no answer could satisfy.
  it('asks for each of its keys in turn, under its name, and gives them as the record', async () => {
    const prompter = new ScriptedPrompter([
      { kind: 'input', message: /Kvinnor/, answer: '3' },
      { kind: 'input', message: /Män/, answer: '2' },
      { kind: 'input', message: /Annat/, answer: '' },
    ]);
    expect(await askField(prompter, teamGender, 'sv', compile, { men: 1 })).toEqual({ women: 3, men: 2 });
    expect(prompter.asked).toEqual([
      'Teamets könsfördelning: Kvinnor (valfritt, Enter hoppar över)',
      'Teamets könsfördelning: Män (valfritt, Enter hoppar över)',
      'Teamets könsfördelning: Annat eller vill inte ange (valfritt, Enter hoppar över)',
    ]);
  });

  it('is nothing when every key is skipped', async () => {
    const prompter = new ScriptedPrompter(
      ['Women', 'Men', 'Other'].map((m) => ({ kind: 'input' as const, message: new RegExp(m), answer: '' })),
    );
    expect(await askField(prompter, teamGender, 'en', compile)).toBeUndefined();
  });
});
