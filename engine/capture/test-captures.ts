/**
 * Small hand-made captures for the reader's tests: TCP segments wrapped in IPv4 or IPv6 and in
 * any of the link layers, written as pcap (either byte order, µs or ns) or pcapng.
 */
import { ByteWriter } from './bytes.ts';
import { TCP_ACK, TCP_PSH, TCP_SYN, endpointOf, ethernetFrame } from './frame.ts';
import { LINKTYPE } from './headers.ts';

export interface TestSegment {
  /** 'c' (the client) or 's' (the server) sends it. */
  from: 'c' | 's';
  seq: number;
  ack?: number;
  flags?: number;
  payload?: Uint8Array;
  timeUs?: number;
}

export interface TestConnection {
  clientHost?: number;
  clientPort?: number;
  serverPort?: number;
  ipv6?: boolean;
}

/** The IP packet (v4 or v6) carrying one segment of a connection. */
export function ipPacket(conn: TestConnection, s: TestSegment): Uint8Array {
  const client = endpointOf(0, conn.clientHost ?? 2, conn.clientPort ?? 50_000);
  const server = endpointOf(0, 1, conn.serverPort ?? 1883);
  const [from, to] = s.from === 'c' ? [client, server] : [server, client];
  const frame = ethernetFrame({
    from,
    to,
    ipId: 0,
    seq: s.seq >>> 0,
    ack: (s.ack ?? 0) >>> 0,
    flags: s.flags ?? TCP_ACK | TCP_PSH,
    payload: s.payload,
  });
  const ipv4 = frame.subarray(14);
  if (!conn.ipv6) return ipv4;
  const tcp = ipv4.subarray(20);
  const address = (host: number) => Uint8Array.of(0xfd, 0, ...new Array<number>(12).fill(0), host >> 8, host & 0xff);
  return new ByteWriter()
    .u32be(0x60000000)
    .u16be(tcp.length)
    .u8(6)
    .u8(64)
    .bytes(address(s.from === 'c' ? (conn.clientHost ?? 2) : 1))
    .bytes(address(s.from === 'c' ? 1 : (conn.clientHost ?? 2)))
    .bytes(tcp)
    .finish();
}

/** The frame for `linkType` around an IP packet. */
export function linkFrame(linkType: number, ip: Uint8Array): Uint8Array {
  const v6 = ip[0] >> 4 === 6;
  const etherType = v6 ? 0x86dd : 0x0800;
  const w = new ByteWriter();
  switch (linkType) {
    case LINKTYPE.ETHERNET:
      w.bytes(new Uint8Array(12)).u16be(0x8100).u16be(7).u16be(etherType); // with a VLAN tag
      break;
    case LINKTYPE.LINUX_SLL:
      w.u16be(0).u16be(772).u16be(6).bytes(new Uint8Array(8)).u16be(etherType);
      break;
    case LINKTYPE.LINUX_SLL2:
      w.u16be(etherType).u16be(0).u32be(1).u16be(772).u8(0).u8(6).bytes(new Uint8Array(8));
      break;
    case LINKTYPE.NULL:
      w.u32le(v6 ? 30 : 2); // the capturing host's byte order (little-endian here)
      break;
    case LINKTYPE.LOOP:
      w.u32be(v6 ? 24 : 2);
      break;
  }
  return w.bytes(ip).finish();
}

export function pcap(
  linkType: number,
  frames: Array<{ timeUs: number; data: Uint8Array }>,
  options: { bigEndian?: boolean; nano?: boolean } = {},
): Uint8Array {
  const w = new ByteWriter();
  const u32 = (v: number) => (options.bigEndian ? w.u32be(v) : w.u32le(v));
  const u16 = (v: number) => (options.bigEndian ? w.u16be(v) : w.u16le(v));
  u32(options.nano ? 0xa1b23c4d : 0xa1b2c3d4);
  u16(2);
  u16(4);
  u32(0);
  u32(0);
  u32(65_535);
  u32(linkType);
  for (const { timeUs, data } of frames) {
    u32(Math.floor(timeUs / 1e6));
    u32(options.nano ? (timeUs % 1e6) * 1000 : timeUs % 1e6);
    u32(data.length);
    u32(data.length);
    w.bytes(data);
  }
  return w.finish();
}

/** A conversation's segments as frames of `linkType`, 1 ms apart unless they say. */
export function framesOf(
  linkType: number,
  conn: TestConnection,
  segments: TestSegment[],
): Array<{ timeUs: number; data: Uint8Array }> {
  return segments.map((s, i) => ({
    timeUs: s.timeUs ?? 1_700_000_000_000_000 + i * 1000,
    data: linkFrame(linkType, ipPacket(conn, s)),
  }));
}

/** A client's handshake: SYN, SYN-ACK, ACK with the given initial sequence numbers. */
export function handshake(clientIsn: number, serverIsn: number): TestSegment[] {
  return [
    { from: 'c', seq: clientIsn, flags: TCP_SYN },
    { from: 's', seq: serverIsn, ack: clientIsn + 1, flags: TCP_SYN | TCP_ACK },
    { from: 'c', seq: clientIsn + 1, ack: serverIsn + 1, flags: TCP_ACK },
  ];
}
