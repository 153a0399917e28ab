import { describe, expect, it } from 'vitest';
import { readPackageSchema } from '../../io/schemas.js';
import { thrown } from '../../../test/helpers/errors.js';
import { parseSets, parseUnsets } from './set-flags.js';

const base = readPackageSchema('idea');
const settable = ['title', 'carrier', 'coach', 'unit', 'challenge', 'tags', 'test_plan'];

describe('parseSets and parseUnsets', () => {
  // Found by a newcomer: a field written as `ideas show` labels it (`enhet`), or in other letters' case (`Unit`),
  // was only "unknown field", with the list of every key to read through.
  it.each([
    ['Unit', 'unit'],
    ['enhet', 'unit'],
    ['Idécoach', 'coach'],
    ['taggar', 'tags'],
    ['utmaning', 'challenge'],
  ])('names the field %j stands for (%s), and sets nothing', (name, field) => {
    const e = thrown(() => parseSets([`${name}=x`], settable, base));
    expect(e.code).toBe('USAGE');
    expect(e.text.sv).toContain(`Okänt fält "${name}" för --set; menade du ${field}?`);
  });

  it('names nothing for a word that is no field, nor one that two labels start with', () => {
    expect(thrown(() => parseSets(['kontakt=x'], settable, base)).text.sv).toMatch(
      /^Okänt fält "kontakt" för --set\. /,
    );
  });

  it('lists the fields as --set takes them, each with the label the screens give it', () => {
    expect(thrown(() => parseSets(['påhitt=x'], settable, base)).text.sv).toContain(
      'Fälten är: title (Idéns namn), carrier (Idébärare), coach (Idécoach), unit (Enhet eller förvaltning),',
    );
  });

  // Found from outside: a later stage's fields and a record's keys were listed by their keys alone (`test_plan`,
  // `team_gender.women (women)`), though their criteria give them labels.
  it("lists a stage's fields and a record's keys by the labels their criteria give them, in both languages", () => {
    const criteria = [
      {
        properties: {
          test_plan: { type: 'string', 'x-title': { sv: 'Plan för testet', en: 'Test plan' } },
          team_gender: {
            type: 'object',
            properties: { women: { type: 'integer', 'x-title': { sv: 'Kvinnor', en: 'Women' } } },
          },
        },
      },
    ];
    const fields = [...settable, 'team_gender.women'];
    const e = thrown(() => parseSets(['påhitt=x'], fields, base, { criteria }));
    expect(e.text.sv).toContain('test_plan (Plan för testet), team_gender.women (Kvinnor).');
    expect(e.text.en).toContain('test_plan (Test plan), team_gender.women (Women).');
    expect(thrown(() => parseUnsets(['påhitt'], fields, base, { criteria })).text.sv).toContain(
      'team_gender.women (Kvinnor)',
    );
    // A label names its field here as on the screens.
    expect(thrown(() => parseSets(['kvinnor=3'], fields, base, { criteria })).text.sv).toContain(
      'menade du team_gender.women?',
    );
  });

  it("takes a key of the idea's own exactly as it is written, and a field without the spaces around it", () => {
    expect(parseUnsets(['unit ', ' coach'], settable, base, { present: ['unit '] })).toEqual(['unit ', 'coach']);
    expect(thrown(() => parseUnsets(['id'], settable, base, { present: ['id'] })).text.sv).toContain('--unset');
  });
});
