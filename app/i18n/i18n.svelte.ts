/**
 * i18n: translate.ts does the lookups, plurals and interpolation; this module makes the language a
 * rune so every `t()` in a template re-renders when it changes, and remembers the choice.
 */
import { BUNDLES, type BundleName } from './bundles.ts';
import { LANGUAGE_AREAS } from './startup.ts';
import { Translations } from './translate.ts';

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

// every string comes with its language's chunk (ensureLanguage), which the app awaits before it
// mounts; Svelte escapes text, and nothing here is rendered as HTML
const strings = new Translations<Language>(LANGUAGES, 'en');

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
    strings.add(lng, await LANGUAGE_AREAS[lng]());
  });
}

/** Switch once the language's strings are there (at once when they already are). */
export async function setLanguage(next: Language): Promise<void> {
  await ensureLanguage(next);
  state.language = next;
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
  return strings.t(state.language, key, params);
}

/** Load a bundle of strings (once); views that need it await this before they render. */
export function ensureBundle(name: BundleName): Promise<void> {
  return loadOnce(`bundle:${name}`, async () => {
    const bundle = await BUNDLES[name]();
    strings.add('en', bundle.en);
    strings.add('zh', bundle.zh);
  });
}

/** Translate `key` in a given language (the other language's name of a term, for learners). */
export function tIn(lng: Language, key: string, params?: Record<string, unknown>): string {
  void state.bundles;
  return strings.t(lng, key, params);
}

/** Whether a key exists (for optional explanations). */
export function has(key: string): boolean {
  void state.bundles;
  return strings.exists(state.language, key);
}

if (globalThis.document) document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : 'en';
