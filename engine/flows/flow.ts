/**
 * One per-message flow (a QoS 1/2 sender or a QoS 2 receiver) run from its compiled table
 * (compile.ts), without an XState actor, and traced exactly as an actor started by
 * sim/actors.ts would be: the same state events, the same timer events with the same ids, the
 * same emitted events in the same order, the same scheduler entries. The order of one step is
 * XState's: the actions of the step (exit: cancel the state's timer; the transition's own; entry:
 * start the new state's timer) run in order after the state is set, then the state change is
 * traced, then the timers it started.
 */
import type { ActorHost } from '../sim/actors.ts';
import type { Scheduled } from '../sim/scheduler.ts';
import type { CompiledState, CompiledTransition, Emitted, FlowEvent, FlowTable } from './compile.ts';

/**
 * A step's effects, in order, on one stack shared by every flow (a kind and a value each: the
 * event emitted, the delay of the timer started), instead of an array and an object per effect: a
 * large run takes several steps per message. A step pushes its effects, runs them and takes them
 * off again; a flow stepped by another's effect (an emitted packet acknowledged at once) pushes
 * above them and takes its own off before returning, so the stack stays in order.
 */
const CANCEL = 0;
const EMIT = 1;
const START = 2;
const effectKinds: number[] = [];
const effectValues: unknown[] = [];
/** The stack's height: the arrays are never shortened (that would drop their storage each step). */
let effectTop = 0;
const pushEffect = (kind: number, value: unknown) => {
  effectKinds[effectTop] = kind;
  effectValues[effectTop++] = value;
};

interface Timer {
  /** Whose timer: the scheduler calls back with the timer alone. */
  flow: Flow;
  id: number;
  item: Scheduled;
  dueAtMs: number;
  /** Its start is in the trace (it is written after the step that started it). */
  traced: boolean;
  /** The meta.timer of the state it was traced in. */
  name?: string;
}

/** What the scheduler runs when a flow's timer is due: made once (no closure per timer). */
const fireTimer = (timer: Timer) => timer.flow.fire(timer);

export class Flow<Context = unknown> {
  readonly machine: string;
  readonly context: Context;
  private current: CompiledState;
  private status: 'active' | 'done' | 'stopped' = 'active';
  private timer: Timer | null = null;
  /** The name the trace last gave the state ('stopped' once stopped). */
  private last: string | null = null;
  private busy = false;
  /** Events sent while a step runs; made when first needed (most flows never need one). */
  private mailbox: FlowEvent[] | null = null;
  /** What guards, delays and actions are called with: one per flow, its event set before each call. */
  private readonly args: { context: unknown; event: FlowEvent };

  constructor(
    private readonly host: ActorHost,
    private readonly table: FlowTable,
    readonly name: string,
    input: unknown,
    /** Told each event the flow emits; given the flow too, so one function can serve many flows. */
    private readonly onEmit: (event: Emitted, flow: Flow<Context>) => void,
    /** When the flow ends: done (final state) or stopped. */
    private readonly onComplete?: (flow: Flow<Context>) => void,
  ) {
    this.machine = table.id;
    this.context = table.context(input) as Context;
    this.current = table.states.get(table.initial)!;
    const event: FlowEvent = { type: 'xstate.init', input };
    this.args = { context: this.context, event };
    const base = effectTop;
    for (const action of table.entry) pushEffect(EMIT, action(this.with(event)));
    this.enter(this.current, event);
    this.settle(event);
    this.busy = true;
    this.commit(base);
    this.busy = false;
  }

  /** The current state's name ('stopped' after stop). */
  state(): string {
    return this.status === 'stopped' ? 'stopped' : this.current.name;
  }

  done(): boolean {
    return this.status === 'done';
  }

  send(event: FlowEvent): void {
    if (this.busy) {
      (this.mailbox ??= []).push(event);
      return;
    }
    this.busy = true;
    this.process(event);
    this.drainMailbox();
    this.busy = false;
  }

  /** End the flow where it is: its timer is cancelled, the trace says 'stopped'. */
  stop(): void {
    if (this.status !== 'active') return;
    this.status = 'stopped';
    this.mailbox = null;
    this.cancelTimer();
    this.onComplete?.(this);
    this.host.trace.add({ kind: 'state', actor: this.name, machine: this.machine, from: this.last, to: 'stopped' });
    this.last = 'stopped';
  }

  private process(event: FlowEvent): void {
    if (this.status !== 'active') return;
    const transition = this.select(this.current.on.get(event.type), event);
    if (!transition) return;
    const base = effectTop;
    this.take(transition, event);
    this.settle(event);
    this.commit(base);
  }

  /** The args for a guard, delay or action on `event` (no object per call; none keeps them). */
  private with(event: FlowEvent) {
    this.args.event = event;
    return this.args;
  }

