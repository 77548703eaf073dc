/**
 * Pictures of the lab for a person to look at: a preset part-way through at 1280×720 and
 * 1920×1080, in Chinese and English, presenter mode at both sizes, the empty lab with the actions
 * open, and a damaged link. Run after a build:
 *
 *   npx vite build && node --import tsx test/e2e/lab-screenshots.ts
 *   SHOTS=compare node --import tsx test/e2e/lab-screenshots.ts   # only those named *compare*
 *
 * PNGs go to test-results/screenshots/lab-*.png. Console errors on any page make the script fail.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startLab } from './browser.ts';

const outDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

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
  shot('compare-presenter', '1920', 'zh', COMPARE, {
    presenter: true,
    keys: pageDowns(16),
    ready: '[data-compare]',
    path: fileURLToPath(new URL('./readme/compare-qos1-qos2-presenter-zh.png', import.meta.url)),
  }),
];

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const lab = await startLab();
  const problems: string[] = [];
  try {
    // SHOTS=compare takes only the pictures whose name contains "compare"
    const only = process.env.SHOTS;
    for (const s of SHOTS.filter((shot) => !only || shot.name.includes(only))) {
      const page = await lab.page({ width: s.width, height: s.height, locale: s.lang === 'zh' ? 'zh-CN' : 'en-US' });
      await page.addInitScript(
        ([lang, presenter, wide]) => {
          localStorage.setItem('mqtt-lab.language', lang);
          localStorage.setItem('mqtt-lab.presenter', presenter ? '1' : '0');
          localStorage.setItem('mqtt-lab.side-hidden', wide ? '1' : '0');
        },
        [s.lang, s.presenter ?? false, s.wide ?? false] as const,
      );
      await page.goto(`${lab.url}${s.hash}`);
      await page.locator(s.ready ?? '[data-panel="Controls"]').waitFor();
      if (s.tab) await page.locator(`[data-tab="${s.tab}"]`).click();
      for (const key of s.keys ?? []) await page.keyboard.press(key);
      await page.mouse.move(0, 0);
      await page.waitForTimeout(400);
      const path = s.path ?? `${outDir}${s.name}.png`;
      await page.screenshot({ path });
      console.log(`saved ${path}`);
      if (page.errors.length) problems.push(`${s.name}: ${page.errors.join('; ')}`);
      await page.context().close();
    }
  } finally {
    await lab.close();
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
}

await main();
