import {
  brokerConnectionMachine,
  clientConnectionMachine,
  qos1SenderMachine,
  qos2ReceiverMachine,
  qos2SenderMachine,
} from '$engine';
import { describe, expect, test } from 'vitest';
import { textWidth } from './chart-text.ts';
import {
  type ChartLayout,
  type ChartWords,
  type Detail,
  borderPoint,
  cachedLayout,
  clipEnd,
  layoutChart,
  pathThrough,
} from './statechart-layout.ts';
import { chartEdges, extractChart } from './statechart.ts';

const words: ChartWords = {
  state: (s) => ({ name: s.key }),
  trigger: (t) => (t.kind === 'event' ? t.event : t.kind === 'after' ? `after ${t.delay}` : 'always'),
  guard: (g) => g,
  otherwise: 'else',
  action: (a) => a,
  entry: 'entry',
  timer: (name) => `timer: ${name}`,
};

const MACHINES = [
  clientConnectionMachine,
  brokerConnectionMachine,
  qos1SenderMachine,
  qos2SenderMachine,
  qos2ReceiverMachine,
];
const DETAILS: Detail[] = ['full', 'brief', 'bare'];

/** The first and last points of an SVG path made of M, L, Q and C commands. */
function ends(d: string): { start: { x: number; y: number }; end: { x: number; y: number } } {
  const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
  return { start: { x: numbers[0], y: numbers[1] }, end: { x: numbers.at(-2)!, y: numbers.at(-1)! } };
}

/** Distance from a point to a box's border (0 on it). */
function toBorder(p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.width));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.height));
  if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
  return Math.min(p.x - b.x, b.x + b.width - p.x, p.y - b.y, b.y + b.height - p.y);
}

const overlap = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(MACHINES.map((m) => [m.id, m] as const))('the layout of %s', (_id, machine) => {
  const chart = extractChart(machine);

  test.each(DETAILS)('%s: every state placed, inside the chart, none on another', (detail) => {
    const layout = layoutChart(chart, words, { detail });
    const boxes = [...layout.states, ...layout.containers];
    expect(boxes.map((b) => b.id).sort()).toEqual(chart.states.map((s) => s.id).sort());
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(layout.width + 0.5);
      expect(b.y + b.height).toBeLessThanOrEqual(layout.height + 0.5);
    }
    for (const a of layout.states) for (const b of layout.states) if (a !== b) expect(overlap(a, b)).toBe(false);
  });

  test.each(DETAILS)('%s: one arrow per pair of states, from one to the other', (detail) => {
    const layout = layoutChart(chart, words, { detail });
    expect(layout.edges.map((e) => e.id).sort()).toEqual(
      chartEdges(chart)
        .map((e) => e.id)
        .sort(),
    );
    const box = (id: string) => [...layout.states, ...layout.containers].find((b) => b.id === id)!;
    for (const edge of layout.edges) {
      const { start, end } = ends(edge.d);
      expect(toBorder(start, box(edge.from)), `${edge.id} starts on its state`).toBeLessThan(2);
      expect(toBorder(end, box(edge.to)), `${edge.id} ends on its state`).toBeLessThan(2);
    }
  });
});

describe('compound states', () => {
  const layout = layoutChart(extractChart(clientConnectionMachine), words);
  const box = (id: string) => [...layout.states, ...layout.containers].find((b) => b.id === id)!;

  test('a compound state is a container around its children, its name at the top', () => {
    expect(layout.containers.map((c) => c.id)).toEqual(['connected']);
    const connected = box('connected');
    for (const child of ['connected.idle', 'connected.awaitingPingresp']) {
      const b = box(child);
      expect(b.x).toBeGreaterThan(connected.x);
      expect(b.y).toBeGreaterThan(connected.y + connected.lines[0].y);
      expect(b.x + b.width).toBeLessThan(connected.x + connected.width);
      expect(b.y + b.height).toBeLessThan(connected.y + connected.height);
    }
    expect(connected.lines[0]).toMatchObject({ text: 'connected', style: 'title' });
  });

  test('an arrow into the container ends at its edge; one from a child leaves from the child', () => {
    const into = layout.edges.find((e) => e.id === 'connecting→connected')!;
    expect(toBorder(ends(into.d).end, box('connected'))).toBeLessThan(2);
    const out = layout.edges.find((e) => e.id === 'connected.awaitingPingresp→lost')!;
    expect(toBorder(ends(out.d).start, box('connected.awaitingPingresp'))).toBeLessThan(2);
  });

  test('the chart reads from the initial state down', () => {
    expect(box('disconnected').y).toBeLessThan(box('connecting').y);
    expect(box('connecting').y).toBeLessThan(box('connected').y);
    expect(box('connected').y).toBeLessThan(box('lost').y);
    expect(layout.initials.length).toBe(2); // the machine's and the container's
  });

  test('labels: full says guards and actions, brief only triggers, bare nothing', () => {
    const label = (l: ChartLayout) => l.edges.find((e) => e.id === 'connected.idle→connected.awaitingPingresp')!.label;
    expect(label(layout).lines.map((l) => l.text)).toEqual([
      'after keepAlive',
      '[silent for keepalive]',
      '/ send PINGREQ',
    ]);
    const brief = layoutChart(extractChart(clientConnectionMachine), words, { detail: 'brief' });
    expect(label(brief).lines.map((l) => l.text)).toEqual(['after keepAlive']);
    const bare = layoutChart(extractChart(clientConnectionMachine), words, { detail: 'bare' });
    expect(label(bare).lines).toEqual([]);
    expect(bare.width).toBeLessThan(brief.width);
    expect(box('connecting').lines.map((l) => l.text)).toEqual([
      'connecting',
      'entry / send CONNECT',
      'timer: connackTimeout',
    ]);
  });

  test('laid out once per machine, language and detail', () => {
    const chart = extractChart(qos2SenderMachine);
    const a = cachedLayout(chart, words, 'en', { detail: 'brief' });
    expect(cachedLayout(chart, words, 'en', { detail: 'brief' })).toBe(a);
    expect(cachedLayout(chart, words, 'zh', { detail: 'brief' })).not.toBe(a);
  });
});

describe('geometry', () => {
  test('text width: CJK a full em, Latin about half', () => {
    expect(textWidth('已连接', 10)).toBe(30);
    expect(textWidth('idle', 10)).toBeLessThan(textWidth('IDLE', 10));
  });

  test('a border point faces the point it heads for', () => {
    const box = { x: 0, y: 0, width: 100, height: 50 };
    expect(borderPoint(box, { x: 50, y: 200 })).toEqual({ x: 50, y: 50 });
    expect(borderPoint(box, { x: 300, y: 25 })).toEqual({ x: 100, y: 25 });
  });

  test('a route into a box is cut at its edge', () => {
    const box = { x: 0, y: 100, width: 100, height: 100 };
    const cut = clipEnd(
      [
        { x: 50, y: 0 },
        { x: 50, y: 80 },
        { x: 50, y: 150 },
      ],
      box,
    );
    expect(cut.length).toBe(3);
    expect(cut[2].y).toBeCloseTo(100, 3);
  });

  test('paths go through their points', () => {
    expect(pathThrough([])).toBe('');
    expect(
      pathThrough([
        { x: 0, y: 0 },
        { x: 10, y: 10 },
      ]),
    ).toBe('M0,0L10,10');
    expect(
      pathThrough([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 10 },
      ]),
    ).toBe('M0,0Q10,0 10,10');
  });
});
