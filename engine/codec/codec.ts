/**
 * encode, decode and the streaming decoder: the fixed header here, the rest in packets/<type>.ts.
 */
import { MqttError, malformed } from './errors.ts';
import { type PacketType, TYPE_CODE, requiredFlags, typeOfCode } from './packet.ts';
import type { PacketCodec } from './packets/codec.ts';
import { type AuthPacket, auth } from './packets/auth.ts';
import { type ConnackPacket, connack } from './packets/connack.ts';
import { type ConnectPacket, connect } from './packets/connect.ts';
import { type DisconnectPacket, disconnect } from './packets/disconnect.ts';
import { type PingreqPacket, pingreq } from './packets/pingreq.ts';
import { type PingrespPacket, pingresp } from './packets/pingresp.ts';
import { type PubackPacket, puback } from './packets/puback.ts';
import { type PubcompPacket, pubcomp } from './packets/pubcomp.ts';
import { type PubrecPacket, pubrec } from './packets/pubrec.ts';
import { type PubrelPacket, pubrel } from './packets/pubrel.ts';
import { type PublishPacket, publish } from './packets/publish.ts';
import { type SubackPacket, suback } from './packets/suback.ts';
import { type SubscribePacket, subscribe } from './packets/subscribe.ts';
import { type UnsubackPacket, unsuback } from './packets/unsuback.ts';
import { type UnsubscribePacket, unsubscribe } from './packets/unsubscribe.ts';
import { Reader, varintSize } from './reader.ts';
import { type Span, SpanRecorder, formatBits, formatNumber } from './spans.ts';
import { type ProtocolVersion, rule } from './version.ts';
import { MAX_REMAINING_LENGTH, Writer } from './writer.ts';

export type Packet =
  | ConnectPacket
  | ConnackPacket
  | PublishPacket
  | PubackPacket
  | PubrecPacket
  | PubrelPacket
  | PubcompPacket
  | SubscribePacket
  | SubackPacket
  | UnsubscribePacket
  | UnsubackPacket
  | PingreqPacket
  | PingrespPacket
  | DisconnectPacket
  | AuthPacket;

/** The packet of a given type: PacketOf<'PUBLISH'> is PublishPacket. */
export type PacketOf<T extends PacketType> = Extract<Packet, { type: T }>;

const CODECS: { [T in PacketType]: PacketCodec<PacketOf<T>> } = {
  CONNECT: connect,
  CONNACK: connack,
  PUBLISH: publish,
  PUBACK: puback,
  PUBREC: pubrec,
  PUBREL: pubrel,
  PUBCOMP: pubcomp,
  SUBSCRIBE: subscribe,
  SUBACK: suback,
  UNSUBSCRIBE: unsubscribe,
  UNSUBACK: unsuback,
  PINGREQ: pingreq,
  PINGRESP: pingresp,
  DISCONNECT: disconnect,
  AUTH: auth,
};

export interface Decoded {
  packet: Packet;
  /** Bytes the packet took, fixed header included. */
  length: number;
  spans?: Span[];
}

export interface DecodeOptions {
  /** Build spans for the byte view (costs time; the simulator and live connections leave it off). */
  spans?: boolean;
}

/**
 * Decode the one packet at the start of `bytes` (bytes after it are left alone; `length` says where
 * it ended). Throws MqttError: `incomplete` if more bytes are needed, otherwise the offset and rule
 * of what is wrong. With `{ spans: true }` an error also carries the spans read before it.
 * A CONNECT decodes by its own protocol level, whatever `version` says.
 */
export function decode(bytes: Uint8Array, version: ProtocolVersion = 4, options?: DecodeOptions): Decoded {
  const spans = options?.spans ? new SpanRecorder() : null;
  try {
    return decodeOne(bytes, version, spans);
  } catch (error) {
    if (spans && error instanceof MqttError)
      (error as MqttError & { spans?: Span[] }).spans = spans.closeAll(error.offset);
    throw error;
  }
}

