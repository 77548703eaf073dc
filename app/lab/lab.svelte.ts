/**
 * The lab's state: one run (timeline.ts), simulated as far as needed, and a cursor into its trace.
 * Views are pure functions of (trace, world at the cursor, cursor); they never reach into the
 * engine. The simulation runs ahead of the cursor (LOOKAHEAD_MS), so a packet on its way is drawn
 * between its send and its arrival, which are both already known.
 *
 * Cursor: `seq` is the last trace event shown (-1: none yet); `timeMs` the virtual time on screen.
 * Stepping moves `seq` one event and sets `timeMs` to its time; playing moves `timeMs` smoothly and
 * `seq` follows.
 *
 * With a worker (the lab page), a run that is not over after INLINE_EVENTS events in the page goes
 * on in a Web Worker (run/): the trace grows as chunks arrive, the cursor goes as far as it has got,
 * and a move beyond is remembered and made when the trace gets there (`#want`). Without one
 * (lessons, the compare page, node tests, file://) everything is simulated here, synchronously.
 */
import {
  type Action,
  type CapturedRun,
  type Scenario,
  type SendEvent,
  type Step,
  type TraceEvent,
  type World,
  budgetStop,
} from '$engine';
import { errorWords } from '../classroom/error-words.ts';
import { flushSync } from 'svelte';
import { type Beat, nextBeat } from './beats.ts';
import { capturedTimeline, frozenSimulation } from './captured.ts';
import type { FromWorker } from './run/protocol.ts';
import { type ConnectWorker, RemoteRun, type RunSource, type WorkerLink } from './run/remote.ts';
import { TraceFolds } from './run/trace-folds.ts';
import { type Timeline, fork, simulationOf } from './timeline.ts';

/** How far ahead of the cursor the simulation runs (virtual ms). */
export const LOOKAHEAD_MS = 5_000;
/**
 * While the worker streams a run in, the page reads it ahead of the views (checkpoints, beats, the
 * diagram's model) in slices of about this many real ms, yielding between them, so that input is
 * answered at once and nothing is left to read in one long task when the run completes.
 */
const READ_AHEAD_SLICE_MS = 12;
/** Events read between two looks at the clock during a read-ahead slice. */
const READ_AHEAD_EVENTS = 1_000;
/**
 * With a worker, events simulated in the page before a run moves to it: a few tens of ms, and far
 * more than any preset or lesson needs (the biggest preset has 134 events), so those stay in the
 * page, synchronous, as without a worker.
 */
export const INLINE_EVENTS = 2_000;

