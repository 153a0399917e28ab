/**
 * A move cut short: `ideas move` writes the new history entry into the file before renaming it into its new folder
 * (see src/io/idea-write.ts), so a process killed between the two leaves the idea whole in its old folder, its last
 * move saying it went from this stage to another. Running the same move again finishes it without a second entry.
 */
import { historyOf, type IdeaFields } from './idea.js';

/** The stage key the idea's last move leads to, when that move left from the stage whose folder it is still in. */
export function unfinishedMove(idea: IdeaFields): string | null {
  const history = historyOf(idea);
  const last = history.findLast((e) => typeof e.to === 'string');
  if (!last || last.action !== 'moved' || last.from !== idea.stage.key || last.to === idea.stage.key) return null;
  return last.to as string;
}
