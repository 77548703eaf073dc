import { expect, test } from 'vitest';
import type { Lesson } from '../../lessons/lesson.ts';
import { messages } from '../i18n/messages.ts';
import { beatsReached, nextBeat } from '../lab/beats.ts';
import { sentence } from '../lab/phrase.ts';
import { LessonDriver } from './lesson-driver.svelte.ts';

const lessons = Object.values(
  import.meta.glob<{ default: Lesson }>('../../lessons/*/scenario.ts', { eager: true }),
).map((module) => module.default);

test('the lab leaves out only the steps the student does while that run is on screen', () => {
  for (const lesson of lessons) {
    const driver = new LessonDriver(lesson);
    let current = Object.keys(lesson.scenarios)[0];
    const awaited = new Map<string, Set<string>>();
    for (const step of lesson.steps) {
      current = step.scenario ?? current;
      if (step.await) awaited.set(current, (awaited.get(current) ?? new Set()).add(step.await.step));
    }
    for (const [name, scenario] of Object.entries(lesson.scenarios)) {
      const left = scenario.steps.filter((s) => !(s.id && awaited.get(name)?.has(s.id)));
      expect(driver.labScenario(name).steps, `${lesson.id} / ${name}`).toEqual(left);
    }
  }
});

test('lesson 12: the crash the student performs in the first run still happens in the 5.0 run', () => {
  const will = lessons.find((lesson) => lesson.id === '12-will')!;
  const driver = new LessonDriver(will);
  expect(driver.labScenario('crash').steps.map((s) => s.id)).not.toContain('crash');
  expect(driver.labScenario('delayed').steps.map((s) => s.id)).toContain('crash');
});

/** Answers as `0x..` (both cases), as prose or the inspector would show them. */
const asHex = (value: number) => [
  `0x${value.toString(16).padStart(2, '0')}`,
  `0x${value.toString(16).toUpperCase().padStart(2, '0')}`,
];

// walks every lesson through the lab, step by step: about 2 s on a quiet machine
test('nothing on screen answers a quiz before it is revealed', { timeout: 15_000 }, () => {
  const prose = import.meta.glob<string>('../../lessons/*/*.md', { query: '?raw', import: 'default', eager: true });
  for (const lesson of lessons) {
    // walked as a student walks it: each step in turn, doing what it waits for
    const driver = new LessonDriver(lesson);
    lesson.steps.forEach((step, index) => {
      driver.go(index);
      const awaited = driver.awaited;
      if (awaited && !driver.awaitDone) {
        const { atMs: _at, id: _id, ...action } = awaited;
        driver.lab.act(action);
        driver.apply();
      }
      if (!step.quiz) return;
      const where = `${lesson.id} / ${step.id}`;
      // the inspector shows no packet: the field tree would show the bytes asked for
      expect(driver.lab.selection, where).toBeNull();
      // the packet the reveal runs to is not drawn yet
      const reveal = step.run && 'packet' in step.run ? step.run.packet : undefined;
      const answer = reveal && driver.run().sends(reveal)[(reveal.nth ?? 1) - 1];
      if (answer) expect(driver.lab.seq, where).toBeLessThan(answer.seq);
      // no table in the prose up to the question lists the byte (lesson 04's table of first bytes
      // once did); the text may name candidates, as lesson 07's SUBACK question does
      if (step.quiz.kind === 'byte')
        for (const language of ['en', 'zh']) {
          const text = prose[`../../lessons/${lesson.id}/${language}.md`];
          const upTo = text.slice(0, text.indexOf('\n## ', text.indexOf(`{#${step.id}}`)));
          const tables = upTo.split('\n').filter((line) => line.startsWith('|'));
          for (const written of asHex(step.quiz.answer))
            expect(tables.join('\n'), `${where} (${language})`).not.toContain(written);
        }
      driver.answer(
        step.quiz.kind === 'choice'
          ? { kind: 'choice', option: step.quiz.answer }
          : { kind: 'byte', value: step.quiz.answer },
      );
    });
  }
});

/** What a step shows: where the run is, which packet is lit, and the run's actions. */
function shown(driver: LessonDriver) {
  const { lab } = driver;
  return {
    step: driver.step.id,
    scenario: driver.scenarioName,
    seq: lab.seq,
    timeMs: lab.timeMs,
    selection: lab.selection,
    actions: lab.timeline.actions,
  };
}

