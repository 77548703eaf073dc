/**
 * A cursor over one packet's bytes. `end` is where the packet ends by its remaining length: a field
 * that would cross it makes the packet malformed. Records spans when a SpanRecorder is attached.
 */
import { malformed, protocolError } from './errors.ts';
import { type Span, SpanRecorder, formatBits, formatNumber } from './spans.ts';
import { decodeUtf8 } from './utf8.ts';
import { type ProtocolVersion, rule } from './version.ts';

export class Reader {
  pos: number;

  constructor(
    readonly buf: Uint8Array,
    start: number,
    /** Where the packet ends; narrowed while reading a bounded part such as the properties. */
    public end: number,
    public version: ProtocolVersion,
    readonly spans: SpanRecorder | null,
  ) {
    this.pos = start;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  need(n: number, field: string): void {
    if (this.pos + n > this.end) {
      throw malformed(this.pos, 'field-past-end', rule(this.version, '§2.2.3', '§2.1.4'), {
        field,
        needed: n,
        available: this.end - this.pos,
      });
    }
  }

  u8(field: string): number {
    this.need(1, field);
    return this.buf[this.pos++];
  }

  u16(field: string): number {
    this.need(2, field);
    const value = (this.buf[this.pos] << 8) | this.buf[this.pos + 1];
    this.pos += 2;
    return value;
  }

  u32(field: string): number {
    this.need(4, field);
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return ((b[p] << 24) >>> 0) + ((b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]);
  }

  /** A Variable Byte Integer: at most 4 bytes [§1.5.5]; minimal under 5.0 [MQTT-1.5.5-1]. */
  varint(field: string): number {
    const start = this.pos;
    let value = 0;
    let multiplier = 1;
    for (let i = 0; i < 4; i++) {
      const byte = this.u8(field);
      value += (byte & 0x7f) * multiplier;
      if ((byte & 0x80) === 0) {
        if (this.version === 5 && i > 0 && byte === 0) {
          throw malformed(start, 'varint-not-minimal', 'MQTT-1.5.5-1', {
            value,
            bytes: i + 1,
            minimal: varintSize(value),
          });
        }
        return value;
      }
      multiplier *= 128;
    }
    throw malformed(start, 'varint-too-long', rule(this.version, '§2.2.3', '§1.5.5'));
  }

  /** A 2-byte length and that many bytes of strict UTF-8. `label` defaults to `field.<field>`. */
  string(field: string, label?: string): string {
    const start = this.pos;
    const length = this.u16(field);
    this.need(length, field);
    const text = decodeUtf8(this.buf, this.pos, this.pos + length, this.version);
    this.pos += length;
    if (this.spans) {
      this.spans.open(field, label ?? `field.${field}`, start);
      this.spans.leaf({ field, label: 'field.stringLength', start, end: start + 2, value: formatNumber(length, 2) });
      if (length > 0)
        this.spans.leaf({ field, label: 'field.utf8', start: start + 2, end: this.pos, value: quote(text) });
      this.spans.close(this.pos, quote(text));
    }
    return text;
  }

  /** Binary Data: a 2-byte length and that many bytes (a view, not a copy). `label` as for string. */
  binary(field: string, label?: string): Uint8Array {
    const start = this.pos;
    const length = this.u16(field);
    this.need(length, field);
    const bytes = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    if (this.spans) {
      this.spans.open(field, label ?? `field.${field}`, start);
      this.spans.leaf({ field, label: 'field.binaryLength', start, end: start + 2, value: formatNumber(length, 2) });
      if (length > 0)
        this.spans.leaf({ field, label: 'field.bytes', start: start + 2, end: this.pos, value: hexPreview(bytes) });
      this.spans.close(this.pos, `${length} bytes`);
    }
    return bytes;
  }

  /** Everything left up to the packet's end (a view, not a copy). */
  rest(): Uint8Array {
    const bytes = this.buf.subarray(this.pos, this.end);
    this.pos = this.end;
    return bytes;
  }

  /** A non-zero packet identifier [MQTT-2.3.1-1] (5.0: [MQTT-2.2.1-3]). */
  packetId(packet: string, isAck: boolean): number {
    const start = this.pos;
    const id = this.u16('packetId');
    this.numberLeaf('packetId', 'field.packetId', start, id, 2);
    if (id === 0) {
      const r = isAck
        ? rule(this.version, 'MQTT-2.3.1-6', 'MQTT-2.2.1-5')
        : rule(this.version, 'MQTT-2.3.1-1', 'MQTT-2.2.1-3');
      throw protocolError(start, 'packet-id-zero', r, { packet });
    }
    return id;
  }

  // ---- spans (no-ops on the fast path) ----

  open(field: string, label: string, start = this.pos): void {
    if (this.spans) this.spans.open(field, label, start);
  }

  close(value?: string): void {
    if (this.spans) this.spans.close(this.pos, value);
  }

  /**
   * A leaf span from `start` to here. Its `value` is computed even without spans, so pass only a
   * ready string; for a formatted one, use numberLeaf / bytesLeaf or test `r.spans` first.
   */
  leaf(field: string, label: string, start: number, value?: string, extra?: Partial<Span>): void {
    if (this.spans) this.spans.leaf({ field, label, start, end: this.pos, value, ...extra });
  }

  /** A leaf holding a number `width` bytes wide, formatted "10 (0x000A)" only when spans are on. */
  numberLeaf(field: string, label: string, start: number, value: number, width: number): void {
    if (this.spans) this.spans.leaf({ field, label, start, end: this.pos, value: formatNumber(value, width) });
  }

  /** A leaf holding bytes, previewed in hex only when spans are on. */
  bytesLeaf(field: string, label: string, start: number, bytes: Uint8Array): void {
    if (this.spans) this.spans.leaf({ field, label, start, end: this.pos, value: hexPreview(bytes) });
  }

  /** A one-byte field split into named bit ranges. */
  bits(
    field: string,
    label: string,
    at: number,
    parts: ReadonlyArray<[field: string, label: string, mask: number, value?: string]>,
  ): void {
    if (!this.spans) return;
    const byte = this.buf[at];
    this.spans.open(field, label, at);
    for (const [f, l, mask, value] of parts) {
      this.spans.leaf({
        field: f,
        label: l,
        start: at,
        end: at + 1,
        bitMask: mask,
        value: value ?? formatBits(byte, mask),
      });
    }
    this.spans.close(at + 1, formatNumber(byte, 1));
  }

  /** Spans for a variable byte integer already read from `start` to `pos`: each byte and its two bit fields. */
  varintSpans(field: string, label: string, start: number, value: number): void {
    if (!this.spans) return;
    this.spans.open(field, label, start);
    for (let at = start; at < this.pos; at++) {
      const byte = this.buf[at];
      this.spans.open(field, 'field.varintByte', at);
      this.spans.leaf({
        field,
        label: 'field.continuation',
        start: at,
        end: at + 1,
        bitMask: 0x80,
        value: String(byte >> 7),
      });
      this.spans.leaf({
        field,
        label: 'field.varintDigit',
        start: at,
        end: at + 1,
        bitMask: 0x7f,
        value: `${byte & 0x7f} × 128^${at - start}`,
      });
      this.spans.close(at + 1, formatNumber(byte, 1));
    }
    this.spans.close(this.pos, String(value));
  }
}

export function varintSize(value: number): number {
  return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
}

/** What JSON.stringify would escape in a string: quotes, backslashes, control characters, surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON writes it, quoted; most need no escapes, and skip JSON.stringify's cost. */
export function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * The first `max` bytes in hex, "01 02 0a", and how many there are in all if there are more.
 * From a table of the 256 pairs: a payload's preview is made on every decode of a PUBLISH.
 */
export function hexPreview(bytes: Uint8Array, max = 16): string {
  const n = Math.min(bytes.length, max);
  let out = n > 0 ? HEX[bytes[0]] : '';
  for (let i = 1; i < n; i++) out += ' ' + HEX[bytes[i]];
  return bytes.length > max ? `${out} … (${bytes.length} bytes)` : out;
}
