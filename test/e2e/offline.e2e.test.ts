/**
 * The lab without a server and without a network: the one-file build (dist/mqtt-lab.html) opened
 * through file://, as from a USB stick or a mail attachment, runs a preset and a lesson with every
 * request off this machine refused; dist/index.html opened from the folder hands over to it; a link
 * carries its language. And the class command: it serves the lab and the address it prints opens it,
 * with presenter mode's QR code for that address. Servers here bind 127.0.0.1 on a free port.
 */
import { statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_FLAGS, WAIT_MS } from './browser.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const singleFile = pathToFileURL(`${dist}mqtt-lab.html`).href;
const indexFile = pathToFileURL(`${dist}index.html`).href;

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
});
afterAll(async () => {
  await browser?.close();
});

/** A page that may load nothing but files: any http(s) or other request is refused and recorded. */
async function offlinePage(lang: 'en' | 'zh', width = 1600, height = 1000) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  const requested: string[] = [];
  await context.route(/^(?!file:|data:|blob:)/, (route) => {
    requested.push(route.request().url());
    return route.abort();
  });
  const page = (await context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  // the one file (over a megabyte of script) is parsed whole before the lab shows: more than the
  // chunked first screen takes, on a shared two-core machine
  page.setDefaultTimeout(WAIT_MS);
  await page.addInitScript((l) => {
    localStorage.setItem('mqtt-lab.language', l);
    localStorage.setItem('mqtt-lab.presenter', '0');
  }, lang);
  return { context, page, requested };
}

const controls = (page: Page) => page.locator('[data-panel="Controls"]');
const attr = async (page: Page, name: string) => Number(await controls(page).getAttribute(`data-${name}`));

test(`the single file is one file: no script, style or chunk it loads from beside it (${statSync(`${dist}mqtt-lab.html`).size} bytes)`, () => {
  // (the size is in the test's name so the run reports it)
  expect(statSync(`${dist}mqtt-lab.html`).size).toBeGreaterThan(100_000);
});

test('opened from file://, the single file runs a preset to its end with no network', async () => {
  const { context, page, requested } = await offlinePage('en');
  await page.goto(`${singleFile}#/lab?p=qos2-losses`, { waitUntil: 'commit' });
  await controls(page).waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('End');
  await expect.poll(() => attr(page, 'time')).toBeGreaterThan(3_000);
  expect(await attr(page, 'seq')).toBe((await attr(page, 'events')) - 1);
  // the run was drawn: fitted whole (0), the QoS 2 handshake's last packet is on the diagram
  await page.locator('[data-panel=SequenceDiagram]').getByRole('button', { name: 'Fit' }).click();
  await expect.poll(() => page.locator('[data-panel=SequenceDiagram] svg').first().textContent()).toContain('PUBCOMP');
  // lazily loaded parts (the inspector and the protocol's explanations) are inside the file too
  await page.locator('[data-tab="inspector"]').click();
  await page.locator('.inspector').waitFor();
  expect(requested).toEqual([]);
  expect(page.errors).toEqual([]);
  await context.close();
});

test('opened from file://, the single file runs a lesson: its prose, its run, its next step', async () => {
  const { context, page, requested } = await offlinePage('zh');
  await page.goto(`${singleFile}#/lessons/09-qos1`, { waitUntil: 'commit' });
  const lesson = page.locator('[data-lesson="09-qos1"]');
  await lesson.locator('.prose-column h3').waitFor();
  await expect.poll(() => lesson.innerText()).toMatch(/[\u4e00-\u9fff]/);
  const next = lesson.locator('.nav .primary');
  const firstHeading = await lesson.locator('.prose-column h3').innerText();
  await next.click();
  await expect.poll(() => lesson.locator('.prose-column h3').innerText()).not.toBe(firstHeading);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/lessons\/09-qos1\/[a-z0-9-]+\?lang=zh$/);
  expect(requested).toEqual([]);
  expect(page.errors).toEqual([]);
  await context.close();
});

