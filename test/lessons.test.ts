/**
 * Every lesson, checked: its zh and en prose have the same steps, ids, quizzes and options; every
 * step's run and highlight point at something that exists; every claim in its checks.ts holds on
 * its runs; and every quiz's correct answer is what the simulation does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Checks, Lesson, QuizChecks } from '../lessons/lesson.ts';
import { parseProse } from '../lessons/markdown.ts';
import { Run } from '../lessons/run.ts';

const modules = import.meta.glob<{ default: Lesson }>('../lessons/*/scenario.ts', { eager: true });
const checkModules = import.meta.glob<{ checks: Checks; quizzes: QuizChecks }>('../lessons/*/checks.ts', {
  eager: true,
});

const lessons = Object.entries(modules)
  .map(([path, module]) => ({
    dir: path.split('/')[2],
    lesson: module.default,
    checks: checkModules[path.replace('scenario.ts', 'checks.ts')],
  }))
  .sort((a, b) => a.dir.localeCompare(b.dir));

const read = (dir: string, language: string) =>
  readFileSync(new URL(`../lessons/${dir}/${language}.md`, import.meta.url), 'utf8');

describe.each(lessons)('lesson $dir', ({ dir, lesson, checks }) => {
  const en = parseProse(read(dir, 'en'), `${dir}/en.md`);
  const zh = parseProse(read(dir, 'zh'), `${dir}/zh.md`);
  const runs = Object.fromEntries(Object.entries(lesson.scenarios).map(([name, scenario]) => [name, Run.of(scenario)]));

  test('its folder, its id and its files agree', () => {
    expect(lesson.id).toBe(dir);
    expect(checks, `${dir}/checks.ts`).toBeDefined();
  });

  test('zh and en have the same steps, in the order scenario.ts lists them, with the same quiz options', () => {
    const shape = (prose: typeof en) => prose.steps.map((s) => ({ id: s.id, options: s.options.map((o) => o.id) }));
    expect(shape(zh)).toEqual(shape(en));
    expect(en.steps.map((s) => s.id)).toEqual(lesson.steps.map((s) => s.id));
    for (const step of lesson.steps) {
      const options = en.steps.find((s) => s.id === step.id)!.options.map((o) => o.id);
      if (step.quiz?.kind === 'choice') expect(options, step.id).toContain(step.quiz.answer);
      else expect(options, `${step.id} has options but no choice quiz`).toEqual([]);
    }
  });

  test('every step points at things that exist in its run', () => {
    let scenario = Object.keys(lesson.scenarios)[0];
    for (const step of lesson.steps) {
      scenario = step.scenario ?? scenario;
      const run = runs[scenario];
      expect(run, `${step.id}: scenario "${scenario}"`).toBeDefined();
      if (step.run) expect(() => run.indexOf(step.run!), step.id).not.toThrow();
      if (step.highlight?.packet) expect(() => run.packet(step.highlight!.packet!), step.id).not.toThrow();
      if (step.highlight?.field) {
        expect(step.highlight.packet, `${step.id}: a field needs a packet`).toBeDefined();
        expect(
          run.field(step.highlight.packet!, step.highlight.field),
          `${step.id}: field ${step.highlight.field}`,
        ).toBeDefined();
      }
      if (step.highlight?.actor)
        expect(run.states(step.highlight.actor).length, `${step.id}: actor ${step.highlight.actor}`).toBeGreaterThan(0);
      if (step.await) expect(() => run.afterStep(step.await!.step), step.id).not.toThrow();
    }
  });

  test('its checks are keyed by its steps', () => {
    const ids = lesson.steps.map((s) => s.id);
    for (const id of Object.keys(checks.checks)) expect(ids, `${dir}/checks.ts checks["${id}"]`).toContain(id);
  });

  // one test per step's claims: the first failure hides none of the others
  describe('what the prose claims is what the runs do', () => {
    test.each(Object.keys(checks.checks))('%s', (id) => checks.checks[id](runs));
  });

  test("every quiz's answer is what the simulation does", () => {
    for (const step of lesson.steps.filter((s) => s.quiz)) {
      const actual = checks.quizzes[step.id];
      expect(actual, `${dir}/checks.ts quizzes["${step.id}"]`).toBeDefined();
      expect(actual(runs), step.id).toBe(step.quiz!.answer);
    }
  });
});
