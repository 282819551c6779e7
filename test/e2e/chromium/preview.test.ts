/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The rendered page in a real browser: Debian's headless Chromium (through playwright-core) opens
// `referat render` pages of every seed from a tiny HTTP server on 127.0.0.1 and checks the punkter,
// the vote tables, the style under the CSP and the print rules; then an injection referat whose
// payloads would set a global, change the title, open a dialog or request a URL of this server:
// none of that may happen. A control page without escaping shows that each of those would be seen.
// The webview page runs the preview's script (client/src/previewScript.ts) under its nonce, as in VS Code.
// Writes test/screenshots/preview.png (seed 002, at the vote of punkt 3).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_SCRIPT } from '../../../client/src/previewScript';
import { readReferat } from '../../../server/src/reader';
import { renderBody, renderHtml } from '../../../server/src/render';
import { seedFiles, seedsDir } from '../../helpers/golden';
import { PAYLOAD_FLAG, injectionReferat, payloads } from '../../render/injection';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOT = path.join(ROOT, 'test/screenshots/preview.png');
const HINT = 'apt-get install -y chromium';
const hasChromium = fs.existsSync(CHROMIUM);

if (!hasChromium && !process.env.CI) console.warn(`Skipping the Chromium preview test: ${CHROMIUM} is missing. Install it with: ${HINT}`);

