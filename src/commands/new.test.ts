import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../context.js';
import { IdeasError } from '../core/errors.js';
import { readFrontMatter } from '../core/front-matter/front-matter.js';
import { ID_ALPHABET } from '../core/sluice/id.js';
import { ENTER, ScriptedPrompter, type InputQuestion, type ScriptedAnswer } from '../ui/prompter.js';
import { runNew, type NewOptions } from './new.js';
import { failure } from '../../test/helpers/errors.js';
import { git, makeTempDir, removeTempDirs, stagedFiles, useGitHome } from '../../test/helpers/temp-repo.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const TODAY = '2026-11-23';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function copyExample(name: string): void {
  fs.cpSync(path.join(examples, name), dir, { recursive: true });
}

/**
 * Who git says the user is, the default for `by`: a name in the global config of a home of the test's own, which the
 * product's git reads (src/io/git.ts hands it HOME and XDG_CONFIG_HOME), so that no test depends on the machine's.
 */
const GIT_USER = 'Ada Berg';
let namedHome: string;
beforeAll(() => {
  namedHome = makeTempDir('ideas-home-');
  git(['config', '--file', path.join(namedHome, '.gitconfig'), 'user.name', GIT_USER], namedHome);
});
beforeEach(() => useGitHome(namedHome));
afterAll(removeTempDirs);

function ctx(
  prompter: ScriptedPrompter = new ScriptedPrompter([]),
  env: NodeJS.ProcessEnv = {},
  stdinIsTTY = true,
): Ctx {
  return {
    cwd: dir,
    env,
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdinIsTTY,
    prompter: async () => prompter,
    clock: () => new Date(`${TODAY}T12:00:00Z`),
  };
}

const CI = { CI: 'true' };
const opts = (o: Partial<NewOptions>): NewOptions => ({ set: [], ...o });

/** The front matter and body of a written idea. */
function readIdea(rel: string): { data: Record<string, unknown>; body: string } {
  const fm = readFrontMatter(fs.readFileSync(path.join(dir, rel)));
  if (!fm.ok) throw new Error(`${rel}: ${fm.rule}`);
  return { data: fm.data, body: fm.body };
}

/** Every file under `root` (names only), to prove that nothing was written. */
function files(root = dir): string[] {
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
}

const idPattern = (prefix: string) => new RegExp(`^${prefix}-[${ID_ALPHABET}]{6}$`);

