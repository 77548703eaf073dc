/**
 * The network: a link per client (two directions), the connections that run over it, and the
 * scripted faults. Everything that crosses it is bytes, and every crossing is in the trace: the
 * send, then its arrival, its duplicate or its loss.
 */
import { type Packet, encode } from '../codec/codec.ts';
import type { PacketType } from '../codec/packet.ts';
import type { ProtocolVersion } from '../codec/version.ts';
import { type Carried, LinkDirection, type LinkOptions, Segment, type Transport } from './link.ts';
import type { Prng } from './prng.ts';
import type { Scheduler } from './scheduler.ts';
import type { ArriveEvent, Corruption, DropReason, Party, SendEvent, Trace } from './trace.ts';

export type End = 'client' | 'broker';
const other = (end: End): End => (end === 'client' ? 'broker' : 'client');

/** What a connection end does with what reaches it. */
export interface EndHandler {
  /** A packet's bytes arrived. */
  receive(conn: Connection, bytes: Uint8Array, arrival: ArriveEvent): void;
  /** The other end closed the connection (its FIN or RST arrived). */
  peerClosed(conn: Connection, reason: string): void;
}

export class Connection {
  readonly open: Record<End, boolean> = { client: true, broker: true };
  /** Set by the broker when it reads the CONNECT's protocol level. */
  version: ProtocolVersion;
  constructor(
    readonly id: number,
    readonly client: Party,
    version: ProtocolVersion,
    readonly handlers: Record<End, EndHandler>,
  ) {
    this.version = version;
  }
}

export interface Fault {
  kind: 'drop' | 'duplicate' | 'delay' | 'corrupt';
  from: Party;
  to?: Party;
  packet: PacketType;
  /** Matching packets still to let pass before this one. */
  skip: number;
  delayMs?: number;
  /** corrupt: which byte of the encoded packet to alter (default 0). */
  byte?: number;
  /** corrupt: the bits to flip (default 0x01). */
  xor?: number;
}

/**
 * The bytes a corrupt fault puts on the wire: a copy (encode may return a view into a shared
 * buffer) with one byte XORed. The scenario cannot know how long the packet will be, so an offset
 * past its end alters the last byte; the trace records the offset actually altered.
 */
function corrupt(bytes: Uint8Array, fault: Fault): { wire: Uint8Array; corrupted: Corruption } {
  const offset = Math.min(fault.byte ?? 0, bytes.length - 1);
  const xor = fault.xor ?? 0x01;
  const wire = bytes.slice();
  const original = wire[offset];
  wire[offset] = original ^ xor;
  return { wire, corrupted: { offset, xor, original } };
}

interface ClientLink {
  up: LinkDirection;
  down: LinkDirection;
}

