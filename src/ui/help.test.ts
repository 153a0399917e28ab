import { describe, expect, it } from 'vitest';
import { DECISIONS, decisionName } from '../core/sluice/decision.js';
import { helpText } from './help.js';

describe('the help of `ideas decide --decision`', () => {
  it('names every decision of the one list, by its names in both languages', () => {
    for (const lang of ['sv', 'en'] as const)
      for (const d of DECISIONS)
        for (const l of ['sv', 'en'] as const) expect(helpText('decideDecision', lang)).toContain(decisionName(d, l));
    expect({ sv: helpText('decideDecision', 'sv'), en: helpText('decideDecision', 'en') }).toEqual({
      sv: 'godkänn (vidare), återremittera (tillbaka med råd), parkera eller avslå; också approve, return, park, reject',
      en: 'approve (onwards), return (back with advice), park or reject; also godkänn, återremittera, parkera, avslå',
    });
  });
});
