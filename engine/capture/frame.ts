/**
 * One Ethernet II frame carrying an IPv4 packet carrying a TCP segment, with correct lengths and
 * checksums, so Wireshark's checks find nothing to complain about.
 */
import { ByteWriter, internetChecksum } from './bytes.ts';

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

/** The largest TCP payload per segment: Ethernet's 1500-byte MTU less 40 bytes of headers. */
export const MSS = 1460;
/** The receive window every end advertises (no window scaling: a lab's streams are small). */
export const WINDOW = 65_535;

export interface Endpoint {
  mac: Uint8Array;
  ip: Uint8Array;
  port: number;
}

export interface Segment {
  from: Endpoint;
  to: Endpoint;
  /** IPv4 identification: each sender numbers its datagrams. */
  ipId: number;
  seq: number;
  ack: number;
  flags: number;
  payload?: Uint8Array;
}

/**
 * A host's addresses from its number in network 10.n.0.0/16: 10.n.x.y, and the locally
 * administered MAC 02:00:0a:n:x:y.
 */
export function endpointOf(network: number, host: number, port: number): Endpoint {
  const x = (host >> 8) & 0xff;
  const y = host & 0xff;
  return { mac: Uint8Array.of(0x02, 0x00, 0x0a, network, x, y), ip: Uint8Array.of(10, network, x, y), port };
}

export function ipText(ip: Uint8Array): string {
  return Array.from(ip).join('.');
}

export function ethernetFrame(segment: Segment): Uint8Array {
  const payload = segment.payload ?? new Uint8Array(0);
  const withMss = (segment.flags & TCP_SYN) !== 0;
  const tcpLength = (withMss ? 24 : 20) + payload.length;

  const tcp = new ByteWriter();
  tcp.u16be(segment.from.port).u16be(segment.to.port).u32be(segment.seq).u32be(segment.ack);
  tcp.u8(((withMss ? 6 : 5) << 4) | 0).u8(segment.flags);
  tcp.u16be(WINDOW).u16be(0).u16be(0); // window, checksum (filled below), urgent pointer
  if (withMss) tcp.u8(2).u8(4).u16be(MSS); // option: maximum segment size
  tcp.bytes(payload);
  const tcpBytes = tcp.finish();
  const pseudo = new ByteWriter().bytes(segment.from.ip).bytes(segment.to.ip).u8(0).u8(6).u16be(tcpLength).finish();
  const tcpChecksum = internetChecksum(pseudo, tcpBytes);
  tcpBytes[16] = tcpChecksum >> 8;
  tcpBytes[17] = tcpChecksum & 0xff;

  const ip = new ByteWriter();
  ip.u8(0x45)
    .u8(0)
    .u16be(20 + tcpLength)
    .u16be(segment.ipId & 0xffff);
  ip.u16be(0x4000); // don't fragment
  ip.u8(64).u8(6).u16be(0); // TTL, protocol TCP, checksum (filled below)
  ip.bytes(segment.from.ip).bytes(segment.to.ip);
  const ipBytes = ip.finish();
  const ipChecksum = internetChecksum(ipBytes);
  ipBytes[10] = ipChecksum >> 8;
  ipBytes[11] = ipChecksum & 0xff;

  return new ByteWriter()
    .bytes(segment.to.mac)
    .bytes(segment.from.mac)
    .u16be(0x0800) // IPv4
    .bytes(ipBytes)
    .bytes(tcpBytes)
    .finish();
}