interface Served {
  base: string;
  /** Paths requested from the server, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves the files of `dir` on 127.0.0.1 and records every request. */
function serve(dir: string): Promise<Served> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const file = path.join(dir, path.basename(url.pathname));
    if (url.pathname.endsWith('.html') && fs.existsSync(file)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(fs.readFileSync(file));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ base: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** `referat render FILE -o OUT --lang da`, the built CLI. */
function render(input: string, output: string): void {
  const res = spawnSync('node', [CLI, 'render', input, '-o', output, '--lang', 'da'], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  if (res.status !== 0) throw new Error(`referat render ${input} exited ${res.status}: ${res.stderr}`);
}

/** What a page did that it should not: dialogs, CSP violations, requests other than the page itself. */
interface Watch {
  dialogs: string[];
  requests: string[];
}

async function open(context: BrowserContext, url: string): Promise<{ page: Page; watch: Watch }> {
  const page = await context.newPage();
  const watch: Watch = { dialogs: [], requests: [] };
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  page.on('request', (r) => {
    if (r.url() !== url) watch.requests.push(r.url());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300); // let any timer, onerror or onload a payload set up fire
  return { page, watch };
}

describe.skipIf(!hasChromium && !process.env.CI)('the rendered page in headless Chromium', () => {
  let context: BrowserContext;
  let served: Served;
  let dir: string;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-chromium-profile-'));

  beforeAll(async () => {
    expect(hasChromium, `${CHROMIUM} is missing; install it with: ${HINT}`).toBe(true);
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-pages-'));
    served = await serve(dir);
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await served?.close();
    for (const d of [dir, profile]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it.each(seedFiles)('%s: one section per punkt, styled under the CSP, print rules', async (file) => {
    const input = path.join(seedsDir, file);
    const name = `${file}.html`;
    render(input, path.join(dir, name));
    const doc = readReferat(fs.readFileSync(input, 'utf8'));
    const { page, watch } = await open(context, `${served.base}/${name}`);
    try {
      const facts = await page.evaluate(() => ({
        ids: [...document.querySelectorAll('section')].map((s) => s.id),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
        sticky: getComputedStyle(document.querySelector('.punkt-head')!).position,
        violations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
        tocLinks: [...document.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href')),
      }));
      expect(facts.ids).toEqual(doc.items.map((i) => `punkt-${i.number}`));
      expect(facts.csp).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; script-src 'none'/);
      expect(facts.sticky, 'the page style applies (allowed by its hash)').toBe('sticky');
      expect(facts.violations).toEqual([]);
      expect(facts.tocLinks.length).toBeGreaterThan(0);
      expect(watch).toEqual({ dialogs: [], requests: [] });

      // A TOC link jumps to its punkt.
      const last = doc.items[Math.floor(doc.items.length / 2)].number; // one with page enough below it to scroll to
      await page.click(`nav.toc a[href="#punkt-${last}"]`);
      await page.waitForFunction((id) => location.hash === `#${id}`, `punkt-${last}`);
      const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, `punkt-${last}`);
      expect(Math.abs(top)).toBeLessThan(120);

      await page.emulateMedia({ media: 'print' });
      const print = await page.evaluate(() => ({
        head: getComputedStyle(document.querySelector('.punkt-head')!).position,
        breakBefore: getComputedStyle(document.querySelector('section.punkt')!).breakBefore,
      }));
      expect(print).toEqual({ head: 'static', breakBefore: 'page' });
    } finally {
      await page.close();
    }
  });

  const votesOf = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('table.vote')].map((t) => ({
        item: Number(t.closest('section')!.getAttribute('data-number')),
        counts: [...t.querySelectorAll('thead .count')].map((c) => Number(c.textContent)),
        outcome: t.querySelector('caption .outcome')!.textContent,
        names: [...t.querySelectorAll('tbody td.side-for')].filter((td) => td.textContent).length,
      })),
    );

  it('vote tables of 000, 001 and 002 show the right counts and outcomes', async () => {
    const expected: Record<string, { item: number; counts: number[]; outcome: string }[]> = {
      '000': [
        { item: 1, counts: [6, 1, 0, 0], outcome: 'Intet udfald anført' },
        { item: 2, counts: [2, 5, 0, 0], outcome: 'Forkastet' },
      ],
      '001': [
        { item: 2, counts: [3, 4, 0, 0], outcome: 'Forkastet' },
        { item: 2, counts: [4, 0, 3, 0], outcome: 'Vedtaget' },
        { item: 3, counts: [3, 4, 0, 0], outcome: 'Forkastet' },
        { item: 3, counts: [4, 0, 3, 0], outcome: 'Vedtaget' },
      ],
      '002': [
        { item: 3, counts: [2, 2, 0, 1], outcome: 'Forkastet' },
        { item: 6, counts: [2, 2, 0, 1], outcome: 'Forkastet' },
        { item: 6, counts: [3, 1, 0, 1], outcome: 'Vedtaget' },
      ],
    };
    for (const [prefix, want] of Object.entries(expected)) {
      const file = seedFiles.find((f) => f.startsWith(prefix))!;
      const name = `${file}.html`;
      if (!fs.existsSync(path.join(dir, name))) render(path.join(seedsDir, file), path.join(dir, name));
      const { page } = await open(context, `${served.base}/${name}`);
      try {
        const got = await votesOf(page);
        expect(
          got.map(({ item, counts, outcome }) => ({ item, counts, outcome })),
          prefix,
        ).toEqual(want);
        for (const v of got) expect(v.names, `${prefix} item ${v.item}: a name per vote for`).toBe(v.counts[0]);
        if (prefix === '002') {
          await page
            .locator('table.vote')
            .first()
            .evaluate((t) => t.scrollIntoView({ block: 'center' }));
          await page.waitForTimeout(200);
          fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
          await page.screenshot({ path: SCREENSHOT });
        }
      } finally {
        await page.close();
      }
    }
    expect(fs.existsSync(SCREENSHOT)).toBe(true);
  });

  it('the webview page: its nonce’d script swaps in new content keeping the scroll, scrolls to lines, reports the user’s scrolling', async () => {
    const file = seedFiles.find((f) => f.startsWith('002'))!;
    const text = fs.readFileSync(path.join(seedsDir, file), 'utf8');
    const doc = readReferat(text);
    const options = { locale: 'da' as const, standalone: false };
    fs.writeFileSync(path.join(dir, 'webview.html'), renderHtml(doc, text, { ...options, nonce: 'TestNonce123', cspSource: served.base, script: PREVIEW_SCRIPT }));
    const page = await context.newPage();
    // What VS Code gives a webview: acquireVsCodeApi() and its body classes.
    await page.addInitScript(() => {
      const w = window as unknown as { __posted: unknown[]; acquireVsCodeApi: () => unknown };
      w.__posted = [];
      w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__posted.push(m), getState: () => undefined, setState: () => {} });
      document.addEventListener('DOMContentLoaded', () => document.body.classList.add('vscode-dark'));
    });
    const posted = () => page.evaluate(() => (window as unknown as { __posted: { type: string; line?: number }[] }).__posted.splice(0));
    const topSection = () => page.evaluate(() => [...document.querySelectorAll('section.punkt')].find((s) => s.getBoundingClientRect().bottom > 120)?.id ?? null);
    try {
      await page.goto(`${served.base}/webview.html`);
      await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
      expect(await posted()).toEqual([{ type: 'ready' }]);

      // Editor → preview: scroll to the line of punkt 6's heading; no `reveal` comes back.
      const punkt6 = doc.items[5].heading.range.start.line;
      await page.evaluate((line) => window.postMessage({ type: 'scrollTo', line }, '*'), punkt6);
      await page.waitForTimeout(400);
      expect(await topSection()).toBe('punkt-6');
      expect(await posted()).toEqual([]);

      // Content replaced while typing: same scroll position, new content there.
      const y = await page.evaluate(() => window.scrollY);
      const edited = text.replace('Punkt 6: ', 'Punkt 6: ÆNDRET ');
      const html = renderBody(readReferat(edited), edited, options);
      await page.evaluate((h) => window.postMessage({ type: 'update', html: h }, '*'), html);
      await page.waitForFunction(() => document.getElementById('punkt-6-title')?.textContent?.includes('ÆNDRET'));
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThan(2);
      await page.waitForTimeout(400);
      expect(await posted()).toEqual([]);

      // Preview → editor: the user scrolls down; the line reported is in the punkt now at the top.
      await page.mouse.move(600, 500);
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(500);
      const reveals = (await posted()).filter((m) => m.type === 'reveal');
      expect(reveals.length).toBeGreaterThan(0);
      const line = reveals[reveals.length - 1].line!;
      const shown = await topSection();
      const item = doc.items.find((i) => `punkt-${i.number}` === shown)!;
      expect(line).toBeGreaterThanOrEqual(item.range.start.line);
      expect(line).toBeLessThanOrEqual(item.range.end.line);

      // Double-click asks the editor to open the line.
      await page.dblclick('#punkt-3-title');
      expect((await posted()).filter((m) => m.type === 'open')).toEqual([{ type: 'open', line: doc.items[2].heading.range.start.line }]);
      // The theme's body class survives updates (VS Code sets it on <body>; the script replaces #referat-root).
      expect(await page.evaluate(() => document.body.classList.contains('vscode-dark'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('the watch works: an unescaped control page is seen setting the flag, the title, a dialog and a request', async () => {
    const payloadUrl = `${served.base}/payload`;
    const control = `<!DOCTYPE html><title>control</title><body>${payloads(payloadUrl).slice(0, 3).join('\n')}</body>`;
    fs.writeFileSync(path.join(dir, 'control.html'), control);
    const before = served.requests.length;
    const { page, watch } = await open(context, `${served.base}/control.html`);
    try {
      const state = await page.evaluate((flag) => ({ flag: (window as unknown as Record<string, unknown>)[flag], title: document.title }), PAYLOAD_FLAG);
      expect(state.flag).toBeDefined();
      expect(state.title).toBe('pwned');
      expect(watch.dialogs).toEqual(['alert: 1']);
      expect(served.requests.slice(before).some((p) => p.startsWith('/payload'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('the injection referat: no payload runs, loads or navigates; all of it is shown as text; the CSP is there', async () => {
    const payloadUrl = `${served.base}/payload`;
    const input = path.join(dir, 'injection.referat.txt');
    fs.writeFileSync(input, injectionReferat(payloadUrl));
    render(input, path.join(dir, 'injection.html'));
    const before = served.requests.length;
    const { page, watch } = await open(context, `${served.base}/injection.html`);
    try {
      // Hover and click everything: no handler may fire, no link may go anywhere but an anchor or https.
      for (const el of await page.locator('section.punkt p, section.punkt li, .toc-entry, .attendee, h1').all()) await el.hover().catch(() => {});
      await page.waitForTimeout(200);
      const state = await page.evaluate((flag) => {
        const w = window as unknown as Record<string, unknown> & { __cspViolations: string[] };
        return {
          flag: w[flag],
          title: document.title,
          csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
          scripts: document.scripts.length,
          injected: document.querySelectorAll('img, svg, iframe, object, embed, link, base, script, form, input, video, audio').length,
          handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
          hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith('#')),
          text: document.body.innerText,
          violations: w.__cspViolations,
          url: location.href,
        };
      }, PAYLOAD_FLAG);
      expect(state.flag, 'a payload set the global flag').toBeUndefined();
      expect(state.title).toBe('injection.referat.txt — ' + readReferat(injectionReferat(payloadUrl)).meeting.title);
      expect(state.csp).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; script-src 'none'; img-src https: data:/);
      expect(state.scripts).toBe(0);
      expect(state.injected).toBe(0);
      expect(state.handlers).toEqual([]);
      expect(state.hrefs.every((h) => h.startsWith('https://'))).toBe(true);
      for (const p of payloads(payloadUrl)) expect(state.text).toContain(p);
      expect(state.violations).toEqual([]);
      expect(state.url).toBe(`${served.base}/injection.html`);
      expect(watch.dialogs).toEqual([]);
      expect(watch.requests.filter((r) => !r.endsWith('/favicon.ico'))).toEqual([]);
      expect(served.requests.slice(before).filter((p) => p.startsWith('/payload'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
