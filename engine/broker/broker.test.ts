/**
 * The broker's behaviour, one rule at a time, each as a small scenario run through the whole
 * simulation (clients, network and broker), asserted on the trace.
 */
import { describe, expect, test } from 'vitest';
import type { Scenario, Step } from '../scenario/schema.ts';
import { simulate } from '../run/simulation.ts';
import { type NoteCode, notesOf } from '../sim/notes.ts';
import type { DeliverEvent, SendEvent, TraceEvent } from '../sim/trace.ts';

const deliveries = (trace: readonly TraceEvent[], client: string) =>
  trace
    .filter((e): e is DeliverEvent => e.kind === 'deliver' && e.client === client)
    .map((e) => ({ topic: e.topic, payload: e.payload, qos: e.qos, retain: e.retain }));
const sent = (trace: readonly TraceEvent[], from: string, type: string) =>
  trace.filter((e): e is SendEvent => e.kind === 'send' && e.from === from && e.packet.type === type);
const notes = <C extends NoteCode>(trace: readonly TraceEvent[], code: C) => notesOf(trace, code);

const connectBoth: Step[] = [
  { atMs: 0, do: 'connect', client: 'sensor' },
  { atMs: 0, do: 'connect', client: 'app' },
];

describe('keepalive and the will', () => {
  const willScenario = (after: Step[]): Scenario => ({
    clients: [
      { id: 'sensor', keepAliveS: 10, will: { topic: 'status/sensor', payload: 'offline', qos: 1 } },
      { id: 'app' },
    ],
    steps: [...connectBoth, { atMs: 200, do: 'subscribe', client: 'app', filter: 'status/#', qos: 1 }, ...after],
    untilMs: 40_000,
  });

  test('a silent link: the broker closes 1.5 × keepalive after the last packet and publishes the will [MQTT-3.1.2-24]', () => {
    const { trace } = simulate(willScenario([{ atMs: 1000, do: 'cut', client: 'sensor' }]));
    const lastFromSensor = trace.filter((e) => e.kind === 'arrive' && e.from === 'sensor').at(-1)!;
    const close = trace.find((e) => e.kind === 'close' && e.side === 'broker' && e.client === 'sensor')!;
    expect(close.kind === 'close' && close.reason).toBe('keepalive');
    expect(close.atMs - lastFromSensor.atMs).toBe(15_000);
    expect(deliveries(trace, 'app')).toEqual([{ topic: 'status/sensor', payload: 'offline', qos: 1, retain: false }]);
  });

  test('while the client keeps sending, the connection stays up: PINGREQ after keepalive of silence', () => {
    const { trace } = simulate(willScenario([]));
    const pings = sent(trace, 'sensor', 'PINGREQ').map((e) => e.atMs);
    // CONNECT at 0, then a PINGREQ every 10 s of sending nothing else [MQTT-3.1.2-23]
    expect(pings).toEqual([10_000, 20_000, 30_000]);
    expect(sent(trace, 'broker', 'PINGRESP')).toHaveLength(3);
    expect(trace.some((e) => e.kind === 'close')).toBe(false);
  });

  test('a graceful DISCONNECT discards the will [MQTT-3.1.2-10]', () => {
    const { trace } = simulate(willScenario([{ atMs: 1000, do: 'disconnect', client: 'sensor' }]));
    expect(deliveries(trace, 'app')).toEqual([]);
    expect(notes(trace, 'will-discarded')).toHaveLength(1);
  });

  test('a crash (the socket closes without DISCONNECT) publishes the will at once [MQTT-3.1.2-8]', () => {
    const { trace } = simulate(willScenario([{ atMs: 1000, do: 'crash', client: 'sensor' }]));
    const will = trace.find((e) => e.kind === 'deliver')!;
    expect(will.atMs).toBe(1100); // FIN reaches the broker at 1050, the will reaches app 50 ms later
    expect(deliveries(trace, 'app')).toEqual([{ topic: 'status/sensor', payload: 'offline', qos: 1, retain: false }]);
  });
});