test('dist/index.html opened from the folder hands over to the single file, keeping the address', async () => {
  const { context, page, requested } = await offlinePage('en');
  await page.goto(`${indexFile}#/lab?p=retained`, { waitUntil: 'commit' });
  await controls(page).waitFor();
  await expect.poll(() => page.url()).toBe(`${singleFile}#/lab?p=retained&lang=en`);
  expect(requested).toEqual([]);
  // index.html's own chunks are refused from file:// before it hands over (the browser fetches
  // them ahead of its first script): those are the only errors, and none comes from the lab.
  expect(page.errors.filter((e) => !/CORS policy|ERR_FAILED/.test(e))).toEqual([]);
  await context.close();
});

test('a link carries its language: opening it sets the language, switching it rewrites the link', async () => {
  const { context, page } = await offlinePage('en');
  await page.goto(`${singleFile}#/lab?p=keepalive-will&lang=zh`, { waitUntil: 'commit' });
  await controls(page).waitFor();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  await expect.poll(() => page.locator('.app-header h1').innerText()).toMatch(/[\u4e00-\u9fff]|MQTT/);
  expect(await page.evaluate(() => localStorage.getItem('mqtt-lab.language'))).toBe('zh');
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/lab\?p=keepalive-will.*&lang=zh$/);
  await page.getByRole('button', { name: 'English' }).first().click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/&lang=en$/);
  // a link in the other language, followed in the open tab, switches the page to it
  await page.evaluate(() => (location.hash = '#/lessons?lang=zh'));
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  expect(page.errors).toEqual([]);
  await context.close();
});

// 120 s: it starts a server and loads the lab twice, over http, on a shared two-core machine.
test(
  'the class command serves the lab at the address it prints; presenter mode shows that address as a QR code',
  { timeout: 120_000 },
  async () => {
    const { serveClass, classNotice } = await import('../../scripts/class.mjs');
    const served = await serveClass({ host: '127.0.0.1', port: 0 });
    let context: BrowserContext | undefined;
    try {
      const [url] = served.urls;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const notice = await classNotice(served.urls);
      expect(notice).toContain(url);
      expect(notice).toMatch(/[▀▄█]{10}/); // the QR code, drawn in block characters
      const html = await (await fetch(url)).text();
      expect(html).toContain('<div id="app">');

      // A student's machine reaches the lab by the classroom address; the test gives the served lab
      // such a name (class.test) so that presenter mode has an address worth a QR code.
      context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
      await context.route('http://class.test/**', async (route) => {
        const path = new URL(route.request().url()).pathname;
        const response = await context!.request.fetch(new URL(path, url).href);
        await route.fulfill({ response });
      });
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      await page.addInitScript(() => {
        localStorage.setItem('mqtt-lab.language', 'zh');
        localStorage.setItem('mqtt-lab.presenter', '1');
      });
      await page.goto('http://class.test/#/lab?p=keepalive-will', { waitUntil: 'commit' });
      await page.getByRole('button', { name: '课堂地址' }).click();
      const qr = page.locator('#class-qr svg[data-qr-size]');
      await qr.waitFor();
      expect(Number(await qr.getAttribute('data-qr-size'))).toBeGreaterThanOrEqual(21);
      const box = await qr.boundingBox();
      expect(box!.width).toBeGreaterThan(300); // scannable from across a room
      await expect
        .poll(() => page.locator('[data-class-url]').innerText())
        .toMatch(/^http:\/\/class\.test\/#\/lab\?p=keepalive-will.*&lang=zh$/);

      // the same lab at this computer's own name: no code (no student can reach it), and why
      await page.goto(`${url}#/lab?p=keepalive-will`, { waitUntil: 'commit' });
      await page.getByRole('button', { name: '课堂地址' }).click();
      await expect.poll(() => page.locator('[data-class-local]').getAttribute('data-class-local')).toBe('loopback');
    } finally {
      await context?.close();
      await served.close();
    }
  },
);
