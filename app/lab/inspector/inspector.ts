/**
 * What the inspector says about one packet: what became of it (arrived, lost, copied, resent) as
 * far as the cursor has got, and the scratch edits a reader can make to its bytes — flag bits,
 * the packet id, the topic — each giving new bytes to decode, with the Remaining Length kept right
 * where a field changes size. The run is never touched.
 */
import type { DropEvent, SendEvent, Span, TraceEvent } from '$engine';

export interface Fate {
  /** Arrivals up to the cursor (a lossy link may deliver a copy too). */
  arrivals: { atMs: number; copy: boolean }[];
  drop?: { atMs: number; lostAtMs: number; reason: DropEvent['reason'] };
  /** The network made a copy of it. */
  duplicated: boolean;
  /** tcp: how many times the segment was lost and retransmitted. */
  retransmits: number;
  /** Neither arrived nor lost yet, at the cursor. */
  pending: boolean;
  expectedAtMs?: number;
  /** The same packet sent again later (PUBLISH with DUP = 1, or PUBREL), up to the cursor. */
  resends: SendEvent[];
  /** The earlier send this one repeats, when it is a resend. */
  original?: SendEvent;
}

const RESENDABLE = new Set(['PUBLISH', 'PUBREL']);

function idOf(send: SendEvent): number | undefined {
  return 'packetId' in send.packet ? send.packet.packetId : undefined;
}

/** Same packet type, parties and packet id. */
function sameKey(a: SendEvent, b: SendEvent): boolean {
  return a.from === b.from && a.to === b.to && a.packet.type === b.packet.type && idOf(a) === idOf(b);
}

/** Whether `later` repeats `earlier` (rather than being a new message that reuses the id). */
function repeats(later: SendEvent, earlier: SendEvent): boolean {
  if (!sameKey(later, earlier)) return false;
  if (later.packet.type === 'PUBLISH' && earlier.packet.type === 'PUBLISH') {
    return later.packet.dup && later.packet.topic === earlier.packet.topic;
  }
  return true;
}

/** The exchange a flow's packet id belongs to ends: PUBACK or PUBCOMP reaches the sender. */
function ends(e: TraceEvent, send: SendEvent): boolean {
  return (
    e.kind === 'arrive' &&
    e.from === send.to &&
    e.to === send.from &&
    (e.packet.type === 'PUBACK' || e.packet.type === 'PUBCOMP') &&
    e.packet.packetId === idOf(send)
  );
}

export function fateOf(trace: readonly TraceEvent[], send: SendEvent, uptoSeq: number): Fate {
  const fate: Fate = {
    arrivals: [],
    duplicated: false,
    retransmits: 0,
    pending: true,
    resends: [],
    ...(send.expectedAtMs !== undefined ? { expectedAtMs: send.expectedAtMs } : {}),
  };
  const resendable = RESENDABLE.has(send.packet.type) && idOf(send) !== undefined;
  let resending = resendable;
  const last = Math.min(uptoSeq, trace.length - 1);
  for (let i = send.seq + 1; i <= last; i++) {
    const e = trace[i];
    if (e.kind === 'arrive' && e.send === send.seq) fate.arrivals.push({ atMs: e.atMs, copy: e.copy !== undefined });
    else if (e.kind === 'drop' && e.send === send.seq) {
      fate.drop = { atMs: e.atMs, lostAtMs: e.lostAtMs, reason: e.reason };
    } else if (e.kind === 'duplicate' && e.send === send.seq) fate.duplicated = true;
    else if (e.kind === 'plan' && e.send === send.seq) {
      // tcp: it got through on a later transmission
      fate.retransmits = e.retransmits;
      fate.expectedAtMs = e.arriveAtMs;
    }
    if (!resending) continue;
    if (ends(e, send)) resending = false;
    else if (e.kind === 'send' && repeats(e, send)) fate.resends.push(e);
    else if (e.kind === 'send' && sameKey(e, send)) resending = false; // a new message with the same id
  }
  fate.pending = fate.arrivals.length === 0 && fate.drop === undefined;
  if (resendable) {
    for (let i = send.seq - 1; i >= 0; i--) {
      const e = trace[i];
      if (ends(e, send)) break;
      if (e.kind !== 'send') continue;
      if (repeats(send, e)) {
        fate.original = e;
        if (!(e.packet.type === 'PUBLISH' && e.packet.dup)) break; // the first one
      } else if (sameKey(e, send)) break;
    }
  }
  return fate;
}