interface FixedHeader {
  type: PacketType;
  flags: number;
  /** Bytes of the fixed header: 1 + the remaining length's bytes. */
  headerLength: number;
  remainingLength: number;
}

/**
 * Packets whose own section states the rule for their fixed-header flags; the others fall under the
 * general rule of Table 2.2 (3.1.1 MQTT-2.2.2-1, 5.0 MQTT-2.1.3-1). In both versions PUBREL,
 * SUBSCRIBE and UNSUBSCRIBE must carry 0010 and DISCONNECT 0000; 5.0 adds AUTH (0000).
 */
const FLAG_RULES: Partial<Record<PacketType, Partial<Record<ProtocolVersion, string>>>> = {
  PUBREL: { 4: 'MQTT-3.6.1-1', 5: 'MQTT-3.6.1-1' },
  SUBSCRIBE: { 4: 'MQTT-3.8.1-1', 5: 'MQTT-3.8.1-1' },
  UNSUBSCRIBE: { 4: 'MQTT-3.10.1-1', 5: 'MQTT-3.10.1-1' },
  DISCONNECT: { 4: 'MQTT-3.14.1-1', 5: 'MQTT-3.14.1-1' },
  AUTH: { 5: 'MQTT-3.15.1-1' },
};

/**
 * Read the fixed header from what has arrived so far, rejecting a bad first byte as soon as it
 * arrives. Returns null while the remaining length is still incomplete.
 */
function readFixedHeader(bytes: Uint8Array, version: ProtocolVersion): FixedHeader | null {
  if (bytes.length === 0) return null;
  const first = bytes[0];
  const code = first >> 4;
  const flags = first & 0x0f;
  const type = typeOfCode(code);
  if (type === undefined || (type === 'AUTH' && version === 4)) {
    throw malformed(0, 'reserved-type', rule(version, '§2.2.1', '§2.1.2'), {
      type: code,
      version: version === 5 ? '5.0' : '3.1.1',
    });
  }
  const expected = requiredFlags(type);
  if (expected !== undefined && flags !== expected) {
    throw malformed(0, 'reserved-flags', FLAG_RULES[type]?.[version] ?? rule(version, 'MQTT-2.2.2-1', 'MQTT-2.1.3-1'), {
      packet: type,
      expected: expected.toString(2).padStart(4, '0'),
      actual: flags.toString(2).padStart(4, '0'),
    });
  }
  if (type === 'PUBLISH') {
    const qos = (flags >> 1) & 3;
    if (qos === 3) throw malformed(0, 'qos-3', 'MQTT-3.3.1-4');
    if (qos === 0 && flags & 8) throw malformed(0, 'dup-qos-0', 'MQTT-3.3.1-2');
  }
  let value = 0;
  let multiplier = 1;
  for (let i = 1; i <= 4; i++) {
    if (i >= bytes.length) return null;
    const byte = bytes[i];
    value += (byte & 0x7f) * multiplier;
    if ((byte & 0x80) === 0) {
      // [MQTT-1.5.5-1] binds 5.0 only. A CONNECT names its version inside: decodeOne checks it then.
      if (version === 5 && type !== 'CONNECT' && i > 1 && byte === 0) throw notMinimal(value, i);
      return { type, flags, headerLength: i + 1, remainingLength: value };
    }
    multiplier *= 128;
  }
  throw malformed(1, 'varint-too-long', rule(version, '§2.2.3', '§1.5.5'));
}

function notMinimal(value: number, bytes: number): MqttError {
  return malformed(1, 'varint-not-minimal', 'MQTT-1.5.5-1', { value, bytes, minimal: varintSize(value) });
}

function incomplete(have: number, needed: number): MqttError {
  return new MqttError({ kind: 'incomplete', offset: have, code: 'incomplete', params: { needed } });
}

