/**
 * The World's readers for the views (each connection's liveness, the packets of each message still
 * in flight, the flows still going, the newest broker connections) against a straightforward walk back through the
 * trace, as the state panel used to do it: at every stopping point of random runs, with the world
 * extended a chunk at a time from its last copy as the lab's worker streams the trace.
 */
import { describe, expect, test } from 'vitest';
import { randomScenario } from '../../test/invariants/random-scenario.ts';
import { type ActorRef, parseActorName } from '../flows/actor-names.ts';
import type { SendEvent, TraceEvent } from '../sim/trace.ts';
import { FLOW_MACHINES } from './packet-flows.ts';
import { createSimulation } from './simulation.ts';
import { type World, applyEvent, cloneWorld, initialWorld } from './world.ts';

type FlowRef = Extract<ActorRef, { kind: 'flow' }>;

/** The latest event at or before `seq` that matches, walking back. */
function lastBefore<E extends TraceEvent>(
  trace: readonly TraceEvent[],
  seq: number,
  match: (e: TraceEvent) => e is E,
): E | undefined {
  for (let i = seq; i >= 0; i--) if (match(trace[i])) return trace[i] as E;
  return undefined;
}

const isSend = (e: TraceEvent): e is SendEvent => e.kind === 'send';

/** Does a packet belong to a flow? Its id, its type and which way it goes, read from the flow's name. */
function ofFlow(e: SendEvent, ref: FlowRef): boolean {
  if (!('packetId' in e.packet) || e.packet.packetId !== ref.packetId) return false;
  const clientSends = (ref.side === 'client') === (ref.dir === 'out'); // the message's sender
  const [sender, receiver] = clientSends ? [ref.client, 'broker'] : ['broker', ref.client];
  if (e.packet.type === 'PUBLISH' || e.packet.type === 'PUBREL') return e.from === sender && e.to === receiver;
  if (['PUBACK', 'PUBREC', 'PUBCOMP'].includes(e.packet.type)) return e.from === receiver && e.to === sender;
  return false;
}

/** What the readers must say at `seq`, found by walking the trace. */
function scanned(world: World, trace: readonly TraceEvent[]) {
  const seq = world.seq;
  const conns = new Set<number>();
  for (let i = 0; i <= seq; i++) {
    const e = trace[i];
    if (e.kind === 'send' || e.kind === 'arrive') conns.add(e.conn);
  }
  const liveness = [...conns].map((conn) => ({
    conn,
    keepAliveS: lastBefore(
      trace,
      seq,
      (e): e is SendEvent => isSend(e) && e.conn === conn && e.packet.type === 'CONNECT',
    )?.packet,
    clientSentMs: lastBefore(trace, seq, (e): e is SendEvent => isSend(e) && e.conn === conn && e.to === 'broker')
      ?.atMs,
    brokerHeardMs: lastBefore(
      trace,
      seq,
      (e): e is Extract<TraceEvent, { kind: 'arrive' }> => e.kind === 'arrive' && e.conn === conn && e.to === 'broker',
    )?.atMs,
  }));
  // the flows still going (the World forgets a message once both its ends are done)
  const flows = Object.keys(world.actors).flatMap((actor) => {
    const ref = parseActorName(actor);
    if (ref.kind !== 'flow' || world.actors[actor].done) return [];
    const publish = lastBefore(
      trace,
      seq,
      (e): e is SendEvent => isSend(e) && e.packet.type === 'PUBLISH' && ofFlow(e, ref),
    );
    const latest = lastBefore(trace, seq, (e): e is SendEvent => isSend(e) && ofFlow(e, ref));
    return [
      {
        actor,
        topic: publish?.packet.type === 'PUBLISH' ? publish.packet.topic : undefined,
        qos: publish?.packet.type === 'PUBLISH' ? publish.packet.qos : undefined,
        latest: latest?.seq,
      },
    ];
  });
  const flowStates = trace.slice(0, seq + 1).filter((e) => e.kind === 'state' && FLOW_MACHINES.has(e.machine));
  const liveFlows: Record<string, number> = {};
  for (const e of flowStates) {
    if (e.kind !== 'state') continue;
    if (world.actors[e.actor].done) delete liveFlows[e.actor];
    else liveFlows[e.actor] = e.seq;
  }
  const brokerConnections: Record<string, { actor: string; conn: number }> = {};
  for (const actor of Object.keys(world.actors)) {
    const ref = parseActorName(actor);
    if (ref.kind !== 'broker-connection') continue;
    if ((brokerConnections[ref.client]?.conn ?? -1) < ref.conn)
      brokerConnections[ref.client] = { actor, conn: ref.conn };
  }
  const last = flowStates.at(-1);
  return {
    liveness: liveness.map((l) => ({
      ...l,
      keepAliveS: l.keepAliveS?.type === 'CONNECT' ? l.keepAliveS.keepAlive : undefined,
    })),
    flows,
    liveFlows: Object.keys(liveFlows)
      .sort()
      .map((actor) => [actor, liveFlows[actor]]),
    lastFlow: last?.kind === 'state' ? last.actor : null,
    brokerConnections: Object.fromEntries(Object.entries(brokerConnections).map(([c, { actor }]) => [c, actor])),
  };
}

