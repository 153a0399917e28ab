/**
 * The region's site in a real browser, as `ideas site` is tested (site-browser.test.ts): axe-core finds no WCAG 2.1
 * A or AA violation on any page, and no page scrolls sideways at 320 CSS pixels (SC 1.4.10, Reflow), with long
 * titles, a long unbroken word and a long link to a member's own site. CI has no Chromium: these tests skip there.
 */
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeRun, ideas } from '../helpers/cli.js';
import {
  axe,
  axeSource,
  axeSummary,
  CHROMIUM,
  hasChromium,
  launchChromium,
  OVERFLOW,
  serve,
  type Overflow,
} from '../helpers/browser.js';
import { commitAll, makeTempRepo, removeTempDirs } from '../helpers/temp-repo.js';

if (!hasChromium)
  console.warn(`region-site-browser.test.ts: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`);

function mustRun(args: string[], cwd: string) {
  const r = ideas(['--lang', 'sv', ...args], { cwd });
  if (r.code !== 0) throw new Error(`ideas ${args.join(' ')}: ${describeRun(r)}`);
  return r;
}

function member(prefix: string, titles: string[]): string {
  const dir = makeTempRepo();
  mustRun(['init', '--template', 'minimal', '--no-ci'], dir);
  const config = path.join(dir, 'ideas.config.yaml');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^idPrefix:.*$/m, `idPrefix: ${prefix}`));
  for (const title of titles)
    mustRun(['new', '--no-input', '--title', title, '--body', `## Bakgrund\n\n${'Lång text. '.repeat(40)}`], dir);
  commitAll(dir, 'ideas');
  return dir;
}

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'ideas region site in a browser: axe and reflow at 320 and 1280 CSS pixels'
    : `ideas region site in a browser (skipped: ${CHROMIUM} is not installed; apt-get install chromium)`,
  () => {
    let browser: Browser;
    let server: http.Server;
    let origin: string;
    let source: string;
    let pages: string[];

    beforeAll(async () => {
      const a = member('lidk', [
        'Läsplattor för äldre på äldreboenden i hela kommunen, med stöd av biblioteket och anhörigföreningen',
        `Ett${'mycketlångtord'.repeat(8)}`,
      ]);
      const b = member('skov', ['Cykelparkering']);
      const region = makeTempRepo();
      fs.writeFileSync(
        path.join(region, 'ideas.region.yaml'),
        [
          'schemaVersion: 1',
          'name: Skaraborgs innovationssluss för femton kommuner',
          'languages: [sv]',
          'members:',
          '  - id: lidkoping',
          '    name: Lidköpings kommun',
          '    municipality: "1494"',
          `    url: ${a}`,
          `    site: https://lidkoping.example.org/${'en-lang-sokvag/'.repeat(6)}`,
          '  - id: skovde',
          '    name: Skövde kommun',
          '    municipality: "1496"',
          `    url: ${b}`,
          '',
        ].join('\n'),
      );
      mustRun(['region', 'sync'], region);
      mustRun(['region', 'site'], region);
      const site = path.join(region, 'site');
      pages = fs
        .readdirSync(site, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.html'))
        .map((e) => path.relative(site, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
      expect(pages).toHaveLength(1 + 2 + 3);
      server = await serve(site);
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      source = axeSource();
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      removeTempDirs();
    });

    for (const width of [320, 1280]) {
      it(`at ${width} px: no page scrolls sideways, every link works, and axe finds nothing`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 800 } });
        const failures: string[] = [];
        const requests: string[] = [];
        for (const url of pages) {
          const page = await context.newPage();
          page.on('request', (req) => requests.push(req.url()));
          const response = await page.goto(`${origin}/${url}`, { waitUntil: 'load' });
          if (response?.status() !== 200) failures.push(`${url}: ${response?.status()}`);
          const o = (await page.evaluate(OVERFLOW)) as Overflow;
          if (o.scrollWidth > o.innerWidth || o.over.length > 0)
            failures.push(`${url}: scrollWidth ${o.scrollWidth} > ${o.innerWidth}?\n  ${o.over.join('\n  ')}`);
          const result = await axe(page, source);
          if (result.violations.length > 0) failures.push(`${url} (axe):\n${axeSummary(result)}`);
          // Every link within the site leads to a page of it.
          const links = (await page.evaluate(
            `[...document.querySelectorAll('a[href]')].map((a) => a.href).filter((h) => h.startsWith(location.origin))`,
          )) as string[];
          for (const link of links) {
            const rel = new URL(link).pathname.replace(/^\//, '');
            if (rel !== '' && !pages.includes(rel) && !link.includes('#')) failures.push(`${url}: broken link ${rel}`);
          }
          await page.close();
        }
        await context.close();
        expect(failures, failures.join('\n')).toEqual([]);
        // Only the site's own origin is asked for anything.
        expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
      }, 300_000);
    }
  },
);
