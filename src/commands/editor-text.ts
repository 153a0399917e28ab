/**
 * An idea's text written in the user's own editor, for `ideas new` and `ideas edit`. What was answered before the
 * editor opened is never lost to it: when the editor fails (a typo in $EDITOR, an editor that quits with an error),
 * the user chooses to try again, to type the text here instead, or to go on with the text as it was; and an editor
 * that saves an empty text where there was one is asked about before the text is emptied.
 */
import { isIdeasError } from '../core/errors.js';
import { t, type Lang } from '../core/i18n/i18n.js';
import { editInEditor } from '../io/editor.js';
import type { Prompter } from '../ui/prompter.js';

const AGAIN = 'again';
const HERE = 'here';
const KEEP = 'keep';

/** The text as the user leaves it: from the editor, typed here after an editor failed, or `current` unchanged. */
export async function textInEditor(
  editor: string,
  current: string,
  prompter: Prompter,
  lang: Lang,
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  for (;;) {
    let written: string;
    try {
      written = await editInEditor(editor, current, root, env);
    } catch (e) {
      if (!isIdeasError(e) || e.code !== 'USAGE') throw e;
      const next = await prompter.select({
        message: `${e.messageIn(lang)} ${t(lang, 'prompt.editorWhatNow')}`,
        choices: [
          { value: AGAIN, name: t(lang, 'prompt.editorAgain') },
          { value: HERE, name: t(lang, 'prompt.editorHere') },
          { value: KEEP, name: t(lang, current.trim() === '' ? 'prompt.editorWithout' : 'prompt.editorKeep') },
        ],
        default: HERE,
      });
      if (next === AGAIN) continue;
      if (next === KEEP) return current;
      return prompter.text({ message: t(lang, 'prompt.editBodyInline'), default: current });
    }
    if (written.trim() === '' && current.trim() !== '') {
      const empty = await prompter.confirm({ message: t(lang, 'prompt.editorEmptied'), default: false });
      if (!empty) return current;
    }
    return written;
  }
}
