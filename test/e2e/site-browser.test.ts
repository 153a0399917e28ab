/**
 * The site in a real browser: Debian's Chromium, driven by playwright-core, which downloads no browser of its own.
 * CI has no Chromium, so these tests skip there, saying why; everything they build on is tested in site.test.ts.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axe,
  axeSource as readAxeSource,
  axeSummary,
  CHROMIUM,
  hasChromium,
  launchChromium,
  OVERFLOW,
  serve,
  type Overflow,
} from '../helpers/browser.js';
import { describeRun, ideas } from '../helpers/cli.js';
import { PERSONAL_VALUES, PLANTED_ID, plantedSiteRegistry } from '../helpers/planted-site.js';
import { LONG_IDS, longSiteRegistry } from '../helpers/long-site.js';
import { removeTempDirs } from '../helpers/temp-repo.js';

/** `IDEAS_SCREENSHOTS=<dir>` keeps a picture of the board there, to look at; otherwise nothing is written outside the run. */
const SCREENSHOTS = process.env.IDEAS_SCREENSHOTS;
// The reporter shows a skipped suite only as a count: say why once, where CI's log shows it.
if (!hasChromium)
  console.warn(`site-browser.test.ts: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`);

// One browser for the file: each test opens contexts of its own, which share no state.
let shared: Promise<Browser> | undefined;
const sharedBrowser = () =>
  (shared ??= launchChromium(['--disable-quic', '--disable-component-update', '--disable-sync']));
