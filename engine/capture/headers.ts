/**
 * From a frame to its TCP segment: the link layer (Ethernet with VLAN tags, Linux cooked SLL and
 * SLL2, BSD loopback / null in either byte order, raw IP), IPv4 or IPv6 (extension headers
 * skipped), then TCP. Anything else (ARP, UDP, fragments, cut-short headers) is not a segment.
 */
import { CaptureError } from './capture-error.ts';

export interface TcpSegment {
  /** "10.0.0.2" or "[fe80::1]". */
  source: string;
  target: string;
  sourcePort: number;
  targetPort: number;
  seq: number;
  ack: number;
  syn: boolean;
  ackFlag: boolean;
  fin: boolean;
  rst: boolean;
  payload: Uint8Array;
}

export const LINKTYPE = {
  NULL: 0,
  ETHERNET: 1,
  RAW: 101,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const VLAN_TAGS = new Set([0x8100, 0x88a8, 0x9100]);

/** Where the IP packet starts and which version, or null when the frame carries something else. */
function ipStart(linkType: number, data: Uint8Array): number | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const byEtherType = (type: number, at: number) => (type === ETHERTYPE_IPV4 || type === ETHERTYPE_IPV6 ? at : null);
  switch (linkType) {
    case LINKTYPE.ETHERNET: {
      let at = 12;
      while (at + 2 <= data.length && VLAN_TAGS.has(view.getUint16(at))) at += 4;
      return at + 2 <= data.length ? byEtherType(view.getUint16(at), at + 2) : null;
    }
    case LINKTYPE.LINUX_SLL:
      return data.length >= 16 ? byEtherType(view.getUint16(14), 16) : null;
    case LINKTYPE.LINUX_SLL2:
      return data.length >= 20 ? byEtherType(view.getUint16(0), 20) : null;
    case LINKTYPE.NULL:
    case LINKTYPE.LOOP: {
      // the address family, in the capturing host's byte order (NULL) or network order (LOOP)
      if (data.length < 4) return null;
      const family = Math.min(view.getUint32(0, true), view.getUint32(0, false));
      return family === 2 || family === 24 || family === 28 || family === 30 ? 4 : null;
    }
    case LINKTYPE.RAW:
    case LINKTYPE.IPV4:
    case LINKTYPE.IPV6:
    case 12: // raw IP on some BSDs
    case 14:
      return 0;
    default:
      throw new CaptureError('unsupported-link', { linkType });
  }
}

export function tcpSegmentOf(linkType: number, data: Uint8Array): TcpSegment | null {
  const at = ipStart(linkType, data);
  if (at === null || at >= data.length) return null;
  const ip = data.subarray(at);
  const version = ip[0] >> 4;
  if (version === 4) return ipv4(ip);
  if (version === 6) return ipv6(ip);
  return null;
}

function ipv4(ip: Uint8Array): TcpSegment | null {
  if (ip.length < 20) return null;
  const view = new DataView(ip.buffer, ip.byteOffset, ip.byteLength);
  const headerLength = (ip[0] & 0x0f) * 4;
  const total = view.getUint16(2);
  const fragment = view.getUint16(6);
  if (ip[9] !== 6 || headerLength < 20 || (fragment & 0x3fff) !== 0) return null; // not TCP, or a fragment
  // a total length of 0 comes from TCP segmentation offload: take what was captured
  const end = total === 0 ? ip.length : Math.min(total, ip.length);
  const address = (from: number) => Array.from(ip.subarray(from, from + 4)).join('.');
  return tcp(ip.subarray(headerLength, end), address(12), address(16));
}

const EXTENSION_HEADERS = new Set([0, 43, 60, 135, 139, 140]);

function ipv6(ip: Uint8Array): TcpSegment | null {
  if (ip.length < 40) return null;
  const view = new DataView(ip.buffer, ip.byteOffset, ip.byteLength);
  const payloadLength = view.getUint16(4);
  let next = ip[6];
  let at = 40;
  while (EXTENSION_HEADERS.has(next)) {
    if (at + 8 > ip.length) return null;
    next = ip[at];
    at += (ip[at + 1] + 1) * 8;
  }
  if (next !== 6) return null; // not TCP (or a fragment header: reassembling IP is out of scope)
  const end = payloadLength === 0 ? ip.length : Math.min(40 + payloadLength, ip.length);
  const address = (from: number) => {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(view.getUint16(from + i).toString(16));
    return `[${compressIpv6(groups)}]`;
  };
  return tcp(ip.subarray(at, end), address(8), address(24));
}

/** RFC 5952: the longest run of zero groups (two or more) becomes "::". */
function compressIpv6(groups: string[]): string {
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j > i ? j : i + 1;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLength).join(':')}`;
}

function tcp(segment: Uint8Array, source: string, target: string): TcpSegment | null {
  if (segment.length < 20) return null;
  const view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
  const headerLength = (segment[12] >> 4) * 4;
  if (headerLength < 20 || headerLength > segment.length) return null;
  const flags = segment[13];
  return {
    source,
    target,
    sourcePort: view.getUint16(0),
    targetPort: view.getUint16(2),
    seq: view.getUint32(4),
    ack: view.getUint32(8),
    fin: (flags & 0x01) !== 0,
    syn: (flags & 0x02) !== 0,
    rst: (flags & 0x04) !== 0,
    ackFlag: (flags & 0x10) !== 0,
    payload: segment.subarray(headerLength),
  };
}
