/**
 * The language of a region command's early words: help, usage errors and "No region here" come before the region's
 * file is read (or when there is none). As for a registry: --lang, then the region's first language in
 * ideas.region.yaml, found from the working directory, -C or IDEAS_REGISTRY, then the locale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideas } from '../helpers/cli.js';
import { makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

let swedish: string;
let english: string;
let outside: string;

function region(language: 'sv' | 'en'): string {
  const dir = makeTempRepo();
  fs.writeFileSync(
    path.join(dir, 'ideas.region.yaml'),
    `schemaVersion: 1\nname: Test\nlanguages: [${language}]\nmembers: []\n`,
  );
  return dir;
}

beforeAll(() => {
  swedish = region('sv');
  english = region('en');
  outside = makeTempDir();
});

const EN = { LANG: 'en_GB.UTF-8' };
const SV = { LANG: 'sv_SE.UTF-8' };

describe('the language of a region command before its file is read', () => {
  it("speaks the region's language over the locale, wherever the region is found from", () => {
    const inside = ideas(['region', 'report', '--format', 'xml'], { cwd: swedish, env: EN });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('Flaggan --format kan inte vara "xml"');
    const sub = path.join(swedish, 'deep');
    fs.mkdirSync(sub);
    expect(ideas(['region', 'report', '--since', 'x'], { cwd: sub, env: EN }).stderr).toContain('väntar sig ett datum');
    const byFlag = ideas(['-C', swedish, 'region', 'report', '--format', 'xml'], { cwd: outside, env: EN });
    expect(byFlag.stderr).toContain('Flaggan --format');
    const byEnv = ideas(['region', 'report', '--format', 'xml'], {
      cwd: outside,
      env: { ...EN, IDEAS_REGISTRY: swedish },
    });
    expect(byEnv.stderr).toContain('Flaggan --format');
    // Help too, by either road.
    expect(ideas(['region', '--help'], { cwd: swedish, env: EN }).stdout).toContain('Användning: ideas region');
    expect(ideas(['help', 'region'], { cwd: swedish, env: EN }).stdout).toContain('Användning: ideas region');
    // An English region in a Swedish locale.
    expect(ideas(['region', 'report', '--format', 'xml'], { cwd: english, env: SV }).stderr).toContain(
      'The option --format cannot be',
    );
  });

  it('lets --lang decide over the region', () => {
    const r = ideas(['--lang', 'en', 'region', 'report', '--format', 'xml'], { cwd: swedish, env: SV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The option --format cannot be');
    expect(ideas(['region', 'list', '--lang=en', '--member', 'x'], { cwd: swedish, env: SV }).stderr).toContain(
      'has no member "x"',
    );
  });

  it("says there is no region here in the locale's language", () => {
    const sv = ideas(['region', 'list'], { cwd: outside, env: SV });
    expect(sv.code).toBe(2);
    expect(sv.stderr).toContain('Ingen region här');
    const en = ideas(['region', 'list'], { cwd: outside, env: EN });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('No region here');
  });

  it("says it in a registry's language, in a registry that is no region, whatever the locale", () => {
    const registry = makeTempDir();
    fs.writeFileSync(path.join(registry, 'ideas.config.yaml'), 'schemaVersion: 1\nname: Sluss\nlanguage: sv\n');
    const r = ideas(['region', 'list'], { cwd: registry, env: EN });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Ingen region här');
    expect(ideas(['region', 'sync', '--help'], { cwd: registry, env: EN }).stdout).toContain(
      'Användning: ideas region sync',
    );
  });
});
