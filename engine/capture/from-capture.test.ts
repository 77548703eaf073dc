import { describe, expect, test } from 'vitest';
import { type Packet, encode } from '../codec/codec.ts';
import { createPrng } from '../sim/prng.ts';
import { simulate } from '../run/simulation.ts';
import type { SendEvent, TraceEvent } from '../sim/trace.ts';
import { ByteWriter } from './bytes.ts';
import { CaptureError } from './capture-error.ts';
import { TCP_ACK, TCP_FIN, TCP_RST } from './frame.ts';
import { MAX_CAPTURE_BYTES, fromCapture } from './from-capture.ts';
import { LINKTYPE } from './headers.ts';
import { type TestSegment, framesOf, handshake, pcap } from './test-captures.ts';
import { toPcapng } from './to-pcapng.ts';

const connect = (clientId: string, protocolVersion: 4 | 5 = 4): Packet => ({
  type: 'CONNECT',
  protocolName: 'MQTT',
  protocolVersion,
  clean: true,
  keepAlive: 30,
  clientId,
});
const connack: Packet = { type: 'CONNACK', sessionPresent: false, reasonCode: 0 };
const publish = (topic: string, payload: string, packetId?: number): Packet => ({
  type: 'PUBLISH',
  topic,
  payload: new TextEncoder().encode(payload),
  qos: packetId ? 1 : 0,
  dup: false,
  retain: false,
  ...(packetId ? { packetId } : {}),
});

const sends = (trace: readonly TraceEvent[]) => trace.filter((e): e is SendEvent => e.kind === 'send');
const kinds = (trace: readonly TraceEvent[]) => sends(trace).map((e) => `${e.from}>${e.to} ${e.packet.type}`);

/** A client's session: handshake, CONNECT, CONNACK, a PUBLISH, each in one segment. */
function session(clientId = 'meter'): TestSegment[] {
  const c = encode(connect(clientId));
  const p = encode(publish('a/b', 'hello'));
  const k = encode(connack);
  return [
    ...handshake(1000, 5000),
    { from: 'c', seq: 1001, ack: 5001, payload: c },
    { from: 's', seq: 5001, ack: 1001 + c.length, payload: k },
    { from: 'c', seq: 1001 + c.length, ack: 5001 + k.length, payload: p },
  ];
}

describe('fromCapture: link layers and IP versions', () => {
  const cases: Array<[string, number, boolean]> = [
    ['Ethernet (VLAN-tagged), IPv4', LINKTYPE.ETHERNET, false],
    ['Ethernet, IPv6', LINKTYPE.ETHERNET, true],
    ['Linux cooked (SLL), IPv4', LINKTYPE.LINUX_SLL, false],
    ['Linux cooked v2 (SLL2), IPv6', LINKTYPE.LINUX_SLL2, true],
    ['BSD loopback (NULL), IPv4', LINKTYPE.NULL, false],
    ['OpenBSD loopback (LOOP), IPv6', LINKTYPE.LOOP, true],
    ['raw IP, IPv4', LINKTYPE.RAW, false],
    ['raw IPv6', LINKTYPE.IPV6, true],
  ];
  test.each(cases)('%s', (_name, linkType, ipv6) => {
    const run = fromCapture(pcap(linkType, framesOf(linkType, { ipv6 }, session())));
    expect(kinds(run.trace)).toEqual(['meter>broker CONNECT', 'broker>meter CONNACK', 'meter>broker PUBLISH']);
    expect(run.connections[0].clientAddress).toBe(ipv6 ? '[fd00::2]:50000' : '10.0.0.2:50000');
    expect(run.parties.map((p) => p.id)).toEqual(['broker', 'meter']);
  });

  test('pcap in either byte order, micro- or nanoseconds: the same run, real timestamps', () => {
    const frames = framesOf(LINKTYPE.ETHERNET, {}, session());
    const runs = [
      fromCapture(pcap(LINKTYPE.ETHERNET, frames)),
      fromCapture(pcap(LINKTYPE.ETHERNET, frames, { bigEndian: true })),
      fromCapture(pcap(LINKTYPE.ETHERNET, frames, { nano: true })),
      fromCapture(pcap(LINKTYPE.ETHERNET, frames, { bigEndian: true, nano: true })),
    ];
    for (const run of runs) {
      expect(run.startUs).toBe(1_700_000_000_000_000);
      expect(sends(run.trace).map((e) => e.atMs)).toEqual([3, 4, 5]);
    }
  });
});

