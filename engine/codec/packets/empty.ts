/** The layout PINGREQ and PINGRESP share: a fixed header with remaining length 0, nothing else. */
import type { PacketCodec } from './codec.ts';

export function emptyCodec<T extends 'PINGREQ' | 'PINGRESP'>(type: T): PacketCodec<{ type: T }> {
  return {
    decode: () => ({ type }),
    measure: () => 0,
    write: () => {},
    flags: () => 0,
  };
}
