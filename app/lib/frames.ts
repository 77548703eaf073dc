/**
 * A whole captured frame pasted as bytes (`tshark -x`, Wireshark's "Copy as Hex Dump" of the frame):
 * find the link, IP and TCP headers in front of the MQTT bytes and take them off. Every length field
 * must agree with the bytes (IP header and total length, TCP data offset), so an MQTT packet is not
 * mistaken for a frame: an MQTT packet's first byte is never 0x45 (PUBACK with flags 0101 is
 * malformed) and it would have to carry a well-formed IP and TCP header besides.
 */

export type LinkLayer = 'ethernet' | 'sll' | 'sll2' | 'loopback' | 'raw';
export type NetworkLayer = 'ipv4' | 'ipv6';

export interface FrameHeaders {
  link: LinkLayer;
  network: NetworkLayer;
  /** Bytes of link, IP and TCP headers before the payload. */
  headerLength: number;
  /** "10.0.0.1:40000", "[fd00::1]:40000". */
  source: string;
  destination: string;
}

export interface StrippedFrame {
  headers: FrameHeaders;
  /** The TCP payload (Ethernet padding after the IP packet is left out). */
  payload: Uint8Array;
}

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_VLAN = 0x8100;
const TCP = 6;

const u16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];

/** The frame's headers and TCP payload, or null when the bytes are not an IP/TCP frame. */
export function stripFrame(bytes: Uint8Array): StrippedFrame | null {
  for (const [link, at] of linkCandidates(bytes)) {
    const ip = readIp(bytes, at);
    if (!ip) continue;
    const tcp = readTcp(bytes, ip.payloadStart, ip.end);
    if (!tcp) continue;
    return {
      headers: {
        link,
        network: ip.network,
        headerLength: tcp.payloadStart,
        source: endpoint(ip.network, ip.source, tcp.sourcePort),
        destination: endpoint(ip.network, ip.destination, tcp.destinationPort),
      },
      payload: bytes.slice(tcp.payloadStart, ip.end),
    };
  }
  return null;
}

/** Where the IP header would start for each link type the bytes could be. */
function linkCandidates(b: Uint8Array): Array<[LinkLayer, number]> {
  const out: Array<[LinkLayer, number]> = [];
  // Ethernet II: 6 + 6 bytes of addresses, the ethertype (after one 802.1Q tag, maybe).
  if (b.length > 14) {
    const type = u16(b, 12);
    if (type === ETHERTYPE_IPV4 || type === ETHERTYPE_IPV6) out.push(['ethernet', 14]);
    if (type === ETHERTYPE_VLAN && b.length > 18 && [ETHERTYPE_IPV4, ETHERTYPE_IPV6].includes(u16(b, 16))) {
      out.push(['ethernet', 18]);
    }
  }
  // Linux cooked capture v1 (16 bytes, protocol at 14) and v2 (20 bytes, protocol at 0).
  if (b.length > 16 && [ETHERTYPE_IPV4, ETHERTYPE_IPV6].includes(u16(b, 14))) out.push(['sll', 16]);
  if (b.length > 20 && [ETHERTYPE_IPV4, ETHERTYPE_IPV6].includes(u16(b, 0))) out.push(['sll2', 20]);
  // BSD loopback / null: a 4-byte address family in either byte order (2 = IPv4; 24, 28, 30 = IPv6).
  if (b.length > 4) {
    const little = b[0] | (b[1] << 8);
    const big = u16(b, 2);
    const families = [2, 24, 28, 30];
    if (
      (families.includes(little) && b[2] === 0 && b[3] === 0) ||
      (families.includes(big) && b[0] === 0 && b[1] === 0)
    ) {
      out.push(['loopback', 4]);
    }
  }
  out.push(['raw', 0]);
  return out;
}

interface Ip {
  network: NetworkLayer;
  source: Uint8Array;
  destination: Uint8Array;
  payloadStart: number;
  /** End of the IP packet: bytes after it are link padding. */
  end: number;
}

function readIp(b: Uint8Array, at: number): Ip | null {
  const version = b[at] >> 4;
  if (version === 4) {
    const headerLength = (b[at] & 0x0f) * 4;
    const total = u16(b, at + 2);
    if (headerLength < 20 || b[at + 9] !== TCP || total < headerLength + 20 || at + total > b.length) return null;
    return {
      network: 'ipv4',
      source: b.subarray(at + 12, at + 16),
      destination: b.subarray(at + 16, at + 20),
      payloadStart: at + headerLength,
      end: at + total,
    };
  }
  if (version === 6 && b.length >= at + 40) {
    const payloadLength = u16(b, at + 4);
    if (b[at + 6] !== TCP || payloadLength < 20 || at + 40 + payloadLength > b.length) return null;
    return {
      network: 'ipv6',
      source: b.subarray(at + 8, at + 24),
      destination: b.subarray(at + 24, at + 40),
      payloadStart: at + 40,
      end: at + 40 + payloadLength,
    };
  }
  return null;
}

function readTcp(
  b: Uint8Array,
  at: number,
  end: number,
): { sourcePort: number; destinationPort: number; payloadStart: number } | null {
  const headerLength = (b[at + 12] >> 4) * 4;
  if (headerLength < 20 || at + headerLength > end) return null;
  return { sourcePort: u16(b, at), destinationPort: u16(b, at + 2), payloadStart: at + headerLength };
}

function endpoint(network: NetworkLayer, address: Uint8Array, port: number): string {
  if (network === 'ipv4') return `${address.join('.')}:${port}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(u16(address, i).toString(16));
  // The longest run of zero groups becomes "::".
  const text = groups
    .join(':')
    .replace(/(^|:)0(:0)+(:|$)/, '::')
    .replace(/:{3,}/, '::');
  return `[${text}]:${port}`;
}
