/**
 * The strings the page starts with: the core (header, pages, values) in both languages. The first
 * screen's areas load per language (LANGUAGE_AREAS): only the language on screen before the app
 * mounts, the other one when the reader switches to it — half the strings' weight on the first screen.
 */
import { en as coreEn } from './en.ts';
import { zh as coreZh } from './zh.ts';
import type { Language } from './i18n.svelte.ts';

export const startup = { en: coreEn, zh: coreZh };

export const LANGUAGE_AREAS: Record<Language, () => Promise<object>> = {
  en: async () => (await import('./areas/first-screen.en.ts')).firstScreenEn,
  zh: async () => (await import('./areas/first-screen.zh.ts')).firstScreenZh,
};
