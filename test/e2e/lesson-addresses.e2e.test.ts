/**
 * Every step of every lesson opens from its address (`#/lessons/<lesson>/<step>`), in zh and in
 * en, in exactly the state that stepping to it gives: the run's position, the packet lit and the
 * prose. One page per language, both languages at once (two pages of one browser, each on its own
 * renderer): each lesson is first walked with Next (quizzes answered, awaited actions done for the
 * student) and each step's state written down; then every step is opened by changing the address —
 * the path a followed link takes — and compared; then at least one step of every lesson is opened
 * by a real reload of the page (its last step, in en or zh by turns; the steps that once failed from
 * their address in both), and compared too. No error may show, and no message in the other language.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
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
    async ({ lang, hashes, waitMs }) => {
      const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? '';
      /** A drawn frame: what the last change asked for is on screen. */
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      /**
       * Wait for a state: looked at after each task, not each frame — the app reaches it within the
       * task that follows a click or a change of the address — then one frame for it to be drawn.
       */
      async function until(ok: () => boolean, what: string): Promise<void> {
        const deadline = performance.now() + waitMs;
        while (!ok()) {
          if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
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
    { lang, hashes, waitMs: WAIT_MS },
  );
}

const LANGS = ['en', 'zh'] as const;
type Lang = (typeof LANGS)[number];
const pages = {} as Record<Lang, Page & { errors: string[] }>;

beforeAll(async () => {
  for (const lang of LANGS) {
    const page = await lab.page({ width: 1600, height: 1000, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
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
    pages[lang] = page;
  }
});
afterAll(async () => {
  for (const page of Object.values(pages)) await page?.context().close();
});

/**
 * The steps opened by a real reload in both languages: those that failed from their address before
 * (a lesson 11 and 12 will demo shown instead of the step). Every other lesson reloads at its last
 * step, the one with the most of the run behind it.
 */
const RELOADED: Record<string, string[]> = {
  '11-keepalive': ['closed', 'predict-close'],
  '12-will': ['predict-silent', 'keepalive'],
};

/** One lesson in one language: walked, every step opened by its address, some after a reload. */
async function checkLesson(lang: Lang, id: string): Promise<void> {
  const page = pages[lang];
  const errorsBefore = page.errors.length;
  await page.evaluate((hash) => (location.hash = hash), `#/lessons/${id}`);
  const stepped = await inPage(page, lang, null);
  expect(stepped.length, `${lang} ${id}`).toBeGreaterThan(1);
  expect(stepped.flatMap((s) => s.problems)).toEqual([]);
  // a step opened from its address: each in turn, by a change of the address
  const direct = await inPage(
    page,
    lang,
    stepped.map((s) => s.hash),
  );
  expect(direct).toEqual(stepped);
  // and by a reload of the page at its address: the steps that once failed in both languages, and
  // for every other lesson its last step, in one language, the two taking turns (a reload costs as
  // much as a dozen steps opened by their address)
  const turn = LANGS[LESSONS.indexOf(id) % LANGS.length];
  const reloads = RELOADED[id] ?? (lang === turn ? [stepped[stepped.length - 1].hash.split('/').at(-1)!] : []);
  for (const step of reloads) {
    const hash = `#/lessons/${id}/${step}`;
    await page.evaluate((h) => (location.hash = h), hash);
    await page.reload();
    const [reloaded] = await inPage(page, lang, 'current');
    expect(reloaded.hash).toBe(hash);
    expect(reloaded).toEqual(stepped.find((s) => s.hash === hash));
  }
  expect(page.errors.slice(errorsBefore)).toEqual([]);
}

// A walk, a direct opening per step and a reload, in both languages at once: a few seconds a lesson.
test.each(LESSONS)('every step of %s opens from its address as stepping gives it, in en and zh', async (id) => {
  await Promise.all(LANGS.map((lang) => checkLesson(lang, id)));
});
