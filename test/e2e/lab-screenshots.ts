/**
 * Pictures of the lab for a person to look at: a preset part-way through at 1280×720 and
 * 1920×1080, in Chinese and English, presenter mode at both sizes, the empty lab with the actions
 * open, and a damaged link. Run after a build:
 *
 *   npx vite build && node --import tsx test/e2e/lab-screenshots.ts
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
}

function shot(name: string, size: '1280' | '1920', lang: 'zh' | 'en', hash: string, extra: Partial<Shot> = {}): Shot {
  const [width, height] = size === '1280' ? [1280, 720] : [1920, 1080];
  return { name: `lab-${name}-${width}x${height}-${lang}`, width, height, lang, hash, ...extra };
}

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
];

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const lab = await startLab();
  const problems: string[] = [];
  try {
    for (const s of SHOTS) {
      const page = await lab.page({ width: s.width, height: s.height, locale: s.lang === 'zh' ? 'zh-CN' : 'en-US' });
      await page.addInitScript(
        ([lang, presenter]) => {
          localStorage.setItem('mqtt-lab.language', lang);
          localStorage.setItem('mqtt-lab.presenter', presenter ? '1' : '0');
        },
        [s.lang, s.presenter ?? false] as const,
      );
      await page.goto(`${lab.url}${s.hash}`);
      await page.locator('[data-panel="Controls"]').waitFor();
      if (s.tab) await page.locator(`[data-tab="${s.tab}"]`).click();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(400);
      const path = `${outDir}${s.name}.png`;
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
