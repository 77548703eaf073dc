/**
 * XState's clock on the simulation's scheduler: every `after:` delay of every machine runs in
 * virtual time, in the same queue as the packets. One clock per actor system, so each timer can be
 * traced with the actor it belongs to.
 */
import { type Scheduled, Scheduler } from './scheduler.ts';

export interface TimerListener {
  started(delayMs: number, dueAtMs: number, id: number): void;
  cancelled(id: number): void;
  fired(id: number): void;
  /** After the timer's callback ran (the transition it caused is complete). */
  afterFire?(): void;
}

export interface VirtualClock {
  setTimeout(fn: () => void, timeoutMs: number): number;
  clearTimeout(id: number): void;
}

export function createClock(scheduler: Scheduler, listener?: TimerListener): VirtualClock {
  const pending = new Map<number, Scheduled>();
  return {
    setTimeout(fn, timeoutMs) {
      // A machine says "no timer" with an infinite delay (Keep Alive 0, no retry): nothing to schedule.
      if (!Number.isFinite(timeoutMs)) return -1;
      const dueAtMs = scheduler.nowMs + Math.max(0, timeoutMs);
      // Numbered per simulation in the order timers start: the same run gives the same ids.
      const id = scheduler.nextTimerId++;
      const item = scheduler.schedule(dueAtMs, () => {
        pending.delete(id);
        listener?.fired(id);
        fn();
        listener?.afterFire?.();
      });
      pending.set(id, item);
      listener?.started(timeoutMs, dueAtMs, id);
      return id;
    },
    clearTimeout(id) {
      const item = pending.get(id);
      if (!item) return;
      pending.delete(id);
      scheduler.cancel(item);
      listener?.cancelled(id);
    },
  };
}
