/**
 * How fast the explainer is on big packets, measured on the built app (run `npx vite build` first):
 *
 *   node --import tsx test/e2e/explainer-timing.ts
 *
 * - a SUBSCRIBE with 301 filters (2.3 KB): from setting the text box to the packet on screen (the
 *   first frame after its heading is in the DOM), and one keystroke (a space typed at the end with
 *   insertText, which re-reads the whole paste) until the next frame;
 * - a 200 KB PUBLISH: the same two numbers, and a paste event as Ctrl+V gives (the box then shows the paste's first lines, read-only:
 *   big-paste.ts), and a keystroke once the whole text is put in the box to be edited;
 * - a 12-byte PUBLISH, for reference: what drawing any packet costs.
 * Each number is given three times: wall time (performance.now in the page); the page's main-thread
 * CPU time from the paste to that frame (the thread clock of two performance marks in a Chromium
 * trace), which a busy shared machine does not inflate; and the main-thread CPU time of the whole
 * measurement (Chromium's ThreadTime metric over CDP), which also counts what runs after the frame
 * until the script reads it.
 * For each, the longest task the page reports (PerformanceObserver 'longtask', tasks over 50 ms; 0
 * when none) during a paste and during a keystroke.
 * The machine's load average is printed too: on a shared machine the wall times move with it.
 * Each is measured five times on a warm page; the median is shown, with every run.
 */
import { loadavg } from 'node:os';
import { formatHex } from '../../app/lib/hex.ts';
import { bigPublish, bigSubscribe } from './big-packets.ts';
import { startLab } from './browser.ts';

const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const show = (name: string, values: number[]) =>
  console.log(
    `${name.padEnd(40)} median ${median(values).toFixed(0).padStart(5)} ms  [${values.map((v) => v.toFixed(0)).join(', ')}]`,
  );

