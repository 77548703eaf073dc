import { type PacketType, type Scenario, type Step, defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

const subscribe: Step[] = [
  { atMs: 0, do: 'connect', client: 'sensor' },
  { atMs: 0, do: 'connect', client: 'app' },
  { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/door', qos: 2 },
];

/** The textbook run: one QoS 2 message, one packet of its handshake lost on the sensor's link. */
function lose(packet: PacketType): Scenario {
  const fromSensor = packet === 'PUBLISH' || packet === 'PUBREL';
  return defineScenario({
    title: `QoS 2: the ${packet} is lost (textbook model)`,
    transport: 'lossy',
    // 0.8 s, as in the lab's QoS 2 preset, so the lesson and the preset show the same numbers
    clients: [{ id: 'sensor', retryMs: 800 }, { id: 'app' }],
    steps: [
      ...subscribe,
      {
        atMs: 500,
        id: 'lose',
        do: 'fault',
        fault: 'drop',
        packet,
        ...(fromSensor ? { from: 'sensor' } : { from: 'broker', to: 'sensor' }),
      },
      { atMs: 600, id: 'publish', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 2 },
    ],
    untilMs: 2_500,
  });
}

/** QoS 2 in the textbook model (a loss at each of the four stages), over TCP, and what each QoS costs. */
export default defineLesson({
  id: '10-qos2',
  scenarios: {
    clean: defineScenario({
      title: 'QoS 2: PUBLISH, PUBREC, PUBREL, PUBCOMP over TCP',
      clients: [{ id: 'sensor' }, { id: 'app' }],
      steps: [
        ...subscribe,
        { atMs: 600, id: 'publish', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 2 },
      ],
      untilMs: 1_500,
    }),
    'lose-publish': lose('PUBLISH'),
    'lose-pubrec': lose('PUBREC'),
    'lose-pubrel': lose('PUBREL'),
    'lose-pubcomp': lose('PUBCOMP'),
    tcp: defineScenario({
      title: 'QoS 2 over TCP: the connection breaks before PUBREC, then before PUBCOMP',
      clients: [{ id: 'sensor', clean: false }, { id: 'app' }],
      steps: [
        ...subscribe,
        { atMs: 600, id: 'publish-open', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 2 },
        // the PUBLISH is at the broker (650 ms); its PUBREC, on the way back, is caught by the crash
        { atMs: 660, id: 'crash-1', do: 'crash', client: 'sensor' },
        { atMs: 1_000, id: 'reconnect-1', do: 'connect', client: 'sensor' },
        {
          atMs: 1_600,
          id: 'publish-closed',
          do: 'publish',
          client: 'sensor',
          topic: 'home/door',
          payload: 'closed',
          qos: 2,
        },
        // PUBREC came back at 1700 ms and PUBREL went out; the PUBCOMP is caught by the crash
        { atMs: 1_710, id: 'crash-2', do: 'crash', client: 'sensor' },
        { atMs: 2_000, id: 'reconnect-2', do: 'connect', client: 'sensor' },
      ],
      untilMs: 3_000,
    }),
    cost: defineScenario({
      title: 'The cost of QoS 0, 1 and 2 over TCP: one message each',
      clients: [{ id: 'sensor' }, { id: 'app' }],
      steps: [
        ...subscribe,
        { atMs: 500, id: 'publish-0', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'q0', qos: 0 },
        { atMs: 1_000, id: 'publish-1', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'q1', qos: 1 },
        { atMs: 1_500, id: 'publish-2', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'q2', qos: 2 },
      ],
      untilMs: 2_500,
    }),
  },
  steps: [
    {
      id: 'four',
      scenario: 'clean',
      run: { packet: { type: 'PUBREC', from: 'broker', to: 'sensor' } },
      highlight: { packet: { type: 'PUBREC', from: 'broker', to: 'sensor' } },
    },
    {
      id: 'pubrel-byte',
      quiz: { kind: 'byte', answer: 0x62 },
      run: { packet: { type: 'PUBREL', from: 'sensor' } },
      highlight: { packet: { type: 'PUBREL', from: 'sensor' }, field: 'fixedHeader.firstByte' },
    },
    {
      id: 'predict-forward',
      quiz: { kind: 'choice', answer: 'on-pubrel' },
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' } },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' } },
    },
    { id: 'method', run: { end: true }, highlight: { actor: 'app/in/1' } },
    {
      id: 'lose-publish',
      scenario: 'lose-publish',
      run: { end: true },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 }, field: 'dup' },
    },
    {
      id: 'lose-pubrec',
      scenario: 'lose-pubrec',
      run: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 } },
      highlight: { packet: { type: 'PUBREC', from: 'broker', to: 'sensor' }, actor: 'broker/sensor/in/1' },
    },
    {
      id: 'predict-pubrec',
      quiz: { kind: 'choice', answer: 'pubrec-again' },
      run: { packet: { type: 'PUBREC', from: 'broker', to: 'sensor', nth: 2 } },
    },
    {
      id: 'kept-id',
      run: { end: true },
      highlight: { packet: { type: 'PUBREC', from: 'broker', to: 'sensor', nth: 2 }, actor: 'broker/sensor/in/1' },
    },
    {
      id: 'lose-pubrel',
      scenario: 'lose-pubrel',
      run: { timeMs: 1_000 },
      highlight: { packet: { type: 'PUBREL', from: 'sensor' }, actor: 'sensor/out/1' },
    },
    {
      id: 'predict-pubrel',
      quiz: { kind: 'choice', answer: 'pubrel' },
      run: { packet: { type: 'PUBREL', from: 'sensor', nth: 2 } },
    },
    { id: 'pubrel-again', run: { end: true }, highlight: { packet: { type: 'PUBREL', from: 'sensor', nth: 2 } } },
    {
      id: 'lose-pubcomp',
      scenario: 'lose-pubcomp',
      run: { timeMs: 1_000 },
      highlight: { packet: { type: 'PUBCOMP', from: 'broker', to: 'sensor' }, actor: 'broker/sensor/in/1' },
    },
    {
      id: 'predict-pubcomp',
      quiz: { kind: 'choice', answer: 'pubcomp' },
      run: { packet: { type: 'PUBCOMP', from: 'broker', to: 'sensor', nth: 2 } },
    },
    {
      id: 'exactly-once',
      run: { end: true },
      highlight: { packet: { type: 'PUBCOMP', from: 'broker', to: 'sensor', nth: 2 } },
    },
    { id: 'tcp', scenario: 'tcp', run: { step: 'crash-1' }, highlight: { actor: 'sensor/out/1' } },
    {
      id: 'resume-publish',
      await: { step: 'reconnect-1' },
      run: { packet: { type: 'PUBCOMP', from: 'broker', to: 'sensor' } },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor', nth: 2 }, field: 'dup' },
    },
    { id: 'resume-pubrel', run: { timeMs: 1_900 }, highlight: { actor: 'sensor/out/2' } },
    {
      id: 'predict-resume',
      quiz: { kind: 'choice', answer: 'pubrel' },
      run: { packet: { type: 'PUBREL', from: 'sensor', nth: 3 } },
      highlight: { packet: { type: 'PUBREL', from: 'sensor', nth: 3 } },
    },
    {
      id: 'resent-pubrel',
      run: { end: true },
      highlight: { packet: { type: 'PUBCOMP', from: 'broker', to: 'sensor', nth: 3 } },
    },
    { id: 'cost', scenario: 'cost', run: { end: true } },
  ],
});
