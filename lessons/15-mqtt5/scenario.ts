import { defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/**
 * Two runs over TCP: the main one in MQTT 5.0 (properties, reason codes, session expiry), and the
 * sensor's first publish again in MQTT 3.1.1, to compare the same packets byte for byte.
 */
export default defineLesson({
  id: '15-mqtt5',
  scenarios: {
    v5: defineScenario({
      title: 'MQTT 5.0: properties, reason codes, session expiry',
      version: 5,
      clients: [
        // an empty client identifier: the broker assigns one and says so in CONNACK
        { id: 'sensor', clientId: '', keepAliveS: 5 },
        { id: 'app', keepAliveS: 5, sessionExpiryS: 10 },
        { id: 'logger', keepAliveS: 5, sessionExpiryS: 1 },
      ],
      steps: [
        { atMs: 0, id: 'sensor-connect', do: 'connect', client: 'sensor' },
        { atMs: 0, id: 'app-connect', do: 'connect', client: 'app' },
        { atMs: 0, do: 'connect', client: 'logger' },
        { atMs: 200, id: 'lonely', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
        { atMs: 400, id: 'subscribe', do: 'subscribe', client: 'app', filter: 'home/door', qos: 1 },
        { atMs: 400, do: 'subscribe', client: 'logger', filter: 'home/door', qos: 1 },
        { atMs: 600, id: 'heard', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'closed', qos: 1 },
        { atMs: 900, id: 'leave', do: 'disconnect', client: 'app' },
        { atMs: 900, id: 'logger-leave', do: 'disconnect', client: 'logger' },
        { atMs: 1_200, id: 'while-away', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
        { atMs: 2_500, id: 'back', do: 'connect', client: 'app', clean: false },
        { atMs: 2_500, id: 'logger-back', do: 'connect', client: 'logger', clean: false },
      ],
      untilMs: 3_000,
    }),
    v311: defineScenario({
      title: 'The same first publish in MQTT 3.1.1',
      version: 4,
      clients: [{ id: 'sensor', clientId: '', keepAliveS: 5 }],
      steps: [
        { atMs: 0, id: 'sensor-connect', do: 'connect', client: 'sensor' },
        { atMs: 200, id: 'lonely', do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 },
      ],
      untilMs: 600,
    }),
    expiry: defineScenario({
      title: 'MQTT 5.0: messages that expire while the app is away',
      version: 5,
      clients: [{ id: 'sensor' }, { id: 'app', clean: false, sessionExpiryS: 600 }],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 1 },
        { atMs: 500, id: 'app-away', do: 'disconnect', client: 'app' },
        {
          atMs: 1_000,
          id: 'short-lived',
          do: 'publish',
          client: 'sensor',
          topic: 'home/doorbell',
          payload: 'ring',
          qos: 1,
          properties: { messageExpiryIntervalS: 2 },
        },
        {
          atMs: 1_000,
          id: 'long-lived',
          do: 'publish',
          client: 'sensor',
          topic: 'home/battery',
          payload: 'low',
          qos: 1,
          properties: { messageExpiryIntervalS: 60 },
        },
        { atMs: 4_000, id: 'app-back', do: 'connect', client: 'app', clean: false },
      ],
      untilMs: 5_000,
    }),
    will: defineScenario({
      title: 'MQTT 5.0: leaving with a DISCONNECT, with and without the will',
      version: 5,
      clients: [
        { id: 'sensor', will: { topic: 'home/status', payload: 'sensor gone', qos: 1 } },
        { id: 'meter', will: { topic: 'home/status', payload: 'meter gone', qos: 1 } },
        { id: 'app' },
      ],
      steps: [
        { atMs: 0, do: 'connect', client: 'sensor' },
        { atMs: 0, do: 'connect', client: 'meter' },
        { atMs: 0, do: 'connect', client: 'app' },
        { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/status', qos: 1 },
        { atMs: 500, id: 'meter-leave', do: 'disconnect', client: 'meter' },
        { atMs: 500, id: 'sensor-leave', do: 'disconnect', client: 'sensor', reasonCode: 0x04 },
      ],
      untilMs: 1_000,
    }),
  },
  steps: [
    {
      id: 'level-5',
      scenario: 'v5',
      run: { packet: { type: 'CONNECT', from: 'sensor' } },
      highlight: { packet: { type: 'CONNECT', from: 'sensor' }, field: 'protocolVersion' },
    },
    {
      id: 'property-length',
      run: { packet: { type: 'CONNECT', from: 'app' } },
      quiz: { kind: 'byte', answer: 0x05 },
    },
    { id: 'properties', highlight: { packet: { type: 'CONNECT', from: 'app' }, field: 'properties' } },
    {
      id: 'connack',
      run: { packet: { type: 'CONNACK', to: 'sensor' } },
      highlight: { packet: { type: 'CONNACK', to: 'sensor' }, field: 'properties' },
    },
    {
      id: 'predict-puback',
      quiz: { kind: 'choice', answer: 'no-subscribers' },
      run: { packet: { type: 'PUBACK', from: 'broker', to: 'sensor' } },
    },
    {
      id: 'no-subscribers',
      highlight: { packet: { type: 'PUBACK', from: 'broker', to: 'sensor' }, field: 'reasonCode' },
    },
    {
      id: 'in-311',
      scenario: 'v311',
      run: { end: true },
      highlight: { packet: { type: 'PUBACK', from: 'broker', to: 'sensor' } },
    },
    {
      id: 'publish-size',
      highlight: { packet: { type: 'PUBLISH', from: 'sensor' } },
      quiz: { kind: 'choice', answer: 'one-more' },
    },
    {
      id: 'publish-5',
      scenario: 'v5',
      highlight: { packet: { type: 'PUBLISH', from: 'sensor' }, field: 'properties' },
    },
    {
      id: 'suback',
      run: { packet: { type: 'SUBACK', to: 'app' } },
      highlight: { packet: { type: 'SUBACK', to: 'app' }, field: 'reasonCodes.0' },
    },
    {
      id: 'success-omitted',
      run: { packet: { type: 'PUBACK', from: 'broker', to: 'sensor', nth: 2 } },
      highlight: { packet: { type: 'PUBACK', from: 'broker', to: 'sensor', nth: 2 } },
    },
    {
      id: 'session-expiry',
      run: { step: 'logger-leave' },
      highlight: { packet: { type: 'CONNECT', from: 'logger' }, field: 'properties.sessionExpiryInterval' },
    },
    { id: 'predict-expiry', quiz: { kind: 'choice', answer: 'app-only' }, run: { end: true } },
    {
      id: 'expired',
      highlight: { packet: { type: 'CONNACK', to: 'logger', nth: 2 }, field: 'sessionPresent' },
    },
    {
      id: 'message-expiry',
      scenario: 'expiry',
      run: { step: 'long-lived' },
      highlight: { packet: { type: 'PUBLISH', from: 'sensor' }, field: 'properties.messageExpiryInterval' },
    },
    { id: 'predict-message-expiry', quiz: { kind: 'choice', answer: 'battery-only' }, run: { end: true } },
    {
      id: 'expiry-left',
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' }, field: 'properties.messageExpiryInterval' },
    },
    {
      id: 'will-anyway',
      scenario: 'will',
      run: { step: 'sensor-leave' },
      highlight: { packet: { type: 'DISCONNECT', from: 'sensor' }, field: 'reasonCode' },
    },
    { id: 'predict-will', quiz: { kind: 'choice', answer: 'sensor-only' }, run: { end: true } },
    { id: 'will-sent', highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'app' } } },
    { id: 'summary', run: { end: true } },
  ],
});