describe('runNew with flags', () => {
  it('writes <ideasDir>/<first stage folder>/<id>-<slug>.md with id, title, created, typed values, history and body', async () => {
    copyExample('minimal');
    fs.writeFileSync(
      path.join(dir, 'criteria/idea.schema.json'),
      JSON.stringify({
        type: 'object',
        properties: { budget: { type: 'integer', minimum: 0 }, ready: { type: 'boolean' } },
      }),
    );
    const r = await runNew(
      opts({
        title: '  Cykelpool för pendlare ',
        set: ['unit=Gatukontoret', 'tags=cykel, pendling', 'tags=buss', 'budget=1 000', 'ready=ja'],
        body: 'Vi delar cyklar.\r\n\r\nMer text.',
        by: 'Anna',
      }),
      ctx(new ScriptedPrompter([]), CI),
    );
    const id = r.idea.id ?? '';
    expect(id).toMatch(idPattern('ide'));
    expect(r.idea.path).toBe(`ideas/01-ide/${id}-cykelpool-for-pendlare.md`);
    expect({ stage: r.idea.stage.key, staged: r.staged, kind: r.kind }).toEqual({
      stage: 'idea',
      staged: false,
      kind: 'idea-created',
    });
    const written = readIdea(r.idea.path);
    expect(written).toEqual({
      data: {
        id,
        title: 'Cykelpool för pendlare',
        created: TODAY,
        unit: 'Gatukontoret',
        tags: ['cykel', 'pendling', 'buss'],
        budget: 1000,
        ready: true,
        history: [{ date: TODAY, action: 'created', to: 'idea', by: 'Anna' }],
      },
      body: 'Vi delar cyklar.\n\nMer text.\n',
    });
    expect(Object.keys(written.data)).toEqual(['id', 'title', 'created', 'unit', 'tags', 'budget', 'ready', 'history']);
  });

  it("writes only the title when nothing else is given, and git's user.name as who registered it", async () => {
    copyExample('minimal');
    const r = await runNew(opts({ title: 'Fika' }), ctx(new ScriptedPrompter([]), CI));
    const entry = { date: TODAY, action: 'created', to: 'idea', by: GIT_USER };
    expect(readIdea(r.idea.path)).toEqual({
      data: { id: r.idea.id, title: 'Fika', created: TODAY, history: [entry] },
      body: '',
    });
    // Where git knows nobody (as on CI), nobody is written.
    useGitHome();
    const nobody = await runNew(opts({ title: 'Fika igen' }), ctx(new ScriptedPrompter([]), CI));
    expect(readIdea(nobody.idea.path).data.history).toEqual([{ date: TODAY, action: 'created', to: 'idea' }]);
  });

  it('names the idea by its id alone when the title gives no slug', async () => {
    copyExample('minimal');
    const r = await runNew(opts({ title: '🎉' }), ctx(new ScriptedPrompter([]), CI));
    expect(r.idea.path).toBe(`ideas/01-ide/${r.idea.id}.md`);
  });

  it('names the similar ideas already in the registry', async () => {
    copyExample('sundsvall');
    const r = await runNew(
      opts({ title: 'Digital tillsyn i hemtjänsten på natten' }),
      ctx(new ScriptedPrompter([]), CI),
    );
    expect(r.similar.map((s) => s.item.id)).toContain('sund-avmpk4');
    expect(r.similar.map((s) => s.item.id)).not.toContain(r.idea.id);
  });

  it('stages the new file in a git repository', async () => {
    copyExample('minimal');
    git(['init', '-q', '-b', 'main'], dir);
    git(['config', 'user.name', 'Test'], dir);
    git(['config', 'user.email', 'test@example.invalid'], dir);
    const r = await runNew(opts({ title: 'Under versionshantering' }), ctx(new ScriptedPrompter([]), CI));
    expect(r.staged).toBe(true);
    expect(stagedFiles(dir)).toEqual([r.idea.path]);
  });
});

describe('runNew when answers are missing and prompts cannot be shown', () => {
  it('throws MISSING_ANSWERS naming every missing flag, and writes nothing (Skaraborg)', async () => {
    copyExample('skaraborg');
    const before = files();
    const e = await failure(runNew(opts({}), ctx(new ScriptedPrompter([]), CI)));
    expect(e.code).toBe('MISSING_ANSWERS');
    expect(e.message).toContain("--title '<text>'");
    expect(e.text.sv).toContain(
      "--set 'municipality=<ett av: Essunga, Falköping, Grästorp, Gullspång, Götene, Hjo, …>'",
    );
    // A challenge by the labels people know it by, in the registry's language, as a closed gate's fix line names it.
    expect(e.text.sv).toContain(
      "--set 'challenge=<ett av: Kompetensförsörjning i välfärden, Fler äldre – omsorg på nya sätt, Service i hela Skaraborg, Fler elever som klarar skolan, Effektiv och rättssäker handläggning>'",
    );
    expect(files()).toEqual(before);
  });

  it('gives the reason in English in the English text of the error', async () => {
    copyExample('skaraborg');
    const e = await failure(runNew(opts({ title: 'Vikariebank' }), ctx(new ScriptedPrompter([]), CI)));
    expect(e.text.en).toContain('(CI is set)');
    expect(e.text.sv).toContain('(CI är satt)');
  });

  it('names only the flags still missing', async () => {
    copyExample('skaraborg');
    const e = await failure(
      runNew(opts({ title: 'Vikariebank', set: ['challenge=skola'] }), ctx(new ScriptedPrompter([]), CI)),
    );
    expect(e.code).toBe('MISSING_ANSWERS');
    expect(e.message).not.toContain('--title');
    expect(e.message).not.toContain("--set 'challenge=");
    expect(e.message).toContain("--set 'municipality=<");
  });

  it.each<[string, Partial<NewOptions>, boolean, string]>([
    ['stdin is not a terminal', {}, false, 'standard input is not a terminal'],
    ['--no-input is given', { input: false }, true, '--no-input'],
  ])('also when %s', async (_name, extra, tty, why) => {
    copyExample('skaraborg');
    const e = await failure(
      runNew(opts({ title: 'Vikariebank', lang: 'en', ...extra }), ctx(new ScriptedPrompter([]), {}, tty)),
    );
    expect(e.code).toBe('MISSING_ANSWERS');
    expect(e.messageIn('en')).toContain(why);
  });

  it('writes the idea when every required answer is given as a flag', async () => {
    copyExample('skaraborg');
    const r = await runNew(
      opts({ title: 'Vikariebank', set: ['municipality=Hjo', 'challenge=skola'] }),
      ctx(new ScriptedPrompter([]), CI),
    );
    expect(readIdea(r.idea.path).data).toMatchObject({ title: 'Vikariebank', municipality: 'Hjo', challenge: 'skola' });
    expect(r.idea.path).toMatch(/^ideas\/01-ide\/skb-[0-9a-z]{6}-vikariebank\.md$/);
  });
});

