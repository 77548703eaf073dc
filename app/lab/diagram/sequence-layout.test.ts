import type { TraceEvent } from '$engine';
import { describe, expect, test } from 'vitest';
import { EMPTY } from '../presets.ts';
import { RunModel } from './run-model.ts';
import { laneClients } from './sequence-view.svelte.ts';
import { placeNodes } from './topology-layout.ts';
import {
  arrowShape,
  clampTranslate,
  copyProgress,
  endFraction,
  fitLabel,
  fitText,
  keepApart,
  laneOrder,
  laneXs,
  OPEN_FRACTION,
  packetLabel,
  placeLabels,
  segmentHitsBox,
  textWidth,
  timeScale,
  timeTicks,
  timerShape,
} from './sequence-layout.ts';

const bytes = new Uint8Array([0x40, 2, 0, 1]);
const puback = { type: 'PUBACK', packetId: 1 } as const;
const link = { from: 'sensor', to: 'broker', conn: 1 } as const;

/** A small trace: a PUBACK that arrives (0 → 50), one lost half way (100 → ×75... at 125), one into a closed connection. */
const trace = [
  { seq: 0, atMs: 0, kind: 'send', ...link, packet: puback, bytes, sentAtMs: 0, expectedAtMs: 50 },
  { seq: 1, atMs: 50, kind: 'arrive', send: 0, ...link, packet: puback, bytes, sentAtMs: 0, arriveAtMs: 50 },
  { seq: 2, atMs: 100, kind: 'send', ...link, packet: puback, bytes, sentAtMs: 100 },
  { seq: 3, atMs: 100, kind: 'drop', send: 2, ...link, reason: 'fault', lostAtMs: 125 },
  { seq: 4, atMs: 200, kind: 'send', ...link, packet: puback, bytes, sentAtMs: 200, expectedAtMs: 250 },
  { seq: 5, atMs: 250, kind: 'drop', send: 4, ...link, reason: 'closed', lostAtMs: 250 },
] as TraceEvent[];

const model = new RunModel();
model.sync(trace);
const [arrived, lost, closed] = model.arrows;
const y = timeScale(1, 0); // 1 px per ms from y = 0
const X = { sensor: 100, broker: 300 };

describe('lanes', () => {
  test('the broker stands in the middle, clients in scenario order around it', () => {
    expect(laneOrder(['sensor', 'app'])).toEqual(['sensor', 'broker', 'app']);
    expect(laneOrder(['a', 'b', 'c'])).toEqual(['a', 'b', 'broker', 'c']);
    expect(laneOrder([])).toEqual(['broker']);
    expect(laneXs(['sensor', 'broker', 'app'], 500, 50, 50)).toEqual({ sensor: 100, broker: 275, app: 450 });
  });

  test('publishers left, the others right, so that no arrow crosses a third party where an order avoids it', () => {
    // lesson 12: the sensor publishes (and leaves a will), the dashboard and the phone subscribe
    const lesson12 = [
      { id: 'sensor', publishes: true, weight: 3 },
      { id: 'dashboard', publishes: false, weight: 2 },
      { id: 'phone', publishes: false, weight: 2 },
    ];
    expect(laneOrder(lesson12)).toEqual(['sensor', 'broker', 'dashboard', 'phone']);
    // a subscriber listed first still goes right of the broker
    expect(
      laneOrder([
        { id: 'app', publishes: false, weight: 1 },
        { id: 'sensor', publishes: true, weight: 1 },
      ]),
    ).toEqual(['sensor', 'broker', 'app']);
    // sides stay balanced, the busiest nearest the broker
    const many = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, publishes: true, weight: i }));
    expect(laneOrder(many)).toEqual(['c', 'd', 'broker', 'b', 'a']);
  });

  test('with no publisher, the first of equally busy clients goes left, as the topology draws it', () => {
    // the empty lab: two clients that only connect; the topology puts its first half on the left
    const empty = laneClients(EMPTY.scenario);
    expect(empty.every((c) => !c.publishes)).toBe(true);
    expect(laneOrder(empty)).toEqual(['sensor', 'broker', 'app']);
    const ids = EMPTY.scenario.clients.map((c) => c.id);
    const places = placeNodes(ids, 600, 200, { hw: 40, hh: 20 });
    expect(ids.filter((id) => places.clients[id].x < places.broker.x)).toEqual(['sensor']);
  });
});

describe('what a label may not touch', () => {
  const box = { x0: 10, x1: 20, y0: 10, y1: 20 };
  test('a segment through, into, beside or past a box', () => {
    expect(segmentHitsBox(0, 15, 30, 15, box)).toBe(true); // straight through
    expect(segmentHitsBox(15, 15, 40, 40, box)).toBe(true); // starts inside
    expect(segmentHitsBox(0, 0, 30, 5, box)).toBe(false); // above it
    expect(segmentHitsBox(0, 30, 30, 0, box)).toBe(true); // diagonal across
    expect(segmentHitsBox(0, 9, 9, 0, box)).toBe(false); // cuts the corner's bounding box only
  });
});

