/**
 * The Eclipse Paho interoperability client tests for MQTT 3.1.1 (paho.mqtt.testing,
 * interoperability/client_test.py), each written as one of our scenarios, with the outcome the
 * Paho test asserts written beside it as data.
 *
 * Paho's clients are `aclient` (client id "myclientid") and `bclient` ("myclientid2"); its topics
 * and filters are kept exactly. Times are virtual ms on the default link (50 ms each way, so a
 * request is answered 100 ms after it is sent); the steps are spaced so that each exchange is over
 * before the next step, as Paho's `time.sleep` calls make sure of.
 *
 * Outcomes are per client: the messages it must receive, compared regardless of order, and where
 * the spec allows more than one outcome, every allowed alternative. A message with `dup` set must
 * arrive with that DUP flag; otherwise DUP is not part of the outcome.
 */
import {
  type ArriveEvent,
  type DeliverEvent,
  type QoS,
  type Scenario,
  type TraceEvent,
  defineScenario,
} from '../../engine/index.ts';

export const topics = ['TopicA', 'TopicA/B', 'Topic/C', 'TopicA/C', '/TopicA'] as const;
export const wildtopics = ['TopicA/+', '+/C', '#', '/#', '/+', '+/+', 'TopicA/#'] as const;
export const nosubscribeTopics = ['test/nosubscribe'] as const;

/** Paho's two clients. */
const aclient = { id: 'aclient', clientId: 'myclientid' } as const;
const bclient = { id: 'bclient', clientId: 'myclientid2' } as const;

export interface ExpectedMessage {
  topic: string;
  payload: string;
  qos: QoS;
  retain: boolean;
  /** When given, the DUP flag the message must arrive with. */
  dup?: boolean;
}

export interface ExpectedConnack {
  returnCode: number;
  sessionPresent: boolean;
}

export interface PahoCase {
  /** The Paho test's name in client_test.py. */
  name: string;
  /** What the Paho test checks, and how our scenario says it. */
  about: string;
  scenario: Scenario;
  /**
   * Per client (every client of the scenario): the alternatives the spec allows for the messages
   * it receives — usually one list; each list is compared regardless of order.
   */
  receives: Record<string, ExpectedMessage[][]>;
  /** Per client: the CONNACKs it receives, in order. */
  connacks?: Record<string, ExpectedConnack[]>;
  /** Per client: the return codes of each SUBACK it receives, in order. */
  subacks?: Record<string, number[][]>;
}

const msg = (topic: string, payload: string, qos: QoS, retain = false): ExpectedMessage => ({
  topic,
  payload,
  qos,
  retain,
});
const accepted = (sessionPresent = false): ExpectedConnack => ({ returnCode: 0, sessionPresent });

/**
 * testBasic: connect, disconnect, connect again (CONNACK session present 0), subscribe to TopicA at
 * QoS 2 and publish to it at QoS 0, 1 and 2: all three come back, each at the QoS it was sent with.
 * (Paho's second CONNECT on one socket and its wrong protocol name are not scenario steps: a
 * scenario's clients only send well-formed packets; the codec tests cover both.)
 */
const testBasic: PahoCase = {
  name: 'testBasic',
  about: 'three messages at QoS 0, 1, 2 to a QoS 2 subscription come back at their own QoS',
  scenario: defineScenario({
    title: 'Paho testBasic',
    clients: [{ ...aclient }],
    steps: [
      { atMs: 0, do: 'connect', client: 'aclient' },
      { atMs: 200, do: 'disconnect', client: 'aclient' },
      { atMs: 400, do: 'connect', client: 'aclient' },
      { atMs: 600, do: 'subscribe', client: 'aclient', filter: topics[0], qos: 2 },
      { atMs: 800, do: 'publish', client: 'aclient', topic: topics[0], payload: 'qos 0', qos: 0 },
      { atMs: 800, do: 'publish', client: 'aclient', topic: topics[0], payload: 'qos 1', qos: 1 },
      { atMs: 800, do: 'publish', client: 'aclient', topic: topics[0], payload: 'qos 2', qos: 2 },
      { atMs: 1400, do: 'disconnect', client: 'aclient' },
    ],
    untilMs: 1600,
  }),
  receives: { aclient: [[msg(topics[0], 'qos 0', 0), msg(topics[0], 'qos 1', 1), msg(topics[0], 'qos 2', 2)]] },
  connacks: { aclient: [accepted(), accepted()] },
  subacks: { aclient: [[2]] },
};

