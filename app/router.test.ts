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

test('the language is a part of the address of its own, on every page, and not of the page’s query', () => {
  expect(parseRoute('#/lab?p=retained&at=3&lang=zh')).toEqual({
    page: 'lab',
    path: [],
    query: 'p=retained&at=3',
    lang: 'zh',
  });
  expect(parseRoute('#/lessons/11-keepalive/closed?lang=en')).toEqual({
    page: 'lessons',
    path: ['11-keepalive', 'closed'],
    query: '',
    lang: 'en',
  });
  expect(parseRoute('#/explain?lang=zh&x=30')).toMatchObject({ query: 'x=30', lang: 'zh' });
  // a language the app does not speak is dropped, never passed on to the page as a part it does not know
  expect(parseRoute('#/lab?p=retained&lang=fr')).toEqual({ page: 'lab', path: [], query: 'p=retained' });
  expect(routeHash({ page: 'lab', query: 'p=retained', lang: 'zh' })).toBe('#/lab?p=retained&lang=zh');
  expect(routeHash({ page: 'lessons', path: ['12-will'], lang: 'en' })).toBe('#/lessons/12-will?lang=en');
  const hash = routeHash({ page: 'explain', query: 'x=30&v=5', lang: 'zh' });
  expect(parseRoute(hash)).toEqual({ page: 'explain', path: [], query: 'x=30&v=5', lang: 'zh' });
});
