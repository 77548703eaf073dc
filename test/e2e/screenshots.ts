/**
 * Pictures of the packet explainer for a person to look at: a decoded packet at 1280×720 and
 * 1920×1080, in Chinese and English, plus side by side and a malformed packet. Run after a build:
 *
 *   npx vite build && node --import tsx test/e2e/screenshots.ts
 *
 * PNGs go to test-results/screenshots/. Console errors on any page make the script fail.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { EXAMPLES } from '../../app/explainer/examples.ts';
import { startLab } from './browser.ts';

const outDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

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
      await page.addInitScript(
        ([lang, large]) => {
          localStorage.setItem('mqtt-lab.language', lang);
          localStorage.setItem('mqtt-lab.large-text', large ? '1' : '0');
        },
        [shot.lang, shot.large ?? false] as const,
      );
      await page.goto(`${lab.url}#${shot.hash}`);
      await page.locator('h1').waitFor();
      if (shot.point !== undefined) {
        await page.locator(`[data-offset="${shot.point}"]`).first().hover();
      }
      await page.mouse.move(0, 0, { steps: 1 }).catch(() => {});
      if (shot.point !== undefined) await page.locator(`[data-offset="${shot.point}"]`).first().click();
      const path = `${outDir}${shot.name}.png`;
      await page.screenshot({ path, fullPage: shot.fullPage ?? false });
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
