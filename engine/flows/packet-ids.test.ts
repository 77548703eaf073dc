import { expect, test } from 'vitest';
import { PacketIds } from './packet-ids.ts';

test('ids count up from 1, wrap after 65535 and skip ids in flight', () => {
  const ids = new PacketIds();
  expect([ids.take(), ids.take(), ids.take()]).toEqual([1, 2, 3]);
  ids.release(2);
  for (let i = 4; i <= 65_535; i++) ids.take();
  // 1 and 3 are still in flight; 2 was released
  expect(ids.take()).toBe(2);
  expect(() => ids.take()).toThrow(/in flight/);
});
