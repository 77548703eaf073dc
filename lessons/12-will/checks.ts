/** What lesson 12's prose claims, asserted on its runs. */
import { expect } from 'vitest';
import {
  type CloseEvent,
  type NoteCode,
  type NoteOf,
  type SendEvent,
  type Span,
  MqttError,
  decode,
  encode,
  findSpan,
} from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';
import { Run } from '../run.ts';
import lesson from './scenario.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The first span (depth first) of `field` in the packet's bytes, as the inspector shows it. */
function span(send: SendEvent, field: string): Span | undefined {
  return findSpan(decode(send.bytes, 4, { spans: true }).spans!, field);
}

const notes = <C extends NoteCode>(run: Run, code: C): NoteOf<C>[] => run.notes(code);
const closes = (run: Run, side: 'client' | 'broker'): CloseEvent[] =>
  run.trace.filter((e): e is CloseEvent => e.kind === 'close' && e.client === 'sensor' && e.side === side);
const stepAt = (run: Run, id: string) => run.trace[run.afterStep(id)].atMs;
/** The connect flags byte of the sensor's CONNECT. */
const flagsByte = (run: Run) => {
  const connect = run.packet({ type: 'CONNECT', from: 'sensor' });
  return connect.bytes[span(connect, 'connectFlags')!.start];
};

