/**
 * Nothing a user built is lost by accident (issue 12, item 4): keys pressed on the focused scenario
 * picker never replace the run; each change of run is a step in the browser's history, so Back
 * brings the run before it back; a fork that discards later actions says how many and is undone.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Lab, WAIT_MS, startLab } from './browser.ts';
import './lab-handle.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

async function open(hash: string) {
  const page = await lab.page({ width: 1600, height: 1000 });
  page.setDefaultTimeout(WAIT_MS);
  await page.addInitScript(() => {
    localStorage.setItem('mqtt-lab.language', 'en');
    localStorage.setItem('mqtt-lab.presenter', '0');
    localStorage.setItem('mqtt-lab.test-handle', '1');
  });
  await page.goto(`${lab.url}${hash}`);
  await page.waitForFunction(() => window.__mqttLab !== undefined);
  return page;
}

type LabPage = Awaited<ReturnType<typeof open>>;
const presetId = (page: LabPage) => page.evaluate(() => window.__mqttLab!.presetId);
const actionCount = (page: LabPage) => page.evaluate(() => window.__mqttLab!.timeline.actions.length);
const hash = (page: LabPage) => page.evaluate(() => location.hash);

/** Act through the lab at a time, as the actions panel does, and wait for the address to hold it. */
async function actAt(page: LabPage, timeMs: number, payload: string) {
  const before = await hash(page);
  await page.evaluate(
    ([ms, text]) => {
      const lab = window.__mqttLab!;
      lab.seekTime(Number(ms));
      lab.act({ do: 'publish', client: 'sensor', topic: 'home/door', payload: String(text), qos: 1 });
    },
    [timeMs, payload] as const,
  );
  await expect.poll(() => hash(page)).not.toBe(before);
}

test('keys on the focused scenario picker do not replace the run', async () => {
  const page = await open('#/lab?p=qos1-lost-puback');
  await page.locator('#lab-scenario').focus();
  for (const key of ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'End', 'Home', 'ArrowLeft', 'ArrowRight', 'e', 'r'])
    await page.keyboard.press(key);
  // a key that did choose would have loaded another preset by now: the address is written 150 ms
  // after a change, so wait for the address to be this run's, read after the keys
  await expect.poll(() => hash(page)).toMatch(/^#\/lab\?p=qos1-lost-puback/);
  expect(await presetId(page)).toBe('qos1-lost-puback');
  expect(await page.locator('#lab-scenario').inputValue()).toBe('qos1-lost-puback');
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('each change of run is a history entry: Back and Forward bring the runs back, actions and all', async () => {
  const page = await open('#/lab?p=qos1-lost-puback');
  const length = await page.evaluate(() => history.length);
  await page.locator('#lab-scenario').selectOption('retained');
  await expect.poll(() => hash(page)).toMatch(/^#\/lab\?p=retained/);
  expect(await page.evaluate(() => history.length)).toBe(length + 1);

  await actAt(page, 2_000, 'one');
  await actAt(page, 3_000, 'two');
  expect(await actionCount(page)).toBe(2);

  await page.goBack();
  await expect.poll(() => actionCount(page)).toBe(1);
  await page.goBack();
  await expect.poll(() => actionCount(page)).toBe(0);
  expect(await presetId(page)).toBe('retained');
  await page.goBack();
  await expect.poll(() => presetId(page)).toBe('qos1-lost-puback');
  await page.goForward();
  await page.goForward();
  await page.goForward();
  await expect.poll(() => actionCount(page)).toBe(2);
  expect(await presetId(page)).toBe('retained');
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('acting in the past says how many later actions it discarded, and Undo brings them back', async () => {
  const page = await open('#/lab?p=retained');
  await actAt(page, 2_000, 'one');
  await actAt(page, 3_000, 'two');
  await actAt(page, 4_000, 'three');
  const kept = await page.evaluate(() => JSON.stringify(window.__mqttLab!.timeline.actions));

  await actAt(page, 2_500, 'fork');
  const notice = page.locator('[data-undo-fork]');
  await expect.poll(() => notice.getAttribute('data-undo-fork')).toBe('2');
  expect(await notice.innerText()).toContain('discarded 2 later actions');
  expect(await actionCount(page)).toBe(2);

  const forked = await hash(page);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => page.evaluate(() => JSON.stringify(window.__mqttLab!.timeline.actions))).toBe(kept);
  await expect.poll(() => notice.count()).toBe(0);
  // and the fork itself stays one step back in the history (once the undone run has its address)
  await expect.poll(() => hash(page)).not.toBe(forked);
  await page.goBack();
  await expect.poll(() => actionCount(page)).toBe(2);
  expect(page.errors).toEqual([]);
  await page.context().close();
});
