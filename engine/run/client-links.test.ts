import { expect, test } from 'vitest';
import { clientLinks } from './client-links.ts';
import { DEFAULT_LINK } from '../sim/link.ts';

test("a client's links: defaults, then the network's link, then the client's link, then up / down", () => {
  const links = clientLinks(
    { network: { link: { delayMs: 100, lossRatio: 0.1 } } },
    { id: 'sensor', link: { delayMs: 200 }, up: { jitterMs: 5 }, down: { lossRatio: 0 } },
  );
  expect(links).toEqual({
    up: { ...DEFAULT_LINK, delayMs: 200, lossRatio: 0.1, jitterMs: 5 },
    down: { ...DEFAULT_LINK, delayMs: 200, lossRatio: 0 },
  });
  expect(clientLinks({}, { id: 'app' })).toEqual({ up: DEFAULT_LINK, down: DEFAULT_LINK });
});
