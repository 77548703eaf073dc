import { decode } from '$engine';
import { expect, test } from 'vitest';
import { tIn } from '../i18n/i18n.svelte.ts';
import { sentence } from '../lab/phrase.ts';
import { errorWords } from './error-words.ts';

const words = (error: unknown, lng: 'en' | 'zh') => {
  const value = errorWords(error);
  return typeof value === 'string'
    ? value
    : sentence({ key: 'lab.problem.actionFailed', params: { message: value } }, (k, p) => tIn(lng, k, p));
};

test('a protocol error the lab catches is worded in the reader’s language, with its rule', () => {
  let caught: unknown;
  try {
    decode(new Uint8Array([0x00, 0x00]));
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeDefined();
  expect(words(caught, 'zh')).toMatch(/[\u4e00-\u9fff]/);
  expect(words(caught, 'zh')).not.toMatch(/\(byte \d+\)/);
  expect(words(caught, 'en')).toMatch(/^That could not be done: /);
});

test('anything else keeps its own message, shortened', () => {
  expect(errorWords(new Error('x'.repeat(400)))).toHaveLength(300);
});
