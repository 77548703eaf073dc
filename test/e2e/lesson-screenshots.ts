/**
 * Pictures of three lessons for a person to look at, in Chinese and English, at 1280×720 and
 * 1920×1080. Run after a build: `npx vite build && node --import tsx test/e2e/lesson-screenshots.ts`.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startLab } from './browser.ts';

const outDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const shots = [
  { lesson: '04-fixed-header', step: 'why-close' },
  { lesson: '09-qos1', step: 'predict-app' },
  { lesson: '12-will', step: 'delay-cancelled' },
  { lesson: '15-mqtt5', step: 'expiry-left' },
];

const lab = await startLab();
try {
  for (const { lesson, step } of shots) {
    for (const lang of ['zh', 'en'] as const) {
      for (const [width, height] of [
        [1280, 720],
        [1920, 1080],
      ]) {
        const page = await lab.page({ width, height, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
        await page.addInitScript((l) => localStorage.setItem('mqtt-lab.language', l), lang);
        await page.goto(`${lab.url}#/lessons/${lesson}/${step}`);
        await page.locator('.prose-column h3').waitFor();
        await page.waitForTimeout(400);
        const file = `${outDir}lesson-${lesson}-${width}x${height}-${lang}.png`;
        await page.screenshot({ path: file });
        if (page.errors.length) throw new Error(`${lesson} ${lang}: ${page.errors.join('; ')}`);
        console.log('saved', file);
        await page.context().close();
      }
    }
  }
} finally {
  await lab.close();
}
