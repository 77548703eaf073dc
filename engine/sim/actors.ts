/**
 * Starting an XState actor inside the simulation: on the virtual clock, with every state change
 * and every timer written to the trace, and its emitted events handed to the code that does the
 * I/O. A timer is named by the `meta.timer` of the state that started it, so the diagram can say
 * "keepalive" rather than "timer 17".
 */
import { type AnyActorRef, type AnyStateMachine, type EventFromLogic, type InputFrom, createActor } from 'xstate';
import { createClock } from './clock.ts';
import type { Scheduler } from './scheduler.ts';
import type { Trace } from './trace.ts';

export interface ActorHost {
  scheduler: Scheduler;
  trace: Trace;
}

/** 'connected.idle' for { connected: 'idle' }. */
export function stateString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => {
        const inner = stateString(child);
        return inner ? `${key}.${inner}` : key;
      })
      .join(',');
  }
  return '';
}

export interface SimActor<M extends AnyStateMachine> {
  readonly name: string;
  readonly machine: string;
  readonly ref: AnyActorRef;
  send(event: EventFromLogic<M>): void;
  /** The current state, dotted. */
  state(): string;
  done(): boolean;
  stop(): void;
}

export function startActor<M extends AnyStateMachine>(
  host: ActorHost,
  machine: M,
  name: string,
  input: InputFrom<M>,
  onEmit: (event: { type: string } & Record<string, unknown>) => void,
): SimActor<M> {
  const machineId = machine.id;
  const timerNames = new Map<number, { name: string; dueAtMs: number }>();
  const started: Array<{ id: number; dueAtMs: number }> = [];

  const timerName = (): string => {
    const meta = ref.getSnapshot().getMeta() as Record<string, { timer?: string } | undefined>;
    let name = 'timer';
    for (const key in meta) if (meta[key]?.timer) name = meta[key]!.timer!;
    return name;
  };
  /** Name and trace the timers started by the transition that just ran. */
  const flush = () => {
    if (started.length === 0) return;
    const timer = timerName();
    for (const { id, dueAtMs } of started) {
      timerNames.set(id, { name: timer, dueAtMs });
      host.trace.add({
        kind: 'timer',
        actor: name,
        machine: machineId,
        name: timer,
        action: 'start',
        timer: id,
        dueAtMs,
      });
    }
    started.length = 0;
  };

  const clock = createClock(host.scheduler, {
    started: (_delayMs, dueAtMs, id) => started.push({ id, dueAtMs }),
    cancelled: (id) => {
      const timer = timerNames.get(id);
      if (!timer) {
        // started and cancelled within one transition: never visible
        const i = started.findIndex((s) => s.id === id);
        if (i >= 0) started.splice(i, 1);
        return;
      }
      timerNames.delete(id);
      host.trace.add({
        kind: 'timer',
        actor: name,
        machine: machineId,
        name: timer.name,
        action: 'cancel',
        timer: id,
        dueAtMs: timer.dueAtMs,
      });
    },
    fired: (id) => {
      const timer = timerNames.get(id);
      timerNames.delete(id);
      host.trace.add({
        kind: 'timer',
        actor: name,
        machine: machineId,
        name: timer?.name ?? 'timer',
        action: 'fire',
        timer: id,
        dueAtMs: host.scheduler.nowMs,
      });
    },
    afterFire: () => flush(),
  });

  // The clock's callbacks above read `ref`; none runs before the actor starts.
  const ref: AnyActorRef = createActor(machine, { input, clock });
  let last: string | null = null;
  const stateOf: { snapshot: unknown; text: string } = { snapshot: null, text: '' };
  ref.on('*', (event: { type: string } & Record<string, unknown>) => onEmit(event));
  ref.subscribe((snapshot: { value: unknown }) => {
    const to = stateString(snapshot.value);
    if (to !== last) {
      host.trace.add({ kind: 'state', actor: name, machine: machineId, from: last, to });
      last = to;
    }
  });
  ref.start();
  flush();

  return {
    name,
    machine: machineId,
    ref,
    send(event) {
      ref.send(event);
      flush();
    },
    state: () => {
      // asked on every packet sent (is the connection up?): the string is made once per snapshot
      const snapshot = ref.getSnapshot();
      if (snapshot !== stateOf.snapshot) {
        stateOf.snapshot = snapshot;
        stateOf.text = stateString(snapshot.value);
      }
      return stateOf.text;
    },
    done: () => ref.getSnapshot().status === 'done',
    stop() {
      if (ref.getSnapshot().status === 'active') {
        ref.stop();
        host.trace.add({ kind: 'state', actor: name, machine: machineId, from: last, to: 'stopped' });
        last = 'stopped';
      }
    },
  };
}
