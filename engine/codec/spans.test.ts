/**
 * Spans, as a property of every valid packet (test/support/arbitraries.ts), both versions:
 * - the top-level spans tile the packet and every span's children tile it; the bit fields of one
 *   byte all cover that byte, carry `bitMask`, and their masks partition it;
 * - every leaf's bytes decode to what the packet says that field is: packet identifiers, strings
 *   and their lengths, binary data, reason codes, flags bit by bit, variable byte integers byte by
 *   byte (remaining length, property length, subscription identifiers), property ids and values.
 *   A leaf this test does not know how to check fails the test: new kinds of span get a check.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import '../../test/support/byte-equality.ts';
import { arbitraryPacket } from '../../test/support/arbitraries.ts';
import { checkTiling } from '../../test/support/span-tiling.ts';
import { type Packet, decode, encode } from './codec.ts';
import { TYPE_CODE, requiredFlags } from './packet.ts';
import { propertyByName, type PropertyName } from './properties.ts';
import type { Span } from './spans.ts';
import type { ProtocolVersion } from './version.ts';

const SEED = 0x5eed_0b17;
const RUNS = 1_500;
/** Generous: a second or two alone, but the machine running CI may be busy. */
const TIMEOUT_MS = 60_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The value at a span's field path in the packet: 'will.topic', 'subscriptions.1.qos'. */
function at(packet: Packet, path: string): unknown {
  let value: unknown = packet;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A Variable Byte Integer from the bytes of a span. */
function varint(bytes: Uint8Array, span: Span): number {
  let value = 0;
  for (let i = span.start, multiplier = 1; i < span.end; i++, multiplier *= 128)
    value += (bytes[i] & 0x7f) * multiplier;
  return value;
}

const u16 = (bytes: Uint8Array, i: number) => (bytes[i] << 8) | bytes[i + 1];
const uint = (bytes: Uint8Array, span: Span) => bytes.subarray(span.start, span.end).reduce((n, b) => n * 256 + b, 0);
const isLeaf = (span: Span) => !span.children || span.children.length === 0;

/** The bits under `mask`, shifted down: bits(0b0110_0000, 0b0110_0000) = 0b11. */
function bits(byte: number, mask: number): number {
  let shift = 0;
  while (((mask >> shift) & 1) === 0) shift++;
  return (byte & mask) >> shift;
}

/**
 * Checks the spans of one packet against its bytes and its decoded object. Returns the leaves it
 * checked; throws (via expect) on the first mismatch.
 */
function checkValues(packet: Packet, bytes: Uint8Array, spans: Span[], length: number): Set<Span> {
  const checked = new Set<Span>();
  const check = (span: Span, actual: unknown, expected: unknown) => {
    expect(actual, `${span.field} (${span.label}) at [${span.start}, ${span.end})`).toEqual(expected);
    checked.add(span);
  };
  /** Next value of a repeated property (user properties, subscription identifiers), per path. */
  const nextIndex = new Map<string, number>();
  const next = (path: string) => {
    const i = nextIndex.get(path) ?? 0;
    nextIndex.set(path, i + 1);
    return (at(packet, path) as unknown[])[i];
  };

  /** The bit field's value in the packet object, as a number. */
  function expectedBits(span: Span): number | undefined {
    const p = packet as Packet & Record<string, unknown>;
    switch (span.field) {
      case 'type':
        return TYPE_CODE[packet.type];
      case 'flags':
        return requiredFlags(packet.type);
      case 'reserved':
        return 0;
      case 'usernameFlag':
        return Number(p.username !== undefined);
      case 'passwordFlag':
        return Number(p.password !== undefined);
      case 'willFlag':
        return Number(p.will !== undefined);
      case 'will.qos':
      case 'will.retain':
        return p.will === undefined ? 0 : Number(at(packet, span.field));
    }
    const value = at(packet, span.field);
    return typeof value === 'boolean' || typeof value === 'number' ? Number(value) : undefined;
  }

  /** A varint group: its bytes' continuation bits and digits, and the value they make. */
  function checkVarint(span: Span, expected: number) {
    check(span, varint(bytes, span), expected);
    const byteSpans = span.children ?? [];
    expect(byteSpans.length, `${span.field}: one span per byte`).toBe(span.end - span.start);
    byteSpans.forEach((b, i) => {
      expect(b.label).toBe('field.varintByte');
      const byte = bytes[b.start];
      for (const bit of b.children ?? []) {
        if (bit.label === 'field.continuation') check(bit, bits(byte, bit.bitMask!), i < byteSpans.length - 1 ? 1 : 0);
        else if (bit.label === 'field.varintDigit') check(bit, bits(byte, bit.bitMask!), byte & 0x7f);
      }
    });
  }

  /** The string or binary value a span holds: from the packet, or the user property pair at hand. */
  let pair: [string, string] | undefined;
  function valueOf(field: string): unknown {
    if (field.endsWith('.userProperties.key')) return pair![0];
    if (field.endsWith('.userProperties.value')) return pair![1];
    return at(packet, field);
  }

  function visit(span: Span, parent: Span | undefined) {
    const leaf = isLeaf(span);
    if (span.bitMask !== undefined) {
      const expected = expectedBits(span);
      if (expected !== undefined) check(span, bits(bytes[span.start], span.bitMask), expected);
      return;
    }
    switch (span.label) {
      case 'field.remainingLength':
        checkVarint(span, length - span.end);
        return;
      case 'field.propertyLength':
        checkVarint(span, parent!.end - span.end);
        return;
      case 'field.stringLength':
      case 'field.binaryLength':
        check(span, u16(bytes, span.start), parent!.end - parent!.start - 2);
        return;
      case 'field.utf8':
        check(span, utf8.decode(bytes.subarray(span.start, span.end)), valueOf(parent!.field));
        return;
      case 'field.bytes':
        check(span, bytes.slice(span.start, span.end), valueOf(parent!.field));
        return;
      case 'field.packetId':
        check(span, u16(bytes, span.start), at(packet, 'packetId'));
        return;
      case 'field.protocolLevel':
        check(span, bytes[span.start], at(packet, 'protocolVersion'));
        return;
      case 'field.keepAlive':
        check(span, u16(bytes, span.start), at(packet, 'keepAlive'));
        return;
      case 'field.reasonCode':
      case 'field.returnCode':
        check(span, bytes[span.start], at(packet, span.field));
        return;
      case 'field.propertyId':
        check(span, bytes[span.start], propertyByName(parent!.label.replace('property.', ''))?.id);
        return;
    }
    if (span.label === 'field.payload' && leaf) {
      check(span, bytes.slice(span.start, span.end), at(packet, 'payload'));
      return;
    }
    if (span.label.startsWith('property.')) {
      const name = span.label.replace('property.', '') as PropertyName;
      if (name === 'userProperties') pair = next(span.field) as [string, string];
    }
    if (span.label === 'field.propertyValue') {
      const name = span.field.split('.').pop() as PropertyName;
      const expected = name === 'subscriptionIdentifiers' ? next(span.field) : at(packet, span.field);
      if (propertyByName(name)?.type === 'varint') {
        checkVarint(span, expected as number);
        return;
      }
      if (leaf) {
        check(span, uint(bytes, span), expected);
        return;
      }
    }
    for (const child of span.children ?? []) visit(child, span);
  }

  for (const span of spans) visit(span, undefined);
  return checked;
}

function leaves(spans: Span[], out: Span[] = []): Span[] {
  for (const s of spans) {
    if (isLeaf(s)) out.push(s);
    else leaves(s.children!, out);
  }
  return out;
}

for (const version of [4, 5] as const satisfies ProtocolVersion[]) {
  describe(`spans of valid MQTT ${version === 5 ? '5.0' : '3.1.1'} packets`, () => {
    test(
      'tile the packet, children tile their parent, bit masks partition their byte',
      () => {
        fc.assert(
          fc.property(arbitraryPacket(version), (packet) => {
            const { spans, length } = decode(encode(packet, version), version, { spans: true });
            expect(checkTiling(spans!, 0, length)).toBeUndefined();
          }),
          { seed: SEED, numRuns: RUNS },
        );
      },
      TIMEOUT_MS,
    );

    test(
      "every leaf's bytes decode to the packet's value for that field",
      () => {
        fc.assert(
          fc.property(arbitraryPacket(version), (packet) => {
            const bytes = encode(packet, version);
            const { spans, length } = decode(bytes, version, { spans: true });
            const checked = checkValues(packet, bytes, spans!, length);
            const unchecked = leaves(spans!).filter((s) => !checked.has(s));
            expect(unchecked.map((s) => `${s.field} (${s.label})`)).toEqual([]);
          }),
          { seed: SEED, numRuns: RUNS },
        );
      },
      TIMEOUT_MS,
    );
  });
}

test('a bit field carries its mask; a byte split into bits is covered by its masks exactly', () => {
  const { spans } = decode(
    encode({ type: 'PUBLISH', dup: true, qos: 2, retain: true, topic: 't', packetId: 1, payload: new Uint8Array() }),
    4,
    {
      spans: true,
    },
  );
  const firstByte = spans![0].children![0];
  expect(firstByte.children!.map((s) => [s.field, s.bitMask])).toEqual([
    ['type', 0xf0],
    ['dup', 0x08],
    ['qos', 0x06],
    ['retain', 0x01],
  ]);
});
