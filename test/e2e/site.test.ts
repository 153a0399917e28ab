import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, ideas, ideasAsync, parseJson, REPO_ROOT, STACK_LINE } from '../helpers/cli.js';
import { PERSONAL_VALUES, PLANTED_ID, PLANTED_PATH, plantedSiteRegistry } from '../helpers/planted-site.js';
import { copyToTemp, readTree, removeTempDirs } from '../helpers/temp-repo.js';

afterAll(removeTempDirs);

let dir: string;
let site: Map<string, string>;
beforeAll(() => {
  dir = plantedSiteRegistry();
  const r = ideas(['site'], { cwd: dir });
  expect(r.code, describeRun(r)).toBe(0);
  site = readTree(path.join(dir, 'site'));
});

const html = () => [...site].filter(([f]) => f.endsWith('.html'));

describe('ideas site', () => {
  it('writes site/ under the registry root: a board, a page of figures and a page per idea; prints the folder and the pages', () => {
    const r = ideas(['site'], { cwd: path.join(dir, 'ideas') });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toBe(`${path.join(dir, 'site')}\n`);
    expect(r.stderr).toContain('13 sidor');
    expect([...site.keys()].sort()).toEqual(
      expect.arrayContaining([
        '.ideas-site',
        '.nojekyll',
        'index.html',
        'stats.html',
        `ideas/${PLANTED_ID}.html`,
        'ideas/sund-avmpk4.html',
      ]),
    );
    expect(html()).toHaveLength(13);
  });

  it("is in the registry's language, links only relatively, and loads nothing from another host", () => {
    for (const [file, text] of html()) {
      expect(text, file).toMatch(/^<!doctype html>\n<html lang="sv">/);
      expect(text, file).toContain('http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;');
      // Only the links in idea text and the challenges' pages go to other hosts; nothing is loaded from one.
      expect(text, file).not.toMatch(/<(script|link|img|iframe|object|embed)[^>]*\s(src|href)=/i);
      // The site's own links are relative, so that it works under a GitHub Pages project path; idea text may link out.
      for (const m of text.matchAll(/href="([^"]*)"/g))
        expect(m[1], file).toMatch(/^(#main|(\.\.\/)?[a-z0-9-]+(\/[a-z0-9-]+)*\.html|https:\/\/[^/]+\/\S*)$/);
    }
  });

  it('never lets the planted markup out as markup: no script of its own, no event handler, no javascript: link', () => {
    const page = site.get(`ideas/${PLANTED_ID}.html`) ?? '';
    expect(page).toContain('&lt;script&gt;window.__pwned = &quot;body&quot;');
    expect(page).toContain('&lt;img src=x onerror=');
    expect(page).toContain('<a href="https://example.org/sida" rel="noopener noreferrer">säker</a>');
    expect(page).toContain('<a href="https://tracker.example/pixel.png" rel="noopener noreferrer">spårpixel</a>');
    for (const [file, text] of html()) {
      expect(text.match(/<script/g) ?? [], file).toHaveLength(file === 'index.html' ? 1 : 0);
      // An event handler attribute outside quoted values: escaped quotes keep the planted ones inside a value.
      expect(text.replace(/"[^"]*"/g, '""'), file).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(text, file).not.toMatch(/href="\s*(java|data|vbscript)/i);
    }
    const board = site.get('index.html') ?? '';
    expect(board).toContain('data-unit="&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned = 1; alert(1)&quot;&gt;"');
  });

  it('leaves out personal data, in every file; --include-personal keeps it and says so', () => {
    for (const [file, text] of site)
      for (const value of PERSONAL_VALUES) expect(text, `${file}: ${value}`).not.toContain(value);
    const page = site.get(`ideas/${PLANTED_ID}.html`) ?? '';
    expect(page).toContain('Idécoach ändrad');
    const internal = ideas(['site', '--out', 'intern', '--include-personal'], { cwd: dir });
    expect(internal.code, describeRun(internal)).toBe(0);
    expect(internal.stderr).toContain('personuppgifter');
    const text = fs.readFileSync(path.join(dir, 'intern', 'ideas', `${PLANTED_ID}.html`), 'utf8');
    for (const value of ['Planterad Personsson', 'Hemlig Coachsson', 'Hemlig Beslutsson', 'planted@example.invalid'])
      expect(text).toContain(value);
    expect(text).toContain('Intern version med personuppgifter');
  });

  // The checks' own words may name a key of the idea's: a key refused by `propertyNames`, an extra key in a public
  // mapping with `additionalProperties: false`. Such a key is no field any schema marks public.
  it("names no key of an idea's that no schema marks public, in a checklist's label or its problem", () => {
    const root = copyToTemp(path.join(REPO_ROOT, 'examples', 'sundsvall'));
    const file = path.join(root, 'criteria', 'refinement.schema.json');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> & {
      properties: Record<string, unknown>;
    };
    schema.propertyNames = { pattern: '^[a-z_]+$' };
    schema.properties.budget = {
      'x-public': true,
      type: 'object',
      properties: { total: { type: 'number' } },
      additionalProperties: false,
    };
    fs.writeFileSync(file, JSON.stringify(schema, null, 2));
    const idea = fs.readdirSync(path.join(root, 'ideas', '01-ide')).find((f) => f.endsWith('.md')) as string;
    const ideaFile = path.join(root, 'ideas', '01-ide', idea);
    fs.writeFileSync(
      ideaFile,
      fs
        .readFileSync(ideaFile, 'utf8')
        .replace(
          /^---\n/,
          '---\nAnna Berg 19800101-1234: ringer tillbaka\nbudget:\n  total: 5000\n  lon_bo_ek_19750505_4321: 30000\n',
        ),
    );
    const r = ideas(['site', '--out', 'public'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(0);
    const pages = [...readTree(path.join(root, 'public')).values()].join('\n');
    for (const secret of ['Anna Berg', '19800101', 'lon_bo_ek', '19750505']) expect(pages).not.toContain(secret);
    // The budget is shown without the key no schema marks public: its criterion is one of those not shown, since
    // whether it is met would tell of the part left out.
    expect(pages).toMatch(/\d+ krav gäller uppgifter som inte visas här\./);
  });

  // Found from outside: "✗ not met: the carrier's age" told a reader that the carrier is a minor.
  it('says nothing of a criterion on personal or aggregate-only data, not its name nor whether it is met', () => {
    const root = copyToTemp(path.join(REPO_ROOT, 'examples', 'sundsvall'));
    const file = path.join(root, 'criteria', 'idea.schema.json');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> & {
      properties: Record<string, unknown>;
    };
    schema.properties.carrier_age = {
      'x-personal': true,
      'x-title': { sv: 'Idébärarens ålder', en: "The carrier's age" },
      type: 'integer',
      minimum: 18,
    };
    schema.properties.team_other = { 'x-aggregate': true, 'x-title': { sv: 'Annat kön i teamet' }, maximum: 0 };
    fs.writeFileSync(file, JSON.stringify(schema, null, 2));
    const idea = fs.readdirSync(path.join(root, 'ideas', '01-ide')).find((f) => f.endsWith('.md')) as string;
    const ideaFile = path.join(root, 'ideas', '01-ide', idea);
    fs.writeFileSync(
      ideaFile,
      fs.readFileSync(ideaFile, 'utf8').replace(/^---\n/, '---\ncarrier_age: 16\nteam_other: 1\n'),
    );
    const r = ideas(['site', '--out', 'public'], { cwd: root });
    expect(r.code, describeRun(r)).toBe(0);
    const id = idea.split('-').slice(0, 2).join('-');
    const page = readTree(path.join(root, 'public')).get(`ideas/${id}.html`) ?? '';
    expect(page).toContain('2 krav gäller uppgifter som inte visas här.');
    for (const said of ['Idébärarens ålder', 'carrier_age', 'Annat kön', 'team_other', 'minst 18'])
      expect(page).not.toContain(said);
  });

  it('replaces its own earlier site, and refuses (exit 2, nothing changed) a folder with files it did not write', () => {
    const out = path.join(dir, 'own');
    expect(ideas(['site', '-o', out], { cwd: dir }).code).toBe(0);
    fs.writeFileSync(path.join(out, 'index.html'), 'stale');
    // A changed file of ours is no longer ours.
    let r = ideas(['site', '-o', out], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('index.html');
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('stale');

    fs.rmSync(out, { recursive: true });
    expect(ideas(['site', '-o', out], { cwd: dir }).code).toBe(0);
    r = ideas(['site', '-o', out], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);

    fs.writeFileSync(path.join(out, 'CNAME'), 'ideas.example.se\n');
    r = ideas(['site', '-o', out], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('CNAME');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(fs.existsSync(path.join(out, 'CNAME'))).toBe(true);

    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, 'handbok.md'), '# Handbok\n');
    r = ideas(['site', '--out', 'docs', '--lang', 'en'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('holds files that ideas site did not write');
    expect(fs.readdirSync(docs)).toEqual(['handbok.md']);

    // The registry itself is never taken for a site.
    r = ideas(['site', '--out', '.'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(2);
  });

  it('leaves the old site whole when the build fails or is killed at any step, and no temporary folder behind', () => {
    const out = path.join(dir, 'faulty');
    expect(ideas(['site', '-o', out], { cwd: dir }).code).toBe(0);
    const before = readTree(out);
    // Once every page is written, and at the third page (the two before it are in the temporary folder, which goes).
    for (const fault of ['site:written', 'errno:ENOSPC:site:page@3']) {
      const r = ideas(['site', '-o', out], { cwd: dir, env: { IDEAS_FAULT: fault } });
      expect(r.code, describeRun(r)).toBe(2);
      if (fault.startsWith('errno:ENOSPC')) expect(r.stderr).toContain('Disken är full');
      expect(readTree(out)).toEqual(before);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('.faulty'))).toEqual([]);
    }
    const killed = ideas(['site', '-o', out], { cwd: dir, env: { IDEAS_FAULT: 'kill:site:page@2' } });
    expect(killed.signal).toBe('SIGKILL');
    expect(readTree(out)).toEqual(before);
    // Killed between its two renames: no site at all for a moment, the old one aside.
    const swapping = ideas(['site', '-o', out], { cwd: dir, env: { IDEAS_FAULT: 'kill:site:swapping' } });
    expect(swapping.signal, describeRun(swapping)).toBe('SIGKILL');
    expect(fs.existsSync(out)).toBe(false);
    // Its own old site and new pages beside it; the folder the run killed before it left was cleared by this one.
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.faulty')).length).toBe(2);
    // The next run puts the old site back before it replaces it, and leaves none of the killed runs' folders (which
    // `git add -A` would have taken: they are not the ignored site/).
    const again = ideas(['site', '-o', out], { cwd: dir });
    expect(again.code, describeRun(again)).toBe(0);
    expect(readTree(out)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.faulty'))).toEqual([]);
  });

  it('puts the old site back when the only run that could is gone, even without building another', () => {
    const out = path.join(dir, 'swapped');
    expect(ideas(['site', '-o', out], { cwd: dir }).code).toBe(0);
    const before = readTree(out);
    const swapping = ideas(['site', '-o', out], { cwd: dir, env: { IDEAS_FAULT: 'kill:site:swapping' } });
    expect(swapping.signal, describeRun(swapping)).toBe('SIGKILL');
    // A run that fails before it writes anything still restores what the killed one set aside.
    const failing = ideas(['site', '-o', out], { cwd: dir, env: { IDEAS_FAULT: 'site:given' } });
    expect(failing.code, describeRun(failing)).toBe(2);
    expect(readTree(out)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.swapped'))).toEqual([]);
  });

  it('prints a JSON document with --json, and a usage error exits 2', () => {
    const r = ideas(['site', '--json', '--out', 'json-site'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(0);
    expect(parseJson(r)).toMatchObject({
      schemaVersion: 1,
      kind: 'site',
      out: path.join(dir, 'json-site'),
      pages: 13,
      includePersonal: false,
    });
    const bad = ideas(['site', '--outdir', 'x'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--outdir');
  });

  it('has help with examples in both languages', () => {
    const sv = ideas(['site', '--help'], { cwd: dir });
    expect(sv.code).toBe(0);
    expect(sv.stdout.replace(/\s+/g, ' ')).toContain('standard: site/ i idéslussens rot');
    expect(sv.stdout).toContain('Exempel:');
    const en = ideas(['site', '--help', '--lang', 'en'], { cwd: dir });
    expect(en.stdout.replace(/\s+/g, ' ')).toContain("default: site/ in the registry's root");
    expect(en.stdout).toContain('$ ideas site --out docs');
  });
});

describe('ideas site with its pages written on a thread (src/io/page-writer.ts)', () => {
  // IDEAS_WORKERS=1 starts the thread whatever the number of pages; 0 never starts it.
  const THREAD = { IDEAS_WORKERS: '1' };
  const ALONE = { IDEAS_WORKERS: '0' };
  const steps = (trace: string) =>
    fs.existsSync(trace)
      ? fs
          .readFileSync(trace, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(' ')[1])
      : [];
  const temps = (registry = dir) => fs.readdirSync(registry).filter((f) => /^\.threaded\..*\.tmp$/.test(f));
  /** The planted registry with `count` more ideas in its first stage, copies of the planted one, each given `text`. */
  const withCopies = (count: number, prefix: string, text = '') => {
    const registry = plantedSiteRegistry();
    const source = fs.readFileSync(path.join(registry, PLANTED_PATH), 'utf8');
    for (let k = 0; k < count; k++) {
      const id = `${prefix}${String(k).padStart(4, '0')}`;
      const idea = source.replaceAll(PLANTED_ID, id).replace(/\n---\n/, `\n---\n${text}`);
      fs.writeFileSync(path.join(registry, 'ideas', '01-ide', `${id}.md`), idea);
    }
    return registry;
  };

  it('writes the same site, byte for byte, as one thread does', () => {
    const traces = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-site-trace-'));
    const trace = path.join(traces, 'trace');
    const built: Map<string, string>[] = [];
    for (const env of [ALONE, THREAD]) {
      fs.rmSync(trace, { force: true });
      const out = path.join(dir, 'threaded');
      fs.rmSync(out, { recursive: true, force: true });
      const r = ideas(['site', '-o', out], { cwd: dir, env: { ...env, IDEAS_FAULT_TRACE: trace } });
      expect(r.code, describeRun(r)).toBe(0);
      built.push(readTree(out));
      // The thread passes its own step before each batch it writes: taken only when asked for.
      expect(steps(trace).includes('site:thread')).toBe(env === THREAD);
      expect(steps(trace).filter((s) => s === 'site:page')).toHaveLength(14);
    }
    fs.rmSync(traces, { recursive: true, force: true });
    expect(built[1]).toEqual(built[0]);
    expect(built[1]?.get('.ideas-site')).toBe(built[0]?.get('.ideas-site'));
  });

  it('a write that fails on the thread fails the build as on the main thread, and the old site stays whole', () => {
    const out = path.join(dir, 'threaded');
    expect(ideas(['site', '-o', out], { cwd: dir, env: THREAD }).code).toBe(0);
    const before = readTree(out);
    for (const fault of ['errno:ENOSPC:site:page@3', 'errno:EACCES:site:page@1', 'site:thread', 'site:given@5']) {
      const alone = ideas(['site', '-o', out], { cwd: dir, env: { ...ALONE, IDEAS_FAULT: fault } });
      const r = ideas(['site', '-o', out], { cwd: dir, env: { ...THREAD, IDEAS_FAULT: fault } });
      expect(r.code, `${fault}: ${describeRun(r)}`).toBe(2);
      // The same message: the thread's error is thrown as fs threw it (a fault injected on the thread itself aside).
      if (fault !== 'site:thread') expect(r.stderr, fault).toBe(alone.stderr);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(readTree(out), fault).toEqual(before);
      expect(temps(), fault).toEqual([]);
    }
    const killed = ideas(['site', '-o', out], { cwd: dir, env: { ...THREAD, IDEAS_FAULT: 'kill:site:page@2' } });
    expect(killed.signal, describeRun(killed)).toBe('SIGKILL');
    expect(readTree(out)).toEqual(before);
  });

  it('a build that fails while the thread has pages on their way stops it before the temporary folder goes', () => {
    // More pages than may be on their way at once (256): when the main thread fails at its 400th, the thread has
    // written some and has more to write. It also fails itself mid-way.
    const many = withCopies(400, 'sund-tr');
    const out = path.join(many, 'threaded');
    const built = ideas(['site', '-o', out], { cwd: many, env: THREAD });
    expect(built.code, describeRun(built)).toBe(0);
    expect(built.stderr).toContain('413 sidor');
    const before = readTree(out);
    const trace = path.join(many, 'trace.log');
    for (const fault of ['site:given@400', 'errno:ENOSPC:site:page@70', 'kill:site:page@70']) {
      fs.rmSync(trace, { force: true });
      const env = { ...THREAD, IDEAS_FAULT: fault, IDEAS_FAULT_TRACE: trace };
      const r = ideas(['site', '-o', out], { cwd: many, env });
      if (fault.startsWith('kill')) expect(r.signal, describeRun(r)).toBe('SIGKILL');
      else {
        expect(r.code, `${fault}: ${describeRun(r)}`).toBe(2);
        expect(temps(many), fault).toEqual([]);
        // No page is written once the folder is being removed: the thread was stopped, and waited for, before.
        const seen = steps(trace);
        expect(seen.filter((s) => s === 'site:page').length, fault).toBeGreaterThan(
          fault.startsWith('errno') ? 60 : 100,
        );
        expect(seen.slice(seen.indexOf('site:removing')), fault).toEqual(['site:removing']);
      }
      expect(readTree(out), fault).toEqual(before);
    }
  });

  it('a thread that stops answering fails the build, with words, and the old site stays whole', () => {
    const out = path.join(dir, 'threaded');
    expect(ideas(['site', '-o', out], { cwd: dir, env: THREAD }).code).toBe(0);
    const before = readTree(out);
    // A kill in an earlier test may have left its temporary folder: only this run's counts.
    const earlier = temps();
    const faults = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-site-pause-'));
    // The thread stops at its first batch and never goes on (no `go` file): after half a second without a page
    // written, the main thread gives up on it and removes the half-written folder.
    const r = ideas(['site', '-o', out], {
      cwd: dir,
      env: { ...THREAD, IDEAS_STALL_MS: '500', IDEAS_FAULT: 'pause:site:thread', IDEAS_FAULT_DIR: faults },
    });
    expect(fs.readdirSync(faults).some((f) => f.startsWith('paused-'))).toBe(true);
    fs.rmSync(faults, { recursive: true, force: true });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toContain('tråden som skriver sidorna har inte skrivit någon på en minut');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(readTree(out)).toEqual(before);
    expect(temps()).toEqual(earlier);
  });

  /**
   * `ideas site` into `threaded` in `registry`, its thread stopped at its first batch until `held` (handed the steps
   * passed so far) returns; the site it writes alone into `alone` beside it, to compare with.
   */
  async function siteWithThreadHeld(registry: string, held: (given: () => number) => Promise<void>) {
    const alone = path.join(registry, 'alone');
    expect(ideas(['site', '-o', alone], { cwd: registry, env: ALONE }).code).toBe(0);
    const faults = fs.mkdtempSync(path.join(os.tmpdir(), 'ideas-site-held-'));
    const trace = path.join(faults, 'trace');
    const out = path.join(registry, 'threaded');
    const env = { ...THREAD, IDEAS_FAULT: 'pause:site:thread@1', IDEAS_FAULT_DIR: faults, IDEAS_FAULT_TRACE: trace };
    const run = ideasAsync(['site', '-o', out], { cwd: registry, env, timeoutMs: 60_000 });
    while (!fs.readdirSync(faults).some((f) => f.startsWith('paused-'))) await sleep(10);
    await held(() => steps(trace).filter((s) => s === 'site:given').length);
    fs.writeFileSync(path.join(faults, 'go'), '');
    const r = await run;
    fs.rmSync(faults, { recursive: true, force: true });
    expect(r.code, describeRun(r)).toBe(0);
    return { site: readTree(out), alone: readTree(alone) };
  }

  it('makes the texts the thread has no time for on the main thread, and the site is the same', async () => {
    // 100 ideas with a table in their text. The thread stops at its first batch until told to go, so the pages pile
    // up: beyond 64 on their way, the main thread makes their texts itself (src/io/page-writer.ts).
    const table = '| Steg | Klart |\n| --- | --- |\n| Test | ja |\n\n';
    const { site, alone } = await siteWithThreadHeld(withCopies(100, 'sund-mk', table), async (given) => {
      while (given() < 100) await sleep(10);
    });
    expect(site).toEqual(alone);
    expect(site.get('ideas/sund-mk0099.html')).toContain('role="region" aria-label="Tabell, rullar i sidled"><table>');
  });

  it('holds back when the pages on their way hold too much text, and writes large pages as one thread does', async () => {
    // 20 ideas of 600,000 characters: more text than may be on its way at once (8,000,000 characters). The main
    // thread may hand over pages only until the text on its way reaches the limit, then waits.
    const paragraph = `${'Ett långt stycke om idén och hur den testas. '.repeat(40)}\n\n`;
    let handed = 0;
    const { site, alone } = await siteWithThreadHeld(
      withCopies(20, 'sund-lg', paragraph.repeat(330)),
      async (given) => {
        // Time for the main thread to run ahead, if it could.
        await sleep(1_500);
        handed = given();
      },
    );
    // 33 pages: 13 small, then 20 whose text is ~600,000 characters of Markdown, which travels to the thread as it
    // is written (a made piece); at most 14 of those fit under the limit.
    expect(handed).toBeGreaterThan(13);
    expect(handed).toBeLessThanOrEqual(13 + 14);
    expect(site).toEqual(alone);
  });
});
