/**
 * A scenario is plain, serializable data: who is there, what the network is like, and what
 * happens when. This schema is the single source of its TypeScript types and of its validation:
 * `validateScenario` checks a scenario from anywhere (a lesson, a shared link, a file) and names
 * the path of each problem and what was expected there.
 */
import * as v from 'valibot';
import { PACKET_TYPES } from '../codec/packet.ts';

const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));
const ratio = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const qos = v.picklist([0, 1, 2]);
/** Client ids in a scenario name clients in the diagram: short, printable. */
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[^\s/]+$/, 'a name without spaces or "/"'));
const text = v.pipe(v.string(), v.maxLength(65_535));

export const LinkOptionsSchema = v.strictObject({
  /** One-way latency. */
  delayMs: v.optional(nonNegative),
  /** Up to this much extra latency, uniformly drawn per packet. */
  jitterMs: v.optional(nonNegative),
  /** Probability that a packet is lost (tcp: a segment, retransmitted after an RTO). */
  lossRatio: v.optional(ratio),
  /** Probability that a packet arrives twice (lossy only: TCP discards duplicates). */
  duplicateRatio: v.optional(ratio),
  /** Probability that a packet is held back behind later ones (lossy only: TCP restores order). */
  reorderRatio: v.optional(ratio),
});

export const WillSchema = v.strictObject({
  topic: text,
  payload: text,
  qos,
  retain: v.optional(v.boolean()),
  /** 5.0 Will Delay Interval: the broker waits this long after losing the connection (ignored under 3.1.1). */
  delayS: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4_294_967_295))),
});

/** 5.0 properties a PUBLISH can carry to subscribers (§3.3.2.3); ignored under 3.1.1. */
export const MessagePropertiesSchema = v.strictObject({
  payloadFormatIndicator: v.optional(v.picklist([0, 1])),
  messageExpiryIntervalS: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4_294_967_295))),
  contentType: v.optional(text),
  responseTopic: v.optional(text),
  correlationData: v.optional(text),
  userProperties: v.optional(v.pipe(v.array(v.tuple([text, text])), v.maxLength(100))),
});

export const BrokerOptionsSchema = v.strictObject({
  /** Outbound QoS 1 and 2 messages in flight per session before more are queued (mosquitto: 20). */
  maxInflight: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65_535))),
  /** Topic filters the broker refuses (SUBACK failure), to show a subscription failing. */
  refuseFilters: v.optional(v.array(text)),
  /** How an inbound QoS 2 message avoids duplicates: deliver on PUBREL (mosquitto) or on PUBLISH. */
  qos2Delivery: v.optional(v.picklist(['onPubrel', 'onPublish'])),
  /** Resend unacknowledged PUBLISH / PUBREL after this long (the textbook model; lossy default 1000). */
  retryMs: v.optional(nonNegative),
  /** Queue QoS 0 messages for offline persistent sessions too (mosquitto's queue_qos0_messages). */
  queueQos0: v.optional(v.boolean()),
  /**
   * Accepted user names and their passwords. When set, a CONNECT without a user name is refused
   * (3.1.1 0x05 / 5.0 0x87) and one with wrong credentials too (0x04 / 0x86).
   */
  users: v.optional(v.record(text, text)),
});

export const ClientSchema = v.strictObject({
  /** The name in the scenario and the diagram. */
  id: name,
  /** The MQTT client identifier; defaults to `id`. May be '' to ask the broker for one. */
  clientId: v.optional(v.pipe(v.string(), v.maxLength(65_535))),
  keepAliveS: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65_535))),
  clean: v.optional(v.boolean()),
  will: v.optional(WillSchema),
  username: v.optional(text),
  password: v.optional(text),
  /** 5.0: how long the broker keeps the session after the connection closes. */
  sessionExpiryS: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4_294_967_295))),
  link: v.optional(LinkOptionsSchema),
  up: v.optional(LinkOptionsSchema),
  down: v.optional(LinkOptionsSchema),
  /** Resend unacknowledged PUBLISH / PUBREL after this long: the textbook picture, not the spec. */
  retryMs: v.optional(nonNegative),
  /**
   * How long the client waits for CONNACK after CONNECT, and for PINGRESP after PINGREQ, before it
   * gives the connection up (the spec asks for "a reasonable amount of time"; default 5 s).
   */
  responseTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3_600_000))),
  /** Reconnect this long after losing the connection (doubling, up to 30 s); off when absent. */
  reconnectMs: v.optional(nonNegative),
  /**
   * How an inbound QoS 2 message avoids duplicates: on PUBREL (the default, as MQTT.js 5.14,
   * Paho Python 2.1 and libmosquitto 2.0 do) or on PUBLISH (the spec's other method, §4.3.3).
   */
  qos2Delivery: v.optional(v.picklist(['onPubrel', 'onPublish'])),
});

