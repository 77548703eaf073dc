import { defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

const sensor = {
  id: 'sensor',
  username: 'door',
  password: 'secret',
  will: { topic: 'home/door/status', payload: 'offline', qos: 1 as const },
};

/** Two runs over TCP, the same requests in MQTT 3.1.1 and in 5.0: the point is what the packets carry. */
export default defineLesson({
  id: '07-payload',
  scenarios: {
    v311: defineScenario({
      title: 'Payloads: what CONNECT, SUBSCRIBE, PUBLISH and their answers carry (MQTT 3.1.1)',
      clients: [sensor, { id: 'app' }],
      steps: [
        { atMs: 0, id: 'connect', do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, id: 'subscribe', do: 'subscribe', client: 'app', filter: 'home/#', qos: 1 },
        { atMs: 400, id: 'publish', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
        { atMs: 600, id: 'publish-empty', do: 'publish', client: 'sensor', topic: 'home/door', payload: '', qos: 0 },
        { atMs: 800, id: 'publish-zh', do: 'publish', client: 'sensor', topic: 'home/door', payload: '开', qos: 0 },
        { atMs: 1_000, id: 'unsubscribe', do: 'unsubscribe', client: 'app', filter: 'home/#' },
      ],
      untilMs: 1_500,
    }),
    v5: defineScenario({
      title: 'Payloads: UNSUBACK in MQTT 5.0 carries reason codes',
      version: 5,
      clients: [{ id: 'app' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, id: 'subscribe', do: 'subscribe', client: 'app', filter: 'home/#', qos: 1 },
        { atMs: 400, id: 'unsubscribe', do: 'unsubscribe', client: 'app', filter: 'home/#' },
        { atMs: 600, id: 'unsubscribe-again', do: 'unsubscribe', client: 'app', filter: 'home/#' },
      ],
      untilMs: 1_000,
    }),
  },
  steps: [
    {
      id: 'connect',
      scenario: 'v311',
      run: { packet: { type: 'CONNECT', from: 'sensor' } },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'payload' },
    },
    {
      id: 'subscribe',
      run: { packet: { type: 'SUBSCRIBE', from: 'app' } },
      highlight: { packet: { type: 'SUBSCRIBE', from: 'app' }, field: 'payload' },
    },
    { id: 'suback-byte', quiz: { kind: 'byte', answer: 0x01 }, run: { packet: { type: 'SUBACK', to: 'app' } } },
    {
      id: 'publish',
      run: { packet: { type: 'PUBLISH', from: 'sensor' } },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor' }, field: 'payload' },
    },
    {
      id: 'predict-puback',
      quiz: { kind: 'choice', answer: 'no' },
      run: { packet: { type: 'PUBACK', from: 'broker', to: 'sensor' } },
      highlight: { packet: { type: 'PUBACK', from: 'broker', to: 'sensor' } },
    },
    {
      id: 'predict-empty',
      quiz: { kind: 'choice', answer: 'delivered' },
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'app', nth: 2 } },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 } },
    },
    {
      id: 'any-bytes',
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'app', nth: 3 } },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'app', nth: 3 }, field: 'payload' },
    },
    {
      id: 'unsubscribe',
      run: { end: true },
      highlight: { packet: { type: 'UNSUBACK', to: 'app' } },
    },
    {
      id: 'v5-unsuback',
      scenario: 'v5',
      run: { packet: { type: 'UNSUBACK', to: 'app' } },
      highlight: { packet: { type: 'UNSUBACK', to: 'app' }, field: 'payload' },
    },
    {
      id: 'predict-unsuback',
      quiz: { kind: 'choice', answer: 'no-subscription' },
      run: { end: true },
    },
    { id: 'summary', highlight: { packet: { type: 'UNSUBACK', to: 'app', nth: 2 }, field: 'payload' } },
  ],
});
