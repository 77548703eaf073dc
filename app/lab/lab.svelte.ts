/**
 * The lab's state: one run (timeline.ts), simulated as far as needed, and a cursor into its trace.
 * Views are pure functions of (trace, world at the cursor, cursor); they never reach into the
 * engine. The simulation runs ahead of the cursor (LOOKAHEAD_MS), so a packet on its way is drawn
 * between its send and its arrival, which are both already known.
 *
 * Cursor: `seq` is the last trace event shown (-1: none yet); `timeMs` the virtual time on screen.
 * Stepping moves `seq` one event and sets `timeMs` to its time; playing moves `timeMs` smoothly and
 * `seq` follows.
 */
import {
  type Action,
  type CapturedRun,
  type Scenario,
  type SendEvent,
  type Simulation,
  type Step,
  type TraceEvent,
  type World,
  applyEvent,
  cloneWorld,
  initialWorld,
} from '$engine';
import { errorWords } from '../classroom/error-words.ts';
import { type Beat, beatsOf, nextBeat } from './beats.ts';
import { capturedTimeline, frozenSimulation } from './captured.ts';
import { type Timeline, fork, simulationOf } from './timeline.ts';

/** How far ahead of the cursor the simulation runs (virtual ms). */
export const LOOKAHEAD_MS = 5_000;
/** A world is kept every this many events, to seek anywhere quickly. */
const CHECKPOINT_EVERY = 256;
/** Playback speed: virtual ms per real ms, on a log scale. */
export const MIN_SPEED = 0.01;
export const MAX_SPEED = 10;

/** What a person can do to a packet on its way (the packet menu). */
export type PacketFault = 'drop' | 'duplicate' | 'delay' | 'corrupt';

/**
 * The bits to flip in a packet's first byte so that the receiver must refuse it and close: for a
 * PUBLISH both QoS bits set, QoS 3 [MQTT-3.3.1-4]; for every other type a reserved flag bit
 * flipped [MQTT-2.2.2-1]. Either way the codec refuses it at byte 0, naming the rule.
 */
export function breakingXor(firstByte: number): number {
  const isPublish = firstByte >> 4 === 3;
  return isPublish ? ~firstByte & 0b0110 : 0b0001;
}

/** A run replaced by a fork that discarded `discarded` later actions, kept so the fork can be undone. */
export interface ForkUndo {
  timeline: Timeline;
  presetId: string | null;
  seq: number;
  timeMs: number;
  discarded: number;
}

export class Lab {
  timeline = $state.raw<Timeline>({ scenario: { clients: [], steps: [] }, seed: 1, actions: [] });
  /** Which built-in scenario this is, if any (for titles and links). */
  presetId = $state<string | null>(null);
  /** The last trace event shown; -1 before the first. */
  seq = $state(-1);
  /** Virtual time on screen. */
  timeMs = $state(0);
  playing = $state(false);
  speed = $state(0.1);
  /** Fast-forward through stretches where nothing is on its way. */
  skipIdle = $state(true);
  /** The packet (a send event's seq) or actor the inspector shows. */
  selection = $state<{ send?: number; actor?: string; field?: string } | null>(null);
  /** What the pointer or keyboard focus is on now, lit in every view that shows it. */
  hover = $state<{ send?: number; actor?: string; client?: string } | null>(null);
  /** Bumped whenever the trace grows or is replaced: reading it makes a view follow the trace. */
  version = $state(0);
  /** A problem to show (a fork that failed, a damaged link…), as an i18n key and params. */
  problem = $state<{ key: string; params?: Record<string, unknown> } | null>(null);
  /** The run before the last act that discarded later actions: how many went, and a way back. */
  undoable = $state.raw<ForkUndo | null>(null);
  /** A capture is on screen (loadCapture): a trace to look at, nothing to act on. */
  readOnly = $state(false);

  #sim: Simulation | null = null;
  #checkpoints: World[] = [];
  /** The last world computed, to step forward from without going back to a checkpoint. */
  #last: World | null = null;

