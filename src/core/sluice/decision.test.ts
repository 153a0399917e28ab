import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECISIONS, decisionChoices, decisionName, parseDecision, parseDecisionWord } from './decision.js';
import { thrown } from '../../../test/helpers/errors.js';

describe('parseDecisionWord', () => {
  it.each([
    ['approve', 'approve'],
    ['godkänn', 'approve'],
    ['GODKÄNN', 'approve'],
    ['  Godkänn ', 'approve'],
    ['återremittera', 'return'],
    ['Återremittera', 'return'],
    // "å" written as "a" and a combining ring: the same letter to a person.
    ['a\u030aterremittera', 'return'],
    ['RETURN', 'return'],
    ['parkera', 'park'],
    ['Park', 'park'],
    ['avslå', 'reject'],
    ['AVSLÅ', 'reject'],
    ['reject', 'reject'],
  ])('%s is %s', (word, decision) => {
    expect(parseDecisionWord(word)).toBe(decision);
  });

  it.each(['', ' ', 'ja', 'godkänd', 'avsla', 'approved', 'constructor', '__proto__', 'toString', 'skip'])(
    '%j names no decision',
    (word) => {
      expect(parseDecisionWord(word)).toBeNull();
    },
  );

  it('every decision has a name in each language, and the names are distinct', () => {
    for (const lang of ['sv', 'en'] as const) {
      const names = DECISIONS.map((d) => decisionName(d, lang));
      expect(new Set(names).size).toBe(DECISIONS.length);
      for (const n of names) expect(parseDecisionWord(n)).not.toBeNull();
    }
    expect(decisionChoices('sv')).toBe('godkänn, återremittera, parkera, avslå');
    expect(decisionChoices('en')).toBe('approve, return, park, reject');
  });
});

describe('parseDecision', () => {
  it('gives the decision, or a usage error that lists the decisions in both languages', () => {
    expect(parseDecision('Avslå')).toBe('reject');
    const e = thrown(() => parseDecision('kanske'));
    expect(e.code).toBe('USAGE');
    expect(e.text).toEqual({
      sv: 'Okänt beslut "kanske": välj godkänn, återremittera, parkera, avslå.',
      en: 'Unknown decision "kanske": choose approve, return, park, reject.',
    });
  });

  it.each([
    ['godkän', 'godkänn'],
    ['aprove', 'approve'],
    ['Parkra', 'parkera'],
  ])('a near miss %j: did you mean %j', (word, suggestion) => {
    const e = thrown(() => parseDecision(word));
    expect(e.code).toBe('USAGE');
    expect(e.text.en).toContain(`Did you mean ${suggestion}?`);
  });
});

describe('the one list of decisions', () => {
  it('is the list the idea schema allows in a history entry', () => {
    const schema = JSON.parse(readFileSync(new URL('../../../schemas/idea.schema.json', import.meta.url), 'utf8'));
    expect(schema.$defs.historyEntry.properties.decision).toEqual({ enum: [...DECISIONS] });
  });
});
