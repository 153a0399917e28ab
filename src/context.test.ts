import { describe, expect, it } from 'vitest';
import { isCI, noPromptReason, type Ctx } from './context.js';
import { ScriptedPrompter } from './ui/prompter.js';

function ctx(env: NodeJS.ProcessEnv, stdinIsTTY: boolean): Ctx {
  return {
    cwd: '/',
    env,
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdinIsTTY,
    prompter: async () => new ScriptedPrompter([]),
    clock: () => new Date('2026-11-23T12:00:00Z'),
  };
}

describe('isCI', () => {
  it.each<[NodeJS.ProcessEnv, boolean]>([
    [{}, false],
    [{ CI: '' }, false],
    [{ CI: '0' }, false],
    [{ CI: 'false' }, false],
    [{ CI: 'FALSE' }, false],
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'woodpecker' }, true],
  ])('%o is CI: %s', (env, expected) => {
    expect(isCI(env)).toBe(expected);
  });
});

describe('noPromptReason', () => {
  it.each<[string, NodeJS.ProcessEnv, boolean, boolean | undefined, string | null]>([
    ['a terminal', {}, true, undefined, null],
    ['--no-input first', { CI: 'true' }, false, false, 'why.noInput'],
    ['CI before the terminal', { CI: 'true' }, false, undefined, 'why.ci'],
    ['CI on a terminal', { CI: 'true' }, true, undefined, 'why.ci'],
    ['no terminal', {}, false, undefined, 'why.notTTY'],
    ['--input on a terminal', {}, true, true, null],
  ])('%s', (_name, env, tty, input, expected) => {
    expect(noPromptReason(ctx(env, tty), { input })).toBe(expected);
  });
});
