/**
 * A region of sluices, end to end: member registries made by `ideas init` and `ideas new` in temporary git
 * repositories, fetched by `ideas region sync` through real git remotes (a path, file://), one of them broken and
 * one that disappears.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, ideas } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

function run(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  return ideas(['--lang', 'en', ...args], { cwd, env });
}

describe('ideas region init', () => {
  it('makes a region file in a new git repository, and refuses to make it twice', () => {
    const dir = makeTempDir();
    const r = run(['region', 'init', 'skaraborg', '--name', 'Skaraborg'], dir);
    expect(r.code, describeRun(r)).toBe(0);
    const root = path.join(dir, 'skaraborg');
    expect(fs.existsSync(path.join(root, '.git'))).toBe(true);
    expect(fs.readFileSync(path.join(root, 'ideas.region.yaml'), 'utf8')).toContain('name: "Skaraborg"');

    const again = run(['region', 'init', 'skaraborg'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('There is a region here already');
  });
});
