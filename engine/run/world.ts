/**
 * The world at a point of a trace: every machine's state, the timers running, the connections,
 * the packets on their way, the links, the broker's sessions and retained messages — derived from
 * the trace alone, so the views can show any moment, forward or back, without re-simulating.
 * `applyEvent` is a step on plain data that replaces nested values instead of changing them, so a
 * shallow copy (cloneWorld) is a checkpoint;
 * world.test.ts checks that at the end of a run it agrees with the simulation's own snapshot().
 */
import type { QoS } from '../codec/packet.ts';
import type { PacketType } from '../codec/packet.ts';
import type { LinkOptions, Scenario } from '../scenario/schema.ts';
import { clientLinks } from './client-links.ts';
import { FLOW_MACHINES, messageOfFlow, messageOfPacket, otherEndOf } from './packet-flows.ts';
import { parseActorName } from '../flows/actor-names.ts';
import { noteClient } from '../sim/notes.ts';
import type { NoteEvent, SendEvent, TraceEvent } from '../sim/trace.ts';

export interface ActorView {
  machine: string;
  state: string;
  sinceMs: number;
  /** In a final state, or stopped. */
  done: boolean;
}

export interface TimerView {
  actor: string;
  machine: string;
  name: string;
  startedAtMs: number;
  dueAtMs: number;
}

export interface InFlightView {
  send: number;
  from: string;
  to: string;
  conn: number;
  type: PacketType;
  packetId?: number;
  sentAtMs: number;
  expectedAtMs?: number;
  /** tcp: how many times it was lost and sent again so far. */
  retransmits?: number;
  /** Copies still on the way (lossy duplicates add one). */
  copies: number;
}

export interface LinkView {
  up: Required<LinkOptions>;
  down: Required<LinkOptions>;
  cut: boolean;
}

export interface SessionView {
  persistent: boolean;
  connected: boolean;
  subscriptions: Record<string, QoS>;
  /** Topics of the messages queued for it, oldest first. */
  queued: string[];
  will: { topic: string; qos: QoS; retain: boolean } | null;
}

export interface DeliveryView {
  atMs: number;
  topic: string;
  payload: string;
  qos: QoS;
  retain: boolean;
  dup: boolean;
}

/**
 * What each connection's keepalive sees, by connection: the Keep Alive its CONNECT asked for, the
 * client's last packet sent on it, the broker's last packet received on it. Plain numbers in three
 * records, so that a packet changes a number and allocates nothing.
 */
export interface LivenessView {
  keepAliveS: Record<number, number>;
  clientSentMs: Record<number, number>;
  brokerHeardMs: Record<number, number>;
}

/** One message's QoS flow as its packets tell it (keyed by the sender's flow: messageOfFlow). */
export interface MessageView {
  /** seq of the latest packet of the flow (PUBLISH, PUBACK, PUBREC, PUBREL or PUBCOMP). */
  lastSend: number;
  /** Its latest PUBLISH: the message it carries. */
  publish: { send: number; topic: string; qos: QoS } | undefined;
}

export interface World {
  /** seq of the last event applied; -1 before any. */
  seq: number;
  atMs: number;
  actors: Record<string, ActorView>;
  timers: Record<number, TimerView>;
  connections: Record<number, { client: string; openedAtMs: number; clientOpen: boolean; brokerOpen: boolean }>;
  inFlight: Record<number, InFlightView>;
  links: Record<string, LinkView>;
  sessions: Record<string, SessionView>;
  retained: Record<string, { payload: string; qos: QoS }>;
  delivered: Record<string, DeliveryView[]>;
  /** Messages each client holds while offline. */
  clientQueues: Record<string, string[]>;
  /** Per connection: what its keepalive counts from. */
  liveness: LivenessView;
  /**
   * Per message in a QoS flow, by its sender's flow name ('sensor/out/3', 'broker/app/out/1'),
   * while a flow of it is going: forgotten when both ends are done, so that copying a world costs
   * what is in flight, not the whole run.
   */
  messages: Record<string, MessageView>;
  /** The QoS flows not done yet, each with the seq of its latest change of state. */
  liveFlows: Record<string, number>;
  /** The QoS flow whose state changed last, done or not. */
  lastFlow: string | null;
  /** Each client's newest broker-side connection machine: 'broker/sensor#2'. */
  brokerConnections: Record<string, string>;
}

export function initialWorld(scenario: Scenario): World {
  const links: Record<string, LinkView> = {};
  const delivered: Record<string, DeliveryView[]> = {};
  const clientQueues: Record<string, string[]> = {};
  for (const client of scenario.clients) {
    links[client.id] = { ...clientLinks(scenario, client), cut: false };
    delivered[client.id] = [];
    clientQueues[client.id] = [];
  }
  return {
    seq: -1,
    atMs: 0,
    actors: {},
    timers: {},
    connections: {},
    inFlight: {},
    links,
    sessions: {},
    retained: {},
    delivered,
    clientQueues,
    liveness: { keepAliveS: {}, clientSentMs: {}, brokerHeardMs: {} },
    messages: {},
    liveFlows: {},
    lastFlow: null,
    brokerConnections: {},
  };
}

