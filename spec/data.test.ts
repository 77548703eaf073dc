/** The spec data itself: complete as its header says, one entry per number, both languages. */
import { describe, expect, test } from 'vitest';
import { ALIASES, SECTIONS, SPEC_VERSIONS, STATEMENTS, compareIds, isCitationOf, section } from './index.ts';
import { sectionOf } from './statement.ts';

describe.each(SPEC_VERSIONS)('MQTT %s', (version) => {
  const list = STATEMENTS[version];

  test('every numbered statement the sources list, once, in the standard’s order', () => {
    expect(list.length).toBe(version === '3.1.1' ? 141 : 251);
    expect(new Set(list.map((s) => s.id)).size).toBe(list.length);
    expect(list.map((s) => s.id)).toEqual([...list.map((s) => s.id)].sort(compareIds));
  });

  test('each has its section, and a summary in both languages that is not the other’s', () => {
    for (const s of list) {
      expect(s.id).toMatch(/^MQTT-\d+\.\d+(\.\d+)?-\d+$/);
      expect(s.section).toBe(sectionOf(s.id));
      expect(section(version, s.section), `${s.id} in §${s.section}`).toBeDefined();
      expect(s.en.length, s.id).toBeGreaterThan(10);
      expect(s.zh, s.id).toMatch(/[\u4e00-\u9fff]/);
      expect(s.en.length, `${s.id}: one line`).toBeLessThan(160);
    }
  });

  test('sections are numbered and titled in both languages; aliases name real statements', () => {
    for (const s of SECTIONS[version]) {
      expect(s.id).toMatch(/^\d+(\.\d+)*$/);
      expect(s.en && s.zh).toBeTruthy();
    }
    for (const target of Object.values(ALIASES[version])) expect(isCitationOf(version, target)).toBe(true);
  });
});

test('the two versions number differently: the same requirement, different ids', () => {
  // Will QoS 3 is refused in both, as 3.1.1's MQTT-3.1.2-14 and 5.0's MQTT-3.1.2-12
  expect(STATEMENTS['3.1.1'].find((s) => s.id === 'MQTT-3.1.2-14')?.en).toMatch(/never 3/);
  expect(STATEMENTS['5.0'].find((s) => s.id === 'MQTT-3.1.2-12')?.en).toMatch(/0, 1 or 2/);
  expect(isCitationOf('3.1.1', 'MQTT-3.3.2-5')).toBe(false);
  expect(isCitationOf('5.0', 'MQTT-7.1.1-1')).toBe(false);
});
