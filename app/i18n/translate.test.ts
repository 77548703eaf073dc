import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import { messages } from './messages.ts';
import { type Tree, Translations } from './translate.ts';

type Lang = 'en' | 'zh';
const LANGS: readonly Lang[] = ['en', 'zh'];

/** i18next as the lab had it configured, holding the same strings. */
const reference = i18next.createInstance();
reference.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: messages.en }, zh: { translation: messages.zh } },
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});
const ours = new Translations<Lang>(LANGS, 'en');
for (const lng of LANGS) ours.add(lng, messages[lng]);

/** Every string's key, with its placeholders. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

describe('translate.ts answers as i18next did', () => {
  test.each(LANGS)(
    'every string of the lab, its placeholders filled, plurals counted (%s)',
    (lng) => {
      const asked: [string, Record<string, unknown> | undefined][] = [];
      for (const [key, text] of leaves(messages[lng] as unknown as Tree)) {
        const base = key.replace(/_(one|other)$/, '');
        const names = [...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1].trim());
        const params = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
        asked.push([base, undefined], [base, params]);
        if (base !== key) asked.push(...[0, 1, 2, 7].map((count): [string, object] => [base, { ...params, count }]));
      }
      expect(asked.length).toBeGreaterThan(1_000);
      // one comparison of the whole list (an expect per string would cost more than the lookups)
      expect(asked.map(([key, p]) => `${key} → ${ours.t(lng, key, p)}`)).toEqual(
        asked.map(([key, p]) => `${key} → ${reference.t(key, { lng, ...p })}`),
      );
      // some 4,000 lookups through both implementations: about a second on a busy two-core machine
    },
    10_000,
  );

  test('a missing string: the English one, else the key; a missing parameter stays as written', () => {
    const t = new Translations<Lang>(LANGS, 'en');
    t.add('en', { a: { only: 'English {{x}}', both: 'en' } });
    t.add('zh', { a: { both: '中文' } });
    expect(t.t('zh', 'a.only', { x: 1 })).toBe('English 1');
    expect(t.t('zh', 'a.both')).toBe('中文');
    expect(t.t('zh', 'a.none')).toBe('a.none');
    expect(t.t('en', 'a.only')).toBe('English {{x}}');
    expect(t.t('en', 'a.only', { x: undefined })).toBe('English ');
    expect(t.exists('zh', 'a.only')).toBe(true);
    expect(t.exists('zh', 'a')).toBe(true);
    expect(t.exists('zh', 'b')).toBe(false);
  });

  test('strings added later merge into what is there, a level at a time', () => {
    const t = new Translations<Lang>(LANGS, 'en');
    t.add('en', { lab: { say: { hello: 'hello' }, title: 'Lab' } });
    t.add('en', { lab: { say: { bye: 'bye' } } });
    expect([t.t('en', 'lab.say.hello'), t.t('en', 'lab.say.bye'), t.t('en', 'lab.title')]).toEqual([
      'hello',
      'bye',
      'Lab',
    ]);
  });
});
