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

type Effect = { kind: 'cancel' } | { kind: 'emit'; event: Emitted } | { kind: 'start'; delayMs: number };
/** Cancelling the state's timer carries nothing: one object serves every step. */
const CANCEL: Effect = { kind: 'cancel' };

interface Timer {
  id: number;
  item: Scheduled;
  dueAtMs: number;
  /** Its start is in the trace (it is written after the step that started it). */
  traced: boolean;
  /** The meta.timer of the state it was traced in. */
  name?: string;
}

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

  constructor(
    private readonly host: ActorHost,
    private readonly table: FlowTable,
    readonly name: string,
    input: unknown,
    private readonly onEmit: (event: Emitted) => void,
    /** When the flow ends: done (final state) or stopped. */
    private readonly onComplete?: () => void,
  ) {
    this.machine = table.id;
    this.context = table.context(input) as Context;
    this.current = table.states.get(table.initial)!;
    const event: FlowEvent = { type: 'xstate.init', input };
    const effects: Effect[] = [];
    for (const action of table.entry) effects.push({ kind: 'emit', event: action({ context: this.context, event }) });
    this.enter(this.current, event, effects);
    this.settle(event, effects);
    this.busy = true;
    this.commit(effects);
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
    this.onComplete?.();
    this.host.trace.add({ kind: 'state', actor: this.name, machine: this.machine, from: this.last, to: 'stopped' });
    this.last = 'stopped';
  }

  private process(event: FlowEvent): void {
    if (this.status !== 'active') return;
    const transition = this.select(this.current.on.get(event.type), event);
    if (!transition) return;
    const effects: Effect[] = [];
    this.take(transition, event, effects);
    this.settle(event, effects);
    this.commit(effects);
  }

  private select(transitions: readonly CompiledTransition[] | undefined, event: FlowEvent) {
    if (!transitions) return undefined;
    for (const t of transitions) if (!t.guard || t.guard({ context: this.context, event })) return t;
    return undefined;
  }

  /** One microstep: exit, the transition's actions, entry; the state changes at once. */
  private take(transition: CompiledTransition, event: FlowEvent, effects: Effect[]): void {
    const target = transition.target === undefined ? undefined : this.table.states.get(transition.target)!;
    const leaves = target !== undefined && (target !== this.current || transition.reenter);
    if (leaves && this.current.after) effects.push(CANCEL);
    for (const action of transition.actions)
      effects.push({ kind: 'emit', event: action({ context: this.context, event }) });
    if (leaves) {
      this.current = target;
      this.enter(target, event, effects);
    }
  }

  private enter(state: CompiledState, event: FlowEvent, effects: Effect[]): void {
    if (state.after) effects.push({ kind: 'start', delayMs: state.after.delayMs({ context: this.context, event }) });
    if (state.final) this.status = 'done';
  }

  /** Eventless (`always`) transitions, after each microstep, until none is enabled. */
  private settle(event: FlowEvent, effects: Effect[]): void {
    for (;;) {
      const transition = this.select(this.current.always, event);
      if (!transition) return;
      this.take(transition, event, effects);
    }
  }

  /** Run the step's effects, trace the state change and the timers it started. */
  private commit(effects: Effect[]): void {
    let started: Timer[] | null = null;
    for (const effect of effects) {
      if (effect.kind === 'emit') this.onEmit(effect.event);
      else if (effect.kind === 'cancel') this.cancelTimer();
      else {
        const timer = this.startTimer(effect.delayMs);
        if (timer) (started ??= []).push(timer);
      }
    }
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
      this.onComplete?.();
    }
    if (started === null) return;
    for (const timer of started) {
      if (this.timer !== timer) continue; // started and cancelled in one step: never visible
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

  private startTimer(delayMs: number): Timer | null {
    // A machine says "no timer" with an infinite delay: nothing is scheduled (sim/clock.ts).
    if (!Number.isFinite(delayMs)) return null;
    const scheduler = this.host.scheduler;
    const dueAtMs = scheduler.nowMs + Math.max(0, delayMs);
    const id = scheduler.nextTimerId++;
    const timer: Timer = { id, dueAtMs, traced: false, item: scheduler.schedule(dueAtMs, () => this.fire(timer)) };
    this.timer = timer;
    return timer;
  }

  private cancelTimer(): void {
    const timer = this.timer;
    if (!timer) return;
    this.timer = null;
    this.host.scheduler.cancel(timer.item);
    if (timer.traced) this.traceTimer(timer, 'cancel', timer.dueAtMs);
  }

  private fire(timer: Timer): void {
    this.timer = null;
    this.traceTimer(timer, 'fire', this.host.scheduler.nowMs);
    const after = this.current.after!;
    const event: FlowEvent = { type: after.eventType };
    this.busy = true;
    const transition = this.select(after.transitions, event);
    if (transition && this.status === 'active') {
      const effects: Effect[] = [];
      this.take(transition, event, effects);
      this.settle(event, effects);
      this.commit(effects);
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
