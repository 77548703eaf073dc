/**
 * The lab's state panel and packet inspector in a real browser. The lab is driven through its test
 * handle (app/lab/test-handle.ts: `window.__mqttLab`), so these tests do not depend on how the
 * controls and the diagram select things.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Lab as LabState } from '../../app/lab/lab.svelte.ts';
import { type Lab, startLab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

type Handle = { __mqttLab: LabState; __mqttLoadPreset: (id: string) => void };

/** The lab page (default preset: QoS 1 with a lost PUBACK), its handle on. */
async function open(lang: 'en' | 'zh' = 'en', size = { width: 1280, height: 720 }) {
  const page = await lab.page({ ...size, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  await page.addInitScript((l) => {
    localStorage.setItem('mqtt-lab.language', l);
    localStorage.setItem('mqtt-lab.test-handle', '1');
  }, lang);
  await page.goto(`${lab.url}#/lab`);
  await page.locator('h1').waitFor();
  await page.waitForFunction(() => (window as unknown as Partial<Handle>).__mqttLab !== undefined);
  return page;
}

async function seek(page: Page, ms: number): Promise<void> {
  await page.evaluate((ms) => (window as unknown as Handle).__mqttLab.seekTime(ms), ms);
}

/** Select the nth send of a packet type (from 1) and show the inspector. */
async function select(page: Page, type: string, from: string, nth = 1): Promise<number> {
  const seq = await page.evaluate(
    ({ type, from, nth }) => {
      const handle = (window as unknown as Handle).__mqttLab;
      const sends = handle.trace.filter((e) => e.kind === 'send' && e.packet.type === type && e.from === from);
      const send = sends[nth - 1];
      handle.selection = { send: send.seq };
      return send.seq;
    },
    { type, from, nth },
  );
  const tab = page.locator('[data-tab="inspector"]');
  if ((await tab.count()) > 0 && (await tab.getAttribute('aria-pressed')) !== 'true') await tab.click();
  await page.locator('.inspector .packet-view').first().waitFor();
  return seq;
}

const chart = (machine: string) => `.state-panel svg[data-machine="${machine}"]`;

test('the statecharts are drawn from the machines, with the current state lit', async () => {
  const page = await open();
  await page.locator(chart('client-connection')).waitFor();
  // At first both clients are disconnected.
  await page.evaluate(() => (window as unknown as Handle).__mqttLab.seekSeq(1));
  await expect
    .poll(() => page.locator(`${chart('client-connection')} [data-lit="true"]`).getAttribute('data-state'))
    .toBe('disconnected');
  await seek(page, 1_000);
  // Connected and idle: the state inside the container is lit, and both clients are tagged on it.
  const lit = page.locator(`${chart('client-connection')} [data-lit="true"]`);
  await expect.poll(() => lit.getAttribute('data-state')).toBe('connected.idle');
  await expect
    .poll(() => page.locator(`${chart('client-connection')} .tag`).evaluateAll((els) => els.map((e) => e.textContent)))
    .toEqual(['▶ app', '▶ sensor']);
  await expect
    .poll(() => page.locator(`${chart('broker-connection')} [data-lit="true"]`).getAttribute('data-state'))
    .toBe('connected.alive');
  // The QoS 1 message still waits for its PUBACK (the first one was lost).
  await expect
    .poll(() => page.locator(`${chart('qos1-sender')} [data-lit="true"]`).getAttribute('data-state'))
    .toBe('awaitingPuback');
  await expect
    .poll(() => page.locator('[data-chart="flow"] figcaption').textContent())
    .toContain('sensor sending, packet id 1');
  // Every state of the machine is drawn, the compound one as a container.
  await expect.poll(() => page.locator(`${chart('client-connection')} .state`).count()).toBe(7);
  await expect.poll(() => page.locator(`${chart('client-connection')} .container`).count()).toBe(1);
  await seek(page, 2_000);
  await expect
    .poll(() => page.locator(`${chart('qos1-sender')} [data-lit="true"]`).getAttribute('data-state'))
    .toBe('acknowledged');
  expect(page.errors).toEqual([]);
});

test('keepalive countdowns show the 1.5 × rule; tables follow the cursor', async () => {
  const page = await open();
  await seek(page, 1_000);
  const keepalive = page.locator('.keepalive');
  await expect.poll(() => keepalive.textContent()).toContain('1.5 × 60 s = 90 s');
  await expect.poll(() => keepalive.locator('[role="meter"]').count()).toBe(4);
  // The sensor last sent at 0.6 s (its PUBLISH): no PINGREQ before 60.6 s, 59.6 s from the cursor.
  await expect.poll(() => keepalive.textContent()).toContain('59.6 s left of 60 s');
  await expect.poll(() => keepalive.textContent()).toContain('last sent something at 0.6 s');
  // The flow in flight, with its topic; pointing at it lights it and draws its machine.
  const flow = page.locator('.flow[data-actor="sensor/out/1"]');
  await expect.poll(() => flow.textContent()).toContain('home/door');
  await flow.hover();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Handle).__mqttLab.hover?.actor))
    .toBe('sensor/out/1');
  await expect.poll(() => flow.getAttribute('class')).toContain('lit');
  await expect.poll(() => page.locator('.session[data-client="app"]').textContent()).toContain('home/door → QoS 1');
  expect(page.errors).toEqual([]);
});