async function main(): Promise<void> {
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const lab = await startLab();
  try {
    const page = await lab.page({ width: 1920, height: 1080 });
    await page.addInitScript(() => localStorage.setItem('mqtt-lab.language', 'en'));
    await page.goto(`${lab.url}#/explain`);
    await page.locator('.packet-view h3').first().waitFor();

    // the page's long tasks (over 50 ms), as the browser reports them
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__long.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    const longestTask = async (measure: () => Promise<unknown>) => {
      await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
      await measure();
      await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
      return page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long));
    };

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
    /**
     * Wall and main-thread CPU milliseconds of `measure` (which returns its own wall time, and sets
     * the performance marks `start` and `drawn`), and the CPU between the two marks.
     */
    const both = async (measure: () => Promise<number>) => {
      type Traced = { name: string; tts?: number };
      const events: Traced[] = [];
      const collect = (data: { value: object[] }) => {
        events.push(...(data.value as Traced[]));
      };
      cdp.on('Tracing.dataCollected', collect);
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', { categories: 'blink.user_timing', transferMode: 'ReportEvents' });
      const before = await threadTime();
      const wall = await measure();
      const cpu = (await threadTime()) - before;
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      const tts = (name: string) => events.find((e) => e.name === name)?.tts ?? NaN;
      return { wall, frame: (tts('drawn') - tts('start')) / 1000, cpu };
    };

    /** Put `text` in the box, and time until the frame after `done()` holds. */
    const timeInput = (text: string, doneSelector: string) =>
      page.evaluate(
        async ({ text, doneSelector }) => {
          const box = document.querySelector<HTMLTextAreaElement>('#hex-input')!;
          const start = performance.mark('start').startTime;
          box.value = text;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          while (!document.querySelector(doneSelector)) await new Promise((r) => setTimeout(r, 0));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.mark('drawn').startTime - start;
        },
        { text, doneSelector },
      );

    /** A paste event, as Ctrl+V gives (its text in clipboardData), and time until the frame after `done()`. */
    const timePasteEvent = (text: string, doneSelector: string) =>
      page.evaluate(
        async ({ text, doneSelector }) => {
          const box = document.querySelector<HTMLTextAreaElement>('#hex-input')!;
          const data = new DataTransfer();
          data.setData('text/plain', text);
          const start = performance.mark('start').startTime;
          box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
          while (!document.querySelector(doneSelector)) await new Promise((r) => setTimeout(r, 0));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.mark('drawn').startTime - start;
        },
        { text, doneSelector },
      );

    /** Type one character at the end of the box, as a keystroke does, and time until the next frame. */
    const timeKeystroke = (character: string) =>
      page.evaluate(async (character) => {
        const box = document.querySelector<HTMLTextAreaElement>('#hex-input')!;
        box.focus();
        box.setSelectionRange(box.value.length, box.value.length);
        const start = performance.mark('start').startTime;
        document.execCommand('insertText', false, character);
        await new Promise((r) => setTimeout(r, 0));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.mark('drawn').startTime - start;
      }, character);

    for (const [name, bytes, marker] of [
      // For reference: what any paste costs (the whole packet view is drawn anew).
      [
        'PUBLISH, 12 bytes (reference)',
        Uint8Array.of(0x30, 0x0a, 0, 3, 0x61, 0x2f, 0x62, 0x68, 0x65, 0x6c, 0x6c, 0x6f),
        '[data-type="PUBLISH"]',
      ],
      ['SUBSCRIBE, 301 filters', bigSubscribe(), '[data-type="SUBSCRIBE"]'],
      ['PUBLISH, 200 KB', bigPublish(), '[data-type="PUBLISH"]'],
    ] as const) {
      const text = formatHex(bytes);
      type Measured = { wall: number; frame: number; cpu: number };
      const first: Measured[] = [];
      const keys: Measured[] = [];
      const longest = {
        paste: [] as number[],
        key: [] as number[],
        wholeKey: [] as number[],
        pasteEvent: [] as number[],
      };
      const pasteEvents: Measured[] = [];
      const wholeKeys: Measured[] = [];
      /** A paste too long for the box is shown shortened, read-only (big-paste.ts): edit it whole. */
      const editWhole = async () => {
        const button = page.locator('[data-big-paste] button');
        if (!(await button.count())) return false;
        await button.click();
        await page.locator('#hex-input[data-shortened="false"]').waitFor();
        return true;
      };
      for (let i = 0; i < RUNS; i++) {
        await timeInput('c0 00', '[data-type="PINGREQ"]');
        first.push(await both(() => timeInput(text, marker)));
        keys.push(await both(() => timeKeystroke(' ')));
        await timeInput('c0 00', '[data-type="PINGREQ"]');
        longest.paste.push(await longestTask(() => timeInput(text, marker)));
        longest.key.push(await longestTask(() => timeKeystroke(' ')));
        if (text.length > 64 * 1024) {
          // the way a reader pastes: the box never holds the whole text (big-paste.ts)
          await timeInput('c0 00', '[data-type="PINGREQ"]');
          pasteEvents.push(await both(() => timePasteEvent(text, marker)));
          await timeInput('c0 00', '[data-type="PINGREQ"]');
          longest.pasteEvent.push(await longestTask(() => timePasteEvent(text, marker)));
        }
        if (await editWhole()) {
          wholeKeys.push(await both(() => timeKeystroke(' ')));
          longest.wholeKey.push(await longestTask(() => timeKeystroke(' ')));
        }
      }
      console.log(`${name}: ${bytes.length} bytes`);
      show(
        '  paste to rendered, wall',
        first.map((m) => m.wall),
      );
      show(
        '  paste to rendered, main-thread CPU',
        first.map((m) => m.frame),
      );
      show(
        '  paste, CPU until read (ThreadTime)',
        first.map((m) => m.cpu),
      );
      show(
        '  keystroke to next frame, wall',
        keys.map((m) => m.wall),
      );
      show(
        '  keystroke to next frame, CPU',
        keys.map((m) => m.frame),
      );
      show('  longest task, paste', longest.paste);
      show('  longest task, keystroke', longest.key);
      if (pasteEvents.length) {
        show(
          '  paste event to rendered, wall',
          pasteEvents.map((m) => m.wall),
        );
        show(
          '  paste event to rendered, CPU',
          pasteEvents.map((m) => m.frame),
        );
        show('  paste event: longest task', longest.pasteEvent);
      }
      if (wholeKeys.length) {
        show(
          '  whole text in the box: keystroke, wall',
          wholeKeys.map((m) => m.wall),
        );
        show(
          '  whole text in the box: keystroke, CPU',
          wholeKeys.map((m) => m.frame),
        );
        show('  whole text in the box: longest task', longest.wholeKey);
      }
    }
    if (page.errors.length) throw new Error(page.errors.join('; '));
  } finally {
    await lab.close();
  }
}

await main();
