/**
 * A capture file (pcap or pcapng) read as a run: every MQTT connection in it, found by its
 * CONNECT on whatever port, its TCP streams reassembled (across segments, out of order,
 * retransmitted), plain or inside WebSocket, each decoded with the version its CONNECT announces.
 * The result is shaped like the engine's trace — 'open', 'send' + 'arrive' (both at the moment the
 * capture point saw the packet: that is all a capture knows), 'close', 'error' — so the lab's
 * views can show it read-only. TLS connections are named, not decoded.
 *
 * Bad input gets a CaptureError (code + params, for the app to translate); a file cut short is
 * read up to the cut and says where (`truncatedAt`).
 */
import { type Packet, decode } from '../codec/codec.ts';
import { MqttError } from '../codec/errors.ts';
import type { ProtocolVersion } from '../codec/version.ts';
import type { Party, TraceEvent } from '../sim/trace.ts';
import { CaptureError } from './capture-error.ts';
import { type TcpSegment, tcpSegmentOf } from './headers.ts';
import { readCaptureFile } from './read-file.ts';
import { ByteQueue, TcpStream } from './reassembly.ts';
import { WebSocketDeframer, httpHeaderLength, isWebSocketUpgrade } from './websocket.ts';

/** Larger files are refused with a clear message rather than read for minutes. */
export const MAX_CAPTURE_BYTES = 256 * 1024 * 1024;
/** More MQTT packets than the views can draw usefully. */
export const MAX_CAPTURED_PACKETS = 100_000;

export interface CapturedParty {
  id: Party;
  role: 'client' | 'broker';
  /** "10.0.0.2:49152", "[::1]:1883" — every address it used. */
  addresses: string[];
}

export interface CapturedConnection {
  conn: number;
  client: Party;
  broker: Party;
  clientAddress: string;
  brokerAddress: string;
  transport: 'tcp' | 'websocket';
  version: ProtocolVersion;
}

export interface CapturedRun {
  /** When the capture's first frame was taken, µs since the epoch; every `atMs` counts from it. */
  startUs: number;
  trace: TraceEvent[];
  parties: CapturedParty[];
  connections: CapturedConnection[];
  /** Connections that speak TLS: named, not decoded (MQTT over TLS is usually port 8883). */
  tls: Array<{ clientAddress: string; serverAddress: string }>;
  frames: number;
  /** The file ends inside a record at this byte: everything before it was read. */
  truncatedAt?: number;
}

type Kind = 'unknown' | 'mqtt' | 'websocket' | 'tls' | 'other';

interface Direction {
  address: string;
  stream: TcpStream;
  /** Reassembled bytes not yet consumed. */
  raw: ByteQueue;
  /** MQTT bytes not yet framed (the raw bytes for plain MQTT, unwrapped ones for WebSocket). */
  mqtt: ByteQueue;
  deframer?: WebSocketDeframer;
  /** WebSocket: the HTTP header section is behind us. */
  upgraded: boolean;
  closed: boolean;
  /** A decode error stopped this direction. */
  failed: boolean;
}

interface Flow {
  kind: Kind;
  directions: Map<string, Direction>;
  /** The address that opened it (its SYN), or sent the CONNECT. */
  client?: string;
  openedUs: number;
  record?: ConnectionRecord;
  finished: boolean;
}

interface ConnectionRecord {
  conn: number;
  clientAddress: string;
  brokerAddress: string;
  clientParty: Party;
  transport: 'tcp' | 'websocket';
  version: ProtocolVersion;
  openedUs: number;
}

type Happening =
  | { kind: 'packet'; timeUs: number; record: ConnectionRecord; fromClient: boolean; packet: Packet; bytes: Uint8Array }
  | { kind: 'open'; timeUs: number; record: ConnectionRecord }
  | { kind: 'close'; timeUs: number; record: ConnectionRecord; side: 'client' | 'broker'; reason: 'fin' | 'reset' }
  | { kind: 'error'; timeUs: number; record: ConnectionRecord; side: 'client' | 'broker'; error: MqttError };

const endpoint = (address: string, port: number) => `${address}:${port}`;

