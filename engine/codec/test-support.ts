/**
 * What the labelled-byte tests (packets/<type>.test.ts, strictness.test.ts) share. Test-only: no
 * engine code imports this file.
 */
import { expect } from 'vitest';
import { type Packet, decode, encode } from './codec.ts';
import { MqttError } from './errors.ts';
import type { Span } from './spans.ts';
import type { ProtocolVersion } from './version.ts';

/** The UTF-8 bytes of `text`, for payloads and binary fields in expected packet objects. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Bytes from hex, spaces allowed: hex('30 02 00 00'). */
export function hex(text: string): Uint8Array {
  const digits = text.replace(/\s+/g, '');
  if (!/^([0-9a-f]{2})*$/i.test(digits)) throw new Error(`not hex: ${text}`);
  return Uint8Array.from(digits.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** `decode` gives exactly `packet` and takes every byte; `encode` gives exactly the bytes back. */
export function expectWire(bytes: number[], packet: Packet, version: ProtocolVersion): void {
  expectDecode(bytes, packet, version);
  expect([...encode(packet, version)]).toEqual(bytes);
}

/** Decode only: for a form the decoder accepts but the encoder, writing the shortest form, never writes. */
export function expectDecode(bytes: number[], packet: Packet, version: ProtocolVersion): void {
  const decoded = decode(Uint8Array.from(bytes), version);
  expect(decoded.packet).toStrictEqual(packet);
  expect(decoded.length).toBe(bytes.length);
}

/**
 * The spans of the decoded bytes, checked to tile: top-level spans cover [0, length) end to end,
 * children cover their parent end to end, and bit fields each cover their whole byte.
 */
export function spansOf(bytes: number[], version: ProtocolVersion): Span[] {
  const { spans } = decode(Uint8Array.from(bytes), version, { spans: true });
  expectTiling(spans!, 0, bytes.length, '');
  return spans!;
}

function expectTiling(spans: Span[], start: number, end: number, path: string): void {
  if (spans.every((s) => s.bitMask !== undefined)) {
    for (const s of spans) expect([s.start, s.end], `${path}/${s.field} is its byte`).toEqual([start, end]);
    return;
  }
  let at = start;
  for (const s of spans) {
    const name = `${path}/${s.field}`;
    expect(s.start, `${name} starts where the span before it ends`).toBe(at);
    expect(s.end, `${name} is not empty`).toBeGreaterThan(s.start);
    if (s.children) expectTiling(s.children, s.start, s.end, name);
    at = s.end;
  }
  expect(at, `${path || 'the packet'} is covered to its end`).toBe(end);
}

/** The first span (depth first) whose field is `field`. */
export function spanNamed(spans: Span[], field: string): Span | undefined {
  for (const s of spans) {
    if (s.field === field) return s;
    const inner = s.children && spanNamed(s.children, field);
    if (inner) return inner;
  }
  return undefined;
}

/** [start, end) of the first span (depth first) whose field is `field`. */
export function spanAt(spans: Span[], field: string): [number, number] | undefined {
  const span = spanNamed(spans, field);
  return span && [span.start, span.end];
}

/** The MqttError that `run` throws; fails the test if it returns or throws something else. */
export function thrown(run: () => unknown): MqttError {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (error instanceof MqttError) return error;
    throw error;
  }
  throw new Error(`expected an MqttError, got ${String(result)}`);
}
