/**
 * What the state panel shows, read from the world at the cursor (engine/run/world.ts keeps what it
 * needs: each flow's message, each connection's Keep Alive and last packets, the flows still going)
 * so that a cursor move costs what changed, never a walk back through the trace: the machines each
 * actor is in, the QoS flows still in flight on both sides, the broker's sessions, and the timers
 * counting down. Actor names say whose machine it is: 'sensor' (a client's connection),
 * 'sensor/out/3' and 'sensor/in/3' (the client's QoS flows), 'broker/sensor#2' (the broker's side of
 * connection 2), 'broker/sensor/out/3' and 'broker/sensor/in/3' (the broker's flows with that client).
 */
import {
  type ActorRef,
  type QoS,
  type SendEvent,
  type TimerView,
  type TraceEvent,
  type World,
  FLOW_MACHINES,
  flowName,
  flowsOfPacket,
  messageOfFlow,
  parseActorName as parseActor,
} from '$engine';

/** Actor names are built and read by the engine alone (engine/flows/actor-names.ts). */
export { parseActor, flowName, FLOW_MACHINES, type ActorRef };

export interface FlowRow {
  actor: string;
  side: 'client' | 'broker';
  client: string;
  dir: 'out' | 'in';
  packetId: number;
  machine: string;
  state: string;
  done: boolean;
  sinceMs: number;
  /** The message it carries, from its PUBLISH. */
  topic?: string;
  qos?: QoS;
  /** A retry timer running for it. */
  retry?: TimerView;
}

/** The QoS flows still going, with their message's topic: one row each, in a stable order. */
export function flowRows(world: World): FlowRow[] {
  const retries = new Map<string, TimerView>();
  for (const timer of Object.values(world.timers)) if (!retries.has(timer.actor)) retries.set(timer.actor, timer);
  const rows: FlowRow[] = [];
  for (const actor of Object.keys(world.liveFlows)) {
    const view = world.actors[actor];
    const ref = parseActor(actor);
    if (!view || ref.kind !== 'flow') continue;
    const publish = world.messages[messageOfFlow(ref) ?? '']?.publish;
    const retry = retries.get(actor);
    rows.push({
      actor,
      side: ref.side,
      client: ref.client,
      dir: ref.dir,
      packetId: ref.packetId,
      machine: view.machine,
      state: view.state,
      done: view.done,
      sinceMs: view.sinceMs,
      ...(publish ? { topic: publish.topic, qos: publish.qos } : {}),
      ...(retry ? { retry } : {}),
    });
  }
  const rank = (r: FlowRow) => (r.side === 'client' ? 0 : 2) + (r.dir === 'out' ? 0 : 1);
  return rows.sort((a, b) => a.client.localeCompare(b.client) || rank(a) - rank(b) || a.packetId - b.packetId);
}

/** The latest packet of a flow up to the world's cursor (its PUBLISH, an ack, a PUBREL). */
export function latestSendOf(world: World, flow: string): number | undefined {
  return world.messages[messageOfFlow(flow) ?? '']?.lastSend;
}

/**
 * The flows a packet belongs to, sender's first: a PUBLISH from sensor with id 3 is sensor/out/3
 * (and, for QoS 2, broker/sensor/in/3); a PUBACK from the broker to sensor with id 3 is
 * sensor/out/3. Empty for packets that belong to no QoS flow.
 */
export function flowsOfSend(send: Pick<SendEvent, 'from' | 'to' | 'packet'>): string[] {
  return flowsOfPacket(send);
}

/** The flow a packet belongs to that the world has (the sender's, else the receiver's). */
export function flowOfSend(world: World, send: Pick<SendEvent, 'from' | 'to' | 'packet'>): string | undefined {
  return flowsOfSend(send).find((name) => world.actors[name] !== undefined);
}

/**
 * The flow machine to draw: the one pointed at, else the one selected, else the flow most recently
 * changed that is still going, else the most recently changed one.
 */
export function focusFlow(
  world: World,
  pointers: ({ send?: number; actor?: string } | null | undefined)[],
  trace: readonly TraceEvent[],
): string | undefined {
  for (const pointer of pointers) {
    if (!pointer) continue;
    if (pointer.actor && FLOW_MACHINES.has(world.actors[pointer.actor]?.machine ?? '')) return pointer.actor;
    if (pointer.send !== undefined) {
      const send = sendOf(trace, pointer.send);
      const flow = send && flowOfSend(world, send);
      if (flow) return flow;
    }
  }
  let latest: string | undefined;
  for (const [actor, seq] of Object.entries(world.liveFlows))
    if (latest === undefined || seq > world.liveFlows[latest]) latest = actor;
  return latest ?? world.lastFlow ?? undefined;
}