function decodeOne(
  bytes: Uint8Array,
  version: ProtocolVersion,
  spans: SpanRecorder | null,
  /** The stream decoder has read it already from the same bytes. */
  peeked?: FixedHeader,
): Decoded {
  if (bytes.length === 0) throw new MqttError({ kind: 'incomplete', offset: 0, code: 'empty', params: { needed: 2 } });
  const header = peeked ?? readFixedHeader(bytes, version);
  if (header === null) throw incomplete(bytes.length, 1);
  const total = header.headerLength + header.remainingLength;
  if (bytes.length < total) throw incomplete(bytes.length, total - bytes.length);

  const r = new Reader(bytes, header.headerLength, total, version, spans);
  if (spans) fixedHeaderSpans(r, header);
  const packet = (CODECS[header.type] as PacketCodec<Packet>).decode(r, header.flags);
  // From here on, the version in force is the packet's own for a CONNECT (the reader took it).
  if (header.type === 'CONNECT' && r.version === 5 && header.headerLength > 2 && bytes[header.headerLength - 1] === 0) {
    throw notMinimal(header.remainingLength, header.headerLength - 1);
  }
  if (r.pos !== total) {
    throw malformed(r.pos, 'trailing-bytes', rule(r.version, '§2.2.3', '§2.1.4'), {
      packet: header.type,
      end: r.pos,
      extra: total - r.pos,
    });
  }
  return spans ? { packet, length: total, spans: spans.roots } : { packet, length: total };
}

function fixedHeaderSpans(r: Reader, header: FixedHeader): void {
  const first = r.buf[0];
  const typeValue = `${first >> 4} = ${header.type}`;
  r.open('fixedHeader', 'field.fixedHeader', 0);
  if (header.type === 'PUBLISH') {
    r.bits('firstByte', 'field.firstByte', 0, [
      ['type', 'field.packetType', 0xf0, typeValue],
      ['dup', 'field.dup', 0x08],
      ['qos', 'field.qos', 0x06, `${formatBits(first, 0x06)} = ${(first >> 1) & 3}`],
      ['retain', 'field.retain', 0x01],
    ]);
  } else {
    r.bits('firstByte', 'field.firstByte', 0, [
      ['type', 'field.packetType', 0xf0, typeValue],
      ['flags', 'field.reservedFlags', 0x0f],
    ]);
  }
  const saved = r.pos;
  r.pos = header.headerLength;
  r.varintSpans('remainingLength', 'field.remainingLength', 1, header.remainingLength);
  r.pos = saved;
  r.close(formatNumber(header.remainingLength, 1).replace(/\s.*/, ''));
}

/**
 * Encode a packet. Throws MqttError, as the decoder would for those bytes, if the packet object is
 * not a valid packet of that version.
 *
 * A packet under 1 KB is a view into a buffer shared with other packets (see writer.ts): read it
 * through the view (byteOffset, byteLength), and copy it (`bytes.slice()`) before transferring
 * its buffer to a worker.
 */
const SIZES: number[] = [];

export function encode(packet: Packet, version: ProtocolVersion = 4): Uint8Array {
  const codec = CODECS[packet.type] as PacketCodec<Packet> | undefined;
  if (!codec)
    throw malformed(0, 'invalid-field', undefined, {
      field: 'type',
      reason: `unknown packet type ${String(packet.type)}`,
    });
  if (packet.type === 'AUTH' && version === 4) throw malformed(0, 'auth-in-3-1-1', '§2.2.1');
  // one array for every encode (measure fills it, write reads it; nothing else runs in between)
  const sizes = SIZES;
  sizes.length = 0;
  const remainingLength = codec.measure(packet, version, sizes);
  if (remainingLength > MAX_REMAINING_LENGTH)
    throw malformed(1, 'packet-too-large', rule(version, '§2.2.3', '§1.5.5'), { length: remainingLength });
  const w = new Writer(1 + varintSize(remainingLength) + remainingLength);
  w.u8((TYPE_CODE[packet.type] << 4) | codec.flags(packet));
  w.varint(remainingLength);
  codec.write(w, packet, version, sizes);
  if (w.pos !== w.buf.length) throw new Error(`encode ${packet.type}: wrote ${w.pos} of ${w.buf.length} bytes`);
  return w.buf;
}

