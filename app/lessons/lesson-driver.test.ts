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

/** Answers as `0x..` (both cases), as prose or the inspector would show them. */
const asHex = (value: number) => [
  `0x${value.toString(16).padStart(2, '0')}`,
  `0x${value.toString(16).toUpperCase().padStart(2, '0')}`,
];

// walks every lesson through the lab, step by step: about 2 s on a quiet machine
test('nothing on screen answers a quiz before it is revealed', { timeout: 15_000 }, () => {
  const prose = import.meta.glob<string>('../../lessons/*/*.md', { query: '?raw', import: 'default', eager: true });
  for (const lesson of lessons) {
    // walked as a student walks it: each step in turn, doing what it waits for
    const driver = new LessonDriver(lesson);
    lesson.steps.forEach((step, index) => {
      driver.go(index);
      const awaited = driver.awaited;
      if (awaited && !driver.awaitDone) {
        const { atMs: _at, id: _id, ...action } = awaited;
        driver.lab.act(action);
        driver.apply();
      }
      if (!step.quiz) return;
      const where = `${lesson.id} / ${step.id}`;
      // the inspector shows no packet: the field tree would show the bytes asked for
      expect(driver.lab.selection, where).toBeNull();
      // the packet the reveal runs to is not drawn yet
      const reveal = step.run && 'packet' in step.run ? step.run.packet : undefined;
      const answer = reveal && driver.run().sends(reveal)[(reveal.nth ?? 1) - 1];
      if (answer) expect(driver.lab.seq, where).toBeLessThan(answer.seq);
      // no table in the prose up to the question lists the byte (lesson 04's table of first bytes
      // once did); the text may name candidates, as lesson 07's SUBACK question does
      if (step.quiz.kind === 'byte')
        for (const language of ['en', 'zh']) {
          const text = prose[`../../lessons/${lesson.id}/${language}.md`];
          const upTo = text.slice(0, text.indexOf('\n## ', text.indexOf(`{#${step.id}}`)));
          const tables = upTo.split('\n').filter((line) => line.startsWith('|'));
          for (const written of asHex(step.quiz.answer))
            expect(tables.join('\n'), `${where} (${language})`).not.toContain(written);
        }
      driver.answer(
        step.quiz.kind === 'choice'
          ? { kind: 'choice', option: step.quiz.answer }
          : { kind: 'byte', value: step.quiz.answer },
      );
    });
  }
});