export function fromCapture(bytes: Uint8Array): CapturedRun {
  if (bytes.length > MAX_CAPTURE_BYTES)
    throw new CaptureError('too-large', { bytes: bytes.length, max: MAX_CAPTURE_BYTES });
  const { frames, truncatedAt } = readCaptureFile(bytes);
  if (frames.length === 0 && truncatedAt !== undefined) throw new CaptureError('truncated', { offset: truncatedAt });
  const reader = new CaptureReader();
  for (const frame of frames) {
    const segment = tcpSegmentOf(frame.linkType, frame.data);
    if (segment) reader.segment(frame.timeUs, segment);
  }
  return reader.result(frames.length, frames[0]?.timeUs ?? 0, truncatedAt);
}

class CaptureReader {
  private readonly flows = new Map<string, Flow>();
  private readonly happenings: Happening[] = [];
  private readonly tls: CapturedRun['tls'] = [];
  private packets = 0;
  private nextConn = 1;

  segment(timeUs: number, s: TcpSegment): void {
    const from = endpoint(s.source, s.sourcePort);
    const to = endpoint(s.target, s.targetPort);
    const key = from < to ? `${from} ${to}` : `${to} ${from}`;
    let flow = this.flows.get(key);
    if (s.syn && !s.ackFlag && flow?.finished) flow = undefined; // the ports were used again
    if (!flow) {
      flow = { kind: 'unknown', directions: new Map(), openedUs: timeUs, finished: false };
      this.flows.set(key, flow);
    }
    if (s.syn && !s.ackFlag) flow.client ??= from;
    const direction = this.direction(flow, from);
    if (s.syn) direction.stream.syn(s.seq);
    for (const chunk of direction.stream.push(s.seq, s.payload)) direction.raw.push(chunk);
    this.consume(flow, direction, timeUs);
    if (s.rst) this.closed(flow, direction, timeUs, 'reset');
    else if (s.fin) this.closed(flow, direction, timeUs, 'fin');
  }

  private direction(flow: Flow, address: string): Direction {
    let d = flow.directions.get(address);
    if (!d) {
      d = {
        address,
        stream: new TcpStream(),
        raw: new ByteQueue(),
        mqtt: new ByteQueue(),
        upgraded: false,
        closed: false,
        failed: false,
      };
      flow.directions.set(address, d);
    }
    return d;
  }

  private other(flow: Flow, d: Direction): Direction | undefined {
    for (const [address, direction] of flow.directions) if (address !== d.address) return direction;
    return undefined;
  }

  private closed(flow: Flow, d: Direction, timeUs: number, reason: 'fin' | 'reset'): void {
    if (d.closed) return;
    d.closed = true;
    if (reason === 'reset') for (const direction of flow.directions.values()) direction.closed = true;
    if ([...flow.directions.values()].every((x) => x.closed) || reason === 'reset') flow.finished = true;
    const record = flow.record;
    if (!record) return;
    const side = d.address === record.clientAddress ? 'client' : 'broker';
    this.happenings.push({ kind: 'close', timeUs, record, side, reason });
  }

  /** Classify the connection by its first bytes, then read what it carries. */
  private consume(flow: Flow, d: Direction, timeUs: number): void {
    if (flow.kind === 'unknown' && d.raw.length > 0) flow.kind = this.classify(flow, d);
    if (flow.kind === 'unknown') return; // too few bytes to tell yet
    if (flow.kind === 'mqtt') {
      while (d.raw.length > 0) d.mqtt.push(d.raw.take(d.raw.length));
    } else if (flow.kind === 'websocket') {
      if (!d.upgraded) {
        const length = httpHeaderLength(d.raw);
        if (length === 'too-long') return void (flow.kind = 'other');
        if (length === null) return;
        d.raw.skip(length);
        d.upgraded = true;
        d.deframer = new WebSocketDeframer();
      }
      if (d.raw.length > 0) for (const payload of d.deframer!.push(d.raw.take(d.raw.length))) d.mqtt.push(payload);
    } else {
      if (d.raw.length > 0) d.raw.skip(d.raw.length); // not ours: drop what it carries
      return;
    }
    this.frame(flow, d, timeUs);
  }

