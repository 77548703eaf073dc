/**
 * 5.0 Message Expiry Interval (§3.3.2.3.3): a message the broker holds for a subscriber (queued
 * while it is offline, or retained) may wait at most that many seconds. Once they have passed
 * before onward delivery starts, the broker deletes its copy [MQTT-3.3.2-5]; when it does send it,
 * the PUBLISH carries what is left of the interval [MQTT-3.3.2-6].
 */
import type { Properties } from '../codec/properties.ts';

export interface Expiring {
  properties?: Properties;
  /** When the broker took the message (set only when it has an expiry interval). */
  receivedAtMs?: number;
}

/**
 * Whether the message's expiry interval has passed at `nowMs`. A message never expires in the
 * millisecond it arrived: even with an interval of 0 it may start onward delivery at once.
 */
export function hasExpired(message: Expiring, nowMs: number): boolean {
  const interval = message.properties?.messageExpiryInterval;
  if (interval === undefined) return false;
  const waitedMs = nowMs - (message.receivedAtMs ?? nowMs);
  return waitedMs > 0 && waitedMs >= interval * 1_000;
}

/** Whole seconds left of the interval (less the whole seconds waited), or undefined: it never expires. */
export function secondsLeft(message: Expiring, nowMs: number): number | undefined {
  const interval = message.properties?.messageExpiryInterval;
  if (interval === undefined) return undefined;
  const waitedMs = nowMs - (message.receivedAtMs ?? nowMs);
  return Math.max(0, interval - Math.floor(waitedMs / 1_000));
}

/** When the message expires (the first millisecond `hasExpired` says so), or undefined. */
export function expiresAtMs(message: Expiring): number | undefined {
  const interval = message.properties?.messageExpiryInterval;
  if (interval === undefined || message.receivedAtMs === undefined) return undefined;
  return message.receivedAtMs + Math.max(1, interval * 1_000);
}
