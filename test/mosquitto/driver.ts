/**
 * Runs a scenario against a real broker: one TCP connection per connecting client (node:net),
 * packets made and read by OUR codec, the steps played in real time (1 virtual ms = 1 real ms).
 * Each client behaves as the simulated client does: it answers QoS 1 and 2 flows (PUBACK;
 * PUBREC / PUBREL / PUBCOMP, delivering a QoS 2 message on its PUBLISH), sends PINGREQ when it
 * has sent nothing for Keep Alive and gives up if no PINGRESP comes, keeps its session's in-flight
 * messages across connections (resent with DUP 1 when the session is resumed), queues publishes
 * made while offline, and records what it receives.
 *
 * Steps that cannot be done literally to a real network:
 * - `cut`: the socket stays open, but nothing is written to it (outgoing packets, and our own close,
 *   are held) and nothing is read from it (incoming bytes, and the broker's close, wait in the
 *   kernel) until `restore`;
 * - `reset`: the socket is destroyed with a TCP RST (what was held is gone);
 * - `crash`: the socket is destroyed without DISCONNECT (held while the link is cut).
 * Link options (`set-link`, delays, loss) and scripted faults have no real counterpart here.
 */
import net from 'node:net';
import {
  type Packet,
  type ProtocolVersion,
  type PublishPacket,
  type QoS,
  type Scenario,
  type Step,
  type StreamDecoder,
  type WillSpec,
  createDecoder,
  encode,
} from '../../engine/index.ts';

export interface DriverMessage {
  topic: string;
  payload: string;
  qos: QoS;
  retain: boolean;
  dup: boolean;
  packetId?: number;
  /** ms since the run started: for reading a failure, never asserted. */
  atMs: number;
}

export interface ClientRecord {
  messages: DriverMessage[];
  connacks: Array<{ returnCode: number; sessionPresent: boolean }>;
  subacks: number[][];
  /** Why each connection ended: 'peer-closed', 'disconnect', 'crash', 'reset', 'pingresp-timeout' … */
  closes: string[];
  /** Steps that found nothing to act on ('subscribe while not connected' …). */
  notes: string[];
}

export interface DriverOptions {
  host: string;
  port: number;
  /** Stop at this time (real ms from the start); default the scenario's untilMs, or its last step + settleMs. */
  untilMs?: number;
  /** Default 500. */
  settleMs?: number;
  /**
   * Stop early, once the scenario's own time is over, when this holds (checked every 25 ms), after
   * settleMs more: for an outcome a real broker takes an unknown while to reach, with `untilMs` as
   * the deadline.
   */
  doneWhen?: (clients: Record<string, ClientRecord>) => boolean;
}

export interface DriverResult {
  clients: Record<string, ClientRecord>;
}

const PINGRESP_TIMEOUT_MS = 5_000;
const utf8 = new TextEncoder();
const text = new TextDecoder();

type Outbound = { publish: PublishPacket; released: boolean };

class DriverClient {
  readonly record: ClientRecord = { messages: [], connacks: [], subacks: [], closes: [], notes: [] };
  private socket: net.Socket | null = null;
  private decoder: StreamDecoder | null = null;
  private connected = false;
  private cut = false;
  private heldOut: Uint8Array[] = [];
  /** Our close, waiting for a cut link to come back. */
  private heldClose: 'end' | 'destroy' | null = null;
  private clean: boolean;
  private keepAliveS: number;
  private will: WillSpec | undefined;
  private lastSentMs = 0;
  private keepAliveTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  // The session, kept across connections unless the broker says it has none.
  private lastId = 0;
  private readonly outbound = new Map<number, Outbound>();
  private readonly inbound = new Set<number>();
  private readonly pending = new Set<number>();
  private readonly queue: Array<{ topic: string; payload: string; qos: QoS; retain: boolean }> = [];

  constructor(
    readonly id: string,
    private readonly spec: Scenario['clients'][number],
    private readonly options: DriverOptions,
    private readonly version: ProtocolVersion,
    private readonly now: () => number,
  ) {
    this.clean = spec.clean ?? true;
    this.keepAliveS = spec.keepAliveS ?? 60;
    this.will = spec.will;
  }

