import { describe, expect, test } from 'vitest';
import { parseActorName } from '../flows/actor-names.ts';
import type { Step } from '../scenario/schema.ts';
import { simulate } from '../run/simulation.ts';
import type { TimerEvent, TraceEvent } from '../sim/trace.ts';
import { worldAt } from '../run/world.ts';

/** 5.0: the sensor (session kept `expiryS`, will delayed `delayS`) crashes at 1 s. */
const scenario = (delayS: number, expiryS: number, more: Step[] = []) => ({
  version: 5 as const,
  clients: [
    {
      id: 'sensor',
      clean: false,
      sessionExpiryS: expiryS,
      will: { topic: 'status', payload: 'gone', qos: 1 as const, delayS },
    },
    { id: 'app' },
  ],
  steps: [
    { atMs: 0, do: 'connect', client: 'sensor' },
    { atMs: 0, do: 'connect', client: 'app' },
    { atMs: 1_000, do: 'crash', client: 'sensor' },
    ...more,
  ] satisfies Step[],
  untilMs: 20_000,
});

const brokerTimers = (trace: readonly TraceEvent[]) =>
  trace
    .filter((e): e is TimerEvent => e.kind === 'timer' && e.machine === 'broker-session')
    .map((e) => [e.atMs, e.action, e.name, e.actor, e.dueAtMs]);

describe("the broker's own timers are in the trace", () => {
  test('a delayed will and the session expiry start when the connection is lost, and fire when due', () => {
    // the broker learns of the crash at 1.05 s: the will waits 5 s, the session 8 s
    const { trace } = simulate(scenario(5, 8));
    expect(brokerTimers(trace)).toEqual([
      [1_050, 'start', 'willDelay', 'broker/sensor', 6_050],
      [1_050, 'start', 'sessionExpiry', 'broker/sensor', 9_050],
      [6_050, 'fire', 'willDelay', 'broker/sensor', 6_050],
      [9_050, 'fire', 'sessionExpiry', 'broker/sensor', 9_050],
    ]);
    // the fire comes before what it causes
    const fired = trace.findIndex((e) => e.kind === 'timer' && e.action === 'fire' && e.name === 'willDelay');
    expect(trace[fired + 1]).toMatchObject({ kind: 'note', code: 'will-published' });
  });

  test('coming back cancels both [MQTT-3.1.3-9]', () => {
    const { trace } = simulate(scenario(5, 60, [{ atMs: 3_000, do: 'connect', client: 'sensor' }]));
    expect(brokerTimers(trace)).toEqual([
      [1_050, 'start', 'willDelay', 'broker/sensor', 6_050],
      [1_050, 'start', 'sessionExpiry', 'broker/sensor', 61_050],
      [3_050, 'cancel', 'willDelay', 'broker/sensor', 6_050],
      [3_050, 'cancel', 'sessionExpiry', 'broker/sensor', 61_050],
    ]);
  });

  test('the world shows them running, then gone; their actor names the session', () => {
    const { trace } = simulate(scenario(5, 8));
    const at = (ms: number) => worldAt(scenario(5, 8), trace, trace.filter((e) => e.atMs <= ms).length - 1);
    const sessionTimers = (ms: number) => Object.values(at(ms).timers).filter((t) => t.machine === 'broker-session');
    expect(sessionTimers(2_000).map((t) => [t.actor, t.name, t.dueAtMs])).toEqual([
      ['broker/sensor', 'willDelay', 6_050],
      ['broker/sensor', 'sessionExpiry', 9_050],
    ]);
    expect(sessionTimers(10_000)).toEqual([]);
    expect(parseActorName('broker/sensor')).toEqual({ kind: 'broker-session', client: 'sensor' });
  });
});