describe('retained messages', () => {
  const scenario = (more: Step[]): Scenario => ({
    clients: [{ id: 'sensor' }, { id: 'app' }],
    steps: [
      ...connectBoth,
      { atMs: 100, do: 'publish', client: 'sensor', topic: 'home/temp', payload: '21', qos: 1, retain: true },
      ...more,
    ],
  });

  test('a new subscription receives the retained message with RETAIN = 1 [MQTT-3.3.1-6/8]', () => {
    const { trace } = simulate(scenario([{ atMs: 500, do: 'subscribe', client: 'app', filter: 'home/+', qos: 1 }]));
    expect(deliveries(trace, 'app')).toEqual([{ topic: 'home/temp', payload: '21', qos: 1, retain: true }]);
  });

  test('existing subscribers get RETAIN = 0 [MQTT-3.3.1-9]; an empty retained payload clears it [MQTT-3.3.1-10]', () => {
    const { trace } = simulate(
      scenario([
        { atMs: 500, do: 'subscribe', client: 'app', filter: 'home/#', qos: 0 },
        { atMs: 700, do: 'publish', client: 'sensor', topic: 'home/temp', payload: '22', qos: 0, retain: true },
        { atMs: 900, do: 'publish', client: 'sensor', topic: 'home/temp', payload: '', qos: 0, retain: true },
        { atMs: 1100, do: 'unsubscribe', client: 'app', filter: 'home/#' },
        { atMs: 1300, do: 'subscribe', client: 'app', filter: 'home/#', qos: 0 },
      ]),
    );
    expect(deliveries(trace, 'app')).toEqual([
      { topic: 'home/temp', payload: '21', qos: 0, retain: true }, // retained, downgraded to the subscription's QoS 0
      { topic: 'home/temp', payload: '22', qos: 0, retain: false },
      { topic: 'home/temp', payload: '', qos: 0, retain: false }, // the clearing message is still forwarded
    ]);
    expect(notes(trace, 'retained-cleared')).toHaveLength(1);
  });
});

describe('subscriptions', () => {
  test('overlapping subscriptions: one copy, at the highest QoS granted [MQTT-3.3.5-1]', () => {
    const { trace } = simulate({
      clients: [{ id: 'sensor' }, { id: 'app' }],
      steps: [
        ...connectBoth,
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'a/#', qos: 1 },
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'a/+', qos: 2 },
        { atMs: 500, do: 'publish', client: 'sensor', topic: 'a/b', payload: 'x', qos: 2 },
      ],
    });
    expect(deliveries(trace, 'app')).toEqual([{ topic: 'a/b', payload: 'x', qos: 2, retain: false }]);
  });

  test('the QoS is downgraded to the granted QoS [MQTT-3.8.4-6]', () => {
    const { trace } = simulate({
      clients: [{ id: 'sensor' }, { id: 'app' }],
      steps: [
        ...connectBoth,
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'a', qos: 1 },
        { atMs: 500, do: 'publish', client: 'sensor', topic: 'a', payload: 'x', qos: 2 },
      ],
    });
    expect(deliveries(trace, 'app')).toEqual([{ topic: 'a', payload: 'x', qos: 1, retain: false }]);
  });

  test('$ topics are not matched by filters starting with a wildcard [MQTT-4.7.2-1]', () => {
    const { trace } = simulate({
      clients: [{ id: 'sensor' }, { id: 'app' }],
      steps: [
        ...connectBoth,
        { atMs: 200, do: 'subscribe', client: 'app', filter: '#', qos: 0 },
        { atMs: 200, do: 'subscribe', client: 'app', filter: '$SYS/#', qos: 0 },
        { atMs: 500, do: 'publish', client: 'sensor', topic: '$SYS/x', payload: 'dollar', qos: 0 },
        { atMs: 500, do: 'publish', client: 'sensor', topic: 'plain', payload: 'plain', qos: 0 },
      ],
    });
    expect(deliveries(trace, 'app').map((d) => d.payload)).toEqual(['dollar', 'plain']);
    // only the explicit $SYS/# subscription matched: one copy of the $ message
    expect(deliveries(trace, 'app')).toHaveLength(2);
  });

  test('a refused filter gets SUBACK 0x80 (broker option refuseFilters)', () => {
    const { trace } = simulate({
      broker: { refuseFilters: ['test/nosubscribe'] },
      clients: [{ id: 'app' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'test/nosubscribe', qos: 1 },
      ],
    });
    const suback = sent(trace, 'broker', 'SUBACK')[0];
    expect(suback.packet.type === 'SUBACK' && suback.packet.reasonCodes).toEqual([0x80]);
  });
});

