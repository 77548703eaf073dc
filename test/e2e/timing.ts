/**
 * How the lab feels on big runs, measured in Debian Chromium on the built app. A benchmark, not a
 * test: it prints each number beside its target as a ratio (≤ 1 meets it) and asserts nothing.
 *
 *   npm run bench:browser            (builds with vite first)
 *   RUNS=15k node --import tsx test/e2e/timing.ts    (after `npx vite build`; 15k, 60k, freezing)
 *
 * Two runs, opened by link (the `s` part that permalink.ts writes) as a user would: 16 clients, a sensor publishing at
 * QoS 1 to 14 subscribers (and one idle client), every 100 ms — 500 publishes make about 15,000
 * packets; 1,960 (the lab's 2,000-step limit) about 59,000. Measured on each:
 * - first render: navigation start to the diagram drawn with the run loaded;
 * - the whole run computed (by the worker, beyond the first 2,000 events the page simulates);
 * - End, first and again (drawing only);
 * - a step (→) and scrubbing (the time slider moved): from the input to the next frame, p50/p95;
 * - frames while playing at 10× with the diagram following: requestAnimationFrame deltas, p50/p95;
 * - hovering across arrows: long tasks (PerformanceObserver 'longtask') while the mouse moves;
 * - the heap after playing, after a garbage collection (CDP HeapProfiler.collectGarbage and
 *   Runtime.getHeapUsage), less an empty lab's, per packet event of the run;
 * - with RUNS=freezing, the link of issue 12 that froze the tab (300,000 events): long tasks while
 *   the worker computes it, from its completion until the page has read it, and on End.
 * Targets: issue 10 (first render ≤ 1 s, step ≤ 16 ms p95, scrubbing ≤ 50 ms p95, End ≤ 200 ms,
 * frames ≤ 16.7 ms p95) and issue 12 (60,000 packets: End ≤ 500 ms, heap ≤ 1 KB per packet event,
 * hover without long tasks). Input-to-frame times are taken in the page: the event is dispatched,
 * then the clock is read in a task queued from the next animation frame (after its paint).
 * Wall-clock times swell when other processes share the cores, so the load average is printed and
 * the renderer main thread's CPU time is given too (a performance trace's thread time), which
 * compares two builds fairly on a busy machine.
 */
import type { CDPSession, Page } from 'playwright-core';
import { type Scenario, type Step, defineScenario } from '$engine';
import LZString from 'lz-string';
import { loadavg } from 'node:os';
import { freezingLink } from '../fixtures/heavy-runs.ts';
import { type Lab, startLab } from './browser.ts';
import { TEST_HANDLE_KEY } from './lab-handle.ts';

const WIDTH = Number(process.env.WIDTH ?? 1920);
const HEIGHT = Number(process.env.HEIGHT ?? 1080);
const SAMPLES = 30;

/** 16 clients; `publishes` QoS 1 messages from one sensor to 14 subscribers, one every 100 ms. */
export function bigScenario(publishes: number): Scenario {
  const clients = [{ id: 'sensor' }, ...Array.from({ length: 14 }, (_, i) => ({ id: `app${i + 1}` })), { id: 'idle' }];
  const steps: Step[] = clients.map((c) => ({ atMs: 0, do: 'connect', client: c.id }) as const);
  for (const c of clients.slice(1, 15)) {
    steps.push({ atMs: 300, do: 'subscribe', client: c.id, filter: 'load/#', qos: 1 });
  }
  for (let i = 0; i < publishes; i++) {
    steps.push({
      atMs: 1_000 + i * 100,
      do: 'publish',
      client: 'sensor',
      topic: `load/${i % 7}`,
      payload: String(i),
      qos: 1,
    });
  }
  return defineScenario({
    title: 'Big run',
    seed: 1,
    clients,
    steps,
    network: { link: { delayMs: 40, jitterMs: 30 } },
  });
}

