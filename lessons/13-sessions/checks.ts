/** What lesson 13's prose claims, asserted on its runs. */
import { expect } from 'vitest';
import {
  type CloseEvent,
  type NoteCode,
  type NoteOf,
  noteClient,
  type SendEvent,
  type Span,
  decode,
  findSpan,
} from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';
import type { Run } from '../run.ts';
import lesson from './scenario.ts';

/** The first span (depth first) of `field` in the packet's bytes, as the inspector shows it. */
function span(send: SendEvent, field: string): Span | undefined {
  return findSpan(decode(send.bytes, 4, { spans: true }).spans!, field);
}
const byteOf = (send: SendEvent, field: string) => send.bytes[span(send, field)!.start];

const notes = <C extends NoteCode>(run: Run, code: C, client?: string): NoteOf<C>[] =>
  run.notes(code).filter((e) => client === undefined || noteClient(e) === client);
const stepAt = (run: Run, id: string) => run.trace[run.afterStep(id)].atMs;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const payloadOf = (send: SendEvent) => (send.packet.type === 'PUBLISH' ? text(send.packet.payload) : undefined);
/** What `client` received after the scenario step `id`. */
const receivedAfter = (run: Run, client: string, id: string) => {
  const from = run.afterStep(id);
  return run.deliveries(client).filter((d) => d.seq > from);
};

