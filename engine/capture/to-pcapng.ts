/**
 * A run as Wireshark opens it: a pcapng file of what the broker's network interface saw.
 *
 * The capture point is the broker's interface (10.0.0.1, port 1883): a client's packet is in the
 * file when it reaches the broker, the broker's packet when it leaves — so the broker's TCP
 * retransmissions are in it, and a client's are not (only the copy that got through). Each MQTT
 * connection of the run (its 'open' event and `conn` number) is one TCP connection from the
 * client's address (10.0.0.2, 10.0.0.3 … in the scenario's order) and port 49152 + conn: a SYN /
 * SYN-ACK / ACK handshake at the moment the run opens it (the run does not model the handshake's
 * round trip), one segment per MQTT packet (split at the MSS when longer), sequence and
 * acknowledgement numbers that count what each side has seen, pure ACKs where no data carries
 * them, FIN / FIN / ACK where an end closes it (a graceful DISCONNECT, a crash — the client's
 * operating system closes the socket —, a keepalive timeout …) and RST where the run resets it, or
 * where data reaches an end that has closed. Timestamps are the run's virtual time (0 = start).
 *
 * Transport models:
 * - tcp (what MQTT runs on): data arrives in order; a broker segment lost on the way is sent again
 *   after the retransmission timeout (link.ts: RTO = max(200 ms, 2 × RTT), doubling), so it
 *   appears again with the same sequence numbers — Wireshark's "TCP Retransmission". The times of
 *   those retransmissions are worked out from the send's `retransmits` hint and the RTO rule.
 * - lossy: the textbook model, not MQTT over TCP — each MQTT packet is lost, duplicated or held
 *   back on its own. The file shows the stream each side saw: every MQTT packet that reaches the
 *   capture point is a new segment, so a lost client packet is simply missing, a duplicated one is
 *   there twice, and nothing is retransmitted — which real TCP would never allow.
 */
import type { Scenario } from '../scenario/schema.ts';
import { MAX_RTO_MS, MIN_RTO_MS } from '../sim/link.ts';
import type { ArriveEvent, CloseEvent, DropEvent, OpenEvent, SendEvent, TraceEvent } from '../sim/trace.ts';
import { type World, applyEvent, initialWorld } from '../run/world.ts';
import {
  type Endpoint,
  MSS,
  TCP_ACK,
  TCP_FIN,
  TCP_PSH,
  TCP_RST,
  TCP_SYN,
  endpointOf,
  ethernetFrame,
  ipText,
} from './frame.ts';
import { PcapngWriter } from './pcapng.ts';

export const BROKER_PORT = 1883;
const BROKER_HOST = 1;
const FIRST_CLIENT_HOST = 2;
const FIRST_CLIENT_PORT = 49_152;

/** Where the frames of an exported run were seen; the file and the UI say so. */
export const CAPTURE_POINT = 'broker-interface';

interface TcpConnection {
  conn: number;
  client: string;
  clientEnd: Endpoint;
  brokerEnd: Endpoint;
  clientIsn: number;
  brokerIsn: number;
  /** Client bytes that reached the capture point (stream offset). */
  clientSeen: number;
  clientFin: boolean;
  /** Broker bytes sent (stream offset). */
  brokerSent: number;
  brokerFin: boolean;
  /** The end of the furthest broker segment the client has taken in. */
  clientTaken: number;
  clientGotFin: boolean;
  /** Stream offsets of each broker send, by the send's seq. */
  brokerSegments: Map<number, { start: number; end: number }>;
  /** The acknowledgement number a client send carried, by the send's seq. */
  clientAckAtSend: Map<number, number>;
  /** The last acknowledgement number each side put on the wire (a pure ACK is only sent for more). */
  lastClientAck: number;
  lastBrokerAck: number;
  /** When the client closed its end on its own (its FIN is on the way). */
  clientClosed: { atMs: number; ack: number } | null;
  brokerClosed: boolean;
  /** Set by the token of the latest arrival that no data has acknowledged yet. */
  brokerOwesAck: number;
  clientOwesAck: number;
  reset: boolean;
}

interface Pending {
  atMs: number;
  /** Runs before the trace's events of the same millisecond (a retransmission timer firing). */
  early: boolean;
  order: number;
  run(): void;
}

