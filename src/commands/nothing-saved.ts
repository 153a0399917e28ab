import { IdeasError } from '../core/errors.js';

/**
 * The questions of a command that writes nothing until every one is answered (new, edit, a move that fills its
 * gate): stopped with Ctrl-C among them, the command says that nothing was saved, where "Avbrutet." alone left a
 * coordinator who had typed half an idea to wonder what became of it.
 */
export async function askingFirst<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (e) {
    if (e instanceof IdeasError && e.code === 'CANCELLED' && e.hint === null)
      throw new IdeasError('CANCELLED', 'err.cancelled', {}, { hint: 'hint.nothingSaved' });
    throw e;
  }
}
