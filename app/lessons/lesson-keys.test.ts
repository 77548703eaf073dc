/** A lesson by keys: 1–4 pick a quiz option only while its quiz waits, Enter reveals the pick. */
import { expect, test } from 'vitest';
import type { Lesson } from '../../lessons/lesson.ts';
import { LessonDriver } from './lesson-driver.svelte.ts';
import { lessonCommand } from './lesson-keys.ts';

const qos1 = Object.values(
  import.meta.glob<{ default: Lesson }>('../../lessons/09-qos1/scenario.ts', { eager: true }),
)[0].default;
const options = [{ id: 'wait' }, { id: 'resend-dup' }, { id: 'new-id' }];

test('1–4 pick, Enter reveals, and neither applies once the quiz is answered', () => {
  const driver = new LessonDriver(qos1);
  driver.go(qos1.steps.findIndex((s) => s.id === 'predict-sender'));
  expect(driver.quizPending).toBe(true);
  expect(lessonCommand(driver, 'reveal', options)).toBe(false); // nothing picked yet
  expect(lessonCommand(driver, 'option4', options)).toBe(false); // no fourth option
  expect(lessonCommand(driver, 'option2', options)).toBe(true);
  expect(driver.picked).toBe('resend-dup');
  expect(lessonCommand(driver, 'reveal', options)).toBe(true);
  expect(driver.quizPending).toBe(false);
  expect(driver.correct()).toBe(true);
  expect(lessonCommand(driver, 'option1', options)).toBe(false);
  // a new step forgets the pick
  driver.go(driver.index + 1);
  expect(driver.picked).toBeNull();
});