/** Mod 2^32, as TCP sequence numbers are. */
const u32 = (n: number) => n >>> 0;

export interface PcapngOptions {
  /**
   * The run's hosts live in 10.<network>.0.0/16 (default 0: the broker is 10.0.0.1). Runs exported
   * with different networks can be concatenated into one file (a pcapng section each) without
   * their TCP connections mixing.
   */
  network?: number;
  /** The seed the run used, when it is not the scenario's own (the file's comment names it). */
  seed?: number;
}

export function toPcapng(
  trace: readonly TraceEvent[],
  scenario: Scenario,
  options: PcapngOptions = {},
): Uint8Array<ArrayBuffer> {
  return new CaptureBuilder(scenario, (options.network ?? 0) & 0xff, options.seed ?? scenario.seed ?? 1).build(trace);
}

class CaptureBuilder {
  private readonly writer: PcapngWriter;
  private readonly connections = new Map<number, TcpConnection>();
  private readonly hosts = new Map<string, number>();
  private readonly ipIds = new Map<number, number>();
  private readonly pending: Pending[] = [];
  private readonly world: World;
  private readonly tcp: boolean;
  private order = 0;
  private nowMs = 0;
  private trace: readonly TraceEvent[] = [];
  /** How many times each send's segment was retransmitted: known from the later plan or arrive events. */
  private readonly retransmits = new Map<number, number>();

  constructor(
    private readonly scenario: Scenario,
    private readonly network: number,
    private readonly seed: number,
  ) {
    this.tcp = (scenario.transport ?? 'tcp') === 'tcp';
    this.world = initialWorld(scenario);
    scenario.clients.forEach((client, i) => this.hosts.set(client.id, FIRST_CLIENT_HOST + i));
    const broker = endpointOf(network, BROKER_HOST, BROKER_PORT);
    this.writer = new PcapngWriter({
      comment: this.describe(),
      application: 'MQTT Lab',
      interfaceName: 'broker-eth0',
      interfaceDescription: `The broker's network interface (${ipText(broker.ip)}, port ${BROKER_PORT}): client packets appear when they reach the broker, the broker's when they leave it, its TCP retransmissions included.`,
      names: [
        { ip: broker.ip, name: 'broker' },
        ...scenario.clients.map((c, i) => ({ ip: endpointOf(network, FIRST_CLIENT_HOST + i, 0).ip, name: c.id })),
      ],
    });
  }

  private describe(): string {
    const title = this.scenario.title ? `"${this.scenario.title}"` : 'a scenario';
    const model = this.tcp
      ? 'Transport model tcp: data arrives in order; a lost segment is retransmitted after the retransmission timeout.'
      : 'Transport model lossy: the textbook model, not MQTT over TCP. Each MQTT packet is lost, duplicated or delayed on its own; here every MQTT packet that reaches the capture point is a new TCP segment, so a lost one is missing and a duplicated one appears twice, where real TCP would retransmit the one and discard the other.';
    return [
      `MQTT Lab: a simulated run of ${title} (seed ${this.seed}), exported as a capture.`,
      `Capture point: the broker's network interface (10.${this.network}.0.1, port ${BROKER_PORT}); clients are 10.${this.network}.0.2 onwards, in the scenario's order.`,
      "Timestamps are the run's virtual time (0 = the start of the run). Handshakes are drawn at the moment the run opens a connection.",
      model,
    ].join('\n');
  }

  build(trace: readonly TraceEvent[]): Uint8Array<ArrayBuffer> {
    this.trace = trace;
    for (const e of trace)
      if ((e.kind === 'plan' || e.kind === 'arrive') && e.retransmits)
        this.retransmits.set(e.send, Math.max(this.retransmits.get(e.send) ?? 0, e.retransmits));
    for (const event of trace) {
      this.flush(event.atMs);
      this.nowMs = event.atMs;
      this.apply(event);
    }
    this.flush(Infinity);
    return this.writer.finish();
  }

  // ---------------------------------------------------------------- time

