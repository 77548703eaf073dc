import { formatHex } from '../../app/lib/hex.ts';
import { bigPublish } from './big-packets.ts';
import { startLab } from './browser.ts';

const lab = await startLab();
const page = await lab.page({ width: 1920, height: 1080 });
await page.addInitScript(() => localStorage.setItem('mqtt-lab.language', 'en'));
await page.goto(`${lab.url}#/explain`);
await page.locator('.packet-view h3').first().waitFor();
const cdp = await page.context().newCDPSession(page);
const text = formatHex(bigPublish());
for (const what of ['paste', 'hidden', 'paste', 'hidden']) {
  if (what !== 'key') {
    await page.evaluate(() => { const b = document.querySelector('textarea')!; b.value = 'c0 00'; b.dispatchEvent(new Event('input', { bubbles: true })); });
    await page.locator('[data-type="PINGREQ"]').waitFor();
  }
  type Ev = { name: string; ph: string; dur?: number; tdur?: number; tid: number; pid: number; cat: string; args?: any };
  const events: Ev[] = [];
  const collect = (d: { value: object[] }) => events.push(...(d.value as Ev[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,v8.execute', transferMode: 'ReportEvents' });
  await page.evaluate(async ({ text, what }) => {
    const box = document.querySelector<HTMLTextAreaElement>('#hex-input')!;
    if (what === 'hidden') box.style.display = 'none'; else box.style.display = '';
    if (what !== 'key') { box.value = text; box.dispatchEvent(new Event('input', { bubbles: true })); }
    else { box.focus(); box.setSelectionRange(box.value.length, box.value.length); document.execCommand('insertText', false, ' '); }
    while (!document.querySelector('[data-type="PUBLISH"]')) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }, { text, what });
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const sums = new Map<string, number>();
  let longest = 0;
  for (const e of events) {
    if (!main || e.tid !== main.tid || e.pid !== main.pid || e.ph !== 'X') continue;
    const ms = (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'RunTask') longest = Math.max(longest, ms);
    sums.set(e.name, (sums.get(e.name) ?? 0) + ms);
  }
  console.log(`== ${what}: longest task (thread time) ${longest.toFixed(0)} ms`);
  [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14).forEach(([k, ms]) => console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`));
}
await lab.close();
