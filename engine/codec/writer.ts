/**
 * Writes one packet into a buffer sized exactly beforehand: packets measure themselves first (see
 * each packet's `measure`), so encoding allocates once and never copies.
 */
import { malformed } from './errors.ts';
import { utf8Length, writeUtf8 } from './utf8.ts';
import { type ProtocolVersion, rule } from './version.ts';

export const MAX_REMAINING_LENGTH = 268_435_455;

export class Writer {
  readonly buf: Uint8Array;
  pos = 0;

  constructor(size: number) {
    this.buf = new Uint8Array(size);
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
  if (length > 65_535)
    throw malformed(offset, 'string-too-long', rule(version, 'MQTT-1.5.3-1', 'MQTT-1.5.4-1'), { length });
  return length;
}

export function binarySize(bytes: unknown, field: string, offset: number): number {
  if (!(bytes instanceof Uint8Array)) {
    throw malformed(offset, 'invalid-field', undefined, { field, reason: 'expected a Uint8Array' });
  }
  if (bytes.length > 65_535) throw malformed(offset, 'string-too-long', '§1.5.6', { length: bytes.length });
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