  private select(transitions: readonly CompiledTransition[] | undefined, event: FlowEvent) {
    if (!transitions) return undefined;
    for (const t of transitions) if (!t.guard || t.guard(this.with(event))) return t;
    return undefined;
  }

  /** One microstep: exit, the transition's actions, entry; the state changes at once. */
  private take(transition: CompiledTransition, event: FlowEvent): void {
    const target = transition.target === undefined ? undefined : this.table.states.get(transition.target)!;
    const leaves = target !== undefined && (target !== this.current || transition.reenter);
    if (leaves && this.current.after) pushEffect(CANCEL, undefined);
    for (const action of transition.actions) pushEffect(EMIT, action(this.with(event)));
    if (leaves) {
      this.current = target;
      this.enter(target, event);
    }
  }

  private enter(state: CompiledState, event: FlowEvent): void {
    if (state.after) pushEffect(START, state.after.delayMs(this.with(event)));
    if (state.final) this.status = 'done';
  }

  /** Eventless (`always`) transitions, after each microstep, until none is enabled. */
  private settle(event: FlowEvent): void {
    for (;;) {
      const transition = this.select(this.current.always, event);
      if (!transition) return;
      this.take(transition, event);
    }
  }

  /**
   * Run the step's effects (from `base` on the stack), trace the state change and the timer the
   * step started, if it is still running: a timer started and cancelled in one step is never seen.
   */
  private commit(base: number): void {
    const end = effectTop;
    for (let i = base; i < end; i++) {
      const kind = effectKinds[i];
      if (kind === EMIT) this.onEmit(effectValues[i] as Emitted, this);
      else if (kind === CANCEL) this.cancelTimer();
      else this.startTimer(effectValues[i] as number);
    }
    // off the stack (the events emitted let go, not kept alive by a slot)
    for (let i = base; i < end; i++) effectValues[i] = undefined;
    effectTop = base;
    const to = this.current.name;
    if (to !== this.last) {
      const trace = this.host.trace;
      // built in one literal, as trace.add would lay it out: most events of a large run are these
      trace.append({
        seq: trace.nextSeq,
        atMs: trace.now(),
        kind: 'state',
        actor: this.name,
        machine: this.machine,
        from: this.last,
        to,
      });
      this.last = to;
    }
    if (this.status === 'done') {
      this.cancelTimer();
      this.onComplete?.(this);
    }
    // The flow's timer, if untraced, was started by this step (a step traces what it starts).
    const timer = this.timer;
    if (timer !== null && !timer.traced) {
      timer.traced = true;
      timer.name = this.current.timerName ?? 'timer';
      const trace = this.host.trace;
      trace.append({
        seq: trace.nextSeq,
        atMs: trace.now(),
        kind: 'timer',
        actor: this.name,
        machine: this.machine,
        name: timer.name,
        action: 'start',
        timer: timer.id,
        dueAtMs: timer.dueAtMs,
      });
    }
  }

  private startTimer(delayMs: number): void {
    // A machine says "no timer" with an infinite delay: nothing is scheduled (sim/clock.ts).
    if (!Number.isFinite(delayMs)) return;
    const scheduler = this.host.scheduler;
    const dueAtMs = scheduler.nowMs + Math.max(0, delayMs);
    const id = scheduler.nextTimerId++;
    const timer: Timer = { flow: this as Flow, id, dueAtMs, traced: false, item: null!, name: undefined };
    timer.item = scheduler.call(dueAtMs, fireTimer, timer);
    this.timer = timer;
  }

  private cancelTimer(): void {
    const timer = this.timer;
    if (!timer) return;
    this.timer = null;
    this.host.scheduler.cancel(timer.item);
    if (timer.traced) this.traceTimer(timer, 'cancel', timer.dueAtMs);
  }

  /** @internal (fireTimer) */
  fire(timer: Timer): void {
    this.timer = null;
    this.traceTimer(timer, 'fire', this.host.scheduler.nowMs);
    const after = this.current.after!;
    const event: FlowEvent = { type: after.eventType };
    this.busy = true;
    const transition = this.select(after.transitions, event);
    if (transition && this.status === 'active') {
      const base = effectTop;
      this.take(transition, event);
      this.settle(event);
      this.commit(base);
    }
    this.drainMailbox();
    this.busy = false;
  }

  private drainMailbox(): void {
    while (this.mailbox !== null && this.mailbox.length > 0) this.process(this.mailbox.shift()!);
  }

  private traceTimer(timer: Timer, action: 'cancel' | 'fire', dueAtMs: number): void {
    const trace = this.host.trace;
    trace.append({
      seq: trace.nextSeq,
      atMs: trace.now(),
      kind: 'timer',
      actor: this.name,
      machine: this.machine,
      name: timer.name ?? 'timer',
      action,
      timer: timer.id,
      dueAtMs,
    });
  }
}
