import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../context.js';
import { runList, type ListOptions } from './list.js';
import { testCtx } from '../../test/helpers/ctx.js';
import { failure } from '../../test/helpers/errors.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

let dir: string;

function ctx(): Ctx {
  return testCtx(dir);
}

function idea(folder: string, id: string, created: string, tags: string[] = []): void {
  const text = `---\nid: ${id}\ntitle: Idea ${id}\ncreated: ${created}\n${tags.length > 0 ? `tags: [${tags.join(', ')}]\n` : ''}---\n`;
  fs.mkdirSync(path.join(dir, 'ideas', folder), { recursive: true });
  fs.writeFileSync(path.join(dir, 'ideas', folder, `${id}-x.md`), text);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-'));
  fs.cpSync(path.join(examples, 'minimal/ideas.config.yaml'), path.join(dir, 'ideas.config.yaml'));
  fs.cpSync(path.join(examples, 'minimal/criteria'), path.join(dir, 'criteria'), { recursive: true });
  idea('02-pagar', 'ide-aaaa11', '2026-03-01', ['Cykel']);
  idea('01-ide', 'ide-bbbb22', '2026-05-01', ['cykel', 'buss']);
  idea('01-ide', 'ide-cccc33', '2026-01-15');
  idea('03-klar', 'ide-dddd44', '2025-12-01', ['buss']);
  idea('02-pagar', 'ide-eeee55', '2026-02-01');
  idea('01-ide', 'ide-ffff66', '2026-05-01');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const ids = async (opts: ListOptions) => (await runList(opts, ctx())).ideas.map((i) => i.id);

describe('runList', () => {
  it.each<[string, ListOptions, string[]]>([
    [
      'everything, by stage order, then created, then id',
      {},
      ['ide-cccc33', 'ide-bbbb22', 'ide-ffff66', 'ide-eeee55', 'ide-aaaa11', 'ide-dddd44'],
    ],
    ['--stage by key', { stage: 'doing' }, ['ide-eeee55', 'ide-aaaa11']],
    ['--stage by folder', { stage: '02-pagar' }, ['ide-eeee55', 'ide-aaaa11']],
    ['--stage by Swedish label, any case', { stage: 'PÅGÅR' }, ['ide-eeee55', 'ide-aaaa11']],
    ['--stage by English label', { stage: 'In progress' }, ['ide-eeee55', 'ide-aaaa11']],
    ['--tag, any case', { tag: 'CYKEL' }, ['ide-bbbb22', 'ide-aaaa11']],
    ['--stage and --tag', { stage: 'idea', tag: 'buss' }, ['ide-bbbb22']],
    ['a tag nobody has', { tag: 'tåg' }, []],
  ])('%s', async (_name, opts, expected) => {
    expect(await ids(opts)).toEqual(expected);
  });

  it('throws UNKNOWN_STAGE for a stage that does not exist', async () => {
    expect(await failure(runList({ stage: 'nowhere' }, ctx()))).toMatchObject({ code: 'UNKNOWN_STAGE' });
  });

  it('counts files it cannot read, and lists the rest', async () => {
    fs.writeFileSync(path.join(dir, 'ideas/01-ide/ide-gggg77-broken.md'), 'no front matter\n');
    const r = await runList({}, ctx());
    expect({ unreadable: r.unreadable, count: r.ideas.length, today: r.today.toISOString() }).toEqual({
      unreadable: 1,
      count: 6,
      today: '2026-11-23T12:00:00.000Z',
    });
  });
});
