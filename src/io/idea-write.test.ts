import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Stage } from '../core/sluice/config.js';
import { EditReachError } from '../core/front-matter/edit-guard.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import { toIdea } from '../core/sluice/idea.js';
import { thrown } from '../../test/helpers/errors.js';
import { makeTempDir, removeTempDirs } from '../../test/helpers/temp-repo.js';
import { editText, readIdeaText } from './idea-write.js';

afterAll(removeTempDirs);

const stage: Stage = {
  key: 'idea',
  folder: '01-ide',
  label: { sv: 'Idé', en: 'Idea' },
  criteria: 'criteria/idea.json',
  next: [],
  council: false,
  funding: false,
  limitDays: null,
};

function ideaAt(abs: string) {
  const fm = readFrontMatter(Buffer.from('---\nid: ide-abcd12\ntitle: X\n---\n'));
  if (!fm.ok) throw new Error('bad test idea');
  return toIdea(fm, stage, 'ideas/01-ide/ide-abcd12-x.md', abs);
}

describe('readIdeaText', () => {
  it('says an idea gone since it was found was changed by someone else, and other trouble as a read error', () => {
    const dir = makeTempDir();
    const abs = path.join(dir, 'ide-abcd12-x.md');
    writeFileSync(abs, '---\nid: ide-abcd12\ntitle: X\n---\n');
    expect(readIdeaText(ideaAt(abs))).toContain('title: X');
    rmSync(abs);
    expect(thrown(() => readIdeaText(ideaAt(abs))).code).toBe('CONFLICT');
    mkdirSync(abs);
    expect(thrown(() => readIdeaText(ideaAt(abs))).code).toBe('IO');
  });
});

describe('editText', () => {
  it('refuses an edit whose text no command could read, before anything is written', () => {
    const idea = ideaAt(path.join(makeTempDir(), 'ide-abcd12-x.md'));
    const good = '---\nid: ide-abcd12\ntitle: Y\n---\n';
    expect(editText(idea, () => good)).toBe(good);
    // What `ideas move` once wrote into a front matter in flow style: `history:` lines inside `{ }`.
    const broken = '---\n{id: ide-abcd12, title: X,\n  history:\n  - date: 2026-12-06\n---\n';
    // In the catalogue's words, both languages, with why: a fault of ideas, nothing written.
    const e = thrown(() => editText(idea, () => broken));
    expect(e.code).toBe('UNEXPECTED');
    expect(e.text.en).toMatch(/would have made the file unreadable \(.+\); nothing was written/);
  });

  it('fails an edit that would change a field it does not name as an internal error naming the file', () => {
    const idea = ideaAt(path.join(makeTempDir(), 'ide-abcd12-x.md'));
    const reach = () =>
      editText(idea, () => {
        throw new EditReachError(['carrier']);
      });
    const e = thrown(reach);
    expect(e.code).toBe('UNEXPECTED');
    expect(e.message).toContain(
      'The edit of ideas/01-ide/ide-abcd12-x.md would also have changed carrier, which it does not name; nothing was written.',
    );
  });
});
