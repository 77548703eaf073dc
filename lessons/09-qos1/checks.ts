/** What lesson 09's prose claims, asserted on its runs. */
import { expect } from 'vitest';
import type { Checks, QuizChecks } from '../lesson.ts';

export const checks: Checks = {
  promise: ({ textbook }) => {
    // promise: the PUBLISH carries packet identifier 1; its first byte is 0x32 (type 3, QoS 1)
    const first = textbook.packet({ type: 'PUBLISH', from: 'sensor' });
    expect(first.packet).toMatchObject({ qos: 1, dup: false, packetId: 1 });
    expect(first.bytes[0]).toBe(0x32);
  },
  lost: ({ textbook }) => {
    // lost: the broker's PUBACK never reaches the sensor
    const puback = textbook.packet({ type: 'PUBACK', from: 'broker', to: 'sensor' });
    expect(textbook.drop(puback)?.reason).toBe('fault');
  },
  'dup-flag': ({ textbook }) => {
    const first = textbook.packet({ type: 'PUBLISH', from: 'sensor' });
    // dup-flag: after its timeout the sensor sends the PUBLISH again: same packet id, DUP = 1, first byte 0x3A
    const again = textbook.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    expect(again.packet).toMatchObject({ dup: true, packetId: 1 });
    expect(again.bytes[0]).toBe(0x3a);
    expect(again.atMs - first.atMs).toBe(1_000);
  },
  'predict-app': ({ textbook }) => {
    // predict-app: the broker already forwarded the first copy, so the app gets the message twice
    expect(textbook.payloads('app')).toEqual(['open', 'open']);
  },
  tcp: ({ tcp }) => {
    // tcp: nothing is lost on its own; the crash cuts the PUBACK off, the flow waits in awaitingPuback
    expect(tcp.trace.some((e) => e.kind === 'drop' && e.reason === 'loss')).toBe(false);
    expect(tcp.states('sensor/out/1')).toEqual(['awaitingPuback', 'acknowledged']);
  },
  reconnect: ({ tcp }) => {
    // reconnect: session present, the PUBLISH is resent with DUP = 1 and its original id [MQTT-4.4.0-1]
    const connack = tcp.sends({ type: 'CONNACK', to: 'sensor' }).at(-1)!;
    expect(connack.packet).toMatchObject({ sessionPresent: true });
    expect(tcp.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 }).packet).toMatchObject({ dup: true, packetId: 1 });
    expect(tcp.payloads('app')).toEqual(['open', 'open']);
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'first-byte': ({ textbook }) => textbook.packet({ type: 'PUBLISH', from: 'sensor' }).bytes[0],
  'predict-sender': ({ textbook }) => {
    const again = textbook.sends({ type: 'PUBLISH', from: 'sensor' })[1];
    if (!again) return 'wait';
    return again.packet.type === 'PUBLISH' && again.packet.dup && again.packet.packetId === 1 ? 'resend-dup' : 'new-id';
  },
  'predict-app': ({ textbook }) =>
    textbook.payloads('app').length === 2 ? 'twice' : textbook.payloads('app').length === 1 ? 'once' : 'never',
};