/**
 * test_retained_messages: three retained messages (QoS 0, 1, 2) reach a later `+/+` subscription
 * with RETAIN 1 [MQTT-3.3.1-6/8]; after each is cleared with an empty retained message
 * [MQTT-3.3.1-10/11], a new subscription receives nothing.
 */
const testRetainedMessages: PahoCase = {
  name: 'test_retained_messages',
  about: 'retained messages reach a new subscription; empty retained messages clear them',
  scenario: defineScenario({
    title: 'Paho test_retained_messages',
    clients: [{ ...aclient }],
    steps: [
      { atMs: 0, do: 'connect', client: 'aclient', clean: true },
      { atMs: 200, do: 'publish', client: 'aclient', topic: topics[1], payload: 'qos 0', qos: 0, retain: true },
      { atMs: 200, do: 'publish', client: 'aclient', topic: topics[2], payload: 'qos 1', qos: 1, retain: true },
      { atMs: 200, do: 'publish', client: 'aclient', topic: topics[3], payload: 'qos 2', qos: 2, retain: true },
      { atMs: 600, do: 'subscribe', client: 'aclient', filter: wildtopics[5], qos: 2 },
      { atMs: 1000, do: 'disconnect', client: 'aclient' },
      // clear the retained messages
      { atMs: 1200, do: 'connect', client: 'aclient', clean: true },
      { atMs: 1400, do: 'publish', client: 'aclient', topic: topics[1], payload: '', qos: 0, retain: true },
      { atMs: 1400, do: 'publish', client: 'aclient', topic: topics[2], payload: '', qos: 1, retain: true },
      { atMs: 1400, do: 'publish', client: 'aclient', topic: topics[3], payload: '', qos: 2, retain: true },
      { atMs: 1800, do: 'subscribe', client: 'aclient', filter: wildtopics[5], qos: 2 },
      { atMs: 2200, do: 'disconnect', client: 'aclient' },
    ],
    untilMs: 2400,
  }),
  receives: {
    aclient: [[msg(topics[1], 'qos 0', 0, true), msg(topics[2], 'qos 1', 1, true), msg(topics[3], 'qos 2', 2, true)]],
  },
  connacks: { aclient: [accepted(), accepted()] },
  subacks: { aclient: [[2], [2]] },
};

/**
 * test_zero_length_clientid: a zero-byte client id with CleanSession 0 is refused with CONNACK 0x02
 * "identifier rejected" [MQTT-3.1.3-8]; with CleanSession 1 the server accepts it [MQTT-3.1.3-6].
 */
const testZeroLengthClientid: PahoCase = {
  name: 'test_zero_length_clientid',
  about: 'an empty client id is refused (0x02) with clean=false and accepted with clean=true',
  scenario: defineScenario({
    title: 'Paho test_zero_length_clientid',
    clients: [{ id: 'client0', clientId: '' }],
    steps: [
      { atMs: 0, do: 'connect', client: 'client0', clean: false },
      { atMs: 300, do: 'connect', client: 'client0', clean: true },
      { atMs: 600, do: 'disconnect', client: 'client0' },
    ],
    untilMs: 800,
  }),
  receives: { client0: [[]] },
  connacks: { client0: [{ returnCode: 0x02, sessionPresent: false }, accepted()] },
};

/**
 * test_offline_message_queueing: aclient subscribes to `+/+` on a persistent session and leaves;
 * bclient publishes at QoS 0, 1 and 2; aclient comes back (CONNACK session present 1) and receives
 * the QoS 1 and 2 messages — and the QoS 0 one too if the server queues QoS 0 for offline clients,
 * which the spec allows but does not require (§3.1.2.4).
 */
