/**
 * Reads the repository (Node only: the rule-number test and scripts/spec-map.ts use it) for every
 * spec citation, with where it is and the version it is shown under (citations.ts says how).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lesson } from '../lessons/lesson.ts';
import { type Citation, type Shown, findCitations } from './citations.ts';

export type Place =
  /** engine/ sources that are not tests: where the lab enforces the protocol */
  | 'code'
  /** app/ sources that are not tests or strings: views that show a rule (chips, links) */
  | 'app'
  /** app/i18n: narration, explanations, every string the app shows */
  | 'strings'
  /** lessons/NN/en.md, zh.md */
  | 'lesson'
  /** lessons/NN/checks.ts */
  | 'checks'
  /** *.test.ts anywhere, and test/ */
  | 'test';

export interface Found extends Citation {
  /** repository-relative, with '/' */
  file: string;
  place: Place;
  /** lesson prose: the lesson and the step the line belongs to */
  lesson?: { id: string; step: string };
}

const SKIP = new Set(['node_modules', 'dist', 'test-results', '.git', '.vite', '.scratch']);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

function placeOf(file: string): Place | undefined {
  if (/\.test\.ts$/.test(file) || file.startsWith('test/')) return /\.(ts|svelte)$/.test(file) ? 'test' : undefined;
  if (/^lessons\/[^/]+\/(en|zh)\.md$/.test(file)) return 'lesson';
  if (/^lessons\/[^/]+\/checks\.ts$/.test(file)) return 'checks';
  if (file.startsWith('app/i18n/')) return file.endsWith('.ts') ? 'strings' : undefined;
  if (/^engine\/.*\.ts$/.test(file)) return 'code';
  if (/^app\/.*\.(ts|svelte)$/.test(file)) return 'app';
  return undefined;
}

/** Which step each line of a lesson's prose belongs to, and that step's run's version. */
function lessonSteps(
  text: string,
  lesson: Lesson,
): { stepAt: (line: number) => string; shownAt: (line: number) => Shown } {
  const headings: Array<{ line: number; id: string }> = [];
  text.split('\n').forEach((line, i) => {
    const m = /^#{1,3} .*\{#([\w-]+)\}\s*$/.exec(line);
    if (m && lesson.steps.some((s) => s.id === m[1])) headings.push({ line: i + 1, id: m[1] });
  });
  const versionOf = new Map<string, Shown>();
  let scenario = Object.keys(lesson.scenarios)[0];
  for (const step of lesson.steps) {
    scenario = step.scenario ?? scenario;
    versionOf.set(step.id, lesson.scenarios[scenario]?.version === 5 ? '5.0' : '3.1.1');
  }
  const stepAt = (line: number) => headings.filter((h) => h.line <= line).at(-1)?.id ?? lesson.steps[0].id;
  return { stepAt, shownAt: (line) => versionOf.get(stepAt(line)) ?? '3.1.1' };
}

/** Every lesson's scenario.ts, by lesson id (folder name). */
export async function loadLessons(root: string): Promise<Record<string, Lesson>> {
  const lessons: Record<string, Lesson> = {};
  for (const id of readdirSync(join(root, 'lessons'))
    .filter((d) => /^\d\d-/.test(d))
    .sort()) {
    lessons[id] = (
      (await import(/* @vite-ignore */ pathToFileURL(join(root, 'lessons', id, 'scenario.ts')).href)) as {
        default: Lesson;
      }
    ).default;
  }
  return lessons;
}

/** Every citation in the repository at `root`; `lessons` maps a lesson id to its scenario.ts. */
export function scanRepository(root: string, lessons: Record<string, Lesson>): Found[] {
  const found: Found[] = [];
  for (const path of walk(root).sort()) {
    const file = relative(root, path).split('\\').join('/');
    // the spec data and the map page name ids as data and examples, not as citations
    const mapItself = ['spec/', 'app/spec/', 'test/e2e/spec-', 'scripts/'].some((prefix) => file.startsWith(prefix));
    if (mapItself) continue;
    const place = placeOf(file);
    if (!place) continue;
    const text = readFileSync(path, 'utf8');
    if (place === 'lesson') {
      const id = file.split('/')[1];
      const lesson = lessons[id];
      if (!lesson) continue;
      const { stepAt, shownAt } = lessonSteps(text, lesson);
      for (const c of findCitations(text, shownAt))
        found.push({ ...c, file, place, lesson: { id, step: stepAt(c.line) } });
    } else {
      const context = place === 'strings' ? 'both' : 'either';
      for (const c of findCitations(text, context)) found.push({ ...c, file, place });
    }
  }
  return found;
}