afterAll(async () => {
  await (await shared)?.close();
});

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'ideas site in a browser'
    : `ideas site in a browser (skipped: ${CHROMIUM} is not installed; apt-get install chromium)`,
  () => {
    let browser: Browser;
    let server: http.Server;
    let origin: string;
    let axeSource: string;
    const requests: string[] = [];
    const dialogs: string[] = [];

    beforeAll(async () => {
      const dir = plantedSiteRegistry();
      const r = ideas(['site'], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(0);
      server = await serve(path.join(dir, 'site'));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      axeSource = readAxeSource();
      browser = await sharedBrowser();
    });

    afterAll(async () => {
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      removeTempDirs();
    });

    async function open(url: string, opts: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {}): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        javaScriptEnabled: opts.javaScriptEnabled ?? true,
        bypassCSP: opts.bypassCSP ?? false,
      });
      const page = await context.newPage();
      page.on('request', (req) => requests.push(req.url()));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${origin}/${url}`, { waitUntil: 'load' });
      return page;
    }

    it('has no WCAG 2.1 A or AA violations on the board, an idea page and the figures', async () => {
      for (const url of ['index.html', `ideas/${PLANTED_ID}.html`, 'ideas/sund-avmpk4.html', 'stats.html']) {
        const page = await open(url);
        const result = await axe(page, axeSource);
        expect(result.violations, `${url}:\n${axeSummary(result)}`).toEqual([]);
        expect(result.passes.length, url).toBeGreaterThan(10);
        if (url === 'index.html' && SCREENSHOTS)
          await page.screenshot({ path: path.join(SCREENSHOTS, 'ideas-site-board.png'), fullPage: true });
        await page.context().close();
      }
    });

    it("runs none of the planted script, and asks only the site's own origin for anything", async () => {
      // Also with the Content-Security-Policy switched off: it would block an inline script, so only without it does
      // the test show that the escaping alone keeps the planted markup from running.
      for (const [url, bypassCSP] of [
        ['index.html', false],
        [`ideas/${PLANTED_ID}.html`, false],
        ['index.html', true],
        [`ideas/${PLANTED_ID}.html`, true],
      ] as const) {
        const page = await open(url, { bypassCSP });
        // Hover and focus everything, in case a handler got through.
        for (const el of await page.locator('main *').all())
          await el.hover({ force: true, timeout: 1000 }).catch(() => undefined);
        expect(await page.evaluate('window.__pwned'), url).toBeUndefined();
        expect(await page.title(), url).not.toBe('pwned');
        expect(await page.title(), url).toMatch(/ – Idésluss Sundsvallsregionen$/);
        const text = await page.locator('body').innerText();
        for (const value of PERSONAL_VALUES) expect(text, `${url}: ${value}`).not.toContain(value);
        await page.context().close();
      }
      expect(dialogs).toEqual([]);
      expect(requests.length).toBeGreaterThan(0);
      for (const url of requests) expect(url.startsWith(`${origin}/`), url).toBe(true);
    });

    it('filters by tag, unit and challenge from the keyboard, and says how many ideas are shown', async () => {
      const page = await open('index.html');
      const cards = page.locator('[data-card]');
      const total = await cards.count();
      expect(total).toBe(11);
      // From the top of the page, Tab reaches the skip link first, then the filters in order.
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.className')).toBe('skip');
      let guard = 0;
      while ((await page.evaluate('document.activeElement?.id')) !== 'filter-tag' && guard++ < 20)
        await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.id')).toBe('filter-tag');
      const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
      expect(outline).toBe('solid');
      // Typing picks an option in a focused select, as a keyboard user would.
      await page.keyboard.type('matsvinn');
      await expect.poll(() => page.locator('[data-card]:not([hidden])').count()).toBe(3);
      expect(await page.locator('#filter-status').innerText()).toBe('Visar 3 av 11 idéer.');
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.id')).toBe('filter-unit');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Klimat');
      await expect.poll(() => page.locator('[data-card]:not([hidden])').count()).toBe(3);
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.textContent')).toBe('Visa alla');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-card]:not([hidden])').count()).toBe(total);
      expect(await page.locator('#filter-status').innerText()).toBe('Visar 11 av 11 idéer.');
      await page.context().close();
    });

    it('shows every idea without JavaScript, and hides the filters that need it', async () => {
      const page = await open('index.html', { javaScriptEnabled: false });
      expect(await page.locator('[data-card]:visible').count()).toBe(11);
      expect(await page.locator('#filters').isVisible()).toBe(false);
      await page.context().close();
    });
  },
);

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'ideas site reflows (WCAG 2.1 SC 1.4.10): every page at 320 and 1280 CSS pixels'
    : `ideas site reflows (skipped: ${CHROMIUM} is not installed; apt-get install chromium)`,
  () => {
    let browser: Browser;
    let server: http.Server;
    let origin: string;
    let axeSource: string;
    let pages: string[];

    beforeAll(async () => {
      const dir = longSiteRegistry();
      const r = ideas(['site'], { cwd: dir });
      expect(r.code, describeRun(r)).toBe(0);
      const site = path.join(dir, 'site');
      pages = [
        'index.html',
        'stats.html',
        ...fs
          .readdirSync(path.join(site, 'ideas'))
          .filter((f) => f.endsWith('.html'))
          .map((f) => `ideas/${f}`),
      ];
      for (const id of LONG_IDS) expect(pages).toContain(`ideas/${id}.html`);
      server = await serve(site);
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      axeSource = readAxeSource();
      browser = await sharedBrowser();
    });

    afterAll(async () => {
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      removeTempDirs();
    });

    for (const width of [320, 1280]) {
      it(`at ${width} px: no page scrolls sideways, nothing reaches past the edge, and axe finds nothing`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 800 } });
        const failures: string[] = [];
        for (const url of pages) {
          const page = await context.newPage();
          await page.goto(`${origin}/${url}`, { waitUntil: 'load' });
          const o = (await page.evaluate(OVERFLOW)) as Overflow;
          if (o.scrollWidth > o.innerWidth || o.over.length > 0)
            failures.push(`${url}: scrollWidth ${o.scrollWidth} > ${o.innerWidth}?\n  ${o.over.join('\n  ')}`);
          const result = await axe(page, axeSource);
          if (result.violations.length > 0) failures.push(`${url} (axe):\n${axeSummary(result)}`);
          await page.close();
        }
        await context.close();
        expect(failures, failures.join('\n')).toEqual([]);
      }, 420_000);
    }

    it('shows a table that is wider than the screen in a box of its own that scrolls, reachable by keyboard', async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${origin}/ideas/${LONG_IDS[0]}.html`, { waitUntil: 'load' });
      const boxes = (await page.evaluate(
        `[...document.querySelectorAll('main table')].map((t) => { const b = t.parentElement; return { scrolls: b.scrollWidth > b.clientWidth, overflow: getComputedStyle(b).overflowX, tabindex: b.getAttribute('tabindex') }; })`,
      )) as { scrolls: boolean; overflow: string; tabindex: string | null }[];
      expect(boxes.length).toBeGreaterThan(0);
      expect(boxes.some((b) => b.scrolls)).toBe(true);
      for (const b of boxes) expect(b).toMatchObject({ overflow: 'auto', tabindex: '0' });
      await context.close();
    });
  },
);