const testOfflineMessageQueueing: PahoCase = {
  name: 'test_offline_message_queueing',
  about: 'a persistent session queues QoS 1 and 2 messages (QoS 0 optionally) while its client is away',
  scenario: defineScenario({
    title: 'Paho test_offline_message_queueing',
    clients: [{ ...aclient, clean: false }, { ...bclient }],
    steps: [
      { atMs: 0, do: 'connect', client: 'aclient', clean: false },
      { atMs: 200, do: 'subscribe', client: 'aclient', filter: wildtopics[5], qos: 2 },
      { atMs: 400, do: 'disconnect', client: 'aclient' },
      { atMs: 600, do: 'connect', client: 'bclient', clean: true },
      { atMs: 800, do: 'publish', client: 'bclient', topic: topics[1], payload: 'qos 0', qos: 0 },
      { atMs: 800, do: 'publish', client: 'bclient', topic: topics[2], payload: 'qos 1', qos: 1 },
      { atMs: 800, do: 'publish', client: 'bclient', topic: topics[3], payload: 'qos 2', qos: 2 },
      { atMs: 1200, do: 'disconnect', client: 'bclient' },
      { atMs: 1400, do: 'connect', client: 'aclient', clean: false },
      { atMs: 1800, do: 'disconnect', client: 'aclient' },
    ],
    untilMs: 2000,
  }),
  receives: {
    aclient: [
      [msg(topics[2], 'qos 1', 1), msg(topics[3], 'qos 2', 2)],
      [msg(topics[1], 'qos 0', 0), msg(topics[2], 'qos 1', 1), msg(topics[3], 'qos 2', 2)],
    ],
    bclient: [[]],
  },
  connacks: { aclient: [accepted(false), accepted(true)], bclient: [accepted()] },
  subacks: { aclient: [[2]] },
};

/**
 * test_overlapping_subscriptions: `TopicA/#` at QoS 2 and `TopicA/+` at QoS 1 both match TopicA/C.
 * The server may send one message at the highest QoS of the matching subscriptions, or one per
 * matching subscription, each at its own QoS [MQTT-3.3.5-1]. (Paho subscribes to both filters in one
 * SUBSCRIBE; a scenario step subscribes to one, so this takes two.)
 */
const testOverlappingSubscriptions: PahoCase = {
  name: 'test_overlapping_subscriptions',
  about: 'overlapping subscriptions: one message at QoS 2, or one per matching subscription',
  scenario: defineScenario({
    title: 'Paho test_overlapping_subscriptions',
    clients: [{ ...aclient }],
    steps: [
      { atMs: 0, do: 'connect', client: 'aclient' },
      { atMs: 200, do: 'subscribe', client: 'aclient', filter: wildtopics[6], qos: 2 },
      { atMs: 200, do: 'subscribe', client: 'aclient', filter: wildtopics[0], qos: 1 },
      { atMs: 400, do: 'publish', client: 'aclient', topic: topics[3], payload: 'overlapping topic filters', qos: 2 },
      { atMs: 1000, do: 'disconnect', client: 'aclient' },
    ],
    untilMs: 1200,
  }),
  receives: {
    aclient: [
      [msg(topics[3], 'overlapping topic filters', 2)],
      [msg(topics[3], 'overlapping topic filters', 2), msg(topics[3], 'overlapping topic filters', 1)],
    ],
  },
  subacks: { aclient: [[2], [1]] },
};

/** Keep Alive of the silent client in test_keepalive (Paho: 5 s; shorter here, for the real broker). */
export const KEEPALIVE_TEST_KEEPALIVE_S = 2;

/**
 * test_keepalive: aclient connects with a Keep Alive and a will, then goes silent (Paho's client
 * sends no PINGREQ; here its link is cut, so nothing it sends reaches the broker). The broker must
 * close the connection 1.5 × Keep Alive after the last packet it received [MQTT-3.1.2-24] and
 * publish the will [MQTT-3.1.2-8], which bclient (Keep Alive 0) receives.
 */
