/** What lesson 05's prose claims, asserted on its run and on the codec. */
import { expect } from 'vitest';
import { MqttError, type Packet, type SendEvent, createDecoder, decode, encode, findSpan } from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';
import { SNAPSHOT } from './scenario.ts';

/** The bytes of a packet's remaining length field (they follow the first byte, up to bit 7 = 0). */
function lengthBytes(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 1; i < bytes.length; i++) {
    out.push(bytes[i]);
    if ((bytes[i] & 0x80) === 0) break;
  }
  return out;
}

/** The value of a remaining length, read as the prose says: each group times 128 once more. */
function readBack(groups: number[]): number {
  return groups.reduce((sum, byte, i) => sum + (byte & 0x7f) * 128 ** i, 0);
}

/** The encoding as the prose gives it: modulo 128, divide by 128, add 128 while something is left. */
function byHand(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte += 128;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** A QoS 0 PUBLISH on topic "a" whose remaining length is `length` (2 + 1 + payload). */
function publishOfLength(length: number): Uint8Array {
  const packet: Packet = {
    type: 'PUBLISH',
    dup: false,
    qos: 0,
    retain: false,
    topic: 'a',
    payload: new Uint8Array(length - 3),
  };
  return encode(packet);
}

const hex = (bytes: number[]) => bytes.map((b) => `0x${b.toString(16).padStart(2, '0').toUpperCase()}`).join(' ');

export const checks: Checks = {
  count: ({ lengths }) => {
    const sends = lengths.trace.filter((e): e is SendEvent => e.kind === 'send');

    // over TCP, nothing lost
    expect(lengths.scenario.transport ?? 'tcp').toBe('tcp');
    expect(lengths.trace.some((e) => e.kind === 'drop')).toBe(false);
    // a stream decoder finds each packet's end by its remaining length, whatever follows it
    const stream = [
      lengths.packet({ type: 'PUBLISH', from: 'camera' }),
      lengths.packet({ type: 'PUBLISH', from: 'camera', nth: 2 }),
    ];
    const joined = new Uint8Array(stream[0].bytes.length + stream[1].bytes.length);
    joined.set(stream[0].bytes, 0);
    joined.set(stream[1].bytes, stream[0].bytes.length);
    expect(
      createDecoder(4)
        .push(joined)
        .map((d) => d.length),
    ).toEqual(stream.map((s) => s.bytes.length));

    // count: cam/status + ok: 0x0E = 14 = 12 (0x000A + 10 bytes) + 2; the packet is 1 + 1 + 14 = 16
    const status = lengths.packet({ type: 'PUBLISH', from: 'camera' });
    expect(status.packet).toMatchObject({ topic: 'cam/status', qos: 0 });
    expect(lengthBytes(status.bytes)).toEqual([0x0e]);
    const statusSpans = decode(status.bytes, 4, { spans: true }).spans!;
    const variable = findSpan(statusSpans, 'variableHeader')!;
    expect(variable.end - variable.start).toBe(12);
    expect([status.bytes[variable.start], status.bytes[variable.start + 1]]).toEqual([0x00, 0x0a]);
    expect(status.bytes.length - variable.end).toBe(2);
    expect(status.bytes.length).toBe(1 + 1 + 14);
    // for every packet of the run: 1 + the remaining length's bytes + the remaining length
    for (const s of sends) {
      const rl = lengthBytes(s.bytes);
      expect(s.bytes.length, `${s.packet.type} ${s.seq}`).toBe(1 + rl.length + readBack(rl));
    }
  },
  'seven-bits': ({ lengths }) => {
    const status = lengths.packet({ type: 'PUBLISH', from: 'camera' });
    const statusSpans = decode(status.bytes, 4, { spans: true }).spans!;
    // seven-bits: 0x0E = 0000 1110, bit 7 is 0; one byte holds 0..127; the fixed header is two bytes
    expect((0x0e).toString(2).padStart(8, '0')).toBe('00001110');
    expect(byHand(127)).toEqual([0x7f]);
    expect(byHand(128)).toHaveLength(2);
    const fixed = findSpan(statusSpans, 'fixedHeader')!;
    expect(fixed.end - fixed.start).toBe(2);
  },
  'predict-bytes': ({ lengths }) => {
    // predict-bytes / by-hand: 14 + 307 = 321 → 0xC1 0x02
    const snapshot = lengths.packet({ type: 'PUBLISH', from: 'camera', nth: 2 });
    expect(SNAPSHOT.length).toBe(307);
    expect(snapshot.packet).toMatchObject({ topic: 'cam/snapshot', qos: 0 });
    expect(2 + 'cam/snapshot'.length).toBe(14);
    expect(lengthBytes(snapshot.bytes)).toEqual([0xc1, 0x02]);
    expect(readBack([0xc1, 0x02])).toBe(321);
    expect(321).toBe(2 * 128 + 65);
    expect(65 + 128).toBe(193);
    expect(193).toBe(0xc1);
    expect(byHand(321)).toEqual([0xc1, 0x02]);
    // the general rule agrees with the codec, all over the one-, two- and three-byte ranges
    for (const value of [3, 100, 127, 128, 129, 321, 1_000, 16_383, 16_384, 20_000]) {
      expect(lengthBytes(publishOfLength(value)), String(value)).toEqual(byHand(value));
    }
  },
  'read-back': ({ lengths }) => {
    const snapshot = lengths.packet({ type: 'PUBLISH', from: 'camera', nth: 2 });
    // read-back: 0x41 = 65, 2 × 128 = 256; the broker's copy to the viewer has the same length, QoS 0
    expect(0xc1 & 0x7f).toBe(0x41);
    expect(0x41).toBe(65);
    expect(65 + 256).toBe(321);
    expect(findSpan(decode(snapshot.bytes, 4, { spans: true }).spans!, 'remainingLength')!.value).toBe('321');
    const copy = lengths.packet({ type: 'PUBLISH', from: 'broker', to: 'viewer', nth: 2 });
    expect(copy.packet).toMatchObject({ topic: 'cam/snapshot', qos: 0 });
    expect(lengthBytes(copy.bytes)).toEqual([0xc1, 0x02]);
  },
  'qos1-byte': ({ lengths }) => {
    // qos1-byte / limits: QoS 1 adds a 2-byte packet identifier: 323 → 0xC3 0x02
    const qos1 = lengths.packet({ type: 'PUBLISH', from: 'camera', nth: 3 });
    expect(qos1.packet).toMatchObject({ topic: 'cam/snapshot', qos: 1, packetId: 1 });
    expect(readBack(lengthBytes(qos1.bytes))).toBe(321 + 2);
    expect(lengthBytes(qos1.bytes)).toEqual([0xc3, 0x02]);
    expect(323).toBe(2 * 128 + 67);
    expect(67 + 128).toBe(195);
    expect(195).toBe(0xc3);

    // the table: the first and last value of each size, as the codec writes them
    const table: Array<[number, string]> = [
      [127, '0x7F'],
      [128, '0x80 0x01'],
      [16_383, '0xFF 0x7F'],
      [16_384, '0x80 0x80 0x01'],
      [2_097_151, '0xFF 0xFF 0x7F'],
      [2_097_152, '0x80 0x80 0x80 0x01'],
    ];
    for (const [value, bytes] of table) {
      expect(hex(lengthBytes(publishOfLength(value))), String(value)).toBe(bytes);
      expect(hex(byHand(value))).toBe(bytes);
    }
    expect(hex(lengthBytes(encode({ type: 'PINGREQ' })))).toBe('0x00');
    expect(hex(byHand(268_435_455))).toBe('0xFF 0xFF 0xFF 0x7F');
    expect(readBack([0xff, 0xff, 0xff, 0x7f])).toBe(268_435_455);
    expect(268_435_455).toBe(256 * 1024 * 1024 - 1);
    // the codec reads FF FF FF 7F as 268,435,455: it waits for exactly that many bytes (without allocating them)
    let waiting: MqttError | undefined;
    try {
      decode(Uint8Array.of(0x30, 0xff, 0xff, 0xff, 0x7f));
    } catch (error) {
      if (error instanceof MqttError) waiting = error;
    }
    expect(waiting).toMatchObject({ incomplete: true, params: { needed: 268_435_455 } });
    // a fourth byte with bit 7 set makes the packet malformed: there is no fifth byte
    let tooLong: MqttError | undefined;
    try {
      decode(Uint8Array.of(0x30, 0xff, 0xff, 0xff, 0xff, 0x01));
    } catch (error) {
      if (error instanceof MqttError) tooLong = error;
    }
    expect(tooLong).toMatchObject({ kind: 'malformed', code: 'varint-too-long' });
  },
  summary: ({ lengths }) => {
    const sends = lengths.trace.filter((e): e is SendEvent => e.kind === 'send');
    // summary: DISCONNECT is E0 00; every packet of the run but the snapshots has a one-byte length
    const disconnect = lengths.packet({ type: 'DISCONNECT', from: 'camera' });
    expect(Array.from(disconnect.bytes)).toEqual([0xe0, 0x00]);
    for (const s of sends) {
      const big = s.packet.type === 'PUBLISH' && s.packet.topic === 'cam/snapshot';
      expect(lengthBytes(s.bytes).length, `${s.packet.type} ${s.seq}`).toBe(big ? 2 : 1);
    }
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'predict-bytes': ({ lengths }) => {
    const n = lengthBytes(lengths.packet({ type: 'PUBLISH', from: 'camera', nth: 2 }).bytes).length;
    return n === 1 ? 'one' : n === 2 ? 'two' : n === 4 ? 'four' : String(n);
  },
  'qos1-byte': ({ lengths }) => lengthBytes(lengths.packet({ type: 'PUBLISH', from: 'camera', nth: 3 }).bytes)[0],
};