interface Row {
  measure: string;
  value: number;
  unit: string;
  target?: number;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** In the page: run `act` (a JS expression), then time until a task after the next frame. */
async function toNextFrame(page: Page, act: string): Promise<number> {
  return (await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    ${act};
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  })`)) as number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The renderer main thread's CPU time (ms) while `act` runs: the thread time of its top-level
 * tasks in a performance trace. Unlike wall-clock time it hardly changes when other processes
 * share the cores, so it compares builds on a busy machine.
 */
async function cpuWhile(cdp: CDPSession, act: () => Promise<void>): Promise<number> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', '__metadata'] } });
  await act();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return NaN;
  let us = 0;
  for (const e of events) {
    if (e.pid === main.pid && e.tid === main.tid && e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X')
      us += e.tdur ?? 0;
  }
  return us / 1000;
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

async function openPage(lab: Lab): Promise<Page & { errors: string[] }> {
  const page = await lab.page({ width: WIDTH, height: HEIGHT });
  await page.addInitScript(
    ([key]) => {
      localStorage.setItem('mqtt-lab.language', 'en');
      localStorage.setItem(key, '1');
      // long tasks from the first one on, read by the hover measure
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    },
    [TEST_HANDLE_KEY],
  );
  return page;
}

/** The heap of an empty lab, to subtract. */
async function emptyLabHeap(lab: Lab): Promise<number> {
  const page = await openPage(lab);
  await page.goto(`${lab.url}#/lab?p=empty`);
  await page.locator('[data-panel=SequenceDiagram] svg').first().waitFor();
  const cdp = await page.context().newCDPSession(page);
  const used = await heapUsed(cdp);
  await page.context().close();
  return used;
}

