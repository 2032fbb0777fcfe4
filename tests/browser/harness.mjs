// Shared set-up for the browser tests: assembles the page (scripts/assemble-site.sh) into a fresh
// folder, serves it with a throw-away python http.server on a free 127.0.0.1 port, and drives
// Debian's Chromium through playwright-core. Input helpers leave frames between key and mouse
// events: ImGui reads input once per frame, and a bare press can fall inside one frame.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(root, 'build/screenshots');

const kChromiumArgs = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Plain node:http, not fetch(): scripts/test.sh runs node with --no-experimental-fetch.
function httpOk(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
  });
}

async function waitForServer(port, deadlineMs) {
  const start = Date.now();
  while (!(await httpOk(`http://127.0.0.1:${port}/index.html`))) {
    if (Date.now() - start > deadlineMs) throw new Error(`http.server on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Assembles and serves the site, launches Chromium. Call close() when done. */
export async function startSite() {
  mkdirSync(path.join(root, 'build'), { recursive: true });
  const site = mkdtempSync(path.join(root, 'build/site-test-'));
  execFileSync(path.join(root, 'scripts/assemble-site.sh'), [site], { cwd: root, stdio: 'pipe' });
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site],
    { stdio: 'ignore' });
  let browser;
  try {
    await waitForServer(port, 10000);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: kChromiumArgs });
  } catch (err) {
    server.kill();
    rmSync(site, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    dir: site,
    browser,
    async close() {
      await browser.close();
      server.kill();
      rmSync(site, { recursive: true, force: true });
    },
  };
}

/** A new page on the app, resolved once the UI has drawn and the first scenario is loaded. */
export async function openApp(site, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, query = '' } = {}) {
  const context = await site.browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(site.url + query);
  await page.waitForFunction(() => window.eventlabPage?.ready === true && window.eventlabPage.frameCount() > 1,
    null, { timeout: 60000 });
  page.pageErrors = errors;
  return page;
}

/** Waits for `n` animation frames of the page (the app draws one per frame). */
export function ticks(page, n = 2) {
  return page.evaluate((count) => new Promise((resolve) => {
    const next = (k) => (k === 0 ? resolve() : requestAnimationFrame(() => next(k - 1)));
    next(count);
  }), n);
}

/** Key down, two frames, key up, two frames. */
export async function pressKey(page, key) {
  await page.keyboard.down(key);
  await ticks(page);
  await page.keyboard.up(key);
  await ticks(page);
}

/** Clicks the middle of a widget the app reports by name (ui::RecordWidget). */
export async function clickWidget(page, name) {
  const rect = await page.evaluate((n) => window.eventlabPage.widgetRect(n), name);
  if (!rect) throw new Error(`no widget "${name}" on screen`);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await ticks(page);
  await page.mouse.down();
  await ticks(page);
  await page.mouse.up();
  await ticks(page);
}

/** The lab the UI shows, read through window.eventlab: trace length and state. */
export function labSnapshot(page) {
  return page.evaluate(async () => ({
    traceLength: (await window.eventlab.trace()).length,
    state: await window.eventlab.state(),
  }));
}

/** Colour statistics of a screenshot region (CSS pixels), decoded by the browser itself:
 *  {colours: distinct colours, pixels}. */
export async function regionColours(page, rect) {
  const png = await page.screenshot({ clip: rect });
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const data = ctx.getImageData(0, 0, image.width, image.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { colours: seen.size, pixels: data.length / 4 };
  }, png.toString('base64'));
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, name);
  await page.screenshot({ path: file });
  return file;
}
