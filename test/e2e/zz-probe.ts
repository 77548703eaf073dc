import { formatHex } from '../../app/lib/hex.ts';
import { bigPublish } from './big-packets.ts';
import { startLab } from './browser.ts';
const lab = await startLab();
const page = await lab.page({ width: 1920, height: 1080 });
await page.addInitScript(() => localStorage.setItem('mqtt-lab.language', 'en'));
await page.goto(`${lab.url}#/explain`);
await page.locator('.packet-view h3').first().waitFor();
const text = formatHex(bigPublish());
for (const wrap of ['soft', 'off', 'soft', 'off', 'soft', 'off']) {
  await page.evaluate((w) => ((window as any).__wrap = w), wrap);
  console.log(wrap);
  const r = await page.evaluate((text) => {
    const box = document.querySelector<HTMLTextAreaElement>('#hex-input')!;
    const ta = document.createElement('textarea');
    ta.rows = 4; ta.style.width = '600px'; ta.className = box.className; ta.setAttribute('wrap', (window as any).__wrap ?? 'soft'); ta.style.font = getComputedStyle(box).font;
    document.body.append(ta);
    void ta.scrollHeight;
    const t0 = performance.now();
    ta.value = text;
    void ta.scrollHeight;
    const t1 = performance.now();
    ta.value = text + ' ';
    void ta.scrollHeight;
    const t2 = performance.now();
    ta.remove();
    // placeholders: 1024 spans in a flex-wrap
    const div = document.createElement('div');
    div.style.display = 'flex'; div.style.flexWrap = 'wrap'; div.style.width = '900px';
    for (let k = 0; k < 1024; k++) { const s = document.createElement('span'); s.style.cssText = 'display:inline-block;width:180px;height:44px'; div.append(s); }
    const t3 = performance.now();
    document.body.append(div); void div.offsetHeight;
    const t4 = performance.now();
    div.remove();
    return { textareaSet: t1 - t0, textareaAgain: t2 - t1, placeholders: t4 - t3, len: text.length };
  }, text);
  console.log(r);
}
await lab.close();
