/**
 * The Share and save menu downloads the run as a pcapng capture and says where it was captured,
 * in both languages; the file is one fromCapture reads back with the run's parties and packets.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fromCapture } from '$engine';
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
  page.setDefaultTimeout(8_000);
  await page.addInitScript((l) => {
    localStorage.setItem('mqtt-lab.language', l);
    localStorage.setItem('mqtt-lab.presenter', '0');
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
