import { expect, test } from 'vitest';
import { type Scenario, simulate } from '../engine/index.ts';
import { Run } from './run.ts';

test('“the end” of a lesson’s run is where its scenario ends, also when the lab has run on past it', () => {
  const scenario: Scenario = {
    clients: [{ id: 'sensor', keepAliveS: 2 }],
    steps: [{ atMs: 0, do: 'connect', client: 'sensor' }],
    untilMs: 1_000,
  };
  // the lab simulates 10 s past the last step; the lesson's checks stop at untilMs
  const lab = new Run(scenario, simulate({ ...scenario, untilMs: 10_000 }).trace);
  const checked = Run.of(scenario);
  const end = lab.indexOf({ end: true });
  expect(lab.trace[end].atMs).toBeLessThanOrEqual(1_000);
  expect(lab.trace.length).toBeGreaterThan(end + 1); // the PINGREQs after 1 s are not "the end"
  expect(end).toBe(checked.indexOf({ end: true }));
  expect(lab.trace.slice(0, end + 1)).toEqual(checked.trace);
});
