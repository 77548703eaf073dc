/**
 * Pictures of three lessons for a person to look at, in Chinese and English, at 1280×720 and
 * 1920×1080. Run after a build: `npx vite build && node --import tsx test/e2e/lesson-screenshots.ts`.
 */
import { openAs, save, takeShots } from './shots.ts';

const shots = [
  { lesson: '04-fixed-header', step: 'why-close' },
  { lesson: '09-qos1', step: 'predict-app' },
  { lesson: '12-will', step: 'delay-cancelled' },
  { lesson: '15-mqtt5', step: 'expiry-left' },
];

const SHOTS = shots.flatMap(({ lesson, step }) =>
  (['zh', 'en'] as const).flatMap((lang) =>
    [
      [1280, 720],
      [1920, 1080],
    ].map(([width, height]) => ({
      name: `lesson-${lesson}-${width}x${height}-${lang}`,
      lesson,
      step,
      lang,
      width,
      height,
    })),
  ),
);

await takeShots(SHOTS, async (lab, shot) => {
  const page = await openAs(lab, shot, `#/lessons/${shot.lesson}/${shot.step}`);
  await page.locator('.prose-column h3').waitFor();
  await page.waitForTimeout(400);
  await save(page, shot.name);
  return page;
});
