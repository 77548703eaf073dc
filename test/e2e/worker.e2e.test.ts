/**
 * A tab that never freezes (issue 12, items 1 and 2): the link that froze the tab for 43 s is
 * simulated in a Web Worker while the page answers clicks; the event budget stops it with a
 * message; and a run being computed can be stopped. Waits are on conditions only. The longest
 * task the page ran (PerformanceObserver 'longtask') is printed, for the closing note.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import LZString from 'lz-string';
import { freezingLink } from '../fixtures/heavy-runs.ts';
import { type Lab, startLab } from './browser.ts';
import './lab-handle.ts';

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

/** The worker computes 300,000 events of it (the budget): a long wait on a busy 2-core machine. */
const BUDGET_WAIT_MS = 180_000;

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

async function openFreezingLink() {
  // a scenario in the address, as app/lab/permalink.ts writes it (that module needs Svelte's runes)
  const query = `s=${LZString.compressToEncodedURIComponent(JSON.stringify(freezingLink()))}`;
  const page = await lab.page({ width: 1600, height: 1000 });
  await page.addInitScript(() => {
    localStorage.setItem('mqtt-lab.language', 'en');
    localStorage.setItem('mqtt-lab.presenter', '0');
    localStorage.setItem('mqtt-lab.test-handle', '1');
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks!.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${lab.url}#/lab?${query}`);
  // opening a 1,952-step link and its first 2,000 events takes a while on a busy machine
  await page.locator('[data-run-computing]').waitFor({ timeout: 60_000 });
  return page;
}

test(
  'the freezing link computes off the page: clicks are answered, and the budget stops it',
  async () => {
    const page = await openFreezingLink();
    try {
      // a click on the language switch is handled while the run computes (no wait for the layout to settle)
      await page.getByRole('button', { name: '中文' }).first().click({ force: true });
      await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
      const stillComputing = await page.locator('[data-run-computing]').count();

      const budget = page.locator('[data-run-budget]');
      await budget.waitFor({ timeout: BUDGET_WAIT_MS });
      await page.locator('body').press('End', { timeout: 60_000 }); // the page has read the run as it came (Lab.readAlong)
      expect(await budget.getAttribute('data-run-budget')).toBe('300000');
      expect(await budget.textContent()).toContain('为了让页面保持响应');
      const state = await page.evaluate(() => {
        const l = window.__mqttLab!;
        return { atEnd: l.atEnd, complete: l.complete, events: l.trace.length, busiest: l.budget?.params.busiest };
      });
      expect(state).toMatchObject({ atEnd: true, complete: true, busiest: expect.stringMatching(/^c\d+$/) });
      // the page still answers: back to English
      await page.getByRole('button', { name: 'English' }).first().click({ force: true, timeout: 60_000 });
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await budget.textContent()).toContain('to keep the page responsive');

      const longTasks = await page.evaluate(() => window.__longTasks ?? []);
      console.log(
        `freezing link: ${state.events} events; computing when the language click was answered: ${stillComputing > 0}; ` +
          `long tasks: ${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms`,
      );
      expect(page.errors).toEqual([]);
    } finally {
      await page.context().close(); // its worker goes with it
    }
  },
  BUDGET_WAIT_MS + 120_000,
);

test('Stop ends the computation where it is, and what was computed can be looked at', async () => {
  const page = await openFreezingLink();
  try {
    await page.locator('[data-run-stop]').click({ force: true });
    await page.locator('[data-run-stopped]').waitFor();
    expect(await page.locator('[data-run-computing]').count()).toBe(0);
    const state = await page.evaluate(() => {
      const l = window.__mqttLab!;
      l.end();
      return { halted: l.halted, complete: l.complete, atEnd: l.atEnd, endMs: l.endMs, computedMs: l.computedMs };
    });
    expect(state).toMatchObject({ halted: true, complete: true, atEnd: true });
    expect(state.endMs).toBe(state.computedMs);
    expect(page.errors).toEqual([]);
  } finally {
    await page.context().close();
  }
}, 120_000);
