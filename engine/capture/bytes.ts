/**
 * A growable byte buffer for building capture files: pcapng blocks are little-endian (we write
 * them so), the Ethernet, IP and TCP headers inside them are in network byte order.
 */
export class ByteWriter {
  private buffer: Uint8Array<ArrayBuffer> = new Uint8Array(256);
  private view = new DataView(this.buffer.buffer);
  length = 0;

  private reserve(n: number): number {
    const at = this.length;
    if (at + n > this.buffer.length) {
      let size = this.buffer.length * 2;
      while (size < at + n) size *= 2;
      const bigger = new Uint8Array(size);
      bigger.set(this.buffer.subarray(0, this.length));
      this.buffer = bigger;
      this.view = new DataView(bigger.buffer);
    }
    this.length += n;
    return at;
  }

  u8(value: number): this {
    const at = this.reserve(1); // before reading this.buffer: reserve may replace it
    this.buffer[at] = value;
    return this;
  }

  u16be(value: number): this {
    const at = this.reserve(2);
    this.view.setUint16(at, value, false);
    return this;
  }

  u32be(value: number): this {
    const at = this.reserve(4);
    this.view.setUint32(at, value >>> 0, false);
    return this;
  }

  u16le(value: number): this {
    const at = this.reserve(2);
    this.view.setUint16(at, value, true);
    return this;
  }

  u32le(value: number): this {
    const at = this.reserve(4);
    this.view.setUint32(at, value >>> 0, true);
    return this;
  }

  bytes(value: Uint8Array): this {
    const at = this.reserve(value.length);
    this.buffer.set(value, at);
    return this;
  }

  /** Zero bytes up to the next multiple of 4 (pcapng pads every field so). */
  pad4(): this {
    while (this.length % 4 !== 0) this.u8(0);
    return this;
  }

  /** Overwrite a big-endian u16 written earlier (a checksum, a length). */
  setU16be(offset: number, value: number): void {
    this.view.setUint16(offset, value, false);
  }

  setU32le(offset: number, value: number): void {
    this.view.setUint32(offset, value >>> 0, true);
  }

  finish(): Uint8Array<ArrayBuffer> {
    return this.buffer.slice(0, this.length);
  }
}

/** The Internet checksum (RFC 1071) of some byte ranges taken as one: the ones' complement sum. */
export function internetChecksum(...parts: Uint8Array[]): number {
  let sum = 0;
  let odd: number | null = null;
  for (const part of parts) {
    for (const byte of part) {
      if (odd === null) odd = byte;
      else {
        sum += (odd << 8) | byte;
        odd = null;
      }
    }
  }
  if (odd !== null) sum += odd << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

export const utf8Bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
