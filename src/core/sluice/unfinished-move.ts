/**
 * A move cut short: `ideas move` writes the new history entry into the file before renaming it into its new folder
 * (see src/io/idea-write.ts), so a process killed between the two leaves the idea whole in its old folder, its last
 * move saying it went from this stage to another. Running the same move again finishes it without a second entry.
 *
 * And the other way round, a move made by hand: the file put into another stage's folder (a file manager, a web
 * UI's rename) with no entry for it. `ideas move` into the folder's stage writes the entry, through the gate as any
 * move, and leaves the file where it is.
 *
 * The file alone cannot tell the two apart when the hand moved it back to the stage its last move left (Parkerad to
 * Idé): its last entry leads from its folder's stage to another, as a move cut short does. Git can: a move cut short
 * never reached its new folder, while this one was committed there. `committedThere` says so (io asks git), and the
 * file is then taken as moved by hand.
 */
import { historyOf, type IdeaFields } from './idea.js';
import type { Stage } from './config.js';

/** What git says of an idea's file, which the file alone cannot (see above). */
export interface MoveFacts {
  /** The last commit holds the file in the folder of the stage its last move leads to. */
  committedThere?: boolean;
}

/** The stage key the idea's last move leads to, when that move left from the stage whose folder it is still in. */
export function unfinishedMove(idea: IdeaFields, facts: MoveFacts = {}): string | null {
  if (facts.committedThere === true) return null;
  const history = historyOf(idea);
  const last = history.findLast((e) => typeof e.to === 'string');
  if (!last || last.action !== 'moved' || last.from !== idea.stage.key || last.to === idea.stage.key) return null;
  return last.to as string;
}

/**
 * The stage key the idea's history leaves it in, when its file stands in another stage's folder with no entry for
 * that move (and no move was cut short): the stage it was moved from by hand.
 */
export function movedByHand(idea: IdeaFields, facts: MoveFacts = {}): string | null {
  if (unfinishedMove(idea, facts) !== null) return null;
  const last = historyOf(idea).findLast((e) => typeof e.to === 'string');
  if (!last || last.to === idea.stage.key) return null;
  return last.to as string;
}

/**
 * The idea as its history places it: in the stage it was moved from by hand (movedByHand), so that the move into
 * its folder's stage, which writes that move, is planned from there; as it is otherwise.
 */
export function whereHistorySays<T extends IdeaFields>(idea: T, stages: readonly Stage[], facts: MoveFacts = {}): T {
  const from = movedByHand(idea, facts);
  const stage = from !== null ? stages.find((s) => s.key === from) : undefined;
  return stage ? { ...idea, stage } : idea;
}
