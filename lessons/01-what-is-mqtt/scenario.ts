import { defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/**
 * One run over TCP: a sensor publishes, a display and a logger subscribe. Every packet goes to or
 * from the broker; the logger leaves (its session stays) and comes back to find what it missed.
 */
export default defineLesson({
  id: '01-what-is-mqtt',
  scenarios: {
    pubsub: defineScenario({
      title: 'Publish / subscribe through a broker',
      clients: [{ id: 'sensor' }, { id: 'display' }, { id: 'logger', clean: false }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'display' },
        { atMs: 0, do: 'connect', client: 'logger' },
        { atMs: 200, id: 'subscribe-display', do: 'subscribe', client: 'display', filter: 'home/temp', qos: 1 },
        { atMs: 200, id: 'subscribe-logger', do: 'subscribe', client: 'logger', filter: 'home/temp', qos: 1 },
        { atMs: 500, id: 'publish-1', do: 'publish', client: 'sensor', topic: 'home/temp', payload: '21.5', qos: 0 },
        { atMs: 800, id: 'logger-leaves', do: 'disconnect', client: 'logger' },
        { atMs: 1_000, id: 'publish-2', do: 'publish', client: 'sensor', topic: 'home/temp', payload: '22.0', qos: 1 },
        { atMs: 1_500, id: 'logger-returns', do: 'connect', client: 'logger' },
      ],
      untilMs: 2_000,
    }),
  },
  steps: [
    {
      id: 'three-clients',
      scenario: 'pubsub',
      run: { packet: { type: 'CONNACK', to: 'logger' } },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' } },
    },
    {
      id: 'subscribe',
      run: { packet: { type: 'SUBACK', to: 'logger' } },
      highlight: { packet: { type: 'SUBSCRIBE', from: 'display' }, field: 'payload' },
    },
    {
      id: 'predict-route',
      quiz: { kind: 'choice', answer: 'via-broker' },
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'logger' } },
    },
    { id: 'via-broker', highlight: { packet: { type: 'PUBLISH', from: 'sensor' }, field: 'topic' } },
    {
      id: 'logger-leaves',
      run: { packet: { type: 'DISCONNECT', from: 'logger' } },
      highlight: { actor: 'logger' },
    },
    {
      id: 'predict-puback',
      quiz: { kind: 'choice', answer: 'broker-acks' },
      run: { packet: { type: 'PUBACK', to: 'sensor' } },
    },
    { id: 'no-waiting', highlight: { packet: { type: 'PUBACK', to: 'sensor' } } },
    {
      id: 'logger-returns',
      await: { step: 'logger-returns' },
      run: { end: true },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'logger', nth: 2 } },
    },
    { id: 'summary', run: { end: true } },
  ],
});
