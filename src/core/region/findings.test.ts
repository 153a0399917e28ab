import { describe, expect, it } from 'vitest';
import { memberFindings, type MemberOutcomeLike } from './findings.js';
import type { RegionMember } from './config.js';

const member: RegionMember = {
  id: 'mariestad',
  name: 'Mariestad',
  municipality: '1493',
  url: 'git://127.0.0.1:9418/m',
  fetchUrl: 'git://127.0.0.1:9418/m',
  branch: null,
  path: '',
  site: null,
};
const TEXT = 'schemaVersion: 1\nname: R\nlanguages: [sv]\nmembers:\n  - id: mariestad\n';

function message(problem: MemberOutcomeLike['problem'], lang: 'sv' | 'en'): string | undefined {
  return memberFindings(TEXT, [member], [{ member, status: 'failed', snapshot: null, problem }], lang)[0]?.message;
}

describe("a member's finding", () => {
  it('ends in one full stop, also after a problem that ends in one (git may)', () => {
    const problem = {
      kind: 'fetch' as const,
      message: 'region.problem.fetch' as const,
      params: {
        reason: "'/srv/m' does not appear to be a git repository fatal: Could not read from remote repository.",
      },
      details: [],
    };
    expect(message(problem, 'sv')).toBe(
      "Medlemmen mariestad kunde inte hämtas med git: '/srv/m' does not appear to be a git repository fatal: Could not read from remote repository.",
    );
  });

  it('says a registry missing at the top of the repository in words, not as the folder "."', () => {
    const problem = {
      kind: 'registry' as const,
      message: 'region.problem.noRegistryTop' as const,
      params: { file: 'ideas.config.yaml' },
      details: [],
    };
    expect(message(problem, 'sv')).toBe('Medlemmen mariestad har ingen ideas.config.yaml i repots översta mapp.');
    expect(message(problem, 'en')).toBe('Member mariestad has no ideas.config.yaml at the top of the repository.');
  });
});
