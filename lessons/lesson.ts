/**
 * A lesson: prose in en.md and zh.md (same steps, same ids), and this language-free part in
 * scenario.ts — the scenario the lab runs, and what each step does to the lab: advance it, point
 * at a packet, a field or a state, wait for the student to act, or ask them to predict. Every
 * claim the prose makes is asserted in checks.ts, by step id (test/lessons.test.ts runs them all).
 */
import type { PacketType, Scenario, Step } from '../engine/index.ts';
import type { Run } from './run.ts';

/** A packet in the run: the nth (from 1) packet of this type sent by `from` (to `to`). */
export interface PacketRef {
  type: PacketType;
  from?: string;
  to?: string;
  nth?: number;
}

/** How far the lab runs when the step opens. */
export type RunTo =
  | { start: true }
  /** Just after the scenario step with this `id` took effect (and what it sent is on its way). */
  | { step: string }
  /** Until the referenced packet has arrived (or been lost). */
  | { packet: PacketRef }
  | { timeMs: number }
  | { end: true };

export interface Highlight {
  /** Select this packet (the inspector shows its bytes, the diagram lights its arrow). */
  packet?: PacketRef;
  /** Within the selected packet: the field (span `field`/`label` path, e.g. 'fixedHeader.firstByte' or 'qos'). */
  field?: string;
  /** Light this machine (actor name, e.g. 'sensor' or 'broker/app/out/1') in the state panel. */
  actor?: string;
}

export type Quiz =
  /** Multiple choice: the options are the md task-list items `- [ ] {#id} text`. */
  | { kind: 'choice'; answer: string }
  /** A byte value typed in hex, e.g. '0x62'. */
  | { kind: 'byte'; answer: number };

export interface LessonStep {
  id: string;
  /** Which of the lesson's scenarios the lab shows from this step on (default: the previous step's, at first the first). */
  scenario?: string;
  run?: RunTo;
  highlight?: Highlight;
  /**
   * Wait for the student to do what the scenario step with this id does (same `do` and client):
   * in the lab that step is left out of the run and the student's own action takes its place; in
   * the checks the scripted step stands in for the student.
   */
  await?: { step: string };
  /** Ask first; the lab advances (run) only after the answer, and shows what really happened. */
  quiz?: Quiz;
}

export interface Lesson {
  /** The folder name: NN-slug. */
  id: string;
  /**
   * The runs the lesson shows, by name; the first is where it starts. Each says its transport
   * model (tcp, or the lossy teaching model) and the prose says which one is on screen and why.
   */
  scenarios: Record<string, Scenario>;
  steps: LessonStep[];
}

export function defineLesson(lesson: Lesson): Lesson {
  return lesson;
}

export type { Step };

/**
 * A lesson's checks.ts: the claims each step's prose makes, asserted on the finished runs, keyed
 * by step id like the quizzes — each is its own test, so one failure hides none of the others.
 */
export type Checks = Record<string, (runs: Record<string, Run>) => void>;

/** What really happens at each quiz, by step id: the option (or byte) the run shows. */
export type QuizChecks = Record<string, (runs: Record<string, Run>) => string | number>;
