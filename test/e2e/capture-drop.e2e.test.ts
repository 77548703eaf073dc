/**
 * A capture file dropped on the lab or the explainer (issue 11, item 2): real dragenter, dragover
 * and drop events carrying a DataTransfer with a File built from a test capture. While the file is
 * over the page an overlay says what dropping does, in the reader's language; dropped, the capture
 * opens read-only, its topology shows addresses (no simulated link) and a note that its times are
 * at the capture point; the run it replaced is one Back away (and Forward shows the capture again);
 * a file that is not a capture gets a message and changes nothing. Dropped on the explainer, a
 * capture opens in the lab, and a bad file gets its message there.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Packet, encode, fromCapture } from '$engine';
import { LINKTYPE } from '../../engine/capture/headers.ts';
import { type TestSegment, framesOf, handshake, pcap } from '../../engine/capture/test-captures.ts';
import { type Lab, startLab } from './browser.ts';
import './lab-handle.ts';

const shots = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
mkdirSync(shots, { recursive: true });

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

// ---------------------------------------------------------------- a test capture

const publish = (topic: string, payload: string): Packet => ({
  type: 'PUBLISH',
  topic,
  payload: new TextEncoder().encode(payload),
  qos: 0,
  dup: false,
  retain: false,
});

/** One client's conversation with the broker on 10.0.0.1:1883: CONNECT, CONNACK, two PUBLISHes. */
function conversation(clientId: string): TestSegment[] {
  const packets = [
    encode({ type: 'CONNECT', protocolName: 'MQTT', protocolVersion: 4, clean: true, keepAlive: 30, clientId }),
    encode({ type: 'CONNACK', sessionPresent: false, reasonCode: 0 }),
    encode(publish('home/door', 'open')),
    encode(publish('home/door', 'closed')),
  ];
  const seq = { c: 1001, s: 5001 };
  const segments: TestSegment[] = [...handshake(1000, 5000)];
  packets.forEach((bytes, i) => {
    const from = i === 1 ? 's' : 'c';
    segments.push({ from, seq: seq[from], payload: bytes });
    seq[from] += bytes.length;
  });
  return segments;
}

/** A pcap of two clients (10.0.0.2:50000 and 10.0.0.3:50001) each talking to the broker. */
const capture = pcap(LINKTYPE.ETHERNET, [
  ...framesOf(LINKTYPE.ETHERNET, { clientHost: 2, clientPort: 50_000 }, conversation('sensor')),
  ...framesOf(LINKTYPE.ETHERNET, { clientHost: 3, clientPort: 50_001 }, conversation('lamp')).map((f) => ({
    ...f,
    timeUs: f.timeUs + 500,
  })),
]);
const captureEvents = fromCapture(capture).trace.length;

// ---------------------------------------------------------------- the page

type Language = 'en' | 'zh';

async function openPage(hash: string, lang: Language, width = 1920, height = 1080) {
  const page = await lab.page({ width, height, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  await page.addInitScript((l) => {
    localStorage.setItem('mqtt-lab.language', l);
    localStorage.setItem('mqtt-lab.presenter', '0');
    localStorage.setItem('mqtt-lab.test-handle', '1');
  }, lang);
  await page.goto(`${lab.url}${hash}`);
  return page;
}
type TestPage = Awaited<ReturnType<typeof openPage>>;

/** Drag a file over the page (dragenter, dragover), and drop it too unless `hold`. */
async function drag(page: TestPage, name: string, bytes: Uint8Array, { hold = false } = {}) {
  await page.evaluate(
    ({ name, data, hold }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: 'application/vnd.tcpdump.pcap' }));
      const fire = (type: string, target: EventTarget) =>
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      const under = document.querySelector('main') ?? document.body;
      fire('dragenter', under);
      fire('dragover', under);
      if (hold) return;
      // the overlay is on top now: the drop lands on it
      const overlay = document.querySelector('[data-capture-drop-overlay]') ?? under;
      fire('dragover', overlay);
      fire('drop', overlay);
    },
    { name, data: [...bytes], hold },
  );
}

const labOf = (page: TestPage) =>
  page.evaluate(() => {
    const lab = window.__mqttLab!;
    return { readOnly: lab.readOnly, actions: lab.timeline.actions.length, events: lab.trace.length };
  });
const runPart = (hash: string) => hash.replace(/[?&](at|ms|lang)=[^&]*/g, '');
const hashOf = (page: TestPage) => page.evaluate(() => location.hash);

const OVERLAY: Record<Language, string> = {
  en: 'Drop a pcap / pcapng file to open it',
  zh: '把 pcap / pcapng 文件拖放到这里即可打开',
};
const NOT_SIMULATED: Record<Language, string> = { en: 'nothing here is simulated', zh: '这里没有任何模拟' };
const POINT: Record<Language, string> = {
  en: 'when the capture point saw each packet',
  zh: '抓包位置看到每个报文的时刻',
};

