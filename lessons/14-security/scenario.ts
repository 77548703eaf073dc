import { defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/**
 * One run over TCP: a sensor logs in with a user name and a password, then subscribes where it
 * may and where it may not (the broker refuses admin/#, standing in for an access rule).
 */
export default defineLesson({
  id: '14-security',
  scenarios: {
    login: defineScenario({
      title: 'User name and password in CONNECT; a subscription the broker refuses',
      broker: { refuseFilters: ['admin/#'] },
      clients: [{ id: 'sensor', keepAliveS: 5, username: 'kitchen', password: 'secret42' }],
      steps: [
        { atMs: 0, id: 'connect', do: 'connect', client: 'sensor' },
        { atMs: 200, id: 'subscribe-kitchen', do: 'subscribe', client: 'sensor', filter: 'kitchen/#', qos: 1 },
        { atMs: 400, id: 'subscribe-admin', do: 'subscribe', client: 'sensor', filter: 'admin/#', qos: 1 },
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
    { id: 'tls', highlight: { packet: { type: 'CONNECT', from: 'sensor' } } },
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