// Each step is replayed from the lesson’s start (a few runs simulated per step): 1-2.5 s for
// the longest lesson on two shared cores, hence the explicit timeout.
test.each(lessons.map((lesson) => [lesson.id, lesson] as const))(
  '%s: every step opens from its address in the state that stepping to it gives',
  (_id, lesson) => {
    // stepping: Next from the first step, each quiz answered, each awaited action done for the student
    const walker = new LessonDriver(lesson);
    walker.go(0);
    const stepped = [shown(walker)];
    for (let i = 1; i < lesson.steps.length; i++) {
      if (walker.step.quiz) walker.answer({ kind: 'choice', option: 'any' });
      if (walker.step.await && !walker.awaitDone) walker.doItForMe();
      walker.go(i);
      stepped.push(shown(walker));
    }
    // opened straight at each step, as from `#/lessons/<lesson>/<step>`
    lesson.steps.forEach((step, i) => {
      const direct = new LessonDriver(lesson);
      direct.go(i);
      expect(shown(direct), `${lesson.id}/${step.id}`).toEqual(stepped[i]);
    });
  },
  15_000,
);

test('picking a later step from the list reaches the same state as stepping to it', () => {
  const keepalive = lessons.find((lesson) => lesson.id === '11-keepalive')!;
  const listed = new LessonDriver(keepalive);
  listed.go(0);
  const closed = keepalive.steps.findIndex((s) => s.id === 'closed');
  listed.go(closed);
  const direct = new LessonDriver(keepalive);
  direct.go(closed);
  expect(shown(listed)).toEqual(shown(direct));
  // the will has gone out: the run sits at the broker's PUBLISH to app, not at the start
  expect(listed.lab.timeMs).toBeGreaterThan(5_000);
});

test('PageDown goes through the stops between two steps, then to the next step; PageUp comes back', () => {
  const qos1 = lessons.find((lesson) => lesson.id === '09-qos1')!;
  const driver = new LessonDriver(qos1);
  driver.go(0);
  const last = qos1.steps.length - 1;
  const visited: Array<[number, number]> = [];
  for (let press = 0; press < 300; press++) {
    if (driver.quizPending) {
      // an unanswered quiz holds PageDown
      const held = [driver.index, driver.lab.timeMs];
      driver.stop(1);
      expect([driver.index, driver.lab.timeMs]).toEqual(held);
      driver.answer({ kind: 'choice', option: 'any' });
    }
    if (driver.step.await && !driver.awaitDone) driver.doItForMe();
    const before = [driver.index, driver.lab.timeMs, driver.lab.seq];
    driver.stop(1);
    const { index, lab } = driver;
    if (index === before[0] && lab.timeMs === before[1] && lab.seq === before[2]) break; // past the last stop
    visited.push([index, lab.timeMs]);
  }
  expect(driver.index).toBe(last);
  expect(nextBeat(driver.lab.beats, { seq: driver.lab.seq, timeMs: driver.lab.timeMs }, 1)).toBeUndefined();
  // within a step the stops move forward in time; some step has more than one
  const perStep = new Map<number, number>();
  for (let k = 0; k < visited.length; k++) {
    perStep.set(visited[k][0], (perStep.get(visited[k][0]) ?? 0) + 1);
    if (k > 0 && visited[k][0] === visited[k - 1][0]) expect(visited[k][1]).toBeGreaterThanOrEqual(visited[k - 1][1]);
  }
  expect(Math.max(...perStep.values())).toBeGreaterThan(1);
  // PageUp walks back to where the step opened, then to the previous step
  for (let press = 0; press < 50 && driver.index === last; press++) driver.stop(-1);
  expect(driver.index).toBe(last - 1);
});

/** The stops PageDown makes in lessons 8–12, printed for the closing note (`PRINT_BEATS=1`). */
test.runIf(process.env.PRINT_BEATS === '1')('print the stops of lessons 8–12', () => {
  const en = (key: string, params: Record<string, unknown> = {}): string => {
    let node: unknown = messages.en;
    for (const part of key.split('.')) node = (node as Record<string, unknown>)?.[part];
    return String(node).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
  for (const lesson of lessons.filter((l) => /^(08|09|10|11|12)-/.test(l.id))) {
    const driver = new LessonDriver(lesson);
    driver.go(0);
    const lines: string[] = [];
    for (let press = 0; press < 300; press++) {
      if (driver.quizPending) driver.answer({ kind: 'choice', option: 'any' });
      if (driver.step.await && !driver.awaitDone) driver.doItForMe();
      const { lab } = driver;
      const beat = lab.beats[beatsReached(lab.beats, { seq: lab.seq, timeMs: lab.timeMs }) - 1];
      const what = beat && beat.atMs === lab.timeMs ? sentence(beat.headline.phrase, en) : '(step opens)';
      lines.push(`${driver.step.id} ${(lab.timeMs / 1000).toFixed(2)} s ${what}`);
      const before = [driver.index, lab.timeMs, lab.seq];
      driver.stop(1);
      if (driver.index === before[0] && driver.lab.timeMs === before[1] && driver.lab.seq === before[2]) break;
    }
    console.log(`${lesson.id}: ${lines.length} stops\n  ${lines.join('\n  ')}`);
  }
});
