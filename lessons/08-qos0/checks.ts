/** What lesson 08's prose claims, asserted on its runs. */
import { expect } from 'vitest';
import { type Span, decode } from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';

const topLevel = (bytes: Uint8Array): Span[] => decode(bytes, 4, { spans: true }).spans!;

export const checks: Checks = {
  fire: ({ textbook }) => {
    // fire / first-byte: a QoS 0 PUBLISH: first byte 0x30 (type 3, DUP 0, QoS 0, RETAIN 0) [MQTT-4.3.1-1];
    // no packet identifier [MQTT-2.3.1-5]: the variable header is the topic alone
    const closed = textbook.packet({ type: 'PUBLISH', from: 'sensor' });
    expect(closed.packet).toMatchObject({ qos: 0, dup: false, retain: false });
    expect(closed.packet.type === 'PUBLISH' && closed.packet.packetId).toBe(undefined);
    expect(closed.bytes[0]).toBe(0x30);
    const variableHeader = topLevel(closed.bytes).find((s) => s.field === 'variableHeader')!;
    expect(variableHeader.children!.map((s) => s.field)).toEqual(['topic']);
  },
  'no-answer': ({ textbook }) => {
    const closed = textbook.packet({ type: 'PUBLISH', from: 'sensor' });
    // no-answer: one packet on the sensor's link for the whole message
    const lose = textbook.afterStep('lose');
    expect(
      textbook.trace.filter(
        (e) => e.kind === 'send' && (e.from === 'sensor' || e.to === 'sensor') && e.atMs >= closed.atMs && e.seq < lose,
      ).length,
    ).toBe(1);
    // the broker forwards it to the app; nobody sends anything back to the sensor for it
    expect(textbook.payloads('app')[0]).toBe('closed');
    expect(textbook.trace.some((e) => e.kind === 'send' && e.to === 'sensor' && e.atMs > closed.atMs)).toBe(false);
    // the sensor keeps nothing: no flow machine is ever started for a QoS 0 message
    expect(textbook.trace.some((e) => e.kind === 'state' && e.actor.startsWith('sensor/out/'))).toBe(false);
  },
  'predict-lost': ({ textbook }) => {
    // predict-lost / gone: the textbook model loses 'open' on the way; it is never sent again, the app never gets it
    const open = textbook.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    expect(textbook.drop(open)?.reason).toBe('fault');
    expect(textbook.sends({ type: 'PUBLISH', from: 'sensor' }).length).toBe(2);
    expect(textbook.payloads('app')).toEqual(['closed']);
    // the broker never heard of it: nothing arrives at it after the lost PUBLISH
    expect(textbook.trace.some((e) => e.kind === 'arrive' && e.to === 'broker' && e.atMs > open.atMs)).toBe(false);
    // and the connection is none the worse
    expect(textbook.trace.some((e) => e.kind === 'close')).toBe(false);
  },
  qos1: ({ qos1 }) => {
    // qos1: the same run with QoS 1: 'open' is lost too, but it has packet id 2 and a flow waiting for PUBACK
    const open1 = qos1.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    expect(open1.packet).toMatchObject({ qos: 1, packetId: 2, dup: false });
    expect(qos1.drop(open1)?.reason).toBe('fault');
    expect(qos1.states('sensor/out/2')[0]).toBe('awaitingPuback');
  },
  resent: ({ textbook, qos1 }) => {
    const open1 = qos1.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    // resent / predict-qos1: one second later it is sent again, DUP = 1, and the app gets 'open' once
    const again = qos1.packet({ type: 'PUBLISH', from: 'sensor', nth: 3 });
    expect(again.packet).toMatchObject({ packetId: 2, dup: true });
    expect(again.atMs - open1.atMs).toBe(1_000);
    expect(qos1.payloads('app')).toEqual(['closed', 'open']);
    expect(qos1.states('sensor/out/2')).toEqual(['awaitingPuback', 'acknowledged']);
    // the price: a PUBACK for every message, on each of the two hops
    expect(qos1.sends({ type: 'PUBACK' }).length).toBe(4);
    expect(textbook.sends({ type: 'PUBACK' }).length).toBe(0);
  },
  tcp: ({ tcp }) => {
    // tcp: the first transmission of 'closed' is lost, TCP sends it again after 200 ms; it arrives, late
    const closedTcp = tcp.packet({ type: 'PUBLISH', from: 'sensor' });
    expect(tcp.arrivals(closedTcp)[0].retransmits).toBe(1);
    expect(tcp.drop(closedTcp)).toBeUndefined();
    expect(tcp.arrivals(closedTcp)[0].atMs - closedTcp.atMs).toBe(250);
    expect(tcp.payloads('app')[0]).toBe('closed');
  },
  reset: ({ tcp }) => {
    // reset: the connection breaks while 'open' is on its way: it is gone with the connection
    const openTcp = tcp.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    expect(tcp.drop(openTcp)?.reason).toBe('closed');
    // the sensor reconnects by itself, and has nothing to send again
    const connacks = tcp.sends({ type: 'CONNACK', to: 'sensor' });
    expect(connacks.length).toBe(2);
    const resetMs = tcp.trace[tcp.afterStep('reset')].atMs;
    expect(tcp.sends({ type: 'CONNECT', from: 'sensor' })[1].atMs - resetMs).toBe(500);
    expect(tcp.sends({ type: 'PUBLISH', from: 'sensor' }).length).toBe(2);
    expect(tcp.payloads('app')).toEqual(['closed']);
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'first-byte': ({ textbook }) => textbook.packet({ type: 'PUBLISH', from: 'sensor' }).bytes[0],
  'predict-lost': ({ textbook }) => {
    const lost = textbook.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    if (textbook.sends({ type: 'PUBLISH', from: 'sensor' }).length > 2) return 'resend';
    if (textbook.trace.some((e) => e.kind === 'send' && e.from === 'broker' && e.to === 'sensor' && e.atMs > lost.atMs))
      return 'broker-asks';
    return 'nothing';
  },
  'predict-qos1': ({ qos1 }) => {
    const n = qos1.payloads('app').filter((p) => p === 'open').length;
    return n === 0 ? 'never' : n === 1 ? 'once' : 'twice';
  },
};