export interface LabOptions {
  /** Simulate long runs in a Web Worker (run/remote.ts connectBrowserWorker); without, in the page. */
  worker?: ConnectWorker;
  /** Events before the budget stops a run (tests); default the engine's EVENT_BUDGET. */
  budget?: number;
  /**
   * While the worker computes, the views follow the growing trace at most this often (real ms),
   * and never more than a quarter of the time (see `#refresh`); 0 or absent: at every chunk.
   */
  paceMs?: number;
}
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

  #sim: RunSource | null = null;
  /** Checkpoints and beats, read as the trace grows. */
  readonly #folds = new TraceFolds();
  /** Others reading the trace as it grows (the diagram's model): read along ahead of the views. */
  readonly #readers: Array<(trace: readonly TraceEvent[], limit: number) => boolean> = [];
  /** A read-ahead slice waiting to run. */
  #readAheadTimer: ReturnType<typeof setTimeout> | null = null;
  /** The run is complete: the views are shown all of it once the read-ahead has caught up. */
  #refreshWhenRead = false;
  readonly #options: LabOptions;
  /** The worker: not asked for yet (undefined), or none to be had (null). */
  #link: WorkerLink | null | undefined = undefined;
  /** The run the worker computes, when it does. */
  #remote: RemoteRun | null = null;
  #runs = 0;
  /** A view update waiting for its time (paceMs), and what the last one cost. */
  #refreshTimer: ReturnType<typeof setTimeout> | null = null;
  #refreshCostMs = 0;
  /** A cursor move beyond what is computed, made when the trace gets there; `end` follows the end. */
  #want: { seq: number } | { timeMs: number } | { end: true } | null = null;

  constructor(options: LabOptions = {}) {
    this.#options = options;
  }

  /** The worker is computing the run (progress: `computedMs`, `trace.length`; `stopComputing`). */
  get computing(): boolean {
    void this.version;
    return this.#remote !== null && !this.#remote.done;
  }

  /**
   * How far the worker has got, updated at every chunk without bumping `version` (which makes
   * every view read the trace again): only the progress display reads it.
   */
  #progress = $state.raw({ computedMs: 0, events: 0 });

  /** Virtual time computed so far: the cursor goes up to here. */
  get computedMs(): number {
    if (this.#remote && !this.#remote.done) return this.#progress.computedMs;
    void this.version;
    return this.#sim?.now ?? 0;
  }

  /** Events computed so far (while the worker computes, ahead of what the views show). */
  get computedEvents(): number {
    if (this.#remote && !this.#remote.done) return this.#progress.events;
    void this.version;
    return this.#sim?.trace.length ?? 0;
  }

  /** The person stopped the computation (Stop): the run ends where it stopped. */
  get halted(): boolean {
    void this.version;
    return this.#remote?.halted ?? false;
  }

  /** The event budget stopped the run: its note (what made the run big), or null. */
  get budget() {
    void this.version;
    return this.#sim?.stopped ? budgetStop(this.#sim.trace) : null;
  }

  /** Stop computing: what is computed so far becomes the whole run. */
  stopComputing(): void {
    const remote = this.#remote;
    if (!remote || remote.done) return;
    this.#link?.send({ type: 'stop', run: remote.run });
    remote.halt();
    this.#refresh();
  }

  /** The page is leaving the lab: end the worker. */
  dispose(): void {
    this.#link?.close();
    this.#link = null;
    this.#remote = null;
  }

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
    return this.#folds.beats(this.#sim?.trace ?? [], this.#complete());
  });

  /**
   * Read the trace along with the lab, ahead of the views while the worker streams a run in:
   * `read` is called with the growing trace, reads at most `limit` events it has not read yet,
   * and says whether it has read them all. Returns the function that stops it.
   */
  readAlong(read: (trace: readonly TraceEvent[], limit: number) => boolean): () => void {
    this.#readers.push(read);
    return () => {
      const at = this.#readers.indexOf(read);
      if (at >= 0) this.#readers.splice(at, 1);
    };
  }

  /** The page is still reading a streamed run ahead of the views (tests, the timing script). */
  get readingAhead(): boolean {
    return this.#readAheadTimer !== null;
  }

  /** Whether the run has been simulated to its end (so `beats` holds every stop). */
  get complete(): boolean {
    void this.version;
    return this.#complete();
  }

  #complete(): boolean {
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
    this.#stopRemote();
    this.#sim = frozenSimulation(run, this.timeline.scenario);
    this.#folds.forgetFrom(0, this.#sim.trace);
    this.version++;
    this.seekSeq(-1);
  }

  #refuseReadOnly(): boolean {
    if (this.readOnly) this.problem = { key: 'capture.readOnly' };
    return this.readOnly;
  }

  /**
   * Simulate the timeline anew. `sameBeforeMs`: the new run is the old one before this time (a
   * fork), so the old events before it, and the worlds built from them, are kept.
   */
  #restart(sameBeforeMs?: number): void {
    const before = this.#sim?.trace ?? [];
    let same = 0;
    if (sameBeforeMs !== undefined) while (same < before.length && before[same].atMs < sameBeforeMs) same++;
    this.#stopRemote();
    this.#want = null;
    const connect = this.#options.worker;
    if (!connect || this.#link === null) this.#sim = simulationOf(this.timeline, this.#options.budget);
    else this.#startRemote(before.slice(0, same));
    this.#folds.forgetFrom(same, this.#sim!.trace);
    this.version++;
    this.#remap(before);
  }

  /** Start the run in the page; if it goes on past INLINE_EVENTS, hand it to the worker. */
  #startRemote(known: readonly TraceEvent[]): void {
    const local = simulationOf(this.timeline, this.#options.budget);
    this.#sim = local;
    let more = true;
    while (local.trace.length < INLINE_EVENTS && (more = local.step()));
    if (!more) return local.runUntil(local.endMs);
    this.#link ??= this.#options.worker!(
      (message) => this.#receive(message),
      () => this.#lost(),
    );
    if (!this.#link) return; // no worker here: the run stays in the page
    const fromPage = local.trace.length >= known.length;
    const remote = new RemoteRun(
      ++this.#runs,
      fromPage ? local.trace : known,
      fromPage ? local.now : known[known.length - 1].atMs,
      local.endMs,
    );
    this.#link.send({
      type: 'start',
      run: remote.run,
      timeline: this.timeline, // plain data ($state.raw): posted as it is
      skip: remote.trace.length,
      ...(this.#options.budget !== undefined ? { budget: this.#options.budget } : {}),
    });
    this.#remote = remote;
    this.#sim = remote;
    this.#progress = { computedMs: remote.now, events: remote.trace.length };
  }

  #stopRemote(): void {
    if (this.#remote && !this.#remote.done) this.#link?.send({ type: 'stop', run: this.#remote.run });
    this.#remote = null;
    if (this.#refreshTimer !== null) clearTimeout(this.#refreshTimer);
    this.#refreshTimer = null;
    if (this.#readAheadTimer !== null) clearTimeout(this.#readAheadTimer);
    this.#readAheadTimer = null;
    this.#refreshWhenRead = false;
  }

  /** Read what has arrived in slices, until caught up (see READ_AHEAD_SLICE_MS). */
  #readAhead(): void {
    this.#readAheadTimer = null;
    const remote = this.#remote;
    if (!remote || this.#sim !== remote) return;
    const until = performance.now() + READ_AHEAD_SLICE_MS;
    const complete = this.#complete();
    let caughtUp = false;
    while (!caughtUp && performance.now() < until) {
      caughtUp = this.#folds.readAhead(remote.trace, this.scenario, complete, READ_AHEAD_EVENTS);
      for (const read of this.#readers) caughtUp = read(remote.trace, READ_AHEAD_EVENTS) && caughtUp;
    }
    if (!caughtUp) this.#scheduleReadAhead();
    else if (this.#refreshWhenRead) this.#refresh();
  }

  #scheduleReadAhead(): void {
    this.#readAheadTimer ??= setTimeout(() => this.#readAhead(), 0);
  }

  /** A message from the worker: more of the run, or its failure. */
  #receive(message: FromWorker): void {
    const remote = this.#remote;
    if (!remote || message.run !== remote.run) return; // a run replaced since
    if (message.type === 'failed') {
      remote.halt();
      this.problem = { key: 'lab.problem.simulationFailed', params: { message: message.message } };
    } else if (!remote.receive(message)) return;
    this.#progress = { computedMs: remote.now, events: remote.trace.length };
    this.#scheduleReadAhead();
    const pace = this.#options.paceMs ?? 0;
    if (pace <= 0) return this.#refresh();
    // the views see the whole run once the page has read it, in slices, not all in this task
    if (remote.done) return this.#readAheadTimer !== null ? void (this.#refreshWhenRead = true) : this.#refresh();
    // Every view reads the whole trace: they follow it only when the cursor waits for more (End,
    // a seek beyond), and then at most every `pace` ms and a quarter of the time; otherwise once,
    // when the run is done.
    if (this.#want) this.#refreshTimer ??= setTimeout(() => this.#refresh(), Math.max(pace, 3 * this.#refreshCostMs));
  }

  /** Show what has arrived: the views follow the trace, the cursor makes the move that waited. */
  #refresh(): void {
    if (this.#refreshTimer !== null) clearTimeout(this.#refreshTimer);
    this.#refreshTimer = null;
    this.#refreshWhenRead = false;
    const paced = (this.#options.paceMs ?? 0) > 0;
    const start = paced ? performance.now() : 0;
    this.version++;
    if (this.#want) this.#applyWant();
    if (!paced) return;
    flushSync(); // the views update now, so that what an update costs is known
    this.#refreshCostMs = performance.now() - start;
  }

  /** The worker could not start (its script did not load): from now on this lab simulates in the page. */
  #lost(): void {
    this.#link = null;
    if (!this.#remote) return;
    const seq = this.seq;
    const timeMs = this.timeMs;
    this.#remote = null;
    this.#restart();
    this.seekSeq(seq);
    if (timeMs > this.timeMs) this.seekTime(timeMs);
  }

  /** Make the cursor move that waited for the trace, as far as it can now go. */
  #applyWant(): void {
    const want = this.#want;
    if (!want) return;
    if ('end' in want) {
      this.seekTime(this.#sim?.endMs ?? 0);
      this.#want = this.#complete() ? null : want; // keep following the end
    } else if ('seq' in want) this.seekSeq(want.seq);
    else this.seekTime(want.timeMs);
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
    return this.#folds.worldAt(seq, this.#sim?.trace ?? [], this.scenario);
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
    this.#want = seq >= trace.length && !this.#complete() ? { seq } : null;
    this.seq = Math.max(-1, Math.min(seq, trace.length - 1));
    this.timeMs = this.seq >= 0 ? trace[this.seq].atMs : 0;
    this.ensure(this.timeMs + LOOKAHEAD_MS);
  }

  seekTime(ms: number): void {
    const wanted = Math.max(0, Math.min(ms, this.endMs));
    this.ensure(wanted + LOOKAHEAD_MS);
    // as far as computed (in the page, ensure has computed past it; the worker may not have yet)
    const target = Math.min(wanted, this.#sim?.now ?? 0);
    this.#want = target < wanted ? { timeMs: wanted } : null;
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

  /** To the end; while the worker computes, to the end so far, following it as it grows. */
  end(): void {
    this.pause();
    this.ensure(this.endMs);
    this.seekTime(this.endMs);
    if (!this.#complete()) this.#want = { end: true };
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
      this.#restart(atMs);
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
    this.#restart(send.atMs);
    // The fault's own step joins the trace before the packet it aims at: keep the time, not the index.
    this.seekTime(keepTime);
  }
}
