import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Lab, startLab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

test('the first screen loads without console errors, in both languages', async () => {
  const page = await lab.page();
  await page.goto(lab.url);
  await expect.poll(() => page.locator('h1').textContent()).toBe('MQTT Lab');
  await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => page.locator('h1').textContent()).toBe('MQTT 实验室');
  expect(page.errors).toEqual([]);
});
