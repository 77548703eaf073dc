import { expect, test } from 'vitest';
import type { Lesson } from '../../lessons/lesson.ts';
import { LessonDriver } from './lesson-driver.svelte.ts';

const lessons = Object.values(
  import.meta.glob<{ default: Lesson }>('../../lessons/*/scenario.ts', { eager: true }),
).map((module) => module.default);

test('the lab leaves out only the steps the student does while that run is on screen', () => {
  for (const lesson of lessons) {
    const driver = new LessonDriver(lesson);
    let current = Object.keys(lesson.scenarios)[0];
    const awaited = new Map<string, Set<string>>();
    for (const step of lesson.steps) {
      current = step.scenario ?? current;
      if (step.await) awaited.set(current, (awaited.get(current) ?? new Set()).add(step.await.step));
    }
    for (const [name, scenario] of Object.entries(lesson.scenarios)) {
      const left = scenario.steps.filter((s) => !(s.id && awaited.get(name)?.has(s.id)));
      expect(driver.labScenario(name).steps, `${lesson.id} / ${name}`).toEqual(left);
    }
  }
});

test('lesson 12: the crash the student performs in the first run still happens in the 5.0 run', () => {
  const will = lessons.find((lesson) => lesson.id === '12-will')!;
  const driver = new LessonDriver(will);
  expect(driver.labScenario('crash').steps.map((s) => s.id)).not.toContain('crash');
  expect(driver.labScenario('delayed').steps.map((s) => s.id)).toContain('crash');
});
