/**
 * The story of a run: each trace event in one plain sentence, built from the event's fields and
 * the World just after it (the link settings, the Keep Alive a connection asked for, the state of
 * a flow): the story folds its own World as it reads, so it keeps no state of its own. Sentences are
 * phrases (phrase.ts), worded at render time in the current language, one file per family of events:
 * say-steps (what the scenario or a person did), say-packets (sends), say-network (arrivals, losses,
 * copies, faults), say-machines (states, timers, connections, errors), say-notes (what the broker
 * and clients decide, deliveries).
 *
 * Lines are `major` (the story: packets, deliveries, losses, what the broker decides) or minor
 * (timers starting, machines changing state, connections opening), shown with "show all events".
 */
import { type Scenario, type Step, type TraceEvent, applyEvent, initialWorld } from '$engine';
import { sayClose, sayError, sayOpen, sayState, sayTimer } from './say-machines.ts';
import { sayArrive, sayDrop, sayDuplicate } from './say-network.ts';
import { sayDeliver, sayNote } from './say-notes.ts';
import { saySend } from './say-packets.ts';
import { sayStep } from './say-steps.ts';
import type { Line, Telling } from './say-words.ts';

export { type Line, type Tag, type Tone, clip, party, percent, seconds, violation } from './say-words.ts';

/** What the story needs to know besides the event: the scenario, and which steps a person took. */
export interface StoryContext {
  scenario: Scenario;
  /** Steps that were user actions (not the scenario's own). */
  actions?: readonly Step[];
  /**
   * A capture opened read-only: each packet has one time, where it was captured, so nothing is
   * said of how long it took, and a close is the FIN or RST the capture saw.
   */
  captured?: boolean;
}

const stepKey = (step: Step) => JSON.stringify(step);

/** Walks a trace in order, folding the World as it goes; one per trace. */
class Story {
  readonly lines: Line[] = [];
  /** How far the trace has been read. */
  read = 0;
  readonly #telling: Telling;

  constructor(context: StoryContext, trace: readonly TraceEvent[]) {
    const { scenario } = context;
    const actionKeys = new Set((context.actions ?? []).map(stepKey));
    this.#telling = {
      world: initialWorld(scenario),
      trace,
      transport: scenario.transport ?? 'tcp',
      captured: context.captured ?? false,
      isAction: (step) => actionKeys.has(stepKey(step)),
    };
  }

  advance(upTo: number): void {
    const { trace, world } = this.#telling;
    const last = Math.min(upTo, trace.length - 1);
    for (; this.read <= last; this.read++) {
      const event = trace[this.read];
      applyEvent(world, event); // the sentence reads the world just after its event
      const line = narrate(event, this.#telling);
      if (line) this.lines.push(line);
    }
  }
}

/** One event's line, by its kind. */
function narrate(e: TraceEvent, telling: Telling): Line | null {
  switch (e.kind) {
    case 'step':
      return sayStep(e.seq, e.atMs, e.step, telling);
    case 'send':
      return saySend(e, telling);
    case 'arrive':
      return sayArrive(e, telling);
    case 'drop':
      return sayDrop(e, telling);
    case 'duplicate':
      return sayDuplicate(e, telling);
    case 'deliver':
      return sayDeliver(e);
    case 'state':
      return sayState(e);
    case 'timer':
      return sayTimer(e, telling);
    case 'open':
      return sayOpen(e);
    case 'close':
      return sayClose(e, telling);
    case 'error':
      return sayError(e);
    case 'note':
      return sayNote(e, telling);
  }
  return null;
}

// ---------------------------------------------------------------- the narrator

/**
 * The lines of a trace up to a cursor, read once: the trace only grows (until the run is
 * replaced), so each event is narrated the first time the cursor passes it.
 */
export class Narrator {
  #stories = new WeakMap<readonly TraceEvent[], Story>();

  /** Every line for events 0..seq. `context` must stay the same for the same trace. */
  upTo(trace: readonly TraceEvent[], seq: number, context: StoryContext): readonly Line[] {
    const { lines, count } = this.told(trace, seq, context);
    // a new array each time: views compare by identity
    return lines.slice(0, count);
  }

  /**
   * The story read so far, not copied (it only grows), and how many of its lines are at or before
   * `seq`: for a view of a long run that draws a few rows and must not copy 50,000 lines a frame.
   */
  told(trace: readonly TraceEvent[], seq: number, context: StoryContext): { lines: readonly Line[]; count: number } {
    let story = this.#stories.get(trace);
    if (!story) {
      story = new Story(context, trace);
      this.#stories.set(trace, story);
    }
    story.advance(seq);
    // lines are in seq order: cut at the cursor (a story may have read further before a step back)
    const lines = story.lines;
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return { lines, count: lo };
  }
}

/** Every line of a whole trace (tests, export). */
export function narrateAll(trace: readonly TraceEvent[], context: StoryContext): Line[] {
  const story = new Story(context, trace);
  story.advance(trace.length - 1);
  return story.lines;
}
