import { defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/**
 * Two runs over TCP, against a broker with one user (`kitchen`, password `secret42`). In `login` the
 * sensor logs in with that user name and password, then subscribes where it may and where it may
 * not (the broker refuses admin/#, standing in for an access rule). In `wrong-password` an intruder
 * tries the same user name with a guessed password, and is refused.
 */
export default defineLesson({
  id: '14-security',
  scenarios: {
    login: defineScenario({
      title: 'User name and password in CONNECT; a subscription the broker refuses',
      broker: { refuseFilters: ['admin/#'], users: { kitchen: 'secret42' } },
      clients: [{ id: 'sensor', keepAliveS: 5, username: 'kitchen', password: 'secret42' }],
      steps: [
        { atMs: 0, id: 'connect', do: 'connect', client: 'sensor' },
        { atMs: 200, id: 'subscribe-kitchen', do: 'subscribe', client: 'sensor', filter: 'kitchen/#', qos: 1 },
        { atMs: 400, id: 'subscribe-admin', do: 'subscribe', client: 'sensor', filter: 'admin/#', qos: 1 },
      ],
      untilMs: 1_000,
    }),
    'wrong-password': defineScenario({
      title: 'A guessed password: the broker refuses the connection',
      broker: { users: { kitchen: 'secret42' } },
      clients: [
        { id: 'sensor', keepAliveS: 5, username: 'kitchen', password: 'secret42' },
        { id: 'intruder', keepAliveS: 5, username: 'kitchen', password: 'letmein' },
      ],
      steps: [
        { atMs: 0, id: 'connect', do: 'connect', client: 'sensor' },
        { atMs: 200, id: 'intruder-connect', do: 'connect', client: 'intruder' },
        { atMs: 400, id: 'intruder-subscribe', do: 'subscribe', client: 'intruder', filter: 'kitchen/#', qos: 1 },
        {
          atMs: 600,
          id: 'reading',
          do: 'publish',
          client: 'sensor',
          topic: 'kitchen/temperature',
          payload: '21.5',
          qos: 0,
        },
      ],
      untilMs: 1_000,
    }),
  },
  steps: [
    {
      id: 'credentials',
      scenario: 'login',
      run: { packet: { type: 'CONNECT', from: 'sensor' } },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'username' },
    },
    {
      id: 'flags-byte',
      quiz: { kind: 'byte', answer: 0xc2 },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' } },
    },
    { id: 'flag-bits', highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'connectFlags' } },
    {
      id: 'predict-read',
      quiz: { kind: 'choice', answer: 'plain' },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' } },
    },
    { id: 'password-bytes', highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'password' } },
    {
      id: 'accepted',
      run: { packet: { type: 'SUBACK', to: 'sensor' } },
      highlight: { packet: { type: 'CONNACK', to: 'sensor' }, field: 'reasonCode' },
    },
    {
      id: 'predict-wrong',
      scenario: 'wrong-password',
      quiz: { kind: 'choice', answer: 'refused-closed' },
      run: { step: 'intruder-subscribe' },
    },
    {
      id: 'bad-credentials',
      run: { packet: { type: 'PUBLISH', from: 'sensor' } },
      highlight: { packet: { type: 'CONNACK', to: 'intruder' }, field: 'reasonCode' },
    },
    { id: 'tls', scenario: 'login', highlight: { packet: { type: 'CONNECT', from: 'sensor' } } },
    {
      id: 'predict-acl',
      quiz: { kind: 'choice', answer: 'refused' },
      run: { packet: { type: 'SUBACK', to: 'sensor', nth: 2 } },
    },
    {
      id: 'authorisation',
      highlight: { packet: { type: 'SUBACK', to: 'sensor', nth: 2 }, field: 'reasonCodes.0' },
    },
    { id: 'summary', run: { end: true } },
  ],
});
