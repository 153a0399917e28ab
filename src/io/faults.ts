/**
 * Test hooks for the promise that a failure at any step leaves every idea whole in exactly one place.
 * `IDEAS_FAULT=<step>` makes the step fail with an error; `IDEAS_FAULT=kill:<step>` kills the process there with
 * SIGKILL, as `kill -9` or a power cut would, with no chance to clean up.
 */
export function faultPoint(step: string, env: NodeJS.ProcessEnv = process.env): void {
  const fault = env.IDEAS_FAULT;
  if (!fault) return;
  if (fault === step) throw new Error(`injected fault at ${step}`);
  if (fault === `kill:${step}`) process.kill(process.pid, 'SIGKILL');
}