  // ---------------------------------------------------------------- steps

  connect(step: Extract<Step, { do: 'connect' }>): void {
    if (step.clean !== undefined) this.clean = step.clean;
    if (step.keepAliveS !== undefined) this.keepAliveS = step.keepAliveS;
    if (step.will !== undefined) this.will = step.will ?? undefined;
    if (this.socket) return this.note('connect while connected');
    if (this.cut) return this.note('unreachable: link cut');
    const socket = net.connect({ host: this.options.host, port: this.options.port });
    socket.setNoDelay(true);
    this.socket = socket;
    this.decoder = createDecoder(this.version);
    socket.on('connect', () => this.send(this.connectPacket()));
    socket.on('data', (chunk: Buffer) => this.onData(socket, chunk));
    socket.on('error', () => {}); // 'close' follows
    socket.on('close', () => this.onClosed(socket, 'peer-closed'));
  }

  disconnect(): void {
    if (!this.socket) return this.note('disconnect while not connected');
    if (this.connected) this.send({ type: 'DISCONNECT' });
    this.closeOurs('end', 'disconnect');
  }

  crash(): void {
    if (!this.socket) return this.note('crash while not connected');
    this.closeOurs('destroy', 'crash');
  }

  reset(): void {
    const socket = this.socket;
    if (!socket) return this.note('reset while not connected');
    this.heldOut = [];
    this.heldClose = null;
    this.detach('reset');
    socket.resetAndDestroy();
  }

  cutLink(): void {
    this.cut = true;
    this.socket?.pause();
  }

  restore(): void {
    if (!this.cut) return;
    this.cut = false;
    const socket = this.socket;
    if (socket) {
      for (const bytes of this.heldOut) socket.write(bytes);
      socket.resume();
    }
    this.heldOut = [];
    const close = this.heldClose;
    this.heldClose = null;
    if (close && socket) {
      if (close === 'end') socket.end();
      else socket.destroy();
    }
  }

  publish(topic: string, payload: string, qos: QoS, retain: boolean): void {
    if (!this.connected) {
      this.queue.push({ topic, payload, qos, retain });
      return;
    }
    this.startPublish(topic, payload, qos, retain);
  }

  subscribe(filter: string, qos: QoS): void {
    if (!this.connected) return this.note('subscribe while not connected');
    const packetId = this.takeId();
    this.pending.add(packetId);
    this.send({ type: 'SUBSCRIBE', packetId, subscriptions: [{ topicFilter: filter, qos }] });
  }

  unsubscribe(filter: string): void {
    if (!this.connected) return this.note('unsubscribe while not connected');
    const packetId = this.takeId();
    this.pending.add(packetId);
    this.send({ type: 'UNSUBSCRIBE', packetId, topicFilters: [filter] });
  }

  /**
   * Nothing owed by the broker that the next step could race: connected (or closed, or cut off),
   * every SUBSCRIBE and UNSUBSCRIBE answered, and every QoS 1 / 2 flow both ways complete. In the
   * simulation these answers come within milliseconds; on a busy machine mosquitto's can come after
   * the scenario's next step, which would then meet a client not yet connected, or disconnect a
   * subscriber before the message reached it. (mosquitto queues a QoS 1 PUBLISH for its
   * subscribers before it sends the PUBACK: src/handle_publish.c, read at fb9b1153.)
   */
  get settled(): boolean {
    if (!this.socket || this.cut) return true;
    return this.connected && this.pending.size === 0 && this.outbound.size === 0 && this.inbound.size === 0;
  }

  /** The run is over: drop the connection, whatever state it is in. */
  destroy(): void {
    const socket = this.socket;
    this.detach('end of run');
    socket?.destroy();
  }

  // ---------------------------------------------------------------- connection

  private note(text: string): void {
    this.record.notes.push(text);
  }

