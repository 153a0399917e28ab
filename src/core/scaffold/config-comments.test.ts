import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { localizeConfigComments, localizeStageFolders } from './config-comments.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);

describe('localizeConfigComments', () => {
  for (const example of readdirSync(EXAMPLES)) {
    const text = readFileSync(new URL(`${example}/ideas.config.yaml`, EXAMPLES), 'utf8');

    it(`${example}: an English config has English comments only, and the same data`, () => {
      const doc = parseDocument(text);
      localizeConfigComments(doc, 'en', 'A sluice');
      const out = doc.toString({ lineWidth: 0 });
      const comments = out.split('\n').filter((l) => l.trimStart().startsWith('#'));
      expect(comments[0]).toBe("# A sluice: the registry's config, read by `ideas` and checked by `ideas validate`");
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

describe('localizeStageFolders', () => {
  const folders = (doc: ReturnType<typeof parseDocument>) =>
    (doc.toJS() as { stages: { folder: string }[] }).stages.map((s) => s.folder);
  const FOLDER = new RegExp(
    (
      JSON.parse(readFileSync(new URL('../../../schemas/config.schema.json', import.meta.url), 'utf8')) as {
        $defs: { stage: { properties: { folder: { pattern: string } } } };
      }
    ).$defs.stage.properties.folder.pattern,
  );

  it('minimal and sundsvall: English folders, each its number and the slug of its English label', () => {
    const english = (example: string) => {
      const doc = parseDocument(readFileSync(new URL(`${example}/ideas.config.yaml`, EXAMPLES), 'utf8'));
      localizeStageFolders(doc, 'en');
      return folders(doc);
    };
    expect(english('minimal')).toEqual(['01-idea', '02-in-progress', '03-done']);
    expect(english('sundsvall')).toEqual([
      '01-idea',
      '02-refinement',
      '03-test',
      '04-evaluation',
      '05-spreading',
      '90-parked',
      '99-rejected',
    ]);
  });

  for (const example of readdirSync(EXAMPLES)) {
    const text = readFileSync(new URL(`${example}/ideas.config.yaml`, EXAMPLES), 'utf8');

    it(`${example}: in English only the folders change, each keeps its number, and all are valid and distinct`, () => {
      const doc = parseDocument(text);
      localizeStageFolders(doc, 'en');
      const before = parseDocument(text).toJS() as { stages: { folder: string; label: { en: string } }[] };
      const after = doc.toJS() as typeof before;
      expect(after.stages.map((s) => s.folder)).not.toEqual(before.stages.map((s) => s.folder));
      after.stages.forEach((stage, i) => {
        const old = before.stages[i]?.folder ?? '';
        expect(stage.folder.slice(0, 3), stage.folder).toBe(old.slice(0, 3));
        expect(stage.folder).toMatch(/^\d\d-[a-z0-9-]+$/);
        expect(stage.folder).toMatch(FOLDER);
        expect(stage.folder).not.toMatch(/[åäö]/);
      });
      expect(new Set(after.stages.map((s) => s.folder)).size).toBe(after.stages.length);
      const withoutFolders = (c: typeof before) => ({ ...c, stages: c.stages.map((s) => ({ ...s, folder: '' })) });
      expect(withoutFolders(after)).toEqual(withoutFolders(before));
    });

    it(`${example}: in Swedish nothing changes`, () => {
      const doc = parseDocument(text);
      localizeStageFolders(doc, 'sv');
      expect(doc.toString({ lineWidth: 0 })).toBe(parseDocument(text).toString({ lineWidth: 0 }));
    });
  }

  const config = (stages: string) => `schemaVersion: 1\nstages:\n${stages}`;

  it.each([
    {
      name: 'two labels with the same slug',
      stages:
        '  - { key: a, folder: 01-a, label: { sv: A, en: Test } }\n  - { key: b, folder: 01-b, label: { sv: B, en: "Test!" } }\n',
    },
    {
      name: 'two labels alike and no numbers',
      stages:
        '  - { key: a, folder: ett, label: { sv: Ett, en: Idea } }\n  - { key: b, folder: tva, label: { sv: Två, en: IDEA } }\n',
    },
    {
      name: 'a stage without an English label',
      stages:
        '  - { key: a, folder: 01-ett, label: { sv: Ett, en: One } }\n  - { key: b, folder: 02-tva, label: { sv: Två } }\n',
    },
    {
      name: 'a label with nothing to make a slug of',
      stages:
        '  - { key: a, folder: 01-ett, label: { sv: Ett, en: One } }\n  - { key: b, folder: 02-tva, label: { sv: Två, en: "?!" } }\n',
    },
  ])('$name: every folder is left as it is', ({ stages }) => {
    const doc = parseDocument(config(stages));
    const before = folders(doc);
    localizeStageFolders(doc, 'en');
    expect(folders(doc)).toEqual(before);
  });

  it('numbers of any length are kept, with - or _; a folder without one gets none', () => {
    const doc = parseDocument(
      config(
        '  - { key: a, folder: 1_ett, label: { sv: Ett, en: One } }\n' +
          '  - { key: b, folder: 100-tva, label: { sv: Två, en: Two } }\n' +
          '  - { key: c, folder: tre, label: { sv: Tre, en: Three } }\n',
      ),
    );
    localizeStageFolders(doc, 'en');
    expect(folders(doc)).toEqual(['1_one', '100-two', 'three']);
  });

  it('a long label makes a folder no longer than the schema allows', () => {
    const label = 'A stage with a very long name indeed, longer than any folder name the config allows';
    const doc = parseDocument(config(`  - { key: a, folder: 01-ett, label: { sv: Ett, en: "${label}" } }\n`));
    localizeStageFolders(doc, 'en');
    const [folder] = folders(doc);
    expect(folder).toMatch(FOLDER);
    expect(folder?.startsWith('01-a-stage-with-a-very-long-name')).toBe(true);
  });
});
