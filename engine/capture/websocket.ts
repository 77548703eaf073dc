/**
 * MQTT over WebSocket (RFC 6455) in a capture: the HTTP upgrade in each direction, then frames
 * whose binary payloads (unmasked: a client masks every frame) carry the MQTT byte stream.
 * Control frames (ping, pong, close) carry no MQTT.
 */
import { ByteQueue } from './reassembly.ts';

const HEADER_END = [0x0d, 0x0a, 0x0d, 0x0a];
/** An HTTP header section longer than this is not the upgrade we look for. */
const MAX_HEADER_BYTES = 16 * 1024;

/** The length of the HTTP header section at the front (through the blank line), or null if not all here. */
export function httpHeaderLength(queue: ByteQueue): number | null | 'too-long' {
  const limit = Math.min(queue.length, MAX_HEADER_BYTES);
  const head = queue.peek(limit);
  for (let i = 0; i + 4 <= head.length; i++) {
    if (HEADER_END.every((b, k) => head[i + k] === b)) return i + 4;
  }
  return queue.length >= MAX_HEADER_BYTES ? 'too-long' : null;
}

export function isWebSocketUpgrade(header: string): boolean {
  return /^GET [^\r\n]* HTTP\/1\.1\r\n/.test(header) && /\r\nupgrade:\s*websocket\s*\r\n/i.test(header);
}

export class WebSocketDeframer {
  readonly frames = new ByteQueue();
  /** Set when a frame claims more than a capture could hold: the stream is not read further. */
  broken = false;

  /** Bytes in; the MQTT bytes of every complete data frame out. */
  push(bytes: Uint8Array): Uint8Array[] {
    if (this.broken) return [];
    this.frames.push(bytes);
    const out: Uint8Array[] = [];
    for (;;) {
      if (this.frames.length < 2) return out;
      const b0 = this.frames.at(0);
      const b1 = this.frames.at(1);
      let length = b1 & 0x7f;
      let at = 2;
      if (length === 126) {
        if (this.frames.length < 4) return out;
        const h = this.frames.peek(4);
        length = (h[2] << 8) | h[3];
        at = 4;
      } else if (length === 127) {
        if (this.frames.length < 10) return out;
        const h = this.frames.peek(10);
        const high = ((h[2] << 24) | (h[3] << 16) | (h[4] << 8) | h[5]) >>> 0;
        if (high !== 0) {
          this.broken = true; // 4 GB or more in one frame: not a capture we can hold
          return out;
        }
        length = ((h[6] << 24) | (h[7] << 16) | (h[8] << 8) | h[9]) >>> 0;
        at = 10;
      }
      const masked = (b1 & 0x80) !== 0;
      const total = at + (masked ? 4 : 0) + length;
      if (this.frames.length < total) return out; // wait for the bytes: never allocate a claim
      const frame = this.frames.take(total);
      const payload = frame.slice(at + (masked ? 4 : 0));
      if (masked) {
        const key = frame.subarray(at, at + 4);
        for (let i = 0; i < payload.length; i++) payload[i] ^= key[i & 3];
      }
      const opcode = b0 & 0x0f;
      if (opcode === 0 || opcode === 1 || opcode === 2) out.push(payload);
    }
  }
}
