/**
 * Pictures of the lab for a person to look at: a preset part-way through at 1280×720 and
 * 1920×1080, in Chinese and English, presenter mode at both sizes, the empty lab with the actions
 * open, and a damaged link. Run after a build:
 *
 *   npx vite build && node --import tsx test/e2e/lab-screenshots.ts
 *   SHOTS=compare node --import tsx test/e2e/lab-screenshots.ts   # only those named *compare*
 *
 * PNGs go to test-results/screenshots/lab-*.png (the README's to test/e2e/readme/). Console errors
 * on any page make the script fail.
 */
import { fileURLToPath } from 'node:url';
import { openAs, save, takeShots } from './shots.ts';

interface Shot {
  name: string;
  width: number;
  height: number;
  lang: 'zh' | 'en';
  hash: string;
  presenter?: boolean;
  /** Steps to take with → after loading. */
  steps?: number;
  /** A side tab to open. */
  tab?: string;
  /** The side panel hidden (the diagram full width). */
  wide?: boolean;
  /** Keys to press once the page is up (e.g. PageDown to a stop). */
  keys?: string[];
  /** What to wait for before the picture (default: the lab's controls). */
  ready?: string;
  /** Where to save it (default test-results/screenshots/). */
  path?: string;
}

function shot(
  name: string,
  size: '1280' | '1280x800' | '1920',
  lang: 'zh' | 'en',
  hash: string,
  extra: Partial<Shot> = {},
): Shot {
  const [width, height] = size === '1280' ? [1280, 720] : size === '1280x800' ? [1280, 800] : [1920, 1080];
  return { name: `lab-${name}-${width}x${height}-${lang}`, width, height, lang, hash, ...extra };
}

const COMPARE = '#/compare?a=qos1-lost-puback&b=qos1-lost-puback~q2';
const WILL = '#/lab?p=keepalive-will';
const pageDowns = (n: number) => Array.from({ length: n }, () => 'PageDown');

const SHOTS: Shot[] = [
  shot('qos1', '1280', 'en', '#/lab?p=qos1-lost-puback&at=59'),
  shot('qos1', '1280', 'zh', '#/lab?p=qos1-lost-puback&at=59'),
  shot('qos1', '1920', 'en', '#/lab?p=qos1-lost-puback&at=59'),
  shot('qos1', '1920', 'zh', '#/lab?p=qos1-lost-puback&at=59'),
  shot('keepalive', '1280', 'en', '#/lab?p=keepalive-will&at=79'),
  shot('presenter', '1280', 'en', '#/lab?p=keepalive-will&at=79', { presenter: true }),
  shot('presenter', '1280', 'zh', '#/lab?p=keepalive-will&at=79', { presenter: true }),
  shot('presenter', '1920', 'en', '#/lab?p=qos2-losses&at=62', { presenter: true }),
  shot('presenter', '1920', 'zh', '#/lab?p=qos2-losses&at=62', { presenter: true }),
  shot('actions', '1280', 'en', '#/lab?p=empty&at=20', { tab: 'actions' }),
  shot('actions', '1920', 'zh', '#/lab?p=empty&at=20', { tab: 'actions' }),
  shot('damaged-link', '1280', 'en', '#/lab?s=NoWayThisIsLz&at=3'),
  shot('damaged-link', '1280', 'zh', '#/lab?p=qos9&at=3'),
  // the diagram full width, for a projector
  shot('wide', '1920', 'zh', '#/lab?p=keepalive-will&at=79', { presenter: true, wide: true }),
  shot('wide', '1280x800', 'en', '#/lab?p=qos2-losses&at=62', { wide: true }),
  // two runs side by side: QoS 1 and QoS 2 losing the broker's first answer, at a PageDown stop
  ...(['zh', 'en'] as const).flatMap((lang) => [
    shot('compare-presenter', '1920', lang, COMPARE, { presenter: true, keys: pageDowns(16), ready: '[data-compare]' }),
    shot('compare', '1920', lang, COMPARE, { keys: pageDowns(16), ready: '[data-compare]' }),
    shot('compare', '1280x800', lang, COMPARE, { keys: pageDowns(16), ready: '[data-compare]' }),
  ]),
  // the will going out in keepalive + will: the 16th stop (13.55 s), as the README shows it
  ...(['zh', 'en'] as const).flatMap((lang) => [
    shot('will-presenter', '1920', lang, WILL, { presenter: true, keys: pageDowns(16) }),
    shot('will-presenter', '1280x800', lang, WILL, { presenter: true, keys: pageDowns(16) }),
  ]),
  shot('will-presenter', '1920', 'zh', WILL, {
    presenter: true,
    keys: pageDowns(16),
    path: fileURLToPath(new URL('./readme/will-presenter-zh.png', import.meta.url)),
  }),
  shot('compare-presenter', '1920', 'zh', COMPARE, {
    presenter: true,
    keys: pageDowns(16),
    ready: '[data-compare]',
    path: fileURLToPath(new URL('./readme/compare-qos1-qos2-presenter-zh.png', import.meta.url)),
  }),
];

// SHOTS=compare takes only the pictures whose name contains "compare"
const only = process.env.SHOTS;
await takeShots(
  SHOTS.filter((shot) => !only || shot.name.includes(only)),
  async (lab, s) => {
    const settings = { presenter: s.presenter ?? false, 'side-hidden': s.wide ?? false };
    const page = await openAs(lab, { ...s, settings }, s.hash);
    await page.locator(s.ready ?? '[data-panel="Controls"]').waitFor();
    if (s.tab) await page.locator(`[data-tab="${s.tab}"]`).click();
    for (const key of s.keys ?? []) await page.keyboard.press(key);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    await save(page, s.name, { path: s.path });
    return page;
  },
);