test('selecting a packet shows its bytes; pointing at a byte lights its field and back', async () => {
  const page = await open();
  await seek(page, 1_000);
  await select(page, 'PUBLISH', 'sensor');
  const inspector = page.locator('.inspector');
  await expect.poll(() => inspector.locator('.summary').textContent()).toContain('PUBLISH');
  await expect.poll(() => inspector.locator('.summary').textContent()).toContain('arrived at 0.65 s');
  await expect.poll(() => inspector.locator('.byte[data-offset]').count()).toBe(19);
  await inspector.locator('[data-offset="5"]').hover(); // the "o" of home/door
  await expect.poll(() => inspector.locator('.tree .row.lit').textContent()).toContain('UTF-8 text');
  await expect.poll(() => inspector.locator('.detail h5').textContent()).toContain('UTF-8 text');
  await inspector.locator('.tree .row', { hasText: 'Packet identifier' }).hover();
  await expect
    .poll(() => inspector.locator('.byte.lit').evaluateAll((els) => els.map((e) => e.getAttribute('data-offset'))))
    .toEqual(['13', '14']);
  await inspector.locator('.tree .row', { hasText: 'QoS level' }).hover();
  await expect.poll(() => inspector.locator('.bitgrid .group.lit').textContent()).toContain('QoS level');
  // The selected packet's flow is lit in the state panel.
  const stateTab = page.locator('[data-tab="state"]');
  if ((await stateTab.count()) > 0) await stateTab.click();
  await expect.poll(() => page.locator('.flow[data-actor="sensor/out/1"]').getAttribute('class')).toContain('lit');
  await expect
    .poll(() => page.locator('[data-chart="flow"] figcaption').textContent())
    .toContain('sensor sending, packet id 1');
  expect(page.errors).toEqual([]);
});

test('the fate of a lost packet, and of a resend', async () => {
  const page = await open();
  await seek(page, 2_000);
  await select(page, 'PUBACK', 'broker');
  await expect.poll(() => page.locator('.inspector .fate').textContent()).toContain('lost at 0.675 s');
  await select(page, 'PUBLISH', 'sensor', 2);
  const summary = page.locator('.inspector .summary');
  await expect.poll(() => summary.textContent()).toContain('DUP 1');
  await expect.poll(() => summary.textContent()).toContain('a resend of the one sent at 0.6 s');
  expect(page.errors).toEqual([]);
});

