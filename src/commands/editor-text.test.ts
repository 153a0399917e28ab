import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ScriptedPrompter } from '../ui/prompter.js';
import { textInEditor } from './editor-text.js';
import { makeTempRepo, removeTempDirs } from '../../test/helpers/temp-repo.js';

let root: string;
beforeEach(() => {
  root = makeTempRepo();
});
afterAll(() => removeTempDirs());

/** An editor: a script that does `body` to the file it is given ($1), run as the user's $EDITOR would be. */
function editor(name: string, body: string): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

const FAILED = /^Textredigeraren \(broken\) avslutades med ett fel: exit 3\. Inget ändrades\. Vad vill du göra\?$/;

describe('textInEditor', () => {
  it('takes the text the editor saves', async () => {
    const prompter = new ScriptedPrompter([]);
    const text = await textInEditor(editor('ed', 'printf "Ny text.\\n" > "$1"'), 'Gammal.\n', prompter, 'sv', root, {});
    expect(text).toBe('Ny text.\n');
    expect(prompter.remaining).toBe(0);
  });

  it('keeps the text when the editor fails and the user keeps it', async () => {
    const prompter = new ScriptedPrompter([{ kind: 'select', message: FAILED, answer: 'keep' }]);
    const text = await textInEditor(editor('broken', 'exit 3'), 'Gammal.\n', prompter, 'sv', root, {});
    expect(text).toBe('Gammal.\n');
    expect(prompter.remaining).toBe(0);
  });

  it('asks for the text here when the editor fails and the user wants to type it', async () => {
    const prompter = new ScriptedPrompter([
      { kind: 'select', message: FAILED, answer: 'here' },
      { kind: 'text', message: /^Texten$/, answer: 'Skrivet här.' },
    ]);
    const text = await textInEditor(editor('broken', 'exit 3'), '', prompter, 'sv', root, {});
    expect(text).toBe('Skrivet här.');
  });

  it('opens the editor again when asked, and takes what it then saves', async () => {
    // Fails the first time, writes the second.
    const mark = path.join(root, 'tried');
    const ed = editor(
      'broken',
      `if [ -e "${mark}" ]; then printf "Andra gången.\\n" > "$1"; else : > "${mark}"; exit 3; fi`,
    );
    const prompter = new ScriptedPrompter([{ kind: 'select', message: FAILED, answer: 'again' }]);
    expect(await textInEditor(ed, 'Gammal.\n', prompter, 'sv', root, {})).toBe('Andra gången.\n');
    expect(prompter.remaining).toBe(0);
  });

  it('asks before a text saved empty empties the idea, and keeps it on no', async () => {
    const ed = editor('ed', ': > "$1"');
    const no = new ScriptedPrompter([
      { kind: 'confirm', message: /^Texten sparades tom\. Ska idéns text tömmas\?$/, answer: false },
    ]);
    expect(await textInEditor(ed, 'Gammal.\n', no, 'sv', root, {})).toBe('Gammal.\n');
    const yes = new ScriptedPrompter([{ kind: 'confirm', answer: true }]);
    expect(await textInEditor(ed, 'Gammal.\n', yes, 'sv', root, {})).toBe('');
    // No text before: nothing to ask.
    expect(await textInEditor(ed, '', new ScriptedPrompter([]), 'sv', root, {})).toBe('');
  });

  it('speaks English in an English registry', async () => {
    const prompter = new ScriptedPrompter([
      {
        kind: 'select',
        message: /^The editor \(broken\) ended with an error: exit 3\. .*What do you want to do\?$/,
        answer: 'keep',
      },
    ]);
    expect(await textInEditor(editor('broken', 'exit 3'), '', prompter, 'en', root, {})).toBe('');
  });
});
