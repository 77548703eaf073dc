/**
 * How heavy and how fast the lab is, measured on the built app (run `npx vite build` first):
 *
 *   node --import tsx test/e2e/lab-timing.ts
 *
 * - initial JS: the scripts index.html loads (its module script and the chunks it preloads),
 *   gzipped here with zlib at level 9, roughly what a server sends;
 * - time to a usable lab in Chromium: from navigation start to (a) the lab's `lab-usable`
 *   performance mark (the first frame with the lab on screen) and (b) the moment a click on
 *   "Step" has moved the cursor — the controls answer. Five cold page loads; the median is shown.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startLab } from './browser.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const RUNS = 5;

async function initialJs(): Promise<{ files: string[]; raw: number; gzip: number }> {
  const html = await readFile(`${dist}index.html`, 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1].replace(/^\.\//, ''));
  let raw = 0;
  let gzip = 0;
  for (const file of new Set(files)) {
    const bytes = await readFile(`${dist}${file}`);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...new Set(files)], raw, gzip };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const js = await initialJs();
  console.log(`initial JS: ${js.files.join(', ')}`);
  console.log(`  ${(js.raw / 1024).toFixed(1)} KiB raw, ${(js.gzip / 1024).toFixed(1)} KiB gzip`);

  const lab = await startLab();
  const marks: number[] = [];
  const usable: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await lab.page({ width: 1280, height: 720 });
      await page.addInitScript(() => localStorage.setItem('mqtt-lab.language', 'en'));
      await page.goto(`${lab.url}#/lab?p=qos1-lost-puback`, { waitUntil: 'commit' });
      // the first moment a click on Step works
      const step = page.locator('[data-action="step"]');
      await step.click({ timeout: 30_000 });
      await page.waitForFunction(
        () => document.querySelector('[data-panel="Controls"]')?.getAttribute('data-seq') === '0',
      );
      const result = await page.evaluate(() => ({
        mark: performance.getEntriesByName('lab-usable')[0]?.startTime ?? NaN,
        now: performance.now(),
      }));
      marks.push(result.mark);
      usable.push(result.now);
      if (page.errors.length) throw new Error(page.errors.join('; '));
      await page.context().close();
    }
  } finally {
    await lab.close();
  }
  console.log(
    `lab on screen (lab-usable mark): median ${median(marks).toFixed(0)} ms  [${marks.map((m) => m.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `first Step click answered:       median ${median(usable).toFixed(0)} ms  [${usable.map((m) => m.toFixed(0)).join(', ')}]`,
  );
}

await main();
