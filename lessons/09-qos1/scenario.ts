import { defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/** Two runs: the textbook picture (a PUBACK lost on its own) and what TCP really does. */
export default defineLesson({
  id: '09-qos1',
  scenarios: {
    textbook: defineScenario({
      title: 'QoS 1: a lost PUBACK (textbook model)',
      transport: 'lossy',
      clients: [{ id: 'sensor', retryMs: 1_000 }, { id: 'app' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/door', qos: 1 },
        { atMs: 500, id: 'lose-puback', do: 'fault', fault: 'drop', from: 'broker', to: 'sensor', packet: 'PUBACK' },
        { atMs: 600, id: 'publish', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
      ],
      untilMs: 2_500,
    }),
    tcp: defineScenario({
      title: 'QoS 1 over TCP: the connection breaks before the PUBACK',
      clients: [{ id: 'sensor', clean: false, keepAliveS: 2 }, { id: 'app' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/door', qos: 1 },
        { atMs: 600, id: 'publish', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
        // the PUBLISH is at the broker (650 ms); the PUBACK on its way back is caught by the crash
        { atMs: 660, id: 'crash', do: 'crash', client: 'sensor' },
        { atMs: 2_000, id: 'reconnect', do: 'connect', client: 'sensor' },
      ],
      untilMs: 4_000,
    }),
  },
  steps: [
    {
      id: 'promise',
      scenario: 'textbook',
      run: { step: 'publish' },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor' }, field: 'packetId' },
    },
    { id: 'first-byte', run: { packet: { type: 'PUBLISH', from: 'sensor' } }, quiz: { kind: 'byte', answer: 0x32 } },
    {
      id: 'lost',
      run: { packet: { type: 'PUBACK', from: 'broker' } },
      highlight: { packet: { type: 'PUBACK', from: 'broker' } },
    },
    {
      id: 'predict-sender',
      quiz: { kind: 'choice', answer: 'resend-dup' },
      run: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 } },
    },
    { id: 'dup-flag', highlight: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 }, field: 'dup' } },
    { id: 'predict-app', quiz: { kind: 'choice', answer: 'twice' }, run: { end: true } },
    { id: 'tcp', scenario: 'tcp', run: { step: 'crash' }, highlight: { actor: 'sensor/out/1' } },
    {
      id: 'reconnect',
      await: { step: 'reconnect' },
      run: { end: true },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 }, field: 'dup' },
    },
    { id: 'summary', run: { end: true } },
  ],
});
