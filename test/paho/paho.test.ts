/**
 * The Eclipse Paho interoperability client tests (MQTT 3.1.1) run against our simulated broker:
 * each Paho test is a scenario (scenarios.ts); here it runs through `simulate`, and the trace must
 * show the outcome the Paho test asserts — the messages each client receives, the CONNACK and
 * SUBACK codes — plus, where the scenario is about timing or redelivery, what the spec says about
 * it, in virtual time and in the packets on the wire.
 */
import { describe, expect, test } from 'vitest';
import {
  type ArriveEvent,
  type CloseEvent,
  type DeliverEvent,
  type PublishPacket,
  type SendEvent,
  type TraceEvent,
  simulate,
} from '../../engine/index.ts';
import {
  KEEPALIVE_TEST_KEEPALIVE_S,
  PAHO_CASES,
  type PahoCase,
  matchAlternative,
  outcomeInTrace,
  sorted,
  topics,
} from './scenarios.ts';

const SEED = 1;

/**
 * Known bugs of our simulation, by Paho test: that test runs as `test.fails` and still asserts the
 * correct behaviour. None at present.
 */
const KNOWN_BUGS: Record<string, string> = {};

const deliveries = (trace: readonly TraceEvent[], client: string) =>
  trace.filter((e): e is DeliverEvent => e.kind === 'deliver' && e.client === client);

const arrivals = (trace: readonly TraceEvent[], to: string) =>
  trace.filter((e): e is ArriveEvent => e.kind === 'arrive' && e.to === to);

/** The outcome every Paho case states: messages per client, CONNACKs, SUBACKs. */
function expectPahoOutcome(c: PahoCase, trace: readonly TraceEvent[]): void {
  for (const { id } of c.scenario.clients) {
    const alternatives = c.receives[id];
    expect(alternatives, `the case states what ${id} receives`).toBeDefined();
    const outcome = outcomeInTrace(trace, id);
    if (matchAlternative(outcome.messages, alternatives) < 0)
      expect(sorted(outcome.messages), `${id} receives one of the allowed outcomes`).toEqual(sorted(alternatives[0]));
    if (c.connacks?.[id]) expect(outcome.connacks, `${id}: CONNACKs`).toEqual(c.connacks[id]);
    else
      expect(
        outcome.connacks.every((a) => a.returnCode === 0),
        `${id}: CONNACKs accept`,
      ).toBe(true);
    expect(outcome.subacks, `${id}: SUBACKs`).toEqual(c.subacks?.[id] ?? []);
  }
}

/** Checks beyond the messages, for the cases about timing and redelivery. */
const EXTRA: Record<string, (trace: readonly TraceEvent[]) => void> = {
  test_keepalive(trace) {
    // [MQTT-3.1.2-24]: the broker closes the connection 1.5 × Keep Alive after the last packet it
    // received from the client, and then publishes the will [MQTT-3.1.2-8].
    const close = trace.find(
      (e): e is CloseEvent => e.kind === 'close' && e.client === 'aclient' && e.side === 'broker',
    );
    expect(close?.reason).toBe('keepalive');
    const lastReceived = arrivals(trace, 'broker')
      .filter((e) => e.from === 'aclient' && e.atMs <= close!.atMs)
      .at(-1)!;
    expect(lastReceived.packet.type).toBe('CONNECT'); // the link was cut before the first PINGREQ
    expect(close!.atMs - lastReceived.atMs).toBe(1.5 * KEEPALIVE_TEST_KEEPALIVE_S * 1000);

    const willSend = trace.find(
      (e): e is SendEvent =>
        e.kind === 'send' && e.from === 'broker' && e.to === 'bclient' && e.packet.type === 'PUBLISH',
    )!;
    expect(willSend.atMs).toBe(lastReceived.atMs + 1.5 * KEEPALIVE_TEST_KEEPALIVE_S * 1000);
    const [will] = deliveries(trace, 'bclient');
    expect(will.atMs).toBe(willSend.expectedAtMs);
    expect(will.atMs - willSend.atMs).toBe(50); // one default link delay
  },

  test_redelivery_on_reconnect(trace) {
    // [MQTT-4.4.0-1]: on the resumed session the broker resends the unacknowledged PUBLISH packets
    // with their original packet ids and DUP 1, in their original order [MQTT-4.6.0-1].
    const publishes = trace.filter(
      (e): e is SendEvent & { packet: PublishPacket } =>
        e.kind === 'send' && e.from === 'broker' && e.to === 'bclient' && e.packet.type === 'PUBLISH',
    );
    const conns = [...new Set(publishes.map((e) => e.conn))];
    expect(conns).toHaveLength(2);
    const [first, again] = conns.map((conn) => publishes.filter((e) => e.conn === conn).map((e) => e.packet));
    const shape = (p: PublishPacket) => ({ topic: p.topic, qos: p.qos, packetId: p.packetId, dup: p.dup });
    expect(first.map(shape)).toEqual([
      { topic: topics[1], qos: 1, packetId: expect.any(Number), dup: false },
      { topic: topics[3], qos: 2, packetId: expect.any(Number), dup: false },
    ]);
    expect(again.map(shape)).toEqual(first.map((p) => ({ ...shape(p), dup: true })));
    // None of the first sends arrived: the reset took them with it.
    const firstSeqs = new Set(publishes.filter((e) => e.conn === conns[0]).map((e) => e.seq));
    expect(trace.some((e) => e.kind === 'arrive' && firstSeqs.has(e.send))).toBe(false);
    // What bclient's application gets: the resent packets, DUP 1, original ids.
    expect(deliveries(trace, 'bclient').map((d) => ({ topic: d.topic, dup: d.dup, packetId: d.packetId }))).toEqual(
      first.map((p) => ({ topic: p.topic, dup: true, packetId: p.packetId })),
    );
  },

  test_zero_length_clientid(trace) {
    // [MQTT-3.1.3-8]: refused with 0x02, and the server closes the connection [MQTT-3.2.2-5].
    const closes = trace.filter(
      (e): e is CloseEvent => e.kind === 'close' && e.client === 'client0' && e.side === 'broker',
    );
    expect(closes[0]?.rule).toBe('MQTT-3.1.3-8');
  },
};

describe('Paho interoperability client tests (MQTT 3.1.1) on the simulated broker', () => {
  for (const c of PAHO_CASES) {
    const run = KNOWN_BUGS[c.name] ? test.fails : test;
    run(c.name, () => {
      const { trace } = simulate(c.scenario, { seed: SEED });
      expectPahoOutcome(c, trace);
      EXTRA[c.name]?.(trace);
    });
  }
});