export const checks: Checks = {
  'two-clients': (runs) => {
    const { tcp, lossy } = runs;
    // every field a step lights exists in its packet
    let scenario = Object.keys(lesson.scenarios)[0];
    for (const step of lesson.steps) {
      scenario = step.scenario ?? scenario;
      const h = step.highlight;
      if (h?.packet && h.field) expect(span(runs[scenario].packet(h.packet), h.field), `${step.id}`).toBeDefined();
    }

    // transports: tcp (the default) for the sessions, the lossy teaching model for the timer resend
    expect(tcp.scenario.transport ?? 'tcp').toBe('tcp');
    expect(lossy.scenario.transport).toBe('lossy');

    // two-clients: the phone connects with Clean Session 0 (flags 0x00), the tablet with 1 (0x02);
    // both are new sessions (session present 0) and both subscribe to home/door at QoS 1
    const phoneConnect = tcp.packet({ type: 'CONNECT', from: 'phone' });
    const tabletConnect = tcp.packet({ type: 'CONNECT', from: 'tablet' });
    expect(phoneConnect.packet).toMatchObject({ clean: false });
    expect(tabletConnect.packet).toMatchObject({ clean: true });
    expect(byteOf(phoneConnect, 'connectFlags')).toBe(0x00);
    expect(byteOf(tabletConnect, 'connectFlags')).toBe(0x02);
    for (const client of ['phone', 'tablet']) {
      expect(tcp.packet({ type: 'CONNACK', to: client }).packet).toMatchObject({
        sessionPresent: false,
        reasonCode: 0,
      });
      expect(tcp.packet({ type: 'SUBSCRIBE', from: client }).packet).toMatchObject({
        subscriptions: [{ topicFilter: 'home/door', qos: 1 }],
      });
      expect(tcp.packet({ type: 'SUBACK', to: client }).packet).toMatchObject({ reasonCodes: [1] });
    }
  },
  break: ({ tcp }) => {
    // break: the broker forwards "open" to both at 0.55 s; at 0.56 s both connections are reset and
    // the PUBLISHes on their way are gone with them; nothing is lost on its own over TCP
    const openToPhone = tcp.packet({ type: 'PUBLISH', from: 'broker', to: 'phone' });
    const openToTablet = tcp.packet({ type: 'PUBLISH', from: 'broker', to: 'tablet' });
    for (const send of [openToPhone, openToTablet]) {
      expect(send.atMs).toBe(550);
      expect(payloadOf(send)).toBe('open');
      expect(tcp.drop(send)?.reason).toBe('closed');
      expect(tcp.arrivals(send)).toEqual([]);
    }
    expect(stepAt(tcp, 'break')).toBe(560);
    const resets = tcp.trace.filter((e): e is CloseEvent => e.kind === 'close' && e.reason === 'reset');
    expect(resets.map((e) => [e.client, e.side, e.atMs])).toEqual([
      ['phone', 'client', 560],
      ['phone', 'broker', 560],
      ['tablet', 'client', 560],
      ['tablet', 'broker', 560],
    ]);
    expect(tcp.trace.some((e) => e.kind === 'drop' && e.reason === 'loss')).toBe(false);
    // the phone's session is kept, "open" still unacknowledged in it; the tablet's session ends
    expect(notes(tcp, 'session-kept', 'phone')[0].atMs).toBe(560);
    expect(notes(tcp, 'session-ended', 'tablet')[0].atMs).toBe(560);
    expect(tcp.states('broker/phone/out/1')).toEqual(['awaitingPuback', 'acknowledged']);
    expect(tcp.states('broker/tablet/out/1')).toEqual(['awaitingPuback', 'stopped']);
  },
  'while-away': ({ tcp }) => {
    // while-away: "closed" (QoS 1) is queued for the phone; "ajar" (QoS 0) is not; nothing for the tablet
    const sensorPublishes = tcp.sends({ type: 'PUBLISH', from: 'sensor' });
    expect(sensorPublishes.map((s) => [payloadOf(s), s.packet.type === 'PUBLISH' && s.packet.qos, s.atMs])).toEqual([
      ['open', 1, 500],
      ['closed', 1, 1_000],
      ['ajar', 0, 1_200],
      ['locked', 1, 2_500],
    ]);
    expect(notes(tcp, 'queued', 'phone').map((n) => n.params)).toEqual([
      { client: 'phone', topic: 'home/door', qos: 1, online: false },
    ]);
    expect(notes(tcp, 'queued', 'phone')[0].atMs).toBe(1_050);
    expect(notes(tcp, 'dropped-qos0-offline', 'phone')[0].atMs).toBe(1_250);
    const backAt = stepAt(tcp, 'tablet-back');
    expect(
      tcp.trace.some((e) => e.kind === 'note' && noteClient(e) === 'tablet' && e.atMs > 560 && e.atMs < backAt),
    ).toBe(false);
    expect(tcp.sends({ type: 'PUBLISH', from: 'broker', to: 'tablet' })).toHaveLength(1);
  },
  reconnect: ({ tcp }) => {
    const phoneConnect = tcp.packet({ type: 'CONNECT', from: 'phone' });
    // reconnect / session-present: Clean Session 0 again; CONNACK 20 02 01 00, session present 1 [MQTT-3.2.2-2]
    const phoneBack = tcp.packet({ type: 'CONNECT', from: 'phone', nth: 2 });
    expect(phoneBack.packet).toMatchObject({ clean: false });
    expect(phoneBack.bytes).toEqual(phoneConnect.bytes);
    expect(stepAt(tcp, 'phone-back')).toBe(stepAt(tcp, 'tablet-back'));
    const connack = tcp.packet({ type: 'CONNACK', to: 'phone', nth: 2 });
    expect(connack.packet).toMatchObject({ sessionPresent: true, reasonCode: 0 });
    expect([...connack.bytes]).toEqual([0x20, 0x02, 0x01, 0x00]);
    expect(notes(tcp, 'session-resumed', 'phone')).toHaveLength(1);
  },
  redelivery: ({ tcp }) => {
    const openToPhone = tcp.packet({ type: 'PUBLISH', from: 'broker', to: 'phone' });
    const connack = tcp.packet({ type: 'CONNACK', to: 'phone', nth: 2 });
    // redelivery: "open" again with DUP = 1 and its original packet id 1 [MQTT-4.4.0-1] [MQTT-3.3.1-1],
    // first byte 0x3A; then "closed" with DUP = 0 and id 2 (queued, never sent); both on the new
    // connection, right after the CONNACK; "ajar" never comes; no new SUBSCRIBE is needed
    const again = tcp.packet({ type: 'PUBLISH', from: 'broker', to: 'phone', nth: 2 });
    const queued = tcp.packet({ type: 'PUBLISH', from: 'broker', to: 'phone', nth: 3 });
    expect(again.packet).toMatchObject({ dup: true, packetId: 1, qos: 1 });
    expect(openToPhone.packet).toMatchObject({ dup: false, packetId: 1 });
    expect(payloadOf(again)).toBe('open');
    expect(again.bytes[0]).toBe(0x3a);
    expect(queued.packet).toMatchObject({ dup: false, packetId: 2, qos: 1 });
    expect(payloadOf(queued)).toBe('closed');
    expect(queued.bytes[0]).toBe(0x32);
    for (const send of [again, queued]) {
      expect(send.conn).toBe(connack.conn);
      expect(send.conn).not.toBe(openToPhone.conn);
      expect(send.atMs).toBe(connack.atMs);
      expect(send.seq).toBeGreaterThan(connack.seq);
    }
    expect(tcp.payloads('phone')).toEqual(['open', 'closed', 'locked']);
    expect(tcp.deliveries('phone')[0]).toMatchObject({ payload: 'open', dup: true, packetId: 1 });
    expect(tcp.sends({ type: 'SUBSCRIBE', from: 'phone' })).toHaveLength(1);
    // the spec's only resend: no PUBLISH went out again on the connection it was first sent on
    for (const dup of tcp
      .sends({ type: 'PUBLISH', from: 'broker' })
      .filter((s) => s.packet.type === 'PUBLISH' && s.packet.dup))
      expect(dup.conn).not.toBe(openToPhone.conn);
  },
  'predict-tablet': ({ tcp }) => {
    // predict-tablet / clean-start: the tablet's CONNACK says session present 0 [MQTT-3.2.2-1]; its
    // subscription went with its session [MQTT-3.1.2-6]: "locked" reaches the phone only
    const tabletConnack = tcp.packet({ type: 'CONNACK', to: 'tablet', nth: 2 });
    expect(tcp.packet({ type: 'CONNECT', from: 'tablet', nth: 2 }).packet).toMatchObject({ clean: true });
    expect(tabletConnack.packet).toMatchObject({ sessionPresent: false, reasonCode: 0 });
    expect(byteOf(tabletConnack, 'acknowledgeFlags')).toBe(0x00);
    expect(tcp.payloads('tablet')).toEqual([]);
    expect(receivedAfter(tcp, 'phone', 'locked').map((d) => d.payload)).toEqual(['locked']);
  },
  textbook: ({ lossy }) => {
    // textbook: the PUBLISH to the phone is lost on its own; one second later the broker sends it
    // again on the same connection, DUP = 1, same packet id; the phone gets "open" once
    const lostPublish = lossy.packet({ type: 'PUBLISH', from: 'broker', to: 'phone' });
    const retry = lossy.packet({ type: 'PUBLISH', from: 'broker', to: 'phone', nth: 2 });
    expect(lossy.drop(lostPublish)?.reason).toBe('fault');
    expect(retry.packet).toMatchObject({ dup: true, packetId: (lostPublish.packet as { packetId: number }).packetId });
    expect(retry.conn).toBe(lostPublish.conn);
    expect(retry.atMs - lostPublish.atMs).toBe(1_000);
    expect(lossy.sends({ type: 'CONNECT', from: 'phone' })).toHaveLength(1);
    expect(lossy.payloads('phone')).toEqual(['open']);
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'predict-return': ({ tcp }) => {
    const got = receivedAfter(tcp, 'phone', 'phone-back')
      .filter((d) => d.atMs < stepAt(tcp, 'locked'))
      .map((d) => d.payload)
      .join(',');
    return (
      { '': 'nothing', closed: 'closed-only', 'open,closed': 'open-closed', 'open,closed,ajar': 'all' }[got] ?? got
    );
  },
  'session-present': ({ tcp }) => byteOf(tcp.packet({ type: 'CONNACK', to: 'phone', nth: 2 }), 'acknowledgeFlags'),
  'predict-tablet': ({ tcp }) => {
    const phone = receivedAfter(tcp, 'phone', 'locked').some((d) => d.payload === 'locked');
    const tablet = receivedAfter(tcp, 'tablet', 'locked').some((d) => d.payload === 'locked');
    return phone && tablet ? 'both' : phone ? 'phone-only' : tablet ? 'tablet-only' : 'neither';
  },
};
