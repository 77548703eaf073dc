/**
 * A teacher with a clicker: PageDown stops on the moments that matter, the keys reach the lab
 * right after a scenario is chosen (the picker never eats PageDown), and a lesson goes by keys
 * too — quiz options by 1–4 and Enter, Play that plays, a Next that says why it waits, and a way
 * to the next lesson.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Lab, WAIT_MS, startLab } from './browser.ts';
import { TEST_HANDLE_KEY } from './lab-handle.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

async function open(hash: string, lang: 'en' | 'zh' = 'en') {
  const page = await lab.page({ width: 1920, height: 1080, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  page.setDefaultTimeout(WAIT_MS);
  await page.addInitScript(
    ([l, key]) => {
      localStorage.setItem('mqtt-lab.language', l);
      localStorage.setItem(key, '1');
    },
    [lang, TEST_HANDLE_KEY],
  );
  await page.goto(`${lab.url}${hash}`);
  return page;
}

const controls = (page: Page) => page.locator('[data-panel=Controls]').first();
const timeMs = async (page: Page) => Number(await controls(page).getAttribute('data-time'));

/** The page's address without its language part (`lang=…`, last in every address the app writes). */
const address = (page: Page) => page.evaluate(() => location.hash.replace(/[?&]lang=[a-z]+$/, ''));

test('after choosing a scenario the keys reach the lab: PageDown stops on the lost PUBACK and the DUP resend', async () => {
  const page = await open('#/lab');
  const picker = page.locator('#lab-scenario');
  await picker.waitFor();
  await picker.selectOption('qos1-lost-puback');
  // the choice hands the keys back: the picker is no longer focused
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('lab-scenario');

  const kinds: string[] = [];
  const times: number[] = [];
  const beat = page.locator('p.beat');
  for (let press = 0; press < 16; press++) {
    const before = await beat.getAttribute('data-beat');
    await page.keyboard.press('PageDown');
    await expect.poll(() => beat.getAttribute('data-beat')).not.toBe(before);
    kinds.push((await beat.getAttribute('data-beat-kind')) ?? '');
    times.push(await timeMs(page));
  }
  // PageDown never changed the scenario
  expect(await picker.inputValue()).toBe('qos1-lost-puback');
  expect(kinds).toContain('lost');
  expect(kinds).toContain('resend');
  expect(kinds.indexOf('resend')).toBeGreaterThan(kinds.indexOf('lost'));
  expect(times).toEqual([...times].sort((a, b) => a - b));
  // the status line says what the stop shows
  await page.keyboard.press('PageUp');
  await expect.poll(() => beat.textContent()).toMatch(/Stop \d+ of \d+/);

  // Space plays and pauses, P is presenter mode, Escape leaves it — all without a click
  await page.keyboard.press(' ');
  await expect.poll(() => controls(page).getAttribute('data-playing')).toBe('true');
  await page.keyboard.press(' ');
  await expect.poll(() => controls(page).getAttribute('data-playing')).toBe('false');
  await page.keyboard.press('p');
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('presenter'))).toBe(true);
  // in presenter mode → is the clicker's "next": the next stop
  const at = await beat.getAttribute('data-beat');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => beat.getAttribute('data-beat')).toBe(String(Number(at) + 1));
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('presenter'))).toBe(false);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a focused scenario picker never eats PageDown; Escape leaves it', async () => {
  const page = await open('#/lab');
  const picker = page.locator('#lab-scenario');
  await picker.waitFor();
  await picker.selectOption('qos2-losses');
  await picker.focus();
  const before = await timeMs(page);
  await page.keyboard.press('PageDown');
  await expect.poll(() => timeMs(page)).toBeGreaterThanOrEqual(before);
  expect(await picker.inputValue()).toBe('qos2-losses');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => document.activeElement === document.body)).toBe(true);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a lesson by keys: Play plays, 1–4 and Enter answer, Next says why it waits, the last step leads on', async () => {
  const page = await open('#/lessons/09-qos1/promise');
  const lesson = page.locator('[data-lesson="09-qos1"]');
  await lesson.locator('.prose-column h3').waitFor();

  // Play in a lesson runs the clock on (it used to sit at 0.00 s while the button said Pause)
  const start = await timeMs(page);
  await page.keyboard.press(' ');
  await expect.poll(() => controls(page).getAttribute('data-playing')).toBe('true');
  await expect.poll(() => timeMs(page)).toBeGreaterThan(start);
  await page.keyboard.press(' ');
  await expect.poll(() => controls(page).getAttribute('data-playing')).toBe('false');

  // a quiz step: Next waits, looks it, and says why
  await page.evaluate(() => (location.hash = '#/lessons/09-qos1/predict-sender'));
  await lesson.locator('.quiz .options button').first().waitFor();
  const next = lesson.locator('.nav .primary');
  expect(await next.isDisabled()).toBe(true);
  expect(Number(await next.evaluate((b) => getComputedStyle(b).opacity))).toBeLessThan(0.6);
  await expect.poll(() => lesson.locator('.why').textContent()).toMatch(/Answer the question/);
  // PageDown does not pass an unanswered quiz
  await page.keyboard.press('PageDown');
  await expect.poll(() => address(page)).toBe('#/lessons/09-qos1/predict-sender');
  // 2 picks the second option, Enter reveals
  await page.keyboard.press('2');
  await expect.poll(() => lesson.locator('.quiz .options button.picked').count()).toBe(1);
  await page.keyboard.press('Enter');
  await lesson.locator('.quiz .verdict').waitFor();
  expect(await next.isDisabled()).toBe(false);

  // PageDown goes on to the next step (through any stops on the way)
  for (let press = 0; press < 12; press++) {
    if ((await address(page)) !== '#/lessons/09-qos1/predict-sender') break;
    await page.keyboard.press('PageDown');
  }
  await expect.poll(() => address(page)).toBe('#/lessons/09-qos1/dup-flag');

  // choosing a step from the list of steps hands the keys back: Space then plays
  await lesson.locator('.all-steps summary').click();
  await lesson.locator('.all-steps li button').nth(1).click();
  await expect.poll(() => address(page)).toBe('#/lessons/09-qos1/first-byte');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  // the last step links to the next lesson
  await page.evaluate(() => (location.hash = '#/lessons/09-qos1/summary'));
  const onward = lesson.locator('a.next-lesson');
  await expect.poll(() => onward.getAttribute('data-next-lesson')).toBe('10-qos2');
  await expect.poll(() => onward.textContent()).toMatch(/Next lesson: .*QoS 2/);

  // presenter mode in a lesson: the prose and the diagram, large
  await page.keyboard.press('p');
  await expect.poll(() => page.locator('.lesson.presenting').count()).toBe(1);
  expect(await page.locator('.lesson .pair').count()).toBe(0);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.lesson.presenting').count()).toBe(0);
  expect(page.errors).toEqual([]);
  await page.context().close();
});