describe('runNew refuses bad flags, writing nothing', () => {
  it.each<[string, Partial<NewOptions>, string]>([
    ['an unknown --set field', { set: ['colour=red'] }, 'USAGE'],
    ['--set without =', { set: ['municipality'] }, 'USAGE'],
    ['--set of the id', { set: ['id=skb-aaaa11'] }, 'USAGE'],
    ['--set of created', { set: ['created=2020-01-01'] }, 'USAGE'],
    ['--set of history', { set: ['history=x'] }, 'USAGE'],
    ['both --body and --body-file', { body: 'a', bodyFile: 'b.md' }, 'USAGE'],
    [
      'a municipality that is not in Skaraborg',
      { set: ['municipality=Stockholm', 'challenge=skola'] },
      'INVALID_ANSWER',
    ],
    ['a challenge that is not in the config', { set: ['municipality=Hjo', 'challenge=rymden'] }, 'INVALID_ANSWER'],
  ])('%s', async (_name, extra, code) => {
    copyExample('skaraborg');
    const before = files();
    const e = await failure(
      runNew(
        opts({ title: 'Vikariebank', set: ['municipality=Hjo', 'challenge=skola'], ...extra }),
        ctx(new ScriptedPrompter([]), CI),
      ),
    );
    expect(e.code).toBe(code);
    expect(files()).toEqual(before);
  });

  it('names the unknown field and the ones there are', async () => {
    copyExample('minimal');
    const e = await failure(runNew(opts({ title: 'X', set: ['colour=red'] }), ctx(new ScriptedPrompter([]), CI)));
    expect(e.message).toMatch(/"colour"/);
    expect(e.message).toMatch(/carrier/);
  });
});

