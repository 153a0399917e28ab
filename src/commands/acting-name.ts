import { gitUserName } from '../io/git.js';
import type { Registry } from '../io/registry.js';

/**
 * Who a history entry names as having done it: `--by` as given, else the name git knows the user by (`user.name`),
 * as `ideas new` records it. Without either the entry names nobody: a missing git identity never stops the work.
 */
export async function actingName(by: string | undefined, registry: Registry): Promise<string | undefined> {
  if (by !== undefined) return by;
  return (await gitUserName(registry.root)) ?? undefined;
}
