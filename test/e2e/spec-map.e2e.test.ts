/**
 * The map of the spec in a browser: the chosen version in the page and its address, the counts,
 * the filter, both languages, and rule chips elsewhere in the lab opening their entry.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXAMPLES } from '../../app/explainer/examples.ts';
import { type Lab, startLab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

async function open(hash: string, lang: 'en' | 'zh' = 'en', size = { width: 1280, height: 800 }) {
  const page = await lab.page({ ...size, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  await page.addInitScript((l) => localStorage.setItem('mqtt-lab.language', l), lang);
  await page.goto(`${lab.url}${hash}`);
  await page.locator('h1').waitFor();
  return page;
}

/** The page's address without its language part (`lang=…`, last in every address the app writes). */
const hash = (page: { evaluate: <T>(f: () => T) => Promise<T> }) =>
  page.evaluate(() => location.hash.replace(/[?&]lang=[a-z]+$/, ''));
const count = (page: Awaited<ReturnType<typeof open>>, key: string) =>
  page.locator(`.counts .count-${key} dd`).textContent().then(Number);

test('every statement of the chosen version, with its counts; the version lives in the address', async () => {
  const page = await open('#/spec');
  await expect.poll(() => page.locator('.spec-page .entry').count()).toBeGreaterThan(141); // + cited sections
  expect(await count(page, 'total')).toBe(141);
  const sum = async () =>
    (await count(page, 'enforced')) + (await count(page, 'notApplicable')) + (await count(page, 'uncovered'));
  expect(await sum()).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'MQTT 5.0' }).click();
  await expect.poll(() => hash(page)).toBe('#/spec/5.0');
  await expect.poll(() => count(page, 'total')).toBe(251);
  await expect.poll(() => page.locator('#spec-MQTT-3\\.3\\.2-5').textContent()).toContain('expiry');
  expect(await page.locator('#spec-MQTT-3\\.3\\.2-5 .where').textContent()).toContain('engine/broker/expiry.ts');
  await page.reload();
  await expect.poll(() => count(page, 'total')).toBe(251); // a reload keeps the version
  expect(page.errors).toEqual([]);
});

test('the filter narrows the list, by keyboard, and the address keeps it', async () => {
  const page = await open('#/spec/3.1.1');
  await page.getByRole('searchbox').focus();
  await page.keyboard.type('retain');
  await expect.poll(() => hash(page)).toBe('#/spec/3.1.1?q=retain');
  await expect.poll(() => page.locator('.spec-page .entry').count()).toBeLessThan(30);
  for (const text of await page.locator('.spec-page .entry .summary').allTextContents()) {
    expect(text.toLowerCase() + (await page.locator('.spec-page').textContent())).toContain('retain');
  }
  await page.getByRole('searchbox').fill('no such words here');
  await expect.poll(() => page.locator('.spec-page').textContent()).toContain('No statement matches');
  expect(page.errors).toEqual([]);
});

test('in Chinese: the same page, our summaries in Chinese', async () => {
  const page = await open('#/spec/5.0/MQTT-3.1.2-29', 'zh', { width: 1920, height: 1080 });
  await expect.poll(() => page.locator('#spec-heading').textContent()).toBe('规范地图');
  const entry = page.locator('#spec-MQTT-3\\.1\\.2-29');
  await expect.poll(() => entry.textContent()).toContain('请求问题信息为 0');
  await expect.poll(() => entry.getAttribute('class')).toContain('selected');
  expect(page.errors).toEqual([]);
});

test("a malformed packet's rule chip in the explainer opens its entry, focused", async () => {
  const malformed = EXAMPLES.find((e) => e.id === 'malformed')!.hex.replace(/\s+/g, '');
  const page = await open(`#/explain?x=${malformed}&v=4`);
  const chip = page.locator('.failure .spec-chip').first();
  const ref = (await chip.textContent())!.trim();
  await chip.click();
  await expect.poll(() => hash(page)).toBe(`#/spec/3.1.1/${encodeURIComponent(ref)}`);
  const id = `spec-${ref}`;
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(id);
  expect(await page.locator(`[id="${id}"]`).getAttribute('class')).toContain('selected');
  expect(page.errors).toEqual([]);
});

test("a lesson's citation is a chip that opens the entry under the run's version", async () => {
  const page = await open('#/lessons/10-qos2/kept-id');
  const chip = page.locator('.prose .spec-chip', { hasText: 'MQTT-4.3.3-2' }).first();
  await chip.click();
  await expect.poll(() => hash(page)).toBe('#/spec/3.1.1/MQTT-4.3.3-2');
  await expect.poll(() => page.locator('#spec-MQTT-4\\.3\\.3-2').textContent()).toContain('QoS 2 receiver');
  // the 5.0 number written beside it opens the 5.0 entry
  await page.goBack();
  await page.locator('.prose .spec-chip', { hasText: 'MQTT-4.3.3-10' }).first().click();
  await expect.poll(() => hash(page)).toBe('#/spec/5.0/MQTT-4.3.3-10');
  expect(page.errors).toEqual([]);
});

test('an id that is not a statement of the version asked says so and links the other', async () => {
  const page = await open('#/spec/3.1.1/MQTT-3.3.2-5');
  await expect.poll(() => page.locator('.missing').textContent()).toContain('not a statement of MQTT 3.1.1');
  await page.locator('.missing a').click();
  await expect.poll(() => hash(page)).toBe('#/spec/5.0/MQTT-3.3.2-5');
  expect(page.errors).toEqual([]);
});

test("the lab's keepalive timers carry the statement that sets their length, as a chip", async () => {
  const page = await open('#/lab?p=keepalive-will&at=60', 'en', { width: 1920, height: 1080 });
  const chip = page.locator('.state-panel .spec-chip', { hasText: 'MQTT-3.1.2-24' }).first();
  await chip.click();
  await expect.poll(() => hash(page)).toBe('#/spec/3.1.1/MQTT-3.1.2-24');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('spec-MQTT-3.1.2-24');
  expect(page.errors).toEqual([]);
});