/** The same, as the World's readers give it. */
function read(world: World) {
  const { keepAliveS, clientSentMs, brokerHeardMs } = world.liveness;
  const conns = [...new Set([keepAliveS, clientSentMs, brokerHeardMs].flatMap((r) => Object.keys(r).map(Number)))];
  return {
    liveness: conns.map((conn) => ({
      conn,
      keepAliveS: keepAliveS[conn],
      clientSentMs: clientSentMs[conn],
      brokerHeardMs: brokerHeardMs[conn],
    })),
    flows: Object.keys(world.actors).flatMap((actor) => {
      const ref = parseActorName(actor);
      if (ref.kind !== 'flow' || world.actors[actor].done) return [];
      const clientSends = (ref.side === 'client') === (ref.dir === 'out');
      const message = world.messages[`${clientSends ? ref.client : `broker/${ref.client}`}/out/${ref.packetId}`];
      return [{ actor, topic: message?.publish?.topic, qos: message?.publish?.qos, latest: message?.lastSend }];
    }),
    liveFlows: Object.keys(world.liveFlows)
      .sort()
      .map((actor) => [actor, world.liveFlows[actor]]),
    lastFlow: world.lastFlow,
    brokerConnections: world.brokerConnections,
  };
}

/** Messages the World still holds: only those with a flow going (so a copy costs what is in flight). */
function heldMessages(world: World): string[] {
  return Object.keys(world.messages).filter((message) => {
    const ref = parseActorName(message);
    const other =
      ref.kind === 'flow' ? `${ref.side === 'client' ? `broker/${ref.client}` : ref.client}/in/${ref.packetId}` : '';
    return !(message in world.liveFlows) && !(other in world.liveFlows);
  });
}

/** Sorted by connection, so the two lists compare whatever order they were found in. */
const byConn = <T extends { liveness: { conn: number }[] }>(r: T): T => ({
  ...r,
  liveness: [...r.liveness].sort((a, b) => a.conn - b.conn),
});

describe('the World’s readers agree with a walk back through the trace', () => {
  // A few seeds of each transport: each run's checks take tens of milliseconds.
  test.each([1, 2, 3, 4, 5, 6])('at every stopping point of random run %i', (seed) => {
    const { scenario, healMs } = randomScenario(seed, seed % 2 ? 'tcp' : 'lossy');
    const sim = createSimulation(scenario);
    let world = initialWorld(scenario);
    for (const at of [300, 1_500, 3_000, healMs, healMs + 5_000]) {
      sim.runUntil(at);
      // extended from the last stop, as the lab does when the worker sends the next chunk
      world = cloneWorld(world);
      const trace = sim.trace;
      // and checked inside the chunk too, not only at its end
      const middle = world.seq + Math.floor((trace.length - 1 - world.seq) / 2);
      for (let i = world.seq + 1; i < trace.length; i++) {
        applyEvent(world, trace[i]);
        if (i === middle) expect(byConn(read(world)), `seed ${seed}, seq ${i}`).toEqual(byConn(scanned(world, trace)));
      }
      expect(byConn(read(world)), `seed ${seed} at ${at} ms`).toEqual(byConn(scanned(world, trace)));
      expect(heldMessages(world), `seed ${seed} at ${at} ms`).toEqual([]);
    }
  });
});
