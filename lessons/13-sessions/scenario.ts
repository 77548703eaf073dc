import { defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/**
 * Two runs: over TCP, a phone with a persistent session and a tablet with a clean one lose their
 * connections and come back; then the lossy teaching model, where the broker resends on a timer.
 */
export default defineLesson({
  id: '13-sessions',
  scenarios: {
    tcp: defineScenario({
      title: 'Sessions over TCP: clean and persistent, offline and back',
      clients: [
        { id: 'sensor', keepAliveS: 5 },
        { id: 'phone', clean: false, keepAliveS: 5 },
        { id: 'tablet', clean: true, keepAliveS: 5 },
      ],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, id: 'phone-connect', do: 'connect', client: 'phone' },
        { atMs: 0, id: 'tablet-connect', do: 'connect', client: 'tablet' },
        { atMs: 200, do: 'subscribe', client: 'phone', filter: 'home/door', qos: 1 },
        { atMs: 200, do: 'subscribe', client: 'tablet', filter: 'home/door', qos: 1 },
        { atMs: 500, id: 'open', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
        // the broker forwards "open" at 550 ms; 10 ms later the Wi-Fi goes and both connections reset
        { atMs: 560, id: 'break', do: 'reset', client: 'phone' },
        { atMs: 560, id: 'break-tablet', do: 'reset', client: 'tablet' },
        { atMs: 1_000, id: 'closed', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'closed', qos: 1 },
        { atMs: 1_200, id: 'ajar', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'ajar', qos: 0 },
        { atMs: 2_000, id: 'phone-back', do: 'connect', client: 'phone' },
        { atMs: 2_000, id: 'tablet-back', do: 'connect', client: 'tablet' },
        { atMs: 2_500, id: 'locked', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'locked', qos: 1 },
      ],
      untilMs: 3_000,
    }),
    lossy: defineScenario({
      title: 'A lost PUBLISH, resent on a timer (textbook model)',
      transport: 'lossy',
      broker: { retryMs: 1_000 },
      clients: [
        { id: 'sensor', keepAliveS: 5 },
        { id: 'phone', clean: false, keepAliveS: 5 },
      ],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'phone' },
        { atMs: 200, do: 'subscribe', client: 'phone', filter: 'home/door', qos: 1 },
        { atMs: 400, id: 'lose', do: 'fault', fault: 'drop', from: 'broker', to: 'phone', packet: 'PUBLISH' },
        { atMs: 500, id: 'open', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
      ],
      untilMs: 2_000,
    }),
  },
  steps: [
    {
      id: 'two-clients',
      scenario: 'tcp',
      run: { packet: { type: 'SUBACK', to: 'tablet' } },
      highlight: { packet: { type: 'CONNECT', from: 'phone' }, field: 'clean' },
    },
    {
      id: 'break',
      run: { step: 'break-tablet' },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'phone' }, actor: 'broker/phone/out/1' },
    },
    {
      id: 'while-away',
      run: { timeMs: 1_300 },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor', nth: 3 }, field: 'qos' },
    },
    { id: 'predict-return', quiz: { kind: 'choice', answer: 'open-closed' }, highlight: { actor: 'phone' } },
    {
      id: 'reconnect',
      await: { step: 'phone-back' },
      run: { packet: { type: 'CONNACK', to: 'phone', nth: 2 } },
      highlight: { packet: { type: 'CONNACK', to: 'phone', nth: 2 } },
    },
    {
      id: 'session-present',
      quiz: { kind: 'byte', answer: 0x01 },
      highlight: { packet: { type: 'CONNACK', to: 'phone', nth: 2 } },
    },
    {
      id: 'redelivery',
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'phone', nth: 3 } },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'phone', nth: 2 }, field: 'dup' },
    },
    { id: 'predict-tablet', quiz: { kind: 'choice', answer: 'phone-only' }, run: { end: true } },
    {
      id: 'clean-start',
      highlight: { packet: { type: 'CONNACK', to: 'tablet', nth: 2 }, field: 'sessionPresent' },
    },
    {
      id: 'textbook',
      scenario: 'lossy',
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'phone', nth: 2 } },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'phone', nth: 2 }, field: 'dup' },
    },
    { id: 'summary', scenario: 'tcp', run: { end: true } },
  ],
});