  /**
   * Do what is due before `beforeMs` (and the early things due at it), earliest first. A
   * retransmission goes before the data sent in the same millisecond: Wireshark calls a segment
   * that comes within 3 ms of the previous one "out of order" rather than a retransmission.
   */
  private flush(beforeMs: number): void {
    const before = (a: Pending, b: Pending) =>
      a.atMs !== b.atMs ? a.atMs < b.atMs : a.early !== b.early ? a.early : a.order < b.order;
    for (;;) {
      let next = -1;
      for (let i = 0; i < this.pending.length; i++) {
        const p = this.pending[i];
        if (p.atMs > beforeMs || (p.atMs === beforeMs && !p.early)) continue;
        if (next < 0 || before(p, this.pending[next])) next = i;
      }
      if (next < 0) return;
      const [due] = this.pending.splice(next, 1);
      this.nowMs = due.atMs;
      due.run();
    }
  }

  private later(atMs: number, run: () => void, early = false): void {
    this.pending.push({ atMs, early, order: this.order++, run });
  }

  /**
   * Something the client sends that reaches the capture point `upDelayMs` later — unless the link
   * is cut by then (it would be retransmitted after the outage, which the trace does not record).
   */
  private fromClientLater(c: TcpConnection, run: () => void): void {
    this.later(this.nowMs + this.upDelayMs(c.client), () => {
      if (!c.reset && !this.world.links[c.client]?.cut) run();
    });
  }

  private upDelayMs(client: string): number {
    return this.world.links[client]?.up.delayMs ?? 0;
  }

  private downDelayMs(client: string): number {
    return this.world.links[client]?.down.delayMs ?? 0;
  }

  // ---------------------------------------------------------------- the trace

  private apply(event: TraceEvent): void {
    switch (event.kind) {
      case 'step':
        applyEvent(this.world, event); // link changes: the delays that time ACKs and retransmissions
        return;
      case 'open':
        return this.open(event);
      case 'send':
        return this.send(event);
      case 'arrive':
        return this.arrive(event);
      case 'drop':
        return this.drop(event);
      case 'close':
        return this.close(event);
    }
  }

  private open(e: OpenEvent): void {
    const host = this.hosts.get(e.client);
    if (host === undefined) return;
    const c: TcpConnection = {
      conn: e.conn,
      client: e.client,
      clientEnd: endpointOf(this.network, host, FIRST_CLIENT_PORT + ((e.conn - 1) % 16_384)),
      brokerEnd: endpointOf(this.network, BROKER_HOST, BROKER_PORT),
      clientIsn: u32(Math.imul(e.conn, 0x9e3779b1)),
      brokerIsn: u32(Math.imul(e.conn, 0x85ebca77) ^ 0x5bd1e995),
      clientSeen: 0,
      clientFin: false,
      brokerSent: 0,
      brokerFin: false,
      clientTaken: 0,
      clientGotFin: false,
      brokerSegments: new Map(),
      clientAckAtSend: new Map(),
      lastClientAck: 0,
      lastBrokerAck: 0,
      clientClosed: null,
      brokerClosed: false,
      brokerOwesAck: 0,
      clientOwesAck: 0,
      reset: false,
    };
    this.connections.set(e.conn, c);
    this.segment(c, 'client', TCP_SYN, c.clientIsn, 0);
    this.segment(c, 'broker', TCP_SYN | TCP_ACK, c.brokerIsn, u32(c.clientIsn + 1));
    this.segment(c, 'client', TCP_ACK, u32(c.clientIsn + 1), u32(c.brokerIsn + 1));
    c.lastClientAck = u32(c.brokerIsn + 1);
    c.lastBrokerAck = u32(c.clientIsn + 1);
  }

  private send(e: SendEvent): void {
    const c = this.connections.get(e.conn);
    if (!c || c.reset) return;
    if (e.from !== 'broker') {
      c.clientAckAtSend.set(e.seq, this.clientAck(c));
      c.clientOwesAck = 0; // this segment carries the acknowledgement
      return;
    }
    const segment = { start: c.brokerSent, end: c.brokerSent + e.bytes.length };
    c.brokerSegments.set(e.seq, segment);
    c.brokerSent = segment.end;
    this.brokerData(c, segment.start, e.bytes);
    const retransmits = this.retransmits.get(e.seq) ?? 0;
    if (!this.tcp || !retransmits) return;
    // lost on the way to the client: sent again after each retransmission timeout [link.ts]
    let rtoMs = Math.max(MIN_RTO_MS, 2 * (this.upDelayMs(c.client) + this.downDelayMs(c.client)));
    let atMs = e.sentAtMs;
    for (let i = 0; i < retransmits; i++) {
      atMs += rtoMs;
      rtoMs = Math.min(rtoMs * 2, MAX_RTO_MS);
      this.later(
        atMs,
        () => {
          if (!c.reset) this.brokerData(c, segment.start, e.bytes);
        },
        true,
      );
    }
  }

