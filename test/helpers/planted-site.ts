/** examples/sundsvall with one more idea that tries to run a script in a reader's browser and holds personal data. */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';
import { writeFile } from './registry.js';
import { makeTempDir } from './temp-repo.js';

/** Values that must never reach a public site: the planted idea's and the example's own. */
export const PERSONAL_VALUES = [
  'Planterad Personsson',
  'Hemlig Coachsson',
  'Hemlig Beslutsson',
  'planted@example.invalid',
  'Anna Berg',
  'Johan Ek',
  'Idérådet',
];

export const PLANTED_ID = 'sund-xss000';
export const PLANTED_PATH = `ideas/01-ide/${PLANTED_ID}-planterad.md`;

/** Each attack sets window.__pwned or the title, or opens a dialog, if it ever runs. */
export const PLANTED = `---
id: ${PLANTED_ID}
title: '<script>window.__pwned = "title"; document.title = "pwned"</script>Planterad idé'
created: 2026-11-01
carrier: Planterad Personsson
coach: Hemlig Coachsson
contact: planted@example.invalid
unit: '"><img src=x onerror="window.__pwned = 1; alert(1)">'
challenge: klimat
tags: ['<b>fet</b>', 'x" onmouseover="alert(2)', matsvinn]
history:
  - date: 2026-11-01
    action: created
    to: idea
    by: Hemlig Beslutsson
  - date: 2026-11-02
    action: assigned
    field: coach
    new: Hemlig Coachsson
    by: Hemlig Beslutsson
---

# En rubrik i texten

<script>window.__pwned = "body"; document.title = "pwned"; alert(3)</script>

<img src=x onerror="window.__pwned = 'img'; alert(4)">

Länkar: [x](javascript:alert(1)), [y](JAVASCRIPT:alert(5)), [z](<java\tscript:alert(6)>), [d](data:text/html,<script>alert(7)</script>) och [säker](https://example.org/sida).

![spårpixel](https://tracker.example/pixel.png)
`;

/** The copy, in a temporary folder removed by removeTempDirs. */
export function plantedSiteRegistry(): string {
  const dir = makeTempDir('ideas-site-');
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'sundsvall'), dir, { recursive: true });
  writeFile(dir, PLANTED_PATH, PLANTED);
  return dir;
}
