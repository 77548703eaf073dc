/**
 * The sequence diagram and the topology in the browser: arrows appear as the run is stepped,
 * clicking one selects it, a packet on its way can be dropped (and the run changes), the diagram
 * exports SVG and PNG, the keyboard reaches the packets, and no console errors. Also takes the
 * screenshots test-results/screenshots/diagram-*.png (1280×720 and 1920×1080, zh and en).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Lab, startLab } from './browser.ts';
import { TEST_HANDLE_KEY } from './lab-handle.ts';

const shots = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
  await mkdir(shots, { recursive: true });
});
afterAll(async () => {
  await lab?.close();
});

/** The lab (qos1-lost-puback at its start), in English or Chinese, with the test handle. */
async function open(lang: 'en' | 'zh' = 'en', size: { width: number; height: number } = TALL, large = false) {
  const page = await lab.page({ ...size, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  await page.addInitScript(
    ([l, key, big]) => {
      localStorage.setItem('mqtt-lab.language', l);
      localStorage.setItem('mqtt-lab.large-text', big ? '1' : '0');
      localStorage.setItem(key, '1');
    },
    [lang, TEST_HANDLE_KEY, large] as const,
  );
  await page.goto(`${lab.url}#/lab`);
  await page.waitForFunction(() => window.__mqttLab !== undefined);
  await page.locator(diagram).waitFor();
  return page;
}

/** Tall enough that a second of the run fits in the diagram at its first zoom. */
const TALL = { width: 1280, height: 1400 };
const diagram = '[data-panel=SequenceDiagram]';
const arrows = `${diagram} g.arrow`;

const seq = (page: Page) => page.evaluate(() => window.__mqttLab!.seq);
const selection = (page: Page) => page.evaluate(() => window.__mqttLab!.selection);

/** Step with the keyboard, as a person would (the lab's ← → keys). */
async function step(page: Page, times: number) {
  await page.locator('body').focus();
  for (let i = 0; i < times; i++) await page.keyboard.press('ArrowRight');
}

test('arrows appear as the run is stepped, only up to the cursor', async () => {
  const page = await open();
  await expect.poll(() => page.locator(arrows).count()).toBe(0);
  await step(page, 7); // the first CONNECT is sent at event 6
  await expect.poll(() => seq(page)).toBe(6);
  await expect.poll(() => page.locator(arrows).count()).toBe(1);
  // sent at 0 ms, the cursor at 0 ms: on its way, its tip still at the sender
  await expect.poll(() => page.locator(`${arrows}.flight`).count()).toBe(1);
  await step(page, 30);
  const count = await page.locator(arrows).count();
  expect(count).toBeGreaterThanOrEqual(5);
  // every arrow drawn was sent at or before the cursor
  const sends = await page.locator(arrows).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-send'))));
  const cursor = await seq(page);
  for (const send of sends) expect(send).toBeLessThanOrEqual(cursor);
  await expect.poll(() => page.locator(`${arrows} text`).allTextContents()).toContain('CONNACK');
  expect(page.errors).toEqual([]);
});

test('clicking an arrow selects its packet; hovering lights it in every view', async () => {
  const page = await open();
  await page.evaluate(() => window.__mqttLab!.seekTime(800));
  const arrow = page.locator(arrows, { hasText: 'PUBLISH #1 Q1' }).first();
  const send = Number(await arrow.getAttribute('data-send'));
  await arrow.locator('line.hit').click();
  await expect.poll(() => selection(page)).toEqual({ send });
  await expect.poll(() => arrow.getAttribute('aria-pressed')).toBe('true');
  // hover set elsewhere lights it here
  await page.evaluate((s) => (window.__mqttLab!.hover = { send: s }), send);
  await expect.poll(() => page.locator(`${arrows}.lit`).getAttribute('data-send')).toBe(String(send));
  expect(page.errors).toEqual([]);
});

/** The packet menu of the sensor's PUBLISH, opened while it is on its way (600 to 650 ms). */
async function menuOnFlyingPublish(page: Page) {
  await page.evaluate(() => window.__mqttLab!.seekTime(620));
  const flying = page.locator(`${arrows}.flight`, { hasText: 'PUBLISH' }).first();
  await expect.poll(() => flying.count()).toBe(1);
  await flying.locator('circle.tip').click();
  return page.getByRole('dialog');
}

test('a packet on its way can be dropped, and the run changes', async () => {
  const page = await open();
  const menu = await menuOnFlyingPublish(page);
  await expect.poll(() => menu.textContent()).toContain('PUBLISH #1 Q1');
  await menu.getByRole('button', { name: 'Drop it' }).click();
  await expect.poll(() => menu.count()).toBe(0);
  const dropped = await page.evaluate(() => {
    const lab = window.__mqttLab!;
    return lab.trace.some(
      (e) => e.kind === 'drop' && e.reason === 'fault' && lab.trace[e.send].kind === 'send' && e.from === 'sensor',
    );
  });
  expect(dropped).toBe(true);
  // after it is lost it ends in a ×
  await page.evaluate(() => window.__mqttLab!.seekTime(700));
  await expect
    .poll(() => page.locator(`${arrows}.lost`, { hasText: 'PUBLISH' }).locator('path.end-cross').count())
    .toBe(1);
  expect(page.errors).toEqual([]);
});

test('a packet on its way can be broken: marked ⚡, and the broker closes naming the rule', async () => {
  const page = await open();
  const menu = await menuOnFlyingPublish(page);
  await menu.getByRole('button', { name: 'Break its first byte' }).click();
  await expect.poll(() => menu.count()).toBe(0);
  await expect.poll(() => page.locator(arrows, { hasText: 'PUBLISH #1 Q1 ⚡' }).count()).toBe(1);
  const error = await page.evaluate(() => {
    const lab = window.__mqttLab!;
    lab.seekTime(1_000);
    const e = lab.trace.find((event) => event.kind === 'error');
    return e?.kind === 'error' ? { side: e.side, rule: e.rule } : null;
  });
  expect(error).toEqual({ side: 'broker', rule: 'MQTT-3.3.1-4' });
  // the mark names the rule on screen (its words may be shortened to the room, never the rule)
  await expect.poll(() => page.locator('.mark text', { hasText: '[MQTT-3.3.1-4]' }).count()).toBe(1);
  await expect.poll(() => page.locator('.mark', { hasText: 'protocol error' }).count()).toBe(1);
  expect(page.errors).toEqual([]);
});

test('the keyboard reaches the packets: arrows move between them, Enter opens one on its way, Esc closes', async () => {
  const page = await open();
  await page.evaluate(() => window.__mqttLab!.seekTime(620));
  const tabbable = page.locator(`${arrows}[tabindex="0"]`);
  await expect.poll(() => tabbable.count()).toBe(1);
  await tabbable.focus();
  // the one that takes Tab is the packet on its way
  await expect.poll(() => tabbable.getAttribute('class')).toContain('flight');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Drop it');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toMatch(/:0$/);
  const before = await page.evaluate(() => document.activeElement?.getAttribute('data-send'));
  await page.keyboard.press('ArrowUp');
  await expect
    .poll(() => page.evaluate(() => Number(document.activeElement?.getAttribute('data-send'))))
    .toBeLessThan(Number(before));
  // + and − zoom the time axis
  const zoom = () => page.locator(`${diagram} [data-zoom]`).getAttribute('data-zoom');
  const before2 = Number(await zoom());
  await page.keyboard.press('+');
  await expect.poll(async () => Number(await zoom())).toBeGreaterThan(before2);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(async () => Number(await zoom())).toBeLessThan(before2);
  expect(page.errors).toEqual([]);
});

test('at a projector’s 1280×720, Fit brings the whole story so far into view', async () => {
  const page = await open('en', { width: 1280, height: 720 });
  await page.evaluate(() => window.__mqttLab!.seekTime(1_600)); // the resend, after the retry timer
  const sent = await page.evaluate(() => {
    const lab = window.__mqttLab!;
    return lab.trace.filter((e) => e.kind === 'send' && e.seq <= lab.seq).length;
  });
  expect(sent).toBeGreaterThan(6);
  /** The arrows drawn (only those in the window are) and how many lie wholly inside it. */
  const inView = () =>
    page.locator(`${diagram} .viewport`).evaluate((box) => {
      const frame = box.getBoundingClientRect();
      const all = [...box.querySelectorAll('g.arrow')].map((arrow) => arrow.getBoundingClientRect());
      return all.filter((r) => r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1).length;
    });
  await expect.poll(inView).toBeGreaterThan(0);
  expect(await inView()).toBeLessThan(sent); // following the cursor, the first packets are out of view
  await page.locator(diagram).getByRole('button', { name: 'Fit' }).click();
  await expect.poll(inView).toBe(sent);
  // and 0 does the same from the keyboard, after zooming in
  await page.locator(diagram).getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(inView).toBeLessThan(sent);
  await page.keyboard.press('0');
  await expect.poll(inView).toBe(sent);
  expect(page.errors).toEqual([]);
});

test('the diagram exports a standalone SVG and a PNG', async () => {
  const page = await open();
  await page.evaluate(() => window.__mqttLab!.seekTime(2_000));
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(diagram).getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(svgDownload.suggestedFilename()).toMatch(/^mqtt-lab-qos1-lost-puback-2000ms\.svg$/);
  const svg = await readFile((await svgDownload.path())!, 'utf8');
  expect(svg).toMatch(/^<\?xml/);
  expect(svg).toContain('<svg');
  expect(svg).toContain('PUBLISH #1 Q1 DUP');
  expect(svg).toContain('style="');
  expect(svg).not.toMatch(/\sclass="/);
  expect(svg).not.toContain('tabindex');
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(diagram).getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  const png = await readFile((await pngDownload.path())!);
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await pngDownload.saveAs(`${shots}diagram-export.png`);
  expect(page.errors).toEqual([]);
});

test('the topology shows the links, the clients’ states and the packets on their way', async () => {
  const page = await open();
  const topology = page.locator('[data-panel=Topology]');
  await expect.poll(() => topology.textContent()).toContain('not started');
  await page.evaluate(() => window.__mqttLab!.seekTime(620));
  await expect.poll(() => topology.locator('.client').first().getAttribute('aria-label')).toContain('connected');
  await expect.poll(() => topology.textContent()).toContain('50 ms');
  const packet = topology.locator('g.packet').first();
  await expect.poll(() => packet.count()).toBe(1);
  await packet.locator('circle.hit').click();
  await expect.poll(() => selection(page)).toMatchObject({ send: expect.any(Number) });
  await topology.locator('.client', { hasText: 'app' }).click();
  await expect.poll(() => selection(page)).toEqual({ actor: 'app' });
  expect(page.errors).toEqual([]);
});

// One test per size and language (each opens a page of its own), so none comes near its timeout.
test.each([
  [1280, 720, 'zh'],
  [1280, 720, 'en'],
  [1920, 1080, 'zh'],
  [1920, 1080, 'en'],
] as const)('screenshots at %i×%i (%s)', async (width, height, lang) => {
  const page = await open(lang, { width, height });
  await page.evaluate(() => window.__mqttLab!.seekTime(1_630));
  await page.locator(`${arrows}.flight circle.tip`).first().click();
  await page.getByRole('dialog').waitFor();
  await page.screenshot({ path: `${shots}diagram-${width}x${height}-${lang}.png` });
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.__mqttLab!.seekTime(1_760));
  await page.locator(diagram).screenshot({ path: `${shots}diagram-panel-${width}x${height}-${lang}.png` });
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('screenshots of the key, and of large text in presenter mode', async () => {
  // the key, and large text in presenter mode (where the diagram has the room of a lesson)
  const page = await open('en', { width: 1920, height: 1080 });
  await page.locator(diagram).getByRole('button', { name: 'Key' }).click();
  await page.screenshot({ path: `${shots}diagram-key-1920x1080-en.png` });
  await page.context().close();
  const big = await open('zh', { width: 1920, height: 1080 }, true);
  await big.evaluate(() => window.__mqttLab!.seekTime(1_720));
  await big.locator('body').focus();
  await big.keyboard.press('p');
  await big.screenshot({ path: `${shots}diagram-presenter-large-1920x1080-zh.png` });
  expect(big.errors).toEqual([]);
  await big.context().close();
});