const stepBase = { atMs: nonNegative, id: v.optional(v.string()) };
const clientRef = { client: name };

export const StepSchema = v.variant('do', [
  v.strictObject({
    ...stepBase,
    do: v.literal('connect'),
    ...clientRef,
    clean: v.optional(v.boolean()),
    keepAliveS: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65_535))),
    will: v.optional(v.nullable(WillSchema)),
  }),
  v.strictObject({
    ...stepBase,
    do: v.literal('disconnect'),
    ...clientRef,
    /** 5.0: the DISCONNECT's reason code (0x04: publish my will anyway). */
    reasonCode: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255))),
    /** 5.0: change the session expiry on the way out. */
    sessionExpiryS: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4_294_967_295))),
  }),
  v.strictObject({ ...stepBase, do: v.literal('crash'), ...clientRef }),
  v.strictObject({ ...stepBase, do: v.literal('cut'), ...clientRef }),
  v.strictObject({ ...stepBase, do: v.literal('restore'), ...clientRef }),
  v.strictObject({ ...stepBase, do: v.literal('reset'), ...clientRef }),
  v.strictObject({
    ...stepBase,
    do: v.literal('publish'),
    ...clientRef,
    topic: text,
    payload: text,
    qos,
    retain: v.optional(v.boolean()),
    properties: v.optional(MessagePropertiesSchema),
    /**
     * Repeat: `times` publishes, `every` ms apart, the payload numbered (`{n}`, or " n" appended).
     * The engine expands it (repeat.ts): one step here, one `step` event per publish in the trace.
     */
    every: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600_000))),
    times: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))),
  }),
  v.strictObject({
    ...stepBase,
    do: v.literal('subscribe'),
    ...clientRef,
    filter: text,
    qos,
    /** 5.0 subscription options (§3.8.3.1). */
    noLocal: v.optional(v.boolean()),
    retainAsPublished: v.optional(v.boolean()),
    retainHandling: v.optional(v.picklist([0, 1, 2])),
  }),
  v.strictObject({ ...stepBase, do: v.literal('unsubscribe'), ...clientRef, filter: text }),
  v.strictObject({
    ...stepBase,
    do: v.literal('set-link'),
    ...clientRef,
    direction: v.optional(v.picklist(['up', 'down'])),
    ...LinkOptionsSchema.entries,
  }),
  /**
   * A scripted fault on the next matching packet. `corrupt` models a buggy or hostile sender: the
   * packet's bytes are altered as they leave it (byte `byte` XOR `xor`), and the receiver decodes
   * what arrives. It is not line noise — TCP's checksum would catch that and resend the segment.
   */
  v.strictObject({
    ...stepBase,
    do: v.literal('fault'),
    fault: v.picklist(['drop', 'duplicate', 'delay', 'corrupt']),
    /** A client id, or 'broker'. */
    from: v.string(),
    /** With from 'broker': only packets to this client. */
    to: v.optional(v.string()),
    packet: v.picklist(PACKET_TYPES),
    /** The nth matching packet from now on (1 = the next one). */
    nth: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    delayMs: v.optional(nonNegative),
    /** corrupt: the offset in the packet's encoded bytes to alter (default 0, the first byte). */
    byte: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    /** corrupt: the bits to flip in that byte (default 0x01). */
    xor: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(255))),
  }),
]);

export const ScenarioSchema = v.strictObject({
  /** A title for lists; lessons and presets set it. */
  title: v.optional(v.string()),
  version: v.optional(v.picklist([4, 5])),
  transport: v.optional(v.picklist(['tcp', 'lossy'])),
  /** The seed of every random draw: a 32-bit unsigned integer, as the lab's Seed box and link take it. */
  seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4_294_967_295))),
  /** Run until this virtual time (ms); default: until nothing is left to happen. */
  untilMs: v.optional(nonNegative),
  broker: v.optional(BrokerOptionsSchema),
  network: v.optional(v.strictObject({ link: v.optional(LinkOptionsSchema) })),
  clients: v.pipe(v.array(ClientSchema), v.maxLength(1000)),
  steps: v.pipe(v.array(StepSchema), v.maxLength(1_000_000)),
});

export type LinkOptions = v.InferOutput<typeof LinkOptionsSchema>;
export type WillSpec = v.InferOutput<typeof WillSchema>;
export type MessageProperties = v.InferOutput<typeof MessagePropertiesSchema>;
export type BrokerOptions = v.InferOutput<typeof BrokerOptionsSchema>;
export type ClientSpec = v.InferOutput<typeof ClientSchema>;
export type Step = v.InferOutput<typeof StepSchema>;
export type StepKind = Step['do'];
export type Scenario = v.InferOutput<typeof ScenarioSchema>;
/** A step without its time: what a user does now (`Simulation.act`). */
export type Action = DistributiveOmit<Step, 'atMs'> & { atMs?: number };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
