/**
 * The tools a tinkerer reaches for (issue 12, item 5), in the browser: the empty lab's network and
 * protocol choices (with the pair 5.0 refuses), a repeating publish at a typed time, crash / cut /
 * restore side by side, the run's end and what is still on its way there, a subscribe before the
 * CONNACK that waits for it, and a packet caught in flight while playing, its menu saying what
 * "drop" means under TCP. Every wait is on a condition.
 */
import type { TraceEvent } from '$engine';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Lab, startLab } from './browser.ts';
import './lab-handle.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

async function open(hash = '#/lab?p=empty', language = 'en') {
  const page = await lab.page({ width: 1600, height: 1000 });
  await page.addInitScript((lang) => {
    localStorage.setItem('mqtt-lab.language', lang);
    localStorage.setItem('mqtt-lab.presenter', '0');
    localStorage.setItem('mqtt-lab.test-handle', '1');
  }, language);
  await page.goto(`${lab.url}${hash}`);
  await page.waitForFunction(() => window.__mqttLab !== undefined);
  await page.locator('[data-tab="actions"]').click();
  await page.locator('[data-panel="ActionsPanel"]').waitFor();
  return page;
}

type LabPage = Awaited<ReturnType<typeof open>>;
const scenarioOf = (page: LabPage) => page.evaluate(() => window.__mqttLab!.scenario);
const actionsOf = (page: LabPage) => page.evaluate(() => window.__mqttLab!.timeline.actions);
/** The trace up to the run's end, as plain data. */
const fullTrace = (page: LabPage) =>
  page.evaluate(() => {
    const lab = window.__mqttLab!;
    lab.seekTime(lab.endMs);
    return lab.trace.map((e) => JSON.parse(JSON.stringify(e, (_k, v) => (v instanceof Uint8Array ? [] : v))));
  }) as Promise<TraceEvent[]>;