  private connectPacket(): Packet {
    return {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: this.version,
      clean: this.clean,
      keepAlive: this.keepAliveS,
      clientId: this.spec.clientId ?? this.spec.id,
      ...(this.will
        ? {
            will: {
              topic: this.will.topic,
              payload: utf8.encode(this.will.payload),
              qos: this.will.qos,
              retain: this.will.retain ?? false,
            },
          }
        : {}),
      ...(this.spec.username !== undefined ? { username: this.spec.username } : {}),
      ...(this.spec.password !== undefined ? { password: utf8.encode(this.spec.password) } : {}),
      ...(this.version === 5 && this.spec.sessionExpiryS !== undefined
        ? { properties: { sessionExpiryInterval: this.spec.sessionExpiryS } }
        : {}),
    };
  }

  private send(packet: Packet): void {
    if (!this.socket) return;
    const bytes = encode(packet, this.version);
    this.lastSentMs = this.now();
    if (this.cut) this.heldOut.push(bytes);
    else this.socket.write(bytes);
  }

  /** We end the connection: at once, or when a cut link comes back. */
  private closeOurs(how: 'end' | 'destroy', reason: string): void {
    const socket = this.socket!;
    this.detach(reason);
    if (this.cut) this.heldClose = how;
    else if (how === 'end') socket.end();
    else socket.destroy();
  }

  /** Forget the socket (later events from it are ignored) and stop the timers. */
  private detach(reason: string): void {
    if (!this.socket) return;
    this.socket = null;
    this.decoder = null;
    this.connected = false;
    this.record.closes.push(reason);
    this.stopTimers();
  }

  private onClosed(socket: net.Socket, reason: string): void {
    if (socket !== this.socket) return;
    this.detach(reason);
  }

  private stopTimers(): void {
    if (this.keepAliveTimer) clearTimeout(this.keepAliveTimer);
    if (this.pingTimer) clearTimeout(this.pingTimer);
    this.keepAliveTimer = this.pingTimer = null;
  }

  /** [MQTT-3.1.2-23]: within Keep Alive of the last packet sent, send one; PINGREQ if nothing else. */
  private armKeepAlive(): void {
    if (this.keepAliveS === 0 || !this.connected) return;
    const dueMs = this.lastSentMs + this.keepAliveS * 1000;
    this.keepAliveTimer = setTimeout(
      () => {
        this.keepAliveTimer = null;
        if (!this.connected) return;
        if (this.now() - this.lastSentMs < this.keepAliveS * 1000) return this.armKeepAlive();
        this.send({ type: 'PINGREQ' });
        this.pingTimer = setTimeout(() => {
          this.pingTimer = null;
          if (this.socket) this.closeOurs('destroy', 'pingresp-timeout');
        }, PINGRESP_TIMEOUT_MS);
      },
      Math.max(0, dueMs - this.now()),
    );
  }

  private takeId(): number {
    let id = this.lastId;
    do id = id === 65_535 ? 1 : id + 1;
    while (this.outbound.has(id) || this.pending.has(id));
    this.lastId = id;
    return id;
  }

  private startPublish(topic: string, payload: string, qos: QoS, retain: boolean): void {
    const base = { type: 'PUBLISH' as const, dup: false, retain, topic, payload: utf8.encode(payload) };
    if (qos === 0) return this.send({ ...base, qos: 0 });
    const publish: PublishPacket = { ...base, qos, packetId: this.takeId() };
    this.outbound.set(publish.packetId!, { publish, released: false });
    this.send(publish);
  }

  // ---------------------------------------------------------------- receiving

  private onData(socket: net.Socket, chunk: Buffer): void {
    if (socket !== this.socket || !this.decoder) return;
    let packets;
    try {
      packets = this.decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    } catch (error) {
      this.note(`malformed from broker: ${(error as Error).message}`);
      this.closeOurs('destroy', 'malformed');
      return;
    }
    for (const { packet } of packets) {
      if (socket !== this.socket) return;
      this.handle(packet);
    }
  }