  private classify(flow: Flow, d: Direction): Kind {
    const first = d.raw.at(0);
    if (first === 0x10) {
      const name = connectProtocolName(d.raw);
      if (name === null) return 'unknown'; // wait for more bytes
      if (name !== 'MQTT' && name !== 'MQIsdp') return 'other';
      flow.client = d.address;
      return 'mqtt';
    }
    if (first === 0x16 && d.raw.length >= 2) {
      if (d.raw.at(1) !== 0x03) return 'other';
      const client = flow.client ?? d.address;
      const server = [...flow.directions.keys()].find((a) => a !== client) ?? '?';
      this.tls.push({ clientAddress: client, serverAddress: server });
      return 'tls';
    }
    if (first === 0x47 /* G */) {
      const length = httpHeaderLength(d.raw);
      if (length === null) return 'unknown';
      if (length === 'too-long') return 'other';
      const header = new TextDecoder().decode(d.raw.peek(length));
      if (!isWebSocketUpgrade(header)) return 'other';
      flow.client = d.address;
      return 'websocket';
    }
    return d.raw.length > 0 && first !== 0x16 ? 'other' : 'unknown';
  }

  /** Cut the MQTT byte stream into packets and decode each, as the connection's version says. */
  private frame(flow: Flow, d: Direction, timeUs: number): void {
    const fromClient = d.address === flow.client;
    if (!fromClient && !flow.record) return; // the server's bytes wait for the CONNECT
    while (!d.failed && d.mqtt.length >= 2) {
      const header = fixedHeader(d.mqtt);
      if (header === null) return;
      if (header === 'malformed') {
        // five length bytes: let the codec say so, with its rule
        const bytes = d.mqtt.take(5);
        this.decodeFailed(flow, d, timeUs, fromClient, bytes, errorOf(bytes, flow.record?.version ?? 4));
        return;
      }
      if (d.mqtt.length < header) return; // wait for the bytes the header announces
      const bytes = d.mqtt.take(header).slice();
      if (!flow.record && !this.open(flow, bytes)) {
        d.failed = true;
        return;
      }
      const record = flow.record!;
      try {
        const { packet } = decode(bytes, record.version);
        if (++this.packets > MAX_CAPTURED_PACKETS)
          throw new CaptureError('too-many-packets', { max: MAX_CAPTURED_PACKETS });
        this.happenings.push({ kind: 'packet', timeUs, record, fromClient, packet, bytes });
      } catch (error) {
        if (!(error instanceof MqttError)) throw error;
        this.decodeFailed(flow, d, timeUs, fromClient, bytes, error);
        return;
      }
    }
    // the CONNECT is known now: the server's bytes can follow
    const other = this.other(flow, d);
    if (fromClient && flow.record && other && other.mqtt.length > 0) this.frame(flow, other, timeUs);
  }

  /** The first packet from the client: its CONNECT names the client and the version. */
  private open(flow: Flow, bytes: Uint8Array): boolean {
    let version: ProtocolVersion = 4;
    let clientId = '';
    try {
      const { packet } = decode(bytes, 4);
      if (packet.type !== 'CONNECT') return false;
      version = packet.protocolVersion === 5 ? 5 : 4;
      clientId = packet.clientId;
    } catch (error) {
      if (!(error instanceof MqttError)) throw error;
      // a CONNECT we cannot read: the connection still opens, and its error is shown
    }
    const server = [...flow.directions.keys()].find((a) => a !== flow.client) ?? '?';
    flow.record = {
      conn: this.nextConn++,
      clientAddress: flow.client!,
      brokerAddress: server,
      clientParty: clientId !== '' ? clientId : flow.client!,
      transport: flow.kind === 'websocket' ? 'websocket' : 'tcp',
      version,
      openedUs: flow.openedUs,
    };
    this.happenings.push({ kind: 'open', timeUs: flow.openedUs, record: flow.record });
    return true;
  }

  private decodeFailed(
    flow: Flow,
    d: Direction,
    timeUs: number,
    fromClient: boolean,
    bytes: Uint8Array,
    error: MqttError,
  ): void {
    d.failed = true;
    if (!flow.record && fromClient && !this.open(flow, bytes)) return;
    const record = flow.record;
    if (!record) return;
    // the side that reads the bytes finds the error: the broker for the client's, and back
    this.happenings.push({ kind: 'error', timeUs, record, side: fromClient ? 'broker' : 'client', error });
  }

