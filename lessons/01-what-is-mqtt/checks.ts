/** What lesson 01's prose claims, asserted on its run. */
import { expect } from 'vitest';
import type { SendEvent } from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';

const text = new TextDecoder();

/** A sent PUBLISH's payload as text (undefined for any other packet). */
const PUBLISH_TEXT = (send: SendEvent) =>
  send.packet.type === 'PUBLISH' ? text.decode(send.packet.payload) : undefined;

export const checks: Checks = {
  'three-clients': ({ pubsub }) => {
    // the run is over TCP: nothing is lost
    expect(pubsub.scenario.transport ?? 'tcp').toBe('tcp');
    expect(pubsub.trace.some((e) => e.kind === 'drop')).toBe(false);
    // each client sends its own CONNECT to the broker and gets a CONNACK
    for (const client of ['sensor', 'display', 'logger']) {
      expect(pubsub.sends({ type: 'CONNECT', from: client })[0].to).toBe('broker');
      expect(pubsub.sends({ type: 'CONNACK', to: client }).length).toBeGreaterThan(0);
    }
    // no packet ever goes from one client to another: every one goes to or from the broker
    const sends = pubsub.trace.filter((e) => e.kind === 'send');
    expect(sends.length).toBeGreaterThan(0);
    for (const send of sends) expect(send.from === 'broker' || send.to === 'broker').toBe(true);
  },

  subscribe: ({ pubsub }) => {
    // display and logger subscribe to home/temp; the filter is in the SUBSCRIBE's payload
    for (const client of ['display', 'logger']) {
      const subscribe = pubsub.packet({ type: 'SUBSCRIBE', from: client });
      expect(subscribe.to).toBe('broker');
      expect(subscribe.packet).toMatchObject({ subscriptions: [{ topicFilter: 'home/temp' }] });
      const payload = pubsub.field({ type: 'SUBSCRIBE', from: client }, 'payload')!;
      expect(text.decode(subscribe.bytes.subarray(payload.start, payload.end))).toContain('home/temp');
      expect(pubsub.sends({ type: 'SUBACK', to: client })).toHaveLength(1);
    }
    // the sensor subscribes to nothing
    expect(pubsub.sends({ type: 'SUBSCRIBE', from: 'sensor' })).toHaveLength(0);
  },

  'via-broker': ({ pubsub }) => {
    // one PUBLISH of 21.5 to the broker, one copy out to each subscriber, none to the sensor
    const first = pubsub.packet({ type: 'PUBLISH', from: 'sensor' });
    expect(first.to).toBe('broker');
    expect(first.packet).toMatchObject({ topic: 'home/temp', qos: 0 });
    const copies = pubsub.sends({ type: 'PUBLISH', from: 'broker' }).filter((s) => PUBLISH_TEXT(s) === '21.5');
    expect(copies.map((s) => s.to).sort()).toEqual(['display', 'logger']);
    expect(pubsub.sends({ type: 'PUBLISH', to: 'sensor' })).toHaveLength(0);
    expect(pubsub.deliveries('sensor')).toHaveLength(0);
    // the PUBLISH carries a topic and a payload, and names no receiver
    expect(PUBLISH_TEXT(first)).toBe('21.5');
    const wire = text.decode(first.bytes);
    expect(wire).not.toContain('display');
    expect(wire).not.toContain('logger');
  },

  'logger-leaves': ({ pubsub }) => {
    // a DISCONNECT, after connecting with Clean Session = 0; the broker keeps the session
    expect(pubsub.packet({ type: 'CONNECT', from: 'logger' }).packet).toMatchObject({ clean: false });
    expect(pubsub.packet({ type: 'DISCONNECT', from: 'logger' }).atMs).toBe(800);
    expect(pubsub.notes('session-kept').map((n) => n.params?.client)).toEqual(['logger']);
  },

  'no-waiting': ({ pubsub }) => {
    // the QoS 1 PUBLISH at 1000 ms is answered by the broker's PUBACK at 1100 ms
    const second = pubsub.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    expect(second.packet).toMatchObject({ qos: 1, topic: 'home/temp' });
    expect(second.sentAtMs).toBe(1_000);
    const puback = pubsub.packet({ type: 'PUBACK', to: 'sensor' });
    expect(puback.from).toBe('broker');
    const pubackAt = pubsub.arrivals(puback)[0].atMs;
    expect(pubackAt).toBe(1_100);
    // ... while the logger is offline: it connects again only at 1500 ms
    const back = pubsub.sends({ type: 'CONNECT', from: 'logger' })[1];
    expect(back.atMs).toBe(1_500);
    expect(pubackAt).toBeLessThan(back.atMs);
    // ... and before the display's own PUBACK reaches the broker, at 1150 ms
    const displayAck = pubsub.packet({ type: 'PUBACK', from: 'display' });
    expect(pubsub.arrivals(displayAck)[0].atMs).toBe(1_150);
    // the broker keeps the logger's copy in its session
    expect(pubsub.notes('queued').map((n) => [n.params?.client, n.params?.online])).toEqual([['logger', false]]);
  },

  'logger-returns': ({ pubsub }) => {
    // same client id, Clean Session = 0, session present = 1, then 22.0 [MQTT-3.2.2-2]
    const back = pubsub.sends({ type: 'CONNECT', from: 'logger' })[1];
    expect(back.packet).toMatchObject({ clientId: 'logger', clean: false });
    const connack = pubsub.sends({ type: 'CONNACK', to: 'logger' })[1];
    expect(connack.packet).toMatchObject({ sessionPresent: true });
    const missed = pubsub.packet({ type: 'PUBLISH', from: 'broker', to: 'logger', nth: 2 });
    expect(missed.seq).toBeGreaterThan(connack.seq);
    expect(PUBLISH_TEXT(missed)).toBe('22.0');
    // both subscribers got both readings; the logger got 22.0 only after coming back
    expect(pubsub.payloads('display')).toEqual(['21.5', '22.0']);
    expect(pubsub.payloads('logger')).toEqual(['21.5', '22.0']);
    expect(pubsub.deliveries('logger')[1].atMs).toBeGreaterThan(back.atMs);
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'predict-route': ({ pubsub }) => {
    const sent = pubsub.sends({ type: 'PUBLISH', from: 'sensor' })[0];
    if (sent.to !== 'broker') return 'direct';
    const receivers = pubsub
      .sends({ type: 'PUBLISH', from: 'broker' })
      .filter((s) => s.atMs < 800)
      .map((s) => s.to)
      .sort();
    const connected = ['display', 'logger', 'sensor'];
    return receivers.join() === connected.join() ? 'everyone' : 'via-broker';
  },
  'predict-puback': ({ pubsub }) => {
    const puback = pubsub.sends({ type: 'PUBACK', to: 'sensor' })[0];
    if (!puback) return 'refused';
    const back = pubsub.sends({ type: 'CONNECT', from: 'logger' })[1];
    return pubsub.arrivals(puback)[0].atMs < back.atMs ? 'broker-acks' : 'waits';
  },
};
