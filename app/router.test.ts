import { expect, test } from 'vitest';
import { parseRoute, routeHash } from './router.svelte.ts';

test('routes read and write the hash', () => {
  expect(parseRoute('')).toEqual({ page: 'lab', path: [], query: '' });
  expect(parseRoute('#/explain?x=300c&v=5')).toEqual({ page: 'explain', path: [], query: 'x=300c&v=5' });
  expect(parseRoute('#/lessons/09-qos1/lost%20puback')).toEqual({
    page: 'lessons',
    path: ['09-qos1', 'lost puback'],
    query: '',
  });
  expect(parseRoute('#x=300c')).toEqual({ page: 'explain', path: [], query: 'x=300c' }); // an older explainer link
  expect(parseRoute('#/nonsense/%E0%A4%A')).toEqual({ page: 'lab', path: ['%E0%A4%A'], query: '' });
  expect(routeHash({ page: 'lessons', path: ['09-qos1', 'lost puback'] })).toBe('#/lessons/09-qos1/lost%20puback');
  expect(routeHash({ page: 'explain', query: 'x=30' })).toBe('#/explain?x=30');
  // a comparison has its own address, though no page link in the header
  expect(parseRoute('#/compare?a=qos1-lost-puback&b=qos1-lost-puback~q2')).toEqual({
    page: 'compare',
    path: [],
    query: 'a=qos1-lost-puback&b=qos1-lost-puback~q2',
  });
});
