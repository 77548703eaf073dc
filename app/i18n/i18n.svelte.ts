/**
 * i18n: i18next does the lookups, plurals and interpolation; this module makes the language a rune
 * so every `t()` in a template re-renders when it changes, and remembers the choice.
 */
import i18next from 'i18next';
import { messages } from './messages.ts';

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

const state = $state({ language: initialLanguage() });

i18next.init({
  lng: state.language,
  fallbackLng: 'en',
  resources: { en: { translation: messages.en }, zh: { translation: messages.zh } },
  interpolation: { escapeValue: false }, // Svelte escapes text; nothing here is rendered as HTML
  initAsync: false,
  showSupportNotice: false,
});

export function language(): Language {
  return state.language;
}

export function setLanguage(next: Language): void {
  state.language = next;
  void i18next.changeLanguage(next);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered, but still switched
  }
  if (globalThis.document) document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

/** Translate `key`; reading `state.language` here makes templates that call it reactive. */
export function t(key: string, params?: Record<string, unknown>): string {
  return i18next.t(key, { lng: state.language, ...params });
}

/** Translate `key` in a given language (the other language's name of a term, for learners). */
export function tIn(lng: Language, key: string, params?: Record<string, unknown>): string {
  return i18next.t(key, { ...params, lng });
}

/** Whether a key exists (for optional explanations). */
export function has(key: string): boolean {
  return i18next.exists(key, { lng: state.language });
}

if (globalThis.document) document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : 'en';
