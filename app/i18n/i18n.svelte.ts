/**
 * i18n: i18next does the lookups, plurals and interpolation; this module makes the language a rune
 * so every `t()` in a template re-renders when it changes, and remembers the choice.
 */
import i18next from 'i18next';
import { BUNDLES, type BundleName } from './bundles.ts';
import { LANGUAGE_AREAS } from './startup.ts';

export type Language = 'zh' | 'en';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];
const STORAGE_KEY = 'mqtt-lab.language';

function initialLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // storage may be disabled (private mode, sandboxed frame): fall back to the browser's language
  }
  const preferred = globalThis.navigator?.language ?? 'en';
  return preferred.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const state = $state({ language: initialLanguage(), bundles: 0 });

i18next.init({
  lng: state.language,
  fallbackLng: 'en',
  // every string comes with its language's chunk (ensureLanguage), which the app awaits before it mounts
  resources: { en: { translation: {} }, zh: { translation: {} } },
  interpolation: { escapeValue: false }, // Svelte escapes text; nothing here is rendered as HTML
  initAsync: false,
  showSupportNotice: false,
});

export function language(): Language {
  return state.language;
}

/** Strings loading or loaded, by bundle or by language (a cache of promises, not state a view reads). */
const loading: Record<string, Promise<void>> = {};

/** Load strings once; the views re-render when they are in. */
function loadOnce(key: string, load: () => Promise<void>): Promise<void> {
  return (loading[key] ??= load().then(() => void state.bundles++));
}

/** Load a language's first-screen strings (once): before the app mounts, and before a switch. */
export function ensureLanguage(lng: Language): Promise<void> {
  return loadOnce(`language:${lng}`, async () => {
    i18next.addResourceBundle(lng, 'translation', await LANGUAGE_AREAS[lng](), true, true);
  });
}

/** Switch once the language's strings are there (at once when they already are). */
export async function setLanguage(next: Language): Promise<void> {
  await ensureLanguage(next);
  state.language = next;
  void i18next.changeLanguage(next);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered, but still switched
  }
  if (globalThis.document) document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

/**
 * Translate `key`; reading `state.language` (and the bundles loaded) here makes templates that
 * call it re-render when either changes.
 */
export function t(key: string, params?: Record<string, unknown>): string {
  void state.bundles;
  return i18next.t(key, { lng: state.language, ...params });
}

/** Load a bundle of strings (once); views that need it await this before they render. */
export function ensureBundle(name: BundleName): Promise<void> {
  return loadOnce(`bundle:${name}`, async () => {
    const bundle = await BUNDLES[name]();
    i18next.addResourceBundle('en', 'translation', bundle.en, true, true);
    i18next.addResourceBundle('zh', 'translation', bundle.zh, true, true);
  });
}

/** Translate `key` in a given language (the other language's name of a term, for learners). */
export function tIn(lng: Language, key: string, params?: Record<string, unknown>): string {
  void state.bundles;
  return i18next.t(key, { ...params, lng });
}

/** Whether a key exists (for optional explanations). */
export function has(key: string): boolean {
  void state.bundles;
  return i18next.exists(key, { lng: state.language });
}

if (globalThis.document) document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : 'en';
