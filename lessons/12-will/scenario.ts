import { type Step, type WillSpec, defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/** The sensor's last will: a retained "offline" on its status topic. */
const WILL: WillSpec = { topic: 'sensors/kitchen/status', payload: 'offline', qos: 1, retain: true };

/** Every run starts alike: the sensor connects with its will and announces itself "online" (retained). */
const START: Step[] = [
  { atMs: 0, id: 'connect', do: 'connect', client: 'sensor' },
  { atMs: 0, do: 'connect', client: 'dashboard' },
  {
    atMs: 200,
    id: 'online',
    do: 'publish',
    client: 'sensor',
    topic: 'sensors/kitchen/status',
    payload: 'online',
    qos: 1,
    retain: true,
  },
  { atMs: 300, id: 'watch', do: 'subscribe', client: 'dashboard', filter: 'sensors/+/status', qos: 1 },
];

/** A phone that only looks later: it learns the sensor's status from the retained message. */
const LATE_LOOK: Step[] = [
  { atMs: 1_500, do: 'connect', client: 'phone' },
  { atMs: 1_700, id: 'phone-watch', do: 'subscribe', client: 'phone', filter: 'sensors/+/status', qos: 1 },
];

/**
 * Three ways to leave, all over TCP: a crash, a goodbye, and a cable that goes quiet; then MQTT
 * 5.0's will that waits, and a sensor back before it goes out.
 */
export default defineLesson({
  id: '12-will',
  scenarios: {
    crash: defineScenario({
      title: 'Last will: the sensor crashes',
      clients: [{ id: 'sensor', keepAliveS: 2, will: WILL }, { id: 'dashboard' }, { id: 'phone' }],
      steps: [...START, { atMs: 1_000, id: 'crash', do: 'crash', client: 'sensor' }, ...LATE_LOOK],
      untilMs: 2_200,
    }),
    goodbye: defineScenario({
      title: 'Last will: the sensor says goodbye with DISCONNECT',
      clients: [{ id: 'sensor', keepAliveS: 2, will: WILL }, { id: 'dashboard' }, { id: 'phone' }],
      steps: [...START, { atMs: 1_000, id: 'goodbye', do: 'disconnect', client: 'sensor' }, ...LATE_LOOK],
      untilMs: 2_200,
    }),
    delayed: defineScenario({
      title: 'Last will in MQTT 5.0: a will that waits, and a sensor back in time',
      version: 5,
      clients: [
        // a session kept a minute, and a will that waits 5 s before it goes out
        { id: 'sensor', keepAliveS: 2, clean: false, sessionExpiryS: 60, will: { ...WILL, delayS: 5 } },
        { id: 'dashboard' },
      ],
      steps: [
        ...START,
        { atMs: 1_000, id: 'crash', do: 'crash', client: 'sensor' },
        { atMs: 3_000, id: 'back', do: 'connect', client: 'sensor', clean: false },
      ],
      untilMs: 8_000,
    }),
    silent: defineScenario({
      title: 'Last will: the cable is cut, Keep Alive notices',
      clients: [{ id: 'sensor', keepAliveS: 2, will: WILL }, { id: 'dashboard' }],
      steps: [...START, { atMs: 1_000, id: 'cable', do: 'cut', client: 'sensor' }],
      untilMs: 4_000,
    }),
  },
  steps: [
    {
      id: 'will-in-connect',
      scenario: 'crash',
      run: { packet: { type: 'CONNECT', from: 'sensor' } },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'will.topic' },
    },
    {
      id: 'flags-byte',
      quiz: { kind: 'byte', answer: 0x2e },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' } },
    },
    { id: 'flag-bits', highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'connectFlags' } },
    {
      id: 'online',
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'dashboard' } },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'dashboard' }, field: 'retain' },
    },
    { id: 'predict-crash', quiz: { kind: 'choice', answer: 'offline' }, highlight: { actor: 'sensor' } },
    {
      id: 'pull-plug',
      await: { step: 'crash' },
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'dashboard', nth: 2 } },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'dashboard', nth: 2 }, field: 'retain' },
    },
    {
      id: 'late-subscriber',
      run: { end: true },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'phone' }, field: 'retain' },
    },
    {
      id: 'goodbye',
      scenario: 'goodbye',
      quiz: { kind: 'choice', answer: 'no' },
      run: { end: true },
    },
    {
      id: 'will-discarded',
      highlight: { packet: { type: 'DISCONNECT', from: 'sensor' } },
    },
    {
      id: 'stale-online',
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'phone' }, field: 'payload' },
    },
    { id: 'cut-cable', scenario: 'silent', await: { step: 'cable' }, run: { step: 'cable' } },
    {
      id: 'predict-silent',
      quiz: { kind: 'choice', answer: 'one-and-half' },
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'dashboard', nth: 2 } },
    },
    {
      id: 'keepalive',
      highlight: { packet: { type: 'PINGREQ', from: 'sensor' }, actor: 'broker/sensor#1' },
    },
    {
      id: 'will-delay',
      scenario: 'delayed',
      run: { packet: { type: 'CONNECT', from: 'sensor' } },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'will.properties.willDelayInterval' },
    },
    { id: 'predict-delay', quiz: { kind: 'choice', answer: 'nothing' }, run: { end: true } },
    { id: 'delay-cancelled', highlight: { packet: { type: 'CONNECT', from: 'sensor', nth: 2 } } },
    { id: 'summary', scenario: 'silent', run: { end: true } },
  ],
});
