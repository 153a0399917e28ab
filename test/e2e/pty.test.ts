/**
 * `ideas new` in a real terminal: tmux gives the command a pseudo-terminal, we type into it with send-keys and read
 * the screen with capture-pane, waiting for each question rather than sleeping.
 */
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HAS_TMUX, Terminal } from '../helpers/terminal.js';
import {
  initRegistry,
  markdownFiles,
  onlyIdeaFile,
  readConfig,
  readIdeaFile,
  stageDir,
  type Lang,
} from '../helpers/registry.js';
import { removeTempDirs, stagedFiles } from '../helpers/temp-repo.js';

let terminal: Terminal | null = null;
function open(cwd: string, args: string[]): Terminal {
  terminal = new Terminal(cwd, args);
  return terminal;
}

afterEach(() => {
  terminal?.kill();
  terminal = null;
});
afterAll(removeTempDirs);

function registry(lang: Lang): string {
  return initRegistry('minimal', lang);
}

/** Skipped only where tmux is not installed. */
const ptyIt = it.skipIf(!HAS_TMUX);

describe('ideas new in a terminal (tmux)', () => {
  ptyIt(
    'asks for the title, the optional fields and the text, then writes and stages the idea',
    { timeout: 90_000 },
    async () => {
      const dir = registry('en');
      const t = open(dir, ['new']);

      await t.waitFor(/^\? Name of the idea/m);
      // An empty title is refused and asked again.
      t.answer('');
      await t.waitFor(/must provide a value|answer is needed/i);
      expect(t.screen()).not.toMatch(/Idea carrier/);
      t.answer('Lånecyklar för personalen');
      await t.waitFor(/^\? Idea carrier \(optional, Enter skips\)/m);
      t.answer('Anna Berg');
      await t.waitFor(/^\? Unit or department/m);
      t.answer('');
      await t.waitFor(/^\? Challenge the idea answers/m);
      t.answer('Klimat');
      await t.waitFor(/^\? Tags .*comma-separated/m);
      t.answer('cykel, hälsa');
      await t.waitFor(/^\? Describe the idea briefly/m);
      // Without an editor, the text is typed line by line; two empty lines end it.
      await t.waitFor(/two empty lines in a row end it/);
      t.answer('Personalen lånar cyklar mellan arbetsplatserna.');
      t.answer('');
      t.answer('');
      // Answered, as the other questions are: a check mark, the question and the text's first line.
      await t.waitFor(/^✔ Describe the idea briefly[^\n]* Personalen lånar cyklar/m);
      // Who registers it: git's user.name of the repository is offered; Enter takes it.
      await t.waitFor(/^\? Who registers the idea\? \(E2E Test\)/m);
      t.answer('');

      expect(await t.exitCode(), t.screen()).toBe(0);
      const screen = t.screen();
      const rel = onlyIdeaFile(dir);
      const config = readConfig(dir);
      expect(rel).toMatch(
        new RegExp(`^${stageDir(config)}/${config.idPrefix}-[0-9a-z]{6}-lanecyklar-for-personalen\\.md$`),
      );
      expect(screen).toContain(rel);

      const { data, body } = readIdeaFile(dir, rel);
      expect(data).toMatchObject({
        title: 'Lånecyklar för personalen',
        carrier: 'Anna Berg',
        challenge: 'Klimat',
        tags: ['cykel', 'hälsa'],
      });
      expect(data).not.toHaveProperty('unit');
      expect(data.history).toEqual([{ date: data.created, action: 'created', to: 'idea', by: 'E2E Test' }]);
      expect(body.trim()).toBe('Personalen lånar cyklar mellan arbetsplatserna.');
      // Besides what `ideas init` staged: the registry's own files.
      expect(stagedFiles(dir).filter((f) => f.endsWith('.md'))).toEqual([rel]);
    },
  );

  ptyIt('Ctrl-C at the first question exits 130 and writes nothing', { timeout: 60_000 }, async () => {
    const dir = registry('en');
    const t = open(dir, ['new']);
    await t.waitFor(/^\? Name of the idea/m);
    t.press('C-c');
    expect(await t.exitCode(), t.screen()).toBe(130);
    expect(t.screen()).toMatch(/Cancelled/);
    expect(markdownFiles(path.join(dir, 'ideas'))).toEqual([]);
    expect(stagedFiles(dir).filter((f) => f.endsWith('.md'))).toEqual([]);
  });

  ptyIt('Ctrl-C half-way exits 130 and writes nothing', { timeout: 60_000 }, async () => {
    const dir = registry('en');
    const t = open(dir, ['new']);
    await t.waitFor(/^\? Name of the idea/m);
    t.answer('Half an idea');
    await t.waitFor(/^\? Idea carrier/m);
    t.press('C-c');
    expect(await t.exitCode(), t.screen()).toBe(130);
    expect(t.screen()).toMatch(/Cancelled\.\s+Nothing was saved: the files are as they were\./);
    expect(markdownFiles(path.join(dir, 'ideas'))).toEqual([]);
  });

  ptyIt('asks only for what the flags did not answer', { timeout: 60_000 }, async () => {
    const dir = initRegistry('skaraborg', 'en');
    const t = open(dir, ['new', '--title', 'Digital signering', '--set', 'municipality=Skövde']);
    // The challenge is a choice among the config's challenges; the first is selected with Enter.
    await t.waitFor(/^\? Challenge the idea answers/m);
    expect(t.screen()).not.toMatch(/Name of the idea|Municipality/);
    t.answer('');
    expect(await t.exitCode(), t.screen()).toBe(0);
    const { data } = readIdeaFile(dir, onlyIdeaFile(dir));
    expect(data).toMatchObject({
      title: 'Digital signering',
      municipality: 'Skövde',
      challenge: 'kompetensforsorjning',
    });
  });

  ptyIt(
    'Enter at an optional choice (the challenge) skips it, as at every optional question: nothing is written',
    { timeout: 90_000 },
    async () => {
      const dir = initRegistry('sundsvall', 'sv');
      const t = open(dir, ['new']);
      await t.waitFor(/^\? Idéns namn/m);
      t.answer('Läxhjälp på bussen');
      for (const question of [/^\? Idébärare \(valfritt, Enter hoppar över\)/m, /^\? Enhet/m]) {
        await t.waitFor(question);
        t.answer('');
      }
      // The skip first, and the cursor on it: "Framtidens välfärd" once took Enter.
      const challenge = await t.waitFor(/^\? Utmaning som idén svarar mot \(valfritt, Enter hoppar över\)/m);
      expect(challenge).toMatch(/^❯ \(hoppa över\)\s*\n {2}Framtidens välfärd/m);
      t.answer('');
      await t.waitFor(/^\? Taggar/m);
      t.answer('');
      await t.waitFor(/^\? Beskriv idén/m);
      t.answer('');
      await t.waitFor(/^\? Vem registrerar idén\?/m);
      t.answer('');
      expect(await t.exitCode(), t.screen()).toBe(0);
      const { data } = readIdeaFile(dir, onlyIdeaFile(dir));
      expect(data.title).toBe('Läxhjälp på bussen');
      expect(data).not.toHaveProperty('challenge');
      expect(Object.keys(data)).toEqual(['id', 'title', 'created', 'history']);
    },
  );

  ptyIt(
    'a Swedish registry asks in Swedish, and says so when the title is left empty',
    { timeout: 60_000 },
    async () => {
      const dir = registry('sv');
      const t = open(dir, ['new']);
      await t.waitFor(/^\? Idéns namn/m);
      t.answer('');
      const screen = await t.waitFor(/^> .+/m);
      expect(screen).not.toMatch(/You must provide a value/);
      expect(screen).toMatch(/Ett svar behövs/);
    },
  );
});
