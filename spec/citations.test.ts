/**
 * The rule-number test: every spec citation in the code (engine/, app/), the app's strings
 * (narration, explanations) and the lessons (en.md, zh.md, checks.ts) is a statement or a section
 * of the version it is shown under. citations.ts says how that version is known at each place.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { findCitations } from './citations.ts';
import { isRightFor } from './index.ts';
import { loadLessons, scanRepository } from './scan.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

describe('how the version of a citation is known', () => {
  test("the codec's rule(version, v311, v5) gives each text its version", () => {
    const found = findCitations("throw malformed(at, 'x', rule(r.version, 'MQTT-3.1.2-13',\n  'MQTT-3.1.2-11'));");
    expect(found.map((c) => [c.ref, c.shown, c.how])).toEqual([
      ['MQTT-3.1.2-13', '3.1.1', 'rule'],
      ['MQTT-3.1.2-11', '5.0', 'rule'],
    ]);
  });

  test('a table row [v311, v5] reads like rule()', () => {
    const found = findCitations(
      "  PUBACK: ['MQTT-2.3.1-6', 'MQTT-2.2.1-5'],\n  CONNACK: ['§3.2.2.3', 'MQTT-3.2.2-8'],",
    );
    expect(found.map((c) => c.shown)).toEqual(['3.1.1', '5.0', '3.1.1', '5.0']);
  });

  test('a version named before or right after the citation', () => {
    const shown = (text: string) => findCitations(text, 'both').map((c) => `${c.ref} ${c.shown}`);
    expect(shown('The last run speaks MQTT 5.0, whose will can wait [MQTT-3.1.3-9].')).toEqual(['MQTT-3.1.3-9 5.0']);
    expect(shown('(3.1.1 §4.2, 5.0 §4.2)')).toEqual(['§4.2 3.1.1', '§4.2 5.0']);
    expect(shown('must close ([MQTT-3.2.2-7], in\n5.0’s numbering)')).toEqual(['MQTT-3.2.2-7 5.0']);
    expect(shown('必须关闭连接（[MQTT-3.2.2-7]，5.0 的编号）')).toEqual(['MQTT-3.2.2-7 5.0']);
  });

  test('"[A] (5.0: [B])": B is the 5.0 number and A the 3.1.1 one; ranges expand', () => {
    const found = findCitations('Strict UTF-8 [MQTT-1.5.3-1/2] (5.0: [MQTT-1.5.4-1/2]).', 'either');
    expect(found.map((c) => `${c.ref} ${c.shown}`)).toEqual([
      'MQTT-1.5.3-1 3.1.1',
      'MQTT-1.5.3-2 3.1.1',
      'MQTT-1.5.4-1 5.0',
      'MQTT-1.5.4-2 5.0',
    ]);
  });

  test('otherwise the context decides; a starred family names no statement', () => {
    const found = findCitations('line one\nA topic filter [MQTT-4.7.1-*] and [MQTT-4.7.2-1].', (line) =>
      line === 2 ? '5.0' : '3.1.1',
    );
    expect(found.map((c) => `${c.ref} ${c.shown} ${c.line}`)).toEqual(['MQTT-4.7.2-1 5.0 2']);
  });

  test('a wrong number fails where it is shown', () => {
    expect(isRightFor('3.1.1', 'MQTT-4.3.3-10')).toBe(false); // 3.1.1 numbers QoS 2 as 4.3.3-1 and -2 only
    expect(isRightFor('5.0', 'MQTT-4.3.3-10')).toBe(true);
    expect(isRightFor('both', 'MQTT-3.3.2-5')).toBe(false); // message expiry: 5.0 only
    expect(isRightFor('either', 'MQTT-3.3.2-5')).toBe(true);
    expect(isRightFor('5.0', 'MQTT-4.2-1')).toBe(true); // the 5.0 body's own spelling of MQTT-4.2.0-1
    expect(isRightFor('either', 'MQTT-9.9.9-9')).toBe(false);
    expect(isRightFor('3.1.1', '§2.2.3')).toBe(true); // Remaining Length
    expect(isRightFor('5.0', '§2.2.3')).toBe(false);
  });
});

test('every citation in code, strings and lessons is right for the version it is shown under', async () => {
  const found = scanRepository(root, await loadLessons(root)).filter((c) => c.place !== 'test');
  expect(found.length).toBeGreaterThan(500);
  const wrong = found
    .filter((c) => !isRightFor(c.shown, c.ref))
    .map(
      (c) =>
        `${c.file}:${c.line} ${c.ref} is not a statement of ${c.shown}${c.lesson ? ` (step ${c.lesson.step})` : ''}`,
    );
  expect(wrong).toEqual([]);
}, 30_000); // reads every source file and imports every lesson scenario (about 4 s here, shared machine)