export class Network {
  private readonly links = new Map<Party, ClientLink>();
  private faults: Fault[] = [];
  private nextConn = 1;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly trace: Trace,
    private readonly prng: Prng,
    readonly transport: Transport,
  ) {}

  addClient(client: Party, up: LinkOptions, down: LinkOptions): void {
    const link = {} as ClientLink;
    link.up = new LinkDirection(
      this.scheduler,
      this.prng.split(`${client}/up`),
      this.transport,
      up,
      () => link.down.options.delayMs,
    );
    link.down = new LinkDirection(
      this.scheduler,
      this.prng.split(`${client}/down`),
      this.transport,
      down,
      () => link.up.options.delayMs,
    );
    this.links.set(client, link);
  }

  link(client: Party): ClientLink {
    const link = this.links.get(client);
    if (!link) throw new Error(`no link for ${client}`);
    return link;
  }

  /** Open a connection for `client`; null if its link is cut (the connection attempt fails). */
  open(client: Party, version: ProtocolVersion, handlers: Record<End, EndHandler>): Connection | null {
    const link = this.link(client);
    if (link.up.cut || link.down.cut) return null;
    const conn = new Connection(this.nextConn++, client, version, handlers);
    this.trace.add({ kind: 'open', client, conn: conn.id });
    return conn;
  }

  addFault(fault: Fault): void {
    this.faults.push(fault);
  }

  private takeFault(from: Party, to: Party, type: PacketType): Fault | undefined {
    const i = this.faults.findIndex((f) => f.from === from && (f.to === undefined || f.to === to) && f.packet === type);
    if (i < 0) return undefined;
    const fault = this.faults[i];
    if (fault.skip > 0) {
      fault.skip--;
      return undefined;
    }
    this.faults.splice(i, 1);
    return fault;
  }

  /**
   * Send a packet from one end of a connection. Encodes it with the connection's version: the
   * trace holds exactly the bytes that travel — after a corrupt fault, the altered ones.
   */
  send(conn: Connection, from: End, packet: Packet): void {
    if (!conn.open[from]) return;
    const encoded = encode(packet, conn.version);
    const fromParty = from === 'client' ? conn.client : 'broker';
    const toParty = from === 'client' ? 'broker' : conn.client;
    const link = this.link(conn.client);
    const direction = from === 'client' ? link.up : link.down;
    const fault = this.faults.length === 0 ? undefined : this.takeFault(fromParty, toParty, packet.type);
    let send: SendEvent;
    if (fault?.kind === 'corrupt') {
      const { wire: bytes, corrupted } = corrupt(encoded, fault);
      send = this.trace.add({
        kind: 'send',
        from: fromParty,
        to: toParty,
        conn: conn.id,
        packet,
        bytes,
        corrupted,
        sentAtMs: this.scheduler.nowMs,
      });
    } else {
      // the common case, built in one literal (the same fields in the same order)
      send = this.trace.append({
        seq: this.trace.nextSeq,
        atMs: this.trace.now(),
        kind: 'send',
        from: fromParty,
        to: toParty,
        conn: conn.id,
        packet,
        bytes: encoded,
        sentAtMs: this.scheduler.nowMs,
      });
    }
    const corrupted = send.corrupted;
    if (fault) {
      this.trace.note(fromParty, `fault-${fault.kind}` as const, {
        packet: packet.type,
        send: send.seq,
        transport: this.transport,
        ...(corrupted ? { offset: corrupted.offset, xor: corrupted.xor } : {}),
      });
    }
    // the link does nothing special with corrupted bytes: it carries them like any others
    const carried = new PacketOnTheWay(this.trace, conn, from, send);
    if (fault && fault.kind !== 'corrupt') carried.fault = { kind: fault.kind, delayMs: fault.delayMs };
    direction.carry(carried);
    carried.settled = true;
  }

  /**
   * One end closes the connection. The other end learns it when the close (TCP's FIN) reaches it —
   * in order behind what was sent before, and not at all while the link is cut.
   */
  close(conn: Connection, end: End, reason: string, rule?: string): void {
    if (!conn.open[end]) return;
    conn.open[end] = false;
    this.trace.add({ kind: 'close', client: conn.client, conn: conn.id, side: end, reason, ...(rule ? { rule } : {}) });
    const to = other(end);
    if (!conn.open[to]) return;
    const direction = end === 'client' ? this.link(conn.client).up : this.link(conn.client).down;
    direction.carry(new FinOnTheWay(this.trace, conn, to, reason));
  }

  /** The connection breaks at both ends at once (a TCP reset); what was on the way is gone. */
  reset(conn: Connection): void {
    const link = this.link(conn.client);
    for (const direction of [link.up, link.down]) direction.discardConnection(conn.id);
    for (const end of ['client', 'broker'] as const) {
      if (!conn.open[end]) continue;
      conn.open[end] = false;
      this.trace.add({ kind: 'close', client: conn.client, conn: conn.id, side: end, reason: 'reset' });
      conn.handlers[end].peerClosed(conn, 'reset');
    }
  }

  cut(client: Party): void {
    const link = this.link(client);
    link.up.cutNow();
    link.down.cutNow();
  }

  restore(client: Party): void {
    const link = this.link(client);
    link.up.restore();
    link.down.restore();
  }

  setLink(client: Party, direction: 'up' | 'down' | undefined, options: LinkOptions): void {
    const link = this.link(client);
    if (direction !== 'down') link.up.set(options);
    if (direction !== 'up') link.down.set(options);
  }
}