describe('sessions', () => {
  const offline: Scenario = {
    clients: [{ id: 'sensor' }, { id: 'app', clean: false }],
    steps: [
      ...connectBoth,
      { atMs: 200, do: 'subscribe', client: 'app', filter: 'a', qos: 2 },
      { atMs: 400, do: 'disconnect', client: 'app' },
      { atMs: 600, do: 'publish', client: 'sensor', topic: 'a', payload: 'q0', qos: 0 },
      { atMs: 600, do: 'publish', client: 'sensor', topic: 'a', payload: 'q1', qos: 1 },
      { atMs: 600, do: 'publish', client: 'sensor', topic: 'a', payload: 'q2', qos: 2 },
      { atMs: 1000, do: 'connect', client: 'app' },
    ],
  };

  test('a persistent session queues QoS 1 and 2 while offline and delivers them on reconnect, session present', () => {
    const { trace } = simulate(offline);
    expect(deliveries(trace, 'app').map((d) => d.payload)).toEqual(['q1', 'q2']);
    const connacks = sent(trace, 'broker', 'CONNACK').filter((e) => e.to === 'app');
    expect(connacks.map((e) => e.packet.type === 'CONNACK' && e.packet.sessionPresent)).toEqual([false, true]);
  });

  test('clean session: nothing is kept', () => {
    const { trace } = simulate({ ...offline, clients: [{ id: 'sensor' }, { id: 'app', clean: true }] });
    expect(deliveries(trace, 'app')).toEqual([]);
  });

  test('a second connection with the same client id takes over and closes the first [MQTT-3.1.4-2]', () => {
    const { trace } = simulate({
      clients: [
        { id: 'a', clientId: 'same' },
        { id: 'b', clientId: 'same' },
      ],
      steps: [
        { atMs: 0, do: 'connect', client: 'a' },
        { atMs: 500, do: 'connect', client: 'b' },
      ],
    });
    const closes = trace.filter((e) => e.kind === 'close' && e.side === 'broker');
    expect(closes.map((e) => e.kind === 'close' && [e.client, e.reason])).toEqual([['a', 'takeover']]);
  });

  test('a zero-length client id: refused with clean = 0 (0x02), assigned with clean = 1 [MQTT-3.1.3-8]', () => {
    const { trace } = simulate({
      clients: [
        { id: 'p', clientId: '', clean: false },
        { id: 'q', clientId: '', clean: true },
      ],
      steps: [
        { atMs: 0, do: 'connect', client: 'p' },
        { atMs: 0, do: 'connect', client: 'q' },
      ],
    });
    const codes = sent(trace, 'broker', 'CONNACK').map((e) => [
      e.to,
      e.packet.type === 'CONNACK' && e.packet.reasonCode,
    ]);
    expect(codes).toEqual([
      ['p', 0x02],
      ['q', 0x00],
    ]);
  });
});

describe('MQTT 5.0', () => {
  test('PUBACK says 0x10 when nobody subscribes; a session expiry keeps the session', () => {
    const { trace } = simulate({
      version: 5,
      clients: [{ id: 'sensor' }, { id: 'app', clean: false, sessionExpiryS: 60 }],
      steps: [
        ...connectBoth,
        { atMs: 200, do: 'publish', client: 'sensor', topic: 'nobody', payload: 'x', qos: 1 },
        { atMs: 300, do: 'subscribe', client: 'app', filter: 'a', qos: 1 },
        { atMs: 500, do: 'disconnect', client: 'app' },
        { atMs: 700, do: 'publish', client: 'sensor', topic: 'a', payload: 'kept', qos: 1 },
        { atMs: 900, do: 'connect', client: 'app' },
      ],
    });
    const puback = sent(trace, 'broker', 'PUBACK')[0];
    expect(puback.packet.type === 'PUBACK' && puback.packet.reasonCode).toBe(0x10);
    expect(deliveries(trace, 'app').map((d) => d.payload)).toEqual(['kept']);
  });
});

