import { defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/** One run over TCP: nothing is lost, the point is how packets are numbered and matched. */
export default defineLesson({
  id: '06-packet-id',
  scenarios: {
    ids: defineScenario({
      title: 'Packet identifiers: two QoS 1 messages in flight, a SUBSCRIBE and its SUBACK',
      clients: [{ id: 'sensor' }, { id: 'app' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, id: 'subscribe-app', do: 'subscribe', client: 'app', filter: 'home/#', qos: 1 },
        { atMs: 400, id: 'subscribe-sensor', do: 'subscribe', client: 'sensor', filter: 'sensor/cmd', qos: 1 },
        { atMs: 600, id: 'publish-a', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
        // 20 ms later: the PUBACK for 'open' is still on its way back
        { atMs: 620, id: 'publish-b', do: 'publish', client: 'sensor', topic: 'home/light', payload: 'on', qos: 1 },
      ],
      untilMs: 1_500,
    }),
  },
  steps: [
    {
      id: 'where',
      scenario: 'ids',
      run: { step: 'subscribe-app' },
      highlight: { packet: { type: 'SUBSCRIBE', from: 'app' }, field: 'packetId' },
    },
    {
      id: 'suback',
      run: { packet: { type: 'SUBACK', to: 'app' } },
      highlight: { packet: { type: 'SUBACK', to: 'app' }, field: 'packetId' },
    },
    {
      id: 'first-publish',
      run: { step: 'publish-a' },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor' }, field: 'packetId' },
    },
    { id: 'predict-id', quiz: { kind: 'choice', answer: 'other' }, run: { step: 'publish-b' } },
    {
      id: 'in-flight',
      highlight: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 }, field: 'packetId', actor: 'sensor/out/3' },
    },
    {
      id: 'puback-byte',
      quiz: { kind: 'byte', answer: 0x03 },
      run: { packet: { type: 'PUBACK', from: 'broker', to: 'sensor', nth: 2 } },
    },
    {
      id: 'matched',
      highlight: { packet: { type: 'PUBACK', from: 'broker', to: 'sensor', nth: 2 }, field: 'packetId' },
    },
    {
      id: 'per-hop',
      quiz: { kind: 'choice', answer: 'own' },
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' } },
    },
    {
      id: 'own-numbers',
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' }, field: 'packetId' },
    },
    { id: 'summary', run: { end: true }, highlight: { actor: 'sensor/out/2' } },
  ],
});