describe('arrow geometry', () => {
  test('an arrived packet: from the sender at its send time to the receiver at its arrival, with a head', () => {
    const cursor = { seq: 5, timeMs: 300 };
    const progress = copyProgress(arrived, arrived.copies[0], cursor);
    expect(progress).toEqual({ shown: true, done: true, fraction: 1, tipMs: 50 });
    const shape = arrowShape(arrived, arrived.copies[0], progress, X.sensor, X.broker, y);
    expect(shape).toMatchObject({ x1: 100, y1: 0, x2: 300, y2: 50, endKind: 'head', tip: null });
    expect(shape.end).toMatch(/^M300,50L/);
    expect(shape.lx).toBe(180); // LABEL_AT of the way from the sender
  });

  test('a packet on its way is drawn up to where it is at the cursor', () => {
    const cursor = { seq: 0, timeMs: 20 };
    const progress = copyProgress(arrived, arrived.copies[0], cursor);
    expect(progress.done).toBe(false);
    expect(progress.fraction).toBeCloseTo(0.4);
    const shape = arrowShape(arrived, arrived.copies[0], progress, X.sensor, X.broker, y);
    expect(shape.tip).toEqual({ x: 180, y: 20 });
    expect(shape).toMatchObject({ x2: 180, y2: 20, end: null });
  });

  test('nothing after the cursor is drawn', () => {
    expect(copyProgress(lost, lost.copies[0], { seq: 1, timeMs: 60 }).shown).toBe(false);
  });

  test('a lost packet flies until it is lost, then ends in a × where it was lost', () => {
    // the drop event comes at the send, but the packet is lost only at 125
    const flying = copyProgress(lost, lost.copies[0], { seq: 3, timeMs: 110 });
    expect(flying).toMatchObject({ shown: true, done: false });
    expect(flying.fraction).toBeCloseTo(0.4);
    expect(endFraction(lost, lost.copies[0])).toBe(0.5);
    const done = copyProgress(lost, lost.copies[0], { seq: 3, timeMs: 130 });
    const shape = arrowShape(lost, lost.copies[0], done, X.sensor, X.broker, y);
    expect(shape).toMatchObject({ x2: 200, y2: 125, endKind: 'cross' });
    expect(shape.end).toContain('M194,119L206,131');
  });

  test('a lost packet keeps a slope at every zoom: its × is on its own line, below where it left', () => {
    const done = copyProgress(lost, lost.copies[0], { seq: 3, timeMs: 130 });
    const flat = timeScale(0.01, 0); // zoomed far out: 25 ms is a quarter of a pixel
    const shape = arrowShape(lost, lost.copies[0], done, X.sensor, X.broker, flat, 20);
    expect(shape.y2 - shape.y1).toBeGreaterThanOrEqual(20);
    expect(shape).toMatchObject({ x2: 200, endKind: 'cross' });
    // zoomed in, where it was lost is already far enough below: drawn at its time
    expect(arrowShape(lost, lost.copies[0], done, X.sensor, X.broker, y, 20).y2).toBe(125);
  });

  test('a packet whose arrival is not known yet is drawn open-ended from its sender, never to a midpoint', () => {
    const pending = new RunModel();
    pending.sync([{ ...trace[2], seq: 0, atMs: 100 }] as TraceEvent[]);
    const [arrow] = pending.arrows;
    const progress = copyProgress(arrow, arrow.copies[0], { seq: 0, timeMs: 400 });
    const shape = arrowShape(arrow, arrow.copies[0], progress, X.sensor, X.broker, y, 20);
    expect(shape.endKind).toBe('open');
    expect(shape.tip).toBeNull();
    expect(shape.x2).toBe(X.sensor + (X.broker - X.sensor) * OPEN_FRACTION);
    expect(shape.y2).toBe(400); // reaches down to the cursor's time: still on its way then
  });

  test('a packet reaching a closed connection ends at the receiver with a bar', () => {
    const progress = copyProgress(closed, closed.copies[0], { seq: 5, timeMs: 250 });
    const shape = arrowShape(closed, closed.copies[0], progress, X.sensor, X.broker, y);
    expect(shape).toMatchObject({ x2: 300, y2: 250, endKind: 'closed' });
  });

  test('labels say type, packet id, QoS and DUP', () => {
    expect(packetLabel(puback)).toBe('PUBACK #1');
    expect(
      packetLabel({
        type: 'PUBLISH',
        topic: 'a',
        payload: new Uint8Array(),
        qos: 1,
        dup: true,
        retain: true,
        packetId: 7,
      }),
    ).toBe('PUBLISH #7 Q1 DUP R');
    expect(packetLabel({ type: 'PINGREQ' })).toBe('PINGREQ');
  });
});

