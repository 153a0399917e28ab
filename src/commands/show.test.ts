import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../context.js';
import { runShow } from './show.js';
import { testCtx } from '../../test/helpers/ctx.js';
import { failure } from '../../test/helpers/errors.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-'));
  fs.cpSync(path.join(examples, 'minimal'), dir, { recursive: true });
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function ctx(): Ctx {
  return testCtx(dir);
}

const FILE = 'ideas/02-pagar/ide-tzxqka-papperslosa-arbetsplatstraffar.md';

describe('runShow', () => {
  it.each([
    ['the full id', 'ide-tzxqka'],
    ['the full id in capitals', 'IDE-TZXQKA'],
    ['the random part alone', 'tzxqka'],
    ['the path', FILE],
    ['the file name', 'ide-tzxqka-papperslosa-arbetsplatstraffar.md'],
  ])('finds an idea by %s', async (_name, query) => {
    const r = await runShow({ id: query }, ctx());
    expect({ id: r.idea.id, title: r.idea.title, stage: r.idea.stage.key, path: r.idea.path }).toEqual({
      id: 'ide-tzxqka',
      title: 'Papperslösa arbetsplatsträffar',
      stage: 'doing',
      path: FILE,
    });
  });

  it('finds an idea whose file name has drifted from its id', async () => {
    fs.renameSync(path.join(dir, FILE), path.join(dir, 'ideas/02-pagar/moten-utan-papper.md'));
    expect((await runShow({ id: 'ide-tzxqka' }, ctx())).idea.path).toBe('ideas/02-pagar/moten-utan-papper.md');
  });

  it.each(['ide-zzzz99', 'zzzz99', 'ide', ''])('throws IDEA_NOT_FOUND for %j', async (query) => {
    expect(await failure(runShow({ id: query }, ctx()))).toMatchObject({ code: 'IDEA_NOT_FOUND' });
  });

  it.each(['ide-trs9k2', 'trs9k2'])(
    'names the file of an idea that does not read, asked by %j, rather than say there is none',
    async (query) => {
      fs.writeFileSync(path.join(dir, 'ideas/01-ide/ide-trs9k2-trasig.md'), '---\nid: ide-trs9k2\ntitle: [oj\n---\n');
      expect(await failure(runShow({ id: query }, ctx()))).toMatchObject({
        code: 'IDEA_NOT_FOUND',
        text: { en: `The idea "${query}" in ideas/01-ide/ide-trs9k2-trasig.md cannot be read.` },
      });
    },
  );

  it('throws AMBIGUOUS_ID when the random part matches two ideas', async () => {
    fs.writeFileSync(
      path.join(dir, 'ideas/01-ide/abc-tzxqka-other.md'),
      '---\nid: abc-tzxqka\ntitle: Other\ncreated: 2026-01-01\n---\n',
    );
    expect(await failure(runShow({ id: 'tzxqka' }, ctx()))).toMatchObject({ code: 'AMBIGUOUS_ID' });
  });

  // Found from outside: asked by its full id, the first of two files carrying it was shown (and edited, moved or
  // decided on) without a word of the other.
  it('throws AMBIGUOUS_ID when the full id is carried by two files named for it', async () => {
    fs.writeFileSync(
      path.join(dir, 'ideas/01-ide/abc-tzxqka-other.md'),
      '---\nid: abc-tzxqka\ntitle: Other\ncreated: 2026-01-01\n---\n',
    );
    fs.writeFileSync(
      path.join(dir, 'ideas/01-ide/abc-tzxqka-copy.md'),
      '---\nid: abc-tzxqka\ntitle: Copy\ncreated: 2026-01-01\n---\n',
    );
    const thrown = await failure(runShow({ id: 'ABC-tzxqka' }, ctx()));
    expect(thrown).toMatchObject({ code: 'AMBIGUOUS_ID' });
    expect((thrown as Error).message).toMatch(/copy\.md.*other\.md|other\.md.*copy\.md/);
  });
});
