/**
 * The one way the tests expect a typed error: the IdeasError (or, named, another class of error the code throws: an
 * EditError, a YamlProblem) a call throws or a promise rejects with. Anything else thrown fails the test as it is,
 * and a call that succeeds fails it with a message saying so.
 */
import { IdeasError } from '../../src/core/errors.js';

/** A class of error: its instances are what a test expects. */
type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/** The IdeasError `fn` throws, or the error of class `type`. */
export function thrown(fn: () => unknown): IdeasError;
export function thrown<E extends Error>(fn: () => unknown, type: ErrorClass<E>): E;
export function thrown(fn: () => unknown, type: ErrorClass<Error> = IdeasError): Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected ${article(type.name)}, but the call succeeded`);
}

/** The IdeasError `p` rejects with, or the error of class `type`. */
export function failure(p: Promise<unknown>): Promise<IdeasError>;
export function failure<E extends Error>(p: Promise<unknown>, type: ErrorClass<E>): Promise<E>;
export async function failure(p: Promise<unknown>, type: ErrorClass<Error> = IdeasError): Promise<Error> {
  try {
    await p;
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected ${article(type.name)}, but the command succeeded`);
}

/** "an IdeasError", "a YamlProblem": the name of the class expected, for the message of a call that succeeded. */
function article(name: string): string {
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}
