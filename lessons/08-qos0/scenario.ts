import { type QoS, type Scenario, defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/** The textbook run: two messages, the second lost on its own — with QoS 0, or with QoS 1. */
function textbook(qos: QoS): Scenario {
  return defineScenario({
    title: `QoS ${qos}: a PUBLISH lost on the way (textbook model)`,
    transport: 'lossy',
    clients: [{ id: 'sensor' }, { id: 'app' }],
    steps: [
      { atMs: 0, do: 'connect', client: 'sensor' },
      { atMs: 0, do: 'connect', client: 'app' },
      { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/door', qos: 1 },
      { atMs: 400, id: 'publish-closed', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'closed', qos },
      { atMs: 700, id: 'lose', do: 'fault', fault: 'drop', from: 'sensor', packet: 'PUBLISH' },
      { atMs: 800, id: 'publish-open', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos },
    ],
    untilMs: 2_500,
  });
}

/** Three runs: the textbook picture with QoS 0, the same with QoS 1, and what loss looks like over TCP. */
export default defineLesson({
  id: '08-qos0',
  scenarios: {
    textbook: textbook(0),
    qos1: textbook(1),
    tcp: defineScenario({
      title: 'QoS 0 over TCP: a lost segment is resent underneath; a reset connection loses the message',
      clients: [{ id: 'sensor', reconnectMs: 500 }, { id: 'app' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/door', qos: 1 },
        // the first transmission of the next PUBLISH's segment is lost; TCP sends it again
        { atMs: 300, id: 'lose-segment', do: 'fault', fault: 'drop', from: 'sensor', packet: 'PUBLISH' },
        {
          atMs: 400,
          id: 'publish-closed',
          do: 'publish',
          client: 'sensor',
          topic: 'home/door',
          payload: 'closed',
          qos: 0,
        },
        { atMs: 800, id: 'publish-open', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 0 },
        // 20 ms later, with the PUBLISH on its way, the connection is reset
        { atMs: 820, id: 'reset', do: 'reset', client: 'sensor' },
      ],
      untilMs: 2_500,
    }),
  },
  steps: [
    {
      id: 'fire',
      scenario: 'textbook',
      run: { step: 'publish-closed' },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor' }, field: 'variableHeader' },
    },
    { id: 'first-byte', quiz: { kind: 'byte', answer: 0x30 }, run: { packet: { type: 'PUBLISH', from: 'sensor' } } },
    {
      id: 'no-answer',
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' } },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' } },
    },
    {
      id: 'predict-lost',
      quiz: { kind: 'choice', answer: 'nothing' },
      run: { end: true },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 } },
    },
    { id: 'gone', run: { end: true } },
    {
      id: 'qos1',
      scenario: 'qos1',
      run: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 } },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 }, field: 'packetId', actor: 'sensor/out/2' },
    },
    { id: 'predict-qos1', quiz: { kind: 'choice', answer: 'once' }, run: { end: true } },
    { id: 'resent', highlight: { packet: { type: 'PUBLISH', from: 'sensor', nth: 3 }, field: 'dup' } },
    {
      id: 'tcp',
      scenario: 'tcp',
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' } },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor' } },
    },
    { id: 'reset', run: { end: true }, highlight: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 } } },
    { id: 'when', run: { end: true } },
  ],
});
