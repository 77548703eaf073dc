import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../../test/support/load-scenario.ts';
import { freezingLink } from '../../../test/fixtures/heavy-runs.ts';
import type { Scenario } from '$engine';
import { setLanguage } from '../../i18n/i18n.svelte.ts';
import { Lab } from '../lab.svelte.ts';
import { presetById } from '../presets.ts';
import { arrowAria, markAria, markLabel } from './diagram-text.ts';
import { copyProgress } from './sequence-layout.ts';
import { DENSE_LIMIT, DENSE_TIMERS, SequenceView } from './sequence-view.svelte.ts';

function busyLab(publishes = 300): Lab {
  const lab = new Lab();
  lab.load({ scenario: loadScenario(publishes), seed: 1, actions: [] });
  lab.end();
  return lab;
}

describe('the sequence view', () => {
  const lab = busyLab();
  const view = new SequenceView(lab);
  view.width = 800;
  view.height = 500;

  test('draws exactly the copies that overlap the window and are shown at the cursor', () => {
    lab.seekTime(5_000);
    view.ty = view.tyFor(4_600, 300);
    const { t0, t1 } = view.window;
    expect(t1 - t0).toBeLessThan(1_500);
    const { model } = view.run;
    const cursor = { seq: lab.seq, timeMs: lab.timeMs };
    const expected: string[] = [];
    for (const arrow of model.arrows) {
      arrow.copies.forEach((copy, c) => {
        const progress = copyProgress(arrow, copy, cursor);
        const end = progress.done ? copy.endMs : progress.tipMs;
        if (progress.shown && arrow.send.sentAtMs <= t1 && end >= t0) expected.push(`${arrow.seq}:${c}`);
      });
    }
    const drawn = view.arrows.items.map((item) => item.key);
    expect(drawn.length).toBeGreaterThan(20);
    expect(drawn.length).toBeLessThan(model.arrows.length / 5);
    expect(new Set(drawn)).toEqual(new Set(expected));
    expect(view.arrows.items.filter((item) => item.inFlight).length).toBeGreaterThan(0);
  });

  test('an arrived arrow is laid out once: scrolling reuses it', () => {
    lab.seekTime(8_000);
    view.ty = view.tyFor(7_500, 300);
    const before = new Map(view.arrows.items.map((item) => [item.key, item]));
    view.ty -= 40;
    const after = view.arrows.items;
    const kept = after.filter((item) => before.has(item.key) && !item.inFlight);
    expect(kept.length).toBeGreaterThan(10);
    for (const item of kept) expect(item).toBe(before.get(item.key));
    // zooming lays them out again
    view.k = 2;
    expect(view.arrows.items.find((item) => before.get(item.key) === item)).toBeUndefined();
    view.k = 1;
  });

  test('far out, the arrows become one plain path', () => {
    lab.seekTime(lab.endMs);
    view.k = 0.02;
    view.ty = view.clampTy(-1e9);
    expect(view.arrows.count).toBeGreaterThan(DENSE_LIMIT);
    expect(view.arrows.dense).toMatch(/^M/);
    expect(view.arrows.items).toEqual([]);
    view.k = 1;
  });

  test('far out, more timers than DENSE_TIMERS become one plain path of bars', () => {
    // sixteen clients resending every 50 ms over a dead uplink: timers by the thousand
    const retrying = new Lab({ budget: 6_000 });
    retrying.load({ scenario: freezingLink(), seed: 1, actions: [] });
    retrying.end();
    const far = new SequenceView(retrying);
    far.width = 800;
    far.height = 500;
    far.k = far.fitZoom(0, retrying.timeMs);
    far.ty = far.clampTy(-1e9);
    const { t0, t1 } = far.window;
    expect(far.run.model.timerIndex.query(t0, t1).length).toBeGreaterThan(DENSE_TIMERS);
    expect(far.timers).toEqual([]);
    expect(far.timersDense).toMatch(/^M[\d.]+,[\d.]+L/);
    far.k = 4;
    far.ty = far.clampTy(far.tyFor(retrying.timeMs, 300));
    expect(far.timersDense).toBeNull();
    expect(far.timers.length).toBeGreaterThan(0);
  });

  test('timers and marks in view are only those shown at the cursor', () => {
    lab.seekTime(1_200);
    view.ty = view.tyFor(1_000, 300);
    for (const item of view.timers) expect(item.bar.startSeq).toBeLessThanOrEqual(lab.seq);
    for (const item of view.marks) expect(item.mark.seq).toBeLessThanOrEqual(lab.seq);
    expect(view.marks.some((item) => item.mark.kind === 'step')).toBe(true);
  });

  test('keyboard neighbours go through the arrows in time order, never past the cursor', () => {
    lab.seekSeq(40);
    const first = view.neighbour(null, 1)!;
    expect(first.index).toBe(0);
    const second = view.neighbour(first.seq, 1)!;
    expect(second.index).toBe(1);
    const last = view.neighbour(null, -1)!;
    expect(last.seq).toBeLessThanOrEqual(40);
    expect(view.neighbour(last.seq, 1)).toBeUndefined();
  });
});