  get scenario(): Scenario {
    return this.timeline.scenario;
  }

  /** The whole trace simulated so far (read `version` to react to its growth). */
  get trace(): readonly TraceEvent[] {
    void this.version;
    return this.#sim?.trace ?? [];
  }

  /** When the run ends. */
  get endMs(): number {
    void this.version;
    return this.#sim?.endMs ?? 0;
  }

  /** The story beats of the run simulated so far (all of them once it has run to its end). */
  readonly beats: Beat[] = $derived.by(() => {
    void this.version;
    return beatsOf(this.#sim?.trace ?? []);
  });

  /** Whether the run has been simulated to its end (so `beats` holds every stop). */
  get complete(): boolean {
    void this.version;
    const sim = this.#sim;
    return !sim || sim.now >= sim.endMs;
  }

  /** The world at the cursor. */
  readonly world: World = $derived.by(() => {
    void this.version;
    return this.worldAt(this.seq);
  });

  load(timeline: Timeline, presetId: string | null = null, at: { seq?: number } = {}): void {
    this.pause();
    this.undoable = null;
    this.readOnly = false;
    this.timeline = timeline;
    this.presetId = presetId;
    this.selection = null;
    this.problem = null;
    this.#restart();
    this.seekSeq(at.seq ?? -1);
  }

  /** Show a capture (fromCapture) read-only: its trace stands in for a simulation. */
  loadCapture(run: CapturedRun, name: string): void {
    this.pause();
    this.readOnly = true;
    this.timeline = capturedTimeline(run, name);
    this.presetId = null;
    this.selection = null;
    this.problem = null;
    this.#sim = frozenSimulation(run, this.timeline.scenario);
    this.#checkpoints = [];
    this.#last = null;
    this.version++;
    this.seekSeq(-1);
  }

  #refuseReadOnly(): boolean {
    if (this.readOnly) this.problem = { key: 'capture.readOnly' };
    return this.readOnly;
  }

