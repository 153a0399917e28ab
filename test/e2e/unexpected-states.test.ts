/**
 * The machine in a state nobody planned for: a full disk, a read-only folder, a site written over `/`, a file or
 * git's folder. Each is a clear message, in Swedish and English, with exit 2, never "unexpected error, report a bug",
 * and nothing is left half-written. A full disk and a read-only file system are made for real where this machine
 * lets the test (a tiny tmpfs, an immutable folder: root only), and always by a fault with that error code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, STACK_LINE, type RunResult } from '../helpers/cli.js';
import { copyToTemp, git, readTree, removeTempDirs } from '../helpers/temp-repo.js';
import { EXAMPLE, makeSluice as makeFreshSluice, removeSluices } from '../helpers/sluice.js';

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups.splice(0).reverse()) c();
  removeTempDirs();
  removeSluices();
});

let template: string | undefined;

/** The example registry, committed: a copy (its .git included) of one made once, for each test alone. */
function makeSluice(): string {
  template ??= makeFreshSluice();
  return copyToTemp(template);
}

const ID = 'sund-eev2bz';
const CSV = 'Titel\nEtt\nTvå\nTre\n';

/** Exit 2, one clear message (no stack, no "report a bug"), and the registry exactly as it was. */
function expectRefused(r: RunResult, message: RegExp): void {
  expect(r.code, describeRun(r)).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/oväntat fel|unexpected error|rapportera|report the problem/i);
}

function snapshot(root: string): { tree: Map<string, string>; index: string; status: string } {
  return {
    tree: readTree(root),
    index: git(['ls-files', '--stage'], root),
    status: git(['status', '--porcelain', '--ignored', '-uall'], root),
  };
}

describe('a full disk, a read-only file system, no permission (as fs reports them)', () => {
  const cases: { name: string; args: string[]; fault: string; sv: RegExp; en: RegExp }[] = [
    {
      name: 'move, the disk full as the text is written',
      args: ['move', ID, 'parked'],
      fault: 'errno:ENOSPC:write:temp-written',
      sv: /Disken är full: det finns inte plats att skriva .*\nFrigör utrymme/,
      en: /The disk is full: there is no room to write .*\nFree some space/,
    },
    {
      name: 'move, a read-only file system at the rename',
      args: ['move', ID, 'parked'],
      fault: 'errno:EROFS:move:renamed',
      sv: /ligger på ett skrivskyddat filsystem/,
      en: /is on a read-only file system/,
    },
    {
      name: 'decide in place, no permission',
      args: ['decide', ID, '--decision', 'return', '--reason', 'Mer underlag'],
      fault: 'errno:EACCES:rewrite:written',
      sv: /Du har inte behörighet att ändra/,
      en: /You do not have permission to change/,
    },
    {
      name: 'import, the disk full at the second file',
      args: ['import', 'rader.csv', '--stage', 'idea'],
      fault: 'errno:ENOSPC:import:temp-written@2',
      sv: /Disken är full/,
      en: /The disk is full/,
    },
    {
      name: 'new, the quota used up',
      args: ['new', '--no-input', '--title', 'Ny'],
      fault: 'errno:EDQUOT:write:temp-written',
      sv: /Disken är full/,
      en: /The disk is full/,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: exit 2, a clear message in both languages, nothing changed`, () => {
      const root = makeSluice();
      writeFileSync(path.join(root, 'rader.csv'), CSV);
      const before = snapshot(root);
      for (const [lang, message] of [
        ['sv', c.sv],
        ['en', c.en],
      ] as const) {
        const r = ideas([...c.args, '--lang', lang], { cwd: root, env: { IDEAS_FAULT: c.fault } });
        expectRefused(r, message);
        expect(snapshot(root)).toEqual(before);
      }
      const json = ideas([...c.args, '--json'], { cwd: root, env: { IDEAS_FAULT: c.fault } });
      if (!c.args.includes('import')) expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'IO' } });
    });
  }
});

function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(tmpdir(), 'ideas-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe('for real', () => {
  it.skipIf(!canMount())('a disk that is really full: move and import refuse clearly, nothing half-written', () => {
    const mount = mkdtempSync(path.join(tmpdir(), 'ideas-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]);
    cleanups.push(() => {
      execFileSync('umount', ['-l', mount]);
      rmSync(mount, { recursive: true, force: true });
    });
    const root = path.join(mount, 'sluss');
    execFileSync('cp', ['-r', EXAMPLE, root]);
    git(['init', '--quiet', '-b', 'main'], root);
    git(['config', 'user.name', 'Testare'], root);
    git(['config', 'user.email', 'testare@example.invalid'], root);
    git(['add', '-A'], root);
    git(['commit', '--quiet', '-m', 'init'], root);
    writeFileSync(path.join(root, 'rader.csv'), CSV);
    // The scratch folder exists (a command has run); then the disk is filled to the last block.
    expect(ideas(['new', '--no-input', '--title', 'Innan'], { cwd: root }).code).toBe(0);
    git(['commit', '--quiet', '-m', 'innan'], root);
    const before = snapshot(root);
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${path.join(mount, 'fill')}`, 'bs=4k'], { stdio: 'ignore' });
    } catch {
      // dd stops when the disk is full: that is the point.
    }
    for (const args of [
      ['move', ID, 'parked'],
      ['import', 'rader.csv', '--stage', 'idea'],
    ]) {
      const r = ideas(args, { cwd: root });
      expectRefused(r, /Disken är full|git misslyckades/);
      expect(readTree(root)).toEqual(before.tree);
      expect(git(['ls-files', '--stage'], root)).toBe(before.index);
      expect(readdirSync(path.join(root, '.git', 'ideas-tmp'))).toEqual([]);
    }
  });

  it.skipIf(process.platform !== 'linux' || process.getuid?.() !== 0)(
    'a stage folder that cannot be written (immutable even for root): move refuses clearly, the idea stays whole',
    () => {
      const root = makeSluice();
      const folder = path.join(root, 'ideas', '90-parkerad');
      try {
        execFileSync('chattr', ['+i', folder], { stdio: 'ignore' });
      } catch {
        return; // this file system has no immutable flag
      }
      cleanups.push(() => execFileSync('chattr', ['-i', folder]));
      const before = snapshot(root);
      const r = ideas(['move', ID, 'parked'], { cwd: root });
      expectRefused(r, /Du har inte behörighet att ändra .*90-parkerad/);
      expect(snapshot(root)).toEqual(before);
    },
  );
});