  private handle(packet: Packet): void {
    switch (packet.type) {
      case 'CONNACK':
        this.record.connacks.push({ returnCode: packet.reasonCode, sessionPresent: packet.sessionPresent });
        if (packet.reasonCode !== 0) return this.closeOurs('destroy', 'refused');
        return this.onConnected(packet.sessionPresent);
      case 'PINGRESP':
        if (this.pingTimer) clearTimeout(this.pingTimer);
        this.pingTimer = null;
        return this.armKeepAlive();
      case 'PUBLISH':
        return this.onPublish(packet);
      case 'PUBACK':
        this.outbound.delete(packet.packetId);
        return;
      case 'PUBREC': {
        const flow = this.outbound.get(packet.packetId);
        if (flow) flow.released = true;
        return this.send({ type: 'PUBREL', packetId: packet.packetId });
      }
      case 'PUBCOMP':
        this.outbound.delete(packet.packetId);
        return;
      case 'PUBREL':
        this.inbound.delete(packet.packetId);
        return this.send({ type: 'PUBCOMP', packetId: packet.packetId });
      case 'SUBACK':
        this.pending.delete(packet.packetId);
        this.record.subacks.push([...packet.reasonCodes]);
        return;
      case 'UNSUBACK':
        this.pending.delete(packet.packetId);
        return;
      default:
        return;
    }
  }

  private onConnected(sessionPresent: boolean): void {
    this.connected = true;
    if (!sessionPresent) {
      this.outbound.clear();
      this.inbound.clear();
      this.pending.clear();
    }
    // [MQTT-4.4.0-1]: resend what is unacknowledged, with the original ids, in the original order.
    for (const { publish, released } of this.outbound.values())
      this.send(released ? { type: 'PUBREL', packetId: publish.packetId! } : { ...publish, dup: true });
    for (const m of this.queue.splice(0)) this.startPublish(m.topic, m.payload, m.qos, m.retain);
    this.armKeepAlive();
  }

  private onPublish(packet: PublishPacket): void {
    const deliver = () => {
      this.record.messages.push({
        topic: packet.topic,
        payload: text.decode(packet.payload),
        qos: packet.qos,
        retain: packet.retain,
        dup: packet.dup,
        ...(packet.packetId !== undefined ? { packetId: packet.packetId } : {}),
        atMs: Math.round(this.now()),
      });
    };
    if (packet.qos === 0) return deliver();
    const packetId = packet.packetId!;
    if (packet.qos === 1) {
      deliver();
      return this.send({ type: 'PUBACK', packetId });
    }
    // QoS 2, delivered on PUBLISH; a repeat with an id still awaiting PUBREL is not delivered again [MQTT-4.3.3-10].
    if (!this.inbound.has(packetId)) {
      this.inbound.add(packetId);
      deliver();
    }
    this.send({ type: 'PUBREC', packetId });
  }
}

/** The longest a step waits for the broker's answers before it goes ahead anyway. */
const SETTLE_LIMIT_MS = 5_000;

const sleepUntil = (start: number, atMs: number) => {
  const waitMs = start + atMs - performance.now();
  return waitMs > 0 ? new Promise((resolve) => setTimeout(resolve, waitMs)) : Promise.resolve();
};

/** Steps a real network cannot take. */
export function unsupportedSteps(scenario: Scenario): Step[] {
  return scenario.steps.filter((step) => step.do === 'set-link' || step.do === 'fault');
}

