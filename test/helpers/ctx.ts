/** The context a test gives a command it calls in process (src/context.ts): output let go, no question, a fixed day. */
import type { Ctx } from '../../src/context.js';
import { ScriptedPrompter } from '../../src/ui/prompter.js';

/** A command's context in `cwd`, at a terminal, on 2026-11-23 at noon; `over` changes any part of it. */
export function testCtx(cwd: string, over: Partial<Ctx> = {}): Ctx {
  return {
    cwd,
    env: {},
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdinIsTTY: true,
    prompter: () => Promise.resolve(new ScriptedPrompter([])),
    clock: () => new Date('2026-11-23T12:00:00Z'),
    ...over,
  };
}
