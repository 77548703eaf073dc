/** The layout PINGREQ and PINGRESP share: a fixed header with remaining length 0, nothing else. */
import { type PacketCodec, expectRemainingLength } from './codec.ts';

export function emptyCodec<T extends 'PINGREQ' | 'PINGRESP'>(type: T, section: string): PacketCodec<{ type: T }> {
  return {
    decode(r) {
      expectRemainingLength(r, type, 0, section);
      return { type };
    },
    measure: () => 0,
    write: () => {},
    flags: () => 0,
  };
}