async function measureRun(lab: Lab, name: string, publishes: number, baseHeap: number): Promise<Row[]> {
  const rows: Row[] = [];
  const row = (measure: string, value: number, unit: string, target?: number) => {
    rows.push({ measure: `${name}: ${measure}`, value, unit, target });
    console.log(`  ${measure}: ${value.toFixed(unit === 'KB' ? 2 : 1)} ${unit}`);
  };
  const scenario = bigScenario(publishes);
  // the address permalink.ts writes for a scenario of one's own (its `s` part), at the start
  const query = `s=${LZString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;
  const page = await openPage(lab);
  const cdp = await page.context().newCDPSession(page);
  console.log(`${name} (${publishes} publishes, link ${(query.length / 1024).toFixed(1)} KB):`);

  // first render: navigation start to the diagram drawn with the run's clients
  await page.goto(`${lab.url}#/lab?${query}`, { waitUntil: 'commit' });
  const firstRender = (await (
    await page.waitForFunction(
      `(() => {
        const lanes = document.querySelectorAll('[data-panel=SequenceDiagram] svg').length;
        const events = Number(document.querySelector('[data-panel=Controls]')?.getAttribute('data-events') ?? 0);
        return lanes > 0 && events > 0 ? performance.now() : false;
      })()`,
      undefined,
      { polling: 'raf', timeout: 600_000 },
    )
  ).jsonValue()) as number;
  row('first render', firstRender, 'ms', 1_000);

  // the worker computes the run beyond its first 2,000 events: the measures below are on the whole run
  const computed = (await (
    await page.waitForFunction(
      'window.__mqttLab?.complete && !window.__mqttLab.computing && !window.__mqttLab.readingAhead && performance.now()',
      undefined,
      { polling: 100, timeout: 600_000 },
    )
  ).jsonValue()) as number;
  row('whole run computed (worker)', computed, 'ms');

  const press = (key: string) =>
    toNextFrame(page, `document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true }))`);
  await page.evaluate('document.activeElement?.blur?.()');

  row('End, first', await press('End'), 'ms', name === '60k' ? 500 : 200);
  const packets = (await page.evaluate(`window.__mqttLab.trace.filter((e) => e.kind === 'send').length`)) as number;
  const events = (await page.evaluate('window.__mqttLab.trace.length')) as number;
  console.log(`  run: ${packets} packets, ${events} trace events`);
  await press('Home');
  let endAgain = 0;
  const endCpu = await cpuWhile(cdp, async () => void (endAgain = await press('End')));
  row('End, again (drawing only)', endAgain, 'ms', name === '60k' ? 500 : 200);
  row('End, again: main-thread CPU', endCpu, 'ms', name === '60k' ? 500 : 200);

  // steps from the middle of the run
  const endMs = (await page.evaluate('window.__mqttLab.endMs')) as number;
  await page.evaluate(`window.__mqttLab.seekTime(${Math.round(endMs / 2)})`);
  const steps: number[] = [];
  const stepCpu = await cpuWhile(cdp, async () => {
    for (let i = 0; i < SAMPLES; i++) steps.push(await press('ArrowRight'));
  });
  row('step (→) p50', quantile(steps, 0.5), 'ms');
  row('step (→) p95', quantile(steps, 0.95), 'ms', 16);
  row('step (→): main-thread CPU, mean', stepCpu / SAMPLES, 'ms', 16);

  // scrubbing: the slider moved to positions spread over the run, in a fixed pseudo-random order
  const scrubs: number[] = [];
  const scrubCpu = await cpuWhile(cdp, async () => {
    for (let i = 0; i < SAMPLES; i++) {
      const ms = Math.round((((i * 7919) % SAMPLES) / SAMPLES) * endMs);
      scrubs.push(
        await toNextFrame(
          page,
          `const input = document.getElementById('lab-scrubber');
         input.value = '${ms}';
         input.dispatchEvent(new Event('input', { bubbles: true }))`,
        ),
      );
    }
  });
  row('scrubbing p50', quantile(scrubs, 0.5), 'ms');
  row('scrubbing p95', quantile(scrubs, 0.95), 'ms', 50);
  row('scrubbing: main-thread CPU, mean', scrubCpu / SAMPLES, 'ms', 50);

  // playing at 10× from the start, the diagram following
  await press('Home');
  const follow = page.locator('[data-panel=SequenceDiagram] button.follow');
  if (await follow.count()) await follow.first().click();
  let frames: number[] = [];
  const playCpu = await cpuWhile(cdp, async () => {
    await page.evaluate(`(() => {
    const lab = window.__mqttLab;
    lab.seekTime(1000);
    lab.speed = 10;
    window.__frames = [];
    window.__playStart = performance.now();
    window.__recording = true;
    let last = performance.now();
    const frame = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    lab.play();
  })()`);
    await page.waitForFunction(
      'window.__frames.length > 240 || performance.now() - window.__playStart > 20000 || !window.__mqttLab.playing',
      undefined,
      {
        timeout: 120_000,
      },
    );
    frames = (await page.evaluate(`(() => {
    window.__recording = false;
    window.__mqttLab.pause();
    return window.__frames.slice(1);
  })()`)) as number[];
  });
  row(`frames playing 10×, following p50 (${frames.length} frames)`, quantile(frames, 0.5), 'ms');
  row('frames playing 10×, following p95', quantile(frames, 0.95), 'ms', 16.7);
  row('playing: main-thread CPU per frame, mean', playCpu / Math.max(1, frames.length), 'ms', 16.7);

  const heap = await heapUsed(cdp);
  row('heap after playing', heap / 2 ** 20, 'MB');
  row('heap after playing, less an empty lab, per packet event', (heap - baseHeap) / packets / 1024, 'KB', 1);

  // hovering across arrows: the pointer swept across the diagram, row by row
  const svg = page.locator('[data-panel=SequenceDiagram] svg').first();
  const box = await svg.boundingBox();
  if (box) {
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.evaluate('window.__longTasks.length = 0');
    const before = (await page.evaluate('performance.now()')) as number;
    const hoverCpu = await cpuWhile(cdp, async () => {
      for (let r = 0; r < 6; r++) {
        const y = box.y + box.height * ((r + 1) / 7);
        for (let i = 0; i <= 40; i++) await page.mouse.move(box.x + (box.width * i) / 40, y);
      }
    });
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
    const spent = ((await page.evaluate('performance.now()')) as number) - before;
    const tasks = (await page.evaluate('window.__longTasks')) as number[];
    row(`hover across arrows: long tasks (246 moves in ${(spent / 1000).toFixed(1)} s)`, tasks.length, '', 0);
    row('hover: longest task', tasks.length ? Math.max(...tasks) : 0, 'ms');
    row('hover: main-thread CPU per move, mean', hoverCpu / 246, 'ms');
  }
  if (page.errors.length) console.log(`  page errors: ${page.errors.join('; ')}`);
  await page.context().close();
  return rows;
}

