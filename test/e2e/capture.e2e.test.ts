/**
 * The Share and save menu downloads the run as a pcapng capture and says where it was captured,
 * in both languages; the file is one fromCapture reads back with the run's parties and packets.
 * A capture opens read-only: its trace on screen, stepping works, acting is refused, and a file
 * that is not a capture gets a message.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fromCapture, simulate, toPcapng } from '$engine';
import { PRESETS } from '../../app/lab/presets.ts';
import { type Lab, startLab } from './browser.ts';

const shots = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
mkdirSync(shots, { recursive: true });

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

async function openMenu(preset: string, lang: 'en' | 'zh', width: number, height: number) {
  const page = await lab.page({ width, height, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  await page.addInitScript((l) => {
    localStorage.setItem('mqtt-lab.language', l);
    localStorage.setItem('mqtt-lab.presenter', '0');
    localStorage.setItem('mqtt-lab.test-handle', '1'); // window.__mqttLab, to try acting on a capture
  }, lang);
  await page.goto(`${lab.url}#/lab?p=${preset}`);
  await page.locator('[data-panel="Controls"]').waitFor();
  await page.locator('details.menu > summary').click();
  await page.locator('[data-run="capture"]').waitFor();
  return page;
}

test.each([
  ['en', 1920, 1080, "broker's network interface"],
  ['en', 1280, 800, "broker's network interface"],
  ['zh', 1920, 1080, '代理（服务端）的网卡'],
  ['zh', 1280, 800, '代理（服务端）的网卡'],
] as const)('the menu says where the capture point is (%s, %ix%i)', async (lang, width, height, point) => {
  const page = await openMenu('qos1-lost-puback', lang, width, height);
  const hint = await page.locator('[data-run="capture-point"]').innerText();
  expect(hint).toContain(point);
  expect(hint).toContain(lang === 'en' ? 'textbook' : '教科书'); // the preset uses the lossy model
  await page.screenshot({ path: `${shots}capture-menu-${lang}-${width}x${height}.png` });
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('Download capture gives a pcapng of the run', async () => {
  const page = await openMenu('persistent-session', 'en', 1280, 800);
  expect(await page.locator('[data-run="capture-point"]').innerText()).not.toContain('textbook'); // tcp
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-run="capture"]').click()]);
  expect(download.suggestedFilename()).toMatch(/^mqtt-lab-persistent-session-seed\d+\.pcapng$/);
  const bytes = new Uint8Array(await readFile((await download.path())!));
  expect([...bytes.subarray(0, 4)]).toEqual([0x0a, 0x0d, 0x0d, 0x0a]); // a pcapng section header
  const run = fromCapture(bytes);
  expect(run.parties.map((p) => p.id).sort()).toEqual(['app', 'broker', 'sensor']);
  expect(run.trace.filter((e) => e.kind === 'send').length).toBeGreaterThan(10);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a capture opens read-only: its packets on screen, stepping, acting refused', async () => {
  const page = await openMenu('qos0-lossy', 'en', 1920, 1080);
  const retained = PRESETS.find((p) => p.id === 'retained')!.scenario;
  const file = toPcapng(simulate(retained).trace, retained);
  const expected = fromCapture(file).trace.length;
  await page
    .locator('input[data-run="capture-file"]')
    .setInputFiles({ name: 'retained.pcapng', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
  const controls = page.locator('[data-panel="Controls"]');
  await expect.poll(() => controls.getAttribute('data-events')).toBe(String(expected));
  await page.keyboard.press('End');
  await expect.poll(async () => Number(await controls.getAttribute('data-seq'))).toBe(expected - 1);
  await page.screenshot({ path: `${shots}capture-opened-en-1920x1080.png` });
  // a link or a scenario file would hold no capture: not offered
  expect(await page.locator('[data-run="copy"]').isDisabled()).toBe(true);
  expect(await page.locator('[data-run="save"]').isDisabled()).toBe(true);
  // acting needs a scenario to replay: refused, with a message
  await page.evaluate(() => window.__mqttLab!.act({ do: 'crash', client: 'sensor' }));
  await page.locator('[data-problem="capture.readOnly"]').waitFor();
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a file that is not a capture gets a message, and the run on screen stays', async () => {
  const page = await openMenu('retained', 'zh', 1280, 800);
  const controls = page.locator('[data-panel="Controls"]');
  const events = await controls.getAttribute('data-events');
  await page
    .locator('input[data-run="capture-file"]')
    .setInputFiles({ name: 'notes.pcap', mimeType: 'text/plain', buffer: Buffer.from('hello, world') });
  const banner = page.locator('[data-problem="capture.error.unknown-format"]');
  await banner.waitFor();
  expect(await banner.innerText()).toContain('不是 pcap 或 pcapng');
  expect(await controls.getAttribute('data-events')).toBe(events);
  expect(page.errors).toEqual([]);
  await page.context().close();
});