test('a scratch copy re-decodes or names the rule it breaks; the run is unchanged', async () => {
  const page = await open();
  await seek(page, 1_000);
  await select(page, 'PUBLISH', 'sensor');
  const inspector = page.locator('.inspector');
  await inspector.locator('summary').click();
  await inspector.locator('select').selectOption('3');
  await expect.poll(() => inspector.locator('.failure').textContent()).toContain('MQTT-3.3.1-4');
  await expect.poll(() => inspector.locator('.edited-chip').count()).toBe(1);
  await inspector.getByRole('button', { name: 'Back to the bytes sent' }).click();
  await expect.poll(() => inspector.locator('.failure').count()).toBe(0);
  // A longer topic: the Remaining Length follows.
  await inspector.locator('input.text').fill('home/front-door');
  await expect.poll(() => inspector.locator('.tree').textContent()).toContain('"home/front-door"');
  await expect.poll(() => inspector.locator('.byte[data-offset="1"]').textContent()).toContain('17');
  // A wildcard in a PUBLISH topic is not allowed.
  await inspector.locator('input.text').fill('home/+');
  await expect.poll(() => inspector.locator('.failure').textContent()).toContain('MQTT-3.3.2-2');
  // The run itself still has the bytes that were sent.
  const sent = await page.evaluate(() => {
    const handle = (window as unknown as Handle).__mqttLab;
    const send = handle.trace.find((e) => e.kind === 'send' && e.packet.type === 'PUBLISH');
    return send?.kind === 'send' && send.packet.type === 'PUBLISH' ? send.packet.topic : '';
  });
  expect(sent).toBe('home/door');
  expect(page.errors).toEqual([]);
});

test('side by side as 3.1.1 and 5.0, and on to the packet explainer', async () => {
  const page = await open();
  await seek(page, 1_000);
  await select(page, 'PUBLISH', 'sensor');
  const inspector = page.locator('.inspector');
  await inspector.getByText('3.1.1 and 5.0 side by side').click();
  await expect.poll(() => inspector.locator('.packet-view').count()).toBe(2);
  // As 5.0, the byte after the packet id is read as a property length: the payload decodes differently.
  await expect
    .poll(() => inspector.locator('.packet-view').nth(1).locator('.version-chip').textContent())
    .toContain('5.0');
  await inspector.locator('.packet-view').nth(0).locator('[data-offset="14"]').hover();
  await expect.poll(() => inspector.locator('.byte.lit[data-offset="14"]').count()).toBe(2);
  await inspector.getByRole('button', { name: 'Open in the packet explainer' }).click();
  await expect
    .poll(() => page.evaluate(() => location.hash))
    .toBe('#/explain?x=32110009686f6d652f646f6f7200016f70656e&v=4&lang=en');
  await expect.poll(() => page.locator('.packet-view h3').first().textContent()).toContain('PUBLISH');
  expect(page.errors).toEqual([]);
});

test('in Chinese, with nothing selected, and enlarged', async () => {
  const page = await open('zh', { width: 1920, height: 1080 });
  await seek(page, 1_000);
  await expect.poll(() => page.locator(chart('client-connection')).textContent()).toContain('空闲');
  await expect.poll(() => page.locator('.keepalive').textContent()).toContain('1.5 × 60 秒 = 90 秒');
  const tab = page.locator('[data-tab="inspector"]');
  if ((await tab.count()) > 0) {
    await tab.click();
    await expect.poll(() => page.locator('.inspector .hint').textContent()).toContain('时序图');
    await page.locator('[data-tab="state"]').click();
  }
  await page.locator('[data-chart="client"] .enlarge').click();
  const dialog = page.locator('dialog.enlarged');
  await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
  await expect.poll(() => dialog.locator('[data-lit="true"]').getAttribute('data-state')).toBe('connected.idle');
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  expect(page.errors).toEqual([]);
});