export const checks: Checks = {
  'will-in-connect': (runs) => {
    const { crash, goodbye, silent, delayed } = runs;
    const will = lesson.scenarios.crash.clients[0].will!;

    // every field a step lights exists in its packet
    let scenario = Object.keys(lesson.scenarios)[0];
    for (const step of lesson.steps) {
      scenario = step.scenario ?? scenario;
      const h = step.highlight;
      if (h?.packet && h.field) expect(span(runs[scenario].packet(h.packet), h.field), `${step.id}`).toBeDefined();
    }

    // transport: all four runs are tcp (the default); the last one is MQTT 5.0
    expect(Object.keys(runs)).toHaveLength(4);
    for (const run of [crash, goodbye, silent, delayed]) expect(run.scenario.transport ?? 'tcp').toBe('tcp');
    expect(delayed.scenario.version).toBe(5);

    // will-in-connect: the will travels in CONNECT: after the client id come the will topic and the
    // will message, each with a two-byte length; the broker stores it when the CONNECT arrives
    const connect = crash.packet({ type: 'CONNECT', from: 'sensor' });
    expect(connect.packet).toMatchObject({
      clientId: 'sensor',
      will: { topic: 'sensors/kitchen/status', qos: 1, retain: true },
    });
    expect(connect.packet.type === 'CONNECT' && text(connect.packet.will!.payload)).toBe('offline');
    const payload = span(connect, 'payload')!;
    expect(payload.children!.map((s) => s.field)).toEqual(['clientId', 'will.topic', 'will.payload']);
    const topicSpan = span(connect, 'will.topic')!;
    expect([...connect.bytes.slice(topicSpan.start, topicSpan.start + 2)]).toEqual([0x00, 22]);
    expect('sensors/kitchen/status'.length).toBe(22);
    const messageSpan = span(connect, 'will.payload')!;
    expect([...connect.bytes.slice(messageSpan.start, messageSpan.start + 2)]).toEqual([0x00, 7]);
    expect(text(connect.bytes.slice(messageSpan.start + 2, messageSpan.end))).toBe('offline');
    const stored = notes(crash, 'will-stored')[0];
    expect(stored.params).toMatchObject({ client: 'sensor', topic: will.topic, qos: 1, retain: true });
    expect(stored.atMs).toBe(crash.arrivals(connect)[0].atMs);
  },
  'flag-bits': ({ crash }) => {
    const connect = crash.packet({ type: 'CONNECT', from: 'sensor' });
    // flag-bits: 0x2E = will retain 1 (bit 5), will QoS 01 (bits 4–3), will flag 1 (bit 2), clean session 1 (bit 1)
    const flags = flagsByte(crash);
    expect(flags).toBe(0x2e);
    expect(flags & 0x80).toBe(0); // user name flag
    expect(flags & 0x40).toBe(0); // password flag
    expect(flags & 0x20).toBe(0x20); // will retain
    expect((flags & 0x18) >> 3).toBe(1); // will QoS
    expect(flags & 0x04).toBe(0x04); // will flag
    expect(flags & 0x02).toBe(0x02); // clean session
    // [MQTT-3.1.2-9]: with the will flag set, the will topic and message must be there
    const clientIdEnd = span(connect, 'clientId')!.end;
    const truncated = connect.bytes.slice(0, clientIdEnd);
    truncated[1] = clientIdEnd - 2;
    let error: unknown;
    try {
      decode(truncated, 4);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MqttError);
    expect((error as MqttError).rule).toBe('MQTT-3.1.2-9');
    expect((error as MqttError).kind).toBe('malformed');
  },
  online: ({ crash }) => {
    const will = lesson.scenarios.crash.clients[0].will!;
    // online: the sensor published "online" retained before the dashboard subscribed; the dashboard
    // got it at once, RETAIN = 1 because it comes with a new subscription [MQTT-3.3.1-8]
    expect(stepAt(crash, 'online')).toBeLessThan(stepAt(crash, 'watch'));
    const first = crash.packet({ type: 'PUBLISH', from: 'broker', to: 'dashboard' });
    expect(first.packet).toMatchObject({ topic: will.topic, retain: true, qos: 1 });
    expect(text((first.packet as { payload: Uint8Array }).payload)).toBe('online');
    expect(first.bytes[0]).toBe(0x33);
    expect(crash.deliveries('dashboard')[0]).toMatchObject({ payload: 'online', retain: true });
  },
  'pull-plug': ({ crash }) => {
    const will = lesson.scenarios.crash.clients[0].will!;
    // pull-plug: no DISCONNECT; the sensor's side closes, the broker learns it one network delay
    // later (50 ms), publishes the will [MQTT-3.1.2-8] to the dashboard (QoS 1, RETAIN 0 to an
    // existing subscription [MQTT-3.3.1-9]) and keeps it as the retained message [MQTT-3.1.2-17]
    const crashAt = stepAt(crash, 'crash');
    expect(crashAt).toBe(1_000);
    expect(crash.sends({ type: 'DISCONNECT' })).toEqual([]);
    expect(closes(crash, 'client')[0]).toMatchObject({ atMs: crashAt, reason: 'crash' });
    const brokerClose = closes(crash, 'broker')[0];
    expect(brokerClose).toMatchObject({ atMs: crashAt + 50, reason: 'peer-closed' });
    const published = notes(crash, 'will-published')[0];
    expect(published).toMatchObject({ atMs: brokerClose.atMs, params: { client: 'sensor', reason: 'crash' } });
    const lastWill = crash.packet({ type: 'PUBLISH', from: 'broker', to: 'dashboard', nth: 2 });
    expect(lastWill.atMs).toBe(brokerClose.atMs);
    expect(lastWill.packet).toMatchObject({ topic: will.topic, qos: 1, retain: false, dup: false });
    expect(crash.deliveries('dashboard')[1]).toMatchObject({ payload: 'offline', qos: 1, retain: false });
    expect(notes(crash, 'retained-replaced')[0]).toMatchObject({
      atMs: brokerClose.atMs,
      params: { topic: will.topic, payload: 'offline' },
    });
  },
  'late-subscriber': ({ crash }) => {
    // late-subscriber: the phone, subscribing at 1.7 s, gets "offline" with RETAIN = 1, and nothing else
    expect(stepAt(crash, 'phone-watch')).toBe(1_700);
    expect(crash.deliveries('phone').map((d) => [d.payload, d.retain])).toEqual([['offline', true]]);
  },
  goodbye: ({ goodbye }) => {
    // goodbye / will-discarded: DISCONNECT is two bytes, E0 00; the broker discards the will
    // [MQTT-3.1.2-10]; the dashboard gets no "offline"
    const disconnect = goodbye.packet({ type: 'DISCONNECT', from: 'sensor' });
    expect([...disconnect.bytes]).toEqual([0xe0, 0x00]);
    expect(notes(goodbye, 'will-discarded')).toHaveLength(1);
    expect(notes(goodbye, 'will-published')).toEqual([]);
    expect(goodbye.payloads('dashboard')).toEqual(['online']);
  },
  'stale-online': ({ goodbye }) => {
    // stale-online: the retained "online" is still there: the phone is told the sensor is online
    expect(notes(goodbye, 'retained-replaced')).toEqual([]);
    expect(goodbye.deliveries('phone').map((d) => [d.payload, d.retain])).toEqual([['online', true]]);
  },
  'cut-cable': (runs) => {
    const { silent } = runs;
    // cut-cable: after the cut nothing closes until Keep Alive runs out at the broker
    const cutAt = stepAt(silent, 'cable');
    const silentCloses = silent.trace.filter((e): e is CloseEvent => e.kind === 'close');
    expect(silentCloses).toHaveLength(1);
    const keepaliveClose = silentCloses[0];
    expect(keepaliveClose.atMs).toBeGreaterThan(cutAt);
    const sentAfterCut = silent.trace.filter((e) => e.kind === 'send' && e.from === 'sensor' && e.atMs >= cutAt);
    expect(sentAfterCut.map((e) => e.kind === 'send' && e.packet.type)).toEqual(['PINGREQ']);
  },
  keepalive: ({ silent }) => {
    const silentCloses = silent.trace.filter((e): e is CloseEvent => e.kind === 'close');
    const keepaliveClose = silentCloses[0];
    // keepalive: the broker last heard from the sensor at 0.25 s (the PUBLISH "online"); the PINGREQ
    // the sensor sends at 2.2 s (2 s after its last packet) never arrives; at 3.25 s = 0.25 + 1.5 × 2 s
    // the broker closes the connection [MQTT-3.1.2-24] and publishes the will
    const heard = silent.trace.filter((e) => e.kind === 'arrive' && e.from === 'sensor');
    const lastHeard = heard.at(-1)!;
    expect(lastHeard.atMs).toBe(250);
    expect(lastHeard.kind === 'arrive' && lastHeard.packet.type).toBe('PUBLISH');
    const keepAliveS = lesson.scenarios.silent.clients[0].keepAliveS!;
    expect(keepAliveS).toBe(2);
    const ping = silent.packet({ type: 'PINGREQ', from: 'sensor' });
    expect(ping.atMs).toBe(2_200);
    expect(ping.atMs - silent.packet({ type: 'PUBLISH', from: 'sensor' }).atMs).toBe(keepAliveS * 1000);
    expect(silent.arrivals(ping)).toEqual([]);
    expect(keepaliveClose).toMatchObject({ side: 'broker', reason: 'keepalive', rule: 'MQTT-3.1.2-24', atMs: 3_250 });
    expect(keepaliveClose.atMs - lastHeard.atMs).toBe(1.5 * keepAliveS * 1000);
    expect(notes(silent, 'will-published')[0]).toMatchObject({
      atMs: keepaliveClose.atMs,
      params: { reason: 'keepalive' },
    });
    expect(silent.states('broker/sensor#1').at(-1)).toBe('closed');
  },
  summary: ({ crash, goodbye, silent }) => {
    const connect = crash.packet({ type: 'CONNECT', from: 'sensor' });
    // summary: crash → will; DISCONNECT → no will; silence → will after 1.5 × Keep Alive
    expect(crash.payloads('dashboard')).toEqual(['online', 'offline']);
    expect(goodbye.payloads('dashboard')).toEqual(['online']);
    expect(silent.payloads('dashboard')).toEqual(['online', 'offline']);

    // the will's bytes are what the codec makes of the scenario's will
    expect(encode(connect.packet, 4)).toEqual(connect.bytes);
    // in 3.1.1 the crash's will goes out as soon as the broker learns of the close (50 ms later)
    const crashMs = crash.trace[crash.afterStep('crash')].atMs;
    const will = crash.packet({ type: 'PUBLISH', from: 'broker', to: 'dashboard', nth: 2 });
    expect(will.atMs - crashMs).toBe(50);

    // ... the same three under 5.0, each with a Will Delay Interval of 1 s [MQTT-3.1.3-9] and a session
    // kept a minute (a session that ends at once publishes the will at once: the delay is "whichever ends first")
    const as5 = (run: Run, reasonCode?: number) =>
      Run.of({
        ...run.scenario,
        version: 5,
        untilMs: run.scenario.untilMs! + 2_000, // room for the delay
        clients: run.scenario.clients.map((c) =>
          c.will ? { ...c, sessionExpiryS: 60, will: { ...c.will, delayS: 1 } } : c,
        ),
        steps: run.scenario.steps.map((step) =>
          step.do === 'disconnect' && reasonCode !== undefined ? { ...step, reasonCode } : step,
        ),
      });
    const willAt = (run: Run) => run.deliveries('dashboard').find((d) => d.payload === 'offline')?.atMs;
    expect(willAt(as5(crash))! - crashMs).toBeGreaterThanOrEqual(1_000); // waits out the delay
    expect(willAt(as5(silent))! - willAt(silent)!).toBeGreaterThanOrEqual(1_000);
    // DISCONNECT 0x00 discards the will [MQTT-3.14.4-3]; 0x04 asks for it all the same (§3.14.2.1)
    expect(willAt(as5(goodbye, 0x00))).toBeUndefined();
    expect(willAt(as5(goodbye, 0x04))).toBeGreaterThan(goodbye.trace[goodbye.afterStep('goodbye')].atMs);
  },
  'will-delay': ({ delayed }) => {
    // will-delay: the delayed run is MQTT 5.0 over TCP; the sensor keeps its session 60 s and its will
    // carries the will delay interval 18 00 00 00 05 in the will properties
    expect(delayed.scenario.version).toBe(5);
    expect(delayed.scenario.transport ?? 'tcp').toBe('tcp');
    const delayedConnect = delayed.packet({ type: 'CONNECT', from: 'sensor' });
    expect(delayedConnect.packet).toMatchObject({
      properties: { sessionExpiryInterval: 60 },
      will: { topic: 'sensors/kitchen/status', retain: true, properties: { willDelayInterval: 5 } },
    });
    const delaySpan = delayed.field({ type: 'CONNECT', from: 'sensor' }, 'will.properties.willDelayInterval')!;
    expect([...delayedConnect.bytes.slice(delaySpan.start, delaySpan.end)]).toEqual([0x18, 0x00, 0x00, 0x00, 0x05]);
  },
  'predict-delay': ({ delayed }) => {
    // predict-delay / delay-cancelled: crash at 1 s, known at 1.05 s: the will is held back; the sensor's
    // second CONNECT arrives at 3.05 s and the will is cancelled [MQTT-3.1.3-9]; nothing reaches the
    // dashboard after the crash, and the retained message is still "online"
    expect(stepAt(delayed, 'crash')).toBe(1_000);
    expect(notes(delayed, 'will-delayed').map((n) => [n.atMs, n.params?.delayS])).toEqual([[1_050, 5]]);
    expect(stepAt(delayed, 'back')).toBe(3_000);
    expect(delayed.packet({ type: 'CONNECT', from: 'sensor', nth: 2 }).packet).toMatchObject({ clean: false });
    expect(notes(delayed, 'will-cancelled').map((n) => n.atMs)).toEqual([3_050]);
    expect(notes(delayed, 'will-published')).toEqual([]);
    expect(delayed.sends({ from: 'broker', to: 'dashboard', type: 'PUBLISH' }).filter((s) => s.atMs >= 1_000)).toEqual(
      [],
    );
    expect(notes(delayed, 'retained-stored').map((n) => n.params?.payload)).toEqual(['online']);
    expect(notes(delayed, 'retained-replaced')).toEqual([]);
    // and had it stayed away, the will would have gone out at 6.05 s
    const away = Run.of({ ...delayed.scenario, steps: delayed.scenario.steps.filter((step) => step.id !== 'back') });
    expect(notes(away, 'will-published').map((n) => n.atMs)).toEqual([6_050]);
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'flags-byte': ({ crash }) => flagsByte(crash),
  'predict-crash': ({ crash }) => {
    const after = stepAt(crash, 'crash');
    const toDashboard = crash
      .sends({ from: 'broker', to: 'dashboard', type: 'PUBLISH' })
      .filter((s) => s.atMs >= after);
    const other = crash.trace.some(
      (e) =>
        e.kind === 'send' && e.to === 'dashboard' && e.atMs >= after && !['PUBLISH', 'PUBACK'].includes(e.packet.type),
    );
    if (other) return 'notice';
    return toDashboard.some((s) => s.packet.type === 'PUBLISH' && text(s.packet.payload) === 'offline')
      ? 'offline'
      : 'nothing';
  },
  'predict-delay': ({ delayed }) => {
    const offline = delayed
      .sends({ from: 'broker', to: 'dashboard', type: 'PUBLISH' })
      .filter((s) => s.packet.type === 'PUBLISH' && text(s.packet.payload) === 'offline');
    if (offline.length === 0) return 'nothing';
    return offline[0].atMs === notes(delayed, 'will-delayed')[0]?.atMs ? 'offline' : 'offline-late';
  },
  goodbye: ({ goodbye }) => (goodbye.payloads('dashboard').includes('offline') ? 'yes' : 'no'),
  'predict-silent': ({ silent }) => {
    const published = notes(silent, 'will-published')[0];
    if (!published) return 'never';
    if (published.atMs === stepAt(silent, 'cable')) return 'at-once';
    const lastHeard = silent.trace.filter((e) => e.kind === 'arrive' && e.from === 'sensor' && e.atMs < published.atMs);
    const silentMs = published.atMs - lastHeard.at(-1)!.atMs;
    const keepAliveMs = lesson.scenarios.silent.clients[0].keepAliveS! * 1000;
    return silentMs === keepAliveMs ? 'keepalive' : silentMs === 1.5 * keepAliveMs ? 'one-and-half' : 'other';
  },
};
