import { describe, expect, test } from 'vitest';
import { DEFAULT_LINK } from '$engine';
import { along, impairments, linkLanes, placeNodes, topologyHeight } from './topology-layout.ts';

const box = { hw: 40, hh: 20 };

describe('topology layout', () => {
  test('two clients face each other across the broker', () => {
    const { broker, clients } = placeNodes(['sensor', 'app'], 600, 120, box);
    expect(broker).toEqual({ x: 300, y: 60 });
    expect(clients.sensor.x).toBeCloseTo(44);
    expect(clients.sensor.y).toBeCloseTo(60);
    expect(clients.app.x).toBeCloseTo(556);
  });

  test('more clients: the first half on the left, the rest on the right, spread top to bottom', () => {
    const { clients } = placeNodes(['a', 'b', 'c', 'd', 'e'], 600, 300, box);
    expect([clients.a.x, clients.b.x, clients.c.x]).toEqual([44, 44, 44]);
    expect([clients.d.x, clients.e.x]).toEqual([556, 556]);
    expect([clients.a.y, clients.b.y, clients.c.y]).toEqual([50, 150, 250]);
    expect([clients.d.y, clients.e.y]).toEqual([75, 225]);
    expect(topologyHeight(5, 40, 10, 70)).toBe(3 * 40 + 2 * 10 + 8);
    expect(topologyHeight(2, 40, 10, 70)).toBe(70);
  });

  test('each link has an up lane above and a down lane below, edge to edge, opposite ways', () => {
    const lanes = linkLanes({ x: 50, y: 100 }, { x: 350, y: 100 }, box, box, 10);
    expect(lanes.up.from).toEqual({ x: 93, y: 95 });
    expect(lanes.up.to).toEqual({ x: 307, y: 95 });
    expect(lanes.down.from).toEqual({ x: 307, y: 105 });
    expect(lanes.down.to).toEqual({ x: 93, y: 105 });
    // the client on the right: its up lane is above too, running leftwards
    const right = linkLanes({ x: 650, y: 100 }, { x: 350, y: 100 }, box, box, 10);
    expect(right.up.from.y).toBe(95);
    expect(right.up.to.x).toBeLessThan(right.up.from.x);
  });

  test('a packet a fraction of the way along', () => {
    expect(along({ from: { x: 0, y: 0 }, to: { x: 100, y: 50 } }, 0.3)).toEqual({ x: 30, y: 15 });
    expect(along({ from: { x: 0, y: 0 }, to: { x: 100, y: 50 } }, 2)).toEqual({ x: 100, y: 50 });
  });

  test('impairments: delay always, the rest when not zero', () => {
    expect(impairments(DEFAULT_LINK)).toEqual([{ key: 'delay', ms: 50 }]);
    expect(impairments({ ...DEFAULT_LINK, lossRatio: 0.35, jitterMs: 30 }).map((p) => p.key)).toEqual([
      'delay',
      'jitter',
      'loss',
    ]);
    expect(impairments({ ...DEFAULT_LINK, duplicateRatio: 0.125 })[1]).toEqual({ key: 'duplicate', pct: 12.5 });
  });
});
