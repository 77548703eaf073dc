import { createPrng } from '$engine';
import { describe, expect, test } from 'vitest';
import { IntervalIndex } from './interval-index.ts';

describe('the interval index', () => {
  test('finds what overlaps a window, each item once, ascending', () => {
    const index = new IntervalIndex(100);
    index.add(0, 0, 50);
    index.add(1, 40, 420); // spans five buckets
    index.add(2, 300, 310);
    index.add(3, 500); // open
    expect(index.query(0, 10)).toEqual([0]);
    expect(index.query(45, 60)).toEqual([0, 1]);
    expect(index.query(250, 350)).toEqual([1, 2]);
    expect(index.query(430, 450)).toEqual([]);
    expect(index.query(600, 700)).toEqual([3]); // open: reaches any later window
    index.end(3, 520);
    expect(index.query(600, 700)).toEqual([]);
    expect(index.query(510, 515)).toEqual([3]);
  });

  test('agrees with looking at every item', () => {
    const prng = createPrng(7);
    const index = new IntervalIndex(250);
    const items: [number, number][] = [];
    let start = 0;
    for (let id = 0; id < 2_000; id++) {
      start += prng.float() * 20;
      const long = prng.float() < 0.02;
      const end = start + (long ? prng.float() * 5_000 : prng.float() * 120);
      items.push([start, end]);
      index.add(id, start, prng.float() < 0.1 ? Infinity : end);
    }
    // end the open ones later, as the trace does
    items.forEach(([, end], id) => index.end(id, end));
    for (let q = 0; q < 200; q++) {
      const t0 = prng.float() * start;
      const t1 = t0 + prng.float() * 800;
      const expected = items.flatMap(([s, e], id) => (s <= t1 && e >= t0 ? [id] : []));
      expect(index.query(t0, t1)).toEqual(expected);
    }
  });
});
