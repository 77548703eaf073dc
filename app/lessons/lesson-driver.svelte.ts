/**
 * Walks a lesson: each step sets the lab where the prose talks about it — which run, how far,
 * which packet, field or machine to look at — waits for the student where they must act, and holds
 * a quiz's run back until the student has answered, then shows what really happens.
 */
import type { Scenario, Step } from '$engine';
import type { Lesson, LessonStep, Quiz } from '../../lessons/lesson.ts';
import { Run } from '../../lessons/run.ts';
import { nextBeat } from '../lab/beats.ts';
import { Lab } from '../lab/lab.svelte.ts';
import { markSeen } from './progress.svelte.ts';

export type Answer = { kind: 'choice'; option: string } | { kind: 'byte'; value: number };

export class LessonDriver {
  readonly lab = new Lab();
  index = $state(0);
  /** The quiz option picked with the keys 1–4 on this step, not revealed yet (Enter reveals it). */
  picked = $state<string | null>(null);
  /** Answers given, by step id. */
  answers = $state<Record<string, Answer>>({});
  #scenario: string | null = null;
  /** The student's actions in each run, by scenario name, while another run is on screen. */
  #actions: Record<string, Step[]> = {};
  /** Where the current step put the cursor: PageUp comes back to it before leaving the step. */
  #start: { seq: number; timeMs: number } | null = null;

  constructor(readonly lesson: Lesson) {}

  get step(): LessonStep {
    return this.lesson.steps[this.index];
  }

  get scenarioName(): string {
    return this.scenarioAt(this.index);
  }

  /** The run the lab shows at step `index`: the last one a step up to it named, at first the first. */
  scenarioAt(index: number): string {
    let name = Object.keys(this.lesson.scenarios)[0];
    for (let i = 0; i <= index; i++) name = this.lesson.steps[i].scenario ?? name;
    return name;
  }

  /** The scenario as the lab runs it: the steps the student performs are left for them. */
  labScenario(name: string): Scenario {
    const scenario = this.lesson.scenarios[name];
    // only the steps awaited while this scenario is on screen: another run may use the same id
    const awaited = this.lesson.steps.flatMap((step, i) =>
      step.await && this.scenarioAt(i) === name ? [step.await.step] : [],
    );
    return { ...scenario, steps: scenario.steps.filter((s) => !(s.id && awaited.includes(s.id))) };
  }

  /** The scripted step the current step waits for the student to do, if any. */
  get awaited(): Step | undefined {
    const id = this.step.await?.step;
    return id ? this.lesson.scenarios[this.scenarioName].steps.find((s) => s.id === id) : undefined;
  }

  /** Whether the student has done what the current step waits for. */
  get awaitDone(): boolean {
    const want = this.awaited;
    if (!want) return true;
    return this.lab.timeline.actions.some(
      (a) => a.do === want.do && (!('client' in want) || ('client' in a && a.client === want.client)),
    );
  }

  /** A quiz not answered yet holds the run back. */
  get quizPending(): boolean {
    return this.step.quiz !== undefined && this.answers[this.step.id] === undefined;
  }

  /**
   * Go to a step. Going forward, every step on the way is shown as stepping would show it, and
   * what a step waited for the student to do is done for them at the moment stepping would reach
   * it ("do it for me"): so a step opened from its address, or picked from the list of steps, is in
   * exactly the state that pressing Next up to it gives.
   */
  go(index: number): void {
    const target = Math.max(0, Math.min(index, this.lesson.steps.length - 1));
    const from = this.#scenario === null ? 0 : this.index + 1;
    for (let i = from; i < target; i++) {
      // passed on the way: its quiz was answered (which answer does not change the run)
      this.#show(i, { seen: false, passed: true });
      if (this.step.await && !this.awaitDone) this.doItForMe(false);
    }
    this.#show(target, { seen: true, passed: false });
  }

