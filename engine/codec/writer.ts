/**
 * Writes one packet into a buffer sized exactly beforehand: packets measure themselves first (see
 * each packet's `measure`), so encoding allocates once and never copies.
 */
import { malformed } from './errors.ts';
import { utf8Length, writeUtf8 } from './utf8.ts';
import { type ProtocolVersion, rule } from './version.ts';

export const MAX_REMAINING_LENGTH = 268_435_455;

/**
 * Small packets are cut from a shared slab, as Node's Buffer.allocUnsafe does from its pool: a new
 * ArrayBuffer costs about 1 µs (more than encoding a PUBLISH), a view into a slab about 40 ns.
 * So an encoded packet is a view (byteOffset, byteLength) into a buffer that other packets share:
 * use the view, never its `.buffer` on its own, and never transfer that buffer.
 * A fresh slab is zero-filled, and every packet overwrites all of its bytes (encode checks).
 */
const SLAB_SIZE = 16 * 1024;
/** Packets larger than this get an ArrayBuffer of their own. */
const SLAB_MAX_PACKET = 1024;
let slab = new ArrayBuffer(SLAB_SIZE);
let slabUsed = 0;

function allocate(size: number): Uint8Array {
  if (size > SLAB_MAX_PACKET) return new Uint8Array(size);
  if (slabUsed + size > SLAB_SIZE) {
    slab = new ArrayBuffer(SLAB_SIZE);
    slabUsed = 0;
  }
  const bytes = new Uint8Array(slab, slabUsed, size);
  slabUsed += (size + 7) & ~7; // keep each packet 8-byte aligned
  return bytes;
}

export class Writer {
  readonly buf: Uint8Array;
  pos = 0;

  constructor(size: number) {
    this.buf = allocate(size);
  }

  u8(value: number): void {
    this.buf[this.pos++] = value;
  }

  u16(value: number): void {
    this.buf[this.pos++] = value >> 8;
    this.buf[this.pos++] = value & 0xff;
  }

  u32(value: number): void {
    this.buf[this.pos++] = value >>> 24;
    this.buf[this.pos++] = (value >> 16) & 0xff;
    this.buf[this.pos++] = (value >> 8) & 0xff;
    this.buf[this.pos++] = value & 0xff;
  }

  varint(value: number): void {
    do {
      let byte = value % 128;
      value = Math.floor(value / 128);
      if (value > 0) byte |= 0x80;
      this.buf[this.pos++] = byte;
    } while (value > 0);
  }

  /** `byteLength` is the string's measured UTF-8 length (see stringSize). */
  string(text: string, byteLength: number): void {
    this.u16(byteLength);
    this.pos = writeUtf8(this.buf, this.pos, text);
  }

  binary(bytes: Uint8Array): void {
    this.u16(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  bytes(bytes: Uint8Array): void {
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }
}

/**
 * UTF-8 length of a string to be sent, checked as the decoder would check it: no U+0000, no lone
 * surrogate, at most 65,535 bytes. `offset` is where the string would start, for the error.
 */
export function stringSize(text: unknown, field: string, version: ProtocolVersion, offset: number): number {
  if (typeof text !== 'string') {
    throw malformed(offset, 'invalid-field', undefined, { field, reason: 'expected a string' });
  }
  const length = utf8Length(text);
  if (length < 0) {
    const code = text.includes('\0') ? 'utf8-null' : 'utf8-surrogate';
    throw malformed(
      offset,
      code,
      rule(
        version,
        code === 'utf8-null' ? 'MQTT-1.5.3-2' : 'MQTT-1.5.3-1',
        code === 'utf8-null' ? 'MQTT-1.5.4-2' : 'MQTT-1.5.4-1',
      ),
    );
  }
  if (length > 65_535) throw malformed(offset, 'string-too-long', rule(version, '§1.5.3', '§1.5.4'), { length });
  return length;
}

export function binarySize(bytes: unknown, field: string, version: ProtocolVersion, offset: number): number {
  if (!(bytes instanceof Uint8Array)) {
    throw malformed(offset, 'invalid-field', undefined, { field, reason: 'expected a Uint8Array' });
  }
  if (bytes.length > 65_535) {
    throw malformed(offset, 'string-too-long', rule(version, '§3.1.3', '§1.5.6'), { length: bytes.length });
  }
  return bytes.length;
}

/** A payload: any bytes, any length (the remaining length limits it). */
export function payloadSize(bytes: unknown, field: string, offset: number): number {
  if (!(bytes instanceof Uint8Array)) {
    throw malformed(offset, 'invalid-field', undefined, { field, reason: 'expected a Uint8Array' });
  }
  return bytes.length;
}

/** Integer fields of a packet object: checked before they are written, never truncated silently. */
export function checkInteger(value: unknown, field: string, min: number, max: number, offset: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw malformed(offset, 'invalid-field', undefined, {
      field,
      reason: `expected an integer from ${min} to ${max}, got ${String(value)}`,
    });
  }
  return value;
}
