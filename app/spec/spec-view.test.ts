/** The map page's model: rows, counts, filter and the addresses chips open. */
import { describe, expect, test } from 'vitest';
import { parseSpecPath, specHref } from './spec-link.ts';
import { countRows, entryId, matches, sectionRows, statementRows, versionFor } from './spec-view.ts';

describe.each(['3.1.1', '5.0'] as const)('MQTT %s', (version) => {
  const rows = statementRows(version);

  test('every statement is listed once, and each count is a count of rows that say so', () => {
    expect(rows.length).toBe(version === '3.1.1' ? 141 : 251);
    const c = countRows(rows);
    expect(c.enforced).toBe(rows.filter((r) => r.where.code.length > 0).length);
    expect(c.tested).toBe(rows.filter((r) => r.where.tests.length > 0).length);
    expect(c.demonstrated).toBe(rows.filter((r) => r.where.lessons.length + r.where.presets.length > 0).length);
    // every statement is enforced, shown, tested, not applicable, or counted as not yet in the lab
    const covered = rows.filter((r) => r.enforced || r.demonstrated || r.tested || r.na).length;
    expect(covered + c.uncovered).toBe(c.total);
  });

  test('cited sections are listed apart, each cited somewhere', () => {
    for (const r of sectionRows(version)) {
      expect(r.ref).toMatch(/^§\d/);
      expect(
        r.where.code.length + r.where.tests.length + r.where.lessons.length + r.where.presets.length,
      ).toBeGreaterThan(0);
    }
  });
});

test('the filter matches ids, words in the language shown, and files', () => {
  const rows = statementRows('3.1.1');
  const byId = rows.find((r) => r.ref === 'MQTT-3.3.1-4')!;
  expect(matches(byId, 'mqtt-3.3.1-4', 'en')).toBe(true);
  expect(matches(byId, 'qos bits', 'en')).toBe(true);
  expect(matches(byId, 'QoS 两位', 'zh')).toBe(true);
  expect(matches(byId, 'will', 'en')).toBe(false);
  expect(rows.filter((r) => matches(r, 'engine/codec/packets/connect.ts', 'en')).length).toBeGreaterThan(5);
});

test('a chip opens its entry under the version it was shown for', () => {
  expect(specHref('MQTT-3.1.2-29', 5)).toBe('#/spec/5.0/MQTT-3.1.2-29');
  expect(specHref('§2.2.3', 4)).toBe('#/spec/3.1.1/%C2%A72.2.3');
  expect(parseSpecPath(['5.0', 'MQTT-3.1.2-29'], 'q=will')).toEqual({
    version: '5.0',
    ref: 'MQTT-3.1.2-29',
    filter: 'will',
  });
  expect(parseSpecPath(['MQTT-3.3.2-5'], '')).toEqual({ ref: 'MQTT-3.3.2-5', filter: '' });
  // without a version: the one the id belongs to
  expect(versionFor('MQTT-3.3.2-5', undefined)).toBe('5.0');
  expect(versionFor('MQTT-7.1.1-1', undefined)).toBe('3.1.1');
  expect(versionFor('MQTT-3.3.2-5', '3.1.1')).toBe('3.1.1');
  // the 5.0 body's own spelling names the appendix's statement
  expect(entryId('5.0', 'MQTT-4.2-1')).toBe('MQTT-4.2.0-1');
});
