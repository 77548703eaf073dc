/**
 * Every lesson, in both languages, walked from its first step to its last in the browser: the
 * quizzes answered (the first option, or a byte), the awaited actions done ("do it for me"), with
 * no console error — and the address following the step, so a link opens a lesson at a step.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Lab, startLab } from './browser.ts';
import { LESSONS } from './lesson-ids.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

async function open(hash: string, lang: 'en' | 'zh') {
  const page = await lab.page({ width: 1600, height: 1000, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  await page.addInitScript((l) => localStorage.setItem('mqtt-lab.language', l), lang);
  await page.goto(`${lab.url}${hash}`);
  return page;
}

test('the index lists every lesson with its title, and the glossary opens', async () => {
  const page = await open('#/lessons', 'zh');
  await expect.poll(() => page.locator('.index li').count()).toBe(LESSONS.length);
  await expect.poll(() => page.locator('.index li').first().textContent()).toContain('MQTT');
  await page.getByRole('link', { name: '术语表' }).click();
  await expect.poll(() => page.locator('.glossary tbody tr').count()).toBeGreaterThan(30);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

// One page per language, led from lesson to lesson by its address as a reader's link would: a
// cold page load per lesson cost more than the walks themselves on CI's two cores.
for (const lang of ['en', 'zh'] as const) {
  describe(lang, () => {
    let page: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      page = await open('#/lessons', lang);
    });
    afterAll(async () => {
      await page?.context().close();
    });

    test.each(LESSONS)(`${lang}: lesson %s walks from first step to last`, async (id) => {
      const errorsBefore = page.errors.length;
      await page.evaluate((hash) => (location.hash = hash), `#/lessons/${id}`);
      const next = page.locator(`[data-lesson="${id}"] .nav .primary`);
      await next.waitFor();
      await expect.poll(() => stepNumbers(page)).toEqual([1, expect.any(Number)]);
      for (let guard = 0; guard < 40; guard++) {
        const quizOptions = page.locator('.quiz .options button:not([disabled])');
        if ((await quizOptions.count()) > 0) {
          await quizOptions.first().click();
          await page.locator('.quiz .verdict').waitFor();
        }
        const byte = page.locator('.quiz input');
        if ((await byte.count()) > 0) {
          await byte.fill('00');
          await page.locator('.quiz form button').click();
          await page.locator('.quiz .verdict').waitFor();
        }
        const doIt = page.locator('.await button');
        if ((await doIt.count()) > 0) {
          await doIt.click();
          await page.locator('.await').getByText('✓').waitFor();
        }
        // the last step offers the next lesson instead of Next
        if ((await next.count()) === 0 || (await next.isDisabled())) break;
        await next.click();
      }
      const [n, total] = await stepNumbers(page);
      expect(n).toBe(total); // reached the last step
      expect(await page.evaluate(() => location.hash)).toMatch(
        new RegExp(`^#/lessons/${id}/[a-z0-9-]+\\?lang=${lang}$`),
      );
      expect(page.errors.slice(errorsBefore)).toEqual([]);
    });
  });
}

/** The counter's "step n of total". */
async function stepNumbers(page: Page): Promise<number[]> {
  return ((await page.locator('.counter').textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
}

test('at 1280×720 a step shows its run from the start: the first PUBLISH, its lost PUBACK and the resend', async () => {
  const page = await lab.page({ width: 1280, height: 720, locale: 'en-US' });
  await page.addInitScript(() => localStorage.setItem('mqtt-lab.language', 'en'));
  await page.goto(`${lab.url}#/lessons/09-qos1/predict-app`);
  const viewport = page.locator('[data-panel=SequenceDiagram] .viewport');
  /** The labels of the arrows drawn wholly inside the diagram's window. */
  const inView = () =>
    viewport.evaluate((box) => {
      const frame = box.getBoundingClientRect();
      return [...box.querySelectorAll('g.arrow')]
        .filter((arrow) => {
          const r = arrow.getBoundingClientRect();
          return r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1;
        })
        .map((arrow) => arrow.textContent?.trim() ?? '');
    });
  await expect
    .poll(inView)
    // (the resend is selected, as stepping leaves it at this step: its arrow also carries its description)
    .toEqual(
      expect.arrayContaining(['CONNECT', 'PUBLISH #1 Q1', 'PUBACK #1', expect.stringMatching(/PUBLISH #1 Q1 DUP$/)]),
    );
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a link opens a lesson at a step', async () => {
  const page = await open('#/lessons/09-qos1/dup-flag', 'en');
  await expect.poll(() => page.locator('.prose-column h3').textContent()).toContain('DUP');
  await expect.poll(() => page.locator('.counter').textContent()).toContain('Step 5');
  expect(page.errors).toEqual([]);
  await page.context().close();
});
