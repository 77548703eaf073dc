import { defineScenario } from '../../engine/index.ts';
import { defineLesson } from '../lesson.ts';

/** 307 bytes standing in for a small picture: with its topic, a remaining length of 321. */
export const SNAPSHOT = 'x'.repeat(307);

/** One run over TCP: a small PUBLISH, a larger one (a two-byte remaining length) twice, a DISCONNECT. */
export default defineLesson({
  id: '05-remaining-length',
  scenarios: {
    lengths: defineScenario({
      title: 'Remaining length: one byte, then two',
      clients: [{ id: 'camera' }, { id: 'viewer' }],
      steps: [
        { atMs: 0, do: 'connect', client: 'camera' },
        { atMs: 0, do: 'connect', client: 'viewer' },
        { atMs: 200, id: 'subscribe', do: 'subscribe', client: 'viewer', filter: 'cam/#', qos: 1 },
        { atMs: 500, id: 'status', do: 'publish', client: 'camera', topic: 'cam/status', payload: 'ok', qos: 0 },
        {
          atMs: 1_000,
          id: 'snapshot',
          do: 'publish',
          client: 'camera',
          topic: 'cam/snapshot',
          payload: SNAPSHOT,
          qos: 0,
        },
        {
          atMs: 1_500,
          id: 'snapshot-qos1',
          do: 'publish',
          client: 'camera',
          topic: 'cam/snapshot',
          payload: SNAPSHOT,
          qos: 1,
        },
        { atMs: 2_000, id: 'disconnect', do: 'disconnect', client: 'camera' },
      ],
      untilMs: 2_500,
    }),
  },
  steps: [
    {
      id: 'count',
      scenario: 'lengths',
      run: { packet: { type: 'PUBLISH', from: 'camera' } },
      highlight: { packet: { type: 'PUBLISH', from: 'camera' }, field: 'remainingLength' },
    },
    { id: 'seven-bits', highlight: { packet: { type: 'PUBLISH', from: 'camera' }, field: 'fixedHeader' } },
    {
      id: 'predict-bytes',
      quiz: { kind: 'choice', answer: 'two' },
      run: { packet: { type: 'PUBLISH', from: 'camera', nth: 2 } },
    },
    { id: 'by-hand', highlight: { packet: { type: 'PUBLISH', from: 'camera', nth: 2 }, field: 'remainingLength' } },
    {
      id: 'read-back',
      run: { packet: { type: 'PUBLISH', from: 'broker', to: 'viewer', nth: 2 } },
      highlight: { packet: { type: 'PUBLISH', from: 'broker', to: 'viewer', nth: 2 }, field: 'remainingLength' },
    },
    {
      id: 'qos1-byte',
      quiz: { kind: 'byte', answer: 0xc3 },
      run: { packet: { type: 'PUBLISH', from: 'camera', nth: 3 } },
    },
    { id: 'limits', highlight: { packet: { type: 'PUBLISH', from: 'camera', nth: 3 }, field: 'remainingLength' } },
    {
      id: 'summary',
      run: { end: true },
      highlight: { packet: { type: 'DISCONNECT', from: 'camera' }, field: 'remainingLength' },
    },
  ],
});
