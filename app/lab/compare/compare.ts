/**
 * Two runs side by side (`#/compare?a=qos1-lost-puback&b=qos1-lost-puback~q2`): each side is a
 * built-in run, as it is or varied (`~q2`: every publish and subscription at QoS 2; `~v5`: MQTT
 * 5.0). A variant keeps the network, the seed and the loss: a fault aimed at the receiver's first
 * answer to a PUBLISH (PUBACK in QoS 1, PUBREC in QoS 2) aims at that answer in the other QoS, so
 * the same packet is lost in both runs and the class sees where the extra packets go.
 *
 * Both runs are stepped on one clock: PageDown's stops are the union of both runs' story beats.
 */
import type { Packet, Scenario, Step, TraceEvent } from '$engine';
import { type Beat, type Cursor, nextBeat } from '../beats.ts';
import { seedOf } from '../permalink.ts';
import { presetById } from '../presets.ts';
import type { Timeline } from '../timeline.ts';

export type Variant = { kind: 'qos'; qos: 0 | 1 | 2 } | { kind: 'version'; version: 4 | 5 };

export interface Side {
  presetId: string;
  variant: Variant | null;
  /** The spec as written in the address. */
  spec: string;
}

export const DEFAULT_A = 'qos1-lost-puback';
export const DEFAULT_B = 'qos1-lost-puback~q2';

/** `preset` or `preset~q2` / `preset~v5`; null when the preset does not exist or the variant is unknown. */
export function parseSide(spec: string): Side | null {
  const [presetId, variantText, ...rest] = spec.split('~');
  if (rest.length > 0 || !presetById(presetId) || presetId === 'empty') return null;
  if (variantText === undefined) return { presetId, variant: null, spec };
  const qos = /^q([0-2])$/.exec(variantText);
  if (qos) return { presetId, variant: { kind: 'qos', qos: Number(qos[1]) as 0 | 1 | 2 }, spec };
  const version = /^v([45])$/.exec(variantText);
  if (version) return { presetId, variant: { kind: 'version', version: Number(version[1]) as 4 | 5 }, spec };
  return null;
}

export interface Comparison {
  a: Side;
  b: Side;
  /** Specs in the address that named nothing: the default took their place. */
  unknown: string[];
}

export function readCompareQuery(query: string): Comparison {
  const params = new URLSearchParams(query);
  const unknown: string[] = [];
  const side = (name: 'a' | 'b', fallback: string): Side => {
    const spec = params.get(name);
    const parsed = spec === null ? null : parseSide(spec);
    if (spec !== null && !parsed) unknown.push(spec);
    return parsed ?? parseSide(fallback)!;
  };
  return { a: side('a', DEFAULT_A), b: side('b', DEFAULT_B), unknown };
}

export function writeCompareQuery(comparison: { a: Side; b: Side }): string {
  return `a=${encodeURIComponent(comparison.a.spec)}&b=${encodeURIComponent(comparison.b.spec)}`;
}

/** The first answer a receiver gives to a PUBLISH at each QoS: the packet a "lost ack" fault aims at. */
const FIRST_ANSWER: Record<1 | 2, Packet['type']> = { 1: 'PUBACK', 2: 'PUBREC' };

/** A scenario at another QoS: publishes and subscriptions at `qos`, faults kept on the same packet. */
export function atQos(scenario: Scenario, qos: 0 | 1 | 2): Scenario {
  const steps: Step[] = [];
  for (const step of scenario.steps) {
    if (step.do === 'publish' || step.do === 'subscribe') steps.push({ ...step, qos });
    else if (step.do === 'fault') {
      const packet = faultTarget(step.packet, qos);
      if (packet) steps.push({ ...step, packet });
    } else steps.push(step);
  }
  return { ...scenario, steps };
}

/**
 * What a fault aimed at `packet` aims at when messages go at `qos`: a first answer becomes the
 * other QoS's first answer; PUBREL and PUBCOMP exist only in QoS 2, acks not at all in QoS 0 (the
 * fault is left out: there is no such packet to lose).
 */
function faultTarget(packet: Packet['type'], qos: 0 | 1 | 2): Packet['type'] | null {
  const isAnswer = packet === 'PUBACK' || packet === 'PUBREC';
  if (isAnswer) return qos === 0 ? null : FIRST_ANSWER[qos];
  if (packet === 'PUBREL' || packet === 'PUBCOMP') return qos === 2 ? packet : null;
  return packet;
}

/** The run a side shows: its preset, varied, with the preset's own seed. */
export function timelineOf(side: Side): Timeline {
  const base = presetById(side.presetId)!.scenario;
  let scenario = base;
  if (side.variant?.kind === 'qos') scenario = atQos(base, side.variant.qos);
  else if (side.variant?.kind === 'version') scenario = { ...base, version: side.variant.version };
  return { scenario, seed: seedOf(base), actions: [] };
}

/** The nearer of two times in `direction` (the smaller going forwards), either of them possibly absent. */
const nearer = (direction: 1 | -1, a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : direction > 0 ? Math.min(a, b) : Math.max(a, b);

/**
 * What `→` / `←` stop on: the next (direction 1) or previous (-1) time after / before `timeMs` at
 * which either trace has any event; null when there is none.
 */
export function nextEventTime(
  traces: readonly (readonly TraceEvent[])[],
  timeMs: number,
  direction: 1 | -1,
): number | null {
  let best: number | null = null;
  for (const trace of traces) {
    let found: number | null = null;
    if (direction > 0) found = trace.find((e) => e.atMs > timeMs)?.atMs ?? null;
    else
      for (let i = trace.length - 1; i >= 0 && found === null; i--) if (trace[i].atMs < timeMs) found = trace[i].atMs;
    best = nearer(direction, best, found);
  }
  return best;
}

/**
 * What PageDown / PageUp stop on: the next or previous story beat of either run (beats.ts, the
 * lab's own rule), on the shared clock — so the stops are the union of both runs' beats. The
 * comparison shows everything up to its clock in both runs, so a beat at the clock's time has
 * been reached.
 */
export function nextBeatTime(runs: readonly (readonly Beat[])[], timeMs: number, direction: 1 | -1): number | null {
  const shown: Cursor = { seq: Number.POSITIVE_INFINITY, timeMs };
  let best: number | null = null;
  for (const beats of runs) best = nearer(direction, best, nextBeat(beats, shown, direction)?.atMs ?? null);
  return best;
}

/** The comparison the lab offers for a built-in run: the same run at the other QoS (1 ↔ 2), or null. */
export function comparisonFor(presetId: string | null): string | null {
  const preset = presetId === null || presetId === 'empty' ? undefined : presetById(presetId);
  if (!preset) return null;
  const publishes = preset.scenario.steps.filter((s) => s.do === 'publish');
  if (publishes.length === 0) return null;
  const other = publishes.every((s) => s.qos === 2) ? 1 : 2;
  return writeCompareQuery({ a: parseSide(preset.id)!, b: parseSide(`${preset.id}~q${other}`)! });
}
