import { defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/**
 * One run over TCP that uses all fourteen packet types of MQTT 3.1.1, to read the first byte of
 * each: a QoS 2 retained PUBLISH, a QoS 1 PUBLISH, a subscription and its end, a keepalive ping.
 * Then a second run with a faulty client, whose SUBSCRIBE leaves with the wrong flags.
 */
export default defineLesson({
  id: '04-fixed-header',
  scenarios: {
    flags: defineScenario({
      title: 'The first byte: packet type and flags',
      clients: [{ id: 'sensor' }, { id: 'app', keepAliveS: 2 }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, id: 'subscribe', do: 'subscribe', client: 'app', filter: 'home/#', qos: 2 },
        {
          atMs: 500,
          id: 'publish-qos2',
          do: 'publish',
          client: 'sensor',
          topic: 'home/door',
          payload: 'open',
          qos: 2,
          retain: true,
        },
        {
          atMs: 1_000,
          id: 'publish-qos1',
          do: 'publish',
          client: 'sensor',
          topic: 'home/light',
          payload: 'on',
          qos: 1,
        },
        { atMs: 1_500, id: 'unsubscribe', do: 'unsubscribe', client: 'app', filter: 'home/#' },
        // the app then sends nothing for 2 s: its keepalive sends PINGREQ at 3500 ms
        { atMs: 4_000, id: 'disconnect', do: 'disconnect', client: 'app' },
      ],
      untilMs: 4_500,
    }),
    // The app's SUBSCRIBE leaves with its first byte 0x82 XOR 0x02 = 0x80: flags 0000, not 0010. A
    // buggy sender, not line noise (TCP's checksum would catch that): the broker must close.
    broken: defineScenario({
      title: 'A faulty client: a SUBSCRIBE with flags 0000',
      clients: [{ id: 'sensor' }, { id: 'app' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 150, id: 'fault', do: 'fault', fault: 'corrupt', from: 'app', packet: 'SUBSCRIBE', byte: 0, xor: 0x02 },
        { atMs: 200, id: 'subscribe', do: 'subscribe', client: 'app', filter: 'home/#', qos: 2 },
        { atMs: 500, id: 'publish', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
      ],
      untilMs: 1_000,
    }),
  },
  steps: [
    {
      id: 'first-byte',
      scenario: 'flags',
      run: { packet: { type: 'CONNECT', from: 'sensor' } },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'fixedHeader.firstByte' },
    },
    {
      id: 'types',
      run: { packet: { type: 'CONNACK', to: 'sensor' } },
      highlight: { packet: { type: 'CONNACK', to: 'sensor' }, field: 'type' },
    },
    {
      id: 'subscribe-byte',
      quiz: { kind: 'byte', answer: 0x82 },
      run: { packet: { type: 'SUBSCRIBE', from: 'app' } },
    },
    { id: 'reserved-flags', highlight: { packet: { type: 'SUBSCRIBE', from: 'app' }, field: 'flags' } },
    {
      id: 'publish-byte',
      quiz: { kind: 'byte', answer: 0x35 },
      run: { packet: { type: 'PUBLISH', from: 'sensor' } },
    },
    { id: 'publish-flags', highlight: { packet: { type: 'PUBLISH', from: 'sensor' }, field: 'qos' } },
    {
      id: 'forwarded',
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' } },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' }, field: 'retain' },
    },
    {
      id: 'qos2-flow',
      run: { packet: { type: 'PUBCOMP', from: 'app' } },
      highlight: { packet: { type: 'PUBREL', from: 'sensor' }, field: 'fixedHeader.firstByte' },
    },
    {
      id: 'the-rest',
      run: { end: true },
      highlight: { packet: { type: 'UNSUBSCRIBE', from: 'app' }, field: 'flags' },
    },
    { id: 'predict-malformed', scenario: 'broken', quiz: { kind: 'choice', answer: 'close' }, run: { end: true } },
    // Bytes that break the rule at byte 0 have no fields to point at: the inspector shows the
    // packet's bytes with the error, the rule and the offending byte instead.
    { id: 'why-close', highlight: { packet: { type: 'SUBSCRIBE', from: 'app' } } },
  ],
});
