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
 * Whole seconds left of the message's expiry interval at `nowMs` (the interval less the whole
 * seconds it has waited), 0 once it has expired, or undefined when it never expires.
 */
export function secondsLeft(message: Expiring, nowMs: number): number | undefined {
  const interval = message.properties?.messageExpiryInterval;
  if (interval === undefined) return undefined;
  const waitedMs = nowMs - (message.receivedAtMs ?? nowMs);
  if (waitedMs > 0 && waitedMs >= interval * 1_000) return 0;
  return interval - Math.floor(waitedMs / 1_000);
}

/** When the message expires, in virtual ms, or undefined when it never does. */
export function expiresAtMs(message: Expiring): number | undefined {
  const interval = message.properties?.messageExpiryInterval;
  if (interval === undefined || message.receivedAtMs === undefined) return undefined;
  return message.receivedAtMs + interval * 1_000;
}
