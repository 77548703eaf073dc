import { malformed } from '../errors.ts';
import type { PacketType } from '../packet.ts';
import type { Reader } from '../reader.ts';
import type { ProtocolVersion } from '../version.ts';
import type { Writer } from '../writer.ts';

/**
 * What each packet file provides. The fixed header (type, flags, remaining length) is read and
 * written by codec.ts; a packet codec handles what follows it.
 */
export interface PacketCodec<P> {
  /** Read the variable header and payload; `flags` are bits 3–0 of the first byte, already checked. */
  decode(r: Reader, flags: number): P;
  /**
   * The remaining length `p` encodes to, checking `p` as the decoder would check its bytes.
   * Offsets in errors assume a one-byte remaining length (exact for packets under 128 bytes).
   */
  measure(p: P, version: ProtocolVersion, sizes: number[]): number;
  /** Write what `measure` measured; `sizes` holds the property block sizes it pushed, in order. */
  write(w: Writer, p: P, version: ProtocolVersion, sizes: number[]): void;
  /** Bits 3–0 of the first byte. */
  flags(p: P): number;
}

/** Offset of body byte `n` in errors thrown while measuring (see PacketCodec.measure). */
export const at = (n: number) => 2 + n;

/**
 * A packet of fixed size: its remaining length (byte 1 on) must be `expected`. Called first thing
 * in `decode`, while `r.remaining` is still the whole remaining length. `section` is the packet's
 * fixed-header section, which states the value ("For the PUBACK packet this has the value 2").
 */
export function expectRemainingLength(r: Reader, packet: PacketType, expected: number, section: string): void {
  const actual = r.remaining;
  if (actual !== expected) {
    throw malformed(1, 'remaining-length-mismatch', section, { packet, expected, actual });
  }
}