describe('fromCapture: TCP reassembly', () => {
  test('a packet split across segments, out of order, one retransmitted, still decodes once', () => {
    const c = encode(connect('cam'));
    const big = encode(publish('cam/1', 'x'.repeat(3000)));
    const at = 1001 + c.length;
    const parts = [big.subarray(0, 1000), big.subarray(1000, 2000), big.subarray(2000)];
    const run = fromCapture(
      pcap(
        LINKTYPE.ETHERNET,
        framesOf(LINKTYPE.ETHERNET, {}, [
          ...handshake(1000, 5000),
          { from: 'c', seq: 1001, payload: c },
          { from: 'c', seq: at + 2000, payload: parts[2] }, // arrives first
          { from: 'c', seq: at, payload: parts[0] },
          { from: 'c', seq: at, payload: parts[0] }, // retransmitted
          { from: 'c', seq: at + 500, payload: big.subarray(500, 2000) }, // overlaps what came
        ]),
      ),
    );
    const publishes = sends(run.trace).filter((e) => e.packet.type === 'PUBLISH');
    expect(publishes).toHaveLength(1);
    expect(publishes[0].bytes).toEqual(big);
    expect(publishes[0].atMs).toBe(7); // the frame that completed it
  });

  test('several connections, both directions, interleaved; sequence numbers that wrap', () => {
    const a = framesOf(LINKTYPE.ETHERNET, { clientHost: 2, clientPort: 40_000 }, session('a'));
    const b = framesOf(
      LINKTYPE.ETHERNET,
      { clientHost: 3, clientPort: 40_001 },
      session('b').map((s) => ({ ...s, seq: s.seq + 0xfffffc0e })), // the ISN is 2^32 - 10: the CONNECT wraps
    );
    const interleaved = a.flatMap((frame, i) => [frame, b[i]]).map((f, i) => ({ ...f, timeUs: 1e12 + i * 1000 }));
    const run = fromCapture(pcap(LINKTYPE.ETHERNET, interleaved));
    expect(kinds(run.trace)).toEqual([
      'a>broker CONNECT',
      'b>broker CONNECT',
      'broker>a CONNACK',
      'broker>b CONNACK',
      'a>broker PUBLISH',
      'b>broker PUBLISH',
    ]);
    expect(run.connections.map((c) => [c.conn, c.client])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  test('MQTT on any port, found by its CONNECT; other traffic ignored', () => {
    const http = new TextEncoder().encode('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const run = fromCapture(
      pcap(LINKTYPE.ETHERNET, [
        ...framesOf(LINKTYPE.ETHERNET, { serverPort: 80, clientPort: 41_000 }, [
          ...handshake(1, 2),
          { from: 'c', seq: 2, payload: http },
        ]),
        ...framesOf(LINKTYPE.ETHERNET, { serverPort: 8080 }, session()),
      ]),
    );
    expect(run.connections.map((c) => c.brokerAddress)).toEqual(['10.0.0.1:8080']);
  });

  test('each connection decodes with the version its CONNECT announces', () => {
    const c5 = encode(connect('v5', 5), 5);
    const k5 = encode({ ...connack, properties: { assignedClientIdentifier: 'x', receiveMaximum: 10 } }, 5);
    const run = fromCapture(
      pcap(
        LINKTYPE.ETHERNET,
        framesOf(LINKTYPE.ETHERNET, {}, [
          ...handshake(1000, 5000),
          { from: 'c', seq: 1001, payload: c5 },
          { from: 's', seq: 5001, payload: k5 },
          { from: 's', seq: 5001 + k5.length, flags: TCP_FIN | TCP_ACK },
          { from: 'c', seq: 1001 + c5.length, flags: TCP_RST },
        ]),
      ),
    );
    const [, ack] = sends(run.trace);
    expect(ack.packet).toMatchObject({ type: 'CONNACK', properties: { receiveMaximum: 10 } });
    expect(run.connections[0].version).toBe(5);
    expect(
      run.trace.filter((e) => e.kind === 'close').map((e) => e.kind === 'close' && `${e.side} ${e.reason}`),
    ).toEqual(['broker fin', 'client reset']);
  });

  test('a malformed packet in the stream is an error event, and the direction stops there', () => {
    const c = encode(connect('bad'));
    const broken = Uint8Array.of(0x30, 0x02, 0x00, 0x05); // topic length 5 in 2 bytes
    const run = fromCapture(
      pcap(
        LINKTYPE.ETHERNET,
        framesOf(LINKTYPE.ETHERNET, {}, [
          ...handshake(1000, 5000),
          { from: 'c', seq: 1001, payload: c },
          { from: 'c', seq: 1001 + c.length, payload: broken },
          { from: 'c', seq: 1001 + c.length + 4, payload: encode(publish('a', 'b')) },
        ]),
      ),
    );
    expect(kinds(run.trace)).toEqual(['bad>broker CONNECT']);
    expect(run.trace.find((e) => e.kind === 'error')).toMatchObject({ side: 'broker', code: 'field-past-end' });
  });
});

describe('fromCapture: WebSocket and TLS', () => {
  test('MQTT over WebSocket: the upgrade, masked frames, a packet split across two frames', () => {
    const enc = new TextEncoder();
    const upgrade = enc.encode(
      'GET /mqtt HTTP/1.1\r\nHost: b\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n',
    );
    const accepted = enc.encode(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
    );
    const wsFrame = (payload: Uint8Array, mask: boolean, fin = true) => {
      const w = new ByteWriter().u8((fin ? 0x80 : 0) | (fin ? 0x02 : 0x02));
      const key = Uint8Array.of(0x12, 0x34, 0x56, 0x78);
      if (payload.length < 126) w.u8((mask ? 0x80 : 0) | payload.length);
      else w.u8((mask ? 0x80 : 0) | 126).u16be(payload.length);
      if (mask) w.bytes(key).bytes(payload.map((b, i) => b ^ key[i & 3]));
      else w.bytes(payload);
      return w.finish();
    };
    const c = encode(connect('browser'));
    const p = encode(publish('ws/t', 'y'.repeat(200)));
    const client = new ByteWriter()
      .bytes(upgrade)
      .bytes(wsFrame(c, true))
      .bytes(wsFrame(p.subarray(0, 50), true))
      .bytes(wsFrame(p.subarray(50), true))
      .finish();
    const server = new ByteWriter()
      .bytes(accepted)
      .bytes(wsFrame(encode(connack), false))
      .finish();
    const run = fromCapture(
      pcap(
        LINKTYPE.ETHERNET,
        framesOf(LINKTYPE.ETHERNET, { serverPort: 9001 }, [
          ...handshake(1000, 5000),
          { from: 'c', seq: 1001, payload: client.subarray(0, 100) },
          { from: 'c', seq: 1101, payload: client.subarray(100) },
          { from: 's', seq: 5001, payload: server },
        ]),
      ),
    );
    expect(kinds(run.trace)).toEqual(['browser>broker CONNECT', 'browser>broker PUBLISH', 'broker>browser CONNACK']);
    expect(sends(run.trace)[1].bytes).toEqual(p);
    expect(run.connections[0].transport).toBe('websocket');
  });

  test('TLS is named, not decoded', () => {
    const hello = Uint8Array.of(0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00);
    const tls = framesOf(LINKTYPE.ETHERNET, { serverPort: 8883, clientPort: 42_000 }, [
      ...handshake(1, 2),
      { from: 'c', seq: 2, payload: hello },
    ]);
    expect(() => fromCapture(pcap(LINKTYPE.ETHERNET, tls))).toThrow(
      expect.objectContaining({ code: 'tls-only', params: { connections: 1 } }),
    );
    const mixed = fromCapture(pcap(LINKTYPE.ETHERNET, [...tls, ...framesOf(LINKTYPE.ETHERNET, {}, session())]));
    expect(mixed.tls).toEqual([{ clientAddress: '10.0.0.2:42000', serverAddress: '10.0.0.1:8883' }]);
  });
});

describe('fromCapture: bad files get a clear error, never a hang', () => {
  const good = pcap(LINKTYPE.ETHERNET, framesOf(LINKTYPE.ETHERNET, {}, session()));
  const codeOf = (bytes: Uint8Array) => {
    try {
      fromCapture(bytes);
    } catch (error) {
      if (error instanceof CaptureError) return error.code;
      throw error;
    }
    return 'read';
  };

  test('empty, not a capture, damaged, too large', () => {
    expect(codeOf(new Uint8Array(0))).toBe('empty');
    expect(codeOf(new TextEncoder().encode('hello, world'))).toBe('unknown-format');
    const ng = toPcapng([], { clients: [], steps: [] });
    const damaged = ng.slice();
    damaged[4] = 13; // the section header's length is no longer a multiple of 4
    expect(codeOf(damaged)).toBe('damaged');
    // the size is checked before a byte is read: a stand-in with the length of a huge file
    expect(codeOf({ length: MAX_CAPTURE_BYTES + 1 } as Uint8Array)).toBe('too-large');
  });

  test('no MQTT in it', () => {
    expect(codeOf(pcap(LINKTYPE.ETHERNET, []))).toBe('no-mqtt');
    expect(() => fromCapture(pcap(147, [{ timeUs: 0, data: new Uint8Array(20) }]))).toThrow(
      expect.objectContaining({ code: 'unsupported-link', params: { linkType: 147 } }),
    );
  });

  test('cut short: what comes before the cut is read, and the run says where', () => {
    const cut = good.subarray(0, good.length - 10);
    const run = fromCapture(cut);
    expect(run.truncatedAt).toBeGreaterThan(24);
    expect(kinds(run.trace)).toEqual(['meter>broker CONNECT', 'broker>meter CONNACK']);
    expect(codeOf(good.subarray(0, 30))).toBe('truncated');
  });

  test('lengths that claim more than exists allocate nothing and end the read', () => {
    // a pcap record announcing 4 GB
    const claim = good.slice(0, 24 + 16);
    new DataView(claim.buffer).setUint32(24 + 8, 0xffffffff, true);
    expect(codeOf(claim)).toBe('truncated');
    // a PUBLISH announcing 256 MB in a stream that ends after a few bytes
    const c = encode(connect('big'));
    const run = fromCapture(
      pcap(
        LINKTYPE.ETHERNET,
        framesOf(LINKTYPE.ETHERNET, {}, [
          ...handshake(1000, 5000),
          { from: 'c', seq: 1001, payload: c },
          { from: 'c', seq: 1001 + c.length, payload: Uint8Array.of(0x30, 0xff, 0xff, 0xff, 0x7f, 0, 1, 0x61) },
        ]),
      ),
    );
    expect(kinds(run.trace)).toEqual(['big>broker CONNECT']);
  });
});

describe('fromCapture: damaged bytes anywhere', () => {
  // 150 copies of a real export with 1–8 bytes changed at seeded random places: each reads, or
  // fails with a CaptureError — never another exception, never a hang. About 0.5 s here; 10 s
  // because each case reads a whole file and the machine may be shared.
  test('a CaptureError or a run, every time', { timeout: 10_000 }, () => {
    const scenario = {
      clients: [{ id: 'a' }, { id: 'b' }],
      steps: [
        { atMs: 0, do: 'connect' as const, client: 'a' },
        { atMs: 0, do: 'connect' as const, client: 'b' },
        { atMs: 100, do: 'subscribe' as const, client: 'b', filter: '#', qos: 2 as const },
        { atMs: 300, do: 'publish' as const, client: 'a', topic: 't', payload: 'x'.repeat(2000), qos: 1 as const },
      ],
    };
    const good = toPcapng(simulate(scenario).trace, scenario);
    const prng = createPrng(11);
    const outcomes = { read: 0, refused: 0 };
    for (let i = 0; i < 150; i++) {
      const bytes = good.slice();
      const changes = 1 + Math.floor(prng.float() * 8);
      for (let k = 0; k < changes; k++) bytes[Math.floor(prng.float() * bytes.length)] = Math.floor(prng.float() * 256);
      try {
        fromCapture(bytes);
        outcomes.read++;
      } catch (error) {
        if (!(error instanceof CaptureError)) throw new Error(`case ${i}: ${String(error)}`, { cause: error });
        outcomes.refused++;
      }
    }
    expect(outcomes.read + outcomes.refused).toBe(150);
    expect(outcomes.read).toBeGreaterThan(0);
  });
});
