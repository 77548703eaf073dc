import { type Scenario, defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/** A sensor with a will, a publish, then its link goes silent (no FIN, no RST: a pulled plug). */
function silent(keepAliveS: number): Scenario {
  return defineScenario({
    title:
      keepAliveS > 0
        ? `Keep Alive ${keepAliveS} s: PINGREQ, PINGRESP, and a silent link`
        : 'Keep Alive 0: a silent link nobody notices',
    clients: [
      { id: 'sensor', keepAliveS, will: { topic: 'sensor/status', payload: 'offline', qos: 1 } },
      { id: 'app' },
    ],
    steps: [
      { atMs: 0, do: 'connect', client: 'sensor' },
      { atMs: 0, do: 'connect', client: 'app' },
      { atMs: 200, do: 'subscribe', client: 'app', filter: 'sensor/status', qos: 1 },
      { atMs: 500, id: 'publish', do: 'publish', client: 'sensor', topic: 'sensor/temp', payload: '21.5', qos: 0 },
      { atMs: 3_000, id: 'cut', do: 'cut', client: 'sensor' },
    ],
    untilMs: 10_000,
  });
}

/** Over TCP, the transport MQTT runs on: keepalive exists because TCP alone does not notice a silent link. */
export default defineLesson({
  id: '11-keepalive',
  scenarios: { keepalive: silent(2), off: silent(0) },
  steps: [
    {
      id: 'connect',
      scenario: 'keepalive',
      run: { packet: { type: 'CONNECT', from: 'sensor' } },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'keepAlive' },
    },
    {
      id: 'predict-ping',
      quiz: { kind: 'choice', answer: 'two-half' },
      run: { packet: { type: 'PINGREQ', from: 'sensor' } },
    },
    { id: 'pingreq', highlight: { packet: { type: 'PINGREQ', from: 'sensor' }, actor: 'sensor' } },
    {
      id: 'pingreq-byte',
      quiz: { kind: 'byte', answer: 0xc0 },
      run: { packet: { type: 'PINGRESP', to: 'sensor' } },
    },
    { id: 'pingresp', highlight: { packet: { type: 'PINGRESP', to: 'sensor' }, actor: 'broker/sensor#1' } },
    { id: 'cut', await: { step: 'cut' }, run: { step: 'cut' } },
    {
      id: 'predict-close',
      quiz: { kind: 'choice', answer: 'three' },
      run: { timeMs: 5_550 },
      highlight: { actor: 'broker/sensor#1' },
    },
    {
      id: 'closed',
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' } },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' } },
    },
    {
      id: 'half-open',
      run: { timeMs: 7_000 },
      highlight: { packet: { type: 'PINGREQ', from: 'sensor', nth: 2 }, actor: 'sensor' },
    },
    { id: 'gives-up', run: { end: true }, highlight: { actor: 'sensor' } },
    { id: 'off', scenario: 'off', run: { end: true }, highlight: { actor: 'broker/sensor#1' } },
  ],
});
