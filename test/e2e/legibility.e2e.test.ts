/**
 * Readable from the back of the room (issue 9 item 5), at 1920×1080: in the Fit view of every
 * preset (at its end) and of every lesson step, no packet label is cut short, overlaps another
 * label or is crossed by another packet's arrow, and a loss mark × sits on its own packet's line;
 * no text in the diagram, topology, narration or state is under 13 px in the normal view, nor under
 * 18 px in presenter mode. One page per language, moved by the address (the hash), so it stays fast.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PRESETS } from '../../app/lab/presets.ts';
import type { Lesson } from '../../lessons/lesson.ts';
import { type Lab, WAIT_MS, startLab } from './browser.ts';
import { type Legibility, SEGMENT_HITS_BOX, measureLegibility } from './legibility.ts';
import { LESSONS } from './lesson-ids.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

const FULL_HD = { width: 1920, height: 1080 };
const diagram = '[data-panel=SequenceDiagram]';
const PANELS = [diagram, '[data-panel=Topology]', '[data-panel=Narration]', '[data-panel=StatePanel]'];

async function open(lang: 'en' | 'zh', presenter: boolean): Promise<Page & { errors: string[] }> {
  const page = await lab.page({ ...FULL_HD, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  page.setDefaultTimeout(WAIT_MS);
  await page.addInitScript(
    ([l, p]) => {
      localStorage.setItem('mqtt-lab.language', l);
      localStorage.setItem('mqtt-lab.presenter', p ? '1' : '0');
      localStorage.setItem('mqtt-lab.side-hidden', '0');
    },
    [lang, presenter] as const,
  );
  await page.goto(`${lab.url}#/lab`);
  await page.locator(diagram).waitFor();
  return page;
}

/** Two animation frames: what the last change asked for is on screen. */
const painted = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** A preset at its end, fitted whole. */
async function presetFitted(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#/lab?p=${id}`);
  await page.locator(`${diagram} .viewport`).waitFor();
  await page.locator('body').focus();
  await page.keyboard.press('End');
  await page.locator(`${diagram} button.fit`).click();
  await painted(page);
}

const measure = (page: Page, minPx: number, scopes: string[] = [diagram]) =>
  page.evaluate(measureLegibility, { minPx, scopes, segmentHitsBox: SEGMENT_HITS_BOX });

/** Everything the test asks of one view, as one comparable record. */
const faults = (m: Legibility) => ({
  small: m.small,
  truncated: m.truncated,
  overlaps: m.overlaps,
  crossed: m.crossed,
  strayCrosses: m.strayCrosses,
});
const NONE = { small: [], truncated: [], overlaps: [], crossed: [], strayCrosses: [] };

for (const lang of ['zh', 'en'] as const) {
  describe(`${lang}: the Fit view`, () => {
    let page: Page & { errors: string[] };
    beforeAll(async () => {
      page = await open(lang, false);
    });
    afterAll(async () => {
      await page?.context().close();
    });

    // 7 presets, each run to its end and fitted: about 2 s each on a quiet 2-core machine
    test('of every preset at its end', { timeout: 120_000 }, async () => {
      const seen: Record<string, unknown> = {};
      let labels = 0;
      for (const { id } of PRESETS) {
        await presetFitted(page, id);
        const m = await measure(page, 13, PANELS);
        labels += m.labels;
        seen[id] = faults(m);
      }
      expect(seen).toEqual(Object.fromEntries(PRESETS.map(({ id }) => [id, NONE])));
      expect(labels).toBeGreaterThan(PRESETS.length * 3); // labels were drawn and looked at
      expect(page.errors).toEqual([]);
    });

    test.each(LESSONS)('of every step of lesson %s', async (id) => {
      const lesson = ((await import(`../../lessons/${id}/scenario.ts`)) as { default: Lesson }).default;
      const seen: Record<string, unknown> = {};
      let labels = 0;
      for (const step of lesson.steps) {
        await page.evaluate((hash) => (location.hash = hash), `#/lessons/${id}/${step.id}`);
        await page.locator(`[data-lesson="${id}"]`).waitFor();
        await painted(page);
        if ((await page.locator(diagram).count()) === 0) continue;
        const m = await measure(page, 13);
        labels += m.labels;
        seen[step.id] = faults(m);
      }
      expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((step) => [step, NONE])));
      expect(labels).toBeGreaterThan(0); // the steps' runs were drawn and their labels looked at
    });
  });

  // three presets at their end in presenter mode: about 4 s each on a quiet 2-core machine (180 s:
  // more than the 120 s default, as this test does three times the work of one)
  test(
    `${lang}: presenter mode writes nothing under 18 px in the diagram, narration and state`,
    { timeout: 180_000 },
    async () => {
      const page = await open(lang, true);
      try {
        for (const id of ['qos1-lost-puback', 'qos2-losses', 'keepalive-will']) {
          await presetFitted(page, id);
          const m = await measure(page, 18, PANELS);
          expect({ id, small: m.small }).toEqual({ id, small: [] });
        }
        expect(page.errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
  );
}
