/**
 * Regions for end-to-end tests: member registries made by `ideas init` and `ideas new` in temporary git
 * repositories, and a region repository whose ideas.region.yaml lists them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeRun, ideas, type RunResult } from './cli.js';
import { commitAll, copyRepo, makeTempRepo } from './temp-repo.js';

export function runIn(cwd: string, args: string[], env: Record<string, string | undefined> = {}): RunResult {
  return ideas(['--lang', 'en', ...args], { cwd, env });
}

export function mustRunIn(cwd: string, args: string[], env: Record<string, string | undefined> = {}): RunResult {
  const r = runIn(cwd, args, env);
  if (r.code !== 0) throw new Error(`ideas ${args.join(' ')}: ${describeRun(r)}`);
  return r;
}

/** A new registry made a member: its id prefix `prefix`, its region's folder `region`, committed. */
function asMember(dir: string, prefix: string, region: string | undefined): string {
  const config = path.join(dir, 'ideas.config.yaml');
  let text = fs.readFileSync(config, 'utf8').replace(/^idPrefix:.*$/m, `idPrefix: ${prefix}`);
  if (region !== undefined) text += `region: ${region}\n`;
  fs.writeFileSync(config, text);
  commitAll(dir, 'registry');
  return dir;
}

/** The registry `minimalRegistryCopy` copies: one `ideas init` per test process. */
let minimalTemplate: string | undefined;

/**
 * What `ideas init --template minimal --no-ci` leaves in a new git repository (its files staged, no commit), as a
 * copy of one made once per test process: for the tests whose subject is not init.
 */
export function minimalRegistryCopy(): string {
  if (minimalTemplate === undefined || !fs.existsSync(minimalTemplate)) {
    minimalTemplate = makeTempRepo();
    mustRunIn(minimalTemplate, ['init', '--template', 'minimal', '--no-ci']);
  }
  return copyRepo(minimalTemplate);
}

/**
 * A minimal member registry with the id prefix `prefix`, committed on main; `region` names its region's folder. A
 * copy of one `ideas init` made once per test file (minimalRegistryCopy).
 */
export function memberRegistry(prefix: string, region?: string): string {
  return asMember(minimalRegistryCopy(), prefix, region);
}

/** A new idea by `ideas new`; its id. */
export function addIdea(dir: string, title: string, body = 'Text.', sets: string[] = []): string {
  const r = mustRunIn(dir, [
    'new',
    '--no-input',
    '--title',
    title,
    '--body',
    body,
    ...sets.flatMap((s) => ['--set', s]),
    '--json',
  ]);
  return (JSON.parse(r.stdout) as { idea: { id: string } }).idea.id;
}

export function writeRegionFile(
  dir: string,
  members: { id: string; name: string; url: string; extra?: string }[],
): void {
  const entries = members.map((m) => `  - id: ${m.id}\n    name: ${m.name}\n    url: ${m.url}\n${m.extra ?? ''}`);
  fs.writeFileSync(
    path.join(dir, 'ideas.region.yaml'),
    `schemaVersion: 1\nname: Skaraborg\nlanguages: [en]\nmembers:\n${entries.join('')}`,
  );
}

/** Every idea file of a registry, relative to its root, sorted. */
export function ideaFilesOf(dir: string): string[] {
  const out: string[] = [];
  for (const stage of fs.readdirSync(path.join(dir, 'ideas')))
    for (const f of fs.readdirSync(path.join(dir, 'ideas', stage)))
      if (f.endsWith('.md')) out.push(`ideas/${stage}/${f}`);
  return out.sort();
}
