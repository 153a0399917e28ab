/**
 * The one way the tests expect a typed error: the IdeasError a call throws or a promise rejects with. Anything else
 * thrown fails the test as it is, and a call that succeeds fails it with a message saying so.
 */
import { IdeasError } from '../../src/core/errors.js';

/** The IdeasError `fn` throws. */
export function thrown(fn: () => unknown): IdeasError {
  try {
    fn();
  } catch (e) {
    if (e instanceof IdeasError) return e;
    throw e;
  }
  throw new Error('expected an IdeasError, but the call succeeded');
}

/** The IdeasError `p` rejects with. */
export async function failure(p: Promise<unknown>): Promise<IdeasError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IdeasError) return e;
    throw e;
  }
  throw new Error('expected an IdeasError, but the command succeeded');
}
