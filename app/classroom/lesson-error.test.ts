import { afterAll, expect, test } from 'vitest';
import { LessonRunError } from '$lessons/run.ts';
import { language, setLanguage } from '../i18n/i18n.svelte.ts';
import { lessonErrorText } from './lesson-error.ts';

const before = language();
afterAll(() => setLanguage(before));

test('a lesson run that lacks a step or a packet says so in the reader’s language', async () => {
  const noStep = new LessonRunError('no scenario step with id "cut"', 'noStep', { id: 'cut' });
  const noPacket = new LessonRunError('no 1. PUBLISH from broker to app', 'noPacket', {
    nth: 1,
    type: 'PUBLISH',
    from: 'broker',
    to: 'app',
  });
  await setLanguage('en');
  expect(lessonErrorText(noStep)).toBe('its run has no scenario step “cut”.');
  expect(lessonErrorText(noPacket)).toBe('its run has no PUBLISH number 1 from the broker to app.');
  await setLanguage('zh');
  expect(lessonErrorText(noStep)).toBe('它的运行中没有名为“cut”的场景步骤。');
  expect(lessonErrorText(noPacket)).toBe('它的运行中没有第 1 个从代理发往app的 PUBLISH。');
  expect(lessonErrorText(new Error('disk full'))).toBe('disk full');
});
