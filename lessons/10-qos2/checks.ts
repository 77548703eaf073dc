/** What lesson 10's prose claims, asserted on its runs — the cost table is read from the prose itself. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { type SendEvent, type TraceEvent, encode } from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';
import { Run } from '../run.ts';

const LOSSY = ['lose-publish', 'lose-pubrec', 'lose-pubrel', 'lose-pubcomp'] as const;
/** The sensor's resend timer in the textbook runs: the prose says 0.8 s, as the lab's QoS 2 preset does. */
const RETRY_MS = 800;

/** When the actor's machine entered `state` (the first time). */
function enteredAt(run: Run, actor: string, state: string): number {
  const event = run.trace.find((e) => e.kind === 'state' && e.actor === actor && e.to === state);
  if (!event) throw new Error(`${actor} never entered ${state}`);
  return event.atMs;
}

/** The state the actor was in at a moment (after everything that happened up to and including it). */
function stateAt(run: Run, actor: string, atMs: number): string | undefined {
  const events = run.trace.filter((e) => e.kind === 'state' && e.actor === actor && e.atMs <= atMs);
  return events.length ? (events.at(-1) as Extract<TraceEvent, { kind: 'state' }>).to : undefined;
}

const arrivedAt = (run: Run, send: SendEvent) => run.arrivals(send)[0].atMs;
const idOf = (send: SendEvent) => ('packetId' in send.packet ? send.packet.packetId : undefined);

/** The next packet the sensor sends after a moment. */
const nextFromSensor = (run: Run, afterMs: number) =>
  run.trace.find((e): e is SendEvent => e.kind === 'send' && e.from === 'sensor' && e.atMs > afterMs);

/** One row per QoS level, measured on the cost run: what the table in the prose states. */
function measureCost(run: Run): number[][] {
  const rows: number[][] = [[], [], [], []];
  for (const qos of [0, 1, 2] as const) {
    const startMs = run.trace[run.afterStep(`publish-${qos}`)].atMs;
    const sends = run.trace.filter(
      (e): e is SendEvent => e.kind === 'send' && e.atMs >= startMs && e.atMs < startMs + 500,
    );
    const publish = sends.find((s) => s.from === 'sensor' && s.packet.type === 'PUBLISH')!;
    expect(publish.packet).toMatchObject({ qos });
    const flow = `sensor/out/${idOf(publish)}`;
    const doneMs = qos === 0 ? publish.atMs : enteredAt(run, flow, qos === 1 ? 'acknowledged' : 'completed');
    const delivered = run.deliveries('app').find((d) => d.payload === `q${qos}`)!;
    expect(delivered.qos).toBe(qos); // the app subscribed with QoS 2: the level is kept on the second hop
    rows[0].push(sends.filter((s) => s.from === 'sensor' || s.to === 'sensor').length);
    rows[1].push(sends.length);
    rows[2].push(doneMs - startMs);
    rows[3].push(delivered.atMs - startMs);
  }
  return rows;
}