const FINAL = new Set(['acknowledged', 'completed', 'refused', 'closed', 'stopped']);

/** Apply one trace event; mutates and returns `world` (copy it first to keep a checkpoint). */
export function applyEvent(world: World, e: TraceEvent): World {
  world.seq = e.seq;
  world.atMs = e.atMs;
  switch (e.kind) {
    case 'state': {
      const done = FINAL.has(e.to);
      world.actors[e.actor] = { machine: e.machine, state: e.to, sinceMs: e.atMs, done };
      if (FLOW_MACHINES.has(e.machine)) {
        world.lastFlow = e.actor;
        if (done) {
          delete world.liveFlows[e.actor];
          forgetMessage(world, e.actor);
        } else world.liveFlows[e.actor] = e.seq;
      } else if (e.machine === 'broker-connection') noteBrokerConnection(world, e.actor);
      break;
    }
    case 'timer':
      if (e.action === 'start')
        world.timers[e.timer] = {
          actor: e.actor,
          machine: e.machine,
          name: e.name,
          startedAtMs: e.atMs,
          dueAtMs: e.dueAtMs,
        };
      else delete world.timers[e.timer];
      break;
    case 'open':
      world.connections[e.conn] = { client: e.client, openedAtMs: e.atMs, clientOpen: true, brokerOpen: true };
      break;
    case 'close': {
      const conn = world.connections[e.conn];
      if (conn) world.connections[e.conn] = { ...conn, [e.side === 'client' ? 'clientOpen' : 'brokerOpen']: false };
      break;
    }
    case 'send':
      world.inFlight[e.seq] = {
        send: e.seq,
        from: e.from,
        to: e.to,
        conn: e.conn,
        type: e.packet.type,
        ...('packetId' in e.packet && e.packet.packetId !== undefined ? { packetId: e.packet.packetId } : {}),
        sentAtMs: e.sentAtMs,
        ...(e.expectedAtMs !== undefined ? { expectedAtMs: e.expectedAtMs } : {}),
        copies: 1,
      };
      noteSend(world, e);
      break;
    case 'plan': {
      // replaced, not changed: a checkpoint shares its entries with the world it was copied from
      const flight = world.inFlight[e.send];
      if (flight) world.inFlight[e.send] = { ...flight, expectedAtMs: e.arriveAtMs, retransmits: e.retransmits };
      break;
    }
    case 'duplicate': {
      const flight = world.inFlight[e.send];
      if (flight) world.inFlight[e.send] = { ...flight, copies: flight.copies + 1 };
      break;
    }
    case 'arrive':
      if (e.to === 'broker') world.liveness.brokerHeardMs[e.conn] = e.atMs;
      endFlight(world, e.send); // an arrival ends the copy's flight as a loss does
      break;
    case 'drop':
      endFlight(world, e.send);
      break;
    case 'deliver':
      world.delivered[e.client] = [
        ...(world.delivered[e.client] ?? []),
        {
          atMs: e.atMs,
          topic: e.topic,
          payload: e.payload,
          qos: e.qos,
          retain: e.retain,
          dup: e.dup,
        },
      ];
      break;
    case 'step':
      applyStep(world, e.step);
      break;
    case 'note':
      applyNote(world, e);
      break;
    case 'error':
      break;
  }
  return world;
}

/** One copy of a packet is no longer on its way (arrived or lost). */
function endFlight(world: World, send: number): void {
  const flight = world.inFlight[send];
  if (flight && flight.copies <= 1) delete world.inFlight[send];
  else if (flight) world.inFlight[send] = { ...flight, copies: flight.copies - 1 };
}

/** A send: the connection's liveness (its CONNECT, the client's last packet) and its flow's packets. */
function noteSend(world: World, e: SendEvent): void {
  if (e.packet.type === 'CONNECT') world.liveness.keepAliveS[e.conn] = e.packet.keepAlive;
  if (e.to === 'broker') world.liveness.clientSentMs[e.conn] = e.atMs;
  const message = messageOfPacket(e);
  if (message === undefined) return;
  world.messages[message] = {
    lastSend: e.seq,
    publish:
      e.packet.type === 'PUBLISH'
        ? { send: e.seq, topic: e.packet.topic, qos: e.packet.qos }
        : world.messages[message]?.publish,
  };
}

/** A flow ended: its message is forgotten once no flow of it is still going. */
function forgetMessage(world: World, flow: string): void {
  const message = messageOfFlow(flow);
  if (message === undefined || !(message in world.messages)) return;
  const other = otherEndOf(message);
  if (world.liveFlows[message] === undefined && (other === undefined || world.liveFlows[other] === undefined)) {
    delete world.messages[message];
  }
}

