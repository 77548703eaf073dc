/**
 * The broker's own timers (a delayed will, a session's expiry), traced like the machines' timers:
 * a `timer` event when one starts, is cancelled or fires, on the actor of the session it belongs
 * to ('broker/sensor', machine 'broker-session'), so the diagram and the state view can show them.
 * Ids come from the same counter as the machines' timers: one run numbers all its timers in order.
 */
import { brokerSessionName } from '../flows/actor-names.ts';
import type { ActorHost } from '../sim/actors.ts';
import type { Scheduled } from '../sim/scheduler.ts';

export const BROKER_SESSION_MACHINE = 'broker-session';

/** What a broker timer is for: the names the app words ('lab.timer.<name>'). */
export type BrokerTimerName = 'willDelay' | 'sessionExpiry';

export interface BrokerTimer {
  readonly id: number;
  readonly actor: string;
  readonly name: BrokerTimerName;
  readonly dueAtMs: number;
  readonly item: Scheduled;
  /** Fired or cancelled: nothing more to trace. */
  over: boolean;
}

export class BrokerTimers {
  constructor(private readonly host: ActorHost) {}

  /** Start `name` for `client`'s session, due at `dueAtMs`; `fire` runs when it is due. */
  start(client: string, name: BrokerTimerName, dueAtMs: number, fire: () => void): BrokerTimer {
    const id = this.host.scheduler.nextTimerId++;
    const actor = brokerSessionName(client);
    const timer: BrokerTimer = {
      id,
      actor,
      name,
      dueAtMs,
      over: false,
      item: this.host.scheduler.schedule(dueAtMs, () => {
        timer.over = true;
        this.trace(timer, 'fire');
        fire();
      }),
    };
    this.trace(timer, 'start');
    return timer;
  }

  /** Stop it before it fires (nothing happens for one that already fired or was cancelled). */
  cancel(timer: BrokerTimer): void {
    if (timer.over) return;
    timer.over = true;
    this.host.scheduler.cancel(timer.item);
    this.trace(timer, 'cancel');
  }

  private trace(timer: BrokerTimer, action: 'start' | 'cancel' | 'fire'): void {
    this.host.trace.add({
      kind: 'timer',
      actor: timer.actor,
      machine: BROKER_SESSION_MACHINE,
      name: timer.name,
      action,
      timer: timer.id,
      // as the machines' timers: when it was due, and for a fire the moment it fired
      dueAtMs: action === 'fire' ? this.host.scheduler.nowMs : timer.dueAtMs,
    });
  }
}