// ---------------------------------------------------------------- scratch edits

/** The Remaining Length varint after the first byte: its value and how many bytes it takes. */
export function readRemainingLength(bytes: Uint8Array): { value: number; size: number } | undefined {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const b = bytes[1 + i];
    if (b === undefined) return undefined;
    value += (b & 0x7f) * 128 ** i;
    if ((b & 0x80) === 0) return { value, size: i + 1 };
  }
  return undefined;
}

export function encodeRemainingLength(value: number): number[] {
  const out: number[] = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

/** The bytes with bits under `mask` of byte `offset` set to `value` (shifted into place). */
export function withBits(bytes: Uint8Array, offset: number, mask: number, value: number): Uint8Array {
  const out = bytes.slice();
  let low = 0;
  while (low < 8 && !(mask & (1 << low))) low++;
  out[offset] = (out[offset] & ~mask) | ((value << low) & mask);
  return out;
}

/**
 * The bytes with [start, end) replaced by `content`, and the Remaining Length re-encoded for the
 * new size. Undefined if the Remaining Length cannot be read or the range is not after it.
 */
export function replaceRange(
  bytes: Uint8Array,
  start: number,
  end: number,
  content: Uint8Array,
): Uint8Array | undefined {
  const length = readRemainingLength(bytes);
  if (!length || start < 1 + length.size || end < start || end > bytes.length) return undefined;
  const remaining = length.value + content.length - (end - start);
  if (remaining < 0 || remaining > 268_435_455) return undefined;
  return Uint8Array.from([
    bytes[0],
    ...encodeRemainingLength(remaining),
    ...bytes.subarray(1 + length.size, start),
    ...content,
    ...bytes.subarray(end),
  ]);
}

/** A two-byte big-endian number. */
export function u16(value: number): Uint8Array {
  return Uint8Array.of((value >> 8) & 0xff, value & 0xff);
}

/** An MQTT UTF-8 string: two-byte length, then the text (not checked: a scratch edit may break rules). */
export function mqttString(text: string): Uint8Array {
  const utf8 = new TextEncoder().encode(text);
  return Uint8Array.from([...u16(utf8.length), ...utf8]);
}

/** The first span, depth first, with this label. */
export function findSpan(spans: readonly Span[], label: string): Span | undefined {
  for (const span of spans) {
    if (span.label === label) return span;
    const inner = span.children && findSpan(span.children, label);
    if (inner) return inner;
  }
  return undefined;
}

/** What of a packet can be edited as a field (beyond its bytes), from its decoded spans. */
export interface EditableFields {
  /** PUBLISH: DUP, QoS and RETAIN bits of the first byte. */
  publishFlags: boolean;
  packetId?: Span;
  topic?: Span;
}

export function editableFields(spans: readonly Span[], type: string | undefined): EditableFields {
  const packetId = findSpan(spans, 'field.packetId');
  const topic = type === 'PUBLISH' ? findSpan(spans, 'field.topic') : undefined;
  return { publishFlags: type === 'PUBLISH', ...(packetId ? { packetId } : {}), ...(topic ? { topic } : {}) };
}

/** The first byte's PUBLISH flags. */
export function publishFlags(byte: number): { dup: boolean; qos: number; retain: boolean } {
  return { dup: (byte & 0x08) !== 0, qos: (byte >> 1) & 0x03, retain: (byte & 0x01) !== 0 };
}