const testKeepalive: PahoCase = {
  name: 'test_keepalive',
  about: 'a silent client is closed after 1.5 × keepalive and its will is published',
  scenario: defineScenario({
    title: 'Paho test_keepalive',
    clients: [
      {
        ...aclient,
        clean: true,
        keepAliveS: KEEPALIVE_TEST_KEEPALIVE_S,
        will: { topic: topics[4], payload: 'keepalive expiry', qos: 0 },
      },
      { ...bclient, clean: true, keepAliveS: 0 },
    ],
    steps: [
      { atMs: 0, do: 'connect', client: 'aclient' },
      { atMs: 0, do: 'connect', client: 'bclient' },
      { atMs: 200, do: 'subscribe', client: 'bclient', filter: topics[4], qos: 2 },
      { atMs: 400, do: 'cut', client: 'aclient' },
    ],
    untilMs: 5000,
  }),
  receives: { aclient: [[]], bclient: [[msg(topics[4], 'keepalive expiry', 0)]] },
  connacks: { aclient: [accepted()], bclient: [accepted()] },
  subacks: { bclient: [[2]] },
};

/**
 * test_redelivery_on_reconnect: QoS 1 and 2 messages the broker sent to bclient and that were not
 * acknowledged when the connection broke are sent again, with DUP 1 and their original packet ids,
 * when bclient resumes its session [MQTT-4.4.0-1]. Paho's bclient publishes to itself and stops
 * processing incoming packets; here aclient publishes, and bclient's link is cut before the
 * messages reach it, then reset (the connection breaks), restored, and bclient reconnects with
 * CleanSession 0 — so only the broker's side has anything unacknowledged.
 */
const testRedeliveryOnReconnect: PahoCase = {
  name: 'test_redelivery_on_reconnect',
  about: 'unacknowledged QoS 1 and 2 messages are resent with DUP 1 when the session resumes',
  scenario: defineScenario({
    title: 'Paho test_redelivery_on_reconnect',
    clients: [{ ...aclient }, { ...bclient, clean: false }],
    steps: [
      { atMs: 0, do: 'connect', client: 'bclient', clean: false },
      { atMs: 0, do: 'connect', client: 'aclient' },
      { atMs: 200, do: 'subscribe', client: 'bclient', filter: wildtopics[6], qos: 2 },
      { atMs: 400, do: 'cut', client: 'bclient' },
      { atMs: 500, do: 'publish', client: 'aclient', topic: topics[1], payload: '', qos: 1 },
      { atMs: 500, do: 'publish', client: 'aclient', topic: topics[3], payload: '', qos: 2 },
      { atMs: 1000, do: 'reset', client: 'bclient' },
      { atMs: 1100, do: 'restore', client: 'bclient' },
      { atMs: 1200, do: 'connect', client: 'bclient', clean: false },
      { atMs: 1600, do: 'disconnect', client: 'bclient' },
      { atMs: 1600, do: 'disconnect', client: 'aclient' },
    ],
    untilMs: 1800,
  }),
  receives: {
    aclient: [[]],
    bclient: [
      [
        { ...msg(topics[1], '', 1), dup: true },
        { ...msg(topics[3], '', 2), dup: true },
      ],
    ],
  },
  connacks: { aclient: [accepted()], bclient: [accepted(false), accepted(true)] },
  subacks: { bclient: [[2]] },
};

/**
 * test_dollar_topics: a filter starting with a wildcard does not match a topic starting with `$`
 * [MQTT-4.7.2-1]: bclient, subscribed to `+/+`, does not receive `$TopicA/B`. Not in Paho: a second
 * subscriber, `watcher`, subscribed to `$TopicA/+`, shows that the message was published and does
 * reach a filter that names the `$` level.
 */