export interface StreamDecoder {
  /** Feed bytes as they arrive, in chunks of any size; returns the packets they complete. */
  push(chunk: Uint8Array): Decoded[];
  /** Bytes held for a packet not yet complete. */
  readonly buffered: number;
  /** The version used for what follows; set by a CONNECT's protocol level as it passes. */
  version: ProtocolVersion;
}

/**
 * A decoder for a byte stream. It holds only the bytes that arrived (a header announcing 256 MB
 * allocates nothing until the bytes are here) and follows the version a CONNECT announces. After
 * an error it is spent: the connection must close. The error carries the packets decoded before it
 * in the same chunk as `packets`.
 */
export function createDecoder(version: ProtocolVersion = 4, options?: DecodeOptions): StreamDecoder {
  let chunks: Uint8Array[] = [];
  let buffered = 0;
  let failed: MqttError | null = null;
  const state = {
    version,
    get buffered() {
      return buffered;
    },
    push(chunk: Uint8Array): Decoded[] {
      if (failed) throw failed;
      if (chunk.length === 0) return [];
      chunks.push(chunk);
      buffered += chunk.length;
      // made with its first packet, holding just it (an empty array would take room for 17 at the
      // first push: every packet arriving in a run comes through here, almost always one a chunk)
      let out: Decoded[] | null = null;
      try {
        for (;;) {
          const header = peekHeader();
          if (header === null) break;
          const total = header.headerLength + header.remainingLength;
          if (buffered < total) break;
          const bytes = take(total);
          // without spans, decode's work minus reading the fixed header a second time
          const decoded = options?.spans
            ? decode(bytes, state.version, options)
            : decodeOne(bytes, state.version, null, header);
          if (decoded.packet.type === 'CONNECT') state.version = decoded.packet.protocolVersion === 5 ? 5 : 4;
          if (out === null) out = [decoded];
          else out.push(decoded);
        }
      } catch (error) {
        if (error instanceof MqttError) {
          failed = error;
          (error as MqttError & { packets?: Decoded[] }).packets = out ?? [];
        }
        throw error;
      }
      return out ?? [];
    },
  };

  /** The fixed header from the first ≤ 5 buffered bytes, without joining the chunks. */
  function peekHeader(): FixedHeader | null {
    if (buffered === 0) return null;
    const first = chunks[0];
    if (first.length >= 5 || chunks.length === 1) return readFixedHeader(first, state.version);
    const head = new Uint8Array(Math.min(5, buffered));
    let n = 0;
    for (const c of chunks) {
      const part = c.subarray(0, head.length - n);
      head.set(part, n);
      n += part.length;
      if (n === head.length) break;
    }
    return readFixedHeader(head, state.version);
  }

  /** Remove and return the first `n` buffered bytes (a view when they lie in one chunk). */
  function take(n: number): Uint8Array {
    const first = chunks[0];
    let bytes: Uint8Array;
    if (first.length === n) {
      bytes = first; // the usual case in the simulator: one chunk, one packet, no new view
      chunks.shift();
    } else if (first.length > n) {
      bytes = first.subarray(0, n);
      chunks[0] = first.subarray(n);
    } else {
      bytes = new Uint8Array(n);
      let filled = 0;
      let used = 0; // chunks used up, removed in one splice (shift() per chunk is quadratic)
      while (filled < n) {
        const c = chunks[used];
        const part = c.subarray(0, n - filled);
        bytes.set(part, filled);
        filled += part.length;
        if (part.length === c.length) used++;
        else chunks[used] = c.subarray(part.length);
      }
      chunks.splice(0, used);
    }
    buffered -= n;
    // let go of the views spliced past (the usual shift() has already emptied it: no new array)
    if (buffered === 0 && chunks.length !== 0) chunks = [];
    return bytes;
  }

  return state;
}
