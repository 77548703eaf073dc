/**
 * Pictures of the packet explainer for a person to look at: a decoded packet at 1280×720 and
 * 1920×1080, in Chinese and English, plus side by side and a malformed packet. Run after a build:
 *
 *   npx vite build && node --import tsx test/e2e/screenshots.ts
 *
 * PNGs go to test-results/screenshots/. Console errors on any page make the script fail.
 */
import { EXAMPLES } from '../../app/explainer/examples.ts';
import { openAs, save, takeShots } from './shots.ts';

const example = (id: string) => EXAMPLES.find((e) => e.id === id)!.hex;
const PUBLISH5 = example('publish5');
const CONNECT = example('connect');
const MALFORMED = example('malformed');

interface Shot {
  name: string;
  width: number;
  height: number;
  lang: 'zh' | 'en';
  hash: string;
  /** Byte to point at, so the linked highlight and the explanation show. */
  point?: number;
  fullPage?: boolean;
  large?: boolean;
}

const compact = (hex: string) => hex.replace(/\s+/g, '');

/** One picture: `size` is "1280" (×720) or "1920" (×1080). */
function shot(name: string, size: '1280' | '1920', lang: 'zh' | 'en', hash: string, extra: Partial<Shot> = {}): Shot {
  const [width, height] = size === '1280' ? [1280, 720] : [1920, 1080];
  return { name: `${name}-${width}x${height}-${lang}`, width, height, lang, hash, ...extra };
}

const p5 = `x=${compact(PUBLISH5)}&v=5`;
const SHOTS: Shot[] = [
  shot('publish5', '1280', 'zh', p5, { point: 0 }),
  shot('publish5', '1280', 'en', p5, { point: 0 }),
  shot('publish5', '1920', 'zh', p5, { point: 18 }),
  shot('publish5', '1920', 'en', p5, { point: 18 }),
  shot('publish5-property-full', '1280', 'zh', p5, { point: 25, fullPage: true }),
  shot('connect-full', '1280', 'zh', `x=${compact(CONNECT)}&v=4`, { point: 9, fullPage: true }),
  shot('connect-large', '1920', 'en', `x=${compact(CONNECT)}&v=4`, { point: 9, large: true }),
  shot('both-full', '1920', 'zh', `x=${compact(PUBLISH5)}&v=both`, { point: 18, fullPage: true }),
  shot('both', '1280', 'en', `x=${compact(PUBLISH5)}&v=both`, { point: 18 }),
  shot('malformed-full', '1280', 'zh', `x=${compact(MALFORMED)}&v=4`, { fullPage: true }),
  shot('malformed', '1280', 'en', `x=${compact(MALFORMED)}&v=4`),
  shot('damaged-link', '1280', 'zh', 'x=30zz&v=4'),
];

await takeShots(SHOTS, async (lab, shot) => {
  const page = await openAs(lab, { ...shot, settings: { 'large-text': shot.large ?? false } }, shot.hash);
  await page.locator('h1').waitFor();
  if (shot.point !== undefined) {
    await page.locator(`[data-offset="${shot.point}"]`).first().hover();
  }
  await page.mouse.move(0, 0, { steps: 1 }).catch(() => {});
  if (shot.point !== undefined) await page.locator(`[data-offset="${shot.point}"]`).first().click();
  await save(page, shot.name, { fullPage: shot.fullPage });
  return page;
});
