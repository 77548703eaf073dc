/**
 * The topology's geometry, as pure functions: the broker in the middle, the clients around it on an
 * ellipse (two clients: left and right), one link per client drawn as two parallel one-way lanes
 * (up: client → broker, down: broker → client), and a point along a lane for a packet on its way.
 */
import type { LinkOptions } from '$engine';

export interface Point {
  x: number;
  y: number;
}

export interface Segment {
  from: Point;
  to: Point;
}

/**
 * Where the broker and each client stand in a `width` × `height` box; `node` is a node's half-size.
 * Like the sequence diagram's lifelines, the first half of the clients stand on the left and the
 * rest on the right, each side's spread evenly from top to bottom.
 */
export function placeNodes(
  clients: readonly string[],
  width: number,
  height: number,
  node: { hw: number; hh: number },
): { broker: Point; clients: Record<string, Point> } {
  const broker = { x: width / 2, y: height / 2 };
  const left = Math.ceil(clients.length / 2);
  const out: Record<string, Point> = {};
  const column = (ids: readonly string[], x: number) =>
    ids.forEach((id, i) => (out[id] = { x, y: (height * (i + 0.5)) / ids.length }));
  column(clients.slice(0, left), node.hw + 4);
  column(clients.slice(left), width - node.hw - 4);
  return { broker, clients: out };
}

/** The height the topology needs for `clients` nodes `nodeHeight` tall with `gap` between them. */
export function topologyHeight(clients: number, nodeHeight: number, gap: number, least: number): number {
  const perSide = Math.ceil(clients / 2);
  return Math.max(least, perSide * nodeHeight + (perSide - 1) * gap + 8);
}

/** How far from a box's centre its edge is, along the unit direction (ux, uy). */
function edgeDistance(ux: number, uy: number, hw: number, hh: number): number {
  const tx = Math.abs(ux) > 1e-9 ? hw / Math.abs(ux) : Infinity;
  const ty = Math.abs(uy) > 1e-9 ? hh / Math.abs(uy) : Infinity;
  return Math.min(tx, ty);
}

/**
 * The two lanes of a client's link, `gap` apart, each running from box edge to box edge:
 * up (client → broker) and down (broker → client). `side` is the unit normal the up lane is on.
 */
export function linkLanes(
  client: Point,
  broker: Point,
  clientBox: { hw: number; hh: number },
  brokerBox: { hw: number; hh: number },
  gap: number,
): { up: Segment; down: Segment; normal: Point } {
  const dx = broker.x - client.x;
  const dy = broker.y - client.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  // the normal that points up the screen (or left when the link is vertical), for the up lane
  let nx = uy;
  let ny = -ux;
  if (ny > 0 || (Math.abs(ny) < 1e-9 && nx > 0)) {
    nx = -nx;
    ny = -ny;
  }
  const start = edgeDistance(ux, uy, clientBox.hw, clientBox.hh) + 3;
  const end = len - edgeDistance(ux, uy, brokerBox.hw, brokerBox.hh) - 3;
  const at = (d: number, offset: number): Point => ({
    x: client.x + ux * d + nx * offset,
    y: client.y + uy * d + ny * offset,
  });
  const half = gap / 2;
  return {
    up: { from: at(start, half), to: at(end, half) },
    down: { from: at(end, -half), to: at(start, -half) },
    normal: { x: nx, y: ny },
  };
}

/** The point a fraction `f` of the way along a segment. */
export function along(segment: Segment, f: number): Point {
  const c = Math.max(0, Math.min(1, f));
  return {
    x: segment.from.x + (segment.to.x - segment.from.x) * c,
    y: segment.from.y + (segment.to.y - segment.from.y) * c,
  };
}

/** What is worth saying about one direction of a link: its delay always, impairments when non-zero. */
export function impairments(
  options: Required<LinkOptions>,
): { key: 'delay' | 'jitter' | 'loss' | 'duplicate' | 'reorder'; ms?: number; pct?: number }[] {
  const pct = (ratio: number) => Math.round(ratio * 1000) / 10;
  const out: ReturnType<typeof impairments> = [{ key: 'delay', ms: options.delayMs }];
  if (options.jitterMs > 0) out.push({ key: 'jitter', ms: options.jitterMs });
  if (options.lossRatio > 0) out.push({ key: 'loss', pct: pct(options.lossRatio) });
  if (options.duplicateRatio > 0) out.push({ key: 'duplicate', pct: pct(options.duplicateRatio) });
  if (options.reorderRatio > 0) out.push({ key: 'reorder', pct: pct(options.reorderRatio) });
  return out;
}
