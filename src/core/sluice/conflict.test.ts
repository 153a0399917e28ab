import { describe, expect, it } from 'vitest';
import { councilMembers, decidersFor, decisionMakers, parseConflictFlag, sameName, withName } from './conflict.js';
import { thrown } from '../../../test/helpers/errors.js';

describe('decidersFor', () => {
  it('leaves a member with a conflict of interest out of the members named', () => {
    expect(decidersFor('Anna Ek, Bo Berg, Cia Lund', ['Bo Berg'])).toBe('Anna Ek, Cia Lund');
    expect(decidersFor('Anna Ek, Bo Berg', ['  bo  berg '])).toBe('Anna Ek');
    expect(decidersFor('Åsa Ek, Bo Berg', ['A\u030asa ek'])).toBe('Bo Berg');
  });

  it('keeps `by` as written when no member named in it has a conflict', () => {
    expect(decidersFor('Idérådet', ['Anna Ek'])).toBe('Idérådet');
    expect(decidersFor('Anna Ek,Bo Berg', [])).toBe('Anna Ek,Bo Berg');
    expect(decidersFor(undefined, ['Anna Ek'])).toBeUndefined();
    expect(decidersFor('  ', [])).toBeUndefined();
    // Found from outside: `--by " , "` was written as `by: ","`, which ideas diff then took for no decider.
    expect(decidersFor(' , ', ['Anna Ek'], 'Idérådet')).toBe('Idérådet');
    expect(decisionMakers(',', ['Anna Ek'], 'Idérådet')).toEqual({ by: 'Idérådet', conflicts: 'Anna Ek' });
  });

  it('takes a name with characters no one sees, or in compatibility forms, as the member it shows', () => {
    expect(sameName('Anna \u200bEk', 'Anna Ek')).toBe(true);
    expect(sameName('An\u00adna Ek', 'Anna Ek')).toBe(true);
    expect(sameName('\uff21nna Ek', 'Anna Ek')).toBe(true);
    expect(decidersFor('Anna Ek, Bo\u200b Berg', ['bo berg'])).toBe('Anna Ek');
    // Characters Unicode calls default ignorable, and a name of nothing else (found from outside, again).
    expect(sameName('Anna\u034f Ek', 'Anna Ek')).toBe(true);
    expect(sameName('Anna \u3164Ek', 'Anna Ek')).toBe(true);
    expect(decidersFor('\u200b', ['Anna Ek'], 'Idérådet')).toBe('Idérådet');
    expect(councilMembers('\u00ad , \u2060')).toEqual([]);
  });

  it('names nobody when every member has a conflict', () => {
    expect(decidersFor('Anna Ek', ['Anna Ek'])).toBeUndefined();
  });
});

describe('decisionMakers', () => {
  it('names who decided and, once each, who took no part', () => {
    expect(decisionMakers('Anna Ek, Bo Berg', ['Bo Berg', ' bo berg', 'Cia Lund'])).toEqual({
      by: 'Anna Ek',
      conflicts: 'Bo Berg, Cia Lund',
    });
    expect(decisionMakers('Idérådet', [])).toEqual({ by: 'Idérådet', conflicts: undefined });
    expect(decisionMakers(undefined, ['Bo Berg'])).toEqual({ by: undefined, conflicts: 'Bo Berg' });
    // Several in one --conflict, separated by commas as in --by.
    expect(decisionMakers('Anna Ek, Bo Berg, Cia Lund', ['Bo Berg, Cia Lund'])).toEqual({
      by: 'Anna Ek',
      conflicts: 'Bo Berg, Cia Lund',
    });
  });

  it('refuses a decision that no one is left to make', () => {
    const e = thrown(() => decisionMakers('Anna Ek, Bo Berg', ['Anna Ek', 'Bo Berg']));
    expect(e.code).toBe('USAGE');
    expect(e.text.sv).toBe('Alla som ska besluta (Anna Ek, Bo Berg) har anmält jäv: ingen är kvar att fatta beslutet.');
    thrown(() => decisionMakers('Anna Ek, Bo Berg', ['Anna Ek, Bo Berg']));
  });
});

describe('names', () => {
  it('reads members from a comma list', () => {
    expect(councilMembers(' Anna Ek , ,Bo Berg ')).toEqual(['Anna Ek', 'Bo Berg']);
    expect(councilMembers(undefined)).toEqual([]);
  });

  it('compares names as a person reads them', () => {
    expect(sameName('ANNA EK', 'anna  ek')).toBe(true);
    expect(sameName('Anna Ek', 'Anna Eke')).toBe(false);
    expect(withName(['Anna Ek'], ' anna ek ')).toEqual(['Anna Ek']);
    expect(withName(['Anna Ek'], ' Bo ')).toEqual(['Anna Ek', 'Bo']);
  });
});

describe('parseConflictFlag', () => {
  it('reads idea=name, the name keeping any = of its own', () => {
    expect(parseConflictFlag('sund-4k7q2x=Anna Ek')).toEqual({ id: 'sund-4k7q2x', name: 'Anna Ek' });
    expect(parseConflictFlag(' sund-4k7q2x = A=B ')).toEqual({ id: 'sund-4k7q2x', name: 'A=B' });
  });

  it.each(['sund-4k7q2x', '=Anna', 'sund-4k7q2x=', '  =  ', ''])('refuses %j as a usage error', (value) => {
    const e = thrown(() => parseConflictFlag(value));
    expect(e.code).toBe('USAGE');
    expect(e.text.sv).toContain('idé=namn');
  });
});
