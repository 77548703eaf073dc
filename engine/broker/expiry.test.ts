import { expect, test } from 'vitest';
import { expiresAtMs, hasExpired, secondsLeft } from './expiry.ts';

const taken = (interval: number | undefined, receivedAtMs = 1_000) => ({
  ...(interval !== undefined ? { properties: { messageExpiryInterval: interval } } : {}),
  receivedAtMs,
});

test('without an interval a message never expires and carries none', () => {
  expect(hasExpired(taken(undefined), 1e12)).toBe(false);
  expect(secondsLeft(taken(undefined), 1e12)).toBeUndefined();
  expect(expiresAtMs(taken(undefined))).toBeUndefined();
});

test('what is left is the interval less the whole seconds waited [MQTT-3.3.2-6]', () => {
  expect(secondsLeft(taken(60), 1_000)).toBe(60);
  expect(secondsLeft(taken(60), 1_999)).toBe(60);
  expect(secondsLeft(taken(60), 4_050)).toBe(57);
});

test('it has expired once the whole interval has passed [MQTT-3.3.2-5]', () => {
  expect(hasExpired(taken(2), 2_999)).toBe(false);
  expect(hasExpired(taken(2), 3_000)).toBe(true);
  expect(expiresAtMs(taken(2))).toBe(3_000);
});

test('an interval of 0: sent at once if a subscriber is there, expired a moment later', () => {
  expect(hasExpired(taken(0), 1_000)).toBe(false);
  expect(secondsLeft(taken(0), 1_000)).toBe(0);
  expect(hasExpired(taken(0), 1_001)).toBe(true);
  expect(expiresAtMs(taken(0))).toBe(1_001);
});
