/** What lesson 02's prose claims, asserted on its runs. */
import { expect } from 'vitest';
import {
  MqttError,
  checkTopicFilter,
  checkTopicName,
  decode,
  encode,
  topicMatches,
  findSpan,
} from '../../engine/index.ts';
import type { Checks, QuizChecks } from '../lesson.ts';
import type { Run } from '../run.ts';

const text = new TextDecoder();

/** The rule an MqttError names when `fn` refuses its input (and fails the check if it does not). */
function ruleOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MqttError) return error.rule;
    throw error;
  }
  throw new Error('expected an MqttError');
}

/** Who received a message on `topic`. */
function receivers(run: Run, topic: string): string[] {
  return run
    .deliveries()
    .filter((d) => d.topic === topic)
    .map((d) => d.client)
    .sort();
}

/** The broker's decisions about retained messages, in order. */
function retainedNotes(run: Run) {
  return run.trace.flatMap((e) =>
    e.kind === 'note' &&
    (e.code === 'retained-stored' || e.code === 'retained-replaced' || e.code === 'retained-cleared')
      ? [e]
      : [],
  );
}

export const checks: Checks = {
  topics: (runs) => {
    const { wildcards, retained } = runs;
    // both runs are over TCP and lose nothing
    for (const run of [wildcards, retained]) {
      expect(run.scenario.transport ?? 'tcp').toBe('tcp');
      expect(run.trace.some((e) => e.kind === 'drop')).toBe(false);
    }

    // topics: three filters, each in its SUBSCRIBE's payload
    const filters = { room: 'home/+/temp', house: 'home/#', all: '#' };
    for (const [client, filter] of Object.entries(filters)) {
      const subscribe = wildcards.packet({ type: 'SUBSCRIBE', from: client });
      expect(subscribe.packet).toMatchObject({ subscriptions: [{ topicFilter: filter }] });
      const payload = findSpan(decode(subscribe.bytes, 4, { spans: true }).spans!, 'payload')!;
      expect(text.decode(subscribe.bytes.subarray(payload.start, payload.end))).toContain(filter);
    }
    // a topic name must not contain wildcards [MQTT-3.3.2-2]
    expect(ruleOf(() => checkTopicName('home/+/temp', 4, 0))).toBe('MQTT-3.3.2-2');
    const wild = { type: 'PUBLISH', dup: false, qos: 0, retain: false, topic: 'home/#', payload: new Uint8Array() };
    expect(ruleOf(() => encode(wild as never))).toBe('MQTT-3.3.2-2');
  },
  'plus-hash': ({ wildcards }) => {
    // plus-hash: home/kitchen/temp reaches all three; # alone matches every topic (not starting with $)
    expect(receivers(wildcards, 'home/kitchen/temp')).toEqual(['all', 'house', 'room']);
    for (const send of wildcards.sends({ type: 'PUBLISH', from: 'sensor' })) {
      if (send.packet.type !== 'PUBLISH' || send.packet.topic.startsWith('$')) continue;
      expect(topicMatches('#', send.packet.topic)).toBe(true);
    }
    expect(wildcards.packet({ type: 'PUBLISH', from: 'sensor' }).packet).toMatchObject({ topic: 'home/kitchen/temp' });
  },
  'one-level': ({ wildcards }) => {
    // one-level: home/kitchen/fridge/temp reaches house and all, not room; home/+/+/temp would match
    expect(receivers(wildcards, 'home/kitchen/fridge/temp')).toEqual(['all', 'house']);
    expect(topicMatches('home/+/+/temp', 'home/kitchen/fridge/temp')).toBe(true);
    // + fills a whole level [MQTT-4.7.1-3]
    expect(() => checkTopicFilter('home/+/temp', 4, 0)).not.toThrow();
    expect(ruleOf(() => checkTopicFilter('home/+temp', 4, 0))).toBe('MQTT-4.7.1-3');
  },
  parent: ({ wildcards }) => {
    // parent: home reaches house and all, not room; # is last and on its own [MQTT-4.7.1-2]
    expect(receivers(wildcards, 'home')).toEqual(['all', 'house']);
    expect(wildcards.packet({ type: 'PUBLISH', from: 'broker', to: 'house', nth: 3 }).packet).toMatchObject({
      topic: 'home',
    });
    for (const valid of ['home/#', '#']) expect(() => checkTopicFilter(valid, 4, 0)).not.toThrow();
    for (const invalid of ['home/#/temp', 'home#'])
      expect(ruleOf(() => checkTopicFilter(invalid, 4, 0))).toBe('MQTT-4.7.1-2');
  },
  dollar: ({ wildcards }) => {
    // dollar: $SYS/broker/uptime reaches nobody, the broker forwards nothing [MQTT-4.7.2-1]
    const dollar = wildcards.packet({ type: 'PUBLISH', from: 'sensor', nth: 4 });
    expect(dollar.packet).toMatchObject({ topic: '$SYS/broker/uptime' });
    expect(receivers(wildcards, '$SYS/broker/uptime')).toEqual([]);
    expect(wildcards.sends({ type: 'PUBLISH', from: 'broker' }).filter((s) => s.seq > dollar.seq)).toEqual([]);
    expect(topicMatches('#', '$SYS/broker/uptime')).toBe(false);
    expect(topicMatches('+/broker/uptime', '$SYS/broker/uptime')).toBe(false);
    expect(topicMatches('$SYS/#', '$SYS/broker/uptime')).toBe(true);
  },
  retain: ({ retained }) => {
    // retain: early subscribes first; the sensor publishes locked, QoS 1, RETAIN 1; the broker stores it with its QoS
    const early = retained.packet({ type: 'SUBSCRIBE', from: 'early' });
    const locked = retained.packet({ type: 'PUBLISH', from: 'sensor' });
    expect(early.seq).toBeLessThan(locked.seq);
    expect(locked.packet).toMatchObject({ topic: 'home/door', qos: 1, retain: true });
    expect(retainedNotes(retained).map((n) => [n.code, n.params.payload, n.params.qos])).toEqual([
      ['retained-stored', 'locked', 1],
      ['retained-cleared', '', 1],
    ]);
    // early's copy has RETAIN 0 [MQTT-3.3.1-9]
    expect(retained.packet({ type: 'PUBLISH', from: 'broker', to: 'early' }).packet).toMatchObject({ retain: false });
    expect(retained.deliveries('early')[0]).toMatchObject({ payload: 'locked', retain: false });
  },
  'late-gets-it': ({ retained }) => {
    const locked = retained.packet({ type: 'PUBLISH', from: 'sensor' });
    // late-gets-it: late subscribes 500 ms after the publish; right after its SUBACK, locked with RETAIN 1
    const lateSub = retained.packet({ type: 'SUBSCRIBE', from: 'late' });
    expect(lateSub.atMs - locked.atMs).toBe(500);
    const lateSuback = retained.packet({ type: 'SUBACK', to: 'late' });
    const lateCopy = retained.packet({ type: 'PUBLISH', from: 'broker', to: 'late' });
    expect(lateCopy.seq).toBeGreaterThan(lateSuback.seq);
    expect(lateCopy.atMs).toBe(lateSuback.atMs);
    expect(lateCopy.packet).toMatchObject({ topic: 'home/door', retain: true });
    expect(retained.deliveries('late')[0]).toMatchObject({ payload: 'locked', retain: true });
  },
  clear: ({ retained }) => {
    // clear: empty payload, RETAIN 1, remaining length 13 = topic (2 + 9) + packet id (2)
    const clear = retained.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 });
    if (clear.packet.type !== 'PUBLISH') throw new Error('not a PUBLISH');
    expect(clear.packet).toMatchObject({ topic: 'home/door', retain: true, qos: 1 });
    expect(clear.packet.payload.length).toBe(0);
    expect(clear.bytes[1]).toBe(13);
    expect(2 + 'home/door'.length + 2).toBe(13);
    // early and late still receive it: an empty message, RETAIN 0
    for (const client of ['early', 'late']) {
      expect(retained.deliveries(client).at(-1)).toMatchObject({ topic: 'home/door', payload: '', retain: false });
    }

    // newcomer: a SUBACK and nothing else
    expect(retained.sends({ type: 'SUBACK', to: 'newcomer' })).toHaveLength(1);
    expect(retained.sends({ type: 'PUBLISH', to: 'newcomer' })).toHaveLength(0);
    expect(retained.deliveries('newcomer')).toHaveLength(0);
  },
};