  /** Show step `index`: its run (its actions kept from before), its moment, its highlight. */
  #show(index: number, how: { seen: boolean; passed: boolean }): void {
    this.index = index;
    this.picked = null;
    const name = this.scenarioName;
    if (name !== this.#scenario) {
      // the student's actions in the run left behind are kept for when the lesson comes back to it
      if (this.#scenario !== null) this.#actions[this.#scenario] = this.lab.timeline.actions;
      this.#scenario = name;
      const scenario = this.labScenario(name);
      this.lab.load({ scenario, seed: scenario.seed ?? 1, actions: this.#actions[name] ?? [] });
    }
    this.apply(how);
  }

  /**
   * Put the lab where the step is: held before an unanswered quiz (unless the step is only passed
   * on the way to a later one) or an awaited action.
   */
  apply({ seen = true, passed = false }: { seen?: boolean; passed?: boolean } = {}): void {
    const step = this.step;
    this.lab.pause();
    if (this.quizPending && !passed) {
      // held where the steps before it left the lab (also when opened straight at this step), but
      // before the packet it asks about is sent, and with nothing in the inspector: nothing on
      // screen may answer a quiz before it is revealed
      const before = this.runBefore(this.index);
      if (before) this.lab.seekSeq(this.run().quizHold(before, step.run));
      this.lab.selection = null;
      this.#start = { seq: this.lab.seq, timeMs: this.lab.timeMs };
      return;
    }
    if (step.await && !this.awaitDone) {
      const at = this.awaited?.atMs ?? this.lab.timeMs;
      if (this.lab.timeMs < at) this.lab.seekTime(at);
      this.#start = { seq: this.lab.seq, timeMs: this.lab.timeMs };
      return;
    }
    if (seen) markSeen(this.lesson.id, step.id);
    const run = this.run();
    // a step without its own `run` shows the moment the steps before it reached
    const target = step.run ?? this.runBefore(this.index);
    if (target) this.lab.seekSeq(run.indexOf(target));
    this.highlight(run);
    this.#start = { seq: this.lab.seq, timeMs: this.lab.timeMs };
  }

  /**
   * A clicker's PageDown (1) or PageUp (-1): through the stops of the run between where this step
   * opened and where the next one opens, then to the next step (back: to where this step opened,
   * then to the previous step). Never past an unanswered quiz or an action the step waits for.
   */
  stop(direction: 1 | -1): void {
    const lab = this.lab;
    lab.pause();
    lab.ensure(lab.endMs);
    const cursor = { seq: lab.seq, timeMs: lab.timeMs };
    if (direction > 0) {
      if (this.quizPending || (this.step.await && !this.awaitDone)) return;
      const beat = nextBeat(lab.beats, cursor, 1);
      if (beat && beat.atMs < this.#nextStepMs()) lab.seekTime(beat.atMs);
      else if (this.index < this.lesson.steps.length - 1) this.go(this.index + 1);
      return;
    }
    const start = this.#start;
    const after = (a: { seq: number; timeMs: number }, b: { seq: number; timeMs: number }) =>
      a.timeMs > b.timeMs || (a.timeMs === b.timeMs && a.seq > b.seq);
    if (start && after(cursor, start)) {
      const beat = nextBeat(lab.beats, cursor, -1);
      if (beat && beat.atMs > start.timeMs) lab.seekTime(beat.atMs);
      else {
        lab.seekSeq(start.seq);
        lab.timeMs = start.timeMs;
      }
    } else if (this.index > 0) this.go(this.index - 1);
  }

  /** Where the next step opens (before any reveal), in virtual time; past the end on the last step. */
  #nextStepMs(): number {
    const next = this.index + 1;
    const step = this.lesson.steps[next];
    if (!step) return Infinity;
    if (this.scenarioAt(next) !== this.scenarioName) return this.lab.timeMs;
    const awaited = step.await && this.lesson.scenarios[this.scenarioName].steps.find((s) => s.id === step.await!.step);
    if (awaited) return awaited.atMs;
    const target = step.quiz ? this.runBefore(next) : (step.run ?? this.runBefore(next));
    if (!target) return this.lab.timeMs;
    const seq = this.run().indexOf(target);
    return seq < 0 ? 0 : this.lab.trace[seq].atMs;
  }

  /** The last `run` of a step before `index` in the same scenario, if any. */
  runBefore(index: number): LessonStep['run'] {
    const name = this.scenarioName;
    let scenario = Object.keys(this.lesson.scenarios)[0];
    let found: LessonStep['run'];
    for (let i = 0; i < index; i++) {
      const step = this.lesson.steps[i];
      scenario = step.scenario ?? scenario;
      if (scenario === name && step.run) found = step.run;
    }
    return found;
  }

  /** The lab's run so far, simulated to its end, for finding places in it. */
  run(): Run {
    this.lab.ensure(this.lab.endMs);
    // the steps the student performs: their actions stand where the scripted steps would be
    const scripted = this.lesson.scenarios[this.scenarioName].steps;
    const performed: Record<string, (step: Step) => boolean> = {};
    for (const s of this.lesson.steps) {
      const want = s.await && scripted.find((step) => step.id === s.await!.step);
      if (want)
        performed[want.id!] = (step) =>
          step.do === want.do && (!('client' in want) || ('client' in step && step.client === want.client));
    }
    return new Run(this.lab.scenario, this.lab.trace, performed);
  }

  highlight(run: Run): void {
    const h = this.step.highlight;
    if (!h) return;
    const packet = h.packet ? run.sends(h.packet)[(h.packet.nth ?? 1) - 1] : undefined;
    this.lab.selection = {
      ...(packet ? { send: packet.seq } : {}),
      ...(h.actor ? { actor: h.actor } : {}),
      ...(h.field ? { field: h.field } : {}),
    };
  }

  answer(answer: Answer): void {
    this.answers = { ...this.answers, [this.step.id]: answer };
    this.apply();
  }

  /** Whether an answer was right (undefined while unanswered). */
  correct(step: LessonStep = this.step): boolean | undefined {
    const given = this.answers[step.id];
    const quiz: Quiz | undefined = step.quiz;
    if (!given || !quiz) return undefined;
    return given.kind === 'choice'
      ? quiz.kind === 'choice' && given.option === quiz.answer
      : quiz.kind === 'byte' && given.value === quiz.answer;
  }

  /** Perform the awaited action for the student ("do it for me"). */
  doItForMe(seen = true): void {
    const want = this.awaited;
    if (!want) return;
    const { atMs: _at, id: _id, ...action } = want;
    this.lab.act(action);
    this.apply({ seen });
  }
}