describe('runNew with prompts', () => {
  it('asks every question of the minimal template and writes the answers', async () => {
    copyExample('minimal');
    const prompter = new ScriptedPrompter([
      { kind: 'input', message: /^Idéns namn$/, answer: 'Boka lokaler enkelt' },
      { kind: 'input', message: /^Idébärare \(valfritt/, answer: 'Anna Ek' },
      { kind: 'input', message: /^Enhet eller förvaltning \(valfritt/, answer: '' },
      { kind: 'input', message: /^Utmaning som idén svarar mot \(valfritt/, answer: 'Lokalbrist' },
      { kind: 'input', message: /^Taggar .*kommaseparerat/, answer: 'lokaler, bokning' },
      { kind: 'text', message: /^Beskriv idén/, answer: 'En kalender för alla lokaler.' },
      { kind: 'input', message: /^Vem registrerar idén\?$/, answer: 'Eva Lind' },
    ]);
    const r = await runNew(opts({}), ctx(prompter));
    expect(prompter.remaining).toBe(0);
    expect(r.idea.path).toBe(`ideas/01-ide/${r.idea.id}-boka-lokaler-enkelt.md`);
    expect(readIdea(r.idea.path)).toEqual({
      data: {
        id: r.idea.id,
        title: 'Boka lokaler enkelt',
        created: TODAY,
        carrier: 'Anna Ek',
        challenge: 'Lokalbrist',
        tags: ['lokaler', 'bokning'],
        history: [{ date: TODAY, action: 'created', to: 'idea', by: 'Eva Lind' }],
      },
      body: 'En kalender för alla lokaler.\n',
    });
  });

  it('asks every question of the Sundsvall template, the challenge as a choice of the config', async () => {
    copyExample('sundsvall');
    const prompter = new ScriptedPrompter([
      { kind: 'input', message: /^Idéns namn$/, answer: 'Läxhjälp på bussen' },
      { kind: 'input', message: /^Idébärare/, answer: 'Omar Ali' },
      { kind: 'input', message: /^Enhet/, answer: 'Barn och utbildning' },
      {
        kind: 'select',
        message: /^Utmaning som idén svarar mot \(valfritt, Enter hoppar över\)$/,
        answer: 'landsbygd',
      },
      { kind: 'input', message: /^Taggar/, answer: '' },
      { kind: 'text', message: /^Beskriv idén/, answer: '' },
      // Enter takes the default: git's user.name.
      { kind: 'input', message: /^Vem registrerar idén\?$/, answer: '' },
    ]);
    const r = await runNew(opts({}), ctx(prompter));
    expect(prompter.remaining).toBe(0);
    // Each field's x-description is its question's help.
    expect(prompter.helps[1]).toBe('Personen som driver idén');
    expect(r.idea.path).toMatch(/^ideas\/01-ide\/sund-[0-9a-z]{6}-laxhjalp-pa-bussen\.md$/);
    expect(readIdea(r.idea.path)).toEqual({
      data: {
        id: r.idea.id,
        title: 'Läxhjälp på bussen',
        created: TODAY,
        carrier: 'Omar Ali',
        unit: 'Barn och utbildning',
        challenge: 'landsbygd',
        history: [{ date: TODAY, action: 'created', to: 'idea', by: GIT_USER }],
      },
      body: '',
    });
  });

  it('Enter at the challenge, as at every optional question, skips it: no challenge is written', async () => {
    copyExample('sundsvall');
    const prompter = new ScriptedPrompter([
      { kind: 'input', message: /^Idéns namn$/, answer: 'Läxhjälp på bussen' },
      { kind: 'input', message: /^Idébärare \(valfritt, Enter hoppar över\)$/, answer: '' },
      { kind: 'input', message: /^Enhet/, answer: '' },
      // Enter once took the first challenge, "Framtidens välfärd", and "(hoppa över)" was last.
      { kind: 'select', message: /^Utmaning som idén svarar mot \(valfritt, Enter hoppar över\)$/, answer: ENTER },
      { kind: 'input', message: /^Taggar/, answer: '' },
      { kind: 'text', message: /^Beskriv idén/, answer: '' },
      { kind: 'input', message: /^Vem registrerar idén\?$/, answer: '' },
    ]);
    const r = await runNew(opts({}), ctx(prompter));
    expect(prompter.remaining).toBe(0);
    const { data } = readIdea(r.idea.path);
    expect(data).not.toHaveProperty('challenge');
    expect(Object.keys(data)).toEqual(['id', 'title', 'created', 'history']);
  });

  it('asks only for the required answers that the flags left out', async () => {
    copyExample('skaraborg');
    const prompter = new ScriptedPrompter([
      { kind: 'select', message: /^Kommun$/, answer: 'Tibro' },
      { kind: 'select', message: /^Utmaning/, answer: 'aldre' },
    ]);
    const r = await runNew(opts({ title: 'Trygghetslarm' }), ctx(prompter));
    expect(prompter.remaining).toBe(0);
    expect(readIdea(r.idea.path).data).toMatchObject({
      title: 'Trygghetslarm',
      municipality: 'Tibro',
      challenge: 'aldre',
    });
  });

  it('writes nothing when a prompt is cancelled', async () => {
    copyExample('minimal');
    class CancellingPrompter extends ScriptedPrompter {
      override async input(q: InputQuestion): Promise<string> {
        if (this.remaining === 0) throw new IdeasError('CANCELLED', 'err.cancelled');
        return super.input(q);
      }
    }
    const script: ScriptedAnswer[] = [
      { kind: 'input', message: /^Idéns namn$/, answer: 'Avbruten idé' },
      { kind: 'input', message: /^Idébärare/, answer: 'Anna' },
    ];
    const prompter = new CancellingPrompter(script);
    const before = files();
    const e = await failure(runNew(opts({}), ctx(prompter)));
    expect(e.code).toBe('CANCELLED');
    // And says so: "Avbrutet." alone left one who had typed half an idea to wonder (found by a newcomer).
    expect(e.hint?.sv).toBe('Inget sparades: filerna är som de var.');
    expect(prompter.asked).toEqual(['Idéns namn', 'Idébärare (valfritt, Enter hoppar över)']);
    expect(files()).toEqual(before);
  });
});