describe('a packet a corrupt fault altered', () => {
  const scenario: Scenario = {
    clients: [{ id: 'app' }],
    steps: [
      { atMs: 0, do: 'connect', client: 'app' },
      { atMs: 100, do: 'fault', fault: 'corrupt', from: 'app', packet: 'SUBSCRIBE', xor: 0x02 },
      { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 2 },
    ],
  };
  const lab = new Lab();
  lab.load({ scenario, seed: 1, actions: [] });
  lab.end();
  const view = new SequenceView(lab);
  view.width = 800;
  view.height = 500;

  test('is marked by a glyph on its label and in words for a screen reader, in both languages', async () => {
    view.ty = view.tyFor(200, 100);
    const item = view.arrows.items.find((i) => i.arrow.send.packet.type === 'SUBSCRIBE')!;
    expect(item.label).toBe('SUBSCRIBE #1 ⚡');
    await setLanguage('en');
    expect(arrowAria(item)).toContain('altered by a fault as it left: byte 0 is 0x80, not 0x82');
    await setLanguage('zh');
    expect(arrowAria(item)).toContain('发出时被故障篡改：第 0 字节是 0x80，原本是 0x82');
    await setLanguage('en');
    // the other packets are drawn as they always are
    expect(view.arrows.items.filter((i) => i.label.includes('⚡'))).toHaveLength(1);
  });

  test('the fault step, and the close it leads to, have their words', () => {
    view.ty = view.tyFor(100, 100);
    const texts = view.run.model.marks.map((mark) => markLabel(mark));
    expect(texts).toContain('fault: alter byte 0 of the next SUBSCRIBE ⚡');
    expect(texts).toContain('closed (app): malformed packet');
  });

  test('the broker’s protocol error: its rule on the lifeline, the codec’s words for a screen reader', async () => {
    const error = view.run.model.marks.find((mark) => mark.kind === 'error')!;
    expect(markLabel(error)).toBe('protocol error [MQTT-3.8.1-1]');
    expect(markAria(error)).toContain('The flags of SUBSCRIBE (bits 3–0 of the first byte) must be 0010');
    await setLanguage('zh');
    expect(markLabel(error)).toBe('协议错误 [MQTT-3.8.1-1]');
    expect(markAria(error)).toContain('SUBSCRIBE 的标志位（首字节第 3–0 位）必须是 0010');
    await setLanguage('en');
    for (const mark of view.run.model.marks) expect(markLabel(mark)).not.toContain('reserved-flags');
  });
});

describe('the will going out (keepalive + will, the stop at 13.55 s)', () => {
  // the projector's size: presenter mode's text on a 1920×1080 screen
  for (const em of [16, 26]) {
    test(`its close is named above the cursor's line and its PUBLISH is named (em ${em})`, () => {
      const lab = new Lab();
      lab.load({ scenario: presetById('keepalive-will')!.scenario, seed: 1, actions: [] });
      lab.ensure(lab.endMs);
      lab.seekTime(13_550);
      const view = new SequenceView(lab);
      view.width = 1_250;
      view.height = 400;
      view.em = em;
      view.ty = view.tyFor(13_550, 300);
      const cursorY = view.y(13_550);
      const close = view.marks.find((m) => m.mark.kind === 'close' && m.mark.atMs === 13_550);
      expect(close?.labelY, 'the close is named').not.toBeNull();
      // the name's middle is at least about half its height from the line: the line does not strike it
      expect(Math.abs(close!.labelY! - cursorY)).toBeGreaterThanOrEqual(view.fontPx * 0.7);
      const will = view.arrows.items.find(
        (item) => item.arrow.send.from === 'broker' && item.arrow.send.sentAtMs === 13_550,
      );
      expect(will?.arrow.send.packet.type).toBe('PUBLISH');
      const at = view.arrows.labelled.get(will!.key);
      expect(at, 'the will PUBLISH is named').toBeDefined();
      // above the line (the future below it is not drawn yet), towards app (right of the broker)
      expect(view.labelBox(will!, at!).y1).toBeLessThan(cursorY);
      expect(at!.x).toBeGreaterThan(will!.shape.x1);
    });
  }
});