  private brokerData(c: TcpConnection, offset: number, bytes: Uint8Array): void {
    const ack = this.brokerAck(c);
    this.data(c, 'broker', u32(c.brokerIsn + 1 + offset), ack, bytes);
    c.lastBrokerAck = ack;
    c.brokerOwesAck = 0;
  }

  private arrive(e: ArriveEvent): void {
    const c = this.connections.get(e.conn);
    if (!c || c.reset) return;
    if (e.to === 'broker') return this.clientDataArrives(c, e.send, e.bytes);
    // a broker packet reached the client: it acknowledges it, with its next data or on its own
    const segment = c.brokerSegments.get(e.send);
    if (segment) c.clientTaken = Math.max(c.clientTaken, segment.end);
    const token = ++this.order;
    c.clientOwesAck = token;
    const ack = this.clientAck(c);
    this.later(this.nowMs, () => {
      if (c.clientOwesAck !== token) return;
      c.clientOwesAck = 0;
      this.fromClientLater(c, () => this.clientPureAck(c, ack));
    });
  }

  private clientDataArrives(c: TcpConnection, send: number, bytes: Uint8Array): void {
    const ack = c.clientAckAtSend.get(send) ?? this.clientAck(c);
    this.data(c, 'client', this.clientSeq(c), ack, bytes);
    c.clientSeen += bytes.length;
    c.lastClientAck = ack;
    const token = ++this.order;
    c.brokerOwesAck = token;
    this.later(this.nowMs, () => {
      if (c.brokerOwesAck !== token || c.reset) return;
      c.brokerOwesAck = 0;
      const brokerAck = this.brokerAck(c);
      if (brokerAck === c.lastBrokerAck) return;
      this.segment(c, 'broker', TCP_ACK, this.brokerSeq(c), brokerAck);
      c.lastBrokerAck = brokerAck;
    });
  }

  private clientPureAck(c: TcpConnection, ack: number): void {
    if (c.reset || ack === c.lastClientAck) return;
    this.segment(c, 'client', TCP_ACK, this.clientSeq(c), ack);
    c.lastClientAck = ack;
  }

  private drop(e: DropEvent): void {
    if (e.reason !== 'closed') return;
    const c = this.connections.get(e.conn);
    if (!c || c.reset) return;
    if (e.to === 'broker' && c.brokerClosed) {
      // it reached a broker that had closed: the broker's system answers with a reset
      const send = this.sendOf(e.send);
      if (send) this.clientDataArrives(c, send.seq, send.bytes);
      this.segment(c, 'broker', TCP_RST | TCP_ACK, this.brokerSeq(c), this.brokerAck(c));
      c.reset = true;
    } else if (e.to !== 'broker' && c.clientClosed) {
      this.fromClientLater(c, () => {
        this.segment(c, 'client', TCP_RST | TCP_ACK, this.clientSeq(c), this.clientAck(c));
        c.reset = true;
      });
    }
  }

  /** The send a drop or an arrival names (a trace's seq is its index). */
  private sendOf(seq: number): SendEvent | undefined {
    const event = this.trace[seq];
    return event?.kind === 'send' ? event : undefined;
  }

  private close(e: CloseEvent): void {
    const c = this.connections.get(e.conn);
    if (!c || c.reset) return;
    if (e.reason === 'reset') {
      // the connection broke under both ends: the reset reaches the broker from the client's side
      this.segment(c, 'client', TCP_RST | TCP_ACK, this.clientSeq(c), this.clientAck(c));
      c.reset = true;
      return;
    }
    if (e.side === 'broker') {
      c.brokerClosed = true;
      if (e.reason === 'peer-closed') return this.clientFinArrives(c, this.clientAck(c));
      this.brokerFin(c);
      const closed = c.clientClosed;
      if (closed) {
        // the client closed first; its FIN is on the way behind its last data
        const atMs = Math.max(this.nowMs, closed.atMs + this.upDelayMs(c.client));
        this.later(atMs, () => {
          if (!this.world.links[c.client]?.cut) this.clientFinArrives(c, closed.ack);
        });
      }
      return;
    }
    if (e.reason === 'peer-closed') {
      // the broker's FIN reached the client: its system closes too (FIN), or just acknowledges
      c.clientGotFin = true;
      const ack = this.clientAck(c);
      if (c.clientClosed) {
        this.fromClientLater(c, () => this.clientPureAck(c, ack));
        return;
      }
      c.clientClosed = { atMs: this.nowMs, ack };
      this.fromClientLater(c, () => this.clientFinArrives(c, ack));
      return;
    }
    // the client closes its end (DISCONNECT sent, a crash, a malformed packet …)
    c.clientClosed = { atMs: this.nowMs, ack: this.clientAck(c) };
    if (c.brokerClosed) {
      const closed = c.clientClosed;
      this.fromClientLater(c, () => this.clientFinArrives(c, closed.ack));
    }
  }