  result(frames: number, startUs: number, truncatedAt?: number): CapturedRun {
    const records = [...new Set(this.happenings.map((h) => h.record))];
    if (records.length === 0) {
      if (this.tls.length > 0) throw new CaptureError('tls-only', { connections: this.tls.length });
      if (truncatedAt !== undefined) throw new CaptureError('truncated', { offset: truncatedAt });
      throw new CaptureError('no-mqtt', { frames, tcp: this.flows.size });
    }
    const servers = new Set(records.map((r) => r.brokerAddress));
    const brokerOf = (r: ConnectionRecord) => (servers.size === 1 ? 'broker' : `broker ${r.brokerAddress}`);
    const parties = new Map<Party, CapturedParty>();
    const party = (id: Party, role: CapturedParty['role'], address: string) => {
      const p = parties.get(id) ?? { id, role, addresses: [] };
      if (!p.addresses.includes(address)) p.addresses.push(address);
      parties.set(id, p);
    };
    for (const r of records) {
      party(brokerOf(r), 'broker', r.brokerAddress);
      party(r.clientParty, 'client', r.clientAddress);
    }
    const trace = buildTrace(
      [...this.happenings].sort((a, b) => a.timeUs - b.timeUs),
      startUs,
      brokerOf,
    );
    return {
      startUs,
      trace,
      parties: [...parties.values()],
      connections: records.map((r) => ({
        conn: r.conn,
        client: r.clientParty,
        broker: brokerOf(r),
        clientAddress: r.clientAddress,
        brokerAddress: r.brokerAddress,
        transport: r.transport,
        version: r.version,
      })),
      tls: this.tls,
      frames,
      ...(truncatedAt !== undefined ? { truncatedAt } : {}),
    };
  }
}

function buildTrace(happenings: Happening[], startUs: number, brokerOf: (r: ConnectionRecord) => Party): TraceEvent[] {
  const trace: TraceEvent[] = [];
  const add = (event: Record<string, unknown>) => {
    const full = { seq: trace.length, ...event } as unknown as TraceEvent;
    trace.push(full);
    return full;
  };
  for (const h of happenings) {
    const atMs = (h.timeUs - startUs) / 1000;
    const client = h.record.clientParty;
    const conn = h.record.conn;
    if (h.kind === 'open') add({ atMs, kind: 'open', client, conn });
    else if (h.kind === 'close') add({ atMs, kind: 'close', client, conn, side: h.side, reason: h.reason });
    else if (h.kind === 'error')
      add({
        atMs,
        kind: 'error',
        client,
        conn,
        side: h.side,
        code: h.error.code,
        params: h.error.params,
        message: h.error.message,
        ...(h.error.rule ? { rule: h.error.rule } : {}),
        offset: h.error.offset,
      });
    else {
      const from = h.fromClient ? client : brokerOf(h.record);
      const to = h.fromClient ? brokerOf(h.record) : client;
      const common = { from, to, conn, packet: h.packet, bytes: h.bytes, sentAtMs: atMs };
      const send = add({ atMs, kind: 'send', ...common, expectedAtMs: atMs });
      add({ atMs, kind: 'arrive', send: send.seq, ...common, arriveAtMs: atMs });
    }
  }
  return trace;
}

function errorOf(bytes: Uint8Array, version: ProtocolVersion): MqttError {
  try {
    decode(bytes, version);
  } catch (error) {
    if (error instanceof MqttError) return error;
    throw error;
  }
  throw new Error('expected the codec to refuse these bytes');
}

/** The total length of the packet at the front, null when its header is not all here yet. */
function fixedHeader(queue: ByteQueue): number | null | 'malformed' {
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    if (queue.length <= i) return null;
    const byte = queue.at(i);
    value += (byte & 0x7f) * 2 ** (7 * (i - 1));
    if ((byte & 0x80) === 0) return 1 + i + value;
  }
  return 'malformed'; // a fifth length byte [MQTT-1.5.5-1]
}

/** The protocol name of the CONNECT at the front, or null when not all its bytes are here yet. */
function connectProtocolName(queue: ByteQueue): string | null {
  let at = 1;
  while (at <= 4 && at < queue.length && queue.at(at) & 0x80) at++;
  at++;
  if (queue.length < at + 2) return null;
  const length = (queue.at(at) << 8) | queue.at(at + 1);
  if (length > 6) return '';
  if (queue.length < at + 2 + length) return null;
  let name = '';
  for (let i = 0; i < length; i++) name += String.fromCharCode(queue.at(at + 2 + i));
  return name;
}
