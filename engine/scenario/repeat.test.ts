/**
 * A repeating publish: one step in the scenario, `times` publishes in the run, each its own `step`
 * event with its time and numbered payload; the same run as the publishes written out one by one.
 */
import { describe, expect, test } from 'vitest';
import { createSimulation, simulate } from '../run/simulation.ts';
import type { SendEvent, TraceEvent } from '../sim/trace.ts';
import { expandRepeats, numberedPayload, repeatSpan } from './repeat.ts';
import type { Scenario, Step } from './schema.ts';
import { validateScenario } from './validate.ts';

const base = (steps: Step[]): Scenario => ({
  clients: [{ id: 'sensor' }, { id: 'app' }],
  network: { link: { delayMs: 20 } },
  steps: [
    { atMs: 0, do: 'connect', client: 'sensor' },
    { atMs: 0, do: 'connect', client: 'app' },
    { atMs: 100, do: 'subscribe', client: 'app', filter: 'lab/#', qos: 1 },
    ...steps,
  ],
  untilMs: 3_000,
});
const repeating: Step = {
  atMs: 500,
  do: 'publish',
  client: 'sensor',
  topic: 'lab/t',
  payload: 'reading',
  qos: 1,
  every: 250,
  times: 4,
};
const payloads = (trace: readonly TraceEvent[]) =>
  trace.flatMap((e) => (e.kind === 'deliver' && e.client === 'app' ? [`${e.payload}@${e.atMs}`] : []));

describe('a repeating publish', () => {
  test('numbers the payload: appended, or where {n} stands', () => {
    expect(numberedPayload('reading', 3)).toBe('reading 3');
    expect(numberedPayload('{"n":{n}}', 12)).toBe('{"n":12}');
  });

  test('expands into its publishes, in time order among the other steps', () => {
    const later: Step = { atMs: 750, do: 'unsubscribe', client: 'app', filter: 'x' };
    const steps = expandRepeats([repeating, later]);
    expect(steps.map((s) => `${s.do}@${s.atMs}${s.do === 'publish' ? ` ${s.payload}` : ''}`)).toEqual([
      'publish@500 reading 1',
      'publish@750 reading 2',
      'unsubscribe@750',
      'publish@1000 reading 3',
      'publish@1250 reading 4',
    ]);
    expect(steps.some((s) => 'every' in s || 'times' in s)).toBe(false);
    expect(repeatSpan(repeating)).toEqual({ count: 4, lastMs: 1_250 });
  });

  test('gives the same trace as the publishes written out, each a step event of its own', () => {
    const short = simulate(base([repeating]), { seed: 7 }).trace;
    const written = simulate(base(expandRepeats([repeating])), { seed: 7 }).trace;
    expect(JSON.stringify(short)).toBe(JSON.stringify(written));
    // 20 ms up to the broker, 20 ms down to the app
    expect(payloads(short)).toEqual(['reading 1@540', 'reading 2@790', 'reading 3@1040', 'reading 4@1290']);
    const steps = short.filter((e) => e.kind === 'step' && e.step.do === 'publish');
    expect(steps.map((e) => e.atMs)).toEqual([500, 750, 1_000, 1_250]);
  });

  test('taken as an action mid-run, it repeats from that moment and the run lasts past its last publish', () => {
    const sim = createSimulation(base([]), { seed: 7 });
    sim.runUntil(500);
    const { atMs: _at, ...action } = repeating;
    sim.act({ ...action, every: 1_000, times: 5 });
    expect(sim.endMs).toBeGreaterThanOrEqual(4_500);
    sim.run();
    const sent = sim.trace.filter(
      (e): e is SendEvent => e.kind === 'send' && e.from === 'sensor' && e.packet.type === 'PUBLISH',
    );
    expect(sent.map((e) => e.atMs)).toEqual([500, 1_500, 2_500, 3_500, 4_500]);
  });

  test('validation asks for both every and times', () => {
    const { every: _every, ...onlyTimes } = repeating as Extract<Step, { do: 'publish' }>;
    const check = validateScenario(base([onlyTimes]));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0].path).toBe('steps[3].every');
    expect(validateScenario(base([repeating])).ok).toBe(true);
  });
});
