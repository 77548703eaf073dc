/**
 * The lab's built-in scenarios: each shows one idea, behaves the same every time (seeded), and
 * says which transport model it uses. Titles and explanations are i18n keys: presets.<id>.title /
 * presets.<id>.about. presets.test.ts checks that each does what its explanation says.
 */
import { type Scenario, defineScenario } from '$engine';

export interface Preset {
  id: string;
  scenario: Scenario;
}

const pair = [{ id: 'sensor' }, { id: 'app' }] as const;
const connect = [
  { atMs: 0, do: 'connect', client: 'sensor' },
  { atMs: 0, do: 'connect', client: 'app' },
] as const;

export const PRESETS: readonly Preset[] = [
  {
    id: 'qos0-lossy',
    scenario: defineScenario({
      title: 'QoS 0 over a lossy link',
      transport: 'lossy',
      seed: 3,
      clients: [...pair],
      steps: [
        ...connect,
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/temp', qos: 0 },
        // connected and subscribed: now the sensor's uplink turns bad
        { atMs: 500, do: 'set-link', client: 'sensor', direction: 'up', lossRatio: 0.35, delayMs: 60, jitterMs: 30 },
        ...[0, 1, 2, 3, 4, 5].map((i) => ({
          atMs: 600 + i * 300,
          do: 'publish' as const,
          client: 'sensor',
          topic: 'home/temp',
          payload: `${20 + i}.5`,
          qos: 0 as const,
        })),
      ],
      untilMs: 3_500,
    }),
  },
  {
    id: 'qos1-lost-puback',
    scenario: defineScenario({
      title: 'QoS 1 with a lost PUBACK',
      transport: 'lossy',
      clients: [{ id: 'sensor', retryMs: 1_000 }, { id: 'app' }],
      steps: [
        ...connect,
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/door', qos: 1 },
        { atMs: 500, do: 'fault', fault: 'drop', from: 'broker', to: 'sensor', packet: 'PUBACK' },
        { atMs: 600, do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
      ],
      untilMs: 2_500,
    }),
  },
  {
    id: 'qos2-losses',
    scenario: defineScenario({
      title: 'QoS 2: a loss at each stage',
      transport: 'lossy',
      clients: [{ id: 'sensor', retryMs: 800 }, { id: 'app' }],
      broker: { retryMs: 800 },
      steps: [
        ...connect,
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'bank/transfer', qos: 2 },
        { atMs: 500, do: 'fault', fault: 'drop', from: 'sensor', packet: 'PUBLISH' },
        { atMs: 500, do: 'fault', fault: 'drop', from: 'broker', to: 'sensor', packet: 'PUBREC' },
        { atMs: 500, do: 'fault', fault: 'drop', from: 'sensor', packet: 'PUBREL' },
        { atMs: 500, do: 'fault', fault: 'drop', from: 'broker', to: 'sensor', packet: 'PUBCOMP' },
        { atMs: 600, do: 'publish', client: 'sensor', topic: 'bank/transfer', payload: '100 €', qos: 2 },
      ],
      untilMs: 6_000,
    }),
  },
  {
    id: 'keepalive-will',
    scenario: defineScenario({
      title: 'Keepalive and the last will',
      clients: [
        { id: 'sensor', keepAliveS: 5, will: { topic: 'status/sensor', payload: 'offline', qos: 1, retain: true } },
        { id: 'app' },
      ],
      steps: [
        ...connect,
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'status/#', qos: 1 },
        {
          atMs: 1_000,
          do: 'publish',
          client: 'sensor',
          topic: 'status/sensor',
          payload: 'online',
          qos: 1,
          retain: true,
        },
        { atMs: 7_000, do: 'cut', client: 'sensor' },
      ],
      untilMs: 20_000,
    }),
  },
  {
    id: 'retained',
    scenario: defineScenario({
      title: 'Retained messages',
      clients: [{ id: 'sensor' }, { id: 'app' }, { id: 'late' }],
      steps: [
        ...connect,
        { atMs: 0, do: 'connect', client: 'late' },
        { atMs: 300, do: 'publish', client: 'sensor', topic: 'home/light', payload: 'on', qos: 1, retain: true },
        { atMs: 800, do: 'subscribe', client: 'app', filter: 'home/#', qos: 1 },
        { atMs: 1_400, do: 'publish', client: 'sensor', topic: 'home/light', payload: 'off', qos: 1, retain: true },
        { atMs: 2_000, do: 'subscribe', client: 'late', filter: 'home/light', qos: 1 },
        { atMs: 2_600, do: 'publish', client: 'sensor', topic: 'home/light', payload: '', qos: 1, retain: true },
        { atMs: 3_200, do: 'unsubscribe', client: 'late', filter: 'home/light' },
        { atMs: 3_600, do: 'subscribe', client: 'late', filter: 'home/light', qos: 1 },
      ],
      untilMs: 4_500,
    }),
  },
  {
    id: 'persistent-session',
    scenario: defineScenario({
      title: 'A persistent session with offline queueing',
      clients: [{ id: 'sensor' }, { id: 'app', clean: false }],
      steps: [
        ...connect,
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'orders/#', qos: 2 },
        { atMs: 600, do: 'disconnect', client: 'app' },
        { atMs: 1_000, do: 'publish', client: 'sensor', topic: 'orders/1', payload: 'tea', qos: 0 },
        { atMs: 1_300, do: 'publish', client: 'sensor', topic: 'orders/2', payload: 'coffee', qos: 1 },
        { atMs: 1_600, do: 'publish', client: 'sensor', topic: 'orders/3', payload: 'cake', qos: 2 },
        { atMs: 2_500, do: 'connect', client: 'app' },
      ],
      untilMs: 4_000,
    }),
  },
  {
    id: 'overlapping',
    scenario: defineScenario({
      title: 'Overlapping subscriptions',
      clients: [...pair],
      steps: [
        ...connect,
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 1 },
        { atMs: 400, do: 'subscribe', client: 'app', filter: 'home/+/temp', qos: 2 },
        { atMs: 800, do: 'publish', client: 'sensor', topic: 'home/kitchen/temp', payload: '23', qos: 2 },
        { atMs: 1_200, do: 'publish', client: 'sensor', topic: 'home/kitchen/light', payload: 'on', qos: 2 },
      ],
      untilMs: 2_500,
    }),
  },
];

/** An empty lab to build on: a broker and two clients, nothing scheduled. */
export const EMPTY: Preset = {
  id: 'empty',
  scenario: defineScenario({ title: 'Empty', clients: [...pair], steps: [...connect], untilMs: 60_000 }),
};

export function presetById(id: string): Preset | undefined {
  return id === EMPTY.id ? EMPTY : PRESETS.find((p) => p.id === id);
}
