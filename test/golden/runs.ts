/**
 * The runs whose traces are kept as golden files: every preset of the lab, every scenario of every
 * lesson, and 200 random scenarios of the invariant generator (100 seeds × tcp and lossy). A change
 * to the engine that alters any of them shows up in golden.test.ts, event by event.
 */
import { PRESETS } from '../../app/lab/presets.ts';
import type { Scenario } from '../../engine/index.ts';
import type { Lesson } from '../../lessons/lesson.ts';
import { randomScenario } from '../invariants/random-scenario.ts';

export interface GoldenRun {
  /** File-safe: 'preset--qos0-lossy', 'lesson--09-qos1--tcp', 'random--tcp--17'. */
  name: string;
  scenario: Scenario;
}

const lessonModules = import.meta.glob<{ default: Lesson }>('../../lessons/*/scenario.ts', { eager: true });

export function presetRuns(): GoldenRun[] {
  return PRESETS.map((preset) => ({ name: `preset--${preset.id}`, scenario: preset.scenario }));
}

export function lessonRuns(): GoldenRun[] {
  return Object.entries(lessonModules)
    .map(([path, module]) => ({ dir: path.split('/')[3], lesson: module.default }))
    .sort((a, b) => a.dir.localeCompare(b.dir))
    .flatMap(({ dir, lesson }) =>
      Object.entries(lesson.scenarios).map(([run, scenario]) => ({ name: `lesson--${dir}--${run}`, scenario })),
    );
}

export const RANDOM_SEEDS = 100;

export function randomRuns(): GoldenRun[] {
  const runs: GoldenRun[] = [];
  for (const transport of ['tcp', 'lossy'] as const)
    for (let seed = 1; seed <= RANDOM_SEEDS; seed++)
      runs.push({ name: `random--${transport}--${seed}`, scenario: randomScenario(seed, transport).scenario });
  return runs;
}
