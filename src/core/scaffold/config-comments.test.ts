import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { localizeConfigComments } from './config-comments.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);

describe('localizeConfigComments', () => {
  for (const example of readdirSync(EXAMPLES)) {
    const text = readFileSync(new URL(`${example}/ideas.config.yaml`, EXAMPLES), 'utf8');

    it(`${example}: an English config has English comments only, and the same data`, () => {
      const doc = parseDocument(text);
      localizeConfigComments(doc, 'en', 'A sluice');
      const out = doc.toString({ lineWidth: 0 });
      const comments = out.split('\n').filter((l) => l.trimStart().startsWith('#'));
      expect(comments[0]).toBe(
        "# A sluice: the registry's config, read by `ideas` and checked against schemas/config.schema.json",
      );
      for (const c of comments) expect(c, c).not.toMatch(/[åäöÅÄÖ]|registrets|idéer|grupper/);
      if (text.includes('\nminGroupSize:'))
        expect(out).toContain(
          '# Reports show data about people (fields marked x-aggregate) only for groups of at least this many ideas.\nminGroupSize:',
        );
      expect(parseDocument(out).toJS()).toEqual(parseDocument(text).toJS());
    });

    it(`${example}: a Swedish config keeps the example's comments`, () => {
      const doc = parseDocument(text);
      localizeConfigComments(doc, 'sv', 'En sluss');
      expect(doc.toString({ lineWidth: 0 })).toBe(parseDocument(text).toString({ lineWidth: 0 }));
    });
  }
});