test.each(['en', 'zh'] as const)(
  'dropped on the lab: overlay, the capture opens read-only, Back brings the custom run back (%s)',
  async (lang) => {
    const page = await openPage('#/lab?p=retained', lang);
    await page.waitForFunction(() => window.__mqttLab !== undefined);
    // a custom run: the preset with an action taken, in the address
    const before = await hashOf(page);
    await page.evaluate(() => {
      const lab = window.__mqttLab!;
      lab.seekTime(2_000);
      lab.act({ do: 'publish', client: 'sensor', topic: 'home/door', payload: 'mine', qos: 1 });
    });
    await expect.poll(() => hashOf(page)).not.toBe(before);
    const custom = await labOf(page);
    expect(custom.actions).toBe(1);
    const customHash = await hashOf(page);

    // the overlay, while the file is over the page
    await drag(page, 'two-clients.pcap', capture, { hold: true });
    const overlay = page.locator('[data-capture-drop-overlay]');
    await expect.poll(() => overlay.innerText()).toContain(OVERLAY[lang]);
    await page.screenshot({ path: `${shots}capture-drop-overlay-${lang}-1920x1080.png` });

    // dropped: the capture on screen, read-only
    await drag(page, 'two-clients.pcap', capture);
    await expect.poll(() => labOf(page)).toEqual({ readOnly: true, actions: 0, events: captureEvents });
    expect(await overlay.count()).toBe(0);
    const controls = page.locator('[data-panel="Controls"]');
    await expect.poll(() => controls.getAttribute('data-events')).toBe(String(captureEvents));

    // the topology: addresses, no simulated link parameters, and the capture-point note
    const topology = page.locator('[data-panel="Topology"]');
    await page.locator('[data-capture-point]').waitFor();
    const shown = await topology.innerText();
    expect(shown).toContain('10.0.0.2:50000');
    expect(shown).toContain('10.0.0.3:50001');
    expect(shown).toContain('10.0.0.1:1883');
    expect(shown).not.toMatch(/\d ms/);
    expect(await page.locator('[data-capture-point]').innerText()).toContain(POINT[lang]);
    // the header says what a capture is, not the simulated transport, version or seed it does not have
    const picker = page.locator('[data-panel="ScenarioPicker"]');
    expect(await picker.locator('[data-transport], #lab-seed').count()).toBe(0);
    expect(await picker.locator('[data-about]').innerText()).toContain(NOT_SIMULATED[lang]);
    await page.keyboard.press('End');
    await expect.poll(async () => Number(await controls.getAttribute('data-seq'))).toBe(captureEvents - 1);
    // both clients' CONNACKs have arrived: connected, as the wire showed (no client machines in a capture)
    await expect.poll(() => topology.locator('.state-connected').count()).toBe(2);
    await page.screenshot({ path: `${shots}capture-drop-opened-${lang}-1920x1080.png` });

    // Back: the custom run, its action and all; Forward: the capture again
    await expect.poll(async () => runPart(await hashOf(page))).not.toBe(runPart(customHash));
    await page.goBack();
    await expect.poll(() => labOf(page)).toEqual(custom);
    expect(runPart(await hashOf(page))).toBe(runPart(customHash));
    await page.goForward();
    await expect.poll(() => labOf(page)).toEqual({ readOnly: true, actions: 0, events: captureEvents });
    expect(page.errors).toEqual([]);
    await page.context().close();
  },
);

test("a garbage file dropped on the lab gets a message in the reader's language, and nothing changes (zh)", async () => {
  const page = await openPage('#/lab?p=retained', 'zh', 1280, 800);
  await page.waitForFunction(() => window.__mqttLab !== undefined);
  const before = await labOf(page);
  const hash = await hashOf(page);
  await drag(page, 'notes.pcap', new TextEncoder().encode('hello, world'));
  const banner = page.locator('[data-problem="capture.error.unknown-format"]');
  await banner.waitFor();
  expect(await banner.innerText()).toContain('不是 pcap 或 pcapng');
  expect(await labOf(page)).toEqual(before);
  expect(runPart(await hashOf(page))).toBe(runPart(hash));
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('dropped on the explainer: a bad file is refused there (zh), a capture opens in the lab', async () => {
  const page = await openPage('#/explain', 'zh');
  await page.locator('.packet-view h3').first().waitFor();
  await drag(page, 'damaged.pcap', capture.subarray(0, 30));
  const problem = page.locator('[data-capture-problem="capture.error.truncated"]');
  await problem.waitFor();
  expect(await problem.innerText()).toContain('记录中间结束');
  expect(await hashOf(page)).toMatch(/^#\/explain/);

  await drag(page, 'two-clients.pcap', capture, { hold: true });
  const overlay = page.locator('[data-capture-drop-overlay]');
  await expect.poll(() => overlay.innerText()).toContain(OVERLAY.zh);
  await page.screenshot({ path: `${shots}capture-drop-overlay-explainer-zh-1920x1080.png` });
  await drag(page, 'two-clients.pcap', capture);
  await expect.poll(() => hashOf(page)).toMatch(/^#\/lab/);
  await page.waitForFunction(() => window.__mqttLab !== undefined);
  await expect.poll(() => labOf(page)).toEqual({ readOnly: true, actions: 0, events: captureEvents });
  // Back: the explainer, as it was
  await page.goBack();
  await page.locator('.packet-view h3').first().waitFor();
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test.each(['en', 'zh'] as const)('an opened capture at 1280x800 (%s)', async (lang) => {
  const page = await openPage('#/lab?p=retained', lang, 1280, 800);
  await page.waitForFunction(() => window.__mqttLab !== undefined);
  await drag(page, 'two-clients.pcap', capture);
  await page.locator('[data-capture-point]').waitFor();
  await page.keyboard.press('End');
  await page.screenshot({ path: `${shots}capture-drop-opened-${lang}-1280x800.png` });
  expect(page.errors).toEqual([]);
  await page.context().close();
});
