/** What lesson 14's prose claims, asserted on its runs. */
import { expect } from 'vitest';
import {
  type ConnectPacket,
  type SendEvent,
  type Span,
  MqttError,
  decode,
  encode,
  reasonCode,
  simulate,
} from '../../engine/index.ts';
import type { Run } from '../run.ts';
import lesson from './scenario.ts';

/** The first span (depth first) of `field` in the packet's bytes, as the inspector shows it. */
function span(send: SendEvent, field: string): Span | undefined {
  const walk = (spans: Span[]): Span | undefined => {
    for (const s of spans) {
      if (s.field === field) return s;
      const inner = s.children && walk(s.children);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(decode(send.bytes, 4, { spans: true }).spans!);
}
const bytesOf = (send: SendEvent, field: string) => {
  const s = span(send, field)!;
  return [...send.bytes.slice(s.start, s.end)];
};
const utf8 = (s: string) => [...new TextEncoder().encode(s)];
/** Decoding `bytes` fails: the error. */
function failure(run: () => unknown): MqttError {
  try {
    run();
  } catch (error) {
    if (error instanceof MqttError) return error;
    throw error;
  }
  throw new Error('expected an MqttError');
}

export function checks(runs: Record<string, Run>): void {
  const { login } = runs;
  const spec = lesson.scenarios.login.clients[0];

  // every field a step lights exists in its packet
  for (const step of lesson.steps) {
    const h = step.highlight;
    if (h?.packet && h.field) expect(span(login.packet(h.packet), h.field), `${step.id}`).toBeDefined();
  }

  // transport: tcp, MQTT 3.1.1
  expect(login.scenario.transport ?? 'tcp').toBe('tcp');
  expect(login.scenario.version ?? 4).toBe(4);

  // credentials: after the client identifier come the user name and the password, each with a two-byte length
  const connect = login.packet({ type: 'CONNECT', from: 'sensor' });
  expect(connect.packet).toMatchObject({ clientId: 'sensor', username: 'kitchen' });
  expect(span(connect, 'payload')!.children!.map((s) => s.field)).toEqual(['clientId', 'username', 'password']);
  expect(bytesOf(connect, 'username')).toEqual([0x00, 7, ...utf8('kitchen')]);

  // flags-byte / flag-bits: 0xC2 = user name flag (bit 7), password flag (bit 6), clean session (bit 1)
  const flags = bytesOf(connect, 'connectFlags')[0];
  expect(flags).toBe(0xc2);
  expect(flags & 0x80).toBe(0x80);
  expect(flags & 0x40).toBe(0x40);
  expect(flags & 0x3c).toBe(0); // no will
  expect(flags & 0x02).toBe(0x02);
  // a flag set announces its field [MQTT-3.1.2-19] [MQTT-3.1.2-21]: a CONNECT that sets the password
  // flag but stops after the user name is malformed
  const usernameEnd = span(connect, 'username')!.end;
  const truncated = connect.bytes.slice(0, usernameEnd);
  truncated[1] = usernameEnd - 2;
  const missing = failure(() => decode(truncated, 4));
  expect(missing).toMatchObject({ kind: 'malformed', rule: 'MQTT-3.1.2-21' });
  // 3.1.1: a password without a user name is not allowed [MQTT-3.1.2-22]; 5.0 allows it (flags 0x42)
  const passwordOnly: ConnectPacket = {
    type: 'CONNECT',
    protocolName: 'MQTT',
    protocolVersion: 4,
    clean: true,
    keepAlive: 5,
    clientId: 'sensor',
    password: new TextEncoder().encode('secret42'),
  };
  expect(failure(() => encode(passwordOnly, 4)).rule).toBe('MQTT-3.1.2-22');
  expect(encode({ ...passwordOnly, protocolVersion: 5 }, 5)[9]).toBe(0x42);

  // predict-read / password-bytes: the password field is 00 08 then the bytes of "secret42", as is:
  // no hashing, no encryption; the same bytes are in the packet on the wire
  const password = bytesOf(connect, 'password');
  expect(password).toEqual([0x00, 0x08, 0x73, 0x65, 0x63, 0x72, 0x65, 0x74, 0x34, 0x32]);
  expect(password.slice(2)).toEqual(utf8(spec.password!));
  expect(spec.password).toBe('secret42');
  expect(Buffer.from(connect.bytes).includes(Buffer.from('secret42'))).toBe(true);

  // accepted: CONNACK 0x00 (accepted), SUBACK for kitchen/# grants QoS 1
  const connack = login.packet({ type: 'CONNACK', to: 'sensor' });
  expect([...connack.bytes]).toEqual([0x20, 0x02, 0x00, 0x00]);
  expect(login.packet({ type: 'SUBACK', to: 'sensor' }).packet).toMatchObject({ reasonCodes: [0x01] });
  // this lab's broker checks no credentials: a wrong password is accepted just the same
  const wrong = simulate({ ...lesson.scenarios.login, clients: [{ ...spec, password: 'wrong' }] });
  const wrongConnack = wrong.trace.find((e) => e.kind === 'send' && e.packet.type === 'CONNACK');
  expect(wrongConnack?.kind === 'send' && wrongConnack.packet).toMatchObject({ reasonCode: 0 });
  // a real broker refuses with 3.1.1 return code 0x04 or 0x05 (5.0: 0x86, 0x87)
  expect(reasonCode('CONNACK', 0x04, 4)?.name).toBe('Connection Refused, bad user name or password');
  expect(reasonCode('CONNACK', 0x05, 4)?.name).toBe('Connection Refused, not authorized');
  expect(reasonCode('CONNACK', 0x86, 5)?.name).toBe('Bad User Name or Password');
  expect(reasonCode('CONNACK', 0x87, 5)?.name).toBe('Not authorized');

  // tls: the inspector shows the MQTT bytes as the endpoints see them: what the codec makes of the packet
  expect(encode(connect.packet, 4)).toEqual(connect.bytes);

  // predict-acl / authorisation: the SUBACK for admin/# says 0x80 (Failure); the connection stays open
  const refused = login.packet({ type: 'SUBACK', to: 'sensor', nth: 2 });
  expect(login.packet({ type: 'SUBSCRIBE', from: 'sensor', nth: 2 }).packet).toMatchObject({
    subscriptions: [{ topicFilter: 'admin/#', qos: 1 }],
  });
  expect(refused.packet).toMatchObject({ reasonCodes: [0x80] });
  expect(bytesOf(refused, 'reasonCodes.0')).toEqual([0x80]);
  expect(reasonCode('SUBACK', 0x80, 4)?.name).toBe('Failure');
  expect(login.trace.some((e) => e.kind === 'close')).toBe(false);
  const decisions = login.trace.flatMap((e) =>
    e.kind === 'note' && e.party === 'broker' && e.code.startsWith('subscri') ? [[e.code, e.params?.filter]] : [],
  );
  expect(decisions).toEqual([
    ['subscribed', 'kitchen/#'],
    ['subscription-refused', 'admin/#'],
  ]);
  // 3.1.1's PUBACK has no code to refuse with [MQTT-3.3.5-2]; 5.0's has 0x87 Not authorized
  expect(reasonCode('PUBACK', 0x87, 4)).toBeUndefined();
  expect(reasonCode('PUBACK', 0x87, 5)?.name).toBe('Not authorized');
  expect(reasonCode('SUBACK', 0x87, 5)?.name).toBe('Not authorized');
}

/** What really happens at each quiz: the option the run shows. */
export const quizzes: Record<string, (runs: Record<string, Run>) => string | number> = {
  'flags-byte': ({ login }) => bytesOf(login.packet({ type: 'CONNECT', from: 'sensor' }), 'connectFlags')[0],
  'predict-read': ({ login }) => {
    const connect = login.packet({ type: 'CONNECT', from: 'sensor' });
    const field = bytesOf(connect, 'password').slice(2);
    const password = lesson.scenarios.login.clients[0].password!;
    return JSON.stringify(field) === JSON.stringify(utf8(password)) ? 'plain' : 'hidden';
  },
  'predict-acl': ({ login }) => {
    if (login.trace.some((e) => e.kind === 'close')) return 'closed';
    const suback = login.sends({ type: 'SUBACK', to: 'sensor' })[1];
    if (!suback || suback.packet.type !== 'SUBACK') return 'silence';
    return suback.packet.reasonCodes[0] === 0x80 ? 'refused' : 'granted';
  },
};
