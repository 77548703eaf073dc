/**
 * The strings the page starts with, per language: the core (header, pages, values) and the first
 * screen's areas, in one chunk for each language. Only the language on screen loads before the app
 * mounts; the other one when the reader switches to it — half the strings' weight on the first screen.
 */
import type { Language } from './i18n.svelte.ts';

export const LANGUAGE_AREAS: Record<Language, () => Promise<object>> = {
  en: async () => (await import('./areas/first-screen.en.ts')).firstScreenEn,
  zh: async () => (await import('./areas/first-screen.zh.ts')).firstScreenZh,
};