const testDollarTopics: PahoCase = {
  name: 'test_dollar_topics',
  about: '`+/+` does not match `$TopicA/B`; `$TopicA/+` does',
  scenario: defineScenario({
    title: 'Paho test_dollar_topics',
    clients: [{ ...bclient, clean: true, keepAliveS: 0 }, { id: 'watcher' }],
    steps: [
      { atMs: 0, do: 'connect', client: 'bclient' },
      { atMs: 0, do: 'connect', client: 'watcher' },
      { atMs: 200, do: 'subscribe', client: 'bclient', filter: wildtopics[5], qos: 2 },
      { atMs: 200, do: 'subscribe', client: 'watcher', filter: '$TopicA/+', qos: 2 },
      { atMs: 600, do: 'publish', client: 'bclient', topic: `$${topics[1]}`, payload: '', qos: 1 },
      { atMs: 1000, do: 'disconnect', client: 'bclient' },
      { atMs: 1000, do: 'disconnect', client: 'watcher' },
    ],
    untilMs: 1200,
  }),
  receives: { bclient: [[]], watcher: [[msg(`$${topics[1]}`, '', 1)]] },
  subacks: { bclient: [[2]], watcher: [[2]] },
};

/**
 * test_unsubscribe: bclient subscribes to TopicA, TopicA/B and Topic/C, then unsubscribes from
 * TopicA; of aclient's three messages it receives the two it is still subscribed to.
 */
const testUnsubscribe: PahoCase = {
  name: 'test_unsubscribe',
  about: 'after UNSUBSCRIBE, messages to that filter stop; the other subscriptions stay',
  scenario: defineScenario({
    title: 'Paho test_unsubscribe',
    clients: [{ ...aclient }, { ...bclient }],
    steps: [
      { atMs: 0, do: 'connect', client: 'bclient', clean: true },
      { atMs: 200, do: 'subscribe', client: 'bclient', filter: topics[0], qos: 2 },
      { atMs: 200, do: 'subscribe', client: 'bclient', filter: topics[1], qos: 2 },
      { atMs: 200, do: 'subscribe', client: 'bclient', filter: topics[2], qos: 2 },
      { atMs: 400, do: 'unsubscribe', client: 'bclient', filter: topics[0] },
      { atMs: 400, do: 'connect', client: 'aclient', clean: true },
      { atMs: 600, do: 'publish', client: 'aclient', topic: topics[0], payload: '', qos: 1 },
      { atMs: 600, do: 'publish', client: 'aclient', topic: topics[1], payload: '', qos: 1 },
      { atMs: 600, do: 'publish', client: 'aclient', topic: topics[2], payload: '', qos: 1 },
      { atMs: 1000, do: 'disconnect', client: 'bclient' },
      { atMs: 1000, do: 'disconnect', client: 'aclient' },
    ],
    untilMs: 1200,
  }),
  receives: { aclient: [[]], bclient: [[msg(topics[1], '', 1), msg(topics[2], '', 1)]] },
  subacks: { bclient: [[2], [2], [2]] },
};

/**
 * test_subscribe_failure: a subscription the server does not allow is answered with SUBACK return
 * code 0x80 (§3.9.3). Paho runs it against a broker configured to refuse `test/nosubscribe`; here,
 * the broker option `refuseFilters`.
 */
const testSubscribeFailure: PahoCase = {
  name: 'test_subscribe_failure',
  about: 'a refused subscription gets SUBACK 0x80',
  scenario: defineScenario({
    title: 'Paho test_subscribe_failure',
    broker: { refuseFilters: [...nosubscribeTopics] },
    clients: [{ ...aclient }],
    steps: [
      { atMs: 0, do: 'connect', client: 'aclient' },
      { atMs: 200, do: 'subscribe', client: 'aclient', filter: nosubscribeTopics[0], qos: 2 },
      { atMs: 600, do: 'disconnect', client: 'aclient' },
    ],
    untilMs: 800,
  }),
  receives: { aclient: [[]] },
  subacks: { aclient: [[0x80]] },
};

/**
 * will_message_test (in client_test.py, though not named for unittest to collect): aclient has a
 * will and ends without DISCONNECT (Paho: `terminate()`, here a crash); bclient receives the will.
 */
