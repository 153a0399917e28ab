/** examples/sundsvall in a git repository, with one more idea whose cells test CSV writing and reading. */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';
import { writeFile } from './registry.js';
import { git, makeTempRepo } from './temp-repo.js';

/** An idea whose cells test the CSV: quotes, the separator, a line break, a formula, a minus sign first. */
export const TRICKY = `---
id: sund-zzzzzz
title: 'Citat "så här"; och semikolon'
created: 2026-11-01
carrier: Lisa Ek
coach: Johan Ek
unit: '=HYPERLINK("http://x.invalid","klicka")'
challenge: klimat
tags: [a;b, '-minus']
team_gender: { women: 2, men: 1 }
history:
  - date: 2026-11-01
    action: created
    to: idea
    by: Lisa Ek
---

Rad ett
"rad två"; med semikolon
`;

/** The copy, committed; removed by removeTempDirs. */
export function plantedExample(): string {
  const dir = makeTempRepo();
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'sundsvall'), dir, { recursive: true });
  writeFile(dir, TRICKY_PATH, TRICKY);
  git(['add', '-A'], dir);
  git(['commit', '-qm', 'init'], dir);
  return dir;
}

export const TRICKY_PATH = 'ideas/01-ide/sund-zzzzzz-citat-sa-har.md';