/** What really happens at each quiz: the option the run shows. */
export const quizzes: QuizChecks = {
  'predict-fridge': ({ wildcards }) => {
    const got = receivers(wildcards, 'home/kitchen/fridge/temp').join();
    return got === 'all,house,room' ? 'three' : got === 'all,house' ? 'two' : got === 'all' ? 'one' : '?';
  },
  'predict-parent': ({ wildcards }) => (receivers(wildcards, 'home').includes('house') ? 'yes' : 'no'),
  'predict-dollar': ({ wildcards }) => {
    const got = receivers(wildcards, '$SYS/broker/uptime');
    return got.length === 0 ? 'nobody' : got.join() === 'all' ? 'all-gets' : '?';
  },
  'predict-late': ({ retained }) => {
    const got = retained.deliveries('late');
    const before = got.filter((d) => d.atMs < retained.packet({ type: 'PUBLISH', from: 'sensor', nth: 2 }).atMs);
    if (before.length === 0) return 'nothing';
    return before.length === 1 && before[0].payload === 'locked' && before[0].retain ? 'retained' : 'history';
  },
  'predict-newcomer': ({ retained }) => {
    const got = retained.deliveries('newcomer');
    if (got.length === 0) return 'nothing';
    return got[0].payload === 'locked' ? 'locked' : 'empty';
  },
};