describe('timers, labels and the axis', () => {
  const timers = new RunModel();
  timers.sync([
    {
      seq: 0,
      atMs: 100,
      kind: 'timer',
      actor: 'sensor/out/1',
      machine: 'qos1-sender',
      name: 'retry',
      action: 'start',
      timer: 1,
      dueAtMs: 1_100,
    },
    {
      seq: 1,
      atMs: 1_100,
      kind: 'timer',
      actor: 'sensor/out/1',
      machine: 'qos1-sender',
      name: 'retry',
      action: 'fire',
      timer: 1,
      dueAtMs: 1_100,
    },
  ] as TraceEvent[]);
  const bar = timers.timers[0];

  test('a running timer grows to the cursor and shows when it is due; a fired one ends where it fired', () => {
    expect(timerShape(bar, 100, 1, { seq: 0, timeMs: 400 }, y)).toEqual({
      x: 107,
      y1: 100,
      y2: 400,
      dueY: 1_100,
      state: 'running',
    });
    expect(timerShape(bar, 100, -1, { seq: 1, timeMs: 2_000 }, y)).toMatchObject({ x: 93, y2: 1_100, state: 'fired' });
    expect(timerShape(bar, 100, 1, { seq: -1, timeMs: 0 }, y)).toBeNull();
  });

  test('labels on one lifeline are pushed apart', () => {
    const same = (ys: number[]) => ys.map((y) => ({ y, rank: 0 }));
    expect(placeLabels(same([10, 12, 40, 41]), 10, Infinity)).toEqual([10, 20, 40, 50]);
    // never far from their time: one pushed more than 15 is left out, and takes no room
    expect(placeLabels(same([10, 11, 12, 13, 30]), 10, 15)).toEqual([10, 20, null, null, 30]);
    // the one that says more goes first: a crowd of routine labels does not push it out
    const crowd = [0, 5, 10, 12, 15].map((y) => ({ y, rank: 1 }));
    expect(placeLabels([...crowd, { y: 11, rank: 0 }], 10, 15)).toEqual([0, null, 21, null, null, 11]);
    // none between free.from and free.to (the cursor's line): one pushed there goes past it
    expect(placeLabels(same([0, 5]), 10, Infinity, { from: 8, to: 22 })).toEqual([0, 22]);
    expect(placeLabels(same([8, 30]), 10, Infinity, { from: 8, to: 22 })).toEqual([8, 30]);
  });

  test('ticks fit the window and read in seconds', () => {
    const ticks = timeTicks(0, 1_000, 5);
    expect(ticks[0]).toEqual({ ms: 0, label: '0.0 s' });
    expect(ticks.map((t) => t.ms)).toEqual([0, 200, 400, 600, 800, 1_000]);
    expect(timeTicks(0, 60_000, 6).at(-1)).toEqual({ ms: 60_000, label: '60 s' });
  });

  test('scrolling stops at the top and a little past the cursor', () => {
    expect(clampTranslate(50, 1_000, 400)).toBe(0);
    expect(clampTranslate(-2_000, 1_000, 400)).toBe(-600);
    expect(clampTranslate(-300, 1_000, 400)).toBe(-300);
    expect(clampTranslate(-300, 200, 400)).toBe(0); // all of it fits
  });
});

describe('labels kept apart', () => {
  test('a label that would cover an earlier one is left out', () => {
    const box = (x: number, y: number) => ({ x0: x, y0: y, x1: x + 50, y1: y + 10 });
    expect([...keepApart([box(0, 0), box(20, 5), box(60, 5), box(0, 12)])]).toEqual([0, 2, 3]);
  });
});

describe('text that fits', () => {
  test('is shortened with … to the room there is, CJK counted wider', () => {
    expect(fitText('publish home/door Q1', 1_000, 10)).toBe('publish home/door Q1');
    const short = fitText('publish home/door Q1', 60, 10);
    expect(short.endsWith('…')).toBe(true);
    expect(textWidth(short, 10)).toBeLessThanOrEqual(60);
    expect(textWidth('发布', 10)).toBe(20);
  });
});

describe('fitLabel', () => {
  const label = 'protocol error [MQTT-3.3.1-4]';
  test('keeps a label that fits', () => expect(fitLabel(label, 1_000, 13)).toBe(label));
  test('shortens the words and keeps the rule whole', () => {
    const fitted = fitLabel(label, textWidth(label, 13) - 20, 13);
    expect(fitted.endsWith(' [MQTT-3.3.1-4]')).toBe(true);
    expect(fitted).toContain('…');
    expect(textWidth(fitted, 13)).toBeLessThanOrEqual(textWidth(label, 13) - 20);
  });
  test('shows the rule alone when nothing else fits', () =>
    expect(fitLabel(label, textWidth('[MQTT-3.3.1-4]', 13) + 2, 13)).toBe('[MQTT-3.3.1-4]'));
  test('a label without a rule is shortened as any text', () =>
    expect(fitLabel('link cut for a long while', 60, 13)).toBe(fitText('link cut for a long while', 60, 13)));
});
