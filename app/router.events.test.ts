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

test('every address the app writes names the language on screen; pushQuery adds a history entry', async () => {
  const { language } = await import('./i18n/i18n.svelte.ts');
  const { pushQuery } = await import('./router.svelte.ts');
  replaceQuery('p=empty');
  expect(location.hash).toBe(`#/lab?p=empty&lang=${language()}`);
  const before = history.length;
  pushQuery('p=retained');
  expect(history.length).toBe(before + 1);
  expect(route().query).toBe('p=retained');
  expect(location.hash).toBe(`#/lab?p=retained&lang=${language()}`);
});