describe('authentication and 5.0 options', () => {
  test('with users configured, CONNACK refuses a missing or wrong password (0x05 / 0x04), accepts the right one', () => {
    const { trace } = simulate({
      broker: { users: { alice: 's3cret' } },
      clients: [
        { id: 'anon' },
        { id: 'wrong', username: 'alice', password: 'guess' },
        { id: 'right', username: 'alice', password: 's3cret' },
      ],
      steps: [
        { atMs: 0, do: 'connect', client: 'anon' },
        { atMs: 0, do: 'connect', client: 'wrong' },
        { atMs: 0, do: 'connect', client: 'right' },
      ],
    });
    const codes = sent(trace, 'broker', 'CONNACK').map((e) => [
      e.to,
      e.packet.type === 'CONNACK' && e.packet.reasonCode,
    ]);
    expect(codes).toEqual([
      ['anon', 0x05],
      ['wrong', 0x04],
      ['right', 0x00],
    ]);
  });

  test('5.0: message properties reach the subscriber; No Local keeps my own messages from me; DISCONNECT 0x04 publishes the will', () => {
    const { trace } = simulate({
      version: 5,
      clients: [{ id: 'sensor', will: { topic: 'status', payload: 'gone', qos: 0 } }, { id: 'app' }],
      steps: [
        ...connectBoth,
        { atMs: 200, do: 'subscribe', client: 'app', filter: '#', qos: 1 },
        { atMs: 200, do: 'subscribe', client: 'sensor', filter: 't', qos: 1, noLocal: true },
        {
          atMs: 500,
          do: 'publish',
          client: 'sensor',
          topic: 't',
          payload: '21',
          qos: 1,
          properties: { contentType: 'text/plain', userProperties: [['unit', 'C']] },
        },
        { atMs: 800, do: 'disconnect', client: 'sensor', reasonCode: 0x04 },
      ],
    });
    const toApp = sent(trace, 'broker', 'PUBLISH').filter((e) => e.to === 'app');
    expect(toApp[0].packet.type === 'PUBLISH' && toApp[0].packet.properties).toEqual({
      contentType: 'text/plain',
      userProperties: [['unit', 'C']],
    });
    expect(deliveries(trace, 'sensor')).toEqual([]); // No Local
    expect(deliveries(trace, 'app').map((d) => d.payload)).toEqual(['21', 'gone']);
  });

  test.each([
    [undefined, 'discarded'],
    [0x00, 'discarded'],
    [0x04, 'disconnect-with-will'],
    [0x80, 'disconnect-reason'],
  ] as const)(
    '5.0: DISCONNECT %s — only 0x00 deletes the will [MQTT-3.14.4-3] [MQTT-3.1.2-8]',
    (reasonCode, outcome) => {
      const { trace } = simulate({
        version: 5,
        clients: [{ id: 'sensor', will: { topic: 'status', payload: 'gone', qos: 0 } }, { id: 'app' }],
        steps: [
          ...connectBoth,
          { atMs: 200, do: 'subscribe', client: 'app', filter: 'status', qos: 0 },
          { atMs: 500, do: 'disconnect', client: 'sensor', ...(reasonCode === undefined ? {} : { reasonCode }) },
        ],
      });
      const published = notes(trace, 'will-published').map((n) => n.kind === 'note' && n.params?.reason);
      expect(deliveries(trace, 'app').map((d) => d.payload)).toEqual(outcome === 'discarded' ? [] : ['gone']);
      expect(published).toEqual(outcome === 'discarded' ? [] : [outcome]);
      expect(notes(trace, 'will-discarded')).toHaveLength(outcome === 'discarded' ? 1 : 0);
    },
  );

  describe('5.0 message expiry', () => {
    const publish = (atMs: number, topic: string, expiryS?: number, retain = false): Step => ({
      atMs,
      do: 'publish',
      client: 'sensor',
      topic,
      payload: topic,
      qos: 1,
      retain,
      ...(expiryS !== undefined ? { properties: { messageExpiryIntervalS: expiryS } } : {}),
    });
    // The app subscribes, leaves with a session kept 10 min, and is back at 4 s; the messages it
    // missed reached the broker at 1.05 s, so they waited about 3 s.
    const scenario: Scenario = {
      version: 5,
      clients: [{ id: 'sensor' }, { id: 'app', clean: false, sessionExpiryS: 600 }, { id: 'late' }],
      steps: [
        ...connectBoth,
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 1 },
        { atMs: 500, do: 'disconnect', client: 'app' },
        publish(1_000, 'home/short', 2),
        publish(1_000, 'home/long', 60),
        publish(1_000, 'home/forever'),
        publish(1_000, 'home/retained', 5, true),
        { atMs: 4_000, do: 'connect', client: 'app', clean: false },
        { atMs: 7_000, do: 'connect', client: 'late' },
        { atMs: 7_200, do: 'subscribe', client: 'late', filter: 'home/#', qos: 1 },
      ],
      untilMs: 9_000,
    };
    const { trace } = simulate(scenario);
    const toApp = sent(trace, 'broker', 'PUBLISH').filter((e) => e.to === 'app');
    const expiryOf = (e: SendEvent) => (e.packet.type === 'PUBLISH' ? e.packet.properties?.messageExpiryInterval : -1);

    test('a queued message whose interval runs out is deleted then, never sent [MQTT-3.3.2-5]', () => {
      expect(toApp.map((e) => (e.packet.type === 'PUBLISH' ? e.packet.topic : ''))).toEqual([
        'home/long',
        'home/forever',
        'home/retained',
      ]);
      const expired = notes(trace, 'message-expired');
      expect(expired.map((n) => n.kind === 'note' && [n.params?.client, n.params?.topic])).toEqual([
        ['app', 'home/short'],
      ]);
      expect(expired[0].atMs).toBe(3_050); // 2 s after the broker took it, while the app was still away
    });

    test('a message sent later carries what is left of its interval [MQTT-3.3.2-6]', () => {
      // 60 s, having waited 3 s; no interval, none; 5 s, having waited 3 s
      expect(toApp.map(expiryOf)).toEqual([57, undefined, 2]);
    });

    test('a retained message leaves the store when its interval has passed: a later subscriber gets nothing', () => {
      const gone = notes(trace, 'retained-expired');
      expect(gone.map((n) => n.kind === 'note' && n.params?.topic)).toEqual(['home/retained']);
      expect(gone[0].atMs).toBe(6_050); // 1.05 s + 5 s
      expect(deliveries(trace, 'late')).toEqual([]);
    });

    test('a message sent at once keeps its interval whole', () => {
      const live = simulate({
        ...scenario,
        steps: [
          ...connectBoth,
          { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 1 },
          publish(500, 'home/x', 9),
        ],
      }).trace;
      expect(sent(live, 'broker', 'PUBLISH').map(expiryOf)).toEqual([9]);
    });
  });

  describe('5.0 will delay interval', () => {
    /** The sensor (session kept `expiryS`, will delayed `delayS`) crashes at 1 s; the app listens. */
    const run = (delayS: number, expiryS: number, more: Step[] = []) =>
      simulate({
        version: 5,
        clients: [
          {
            id: 'sensor',
            clean: false,
            sessionExpiryS: expiryS,
            will: { topic: 'status', payload: 'gone', qos: 1, delayS },
          },
          { id: 'app' },
        ],
        steps: [
          ...connectBoth,
          { atMs: 200, do: 'subscribe', client: 'app', filter: 'status', qos: 1 },
          { atMs: 1_000, do: 'crash', client: 'sensor' },
          ...more,
        ],
        untilMs: 20_000,
      }).trace;
    const willAt = (trace: readonly TraceEvent[]) =>
      notes(trace, 'will-published').map((n) => [n.atMs, n.kind === 'note' && n.params?.reason]);

    test('the CONNECT carries it as property 0x18 in the will properties', () => {
      const connect = sent(run(5, 60), 'sensor', 'CONNECT')[0];
      expect(connect.packet.type === 'CONNECT' && connect.packet.will?.properties).toEqual({ willDelayInterval: 5 });
    });

    test('the will waits out its delay after the connection is lost', () => {
      // the broker learns of the crash at 1.05 s; 5 s later the will goes out
      const trace = run(5, 60);
      expect(notes(trace, 'will-delayed').map((n) => n.atMs)).toEqual([1_050]);
      expect(willAt(trace)).toEqual([[6_050, 'will-delay']]);
      expect(deliveries(trace, 'app').map((d) => d.payload)).toEqual(['gone']);
    });

    test('back before the delay runs out: the will is never sent [MQTT-3.1.3-9], with Clean Start 0 or 1', () => {
      for (const clean of [false, true]) {
        const trace = run(5, 60, [{ atMs: 3_000, do: 'connect', client: 'sensor', clean }]);
        expect(
          notes(trace, 'will-cancelled').map((n) => n.atMs),
          `clean ${clean}`,
        ).toEqual([3_050]);
        expect(willAt(trace), `clean ${clean}`).toEqual([]);
        expect(deliveries(trace, 'app'), `clean ${clean}`).toEqual([]);
      }
    });

    test('a session that ends first takes the will out with it, early', () => {
      // the session expires 2 s after the connection is lost, before the 10 s delay
      const trace = run(10, 2);
      expect(willAt(trace)).toEqual([[3_050, 'session-ended']]);
      expect(notes(trace, 'session-ended').map((n) => n.atMs)).toEqual([3_050]);
      expect(deliveries(trace, 'app').map((d) => d.payload)).toEqual(['gone']);
    });

    test('without a session kept (expiry 0) the session ends with the connection: the will goes out at once', () => {
      expect(willAt(run(5, 0))).toEqual([[1_050, 'crash']]);
    });
  });
});