  private brokerFin(c: TcpConnection): void {
    if (c.brokerFin || c.reset) return;
    const ack = this.brokerAck(c);
    this.segment(c, 'broker', TCP_FIN | TCP_ACK, this.brokerSeq(c), ack);
    c.lastBrokerAck = ack;
    c.brokerFin = true;
  }

  private clientFinArrives(c: TcpConnection, ack: number): void {
    if (c.clientFin || c.reset) return;
    this.segment(c, 'client', TCP_FIN | TCP_ACK, this.clientSeq(c), ack);
    c.lastClientAck = ack;
    c.clientFin = true;
    if (!c.brokerFin) {
      // the broker's end closes when it reads the end of the stream: FIN, then the client's last ACK
      this.brokerFin(c);
      c.clientGotFin = true;
      const lastAck = this.clientAck(c);
      const atMs = this.nowMs + this.downDelayMs(c.client) + this.upDelayMs(c.client);
      this.later(atMs, () => {
        if (!this.world.links[c.client]?.cut) this.clientPureAck(c, lastAck);
      });
      return;
    }
    const brokerAck = this.brokerAck(c);
    this.segment(c, 'broker', TCP_ACK, this.brokerSeq(c), brokerAck);
    c.lastBrokerAck = brokerAck;
  }

  // ---------------------------------------------------------------- numbers

  private clientSeq(c: TcpConnection): number {
    return u32(c.clientIsn + 1 + c.clientSeen + (c.clientFin ? 1 : 0));
  }

  private brokerSeq(c: TcpConnection): number {
    return u32(c.brokerIsn + 1 + c.brokerSent + (c.brokerFin ? 1 : 0));
  }

  /** What the broker acknowledges: every client byte that reached it, and its FIN. */
  private brokerAck(c: TcpConnection): number {
    return u32(c.clientIsn + 1 + c.clientSeen + (c.clientFin ? 1 : 0));
  }

  /** What the client acknowledges: the broker's bytes it has taken in, and its FIN. */
  private clientAck(c: TcpConnection): number {
    return u32(c.brokerIsn + 1 + c.clientTaken + (c.clientGotFin ? 1 : 0));
  }

  // ---------------------------------------------------------------- frames

  /** Data from one end, in segments of at most MSS bytes; the last one pushes. */
  private data(c: TcpConnection, from: 'client' | 'broker', seq: number, ack: number, bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length || at === 0; at += MSS) {
      const chunk = bytes.subarray(at, at + MSS);
      const last = at + MSS >= bytes.length;
      this.segment(c, from, TCP_ACK | (last ? TCP_PSH : 0), u32(seq + at), ack, chunk);
      if (last) break;
    }
  }

  private segment(
    c: TcpConnection,
    from: 'client' | 'broker',
    flags: number,
    seq: number,
    ack: number,
    payload?: Uint8Array,
  ): void {
    const [source, target] = from === 'client' ? [c.clientEnd, c.brokerEnd] : [c.brokerEnd, c.clientEnd];
    const host = from === 'client' ? (this.hosts.get(c.client) ?? 0) : BROKER_HOST;
    const ipId = this.ipIds.get(host) ?? 0;
    this.ipIds.set(host, (ipId + 1) & 0xffff);
    const frame = ethernetFrame({ from: source, to: target, ipId, seq, ack: u32(ack), flags, payload });
    this.writer.packet(Math.round(this.nowMs * 1000), frame);
  }
}
