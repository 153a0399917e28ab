/**
 * `explain: false`, as the commands that read every idea read: a front matter the subset reader finds is not YAML is
 * refused without loading the `yaml` package, which cost a first `ideas list` ~1 ms for each such file. In a file of
 * its own: the package, once loaded by another test, stays loaded for the rest of its file.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from './front-matter.js';
import { useYamlPackage } from './yaml-package.js';
import { localize } from '../i18n/i18n.js';

let loads = 0;
useYamlPackage(() => {
  loads++;
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
});

const file = (matter: string): Uint8Array => Buffer.from(`---\n${matter}---\nText\n`, 'utf8');

describe('readFrontMatter with explain: false', () => {
  it('refuses what people break by hand without the yaml package, at the line the reader saw it', () => {
    for (const [matter, line, column] of [
      ['id: x\ntitle: Förslag: cykelbanor\n', 3, 15],
      ['title: "Samåkning till jobbet\ncreated: 2025-02-04\n', 2, 8],
      ['carrier: Anna\n unit: Skola\n', 3, 6],
      ['tags: [a, b\ncreated: 2025-02-04\n', 3, 1],
    ] as const) {
      expect(readFrontMatter(file(matter), { explain: false })).toEqual({
        ok: false,
        rule: 'front-matter/yaml',
        message: 'f.yaml',
        hint: 'h.yaml',
        params: { reason: localize('yaml.impossible') },
        line,
        column,
      });
    }
    expect(loads).toBe(0);
    // A text outside the subset's shapes still goes to the package, which reads it.
    expect(readFrontMatter(file('title: !!str 12\n'), { explain: false })).toMatchObject({ ok: true });
    expect(loads).toBe(1);
  });

  it('explains by default, in the package’s words', () => {
    expect(readFrontMatter(file('id: x\ntitle: Förslag: cykelbanor\n'))).toMatchObject({
      ok: false,
      rule: 'front-matter/yaml',
      params: { reason: localize('yaml.blockAsKey') },
    });
  });
});