/**
 * One packet on its way, as the link carries it: what happens to it goes into the trace. A class
 * rather than an object of closures, since one is made for every packet sent.
 */
class PacketOnTheWay extends Segment {
  declare readonly conn: number;
  declare fault?: Carried['fault'];
  /** seq of the duplicate event, once the link copied it (lossy). */
  private copySeq: number | undefined;

  constructor(
    private readonly trace: Trace,
    private readonly connection: Connection,
    private readonly from: End,
    private readonly send: SendEvent,
  ) {
    super();
    this.conn = connection.id;
  }

  /** Set once the send is in the trace and the link has taken it: from then on it is final. */
  settled = false;

  override planned(arriveAtMs: number, retransmits: number): void {
    const { send } = this;
    // known while the packet is being sent: part of its send event, in the step that adds it
    if (!this.settled) send.expectedAtMs = arriveAtMs;
    else
      this.trace.add({
        kind: 'plan',
        send: send.seq,
        from: send.from,
        to: send.to,
        conn: this.conn,
        arriveAtMs,
        retransmits,
      });
  }

  override duplicated(): void {
    const { send } = this;
    this.copySeq = this.trace.add({
      kind: 'duplicate',
      send: send.seq,
      from: send.from,
      to: send.to,
      conn: this.conn,
    }).seq;
  }

  lost(reason: DropReason, lostAtMs: number): void {
    const { send } = this;
    this.trace.add({ kind: 'drop', send: send.seq, from: send.from, to: send.to, conn: this.conn, reason, lostAtMs });
  }

  arrive(atMs: number, copy: boolean, retransmits = 0): void {
    const { send, connection: conn } = this;
    const to = other(this.from);
    if (!conn.open[to]) {
      this.trace.add({
        kind: 'drop',
        send: send.seq,
        from: send.from,
        to: send.to,
        conn: conn.id,
        reason: 'closed',
        lostAtMs: atMs,
      });
      return;
    }
    const arrival: ArriveEvent =
      !copy && !send.corrupted && retransmits === 0
        ? // the common case, built in one literal (the same fields in the same order)
          this.trace.append({
            seq: this.trace.nextSeq,
            atMs: this.trace.now(),
            kind: 'arrive',
            send: send.seq,
            from: send.from,
            to: send.to,
            conn: conn.id,
            packet: send.packet, // replaced by what the receiver decodes
            bytes: send.bytes,
            sentAtMs: send.sentAtMs,
            arriveAtMs: atMs,
          })
        : this.arrival(atMs, copy, retransmits);
    conn.handlers[to].receive(conn, send.bytes, arrival);
  }

  private arrival(atMs: number, copy: boolean, retransmits: number): ArriveEvent {
    const { send, connection: conn } = this;
    return this.trace.add({
      kind: 'arrive',
      send: send.seq,
      ...(copy ? { copy: this.copySeq } : {}),
      from: send.from,
      to: send.to,
      conn: conn.id,
      packet: send.packet, // replaced by what the receiver decodes
      bytes: send.bytes,
      ...(send.corrupted ? { corrupted: send.corrupted } : {}),
      sentAtMs: send.sentAtMs,
      arriveAtMs: atMs,
      ...(retransmits > 0 ? { retransmits } : {}),
    });
  }
}

/**
 * A connection's close (TCP's FIN) on its way to the other end: in order behind what was sent
 * before; when it arrives that end learns the connection closed.
 */
class FinOnTheWay extends Segment {
  declare readonly conn: number;
  declare readonly control: true;

  constructor(
    private readonly trace: Trace,
    private readonly connection: Connection,
    /** The end it goes to. */
    private readonly to: End,
    private readonly reason: string,
  ) {
    super();
    this.conn = connection.id;
    this.control = true;
  }

  arrive(): void {
    const { connection: conn, to } = this;
    if (!conn.open[to]) return;
    conn.open[to] = false;
    this.trace.add({ kind: 'close', client: conn.client, conn: conn.id, side: to, reason: 'peer-closed' });
    conn.handlers[to].peerClosed(conn, this.reason);
  }

  lost(): void {}
}
