/**
 * The geometry of the space-time diagram, as pure functions: where each lifeline stands, how far a
 * packet has come at the cursor, the line, head, × and label of each arrow, timer bars, marks kept
 * from overlapping, and the time axis. Time runs down: y = a d3 linear scale of virtual ms.
 */
import { ticks as niceTicks } from 'd3';
import type { Packet, SendEvent } from '$engine';
import { t } from '../../i18n/i18n.svelte.ts';
import { BROKER, type Copy, type PacketArrow, type TimerBar } from './run-model.ts';
import type { Box } from './box.ts';

// the box geometry lives on its own, importable where the rest cannot go (a browser test's page.evaluate)
export { type Box, segmentHitsBox } from './box.ts';

/** The cursor: the last trace event shown and the virtual time on screen. */
export interface Cursor {
  seq: number;
  timeMs: number;
}

/** A client as the lane order sees it: does it publish (or leave a will), and how busy is it. */
export interface LaneClient {
  id: string;
  publishes: boolean;
  /** How many scenario steps name it: more steps, more arrows. */
  weight: number;
}

/**
 * Lifelines in an order where arrows cross as few third parties as can be: every arrow goes
 * between a client and the broker, so a client crosses the lanes between it and the broker.
 * Publishers go left of the broker, the others right (the story reads left to right), the sides
 * kept within one of each other in size, and on each side the busiest client nearest the broker.
 * Ties keep the scenario's order. Plain ids are taken as equally busy publishers-or-not by halves.
 */
export function laneOrder(clients: readonly (string | LaneClient)[]): string[] {
  const all = clients.map((c, i) =>
    typeof c === 'string' ? { id: c, publishes: i < Math.ceil(clients.length / 2), weight: 0 } : c,
  );
  const half = Math.ceil(all.length / 2);
  const byWeight = (a: LaneClient, b: LaneClient) => b.weight - a.weight || all.indexOf(a) - all.indexOf(b);
  const inward = (a: LaneClient, b: LaneClient) => a.weight - b.weight || all.indexOf(a) - all.indexOf(b);
  let left = all.filter((c) => c.publishes);
  let right = all.filter((c) => !c.publishes);
  // rebalance: the lightest of the bigger side moves across
  while (left.length > half) {
    const lightest = [...left].sort(byWeight).at(-1)!;
    left = left.filter((c) => c !== lightest);
    right = [...right, lightest];
  }
  while (right.length > half && right.length - left.length > 1) {
    // of equally light clients the first in the scenario crosses, as the topology puts the first half left
    const lightest = [...right].sort(inward)[0];
    right = right.filter((c) => c !== lightest);
    left = [...left, lightest];
  }
  const leftIds = [...left].sort(inward).map((c) => c.id);
  const rightIds = [...right].sort(byWeight).map((c) => c.id);
  return [...leftIds, BROKER, ...rightIds];
}

/** Where each lifeline stands across `width`, between a left gutter (the time axis) and the margins. */
export function laneXs(order: readonly string[], width: number, gutter: number, pad: number): Record<string, number> {
  const left = gutter + pad;
  const right = Math.max(left + 40, width - pad);
  const x: Record<string, number> = {};
  if (order.length === 1) x[order[0]] = (left + right) / 2;
  else order.forEach((party, i) => (x[party] = left + ((right - left) * i) / (order.length - 1)));
  return x;
}

/** A vertical scale: virtual ms → y, and back with `invert`. */
export interface TimeScale {
  (ms: number): number;
  invert(y: number): number;
}

/**
 * The vertical scale: virtual ms → y in the diagram's content, `top` at time 0. A straight line,
 * written here rather than taken from d3-scale, whose number formatting would come with it onto
 * the first screen.
 */
export function timeScale(pxPerMs: number, top: number): TimeScale {
  const y = (ms: number) => top + ms * pxPerMs;
  y.invert = (at: number) => (at - top) / pxPerMs;
  return y;
}

