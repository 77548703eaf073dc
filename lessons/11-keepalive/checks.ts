/** What lesson 11's prose claims, asserted on its runs, in virtual time. */
import { expect } from 'vitest';
import { type CloseEvent, type SendEvent, type Span, decode } from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';
import type { Run } from '../run.ts';

const arrivedAt = (run: Run, send: SendEvent) => run.arrivals(send)[0]?.atMs;

/** The last packet from the sensor to reach the broker before a moment. */
function lastHeardMs(run: Run, beforeMs: number): number {
  const arrivals = run.trace.filter((e) => e.kind === 'arrive' && e.from === 'sensor' && e.atMs <= beforeMs);
  return arrivals.at(-1)!.atMs;
}

const closeBy = (run: Run, side: 'client' | 'broker') =>
  run.trace.find((e): e is CloseEvent => e.kind === 'close' && e.client === 'sensor' && e.side === side);

/** The state an actor was in at a moment. */
function stateAt(run: Run, actor: string, atMs: number): string | undefined {
  const events = run.trace.filter((e) => e.kind === 'state' && e.actor === actor && e.atMs <= atMs);
  const last = events.at(-1);
  return last?.kind === 'state' ? last.to : undefined;
}

export const checks: Checks = {
  connect: ({ keepalive }) => {
    expect(keepalive.scenario.transport ?? 'tcp').toBe('tcp');

    // connect: Keep Alive 2 s, the bytes 00 02 at the end of the CONNECT's variable header; a will on sensor/status
    const connect = keepalive.packet({ type: 'CONNECT', from: 'sensor' });
    expect(connect.packet).toMatchObject({ keepAlive: 2, will: { topic: 'sensor/status' } });
    const spans = decode(connect.bytes, 4, { spans: true }).spans!;
    const variableHeader = spans.find((s) => s.field === 'variableHeader')!;
    const keepAliveSpan = variableHeader.children!.find((s: Span) => s.field === 'keepAlive')!;
    expect(keepAliveSpan.end).toBe(variableHeader.end);
    expect([...connect.bytes.slice(keepAliveSpan.start, keepAliveSpan.end)]).toEqual([0x00, 0x02]);

    // the app connects with this client's default, 60 s
    expect(keepalive.packet({ type: 'CONNECT', from: 'app' }).packet).toMatchObject({ keepAlive: 60 });
  },
  'predict-ping': ({ keepalive }) => {
    // predict-ping / pingreq: connected at 0.1 s, PUBLISH at 0.5 s, first PINGREQ at 2.5 s, nothing in between
    const connack = keepalive.packet({ type: 'CONNACK', to: 'sensor' });
    expect(arrivedAt(keepalive, connack)).toBe(100);
    const publish = keepalive.packet({ type: 'PUBLISH', from: 'sensor' });
    expect(publish.atMs).toBe(500);
    const [ping1] = keepalive.sends({ type: 'PINGREQ', from: 'sensor' });
    expect(ping1.atMs).toBe(2_500);
    expect(ping1.atMs - publish.atMs).toBe(2_000);
    expect(
      keepalive.trace.some((e) => e.kind === 'send' && e.from === 'sensor' && e.atMs > 500 && e.atMs < 2_500),
    ).toBe(false);
  },
  'pingreq-byte': ({ keepalive }) => {
    const [ping1] = keepalive.sends({ type: 'PINGREQ', from: 'sensor' });
    // pingreq-byte / pingresp: c0 00 and d0 00, two bytes each; the broker answers at once
    expect([...ping1.bytes]).toEqual([0xc0, 0x00]);
    const pingresp = keepalive.packet({ type: 'PINGRESP', to: 'sensor' });
    expect([...pingresp.bytes]).toEqual([0xd0, 0x00]);
    expect(pingresp.atMs).toBe(arrivedAt(keepalive, ping1));
  },
  cut: ({ keepalive }) => {
    // cut: at 3 s; nothing announces it: no packet and no close at that moment
    const cutMs = keepalive.trace[keepalive.afterStep('cut')].atMs;
    expect(cutMs).toBe(3_000);
    expect(keepalive.trace.some((e) => (e.kind === 'send' || e.kind === 'close') && e.atMs === cutMs)).toBe(false);
    expect(stateAt(keepalive, 'sensor', cutMs)).toBe('connected.idle');
    expect(stateAt(keepalive, 'broker/sensor#1', cutMs)).toBe('connected.alive');
  },
  'predict-close': ({ keepalive }) => {
    const [ping1, ping2] = keepalive.sends({ type: 'PINGREQ', from: 'sensor' });
    // predict-close / closed: the last packet heard was the PINGREQ at 2.55 s; the broker closes at 5.55 s,
    // 1.5 × Keep Alive later [MQTT-3.1.2-24], and publishes the will: the app gets 'offline' at 5.6 s
    const brokerClose = closeBy(keepalive, 'broker')!;
    expect(lastHeardMs(keepalive, brokerClose.atMs)).toBe(arrivedAt(keepalive, ping1));
    expect(arrivedAt(keepalive, ping1)).toBe(2_550);
    expect(brokerClose).toMatchObject({ atMs: 5_550, reason: 'keepalive', rule: 'MQTT-3.1.2-24' });
    expect(brokerClose.atMs - lastHeardMs(keepalive, brokerClose.atMs)).toBe(1.5 * 2 * 1_000);
    expect(keepalive.trace.some((e) => e.kind === 'note' && e.code === 'will-published' && e.atMs === 5_550)).toBe(
      true,
    );
    expect(keepalive.deliveries('app')).toMatchObject([{ topic: 'sensor/status', payload: 'offline', atMs: 5_600 }]);
    // the sensor's next PINGREQ went out at 4.5 s, 2 s after the first, into the cut link, and never arrived
    expect(ping2.atMs).toBe(4_500);
    expect(ping2.atMs - ping1.atMs).toBe(2_000);
    expect(keepalive.arrivals(ping2)).toEqual([]);
  },
  'half-open': ({ keepalive }) => {
    // half-open: at 7 s the broker's end is closed and the sensor still waits for its PINGRESP
    expect(stateAt(keepalive, 'broker/sensor#1', 7_000)).toBe('closed');
    expect(stateAt(keepalive, 'sensor', 7_000)).toBe('connected.awaitingPingresp');
    // the broker's close never reaches the sensor: the sensor's end closes by itself, not as 'peer-closed'
    const sensorClose = closeBy(keepalive, 'client')!;
    expect(sensorClose.reason).toBe('pingresp-timeout');
  },
  'gives-up': ({ keepalive }) => {
    const [, ping2] = keepalive.sends({ type: 'PINGREQ', from: 'sensor' });
    const sensorClose = closeBy(keepalive, 'client')!;
    // gives-up: at 9.5 s, 5 s after its PINGREQ, the sensor closes the connection
    expect(sensorClose.atMs).toBe(9_500);
    expect(sensorClose.atMs - ping2.atMs).toBe(5_000);
    expect(keepalive.states('sensor').at(-1)).toBe('disconnected');
  },
  off: ({ off }) => {
    // off: Keep Alive 0: no PINGREQ, no close, no will; 7 s after the cut the broker still counts the sensor connected
    expect(off.packet({ type: 'CONNECT', from: 'sensor' }).packet).toMatchObject({ keepAlive: 0 });
    expect(off.sends({ type: 'PINGREQ' }).length).toBe(0);
    expect(off.trace.some((e) => e.kind === 'close')).toBe(false);
    expect(off.deliveries('app')).toEqual([]);
    const endMs = off.trace.at(-1)!.atMs;
    expect(off.scenario.untilMs! - off.trace[off.afterStep('cut')].atMs).toBe(7_000);
    expect(endMs).toBeLessThanOrEqual(off.scenario.untilMs!);
    expect(stateAt(off, 'broker/sensor#1', off.scenario.untilMs!)).toBe('connected.alive');
    expect(stateAt(off, 'sensor', off.scenario.untilMs!)).toBe('connected.idle');
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'predict-ping': ({ keepalive }) => {
    const connect = keepalive.packet({ type: 'CONNECT', from: 'sensor' });
    const keepAliveMs = (connect.packet.type === 'CONNECT' ? connect.packet.keepAlive : 0) * 1_000;
    const ping = keepalive.sends({ type: 'PINGREQ', from: 'sensor' })[0];
    if (!ping) return 'never';
    const sentBefore = keepalive.trace.filter((e) => e.kind === 'send' && e.from === 'sensor' && e.atMs < ping.atMs);
    if (ping.atMs === connect.atMs + keepAliveMs) return 'two';
    return ping.atMs === sentBefore.at(-1)!.atMs + keepAliveMs ? 'two-half' : 'never';
  },
  'pingreq-byte': ({ keepalive }) => keepalive.packet({ type: 'PINGREQ', from: 'sensor' }).bytes[0],
  'predict-close': ({ keepalive }) => {
    const connect = keepalive.packet({ type: 'CONNECT', from: 'sensor' });
    const keepAliveMs = (connect.packet.type === 'CONNECT' ? connect.packet.keepAlive : 0) * 1_000;
    const close = closeBy(keepalive, 'broker');
    if (!close) return 'never';
    const silentMs = close.atMs - lastHeardMs(keepalive, close.atMs);
    return silentMs === keepAliveMs ? 'two' : silentMs === 1.5 * keepAliveMs ? 'three' : 'never';
  },
};
