/**
 * What the browser tests of the sites share: a static file server of their own on the loopback interface, axe-core
 * run in a page, and a measure of what overflows the viewport sideways (WCAG 2.1 SC 1.4.10, Reflow). The browser is
 * Debian's Chromium, driven by playwright-core, which downloads none; CI has none, and the tests skip there.
 */
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

/** Debian's Chromium, headless, with nothing of its own on the network; `extra` flags after the usual ones. */
export async function launchChromium(extra: readonly string[] = []): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      ...extra,
    ],
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

export function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(root, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res
      .writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
      .end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  passes: unknown[];
}

export function axeSource(): string {
  return fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
}

export async function axe(page: Page, source: string): Promise<AxeResult> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(source);
  return page.evaluate(
    `axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  ) as Promise<AxeResult>;
}

export const axeSummary = (r: AxeResult) =>
  r.violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');

/** The page's own width, and every element past either edge without a box of its own that scrolls and fits. */
export const OVERFLOW = `(() => {
  const edge = (r) => r.right > innerWidth + 0.5 || r.left < -0.5;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const boxOf = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return a;
    }
    return null;
  };
  const over = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (!edge(r)) continue;
    const box = boxOf(el);
    if (box && !edge(box.getBoundingClientRect())) continue;
    over.push(name(el) + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ': ' + (el.textContent || '').slice(0, 40));
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth, over: over.slice(0, 15) };
})()`;

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  over: string[];
}