const willMessageTest: PahoCase = {
  name: 'will_message_test',
  about: 'a client that ends without DISCONNECT has its will published',
  scenario: defineScenario({
    title: 'Paho will_message_test',
    clients: [
      {
        ...aclient,
        clean: true,
        keepAliveS: 2,
        will: { topic: topics[2], payload: 'client not disconnected', qos: 0 },
      },
      { ...bclient, clean: false },
    ],
    steps: [
      { atMs: 0, do: 'connect', client: 'aclient' },
      { atMs: 0, do: 'connect', client: 'bclient' },
      { atMs: 200, do: 'subscribe', client: 'bclient', filter: topics[2], qos: 2 },
      { atMs: 400, do: 'crash', client: 'aclient' },
      { atMs: 800, do: 'disconnect', client: 'bclient' },
    ],
    untilMs: 1000,
  }),
  receives: { aclient: [[]], bclient: [[msg(topics[2], 'client not disconnected', 0)]] },
  connacks: { aclient: [accepted()], bclient: [accepted()] },
  subacks: { bclient: [[2]] },
};

export const PAHO_CASES: readonly PahoCase[] = [
  testBasic,
  testRetainedMessages,
  testZeroLengthClientid,
  testOfflineMessageQueueing,
  testOverlappingSubscriptions,
  testKeepalive,
  testRedeliveryOnReconnect,
  testDollarTopics,
  testUnsubscribe,
  testSubscribeFailure,
  willMessageTest,
];

// ---------------------------------------------------------------- comparing outcomes

/** What a client received, as both the simulation's trace and the real-broker driver record it. */
export interface ReceivedMessage {
  topic: string;
  payload: string;
  qos: QoS;
  retain: boolean;
  dup: boolean;
}

const key = (m: { topic: string; payload: string; qos: number; retain: boolean }) =>
  `${m.topic}|${m.payload}|${m.qos}|${m.retain ? 1 : 0}`;

/** A message as the outcome compares it: without DUP unless the expectation names it. */
export function comparable(m: ReceivedMessage, withDup: boolean): ExpectedMessage {
  const out: ExpectedMessage = { topic: m.topic, payload: m.payload, qos: m.qos, retain: m.retain };
  if (withDup) out.dup = m.dup;
  return out;
}

/** Messages in a canonical order, so that lists compare regardless of arrival order. */
export function sorted<M extends { topic: string; payload: string; qos: number; retain: boolean }>(
  messages: readonly M[],
): M[] {
  return [...messages].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The alternative `received` matches (its index), or -1: same messages regardless of order, with
 * DUP compared where the alternative names it.
 */
export function matchAlternative(received: readonly ReceivedMessage[], alternatives: ExpectedMessage[][]): number {
  return alternatives.findIndex((alternative) => {
    const withDup = alternative.some((m) => m.dup !== undefined);
    const got = sorted(received.map((m) => comparable(m, withDup)));
    const want = sorted(alternative.map((m) => comparable({ ...m, dup: m.dup ?? false }, withDup)));
    return JSON.stringify(got) === JSON.stringify(want);
  });
}

/** One client's outcome: what the Paho tests look at. */
export interface ClientOutcome {
  messages: ReceivedMessage[];
  connacks: ExpectedConnack[];
  subacks: number[][];
}

/** A client's outcome as a simulation trace shows it. */
export function outcomeInTrace(trace: readonly TraceEvent[], client: string): ClientOutcome {
  const arrivals = trace.filter((e): e is ArriveEvent => e.kind === 'arrive' && e.to === client);
  return {
    messages: trace
      .filter((e): e is DeliverEvent => e.kind === 'deliver' && e.client === client)
      .map(({ topic, payload, qos, retain, dup }) => ({ topic, payload, qos, retain, dup })),
    connacks: arrivals.flatMap((e) =>
      e.packet.type === 'CONNACK' ? [{ returnCode: e.packet.reasonCode, sessionPresent: e.packet.sessionPresent }] : [],
    ),
    subacks: arrivals.flatMap((e) => (e.packet.type === 'SUBACK' ? [e.packet.reasonCodes] : [])),
  };
}
