import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../context.js';
import { SNAPSHOT_VERSION, type MemberSnapshot } from '../core/region/snapshot.js';
import { ScriptedPrompter } from '../ui/prompter.js';
import { runNew } from './new.js';
import { regionNeighbours } from './similar-in-region.js';
import { loadRegistry } from '../io/registry.js';
import { failure } from '../../test/helpers/errors.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

let top: string;
let registry: string;
let region: string;
let stderr: string[];
let baseline: number;

/** A member's snapshot as a sync leaves it, with one idea. */
function state(title: string): MemberSnapshot {
  return {
    schemaVersion: SNAPSHOT_VERSION,
    member: 'lidkoping',
    url: '../lidkoping',
    branch: null,
    path: '',
    commit: 'a'.repeat(40),
    syncedAt: '2026-12-01T08:00:00.000Z',
    rulesKey: '',
    registry: {
      name: 'Lidköping',
      language: 'sv',
      idPrefix: 'lidk',
      stages: [{ key: 'test', label: { sv: 'Test', en: 'Test' }, spreadKit: [] }],
    },
    ideas: [
      {
        path: 'ideas/02-test/lidk-aaaaaa.md',
        oid: 'b'.repeat(40),
        id: 'lidk-aaaaaa',
        title,
        stage: 'test',
        unit: null,
        created: '2026-01-01',
        data: {},
        body: 'Digitala läsplattor på äldreboenden.',
      },
    ],
    unreadable: [],
  };
}

function writeState(text: string): void {
  const dir = path.join(region, '.git', 'ideas-region', 'state');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'lidkoping.json'), text);
}

beforeEach(() => {
  top = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-'));
  registry = path.join(top, 'skovde');
  region = path.join(top, 'region');
  fs.cpSync(path.join(examples, 'minimal'), registry, { recursive: true });
  fs.appendFileSync(path.join(registry, 'ideas.config.yaml'), 'region: ../region\n');
  fs.mkdirSync(path.join(region, '.git'), { recursive: true });
  fs.writeFileSync(
    path.join(region, 'ideas.region.yaml'),
    'schemaVersion: 1\nname: Skaraborg\nlanguages: [sv]\nmembers:\n  - id: lidkoping\n    name: Lidköping\n    url: ../lidkoping\n',
  );
  writeState(JSON.stringify(state('Läsplattor för äldre på äldreboenden')));
  stderr = [];
  baseline = ideaFiles().length;
});
afterEach(() => {
  fs.rmSync(top, { recursive: true, force: true });
});

function ctx(prompter: ScriptedPrompter, stdinIsTTY: boolean): Ctx {
  return {
    cwd: registry,
    env: {},
    stdout: { write: () => true },
    stderr: { write: (s: string) => (stderr.push(s), true) },
    stdinIsTTY,
    prompter: async () => prompter,
    clock: () => new Date('2026-12-04T12:00:00Z'),
  };
}

const NEW = { set: [], title: 'Läsplatta till äldreboendet', body: 'Läsplattor för de äldre.', by: 'Bo' };
const ideaFiles = () => fs.readdirSync(path.join(registry, 'ideas', '01-ide')).filter((f) => f.endsWith('.md'));

describe('ideas new in a member of a region', () => {
  it('at a terminal, names the similar idea elsewhere before writing, and stops when told to', async () => {
    const prompter = new ScriptedPrompter([{ kind: 'confirm', message: /Registrera idén ändå/, answer: false }]);
    expect(await failure(runNew(NEW, ctx(prompter, true)))).toMatchObject({ code: 'CANCELLED' });
    // Shown through the prompter, before its question; the command itself writes nothing.
    expect(prompter.notes.join('')).toContain(
      'Lidköping har något liknande: «Läsplattor för äldre på äldreboenden» (lidkoping:lidk-aaaaaa, Test; regionens synk 2026-12-01)',
    );
    expect(stderr).toEqual([]);
    expect(ideaFiles()).toHaveLength(baseline);
  });

  it('at a terminal, goes on when told to, and says it was shown', async () => {
    const prompter = new ScriptedPrompter([{ kind: 'confirm', answer: true }]);
    const r = await runNew(NEW, ctx(prompter, true));
    expect(r.elsewhere.map((e) => `${e.member}:${e.idea.id}`)).toEqual(['lidkoping:lidk-aaaaaa']);
    expect(r.elsewhereShown).toBe(true);
    expect(ideaFiles()).toHaveLength(baseline + 1);
  });

  it('off a terminal, asks nothing and carries them in the result', async () => {
    const r = await runNew(NEW, ctx(new ScriptedPrompter([]), false));
    expect(r.elsewhere).toHaveLength(1);
    expect(r.elsewhereShown).toBe(false);
    expect(ideaFiles()).toHaveLength(baseline + 1);
  });

  it('says nothing of an idea unlike any in the region, nor of its own ideas synced by the region', async () => {
    const unlike = await runNew(
      { ...NEW, title: 'Cykelparkering vid skolan', body: '' },
      ctx(new ScriptedPrompter([]), true),
    );
    expect(unlike.elsewhere).toEqual([]);
    // The region's copy of this registry's own idea (the same id) is not "elsewhere".
    const own = state('Läsplattor för äldre på äldreboenden');
    own.ideas[0]!.id = unlike.idea.id;
    own.ideas[0]!.title = 'Cykelparkering vid skolan';
    writeState(JSON.stringify(own));
    const again = await runNew(
      { ...NEW, title: 'Cykelparkering vid skolorna', body: '' },
      ctx(new ScriptedPrompter([]), true),
    );
    expect(again.elsewhere).toEqual([]);
  });

  it('knows the ids every member holds, so that a new id is none of them (ids stay unique across the region)', () => {
    const around = regionNeighbours(loadRegistry(registry, 'sv'), 'sv', new Set());
    expect([...around.ids]).toEqual(['lidk-aaaaaa']);
    // No region named: no ids, and nothing near.
    fs.writeFileSync(
      path.join(registry, 'ideas.config.yaml'),
      fs.readFileSync(path.join(registry, 'ideas.config.yaml'), 'utf8').replace('region: ../region\n', ''),
    );
    const none = regionNeighbours(loadRegistry(registry, 'sv'), 'sv', new Set());
    expect([...none.ids]).toEqual([]);
    expect(none.near({ title: 'Läsplattor', body: '' })).toEqual([]);
  });

  it.each([
    ['a broken state file', () => writeState('{"schemaVersion": 2, "member": "lidkoping", "ideas": [{"title": 7}]')],
    [
      'a state of a shape it does not expect',
      () =>
        writeState(
          '{"schemaVersion": 2, "member": "lidkoping", "ideas": [{"title": 7, "body": null}], "registry": {}}',
        ),
    ],
    ['no sync yet', () => fs.rmSync(path.join(region, '.git', 'ideas-region'), { recursive: true })],
    ['a region folder that is gone', () => fs.rmSync(region, { recursive: true })],
    ['an invalid region file', () => fs.writeFileSync(path.join(region, 'ideas.region.yaml'), 'members: [unclosed\n')],
  ])('is quiet with %s, and writes the idea', async (_name, breakIt) => {
    breakIt();
    const r = await runNew(NEW, ctx(new ScriptedPrompter([]), true));
    expect(r.elsewhere).toEqual([]);
    expect(ideaFiles()).toHaveLength(baseline + 1);
  });
});
