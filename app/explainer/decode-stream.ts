/**
 * Decode a paste packet by packet, keeping the spans of each packet and, for the packet that fails,
 * the error with the spans read before it. Decoding starts in the version asked for and, like
 * `createDecoder` and a real broker, follows each CONNECT's protocol level for the packets after
 * it. Decoding stops at the first failure: after a malformed packet a receiver closes the
 * connection, and there is no telling where the next packet would start.
 */
import {
  type ErrorCode,
  MqttError,
  type MqttErrorKind,
  type Packet,
  type ProtocolVersion,
  type Span,
  decode,
} from '$engine';

export interface DecodeFailure {
  kind: MqttErrorKind | 'internal';
  code: ErrorCode | 'internal';
  params: Record<string, string | number>;
  rule?: string;
  /** Offset from the first byte of this packet. */
  offset: number;
  /** Bytes still missing, for an incomplete packet. */
  needed?: number;
  /** The spans read before the error (may be empty). */
  spans: Span[];
  /** For `internal`: the text of an unexpected exception, so it can still be reported. */
  detail?: string;
}

export interface PacketResult {
  /** Position in the paste: 0 for the first packet. */
  index: number;
  /** Offset of the packet's first byte in the paste. */
  offset: number;
  /** The packet's bytes; for a failure, every byte from its start to the end of the paste. */
  bytes: Uint8Array;
  /** The version this packet was decoded as: the one asked for, or the last CONNECT's. */
  version: ProtocolVersion;
  /** Index of the CONNECT whose protocol level set `version`, when one did. */
  connectIndex?: number;
  packet?: Packet;
  spans: Span[];
  failure?: DecodeFailure;
}

export interface StreamResult {
  version: ProtocolVersion;
  packets: PacketResult[];
  /** Bytes not looked at because the packet limit was reached. */
  skippedBytes: number;
}

/** At most this many packets are decoded from one paste. */
export const MAX_PACKETS = 1000;

export function decodeStream(bytes: Uint8Array, version: ProtocolVersion, maxPackets = MAX_PACKETS): StreamResult {
  const packets: PacketResult[] = [];
  let offset = 0;
  let current: { version: ProtocolVersion; connectIndex?: number } = { version };
  while (offset < bytes.length && packets.length < maxPackets) {
    const rest = bytes.subarray(offset);
    const index = packets.length;
    try {
      const decoded = decode(rest, current.version, { spans: true });
      packets.push({
        index,
        offset,
        bytes: rest.subarray(0, decoded.length),
        ...current,
        packet: decoded.packet,
        spans: decoded.spans ?? [],
      });
      offset += decoded.length;
      // The packets after a CONNECT are in the version it asked for (3.1 and 3.1.1 read alike).
      if (decoded.packet.type === 'CONNECT') {
        current = { version: decoded.packet.protocolVersion === 5 ? 5 : 4, connectIndex: index };
      }
    } catch (error) {
      const failure = toFailure(error);
      packets.push({ index, offset, bytes: rest, ...current, spans: failure.spans, failure });
      return { version, packets, skippedBytes: 0 };
    }
  }
  return { version, packets, skippedBytes: bytes.length - offset };
}

/** How far `findBoundary` looks: a packet header is never further in than one big packet's worth. */
const BOUNDARY_SEARCH_BYTES = 4096;

/**
 * The first offset after 0 from which the paste reads as whole packets to its end (the last one
 * may be cut short), for a paste that begins inside a packet. Undefined when there is none.
 */
export function findBoundary(bytes: Uint8Array, version: ProtocolVersion): number | undefined {
  const limit = Math.min(bytes.length - 1, BOUNDARY_SEARCH_BYTES);
  for (let start = 1; start <= limit; start++) {
    if (readsToEnd(bytes.subarray(start), version)) return start;
  }
  return undefined;
}

function readsToEnd(bytes: Uint8Array, version: ProtocolVersion): boolean {
  let offset = 0;
  let current = version;
  while (offset < bytes.length) {
    try {
      const decoded = decode(bytes.subarray(offset), current);
      offset += decoded.length;
      if (decoded.packet.type === 'CONNECT') current = decoded.packet.protocolVersion === 5 ? 5 : 4;
    } catch (error) {
      return error instanceof MqttError && error.incomplete === true && offset > 0;
    }
  }
  return true;
}

function toFailure(error: unknown): DecodeFailure {
  if (error instanceof MqttError) {
    const spans = (error as MqttError & { spans?: Span[] }).spans ?? [];
    const failure: DecodeFailure = {
      kind: error.kind,
      code: error.code,
      params: error.params,
      offset: error.offset,
      spans: repairSpans(spans),
    };
    if (error.rule) failure.rule = error.rule;
    if (error.incomplete) failure.needed = Number(error.params.needed ?? 0);
    return failure;
  }
  return { kind: 'internal', code: 'internal', params: {}, offset: 0, spans: [], detail: String(error) };
}

/**
 * After an error the engine ends the spans still open at the error's offset, which can leave a
 * child (a string read in full before it was checked) reaching past its parent. Stretch each span
 * over its children so the parts still tile what was read.
 */
export function repairSpans(spans: Span[]): Span[] {
  return spans.map((span) => {
    if (!span.children) return span;
    const children = repairSpans(span.children);
    const end = Math.max(span.end, ...children.map((c) => c.end));
    return { ...span, end, children };
  });
}
