import { defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/** One short run over TCP, to open real packets: a CONNECT, a CONNACK, a PUBLISH, a DISCONNECT. */
export default defineLesson({
  id: '03-anatomy',
  scenarios: {
    anatomy: defineScenario({
      title: 'Inside a packet: fixed header, variable header, payload',
      clients: [{ id: 'sensor' }, { id: 'app' }],
      steps: [
        { atMs: 0, id: 'connect', do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, id: 'subscribe', do: 'subscribe', client: 'app', filter: 'home/temp', qos: 1 },
        { atMs: 500, id: 'publish', do: 'publish', client: 'sensor', topic: 'home/temp', payload: '21.5', qos: 1 },
        { atMs: 1_000, id: 'disconnect', do: 'disconnect', client: 'sensor' },
      ],
      untilMs: 1_500,
    }),
  },
  steps: [
    {
      id: 'three-parts',
      scenario: 'anatomy',
      run: { packet: { type: 'CONNECT', from: 'sensor' } },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' } },
    },
    { id: 'fixed-header', highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'fixedHeader' } },
    { id: 'variable-header', highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'variableHeader' } },
    { id: 'predict-payload', quiz: { kind: 'choice', answer: 'client-id' } },
    { id: 'client-id', highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'clientId' } },
    {
      id: 'connack',
      run: { packet: { type: 'CONNACK', to: 'sensor' } },
      highlight: { packet: { type: 'CONNACK', to: 'sensor' }, field: 'variableHeader' },
    },
    {
      id: 'publish',
      run: { packet: { type: 'PUBLISH', from: 'sensor' } },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor' }, field: 'variableHeader' },
    },
    { id: 'remaining-length', quiz: { kind: 'byte', answer: 0x11 } },
    { id: 'payload', highlight: { packet: { type: 'PUBLISH', from: 'sensor' }, field: 'payload' } },
    {
      id: 'predict-disconnect',
      quiz: { kind: 'choice', answer: 'fixed-only' },
      run: { packet: { type: 'DISCONNECT', from: 'sensor' } },
    },
    {
      id: 'which-parts',
      run: { end: true },
      highlight: { packet: { type: 'DISCONNECT', from: 'sensor' }, field: 'fixedHeader' },
    },
  ],
});
