/** A View as a presenter sees a pipe: no colours, 80 columns, no terminal; `today` as given. */
import { Chalk } from 'chalk';
import type { View } from '../../src/ui/output.js';

export function plainView(today: string): View {
  const c = new Chalk({ level: 0 });
  return { out: c, err: c, outWidth: 80, errWidth: 80, outIsTTY: false, today: new Date(today), cwd: '/' };
}
