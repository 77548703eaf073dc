/**
 * How smooth the sequence diagram stays on a long run: loads a run of about 10,000 packets into the
 * lab in the browser (through the test handle, see app/lab/test-handle.ts), then scrolls it with
 * the mouse wheel, zooms it with Ctrl + wheel, and plays it with the diagram following, recording
 * the time between animation frames. Run after a build:
 *
 *   npx vite build && node --import tsx test/e2e/diagram-perf.ts
 *
 * Frame time is measured two ways. Headless Chromium paces animation frames at 60 Hz whatever
 * the work, so the interval between frames reads 16.7 ms until a frame is missed (33 ms, 50 ms…):
 * its p95 shows dropped frames. What a frame costs is read from a performance trace: the main
 * thread's busy time (every top-level task: input, Svelte's updates, d3, style, layout, paint)
 * in each frame's 16.7 ms slot. Prints median and p95 of both per phase; exits non-zero if the
 * median frame cost of scrolling or zooming is above 16 ms or the page logged an error.
 */
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { loadScenario } from '../support/load-scenario.ts';
import { CHROMIUM_FLAGS } from './browser.ts';
import './lab-handle.ts';

const WIDTH = Number(process.env.WIDTH ?? 1920);
const HEIGHT = Number(process.env.HEIGHT ?? 1080);
const TARGET_MS = 16;

/** A phase's numbers: intervals between animation frames, and main-thread busy time per frame. */
interface Phase {
  interval: Stats;
  busy: Stats;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Busy ms of the renderer's main thread in each frame slot (between its frame starts). */
function busyPerFrame(events: TraceEvent[]): number[] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const mine = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  const frames = events
    .filter((e) => mine(e) && e.name === 'BeginMainThreadFrame')
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const tasks = events.filter(
    (e) => mine(e) && e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.dur !== undefined,
  );
  const out: number[] = [];
  for (let i = 0; i + 1 < frames.length; i++) {
    const [a, b] = [frames[i], frames[i + 1]];
    let busy = 0;
    for (const task of tasks) {
      const start = Math.max(a, task.ts);
      const end = Math.min(b, task.ts + task.dur!);
      if (end > start) busy += end - start;
    }
    out.push(busy / 1000);
  }
  return out;
}

interface Stats {
  frames: number;
  median: number;
  p95: number;
  max: number;
}

function stats(intervals: number[]): Stats {
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { frames: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

const server = await preview({
  ...(process.env.DIST ? { build: { outDir: process.env.DIST } } : {}),
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
  logLevel: 'silent',
});
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview did not report a URL');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [...CHROMIUM_FLAGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
});
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    localStorage.setItem('mqtt-lab.language', 'en');
    localStorage.setItem('mqtt-lab.test-handle', '1');
  });
  await page.goto(`${url}#/lab`);
  await page.waitForFunction(() => window.__mqttLab !== undefined);

  // Build the run in the page: the scenario is data; the simulation runs in the browser.
  const scenario = loadScenario();
  const built = await page.evaluate((s) => {
    const lab = window.__mqttLab!;
    const t0 = performance.now();
    lab.load({ scenario: s, seed: 1, actions: [] });
    lab.end();
    const simulatedMs = performance.now() - t0;
    lab.seekTime(30_000);
    return {
      simulatedMs,
      events: lab.trace.length,
      packets: lab.trace.filter((e) => e.kind === 'send').length,
    };
  }, scenario);
  console.log(
    `run: ${built.packets} packets, ${built.events} events, simulated in the page in ${built.simulatedMs.toFixed(0)} ms`,
  );

  const svg = page.locator('[data-panel=SequenceDiagram] svg').first();
  await svg.waitFor();
  const box = (await svg.boundingBox())!;
  console.log(`diagram: ${Math.round(box.width)} × ${Math.round(box.height)} px in a ${WIDTH} × ${HEIGHT} window`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);

  const cdp = await context.newCDPSession(page);

  /** Record frame intervals and a performance trace while `act` runs. */
  async function measure(name: string, act: () => Promise<void>): Promise<Phase> {
    const events: TraceEvent[] = [];
    const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
    cdp.on('Tracing.dataCollected', collect);
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.frame'],
      },
    });
    // a string, not a function: the bundler's helpers (named functions) do not exist in the page
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__recording = true;
      let last = performance.now();
      const frame = (now) => {
        window.__frames.push(now - last);
        last = now;
        if (window.__recording) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    })()`);
    await act();
    const intervals = (await page.evaluate(`(() => {
      window.__recording = false;
      return window.__frames.slice(1);
    })()`)) as number[];
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    const phase = { interval: stats(intervals), busy: stats(busyPerFrame(events)) };
    const drawn = await page.locator('[data-panel=SequenceDiagram] g.arrow').count();
    const f = (v: number) => v.toFixed(1).padStart(5);
    console.log(
      `${name.padEnd(21)} frame cost median ${f(phase.busy.median)} ms, p95 ${f(phase.busy.p95)} ms | ` +
        `frame interval median ${f(phase.interval.median)} ms, p95 ${f(phase.interval.p95)} ms ` +
        `| ${phase.interval.frames} frames, ${drawn} arrows drawn`,
    );
    return phase;
  }

  const wheelFor = async (ms: number, deltaY: (i: number) => number) => {
    const end = Date.now() + ms;
    for (let i = 0; Date.now() < end; i++) {
      await page.mouse.wheel(0, deltaY(i));
      await page.waitForTimeout(8);
    }
  };

  const scroll = await measure('scroll (wheel)', () => wheelFor(4_000, (i) => (Math.floor(i / 60) % 2 ? -40 : 40)));
  await page.keyboard.down('Control');
  const zoom = await measure('zoom (ctrl + wheel)', () => wheelFor(3_000, (i) => (Math.floor(i / 25) % 2 ? -30 : 30)));
  await page.keyboard.up('Control');
  // zoomed out: many arrows in view at once
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 300);
  await page.keyboard.up('Control');
  const far = await measure('scroll, zoomed out', () => wheelFor(3_000, (i) => (Math.floor(i / 60) % 2 ? -60 : 60)));
  await page.locator('[data-panel=SequenceDiagram] button.follow').click();
  const play = await measure('play, following', async () => {
    await page.evaluate(() => {
      const lab = window.__mqttLab!;
      lab.seekTime(20_000);
      lab.speed = 1;
      lab.play();
    });
    await page.waitForTimeout(4_000);
    await page.evaluate(() => window.__mqttLab!.pause());
  });

  const median = Math.max(scroll.busy.median, zoom.busy.median);
  console.log(
    `median frame cost, scrolling and zooming: ${median.toFixed(1)} ms (target ≤ ${TARGET_MS} ms); ` +
      `zoomed out ${far.busy.median.toFixed(1)} ms; playing ${play.busy.median.toFixed(1)} ms`,
  );
  if (median > TARGET_MS) failed = true;
  if (errors.length) {
    console.error(`console errors:\n${errors.join('\n')}`);
    failed = true;
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
if (failed) process.exitCode = 1;
