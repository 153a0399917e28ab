import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, describeRun, ideas, parseJson } from '../helpers/cli.js';
import { ideaText, readConfig, stageDir, writeFile, type Lang } from '../helpers/registry.js';
import { commitWithHooks, copyRepo, git, makeTempDir, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

const FOREIGN = "#!/bin/sh\n# the team's own lint\nexit 0\n";

/** The repositories `repoWithRegistry` copies, made once per language and folder. */
const prepared = new Map<string, string>();

/**
 * A git repository with a registry (in `sub`, or at the top) committed, as a team has it before the hook: a copy of
 * one made once by `ideas init`, so that each test has its own.
 */
function repoWithRegistry(lang: Lang = 'en', sub = ''): { dir: string; registry: string } {
  const key = `${lang}/${sub}`;
  let source = prepared.get(key);
  if (source === undefined || !fs.existsSync(source)) {
    source = makeTempRepo();
    const r = ideas(['init', ...(sub === '' ? [] : [sub]), '--template', 'minimal', '--lang', lang, '--no-ci'], {
      cwd: source,
    });
    if (r.code !== 0) throw new Error(describeRun(r));
    git(['add', '-A'], source);
    git(['commit', '-q', '-m', 'The registry'], source);
    prepared.set(key, source);
  }
  const dir = copyRepo(source);
  return { dir, registry: sub === '' ? dir : path.join(dir, sub) };
}

/** `git commit` as a person runs it, hooks and all. */
const commit = (dir: string, env: NodeJS.ProcessEnv = {}) => commitWithHooks(dir, 'A change', env);

function head(dir: string): string {
  return git(['rev-parse', 'HEAD'], dir).trim();
}

/** Writes an idea into the registry's first stage and stages it. */
function stageIdea(dir: string, registry: string, name: string, fields: Record<string, string>): string {
  const config = readConfig(registry);
  const rel = path.join(path.relative(dir, registry), stageDir(config), name);
  writeFile(dir, rel, ideaText(fields, 'Text.\n'));
  git(['add', rel], dir);
  return rel;
}

const GOOD = { id: 'ide-4k7q2x', title: 'Lånecykel' };
const BROKEN = { id: 'ide-9tq2mh', title: '42' };

describe('ideas hook install: the pre-commit hook', () => {
  it('installs an executable POSIX sh hook, marked as ours, that refuses a commit with a broken idea and shows why', () => {
    const { dir, registry } = repoWithRegistry('en');
    const r = ideas(['hook', 'install'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    expect(r.stdout).toBe(`${hook}\n`);
    expect(r.stderr).toContain('Installed the pre-commit hook');
    expect(fs.statSync(hook).mode & 0o111).not.toBe(0);
    const text = fs.readFileSync(hook, 'utf8');
    expect(text.split('\n')[0]).toBe('#!/bin/sh');
    expect(text).toContain('# ideas-hook: pre-commit');
    expect(spawnSync('sh', ['-n', hook]).status, 'sh -n: the syntax').toBe(0);
    // shellcheck, where the machine has it, for POSIX sh rather than bash.
    const check = spawnSync('shellcheck', ['--shell=sh', hook], { encoding: 'utf8' });
    if (!check.error) expect(check.status, check.stdout).toBe(0);

    const before = head(dir);
    stageIdea(dir, registry, 'ide-9tq2mh-trasig.md', BROKEN);
    const refused = commit(dir);
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toContain(`${stageDir(readConfig(registry))}/ide-9tq2mh-trasig.md`);
    expect(refused.output).toMatch(/\[title\]: must be text/);
    expect(refused.output).toContain('nothing was committed');
    expect(head(dir)).toBe(before);
  });

  it('lets a good idea through, and a commit that stages nothing in the registry without starting the CLI', () => {
    const { dir, registry } = repoWithRegistry('sv');
    expect(ideas(['hook', 'install'], { cwd: dir }).stderr).toContain('Installerade pre-commit-kroken');
    stageIdea(dir, registry, 'ide-4k7q2x-lanecykel.md', GOOD);
    const good = commit(dir);
    expect(good.code, good.output).toBe(0);
    expect(git(['log', '-1', '--name-only', '--format='], dir).trim()).toBe('ideas/01-ide/ide-4k7q2x-lanecykel.md');

    // A broken config would make the CLI exit 2: a commit outside the registry passes, so the CLI never ran.
    fs.writeFileSync(path.join(registry, 'ideas.config.yaml'), 'stages: [\n');
    writeFile(dir, 'docs/notes.txt', 'notes\n');
    git(['add', 'docs/notes.txt'], dir);
    const outside = commit(dir);
    expect(outside.code, outside.output).toBe(0);
    expect(outside.output).toBe('');
  });

  it("speaks the registry's language when it refuses", () => {
    const { dir, registry } = repoWithRegistry('sv');
    ideas(['hook', 'install'], { cwd: dir });
    stageIdea(dir, registry, 'ide-9tq2mh-trasig.md', BROKEN);
    const refused = commit(dir);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('inget checkades in');
    expect(refused.output).toMatch(/ska vara text/);
  });

  it('checks a registry in a subfolder, with paths that need quoting', () => {
    const { dir, registry } = repoWithRegistry('en', "kommuner/it's here");
    expect(ideas(['-C', "kommuner/it's here", 'hook', 'install'], { cwd: dir }).code).toBe(0);
    const broken = stageIdea(dir, registry, 'ide-9tq2mh-trasig idé.md', BROKEN);
    const refused = commit(dir);
    expect(refused.code, refused.output).not.toBe(0);
    // relative to the registry, as validate says it
    expect(refused.output).toContain(`${stageDir(readConfig(registry))}/ide-9tq2mh-trasig idé.md`);
    expect(refused.output).toMatch(/\[title\]: must be text/);
    git(['rm', '-q', '--cached', broken], dir);
    stageIdea(dir, registry, 'ide-4k7q2x-lanecykel.md', GOOD);
    expect(commit(dir).code).toBe(0);
  });

  it('follows core.hooksPath', () => {
    const { dir, registry } = repoWithRegistry('en');
    git(['config', 'core.hooksPath', '.githooks'], dir);
    const r = ideas(['hook', 'install', '--json'], { cwd: dir });
    expect(parseJson(r)).toEqual({
      schemaVersion: 1,
      kind: 'hook-installed',
      registry: null,
      hook: path.join(dir, '.githooks', 'pre-commit'),
      status: 'installed',
      backup: null,
    });
    expect(fs.existsSync(path.join(dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    stageIdea(dir, registry, 'ide-9tq2mh-trasig.md', BROKEN);
    expect(commit(dir).code).not.toBe(0);
  });

  it('updates its own hook in place, without --force', () => {
    const { dir } = repoWithRegistry('en');
    ideas(['hook', 'install'], { cwd: dir });
    const again = ideas(['hook', 'install', '--json'], { cwd: dir });
    expect(again.code, describeRun(again)).toBe(0);
    expect(parseJson(again)).toMatchObject({ status: 'updated', backup: null });
  });

  it('keeps a hook that is not ours (exit 2) unless --force, which keeps it aside for uninstall to put back', () => {
    const { dir, registry } = repoWithRegistry('en');
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, FOREIGN, { mode: 0o755 });

    const kept = ideas(['hook', 'install'], { cwd: dir });
    expect(kept.code, describeRun(kept)).toBe(2);
    expect(kept.stdout).toBe('');
    expect(kept.stderr).toContain(hook);
    expect(kept.stderr).toContain('--force');
    expect(fs.readFileSync(hook, 'utf8')).toBe(FOREIGN);
    expect(parseJson(ideas(['hook', 'install', '--json'], { cwd: dir }))).toMatchObject({
      kind: 'error',
      error: { code: 'FILE_EXISTS' },
    });

    const forced = ideas(['hook', 'install', '--force', '--json'], { cwd: dir });
    expect(forced.code, describeRun(forced)).toBe(0);
    expect(parseJson(forced)).toMatchObject({ status: 'installed', backup: `${hook}.before-ideas` });
    expect(fs.readFileSync(`${hook}.before-ideas`, 'utf8')).toBe(FOREIGN);
    stageIdea(dir, registry, 'ide-9tq2mh-trasig.md', BROKEN);
    expect(commit(dir).code).not.toBe(0);

    const removed = ideas(['hook', 'uninstall'], { cwd: dir });
    expect(removed.code, describeRun(removed)).toBe(0);
    expect(removed.stderr).toContain('The earlier hook is back');
    expect(fs.readFileSync(hook, 'utf8')).toBe(FOREIGN);
    expect(fs.existsSync(`${hook}.before-ideas`)).toBe(false);
  });

  it('killed with --force after the foreign hook is set aside: it stays whole, and uninstall puts it back', () => {
    const { dir } = repoWithRegistry('en');
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, FOREIGN, { mode: 0o755 });
    const hooks = fs.readdirSync(path.dirname(hook)).sort();
    const killed = ideas(['hook', 'install', '--force'], { cwd: dir, env: { IDEAS_FAULT: 'kill:hook:set-aside' } });
    expect(killed.signal, describeRun(killed)).toBe('SIGKILL');
    expect(fs.existsSync(hook)).toBe(false);
    expect(fs.readFileSync(`${hook}.before-ideas`, 'utf8')).toBe(FOREIGN);

    // Installing again finds no hook and writes ours; the one set aside is not touched, and uninstall restores it.
    const again = ideas(['hook', 'install', '--force', '--json'], { cwd: dir });
    expect(again.code, describeRun(again)).toBe(0);
    expect(parseJson(again)).toMatchObject({ status: 'installed', backup: null });
    expect(fs.readFileSync(`${hook}.before-ideas`, 'utf8')).toBe(FOREIGN);
    const removed = ideas(['hook', 'uninstall', '--json'], { cwd: dir });
    expect(parseJson(removed)).toMatchObject({ status: 'removed', restored: hook });
    expect(fs.readFileSync(hook, 'utf8')).toBe(FOREIGN);
    expect(fs.readdirSync(path.dirname(hook)).sort()).toEqual(hooks);
  });

  it('failing with --force after the foreign hook is set aside: exit 2, and the foreign hook back in its place', () => {
    const { dir } = repoWithRegistry('en');
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, FOREIGN, { mode: 0o755 });
    const hooks = fs.readdirSync(path.dirname(hook)).sort();
    const failed = ideas(['hook', 'install', '--force'], { cwd: dir, env: { IDEAS_FAULT: 'hook:set-aside' } });
    expect(failed.code, describeRun(failed)).toBe(2);
    expect(failed.stderr).toContain('injected fault at hook:set-aside');
    expect(fs.readFileSync(hook, 'utf8')).toBe(FOREIGN);
    expect(fs.statSync(hook).mode & 0o777).toBe(0o755);
    expect(fs.readdirSync(path.dirname(hook)).sort()).toEqual(hooks);
  });

  it('uninstall removes only ours: a foreign hook is left alone, and no hook is no error', () => {
    const { dir } = repoWithRegistry('en');
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    ideas(['hook', 'install'], { cwd: dir });
    const removed = ideas(['hook', 'uninstall', '--json'], { cwd: dir });
    expect(parseJson(removed)).toEqual({
      schemaVersion: 1,
      kind: 'hook-uninstalled',
      registry: null,
      hook,
      status: 'removed',
      restored: null,
    });
    expect(fs.existsSync(hook)).toBe(false);

    const absent = ideas(['hook', 'uninstall'], { cwd: dir });
    expect(absent.code).toBe(0);
    expect(absent.stderr).toContain('No pre-commit hook from ideas');

    fs.writeFileSync(hook, FOREIGN, { mode: 0o755 });
    const foreign = ideas(['hook', 'uninstall'], { cwd: dir });
    expect(foreign.code, describeRun(foreign)).toBe(0);
    expect(foreign.stderr).toContain('does not come from ideas and was left alone');
    expect(fs.readFileSync(hook, 'utf8')).toBe(FOREIGN);
  });

  it('falls back to ideas on PATH when the recorded node or CLI is gone, and refuses when there is none', () => {
    const { dir, registry } = repoWithRegistry('en');
    ideas(['hook', 'install'], { cwd: dir });
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, fs.readFileSync(hook, 'utf8').replace(/^cli=.*$/m, "cli='/nowhere/bin/ideas.js'"));
    // A PATH with git and an `ideas` that notes its run, but no node and no npx.
    const bin = makeTempDir('ideas-path-');
    fs.symlinkSync(
      spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim(),
      path.join(bin, 'git'),
    );
    const ran = path.join(bin, 'ran');
    fs.writeFileSync(
      path.join(bin, 'ideas'),
      `#!/bin/sh\necho "$@" > '${ran}'\nexec '${process.execPath}' '${BIN}' "$@"\n`,
      { mode: 0o755 },
    );
    stageIdea(dir, registry, 'ide-9tq2mh-trasig.md', BROKEN);
    const viaPath = commit(dir, { PATH: bin });
    expect(viaPath.code, viaPath.output).not.toBe(0);
    expect(viaPath.output).toMatch(/\[title\]: must be text/);
    expect(fs.readFileSync(ran, 'utf8')).toBe('validate --registry . --staged --index-file .git/index\n');

    fs.rmSync(path.join(bin, 'ideas'));
    const none = commit(dir, { PATH: bin });
    expect(none.code).not.toBe(0);
    expect(none.output).toContain('cannot find the ideas command');
  });

  it('exits 2 outside a git repository, and without a registry', () => {
    const plain = makeTempDir();
    const init = ideas(['init', '--template', 'minimal', '--lang', 'en', '--no-ci'], { cwd: plain });
    expect(init.code).toBe(0);
    const r = ideas(['hook', 'install'], { cwd: plain });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('not in a git repository');
    expect(r.stderr).toContain('git init');
    expect(parseJson(ideas(['hook', 'uninstall', '--json'], { cwd: plain }))).toMatchObject({ error: { code: 'GIT' } });
    expect(ideas(['hook', 'install'], { cwd: makeTempRepo() }).code).toBe(2);
  });
});