/** Play a scenario against a real broker and record what each client received. */
export async function runOnBroker(scenario: Scenario, options: DriverOptions): Promise<DriverResult> {
  const unsupported = unsupportedSteps(scenario);
  if (unsupported.length > 0)
    throw new Error(`steps a real broker run cannot take: ${unsupported.map((s) => s.do).join(', ')}`);
  if (scenario.transport === 'lossy') throw new Error('the lossy transport has no real counterpart');
  const version = scenario.version ?? 4;
  const start = performance.now();
  const now = () => performance.now() - start;
  const clients = new Map(
    scenario.clients.map((spec) => [spec.id, new DriverClient(spec.id, spec, options, version, now)]),
  );
  const lastStepMs = scenario.steps.reduce((max, s) => Math.max(max, s.atMs), 0);
  const endMs = options.untilMs ?? scenario.untilMs ?? lastStepMs + (options.settleMs ?? 500);
  // Real ms the run has waited for the broker beyond the scenario's clock: every later step moves
  // by it, so steps keep their spacing however slow the machine is.
  let waitedMs = 0;
  const sleepUntilScenario = (atMs: number) => sleepUntil(start + waitedMs, atMs);
  const settle = async () => {
    const from = now();
    while (![...clients.values()].every((c) => c.settled) && now() - from < SETTLE_LIMIT_MS)
      await new Promise((resolve) => setTimeout(resolve, 5));
    waitedMs += now() - from;
  };
  try {
    for (const step of scenario.steps) {
      await sleepUntilScenario(step.atMs);
      await settle();
      const client = 'client' in step ? clients.get(step.client)! : undefined;
      switch (step.do) {
        case 'connect':
          client!.connect(step);
          break;
        case 'disconnect':
          client!.disconnect();
          break;
        case 'crash':
          client!.crash();
          break;
        case 'cut':
          client!.cutLink();
          break;
        case 'restore':
          client!.restore();
          break;
        case 'reset':
          client!.reset();
          break;
        case 'publish':
          client!.publish(step.topic, step.payload, step.qos, step.retain ?? false);
          break;
        case 'subscribe':
          client!.subscribe(step.filter, step.qos);
          break;
        case 'unsubscribe':
          client!.unsubscribe(step.filter);
          break;
        default:
          throw new Error(`unsupported step ${step.do}`);
      }
    }
    await settle();
    if (options.doneWhen) {
      const records = () => Object.fromEntries([...clients].map(([id, client]) => [id, client.record]));
      const scenarioNow = () => now() - waitedMs;
      await sleepUntilScenario(scenario.untilMs ?? lastStepMs);
      while (scenarioNow() < endMs && !options.doneWhen(records())) await sleepUntilScenario(scenarioNow() + 25);
      await sleepUntilScenario(Math.min(endMs, scenarioNow() + (options.settleMs ?? 500)));
    } else {
      await sleepUntilScenario(endMs);
    }
  } finally {
    for (const client of clients.values()) client.destroy();
  }
  return { clients: Object.fromEntries([...clients].map(([id, client]) => [id, client.record])) };
}

/**
 * Paho's cleanup, before each scenario: every client id it uses connects with a clean session and
 * disconnects (so no session is left over), and every retained message is cleared.
 */
export async function cleanBroker(scenario: Scenario, options: Pick<DriverOptions, 'host' | 'port'>): Promise<void> {
  const ids = [...new Set(scenario.clients.map((c) => c.clientId ?? c.id).filter((id) => id !== ''))];
  const sweep = await runOnBroker(
    {
      clients: [
        ...ids.map((clientId, i) => ({ id: `clean-${i}`, clientId, clean: true, keepAliveS: 0 })),
        { id: 'retained-sweeper', clientId: 'mqtt-lab-retained-sweeper', keepAliveS: 0 },
      ],
      steps: [
        ...ids.map((_, i) => ({ atMs: 0, do: 'connect' as const, client: `clean-${i}` })),
        { atMs: 0, do: 'connect', client: 'retained-sweeper' },
        { atMs: 50, do: 'subscribe', client: 'retained-sweeper', filter: '#', qos: 0 },
        ...ids.map((_, i) => ({ atMs: 50, do: 'disconnect' as const, client: `clean-${i}` })),
      ],
      untilMs: 200,
    },
    options,
  );
  const retained = sweep.clients['retained-sweeper'].messages.filter((m) => m.retain).map((m) => m.topic);
  if (retained.length === 0) return;
  await runOnBroker(
    {
      clients: [{ id: 'retained-sweeper', clientId: 'mqtt-lab-retained-sweeper', keepAliveS: 0 }],
      steps: [
        { atMs: 0, do: 'connect', client: 'retained-sweeper' },
        ...retained.map((topic) => ({
          atMs: 50,
          do: 'publish' as const,
          client: 'retained-sweeper',
          topic,
          payload: '',
          qos: 0 as const,
          retain: true,
        })),
        { atMs: 100, do: 'disconnect', client: 'retained-sweeper' },
      ],
      untilMs: 150,
    },
    options,
  );
}
