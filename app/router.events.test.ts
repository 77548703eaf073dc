// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { replaceQuery, route } from './router.svelte.ts';

const nextHashChange = () => new Promise((resolve) => addEventListener('hashchange', resolve, { once: true }));

test('a followed link wins over an address written before its hashchange is handled', async () => {
  location.hash = '#/lab?p=retained';
  await nextHashChange();
  expect(route().query).toBe('p=retained');

  // The lab's debounced address write can land between a link being followed and its event.
  const handled = nextHashChange();
  location.hash = '#/lab?p=qos9';
  replaceQuery('p=retained&at=3');
  await handled;
  expect(route().query).toBe('p=qos9');
});