export interface CopyProgress {
  /** The copy exists at the cursor (its send, and its duplication, are shown). */
  shown: boolean;
  /** It has arrived or been lost by the cursor. */
  done: boolean;
  /** How far along its way the packet is, 0…1 of the path to its end (arrival or ×). */
  fraction: number;
  /** The time at its tip: the cursor's while on its way, its end's when done. */
  tipMs: number;
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** How far a copy has come at the cursor: interpolated between its send and its arrival (or loss). */
export function copyProgress(arrow: PacketArrow, copy: Copy, cursor: Cursor): CopyProgress {
  const sent = arrow.send.sentAtMs;
  const shown = arrow.seq <= cursor.seq && (copy.dupSeq === undefined || copy.dupSeq <= cursor.seq);
  if (!shown) return { shown, done: false, fraction: 0, tipMs: sent };
  const done = copy.endSeq <= cursor.seq && copy.endMs <= cursor.timeMs;
  if (done) return { shown, done, fraction: 1, tipMs: copy.endMs };
  const tipMs = Math.max(sent, cursor.timeMs);
  if (Number.isFinite(copy.endMs)) {
    const span = copy.endMs - sent;
    return { shown, done, fraction: span > 0 ? clamp01((tipMs - sent) / span) : 1, tipMs: Math.min(tipMs, copy.endMs) };
  }
  // the end is not simulated yet (beyond the look-ahead, or held on a cut tcp link)
  const expected = arrow.expectedAtMs;
  if (expected !== undefined && expected > sent) {
    return { shown, done, fraction: Math.min(0.95, (tipMs - sent) / (expected - sent)), tipMs };
  }
  return { shown, done, fraction: PENDING_FRACTION, tipMs };
}

/** Where along an arrow its label sits (0 = the sender). */
export const LABEL_AT = 0.4;

/** Where a packet whose end is unknown waits, across the gap. */
export const PENDING_FRACTION = 0.5;

/** Where across the gap a copy ends: 1 at the receiver; a lost one at its ×. */
export function endFraction(arrow: PacketArrow, copy: Copy): number {
  if (copy.fate === 'arrive' || copy.fate === null) return 1;
  const sent = arrow.send.sentAtMs;
  const expected = arrow.expectedAtMs;
  let f: number;
  if (expected !== undefined && expected > sent && Number.isFinite(copy.endMs))
    f = (copy.endMs - sent) / (expected - sent);
  else if (copy.fate === 'closed') f = 1;
  else if (copy.fate === 'cut' && copy.endMs <= sent) f = 0;
  else f = 0.5;
  // a packet lost as it left is still drawn a little way out, so its × is not on the lifeline
  return Math.max(0.18, clamp01(f));
}

export interface Point {
  x: number;
  y: number;
}

export interface ArrowShape {
  x1: number;
  y1: number;
  /** The end of the line drawn: the receiver, the ×, or the packet's tip while on its way. */
  x2: number;
  y2: number;
  /** Arrowhead (arrived), × (lost) or bar at the receiver (arrived at a closed connection); svg path data. */
  end: string | null;
  /** 'open': its arrival is not known yet, the line stops short of the receiver with no end drawn. */
  endKind: 'head' | 'cross' | 'closed' | 'open' | null;
  /** The packet on its way (absent when done). */
  tip: Point | null;
  /** Label anchor (a little above the line, LABEL_AT of the way along it). */
  lx: number;
  ly: number;
}

/** An arrowhead at `to`, pointing away from `from`. */
export function arrowHead(from: Point, to: Point, size = 9, width = 4.5): string {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const bx = to.x - ux * size;
  const by = to.y - uy * size;
  const nx = -uy * width;
  const ny = ux * width;
  return `M${r(to.x)},${r(to.y)}L${r(bx + nx)},${r(by + ny)}L${r(bx - nx)},${r(by - ny)}Z`;
}

/** An × centred on `at`. */
export function cross(at: Point, size = 6): string {
  const { x, y } = at;
  return `M${r(x - size)},${r(y - size)}L${r(x + size)},${r(y + size)}M${r(x - size)},${r(y + size)}L${r(x + size)},${r(y - size)}`;
}

/** A bar across the line at `to`: "the receiver had closed the connection". */
export function endBar(from: Point, to: Point, half = 8): string {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const nx = (-dy / len) * half;
  const ny = (dx / len) * half;
  return `M${r(to.x + nx)},${r(to.y + ny)}L${r(to.x - nx)},${r(to.y - ny)}`;
}

const r = (v: number) => Math.round(v * 10) / 10;

/** How far across the gap a packet whose arrival is not known yet is drawn: open-ended, from its sender. */
export const OPEN_FRACTION = 0.3;

/**
 * The line of one copy at the cursor, between the sender's lifeline `xFrom` and the receiver's `xTo`.
 * `minDropPx` keeps a lost copy's line sloped at every zoom: its × then sits on its own line, below
 * the packet it answers, never on the tail of another arrow that meets the sender at the same time.
 */
export function arrowShape(
  arrow: PacketArrow,
  copy: Copy,
  progress: CopyProgress,
  xFrom: number,
  xTo: number,
  y: (ms: number) => number,
  minDropPx = 0,
): ArrowShape {
  const start: Point = { x: xFrom, y: y(arrow.send.sentAtMs) };
  const expected = arrow.expectedAtMs;
  const lost = copy.fate !== null && copy.fate !== 'arrive';
  let end: Point;
  let open = false;
  if (Number.isFinite(copy.endMs)) {
    const ey = y(copy.endMs);
    end = {
      x: xFrom + (xTo - xFrom) * endFraction(arrow, copy),
      y: lost && endFraction(arrow, copy) < 1 ? Math.max(ey, start.y + minDropPx) : ey,
    };
  } else if (expected !== undefined) end = { x: xTo, y: y(expected) };
  else {
    // its arrival is not known: drawn a little way out from its sender, open-ended, to the cursor's time
    open = true;
    end = { x: xFrom + (xTo - xFrom) * OPEN_FRACTION, y: Math.max(y(progress.tipMs), start.y + minDropPx) };
  }
  let tip: Point;
  if (progress.done || open) tip = end;
  else tip = { x: start.x + (end.x - start.x) * progress.fraction, y: start.y + (end.y - start.y) * progress.fraction };

  let endPath: string | null = null;
  let endKind: ArrowShape['endKind'] = open ? 'open' : null;
  if (progress.done) {
    if (copy.fate === 'arrive') {
      endPath = arrowHead(start, end);
      endKind = 'head';
    } else if (copy.fate === 'closed' && endFraction(arrow, copy) >= 1) {
      endPath = endBar(start, end);
      endKind = 'closed';
    } else {
      endPath = cross(end);
      endKind = 'cross';
    }
  }
  return {
    x1: r(start.x),
    y1: r(start.y),
    x2: r(tip.x),
    y2: r(tip.y),
    end: endPath,
    endKind,
    tip: progress.done || open ? null : { x: r(tip.x), y: r(tip.y) },
    // nearer the sender than the middle: arrows crossing each other keep their labels apart
    lx: r(start.x + (tip.x - start.x) * LABEL_AT),
    ly: r(start.y + (tip.y - start.y) * LABEL_AT - 5),
  };
}

/** The short text on an arrow: type, packet id, QoS, DUP, RETAIN. */
export function packetLabel(packet: Packet): string {
  let text: string = packet.type;
  if ('packetId' in packet && packet.packetId !== undefined) text += ` #${packet.packetId}`;
  if (packet.type === 'PUBLISH') {
    text += ` Q${packet.qos}`;
    if (packet.dup) text += ' DUP';
    if (packet.retain) text += ' R';
  }
  return text;
}

/**
 * The text on a packet sent: its packet's, and ⚡ when a corrupt fault altered its bytes (a glyph,
 * so that it is not told by colour alone; the arrow's aria text says what changed).
 */
export function sendLabel(send: SendEvent): string {
  return send.corrupted ? `${packetLabel(send.packet)} ⚡` : packetLabel(send.packet);
}

/** Families of packet types, each with its own colour and line style in the diagram. */
export type PacketFamily = 'connection' | 'publish' | 'ack' | 'subscription' | 'ping';

export function packetFamily(type: Packet['type']): PacketFamily {
  switch (type) {
    case 'PUBLISH':
      return 'publish';
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
      return 'ack';
    case 'SUBSCRIBE':
    case 'SUBACK':
    case 'UNSUBSCRIBE':
    case 'UNSUBACK':
      return 'subscription';
    case 'PINGREQ':
    case 'PINGRESP':
      return 'ping';
    default:
      return 'connection';
  }
}

export interface TimerShape {
  x: number;
  y1: number;
  /** Where the bar ends now: its fire or cancel, or the cursor while it runs. */
  y2: number;
  /** While it runs: where it is due (a tick), else null. */
  dueY: number | null;
  state: 'running' | 'fired' | 'cancelled';
}

/** A timer's bar beside its lifeline at `x` (columns step away from it by `step`, on `side`). */
export function timerShape(
  bar: TimerBar,
  x: number,
  side: 1 | -1,
  cursor: Cursor,
  y: (ms: number) => number,
  gap = 7,
  step = 8,
): TimerShape | null {
  if (bar.startSeq > cursor.seq) return null;
  const ended = bar.endSeq <= cursor.seq;
  const endMs = ended ? bar.endMs : Math.max(bar.startMs, Math.min(cursor.timeMs, bar.dueAtMs));
  return {
    x: r(x + side * (gap + bar.column * step)),
    y1: r(y(bar.startMs)),
    y2: r(y(endMs)),
    dueY: ended ? null : r(y(bar.dueAtMs)),
    state: !ended ? 'running' : bar.end === 'fire' ? 'fired' : 'cancelled',
  };
}

/**
 * Push labels down so that none overlaps another on the same lifeline (`height` the room each
 * needs). The labels that say more are placed first (lower `rank`: a cut cable before the tenth
 * "publish"), each at the first free place at or below its wanted `y`. One that would have to move
 * more than `maxShift` from its time is left out (null) rather than drawn where it does not
 * belong: zoomed out, a pile of labels would otherwise drift by seconds. No label is placed strictly
 * between `free.from` and `free.to` (the cursor's line, which would strike it through).
 */
export function placeLabels(
  wanted: readonly { y: number; rank: number }[],
  height: number,
  maxShift: number,
  free?: { from: number; to: number },
): (number | null)[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a].rank - wanted[b].rank || wanted[a].y - wanted[b].y);
  // kept sorted by y0; a label at y takes [y, y + height), so one in (from, to) meets [from + height, to)
  const taken: { y0: number; y1: number }[] = free ? [{ y0: free.from + height, y1: free.to }] : [];
  const out: (number | null)[] = wanted.map(() => null);
  for (const i of order) {
    let at = wanted[i].y;
    for (const slot of taken) {
      if (slot.y1 <= at) continue;
      if (slot.y0 >= at + height) break;
      at = slot.y1; // overlaps: try just below it
    }
    if (at - wanted[i].y > maxShift) continue;
    out[i] = at;
    const slot = { y0: at, y1: at + height };
    const index = taken.findIndex((s) => s.y0 > slot.y0);
    taken.splice(index < 0 ? taken.length : index, 0, slot);
  }
  return out;
}

