/**
 * Every step of every lesson opens from its address (`#/lessons/<lesson>/<step>`), in zh and in
 * en, in exactly the state that stepping to it gives: the run's position, the packet lit and the
 * prose. One page per language: each lesson is first walked with Next (quizzes answered, awaited
 * actions done for the student) and each step's state written down; then every step is opened by
 * changing the address — the path a followed link takes — and compared. A sample of steps is also
 * opened by a real reload. No error may show, and no message in the other language.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Lab, WAIT_MS, startLab } from './browser.ts';
import { TEST_HANDLE_KEY } from './lab-handle.ts';
import { LESSONS } from './lesson-ids.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

/** Each language's walk, by address: what stepping showed there. */
const walked = new Map<string, Shown>();

/** What a step shows, read from the page, and what is wrong with it (if anything). */
interface Shown {
  hash: string;
  counter: string;
  title: string;
  prose: string;
  seq: number;
  timeMs: number;
  send: number | null;
  /** Problems on screen: alerts, the driver's own English errors, prose in the other language. */
  problems: string[];
}

/**
 * In the page (one round trip per lesson, not per click: the machine is shared and slow): walk the
 * lesson with Next — quizzes answered, awaited actions done — writing down each step, or open each
 * given address in turn. Each move waits until the counter shows the step it leads to.
 */
async function inPage(page: Page, lang: 'en' | 'zh', hashes: string[] | null | 'current'): Promise<Shown[]> {
  return page.evaluate(
    async ({ lang, hashes }) => {
      const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? '';
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      async function until(ok: () => boolean, what: string): Promise<void> {
        for (let i = 0; i < 2_000; i++) {
          if (ok()) return;
          await frame();
        }
        throw new Error(`timed out waiting for ${what}`);
      }
      const stepNumber = () => Number(text('.counter').match(/\d+/)?.[0] ?? NaN);
      function shown(): Shown {
        const lab = window.__mqttLab;
        const prose = [...document.querySelectorAll('.prose-column > :not(.crumbs)')]
          .map((e) => e.textContent)
          .join(' ');
        const problems = [...document.querySelectorAll('.problem, [role=alert]')].map((e) => e.textContent ?? '');
        if (/\bno \d+\. [A-Z]+|no scenario step with id/.test(prose)) problems.push(`driver error: ${prose}`);
        const cjk = /[\u4e00-\u9fff]{2}/.test(prose);
        if (lang === 'zh' && !cjk) problems.push(`no Chinese in the zh prose: ${prose.slice(0, 80)}`);
        if (lang === 'en' && cjk) problems.push(`Chinese in the en prose: ${prose.slice(0, 80)}`);
        return {
          // the address without its language part (`lang=…`, last in every address the app writes)
          hash: location.hash.replace(/[?&]lang=[a-z]+$/, ''),
          counter: text('.counter'),
          title: text('.prose-column h3'),
          prose: text('.prose-column h3 + *').slice(0, 160),
          seq: lab?.seq ?? NaN,
          timeMs: Math.round(lab?.timeMs ?? NaN),
          send: lab?.selection?.send ?? null,
          problems,
        };
      }
      const click = (selector: string) => (document.querySelector(selector) as HTMLElement | null)?.click();
      const states: Shown[] = [];
      if (hashes === 'current') {
        await until(() => text('.prose-column h3') !== '' && window.__mqttLab !== undefined, 'the step');
        await frame();
        return [shown()];
      }
      if (hashes) {
        for (const [i, hash] of hashes.entries()) {
          location.hash = hash;
          await until(() => stepNumber() === i + 1 && text('.prose-column h3') !== '', hash);
          await frame();
          states.push(shown());
        }
        return states;
      }
      for (let n = 1; n < 60; n++) {
        await until(() => stepNumber() === n && text('.prose-column h3') !== '', `step ${n}`);
        await frame();
        states.push(shown());
        const next = document.querySelector('.nav .primary') as HTMLButtonElement | null;
        if (!next) break; // the last step offers the next lesson instead
        if (document.querySelector('.quiz .options button:not([disabled])')) {
          click('.quiz .options button:not([disabled])');
          await until(() => text('.quiz .verdict') !== '', 'the verdict');
        }
        const byte = document.querySelector('.quiz input') as HTMLInputElement | null;
        if (byte) {
          byte.value = '00';
          byte.dispatchEvent(new Event('input', { bubbles: true }));
          click('.quiz form button');
          await until(() => text('.quiz .verdict') !== '', 'the verdict');
        }
        if (document.querySelector('.await button')) {
          click('.await button');
          await until(() => text('.await').includes('✓'), 'the action done');
        }
        await until(() => !next.disabled, 'Next to be enabled');
        next.click();
      }
      return states;
    },
    { lang, hashes },
  );
}

for (const lang of ['en', 'zh'] as const) {
  describe(lang, () => {
    let page: Page & { errors: string[] };
    beforeAll(async () => {
      page = await lab.page({ width: 1600, height: 1000, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
      page.setDefaultTimeout(WAIT_MS);
      await page.addInitScript(
        ([l, key]) => {
          localStorage.setItem('mqtt-lab.language', l);
          localStorage.setItem(key, '1');
          // presenter mode: the prose and the diagram only — what a class sees, and fewer panels to draw
          localStorage.setItem('mqtt-lab.presenter', '1');
        },
        [lang, TEST_HANDLE_KEY],
      );
      await page.goto(`${lab.url}#/lessons`);
      await page.locator('.index li').first().waitFor();
    });
    afterAll(async () => {
      await page?.context().close();
    });

    // A walk and a direct opening per step: a few seconds per lesson on a quiet machine.
    test.each(LESSONS)(
      `${lang}: every step of %s opens from its address as stepping gives it`,
      async (id) => {
        const errorsBefore = page.errors.length;
        await page.evaluate((hash) => (location.hash = hash), `#/lessons/${id}`);
        const stepped = await inPage(page, lang, null);
        expect(stepped.length).toBeGreaterThan(1);
        for (const state of stepped) walked.set(`${lang}${state.hash}`, state);
        // a step opened from its address: each in turn, by a change of the address
        const direct = await inPage(
          page,
          lang,
          stepped.map((s) => s.hash),
        );
        expect(direct).toEqual(stepped);
        expect(stepped.flatMap((s) => s.problems)).toEqual([]);
        expect(page.errors.slice(errorsBefore)).toEqual([]);
      },
      60_000,
    );

    // The steps that failed from their address before, opened by a real reload of the page.
    test.each([
      ['11-keepalive', 'closed'],
      ['11-keepalive', 'predict-close'],
      ['12-will', 'predict-silent'],
      ['12-will', 'keepalive'],
    ])(`${lang}: %s/%s opens after a reload`, async (id, step) => {
      const errorsBefore = page.errors.length;
      const hash = `#/lessons/${id}/${step}`;
      await page.evaluate((h) => (location.hash = h), hash);
      await page.reload();
      const [reloaded] = await inPage(page, lang, 'current');
      expect(reloaded.hash).toBe(hash);
      expect(reloaded.problems).toEqual([]);
      // the state stepping gave (when this run walked the lesson)
      const stepped = walked.get(`${lang}${hash}`);
      if (stepped) expect(reloaded).toEqual(stepped);
      expect(page.errors.slice(errorsBefore)).toEqual([]);
    });
  });
}
