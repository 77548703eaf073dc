/**
 * Golden traces: each preset, each lesson run and 200 random scenarios, re-simulated and compared
 * with the trace kept in test/golden/, event for event. A deliberate change to the traces is
 * written with `npm run golden` (GOLDEN_WRITE=1) and listed, one difference at a time, in the
 * change's note.
 */
import { describe, expect, test } from 'vitest';
import { simulate } from '../../engine/index.ts';
import {
  BLOCK,
  type Digest,
  digest,
  eventLines,
  firstDifference,
  readDigests,
  readFullTrace,
  writeDigests,
  writeFullTrace,
} from './golden-files.ts';
import { lessonRuns, presetRuns, randomRuns } from './runs.ts';

const WRITE = process.env.GOLDEN_WRITE === '1';

describe.each([
  { group: 'presets', runs: presetRuns() },
  { group: 'lessons', runs: lessonRuns() },
])('golden $group', ({ runs }) => {
  test.each(runs)('$name', ({ name, scenario }) => {
    const { trace } = simulate(scenario);
    if (WRITE) return writeFullTrace(name, trace);
    const difference = firstDifference(readFullTrace(name), eventLines(trace));
    expect(difference, name).toBeNull();
  });
});

describe('golden random runs', () => {
  const runs = randomRuns();
  const written: Record<string, Digest> = {};
  const golden = WRITE ? {} : readDigests();

  test.each(runs)('$name', ({ name, scenario }) => {
    const { trace } = simulate(scenario);
    const now = digest(JSON.stringify(scenario), trace);
    if (WRITE) {
      written[name] = now;
      if (Object.keys(written).length === runs.length) writeDigests(written);
      return;
    }
    const expected = golden[name];
    expect(expected, `${name}: no golden digest`).toBeDefined();
    expect(now.scenario, `${name}: the generator made a different scenario`).toBe(expected.scenario);
    if (now.trace === expected.trace) return;
    const block = now.blocks.findIndex((b, i) => b !== expected.blocks[i]);
    const from = Math.max(0, block) * BLOCK;
    const lines = eventLines(trace).slice(from, from + BLOCK);
    expect.fail(
      `${name}: trace differs (golden ${expected.events} events, now ${now.events}); ` +
        `first differing block: events ${from}–${from + BLOCK - 1}, now:\n${lines.join('\n')}`,
    );
  });
});
