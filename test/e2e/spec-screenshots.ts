/**
 * Pictures of the map of the spec for a person to look at: both versions, both languages, at
 * 1920×1080 (projector) and 1280×800, one opened from a rule chip and one filtered. Run after a build:
 *
 *   npx vite build && node --import tsx test/e2e/spec-screenshots.ts
 *
 * PNGs go to test-results/screenshots/spec-*.png. Console errors on any page make the script fail.
 */
import { openAs, save, takeShots } from './shots.ts';

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

await takeShots(SHOTS, async (lab, shot) => {
  const page = await openAs(lab, shot, shot.hash);
  await page.locator('.spec-page .counts').waitFor();
  await save(page, shot.name);
  return page;
});
