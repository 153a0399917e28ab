import { describe, expect, it } from 'vitest';
import { DECISIONS, decisionName } from '../core/sluice/decision.js';
import { COMMANDS } from '../cli/commands.js';
import { EXAMPLES, examplesFor, helpText } from './help.js';

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

describe("a subcommand's examples", () => {
  it('are the lines of its parent that run it, each subcommand of region and hook having one', () => {
    for (const lang of ['sv', 'en'] as const) {
      for (const spec of COMMANDS.filter((s) => s.path.length > 1)) {
        const lines = examplesFor(spec.examples ?? (spec.path[0] as string), lang, spec.path);
        expect(lines.length, spec.path.join(' ')).toBeGreaterThan(0);
        for (const line of lines) expect(line, lang).toContain(` ${spec.path.join(' ')}`);
      }
    }
    expect(examplesFor('hook', 'en', ['hook', 'install'])).toEqual([
      'ideas hook install',
      'ideas hook install --force',
      'ideas -C sluice hook install',
    ]);
  });

  it("are all of the parent's on the parent, and a line naming the path elsewhere is not taken", () => {
    expect(examplesFor('region', 'sv', ['region'])).toEqual(EXAMPLES.region?.sv);
    expect(examplesFor('hook', 'sv', ['hook', 'uninstall'])).toEqual(['ideas hook uninstall']);
  });
});
