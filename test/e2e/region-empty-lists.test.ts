/**
 * Errors that name the choices there are (members, stages, `--by` fields) never show an empty list ("Members: ."):
 * a region with no members yet says so and how to add one; an empty list of stages or fields says none, and why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas } from '../helpers/cli.js';
import { memberRegistry, mustRunIn, runIn, writeRegionFile } from '../helpers/region.js';
import { makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

/** No list of any kind rendered empty: "Members: .", "The stages: .", "… --by: ." or a bare dash. */
function expectNoEmptyList(stderr: string): void {
  expect(stderr).not.toMatch(/: \.|: –/);
}

describe('a region with no members', () => {
  let empty: string;
  let member: string;

  beforeAll(() => {
    const parent = makeTempRepo();
    mustRunIn(parent, ['region', 'init', 'empty']);
    empty = path.join(parent, 'empty');
    member = memberRegistry('lidk', '../empty');
    fs.renameSync(member, path.join(parent, 'lidkoping'));
    member = path.join(parent, 'lidkoping');
  });

  it('says it has no members yet and how to add one, for --member of sync, list, report and export', () => {
    for (const args of [
      ['region', 'sync', '--member', 'x'],
      ['region', 'list', '--member', 'x'],
      ['region', 'report', '--member', 'x'],
      ['region', 'export', '--member', 'x'],
    ]) {
      const r = runIn(empty, args);
      expect(r.code, describeRun(r)).toBe(2);
      expect(r.stderr).toContain('The region has no member "x": it has no members yet.');
      expect(r.stderr).toContain(`Add a member under members: in ${path.join(empty, 'ideas.region.yaml')}`);
      expectNoEmptyList(r.stderr);
    }
    const sv = ideas(['--lang', 'sv', 'region', 'list', '--member', 'x'], { cwd: empty });
    expect(sv.code).toBe(2);
    expect(sv.stderr).toContain('Regionen har ingen medlem "x": den har inga medlemmar än.');
    expect(sv.stderr).toContain('Lägg till en medlem under members: i');
    expectNoEmptyList(sv.stderr);
  });

  it('says so to ideas adopt in a member registry that names it', () => {
    const r = runIn(member, ['adopt', 'nobody:lidk-aaaaaa']);
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('The region has no member "nobody": it has no members yet.');
    expect(r.stderr).toContain('Add a member under members: in');
    expectNoEmptyList(r.stderr);
  });
});

describe('a region whose members have not been synced', () => {
  let region: string;

  beforeAll(() => {
    region = makeTempRepo();
    writeRegionFile(region, [{ id: 'lidkoping', name: 'Lidköping', url: memberRegistry('lidk') }]);
  });

  it('says no stage and no field can be named yet, and why, rather than an empty list', () => {
    const stage = runIn(region, ['region', 'export', '--stage', 'done']);
    expect(stage.code, describeRun(stage)).toBe(2);
    expect(stage.stderr).toContain('No member has the stage "done". The stages: none, as no member has data from');
    expectNoEmptyList(stage.stderr);
    const by = runIn(region, ['region', 'report', '--by', 'tags']);
    expect(by.code, describeRun(by)).toBe(2);
    expect(by.stderr).toContain('The fields are: none, as no member has data from a sync yet');
    expectNoEmptyList(by.stderr);
    const sv = ideas(['--lang', 'sv', 'region', 'report', '--by', 'tags'], { cwd: region });
    expect(sv.stderr).toContain('Fälten är: inga, för ingen medlem har data från en synk än');
    // Named members still listed as before.
    const known = runIn(region, ['region', 'list', '--member', 'x']);
    expect(known.stderr).toContain('The region has no member "x". Members: lidkoping.');
  });
});