  #restart(): void {
    const before = this.#sim?.trace ?? [];
    this.#sim = simulationOf(this.timeline);
    this.#checkpoints = [];
    this.#last = null;
    this.version++;
    this.#remap(before);
  }

  /**
   * A replay numbers its events anew (a fault or an action adds a step event): keep the selected
   * and hovered packet by what it is — who sent which type when, the how-many-th such — not by index.
   */
  #remap(before: readonly TraceEvent[]): void {
    const again = (seq: number | undefined) => {
      const old = seq === undefined ? undefined : before[seq];
      if (old?.kind !== 'send') return undefined;
      const same = (e: TraceEvent) =>
        e.kind === 'send' &&
        e.sentAtMs === old.sentAtMs &&
        e.from === old.from &&
        e.to === old.to &&
        e.packet.type === old.packet.type;
      const nth = before.slice(0, old.seq).filter(same).length;
      this.ensure(old.sentAtMs + 1);
      return this.trace.filter(same)[nth]?.seq;
    };
    if (this.selection?.send !== undefined) {
      const send = again(this.selection.send);
      this.selection = send === undefined ? null : { ...this.selection, send };
    }
    if (this.hover?.send !== undefined) this.hover = null;
  }

  /** Simulate until `ms` (bounded by the end of the run). */
  ensure(ms: number): void {
    const sim = this.#sim;
    if (!sim || sim.now >= Math.min(ms, sim.endMs)) return;
    const before = sim.trace.length;
    sim.runUntil(Math.min(ms, sim.endMs));
    if (sim.trace.length !== before) this.version++;
  }

  /** Simulate until at least `seq` exists (or the run ends). */
  #ensureSeq(seq: number): void {
    const sim = this.#sim;
    if (!sim) return;
    const before = sim.trace.length;
    while (sim.trace.length <= seq && sim.step());
    if (sim.trace.length !== before) this.version++;
  }

  /** The world after the events up to and including `seq`, from the nearest checkpoint. */
  worldAt(seq: number): World {
    const trace = this.#sim?.trace ?? [];
    const count = Math.max(0, Math.min(seq + 1, trace.length)); // events to apply
    // checkpoint k holds the world after the first k × CHECKPOINT_EVERY events
    const k = Math.floor(count / CHECKPOINT_EVERY);
    if (this.#checkpoints.length === 0) this.#checkpoints.push(initialWorld(this.scenario));
    while (this.#checkpoints.length <= k) {
      const n = this.#checkpoints.length;
      const next = cloneWorld(this.#checkpoints[n - 1]);
      for (let i = (n - 1) * CHECKPOINT_EVERY; i < n * CHECKPOINT_EVERY; i++) applyEvent(next, trace[i]);
      this.#checkpoints.push(next);
    }
    // Forward from the last world when that is nearer than the checkpoint (playing, stepping on).
    const last = this.#last;
    const fromLast = last !== null && last.seq < count && last.seq + 1 >= k * CHECKPOINT_EVERY;
    const world = cloneWorld(fromLast ? last : this.#checkpoints[k]);
    for (let i = fromLast ? last.seq + 1 : k * CHECKPOINT_EVERY; i < count; i++) applyEvent(world, trace[i]);
    this.#last = world;
    return world;
  }

  // ---------------------------------------------------------------- moving the cursor

  get atEnd(): boolean {
    void this.version;
    const sim = this.#sim;
    return !sim || (this.seq >= sim.trace.length - 1 && sim.now >= sim.endMs);
  }

  seekSeq(seq: number): void {
    this.#ensureSeq(seq);
    const trace = this.trace;
    this.seq = Math.max(-1, Math.min(seq, trace.length - 1));
    this.timeMs = this.seq >= 0 ? trace[this.seq].atMs : 0;
    this.ensure(this.timeMs + LOOKAHEAD_MS);
  }

  seekTime(ms: number): void {
    const target = Math.max(0, Math.min(ms, this.endMs));
    this.ensure(target + LOOKAHEAD_MS);
    const trace = this.trace;
    let lo = -1;
    let hi = trace.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (trace[mid].atMs <= target) lo = mid;
      else hi = mid - 1;
    }
    this.seq = lo;
    this.timeMs = target;
  }

  stepForward(): void {
    this.pause();
    this.seekSeq(this.seq + 1);
  }

  stepBack(): void {
    this.pause();
    this.seekSeq(this.seq - 1);
  }

  home(): void {
    this.pause();
    this.seekSeq(-1);
  }

  end(): void {
    this.pause();
    this.ensure(this.endMs);
    this.seekTime(this.endMs);
  }

  /**
   * To the next (or previous) story beat (beats.ts): the moments a presenter stops on — packets
   * sent, lost, resent, arrived, messages delivered, timers firing, closes, the will, steps.
   * Past the last one: the end; before the first: the start.
   */
  jump(direction: 1 | -1): void {
    this.pause();
    this.ensure(this.endMs);
    const beat = nextBeat(this.beats, { seq: this.seq, timeMs: this.timeMs }, direction);
    if (beat) this.seekTime(beat.atMs);
    else if (direction > 0) this.end();
    else this.home();
  }

  play(): void {
    if (this.atEnd) this.home();
    this.playing = true;
  }

  pause(): void {
    this.playing = false;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Advance playback by `realMs` of wall-clock time (called once per animation frame). */
  tick(realMs: number): void {
    if (!this.playing) return;
    let next = this.timeMs + realMs * this.speed;
    if (this.skipIdle && this.world && Object.keys(this.world.inFlight).length === 0) {
      // nothing on its way: skip to shortly before the next event
      this.ensure(this.timeMs + LOOKAHEAD_MS);
      const upcoming = this.trace[this.seq + 1];
      if (upcoming && upcoming.atMs - next > 400) next = upcoming.atMs - 200;
    }
    if (next >= this.endMs) {
      this.seekTime(this.endMs);
      this.pause();
      return;
    }
    this.seekTime(next);
  }

  // ---------------------------------------------------------------- acting

  /**
   * Do something at the cursor's time. At the live end this just continues; in the past it forks:
   * later actions are discarded and the run replays, identical up to this moment.
   */
  act(action: Action): void {
    if (this.#refuseReadOnly()) return;
    // After everything on screen: a step goes first within its millisecond, so acting at the time
    // of an event already shown would slip in before it and change what was seen.
    const shownMs = this.seq >= 0 ? (this.trace[this.seq]?.atMs ?? -1) : -1;
    // A typed time (the actions panel's "At" box) is taken as it is; the cursor then goes there
    // when it is in the past (what was shown after it has changed), and stays when it is ahead.
    if (action.atMs !== undefined) return this.#actAt(action, action.atMs);
    const atMs = Math.max(Math.ceil(this.timeMs), shownMs + 1);
    const keepSeq = this.seq;
    this.#rememberFork(atMs);
    this.timeline = fork(this.timeline, action, atMs);
    try {
      this.#restart();
      this.ensure(atMs + LOOKAHEAD_MS);
      // Everything shown is unchanged; the next step forward shows the action taking effect.
      this.seq = Math.min(keepSeq, this.trace.length - 1);
      this.timeMs = atMs;
    } catch (error) {
      this.problem = {
        key: 'lab.problem.actionFailed',
        params: { message: errorWords(error) },
      };
    }
  }

  #actAt(action: Action, atMs: number): void {
    const keepTime = this.timeMs;
    this.#rememberFork(atMs);
    this.timeline = fork(this.timeline, action, atMs);
    try {
      this.#restart();
      this.seekTime(Math.min(keepTime, atMs));
    } catch (error) {
      this.problem = { key: 'lab.problem.actionFailed', params: { message: errorWords(error) } };
    }
  }

  /** Before a fork at `atMs`: if it discards later actions, keep the run as it was, to undo. */
  #rememberFork(atMs: number): void {
    const discarded = this.timeline.actions.filter((a) => a.atMs > atMs).length;
    this.undoable =
      discarded > 0
        ? { timeline: this.timeline, presetId: this.presetId, seq: this.seq, timeMs: this.timeMs, discarded }
        : null;
  }

  /** Bring back the run the last fork replaced, at the moment it was left. */
  undoFork(): void {
    const before = this.undoable;
    if (!before) return;
    this.load(before.timeline, before.presetId, { seq: before.seq });
    this.seekTime(before.timeMs);
  }

  /**
   * Drop, duplicate, delay or break a packet already on its way: a fault scripted just before it
   * was sent, then the run replays. `nth` picks it among same-type packets sent at that millisecond.
   * Breaking alters its first byte so that no receiver may accept it (see `breakingXor`).
   */
  faultPacket(send: SendEvent, fault: PacketFault, delayMs = 1_000): void {
    if (this.#refuseReadOnly()) return;
    const trace = this.trace;
    let nth = 1;
    for (let i = send.seq - 1; i >= 0 && trace[i].atMs === send.atMs; i--) {
      const e = trace[i];
      if (e.kind === 'send' && e.from === send.from && e.to === send.to && e.packet.type === send.packet.type) nth++;
    }
    const step: Omit<Extract<Step, { do: 'fault' }>, 'atMs'> = {
      do: 'fault',
      fault,
      from: send.from,
      ...(send.from === 'broker' ? { to: send.to } : {}),
      packet: send.packet.type,
      ...(nth > 1 ? { nth } : {}),
      ...(fault === 'delay' || fault === 'duplicate' ? { delayMs } : {}),
      ...(fault === 'corrupt' ? { byte: 0, xor: breakingXor(send.bytes[0]) } : {}),
    };
    const keepTime = this.timeMs;
    this.#rememberFork(send.atMs);
    this.timeline = fork(this.timeline, step, send.atMs);
    this.#restart();
    // The fault's own step joins the trace before the packet it aims at: keep the time, not the index.
    this.seekTime(keepTime);
  }
}
