import { Chalk, type ChalkInstance } from 'chalk';
import type { OutputStream } from './output.js';

/**
 * One chalk instance per stream, whose level honours NO_COLOR (https://no-color.org), FORCE_COLOR and whether the
 * stream is a terminal. chalk 5 on its own ignores NO_COLOR.
 */
export function colorFor(stream: OutputStream, env: NodeJS.ProcessEnv): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env) });
}

export function colorLevel(stream: OutputStream, env: NodeJS.ProcessEnv): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force.toLowerCase() === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (/-256(color)?$/i.test(env.TERM ?? '')) return 2;
  return 1;
}