/** About how wide `text` is at `fontPx` (CJK and full-width characters ≈ 1 em, others ≈ 0.58 em). */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.58;
  return em * fontPx;
}

/**
 * A label shortened to fit `maxPx`, keeping a trailing spec rule ("… [MQTT-3.3.1-4]") whole: the
 * rule is what a reader of an error mark needs, so its words give way first.
 */
export function fitLabel(text: string, maxPx: number, fontPx: number): string {
  if (textWidth(text, fontPx) <= maxPx) return text;
  const rule = /\s*\[[^\]]+\]$/.exec(text);
  if (!rule) return fitText(text, maxPx, fontPx);
  const words = text.slice(0, rule.index);
  const tail = rule[0].trimStart();
  const room = maxPx - textWidth(` ${tail}`, fontPx);
  if (room < textWidth('x…', fontPx)) return tail;
  return `${fitText(words, room, fontPx)} ${tail}`;
}

/** `text`, shortened with … to fit `maxPx` at `fontPx`. */
export function fitText(text: string, maxPx: number, fontPx: number): string {
  if (textWidth(text, fontPx) <= maxPx) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontPx) > maxPx) chars.pop();
  return `${chars.join('')}…`;
}

/**
 * Which labels to write so that none covers another: in order, each is kept unless its box
 * overlaps one kept before it or one of `taken` (room already used). Returns the indexes kept.
 */
