import { describe, expect, it } from 'vitest';
import type { OutputStream } from '../context.js';
import { colorFor, colorLevel } from './color.js';

const tty: OutputStream = { write: () => true, isTTY: true };
const pipe: OutputStream = { write: () => true, isTTY: false };
const plain: OutputStream = { write: () => true };

describe('colorLevel', () => {
  it.each<[string, OutputStream, NodeJS.ProcessEnv, number]>([
    ['NO_COLOR on a terminal', tty, { NO_COLOR: '1' }, 0],
    ['NO_COLOR over FORCE_COLOR', tty, { NO_COLOR: '1', FORCE_COLOR: '3' }, 0],
    ['an empty NO_COLOR is not set', tty, { NO_COLOR: '' }, 1],
    ['FORCE_COLOR=0 on a terminal', tty, { FORCE_COLOR: '0' }, 0],
    ['FORCE_COLOR=false on a terminal', tty, { FORCE_COLOR: 'false' }, 0],
    ['FORCE_COLOR=1 into a pipe', pipe, { FORCE_COLOR: '1' }, 1],
    ['FORCE_COLOR=true into a pipe', pipe, { FORCE_COLOR: 'true' }, 1],
    ['an empty FORCE_COLOR into a pipe', pipe, { FORCE_COLOR: '' }, 1],
    ['FORCE_COLOR=2 into a pipe', pipe, { FORCE_COLOR: '2' }, 2],
    ['FORCE_COLOR=3 into a pipe', pipe, { FORCE_COLOR: '3' }, 3],
    ['FORCE_COLOR=1 with TERM=dumb', tty, { FORCE_COLOR: '1', TERM: 'dumb' }, 1],
    ['a terminal', tty, {}, 1],
    ['a terminal with 256 colours', tty, { TERM: 'xterm-256color' }, 2],
    ['a terminal with true colour', tty, { COLORTERM: 'truecolor', TERM: 'xterm-256color' }, 3],
    ['a pipe', pipe, {}, 0],
    ['a stream that does not say', plain, {}, 0],
    ['a pipe, even with a colour terminal type', pipe, { TERM: 'xterm-256color', COLORTERM: 'truecolor' }, 0],
    ['TERM=dumb on a terminal', tty, { TERM: 'dumb' }, 0],
  ])('%s gives %i', (_name, stream, env, level) => {
    expect(colorLevel(stream, env)).toBe(level);
  });

  it('colorFor makes a chalk instance of that level', () => {
    expect(colorFor(pipe, {}).red('x')).toBe('x');
    expect(colorFor(tty, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(colorFor(pipe, { FORCE_COLOR: '1' }).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
