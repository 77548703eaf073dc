/**
 * Reading the records of a capture file: pcap (either byte order, micro- or nanosecond
 * timestamps) and pcapng (every section, each in its own byte order; enhanced, simple and
 * obsolete packet blocks; each interface's link type and timestamp resolution). Lengths are
 * checked against the bytes that exist before anything is read: a record claiming more than the
 * file holds is where the file was cut, never an allocation.
 */
import { CaptureError } from './capture-error.ts';

export interface CapturedFrame {
  /** Microseconds since the epoch, as the file says. */
  timeUs: number;
  linkType: number;
  data: Uint8Array;
}

export interface ReadResult {
  frames: CapturedFrame[];
  /** Set when the file ends inside a record: the byte offset where it does. */
  truncatedAt?: number;
}

const PCAP_MICRO = 0xa1b2c3d4;
const PCAP_NANO = 0xa1b23c4d;
const PCAPNG_SHB = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

const hex = (bytes: Uint8Array) => Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');

export function readCaptureFile(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) throw new CaptureError('empty');
  if (bytes.length < 4) throw new CaptureError('unknown-format', { magic: hex(bytes) });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magicBe = view.getUint32(0, false);
  const magicLe = view.getUint32(0, true);
  if (magicBe === PCAPNG_SHB) return readPcapng(bytes, view);
  for (const [magic, littleEndian] of [
    [magicLe, true],
    [magicBe, false],
  ] as const) {
    if (magic === PCAP_MICRO || magic === PCAP_NANO) return readPcap(bytes, view, littleEndian, magic === PCAP_NANO);
  }
  throw new CaptureError('unknown-format', { magic: hex(bytes) });
}

function readPcap(bytes: Uint8Array, view: DataView, le: boolean, nano: boolean): ReadResult {
  if (bytes.length < 24) return { frames: [], truncatedAt: bytes.length };
  const linkType = view.getUint32(20, le) & 0xffff; // the upper bits may carry FCS information
  const frames: CapturedFrame[] = [];
  let at = 24;
  while (at < bytes.length) {
    if (at + 16 > bytes.length) return { frames, truncatedAt: at };
    const seconds = view.getUint32(at, le);
    const fraction = view.getUint32(at + 4, le);
    const length = view.getUint32(at + 8, le);
    if (at + 16 + length > bytes.length) return { frames, truncatedAt: at };
    frames.push({
      timeUs: seconds * 1e6 + (nano ? fraction / 1000 : fraction),
      linkType,
      data: bytes.subarray(at + 16, at + 16 + length),
    });
    at += 16 + length;
  }
  return { frames };
}

interface Interface {
  linkType: number;
  /** Timestamp units per second. */
  unitsPerSecond: number;
}

function readPcapng(bytes: Uint8Array, view: DataView): ReadResult {
  const frames: CapturedFrame[] = [];
  let interfaces: Interface[] = [];
  let le = true;
  let lastTimeUs = 0;
  let at = 0;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) return { frames, truncatedAt: at };
    const typeBe = view.getUint32(at, false);
    if (typeBe === PCAPNG_SHB) {
      // a new section, with its own byte order and interfaces
      const order = view.getUint32(at + 8, true);
      if (order === BYTE_ORDER_MAGIC) le = true;
      else if (order === 0x4d3c2b1a) le = false;
      else throw new CaptureError('damaged', { offset: at + 8, what: 'a section header without its byte-order magic' });
      interfaces = [];
    }
    const type = view.getUint32(at, le);
    const length = view.getUint32(at + 4, le);
    if (length < 12 || length % 4 !== 0)
      throw new CaptureError('damaged', { offset: at + 4, what: `a block length of ${length}` });
    if (at + length > bytes.length) return { frames, truncatedAt: at };
    if (view.getUint32(at + length - 4, le) !== length)
      throw new CaptureError('damaged', { offset: at + length - 4, what: 'a block whose two lengths differ' });
    const body = at + 8;
    const bodyEnd = at + length - 4;
    const frame = (iface: number, timeUnits: number | null, capturedLength: number, dataAt: number) => {
      const i = interfaces[iface];
      if (!i)
        throw new CaptureError('damaged', { offset: body, what: `a packet on interface ${iface}, never described` });
      if (dataAt + capturedLength > bodyEnd)
        throw new CaptureError('damaged', { offset: body, what: 'a packet longer than its block' });
      if (timeUnits !== null) lastTimeUs = (timeUnits / i.unitsPerSecond) * 1e6;
      frames.push({ timeUs: lastTimeUs, linkType: i.linkType, data: bytes.subarray(dataAt, dataAt + capturedLength) });
    };
    switch (type) {
      case 1: // interface description
        if (bodyEnd - body < 8) throw new CaptureError('damaged', { offset: body, what: 'a short interface block' });
        interfaces.push({
          linkType: view.getUint16(body, le),
          unitsPerSecond: tsResolution(bytes, view, body + 8, bodyEnd, le),
        });
        break;
      case 6: // enhanced packet
        if (bodyEnd - body < 20) throw new CaptureError('damaged', { offset: body, what: 'a short packet block' });
        frame(
          view.getUint32(body, le),
          view.getUint32(body + 4, le) * 2 ** 32 + view.getUint32(body + 8, le),
          view.getUint32(body + 12, le),
          body + 20,
        );
        break;
      case 3: // simple packet: no timestamp, interface 0
        frame(0, null, Math.min(view.getUint32(body, le), bodyEnd - body - 4), body + 4);
        break;
      case 2: // packet (obsolete)
        if (bodyEnd - body < 20) throw new CaptureError('damaged', { offset: body, what: 'a short packet block' });
        frame(
          view.getUint16(body, le),
          view.getUint32(body + 4, le) * 2 ** 32 + view.getUint32(body + 8, le),
          view.getUint32(body + 12, le),
          body + 20,
        );
        break;
    }
    at += length;
  }
  return { frames };
}

/** if_tsresol (option 9): 10^-n, or 2^-n when the top bit is set; microseconds when absent. */
function tsResolution(bytes: Uint8Array, view: DataView, at: number, end: number, le: boolean): number {
  while (at + 4 <= end) {
    const code = view.getUint16(at, le);
    const length = view.getUint16(at + 2, le);
    if (code === 0) break;
    if (code === 9 && length >= 1 && at + 5 <= end) {
      const value = bytes[at + 4];
      return value & 0x80 ? 2 ** (value & 0x7f) : 10 ** value;
    }
    at += 4 + Math.ceil(length / 4) * 4;
  }
  return 1e6;
}