export function keepApart(boxes: readonly Box[], taken: readonly Box[] = []): Set<number> {
  const kept: Box[] = [...taken];
  const out = new Set<number>();
  boxes.forEach((box, i) => {
    for (const other of kept) {
      if (box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 && other.y0 < box.y1) return;
    }
    kept.push(box);
    out.add(i);
  });
  return out;
}

/** Ticks for the time axis over [t0, t1] ms, labelled in ms for short spans and in s otherwise. */
export function timeTicks(t0: number, t1: number, count: number): { ms: number; label: string }[] {
  if (!(t1 > t0)) return [];
  const ticks = niceTicks(Math.max(0, t0), t1, Math.max(2, count)).filter((ms) => ms >= 0);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : t1 - t0;
  const digits = step >= 1_000 ? 0 : step >= 100 ? 1 : step >= 10 ? 2 : 3;
  // the unit in the reader's language: "0.1 秒" on the axis beside "0.65 秒" in the header
  return ticks.map((ms) => ({ ms, label: t('value.seconds', { value: (ms / 1_000).toFixed(digits) }) }));
}

/** The translation that puts content y `cursorY` at `fraction` of a view `height` tall. */
export function followTranslate(cursorY: number, height: number, fraction: number): number {
  return height * fraction - cursorY;
}

/**
 * Keep the content in view: never scrolled above its top (translate ≤ 0), never past `bottom`
 * (the content's lowest y) so that the view would be empty.
 */
export function clampTranslate(ty: number, bottom: number, height: number): number {
  const lowest = Math.min(0, height - bottom);
  return Math.min(0, Math.max(ty, lowest));
}

/** Virtual time formatted for labels, in the reader's language: "1.234 s", "1.234 秒". */
export function formatMs(ms: number): string {
  return t('value.seconds', { value: (ms / 1_000).toFixed(3) });
}
