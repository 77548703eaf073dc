/**
 * One word per concept, and timers named by what they wait for (issue 9, "Words"), checked on
 * the strings themselves; test/e2e/words.e2e.test.ts checks what the Chinese page shows.
 */
import { expect, test } from 'vitest';
import { tIn } from '../i18n/i18n.svelte.ts';
import { messages } from '../i18n/messages.ts';
import { formatMs, timeTicks } from '../lab/diagram/sequence-layout.ts';

function strings(node: object, prefix = ''): Array<[string, string]> {
  return Object.entries(node).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : strings(v as object, `${prefix}${k}.`),
  );
}

test('the lab says 投递 for delivering a message, as the lessons and the glossary do (never 交付)', () => {
  expect(strings(messages.zh).filter(([, text]) => text.includes('交付'))).toEqual([]);
  expect(tIn('zh', 'lab.tag.deliver')).toBe('投递');
});

test('a timer is named by what it waits for, not by its timing out', () => {
  for (const lng of ['zh', 'en'] as const)
    for (const name of ['pingTimeout', 'connackTimeout'])
      expect(tIn(lng, `diagram.timer.name.${name}`)).toMatch(/^(等待|waiting for) (PINGRESP|CONNACK)$/);
});

test('the broker’s role under 代理 is Chinese too', () => {
  expect(tIn('zh', 'diagram.brokerRole')).toBe('服务端');
});

test('times on the diagram carry the unit of the page’s language', async () => {
  const { setLanguage, language } = await import('../i18n/i18n.svelte.ts');
  const before = language();
  await setLanguage('zh');
  expect(formatMs(650)).toBe('0.650 秒');
  expect(timeTicks(0, 1_000, 5).map((tick) => tick.label)).toContain('0.2 秒');
  await setLanguage('en');
  expect(formatMs(650)).toBe('0.650 s');
  await setLanguage(before);
});