/** A broker-side connection machine: the client's newest one (by connection number) is kept. */
function noteBrokerConnection(world: World, actor: string): void {
  const ref = parseActorName(actor);
  if (ref.kind !== 'broker-connection') return;
  const seen = world.brokerConnections[ref.client];
  const seenRef = seen === undefined ? undefined : parseActorName(seen);
  if (seenRef?.kind === 'broker-connection' && seenRef.conn >= ref.conn) return;
  world.brokerConnections[ref.client] = actor;
}

function applyStep(world: World, step: Extract<TraceEvent, { kind: 'step' }>['step']): void {
  const old = 'client' in step ? world.links[step.client] : undefined;
  if (!old || !('client' in step)) return;
  const link = { ...old };
  world.links[step.client] = link;
  if (step.do === 'cut') link.cut = true;
  else if (step.do === 'restore') link.cut = false;
  else if (step.do === 'set-link') {
    const { delayMs, jitterMs, lossRatio, duplicateRatio, reorderRatio } = step;
    const options = Object.fromEntries(
      Object.entries({ delayMs, jitterMs, lossRatio, duplicateRatio, reorderRatio }).filter(([, v]) => v !== undefined),
    );
    if (step.direction !== 'down') link.up = { ...link.up, ...options };
    if (step.direction !== 'up') link.down = { ...link.down, ...options };
  }
}

function applyNote(world: World, e: NoteEvent): void {
  const client = noteClient(e) ?? '';
  const old = world.sessions[client];
  // the session changes as a new object: checkpoints share the old one
  const session = old ? { ...old } : undefined;
  if (session) world.sessions[client] = session;
  switch (e.code) {
    case 'session-created':
      world.sessions[client] = {
        persistent: e.params.persistent,
        connected: true,
        subscriptions: {},
        queued: [],
        will: null,
      };
      break;
    case 'session-resumed':
      if (session) {
        session.connected = true;
        session.persistent = e.params.persistent;
        session.will = null;
      }
      break;
    case 'will-stored':
      if (session) session.will = { topic: e.params.topic, qos: e.params.qos, retain: e.params.retain };
      break;
    case 'will-published':
    case 'will-discarded':
    case 'will-cancelled': // 5.0: back before the Will Delay Interval ran out
      if (session) session.will = null;
      break;
    case 'session-kept':
      if (session) session.connected = false;
      break;
    case 'session-ended':
      delete world.sessions[client];
      break;
    case 'subscribed':
      if (session) session.subscriptions = { ...session.subscriptions, [e.params.filter]: e.params.qos };
      break;
    case 'unsubscribed':
      if (session) {
        const { [e.params.filter]: _gone, ...rest } = session.subscriptions;
        session.subscriptions = rest;
      }
      break;
    case 'queued':
      if (session) session.queued = [...session.queued, e.params.topic];
      break;
    case 'dequeued':
      if (session) session.queued = session.queued.slice(1);
      break;
    case 'message-expired': // deleted from its place in the queue, never sent
      if (session) session.queued = session.queued.filter((_, i) => i !== e.params.index);
      break;
    case 'retained-stored':
    case 'retained-replaced':
      world.retained[e.params.topic] = { payload: e.params.payload, qos: e.params.qos };
      break;
    case 'retained-cleared':
    case 'retained-expired':
      delete world.retained[e.params.topic];
      break;
    case 'client-queued':
      world.clientQueues[e.party] = [...(world.clientQueues[e.party] ?? []), e.params.topic];
      break;
    case 'client-dequeued':
      world.clientQueues[e.party] = (world.clientQueues[e.party] ?? []).slice(1);
      break;
  }
}

/** The world after the events up to and including `seq` (all of them by default). */
export function worldAt(scenario: Scenario, trace: readonly TraceEvent[], seq = trace.length - 1): World {
  const world = initialWorld(scenario);
  for (let i = 0; i <= seq && i < trace.length; i++) applyEvent(world, trace[i]);
  return world;
}

/** A copy to step from: the records are copied, the values in them are never changed in place. */
export function cloneWorld(world: World): World {
  return {
    seq: world.seq,
    atMs: world.atMs,
    actors: { ...world.actors },
    timers: { ...world.timers },
    connections: { ...world.connections },
    inFlight: { ...world.inFlight },
    links: { ...world.links },
    sessions: { ...world.sessions },
    retained: { ...world.retained },
    delivered: { ...world.delivered },
    clientQueues: { ...world.clientQueues },
    liveness: {
      keepAliveS: { ...world.liveness.keepAliveS },
      clientSentMs: { ...world.liveness.clientSentMs },
      brokerHeardMs: { ...world.liveness.brokerHeardMs },
    },
    messages: { ...world.messages },
    liveFlows: { ...world.liveFlows },
    lastFlow: world.lastFlow,
    brokerConnections: { ...world.brokerConnections },
  };
}