describe('ideas site --out where no site belongs', () => {
  it(
    'refuses the root of the file system, the registry, git’s folder and a file, changing nothing',
    { timeout: 120_000 },
    () => {
      const root = makeSluice();
      writeFileSync(path.join(root, 'fil.txt'), 'text\n');
      const before = snapshot(root);
      for (const [out, sv, en] of [
        ['/', /roten av ett filsystem/, /root of a file system/],
        ['.', /innehåller idéslussen/, /holds the registry/],
        ['..', /innehåller idéslussen/, /holds the registry/],
        ['.git', /ligger i git-mappen/, /inside the git folder/],
        ['.git/site', /ligger i git-mappen/, /inside the git folder/],
        ['ideas/01-ide/webb', /bland idéernas stegmappar/, /among the stage folders/],
        ['ideas', /bland idéernas stegmappar/, /among the stage folders/],
        ['fil.txt', /finns men är ingen mapp/, /exists but is not a folder/],
      ] as const) {
        expectRefused(ideas(['site', '--out', out], { cwd: root }), sv);
        expectRefused(ideas(['site', '--out', out, '--lang', 'en'], { cwd: root }), en);
      }
      expect(snapshot(root)).toEqual(before);
      expect(existsSync(path.join(root, '.git', 'site'))).toBe(false);
      expect(existsSync(path.join(root, 'ideas', '01-ide', 'webb'))).toBe(false);
    },
  );

  it('a folder that cannot be made: a clear message', () => {
    const root = makeSluice();
    mkdirSync(path.join(root, 'ut'));
    writeFileSync(path.join(root, 'ut', 'fil'), '');
    expectRefused(ideas(['site', '--out', 'ut/fil/site'], { cwd: root }), /är en fil, men här behövs en mapp/);
  });
});

describe('a file the program must read, and cannot', () => {
  it("says why in the registry's language, without Node's English or the machine's path", () => {
    const root = makeSluice();
    const criteria = path.join(root, 'criteria', 'refinement.schema.json');
    rmSync(criteria);
    mkdirSync(criteria);
    expectRefused(
      ideas(['validate'], { cwd: root }),
      /^ideas: Kriteriefilen criteria\/refinement\.schema\.json för steget Förädling är inget giltigt JSON Schema: det är ingen fil/m,
    );
    rmSync(criteria, { recursive: true });
    // A link to itself: refused as a link, before the system is asked to read it (ELOOP).
    symlinkSync('refinement.schema.json', criteria);
    expectRefused(
      ideas(['validate', '--lang', 'en'], { cwd: root }),
      /^ideas: The criteria file criteria\/refinement\.schema\.json of stage Refinement is read through a symbolic link \(criteria\/refinement\.schema\.json → refinement\.schema\.json\);/m,
    );
    rmSync(criteria);
    expectRefused(
      ideas(['validate'], { cwd: root }),
      /Kriteriefilen criteria\/refinement\.schema\.json för steget Förädling finns inte/,
    );
  });

  it('a config that is a folder: the reason in words, in both languages', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ideas-config-dir-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(path.join(root, 'ideas.config.yaml'));
    for (const [lang, words] of [
      ['sv', /Kunde inte läsa .*ideas\.config\.yaml: det är en mapp, inte en fil\n/],
      ['en', /Could not read .*ideas\.config\.yaml: it is a folder, not a file\n/],
    ] as const) {
      const r = ideas(['list', '--lang', lang], { cwd: root });
      expectRefused(r, words);
      expect(r.stderr).not.toMatch(/EISDIR|illegal operation/);
    }
  });
});
