/**
 * Every built-in scenario in the browser, for the two things a student does most: open a packet's
 * bytes (pointing at a byte lights its field) and drop a packet on its way (and see how the
 * protocol answers: the textbook model loses it and the sender resends; TCP retransmits it late).
 * Also: a lesson's "free play" opens its run in the lab at that moment, and the way back returns.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SendEvent } from '../../engine/index.ts';
import { PRESETS } from '../../app/lab/presets.ts';
import { type Lab, startLab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

async function open(hash = '#/lab') {
  const page = await lab.page({ width: 1280, height: 1400 });
  await page.addInitScript(() => {
    localStorage.setItem('mqtt-lab.language', 'en');
    localStorage.setItem('mqtt-lab.test-handle', '1');
  });
  await page.goto(`${lab.url}${hash}`);
  return page;
}

test.each(PRESETS.map((p) => p.id))('%s: a packet’s bytes, and a packet dropped on its way', async (id) => {
  const page = await open();
  await page.waitForFunction(() => window.__mqttLab !== undefined);
  await page.evaluate(
    (id) => (window as unknown as { __mqttLoadPreset: (id: string) => void }).__mqttLoadPreset(id),
    id,
  );

  // the first PUBLISH of the run, in the inspector: the first byte lights its row
  const found = await page.evaluate(() => {
    const lab = window.__mqttLab!;
    lab.end();
    const arrives = (seq: number) => lab.trace.find((e) => e.kind === 'arrive' && e.send === seq);
    const send = lab.trace.find(
      (e): e is SendEvent => e.kind === 'send' && e.packet.type === 'PUBLISH' && arrives(e.seq) !== undefined,
    );
    const arrive = send && arrives(send.seq);
    if (!send || !arrive) return null;
    lab.seekTime((send.atMs + arrive.atMs) / 2); // on its way
    lab.selection = { send: send.seq };
    return { send: send.seq, from: send.from, sentAtMs: send.atMs };
  });
  expect(found, 'a PUBLISH that arrives').not.toBeNull();
  await page.locator('[data-tab="inspector"]').click();
  const inspector = page.locator('.inspector');
  await inspector.locator('[data-offset="0"]').first().hover();
  await expect.poll(() => inspector.locator('.tree .row.lit').first().textContent()).toMatch(/First byte|Packet type/);

  // drop it while it is on its way
  const flying = page.locator('[data-panel=SequenceDiagram] g.arrow.flight', { hasText: 'PUBLISH' }).first();
  await flying.locator('circle.tip').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Drop it' }).click();
  const answer = await page.evaluate(
    ({ from, sentAtMs }) => {
      const lab = window.__mqttLab!;
      lab.end();
      const sends = lab.trace.filter(
        (e): e is SendEvent => e.kind === 'send' && e.packet.type === 'PUBLISH' && e.from === from,
      );
      const first = sends.find((e) => e.atMs === sentAtMs)!;
      const dropped = lab.trace.some((e) => e.kind === 'drop' && e.send === first.seq && e.reason === 'fault');
      const resent = sends.some((e) => e.seq > first.seq && e.packet.type === 'PUBLISH' && e.packet.dup);
      return {
        transport: lab.scenario.transport ?? 'tcp',
        dropped,
        resent,
        retransmits: lab.trace.reduce(
          (n, e) => (e.kind === 'arrive' && e.send === first.seq && e.copy === undefined ? (e.retransmits ?? 0) : n),
          0,
        ),
        qos: first.packet.type === 'PUBLISH' ? first.packet.qos : -1,
      };
    },
    { from: found!.from, sentAtMs: found!.sentAtMs },
  );
  if (answer.transport === 'lossy') {
    expect(answer.dropped).toBe(true);
    // QoS 0 is simply gone; QoS 1 and 2 are sent again with DUP = 1 when the retry timer runs out
    expect(answer.resent).toBe(answer.qos > 0);
  } else {
    expect(answer.retransmits).toBeGreaterThanOrEqual(1); // TCP sent the segment again: late, not lost
  }
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('free play from a lesson opens its run at that moment, and the way back returns', async () => {
  const page = await open('#/lessons/09-qos1/dup-flag');
  await page.locator('.prose-column h3').waitFor();
  // the lesson has run its lab to this step
  await page.waitForFunction(() => (window.__mqttLab?.seq ?? -1) > 0);
  const lessonSeq = await page.evaluate(() => window.__mqttLab!.seq);
  await page.getByRole('button', { name: 'Free play from here' }).click();
  await page.locator('[data-panel=Controls]').waitFor();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/lab\?s=/);
  await expect.poll(() => page.evaluate(() => window.__mqttLab?.seq)).toBe(lessonSeq);
  await page.getByRole('button', { name: /Back to the lesson/ }).click();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/lessons/09-qos1/dup-flag?lang=en');
  await page.locator('.prose-column h3').waitFor();
  expect(page.errors).toEqual([]);
  await page.context().close();
});