/**
 * The freezing link (issue 12): 300,000 events computed by the worker while the page answers.
 * Long tasks while it computes, from its completion until the page has read it all, then End.
 */
async function measureFreezing(lab: Lab): Promise<Row[]> {
  const rows: Row[] = [];
  const row = (measure: string, value: number, unit: string, target?: number) => {
    rows.push({ measure: `freezing link: ${measure}`, value, unit, target });
    console.log(`  ${measure}: ${value.toFixed(1)} ${unit}`);
  };
  const query = `s=${LZString.compressToEncodedURIComponent(JSON.stringify(freezingLink()))}`;
  const page = await openPage(lab);
  const cdp = await page.context().newCDPSession(page);
  console.log('freezing link:');
  await page.goto(`${lab.url}#/lab?${query}`);
  await page.locator('[data-run-computing]').waitFor({ timeout: 120_000 });
  await page.evaluate('window.__longTasks.length = 0');
  const longest = (tasks: number[]) => (tasks.length ? Math.max(...tasks) : 0);
  let computing: number[] = [];
  const computeCpu = await cpuWhile(cdp, async () => {
    await page.locator('[data-run-budget]').waitFor({ timeout: 900_000 });
    computing = (await page.evaluate('window.__longTasks.splice(0)')) as number[];
  });
  row('long tasks while computing', computing.length, '', 0);
  row('longest while computing', longest(computing), 'ms', 100);
  row('main-thread CPU while computing', computeCpu, 'ms');
  await page.waitForFunction('!window.__mqttLab.readingAhead', undefined, { timeout: 300_000 });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
  const settling = (await page.evaluate('window.__longTasks.splice(0)')) as number[];
  row('long tasks from completion to read', settling.length, '', 0);
  row('longest from completion to read', longest(settling), 'ms', 100);
  await page.evaluate('document.activeElement?.blur?.()');
  let end = 0;
  const endCpu = await cpuWhile(cdp, async () => {
    end = await toNextFrame(
      page,
      `document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }))`,
    );
  });
  const afterEnd = (await page.evaluate('window.__longTasks.splice(0)')) as number[];
  row('End (to the next frame)', end, 'ms', 100);
  row('End: main-thread CPU', endCpu, 'ms', 100);
  row('End: longest task', longest(afterEnd), 'ms', 100);
  if (page.errors.length) console.log(`  page errors: ${page.errors.join('; ')}`);
  await page.context().close();
  return rows;
}

function table(rows: Row[]): void {
  const lines = rows.map((r) => {
    const value = `${r.value.toFixed(r.unit === 'KB' ? 2 : 1)} ${r.unit}`.trim();
    const target = r.target === undefined ? '' : `${r.target} ${r.unit}`.trim();
    const ratio =
      r.target === undefined
        ? ''
        : r.target === 0
          ? r.value === 0
            ? 'met'
            : 'missed'
          : (r.value / r.target).toFixed(2);
    return [r.measure, value, target, ratio];
  });
  const head = ['measure', 'value', 'target', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${fmt(head)}\n${fmt(widths.map((w) => '-'.repeat(w)))}`);
  for (const l of lines) console.log(fmt(l));
}

const RUNS: Record<string, number> = { '15k': 500, '60k': 1_960 };
const asked = (process.env.RUNS ?? '15k,60k').split(',');
const chosen = asked.filter((r) => r in RUNS);

const lab = await startLab(process.env.DIST);
try {
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on this machine's cores`,
  );
  const baseHeap = await emptyLabHeap(lab);
  console.log(`empty lab heap: ${(baseHeap / 2 ** 20).toFixed(1)} MB (window ${WIDTH} × ${HEIGHT})`);
  const rows: Row[] = [];
  for (const name of chosen) rows.push(...(await measureRun(lab, name, RUNS[name], baseHeap)));
  if (asked.includes('freezing')) rows.push(...(await measureFreezing(lab)));
  table(rows);
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await lab.close();
}