test('the empty lab offers TCP or the lossy model and 3.1.1 or 5.0, named, and refuses the pair 5.0 forbids', async () => {
  const page = await open();
  const setup = page.locator('[data-form="setup"]');
  await expect.poll(() => setup.textContent()).toContain('TCP (what MQTT runs on)');
  const text = await setup.textContent();
  expect(text).toContain('Textbook lossy link');
  expect(text).toContain('MQTT 3.1.1');
  expect(text).toContain('MQTT 5.0');

  await setup.locator('input[value="lossy"]').check();
  await expect.poll(async () => (await scenarioOf(page)).transport).toBe('lossy');
  // 5.0 is disabled, and says why, before anyone picks it
  const v5 = setup.locator('input[value="5"]');
  await expect.poll(() => v5.isDisabled()).toBe(true);
  expect(await setup.locator('label', { has: page.locator('input[value="5"]') }).textContent()).toMatch(
    /MQTT-4\.4\.0-1/,
  );

  await setup.locator('input[value="tcp"]').check();
  await expect.poll(async () => (await scenarioOf(page)).transport ?? 'tcp').toBe('tcp');
  await v5.check();
  await expect.poll(async () => (await scenarioOf(page)).version).toBe(5);
  expect(await setup.locator('input[value="lossy"]').isDisabled()).toBe(true);
  // the run under 5.0 connects with protocol level 5
  const connect = (await fullTrace(page)).find((e) => e.kind === 'send' && e.packet.type === 'CONNECT');
  expect(connect?.kind === 'send' && connect.packet.type === 'CONNECT' && connect.packet.protocolVersion).toBe(5);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a repeating publish at a typed time is one action and as many numbered publishes', async () => {
  const page = await open();
  await page.locator('#lab-act-at').fill('2');
  const form = page.locator('[data-form="publish"]');
  await form.locator('#lab-pub-topic').fill('lab/reading');
  await form.locator('#lab-pub-payload').fill('reading');
  await form.locator('#lab-pub-every').fill('500');
  await form.locator('#lab-pub-times').fill('4');
  await form.getByRole('button', { name: 'Publish' }).click();
  await expect
    .poll(() => actionsOf(page))
    .toMatchObject([{ atMs: 2_000, do: 'publish', payload: 'reading', every: 500, times: 4 }]);
  // the cursor did not move to 2 s: the action waits there
  expect(await page.evaluate(() => window.__mqttLab!.timeMs)).toBeLessThan(2_000);
  const steps = (await fullTrace(page)).filter((e) => e.kind === 'step' && e.step.do === 'publish');
  expect(steps.map((e) => e.kind === 'step' && e.step.do === 'publish' && `${e.step.payload}@${e.atMs}`)).toEqual([
    'reading 1@2000',
    'reading 2@2500',
    'reading 3@3000',
    'reading 4@3500',
  ]);
  // the address holds one action, not four
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/&a=/);

  // a repeat past the lab's limits is refused beside the field
  await form.locator('#lab-pub-every').fill('60000');
  await form.locator('#lab-pub-times').fill('2000');
  await form.getByRole('button', { name: 'Publish' }).click();
  await expect.poll(() => page.locator('[data-error="publish.times"]').textContent()).toMatch(/at most 2000 steps/);
  expect(await actionsOf(page)).toHaveLength(1);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('crash, cut and restore stand side by side, each saying what it is', async () => {
  const page = await open();
  const buttons = page.locator('[data-form="failures"] button');
  await expect.poll(() => buttons.count()).toBe(3);
  const boxes = await Promise.all([0, 1, 2].map((i) => buttons.nth(i).boundingBox()));
  // one row: the same top, left to right
  expect(new Set(boxes.map((b) => Math.round(b!.y))).size).toBe(1);
  expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
  expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);
  expect(await buttons.nth(0).textContent()).toMatch(/Crash the client.*no DISCONNECT/);
  expect(await buttons.nth(1).textContent()).toMatch(/Cut the cable.*keepalive/);
  expect(await buttons.nth(2).textContent()).toMatch(/Plug it back in/);
  await page.locator('#lab-act-at').fill('1');
  await page.locator('[data-act="cut"]').click();
  await expect.poll(() => actionsOf(page)).toMatchObject([{ atMs: 1_000, do: 'cut', client: 'sensor' }]);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a run that ends with messages on their way says which, and runs on when asked', async () => {
  const page = await open();
  // the cable cut at 1 s, a QoS 1 publish at 2 s: TCP keeps resending it, nobody acknowledges it
  await page.evaluate(() => {
    const lab = window.__mqttLab!;
    lab.act({ do: 'cut', client: 'sensor', atMs: 1_000 });
    lab.act({ do: 'publish', client: 'sensor', topic: 'lab/t', payload: 'late', qos: 1, atMs: 2_000 });
  });
  await expect.poll(() => actionsOf(page)).toHaveLength(2);
  const endBefore = await page.evaluate(() => window.__mqttLab!.endMs);
  await page.evaluate(() => window.__mqttLab!.seekTime(window.__mqttLab!.endMs));
  const notice = page.locator('[data-unfinished]');
  await expect.poll(() => notice.textContent()).toMatch(/still on its way: PUBLISH sensor → the broker/);
  expect(await notice.textContent()).toMatch(/not yet acknowledged: sensor, packet id 1/);
  await notice.locator('[data-act="run-on"]').click();
  await expect.poll(() => page.evaluate(() => window.__mqttLab!.endMs)).toBe(endBefore + 10_000);
  expect(await page.locator('[data-end-ms]').getAttribute('data-end-ms')).toBe(String(endBefore + 10_000));

  // the end can be typed too
  await page.locator('#lab-end').fill('120');
  await page.locator('[data-form="end"]').getByRole('button', { name: 'Set' }).click();
  await expect.poll(() => page.evaluate(() => window.__mqttLab!.endMs)).toBe(120_000);
  await page.locator('#lab-end').fill('1');
  await page.locator('[data-form="end"]').getByRole('button', { name: 'Set' }).click();
  await expect.poll(() => page.locator('[data-error="end.end"]').count()).toBe(1);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a subscribe before the CONNACK waits for it and is sent, not dropped', async () => {
  const page = await open();
  // the empty lab's clients connect at 0; the CONNACK is back 100 ms later
  await page.locator('#lab-act-at').fill('0.02');
  const form = page.locator('[data-form="subscribe"]');
  await form.locator('#lab-sub-filter').fill('lab/#');
  await form.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await expect.poll(() => actionsOf(page)).toMatchObject([{ atMs: 20, do: 'subscribe' }]);
  const trace = await fullTrace(page);
  const sent = trace
    .filter((e) => e.kind === 'send' && e.from === 'sensor')
    .map((e) => e.kind === 'send' && e.packet.type);
  expect(sent.slice(0, 2)).toEqual(['CONNECT', 'SUBSCRIBE']);
  expect(trace.some((e) => e.kind === 'note' && e.code === 'not-connected')).toBe(false);
  await expect
    .poll(() => page.locator('[data-panel="Narration"], .narration-slot').first().textContent())
    .toMatch(/waits for the CONNACK/);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('a packet is caught while the run plays, and its menu says what drop means under TCP', async () => {
  const page = await open();
  // a slow uplink and a publish at 1 s: at the lab's 0.1× the PUBLISH is on its way for 20 s
  await page.evaluate(() => {
    const lab = window.__mqttLab!;
    lab.act({ do: 'set-link', client: 'sensor', direction: 'up', delayMs: 2_000, atMs: 500 });
    lab.act({ do: 'publish', client: 'sensor', topic: 'lab/t', payload: 'catch me', qos: 1, atMs: 1_000 });
    lab.seekTime(900);
    lab.play();
  });
  const flying = page.locator('[data-panel=SequenceDiagram] g.arrow.flight', { hasText: 'PUBLISH' }).first();
  await flying.waitFor();
  // the packet is moving (the run plays), so it is never "stable" as Playwright means it: click
  // where it is, as a person would, without waiting for it to stop
  await flying.locator('circle.tip').click({ force: true });
  const menu = page.getByRole('dialog');
  await expect.poll(() => menu.locator('[data-drop-means]').textContent()).toMatch(/arrives late, not lost/);
  expect(await menu.locator('[data-drop-means]').getAttribute('data-drop-means')).toBe('tcp');
  // opening the menu paused the run, with the packet still on its way
  expect(await page.evaluate(() => window.__mqttLab!.playing)).toBe(false);
  await menu.getByRole('button', { name: 'Drop it' }).click();
  await expect.poll(() => menu.count()).toBe(0);
  await expect.poll(async () => (await actionsOf(page)).some((a) => a.do === 'fault')).toBe(true);
  expect(page.errors).toEqual([]);
  await page.context().close();
});
