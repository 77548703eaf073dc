import { describe, expect, test } from 'vitest';
import type { Scenario } from '../scenario/schema.ts';
import { createSimulation, simulate } from './simulation.ts';
import { type DeliverEvent, type TraceEvent, traceToJson } from '../sim/trace.ts';

const delivered = (trace: readonly TraceEvent[], client?: string) =>
  trace
    .filter((e): e is DeliverEvent => e.kind === 'deliver' && (client === undefined || e.client === client))
    .map((e) => `${e.topic}=${e.payload}@${e.qos}${e.retain ? 'r' : ''}${e.dup ? 'd' : ''}`);

const basic: Scenario = {
  clients: [{ id: 'sensor', keepAliveS: 10 }, { id: 'app' }],
  steps: [
    { atMs: 0, do: 'connect', client: 'sensor' },
    { atMs: 0, do: 'connect', client: 'app' },
    { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 2 },
    { atMs: 400, do: 'publish', client: 'sensor', topic: 'home/temp', payload: '21.5', qos: 1 },
    { atMs: 600, do: 'publish', client: 'sensor', topic: 'home/temp', payload: '22', qos: 2 },
  ],
};

describe('a simulation', () => {
  test('carries messages through the broker at each QoS', () => {
    const { trace } = simulate(basic);
    expect(delivered(trace, 'app')).toEqual(['home/temp=21.5@1', 'home/temp=22@2']);
  });

  test('the same scenario and seed give byte-identical traces', () => {
    const lossy: Scenario = {
      ...basic,
      transport: 'lossy',
      network: { link: { lossRatio: 0.3, jitterMs: 40, duplicateRatio: 0.2, reorderRatio: 0.2 } },
    };
    for (const seed of [1, 2, 3, 99, 12345]) {
      const a = traceToJson(simulate(lossy, { seed }).trace);
      const b = traceToJson(simulate(lossy, { seed }).trace);
      expect(a).toBe(b);
    }
    expect(traceToJson(simulate(lossy, { seed: 1 }).trace)).not.toBe(traceToJson(simulate(lossy, { seed: 2 }).trace));
  });

  test('act() at a time gives the trace of the same step written into the scenario', () => {
    const action = { do: 'publish', client: 'sensor', topic: 'home/door', payload: 'open', qos: 1 } as const;
    const scripted = simulate({ ...basic, steps: [...basic.steps, { atMs: 1000, ...action }] });
    const live = createSimulation(basic);
    live.runUntil(1000);
    live.act(action);
    live.run();
    expect(traceToJson(live.trace)).toBe(traceToJson(scripted.trace));
  });

  test('packets cross the network as the bytes the codec made', () => {
    const { trace } = simulate(basic);
    const publish = trace.find((e) => e.kind === 'send' && e.packet.type === 'PUBLISH');
    expect(publish?.kind === 'send' && Array.from(publish.bytes.slice(0, 2))).toEqual([0x32, 0x11]);
  });
});
