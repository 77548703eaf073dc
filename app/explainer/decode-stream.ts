/**
 * Decode a paste packet by packet, as one MQTT version, keeping the spans of each packet and, for
 * the packet that fails, the error with the spans read before it. Decoding stops at the first
 * failure: after a malformed packet a receiver closes the connection, and there is no telling
 * where the next packet would start.
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
  /** The version asked for. */
  version: ProtocolVersion;
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
  while (offset < bytes.length && packets.length < maxPackets) {
    const rest = bytes.subarray(offset);
    const index = packets.length;
    try {
      const decoded = decode(rest, version, { spans: true });
      packets.push({
        index,
        offset,
        bytes: rest.subarray(0, decoded.length),
        version,
        packet: decoded.packet,
        spans: decoded.spans ?? [],
      });
      offset += decoded.length;
    } catch (error) {
      const failure = toFailure(error);
      packets.push({ index, offset, bytes: rest, version, spans: failure.spans, failure });
      return { version, packets, skippedBytes: 0 };
    }
  }
  return { version, packets, skippedBytes: bytes.length - offset };
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