/** The send event a seq stands for: itself, or the send an arrival, loss or copy belongs to. */
export function sendOf(trace: readonly TraceEvent[], seq: number): SendEvent | undefined {
  const e = trace[seq];
  if (!e) return undefined;
  if (e.kind === 'send') return e;
  if (e.kind === 'arrive' || e.kind === 'drop' || e.kind === 'duplicate') {
    const send = trace[e.send];
    return send?.kind === 'send' ? send : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------- connections and timers

/** Each client's newest broker-side connection machine: 'broker/sensor#2'. */
export function brokerConnections(world: World): Map<string, string> {
  return new Map(Object.entries(world.brokerConnections));
}

/** The Keep Alive (seconds) a connection's CONNECT asked for, if it was sent by the world's cursor. */
export function keepAliveOf(world: World, conn: number): number | undefined {
  return world.liveness.keepAliveS[conn];
}

/**
 * When a connection was last active, as its keepalive sees it: the client's last packet sent on it,
 * or the broker's last packet received on it (up to the world's cursor).
 */
export function lastActivityMs(world: World, conn: number, side: 'client' | 'broker'): number | undefined {
  return (side === 'client' ? world.liveness.clientSentMs : world.liveness.brokerHeardMs)[conn];
}

/** The connection a client's machine is on now: the newest one opened for it. */
export function connectionOf(world: World, client: string): number | undefined {
  let newest: number | undefined;
  for (const [conn, c] of Object.entries(world.connections)) {
    if (c.client === client && (newest === undefined || Number(conn) > newest)) newest = Number(conn);
  }
  return newest;
}

export interface Countdown {
  /** Time left (never below 0). */
  leftMs: number;
  /** The timer's whole length. */
  totalMs: number;
  /** How much is left, 0 … 1. */
  fraction: number;
}

/**
 * How far a timer has run. Its length is its own (due − started) unless a `windowMs` is given:
 * keepalive timers are re-armed for what is left of the window after the last packet, so their
 * bar is drawn against the whole window (Keep Alive, or 1.5 × Keep Alive on the broker).
 */
export function countdown(
  timer: Pick<TimerView, 'startedAtMs' | 'dueAtMs'>,
  nowMs: number,
  windowMs?: number,
): Countdown {
  const totalMs = Math.max(0, windowMs ?? timer.dueAtMs - timer.startedAtMs);
  const leftMs = Math.min(totalMs, Math.max(0, timer.dueAtMs - nowMs));
  return { leftMs, totalMs, fraction: totalMs > 0 ? leftMs / totalMs : 0 };
}

/** Seconds for a label: "14.9", "0.4", "90". */
export function seconds(ms: number): string {
  const s = ms / 1000;
  if (s >= 100 || Number.isInteger(s)) return String(Math.round(s));
  return s.toFixed(1);
}

export interface TimerRow {
  timer: number;
  actor: string;
  name: string;
  dueAtMs: number;
  countdown: Countdown;
}

/** The keepalive window a timer counts down, given the connection's Keep Alive (seconds). */
export function keepaliveWindowMs(name: string, keepAliveS: number | undefined): number | undefined {
  if (keepAliveS === undefined || keepAliveS <= 0) return undefined;
  if (name === 'keepalive') return keepAliveS * 1000;
  if (name === 'keepaliveGrace') return keepAliveS * 1500;
  return undefined;
}

/**
 * The timers an actor has running now (keepalive ones against their whole window). A keepalive
 * timer is a check: it was set for the end of the window as it stood when it started, and a packet
 * since then moves the real deadline on (when the check fires it finds the activity and re-arms).
 * Given `lastMs`, the connection's last packet that counts (sent by the client, received by the
 * broker), a keepalive countdown runs to that real deadline: the moment the PINGREQ goes or the
 * broker gives up.
 */
export function timersOf(world: World, actor: string, nowMs: number, keepAliveS?: number, lastMs?: number): TimerRow[] {
  return Object.entries(world.timers)
    .filter(([, timer]) => timer.actor === actor)
    .map(([id, timer]) => {
      const windowMs = keepaliveWindowMs(timer.name, keepAliveS);
      const dueAtMs =
        windowMs !== undefined && lastMs !== undefined ? Math.max(timer.dueAtMs, lastMs + windowMs) : timer.dueAtMs;
      return {
        timer: Number(id),
        actor,
        name: timer.name,
        dueAtMs,
        countdown: countdown({ startedAtMs: timer.startedAtMs, dueAtMs }, nowMs, windowMs),
      };
    });
}

// ---------------------------------------------------------------- the broker's sessions

export interface SessionRow {
  client: string;
  persistent: boolean;
  connected: boolean;
  subscriptions: { filter: string; qos: QoS }[];
  queued: string[];
  will: { topic: string; qos: QoS; retain: boolean } | null;
  /** The broker's QoS 2 flows with this client waiting for PUBREL (packet ids). */
  awaitingPubrel: number[];
  /** The broker's outbound flows with this client still in flight. */
  outbound: FlowRow[];
}

export function sessionRows(world: World, flows: FlowRow[]): SessionRow[] {
  return Object.entries(world.sessions)
    .map(([client, session]) => ({
      client,
      persistent: session.persistent,
      connected: session.connected,
      subscriptions: Object.entries(session.subscriptions)
        .map(([filter, qos]) => ({ filter, qos }))
        .sort((a, b) => a.filter.localeCompare(b.filter)),
      queued: [...session.queued],
      will: session.will,
      awaitingPubrel: flows
        .filter((f) => f.side === 'broker' && f.client === client && f.dir === 'in' && !f.done)
        .map((f) => f.packetId),
      outbound: flows.filter((f) => f.side === 'broker' && f.client === client && f.dir === 'out' && !f.done),
    }))
    .sort((a, b) => a.client.localeCompare(b.client));
}

export function retainedRows(world: World): { topic: string; payload: string; qos: QoS }[] {
  return Object.entries(world.retained)
    .map(([topic, r]) => ({ topic, payload: r.payload, qos: r.qos }))
    .sort((a, b) => a.topic.localeCompare(b.topic));
}

/** Time left on a countdown, to a tenth: "59.0", "0.4". */
export function secondsLeft(ms: number): string {
  return (Math.round(ms / 100) / 10).toFixed(1);
}

/** A virtual time as seconds for a label: 650 → "0.65", 90050 → "90.05". */
export function timeText(ms: number): string {
  return (ms / 1000).toFixed(3).replace(/\.?0+$/, '');
}
