/**
 * Pictures of the map of the spec for a person to look at: both versions, both languages, at
 * 1920×1080 (projector) and 1280×800, one opened from a rule chip and one filtered. Run after a build:
 *
 *   npx vite build && node --import tsx test/e2e/spec-screenshots.ts
 *
 * PNGs go to test-results/screenshots/spec-*.png. Console errors on any page make the script fail.
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
}

const sizes = [
  [1920, 1080],
  [1280, 800],
] as const;
const SHOTS: Shot[] = [];
for (const [width, height] of sizes) {
  for (const lang of ['en', 'zh'] as const) {
    SHOTS.push({ name: `spec-311-${width}x${height}-${lang}`, width, height, lang, hash: '/spec/3.1.1' });
    SHOTS.push({
      name: `spec-5-entry-${width}x${height}-${lang}`,
      width,
      height,
      lang,
      hash: '/spec/5.0/MQTT-3.1.2-29',
    });
  }
}
SHOTS.push({ name: 'spec-5-filter-1280x800-en', width: 1280, height: 800, lang: 'en', hash: '/spec/5.0?q=will' });
SHOTS.push({ name: 'spec-311-filter-1280x800-zh', width: 1280, height: 800, lang: 'zh', hash: '/spec/3.1.1?q=遗嘱' });

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const lab = await startLab();
  const problems: string[] = [];
  try {
    for (const shot of SHOTS) {
      const page = await lab.page({
        width: shot.width,
        height: shot.height,
        locale: shot.lang === 'zh' ? 'zh-CN' : 'en-US',
      });
      await page.addInitScript((lang) => localStorage.setItem('mqtt-lab.language', lang), shot.lang);
      await page.goto(`${lab.url}#${shot.hash}`);
      await page.locator('.spec-page .counts').waitFor();
      const path = `${outDir}${shot.name}.png`;
      await page.screenshot({ path });
      console.log(`saved ${path}`);
      if (page.errors.length) problems.push(`${shot.name}: ${page.errors.join('; ')}`);
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
