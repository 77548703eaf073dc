/**
 * The curriculum, in order: every folder NN-slug/ with scenario.ts (the lesson), en.md and zh.md.
 * Prose is loaded when a lesson opens, not with the app.
 */
import type { Lesson } from './lesson.ts';

const lessons = import.meta.glob<{ default: Lesson }>('./*/scenario.ts');
const prose = import.meta.glob<string>('./*/*.md', { query: '?raw', import: 'default' });

/** Lesson ids (folder names) in order. */
export const LESSON_IDS: readonly string[] = Object.keys(lessons)
  .map((path) => path.split('/')[1])
  .sort();

export async function loadLesson(id: string): Promise<Lesson> {
  const load = lessons[`./${id}/scenario.ts`];
  if (!load) throw new Error(`no lesson ${id}`);
  return (await load()).default;
}

export async function loadProse(id: string, language: 'en' | 'zh'): Promise<string> {
  const load = prose[`./${id}/${language}.md`];
  if (!load) throw new Error(`no ${language} prose for lesson ${id}`);
  return load();
}
