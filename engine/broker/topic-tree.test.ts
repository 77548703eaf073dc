import fc from 'fast-check';
import { expect, test } from 'vitest';
import { topicMatches } from './topic-match.ts';
import { TopicTree } from './topic-tree.ts';

const level = fc.constantFrom('a', 'b', '', '$x', 'sport');
const topic = fc.array(level, { minLength: 1, maxLength: 4 }).map((l) => l.join('/'));
const filter = fc
  .tuple(fc.array(fc.constantFrom('a', 'b', '', '+', '$x', 'sport'), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([levels, hash]) => (hash ? [...levels, '#'] : levels).join('/'));

test('the tree matches exactly what topicMatches says, for any filters and topic', () => {
  fc.assert(
    fc.property(fc.uniqueArray(filter, { maxLength: 12 }), topic, (filters, t) => {
      const tree = new TopicTree<number>();
      filters.forEach((f, i) => tree.set(`c${i}`, f, i));
      const got = tree
        .match(t)
        .map((s) => s.filter)
        .sort();
      const want = filters.filter((f) => topicMatches(f, t)).sort();
      expect(got).toEqual(want);
    }),
    { seed: 42, numRuns: 2000 },
  );
});

test('set replaces a subscription with the same filter, delete prunes', () => {
  const tree = new TopicTree<number>();
  expect(tree.set('c', 'a/+', 1)).toBe(false);
  expect(tree.set('c', 'a/+', 2)).toBe(true);
  expect(tree.match('a/b').map((s) => s.value)).toEqual([2]);
  expect(tree.size).toBe(1);
  expect(tree.delete('c', 'a/+')).toBe(true);
  expect(tree.match('a/b')).toEqual([]);
  expect(tree.size).toBe(0);
});

test('a match remembered for a topic follows every later change', () => {
  const tree = new TopicTree<number>();
  tree.set('c', 'a/#', 1);
  expect(tree.match('a/b').map((s) => s.value)).toEqual([1]);
  tree.set('d', 'a/b', 2);
  expect(tree.match('a/b').map((s) => s.value)).toEqual([1, 2]);
  tree.set('c', 'a/#', 3);
  expect(tree.match('a/b').map((s) => s.value)).toEqual([3, 2]);
  tree.deleteClient('d');
  expect(tree.match('a/b').map((s) => s.value)).toEqual([3]);
});