/** The numbers in the cost table of a prose file: four rows of three. */
function tableOf(language: 'en' | 'zh'): number[][] {
  const text = readFileSync(new URL(`./${language}.md`, import.meta.url), 'utf8');
  const section = text.slice(text.indexOf('{#cost}'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && /\d/.test(line) && !line.includes('QoS 0'))
    .map((line) =>
      line
        .split('|')
        .slice(2, 5)
        .map((cell) => Number.parseInt(cell.trim(), 10)),
    );
}

export const checks: Checks = {
  four: ({ clean, cost }) => {
    for (const run of [clean, cost]) expect(run.trace.some((e) => e.kind === 'drop')).toBe(false);

    // four: PUBLISH QoS 2, first byte 0x34, packet id 1; the broker answers PUBREC 1 as it arrives
    const publish = clean.packet({ type: 'PUBLISH', from: 'sensor' });
    expect(publish.packet).toMatchObject({ qos: 2, packetId: 1, dup: false });
    expect(publish.bytes[0]).toBe(0x34);
    expect((publish.bytes[0] >> 1) & 3).toBe(0b10);
    const pubrec = clean.packet({ type: 'PUBREC', from: 'broker', to: 'sensor' });
    expect(pubrec.packet).toMatchObject({ packetId: 1 });
    expect(pubrec.atMs).toBe(arrivedAt(clean, publish));
  },
  'pubrel-byte': ({ clean }) => {
    const pubrec = clean.packet({ type: 'PUBREC', from: 'broker', to: 'sensor' });
    // pubrel-byte: PUBREL is type 6 with flags 0010: 0x62; PUBACK, PUBREC and PUBCOMP have flags 0 [MQTT-3.6.1-1]
    const pubrel = clean.packet({ type: 'PUBREL', from: 'sensor' });
    expect(pubrel.bytes[0]).toBe(0x62);
    const pubcomp = clean.packet({ type: 'PUBCOMP', from: 'broker', to: 'sensor' });
    for (const first of [pubrec.bytes[0], pubcomp.bytes[0], encode({ type: 'PUBACK', packetId: 1 })[0]])
      expect(first & 0x0f).toBe(0);
  },
  method: ({ clean }) => {
    const publish = clean.packet({ type: 'PUBLISH', from: 'sensor' });
    const pubrel = clean.packet({ type: 'PUBREL', from: 'sensor' });
    const pubcomp = clean.packet({ type: 'PUBCOMP', from: 'broker', to: 'sensor' });
    // method: the broker forwards on PUBREL, 100 ms after the PUBLISH arrived, and answers PUBCOMP at once
    const toApp = clean.packet({ type: 'PUBLISH', from: 'broker', to: 'app' });
    expect(toApp.atMs).toBe(arrivedAt(clean, pubrel));
    expect(toApp.atMs - arrivedAt(clean, publish)).toBe(100);
    expect(pubcomp.atMs).toBe(toApp.atMs);
    expect(clean.states('broker/sensor/in/1')).toEqual(['awaitingPubrel', 'completed']);
    // the sensor's flow completes when PUBCOMP arrives
    expect(clean.states('sensor/out/1')).toEqual(['awaitingPubrec', 'awaitingPubcomp', 'completed']);
    expect(enteredAt(clean, 'sensor/out/1', 'completed')).toBe(arrivedAt(clean, pubcomp));
    // the app answers PUBREC, waits in awaitingPubrel, and delivers when the broker's PUBREL arrives
    const appDelivery = clean.deliveries('app')[0];
    expect(appDelivery.atMs).toBeGreaterThan(arrivedAt(clean, toApp));
    expect(clean.packet({ type: 'PUBREC', from: 'app' }).atMs).toBe(arrivedAt(clean, toApp));
    const brokerPubrel = clean.packet({ type: 'PUBREL', from: 'broker', to: 'app' });
    expect(appDelivery.atMs).toBe(arrivedAt(clean, brokerPubrel));
    expect(clean.states('app/in/1')).toEqual(['awaitingPubrel', 'completed']);
    expect(enteredAt(clean, 'app/in/1', 'completed')).toBe(arrivedAt(clean, brokerPubrel));
    // and 'onPublish' stays an option: the same run with it delivers as the PUBLISH arrives
    const onPublish = Run.of({
      ...clean.scenario,
      clients: clean.scenario.clients.map((c) => (c.id === 'app' ? { ...c, qos2Delivery: 'onPublish' as const } : c)),
    });
    expect(onPublish.deliveries('app')[0].atMs).toBe(
      arrivedAt(onPublish, onPublish.packet({ type: 'PUBLISH', from: 'broker', to: 'app' })),
    );
    expect(clean.payloads('app')).toEqual(['open']);
  },
  'exactly-once': (runs) => {
    const { clean } = runs;
    const publish = clean.packet({ type: 'PUBLISH', from: 'sensor' });
    // exactly-once, for all four losses: the app gets 'open' once, and the sensor is done 0.8 s later
    const cleanDoneMs = enteredAt(clean, 'sensor/out/1', 'completed') - publish.atMs;
    for (const name of LOSSY) {
      const run = runs[name];
      expect(run.scenario.transport).toBe('lossy');
      expect(run.payloads('app'), name).toEqual(['open']);
      expect(run.sends({ type: 'PUBLISH', from: 'broker', to: 'app' }).length, name).toBe(1);
      const sent = run.packet({ type: 'PUBLISH', from: 'sensor' });
      expect(enteredAt(run, 'sensor/out/1', 'completed') - sent.atMs - cleanDoneMs, name).toBe(RETRY_MS);
      // the broker forwards when a PUBREL arrives, in every run
      const released = run.sends({ type: 'PUBREL', from: 'sensor' }).find((s) => run.arrivals(s).length > 0)!;
      expect(run.packet({ type: 'PUBLISH', from: 'broker', to: 'app' }).atMs, name).toBe(arrivedAt(run, released));
    }
  },
  'lose-publish': (runs) => {
    // lose-publish: the broker never saw it; 0.8 s later it is sent again with DUP = 1, a new message for the broker
    {
      const run = runs['lose-publish'];
      const [first, again] = run.sends({ type: 'PUBLISH', from: 'sensor' });
      expect(run.drop(first)?.reason).toBe('fault');
      expect(again.packet).toMatchObject({ dup: true, packetId: 1 });
      expect(again.atMs - first.atMs).toBe(RETRY_MS);
      expect(run.trace.some((e) => e.kind === 'note' && e.code === 'qos2-duplicate')).toBe(false);
      expect(run.states('broker/sensor/in/1')).toEqual(['awaitingPubrel', 'completed']);
    }
  },
  'lose-pubrec': (runs) => {
    // lose-pubrec / kept-id: the broker keeps message 1 in awaitingPubrel; the copy (DUP = 1, 0.8 s later)
    // is answered with PUBREC again and not delivered [MQTT-4.3.3-10]
    {
      const run = runs['lose-pubrec'];
      const [first, again] = run.sends({ type: 'PUBLISH', from: 'sensor' });
      const [lost, pubrec2] = run.sends({ type: 'PUBREC', from: 'broker', to: 'sensor' });
      expect(run.drop(first)).toBeUndefined();
      expect(run.drop(lost)?.reason).toBe('fault');
      expect(again.packet).toMatchObject({ dup: true, packetId: 1 });
      expect(again.atMs - first.atMs).toBe(RETRY_MS);
      expect(stateAt(run, 'broker/sensor/in/1', arrivedAt(run, again))).toBe('awaitingPubrel');
      expect(pubrec2.atMs).toBe(arrivedAt(run, again));
      expect(pubrec2.packet).toMatchObject({ packetId: 1 });
      expect(run.trace.some((e) => e.kind === 'note' && e.code === 'qos2-duplicate')).toBe(true);
      expect(run.deliveries('app')[0].atMs).toBeGreaterThan(arrivedAt(run, again));
    }
  },
  'lose-pubrel': (runs) => {
    // lose-pubrel / pubrel-again: the sensor waits in awaitingPubcomp, the broker in awaitingPubrel;
    // 0.8 s later the sensor sends PUBREL again (never the PUBLISH), and the broker delivers on it
    {
      const run = runs['lose-pubrel'];
      const [lost, again] = run.sends({ type: 'PUBREL', from: 'sensor' });
      expect(run.drop(lost)?.reason).toBe('fault');
      expect(stateAt(run, 'sensor/out/1', lost.atMs)).toBe('awaitingPubcomp');
      expect(stateAt(run, 'broker/sensor/in/1', again.atMs)).toBe('awaitingPubrel');
      expect(again.atMs - lost.atMs).toBe(RETRY_MS);
      expect(nextFromSensor(run, lost.atMs)).toBe(again);
      expect(run.sends({ type: 'PUBLISH', from: 'sensor' }).length).toBe(1);
      expect(run.packet({ type: 'PUBCOMP', from: 'broker', to: 'sensor' }).atMs).toBe(arrivedAt(run, again));
    }
  },
  'lose-pubcomp': (runs) => {
    // lose-pubcomp / exactly-once: the broker has delivered and completed before the PUBCOMP is lost;
    // the second PUBREL gets a PUBCOMP again and nothing is forwarded
    {
      const run = runs['lose-pubcomp'];
      const [lost, again] = run.sends({ type: 'PUBCOMP', from: 'broker', to: 'sensor' });
      expect(run.drop(lost)?.reason).toBe('fault');
      expect(run.packet({ type: 'PUBLISH', from: 'broker', to: 'app' }).atMs).toBeLessThanOrEqual(lost.atMs);
      expect(enteredAt(run, 'broker/sensor/in/1', 'completed')).toBe(lost.atMs);
      const [pubrel1, pubrel2] = run.sends({ type: 'PUBREL', from: 'sensor' });
      expect(pubrel2.atMs - pubrel1.atMs).toBe(RETRY_MS);
      expect(again.atMs).toBe(arrivedAt(run, pubrel2));
      expect(again.packet).toMatchObject({ packetId: 1 });
      expect(stateAt(run, 'sensor/out/1', arrivedAt(run, again))).toBe('completed');
    }
  },
  tcp: ({ tcp }) => {
    // tcp: persistent session; the crash catches the PUBREC on its way; the flow stays in awaitingPubrec
    expect(tcp.trace.some((e) => e.kind === 'drop' && e.reason !== 'closed')).toBe(false);
    expect(tcp.packet({ type: 'CONNECT', from: 'sensor' }).packet).toMatchObject({ clean: false });
    const crash1 = tcp.trace[tcp.afterStep('crash-1')].atMs;
    const lostPubrec = tcp.packet({ type: 'PUBREC', from: 'broker', to: 'sensor' });
    expect(lostPubrec.atMs).toBeLessThan(crash1);
    expect(tcp.drop(lostPubrec)?.reason).toBe('closed');
    expect(stateAt(tcp, 'sensor/out/1', crash1)).toBe('awaitingPubrec');
  },
  'resume-publish': ({ tcp }) => {
    // resume-publish: session present; the PUBLISH again, same id, DUP = 1 [MQTT-4.4.0-1]; PUBREC, no second delivery
    const connacks = tcp.sends({ type: 'CONNACK', to: 'sensor' });
    expect(connacks.map((c) => c.packet.type === 'CONNACK' && c.packet.sessionPresent)).toEqual([false, true, true]);
    const resent = tcp.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    expect(resent.packet).toMatchObject({ dup: true, packetId: 1 });
    expect(resent.atMs).toBe(arrivedAt(tcp, connacks[1]));
    expect(tcp.packet({ type: 'PUBREC', from: 'broker', to: 'sensor', nth: 2 }).atMs).toBe(arrivedAt(tcp, resent));
    expect(tcp.trace.some((e) => e.kind === 'note' && e.code === 'qos2-duplicate')).toBe(true);
  },
  'resume-pubrel': ({ tcp }) => {
    // resume-pubrel: 'closed' is id 2; PUBREC arrived, PUBREL went out 10 ms before the crash and reached the
    // broker, which delivered, answered PUBCOMP (lost with the connection) and forgot id 2
    const closed = tcp.packet({ type: 'PUBLISH', from: 'sensor', nth: 3 });
    expect(closed.packet).toMatchObject({ packetId: 2, dup: false });
    const crash2 = tcp.trace[tcp.afterStep('crash-2')].atMs;
    const pubrec2 = tcp.packet({ type: 'PUBREC', from: 'broker', to: 'sensor', nth: 3 });
    expect(arrivedAt(tcp, pubrec2)).toBeLessThan(crash2);
    const pubrel2 = tcp.packet({ type: 'PUBREL', from: 'sensor', nth: 2 });
    expect(pubrel2.packet).toMatchObject({ packetId: 2 });
    expect(crash2 - pubrel2.atMs).toBe(10);
    expect(arrivedAt(tcp, pubrel2)).toBeGreaterThan(crash2);
    expect(stateAt(tcp, 'sensor/out/2', crash2)).toBe('awaitingPubcomp');
    const deliveredClosed = tcp.deliveries('app').find((d) => d.payload === 'closed')!;
    expect(tcp.packet({ type: 'PUBLISH', from: 'broker', to: 'app', nth: 2 }).atMs).toBe(arrivedAt(tcp, pubrel2));
    expect(deliveredClosed.atMs).toBeLessThanOrEqual(1_900);
    const lostPubcomp = tcp.packet({ type: 'PUBCOMP', from: 'broker', to: 'sensor', nth: 2 });
    expect(tcp.drop(lostPubcomp)?.reason).toBe('closed');
    expect(enteredAt(tcp, 'broker/sensor/in/2', 'completed')).toBe(lostPubcomp.atMs);
  },
  'resent-pubrel': ({ tcp }) => {
    const connacks = tcp.sends({ type: 'CONNACK', to: 'sensor' });
    // resent-pubrel: after the second resume the sensor sends the PUBREL again, not the PUBLISH; PUBCOMP; done
    const pubrel3 = tcp.packet({ type: 'PUBREL', from: 'sensor', nth: 3 });
    expect(pubrel3.packet).toMatchObject({ packetId: 2 });
    expect(pubrel3.atMs).toBe(arrivedAt(tcp, connacks[2]));
    expect(nextFromSensor(tcp, arrivedAt(tcp, connacks[2]) - 1)).toBe(pubrel3);
    expect(tcp.sends({ type: 'PUBLISH', from: 'sensor' }).length).toBe(3);
    const pubcomp3 = tcp.packet({ type: 'PUBCOMP', from: 'broker', to: 'sensor', nth: 3 });
    expect(pubcomp3.atMs).toBe(arrivedAt(tcp, pubrel3));
    expect(tcp.states('sensor/out/2').at(-1)).toBe('completed');
    expect(tcp.payloads('app')).toEqual(['open', 'closed']);
    // the only resends in the run come right after a session-present CONNACK
    const resends = tcp
      .sends({ type: 'PUBLISH', from: 'sensor' })
      .filter((s) => s.packet.type === 'PUBLISH' && s.packet.dup)
      .concat([pubrel3]);
    expect(resends.map((s) => s.atMs)).toEqual([arrivedAt(tcp, connacks[1]), arrivedAt(tcp, connacks[2])]);
  },
  cost: ({ cost }) => {
    // cost: 50 ms each way, and the table in both languages is what the run measures
    expect(
      arrivedAt(cost, cost.packet({ type: 'PUBLISH', from: 'sensor' })) -
        cost.packet({ type: 'PUBLISH', from: 'sensor' }).atMs,
    ).toBe(50);
    const measured = measureCost(cost);
    expect(tableOf('en')).toEqual(measured);
    expect(tableOf('zh')).toEqual(measured);
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'pubrel-byte': ({ clean }) => clean.packet({ type: 'PUBREL', from: 'sensor' }).bytes[0],
  'predict-forward': ({ clean }) => {
    const forwardedMs = clean.packet({ type: 'PUBLISH', from: 'broker', to: 'app' }).atMs;
    const at = (type: 'PUBLISH' | 'PUBREL') => arrivedAt(clean, clean.packet({ type, from: 'sensor' }));
    if (forwardedMs === at('PUBLISH')) return 'on-publish';
    if (forwardedMs === at('PUBREL')) return 'on-pubrel';
    return 'on-pubcomp';
  },
  'predict-pubrec': (runs) => {
    const run = runs['lose-pubrec'];
    if (run.payloads('app').length > 1) return 'forward-again';
    return run.sends({ type: 'PUBREC', from: 'broker', to: 'sensor' }).length > 1 ? 'pubrec-again' : 'ignore';
  },
  'predict-pubrel': (runs) => {
    const run = runs['lose-pubrel'];
    const next = nextFromSensor(run, run.packet({ type: 'PUBREL', from: 'sensor' }).atMs);
    return next?.packet.type === 'PUBREL' ? 'pubrel' : next?.packet.type === 'PUBLISH' ? 'publish' : 'nothing';
  },
  'predict-pubcomp': (runs) => {
    const run = runs['lose-pubcomp'];
    if (run.payloads('app').length > 1) return 'deliver-again';
    return run.sends({ type: 'PUBCOMP', from: 'broker', to: 'sensor' }).length > 1 &&
      run.states('sensor/out/1').at(-1) === 'completed'
      ? 'pubcomp'
      : 'stuck';
  },
  'predict-resume': ({ tcp }) => {
    const resumed = tcp.sends({ type: 'CONNACK', to: 'sensor' })[2];
    const next = nextFromSensor(tcp, arrivedAt(tcp, resumed) - 1);
    return next?.packet.type === 'PUBREL' ? 'pubrel' : next?.packet.type === 'PUBLISH' ? 'publish' : 'nothing';
  },
};
