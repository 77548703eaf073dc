import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatHex } from '../../app/lib/hex.ts';
import { bigPublish, bigSubscribe } from './big-packets.ts';
import { type Lab, startLab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});
/** Pages opened by the test that is running: closed after it, so later tests share a quieter browser. */
const opened: Array<{ context(): { close(): Promise<void> } }> = [];
afterEach(async () => {
  for (const page of opened.splice(0))
    await page
      .context()
      .close()
      .catch(() => {});
});

/** A page in English (or Chinese) with nothing remembered from before. */
async function open(hash = '#/explain', lang: 'en' | 'zh' = 'en') {
  const page = await lab.page({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  opened.push(page);
  await page.addInitScript((l) => localStorage.setItem('mqtt-lab.language', l), lang);
  await page.goto(`${lab.url}${hash}`);
  await page.locator('h1').waitFor();
  return page;
}

const PUBLISH = '30 0a 00 03 61 2f 62 68 65 6c 6c 6f'; // PUBLISH a/b "hello"
const litRow = '.tree .row.lit';

test('the explainer loads with an example decoded and no console errors', async () => {
  const page = await open();
  await expect.poll(() => page.locator('.packet-view h3').first().textContent()).toContain('PUBLISH');
  await expect.poll(() => page.locator('.tree .row').count()).toBeGreaterThan(10);
  expect(page.errors).toEqual([]);
});

test('pasting a packet shows its fields, and the address carries it', async () => {
  const page = await open();
  await page.locator('#hex-input').fill(PUBLISH);
  await expect.poll(() => page.locator('#hex-status').textContent()).toContain('Read 12 bytes');
  const tree = page.locator('.tree');
  await expect.poll(() => tree.textContent()).toContain('Topic name');
  await expect.poll(() => tree.textContent()).toContain('"a/b"');
  await expect.poll(() => tree.textContent()).toContain('"hello"');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/explain?x=300a0003612f6268656c6c6f&v=4&lang=en');
  expect(page.errors).toEqual([]);
});

test('a link reproduces the bytes and the version', async () => {
  const page = await open('#x=300c0003612f6268656c6c6f&v=5');
  await expect.poll(() => page.locator('#hex-input').inputValue()).toBe('30 0c 00 03 61 2f 62 68 65 6c 6c 6f');
  await expect.poll(() => page.locator('.version-chip').textContent()).toContain('MQTT 5.0');
  expect(page.errors).toEqual([]);
});

test('hovering a byte lights its field in the tree, and hovering a field lights its bytes', async () => {
  const page = await open(`#x=${PUBLISH.replace(/ /g, '')}`);
  await page.locator('[data-offset="5"]').hover(); // the "/" of a/b
  await expect.poll(() => page.locator(litRow).textContent()).toContain('UTF-8 text');
  await expect.poll(() => page.locator('.detail h5').textContent()).toContain('UTF-8 text');

  await page.locator('.tree .row', { hasText: 'String length' }).hover();
  await expect
    .poll(() => page.locator('.byte.lit').evaluateAll((els) => els.map((e) => e.getAttribute('data-offset'))))
    .toEqual(['2', '3']);

  await page.locator('.tree .row', { hasText: 'QoS level' }).hover();
  await expect.poll(() => page.locator('.bitgrid .group.lit').textContent()).toContain('QoS level');
  expect(page.errors).toEqual([]);
});

test('the keyboard moves between bytes and fields', async () => {
  const page = await open(`#x=${PUBLISH.replace(/ /g, '')}`);
  await page.locator('[data-offset="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.locator(litRow).textContent()).toContain('Length byte');
  await page.keyboard.press('ArrowDown'); // next field: the topic's length
  await expect.poll(() => page.locator(litRow).textContent()).toContain('String length');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-offset'))).toBe('2');
  expect(page.errors).toEqual([]);
});

test('a Wireshark dump decodes', async () => {
  const page = await open();
  const dump = [
    '0000   32 14 00 0c 73 65 6e 73 6f 72 73 2f 74 65 6d 70   2...sensors/temp',
    '0010   00 0a 32 31 2e 35                                 ..21.5',
  ].join('\n');
  await page.locator('#hex-input').fill(dump);
  await expect.poll(() => page.locator('#hex-status').textContent()).toContain('Read 22 bytes from a dump');
  await expect.poll(() => page.locator('.tree').textContent()).toContain('"sensors/temp"');
  await expect.poll(() => page.locator('.tree').textContent()).toContain('10 (0x000A)');
  expect(page.errors).toEqual([]);
});

test('invalid input says where it is wrong', async () => {
  const page = await open();
  await page.locator('#hex-input').fill('30 0c\n00 0g');
  await expect.poll(() => page.locator('#hex-status').textContent()).toContain('Line 2, column 5');
  expect(page.errors).toEqual([]);
});

test('a malformed packet shows the rule, the offset and the fields read before it', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'A malformed packet' }).click();
  const failure = page.locator('.failure');
  await expect.poll(() => failure.textContent()).toContain('MQTT-3.3.2-2');
  await expect.poll(() => failure.textContent()).toContain('at byte 12');
  await expect.poll(() => failure.textContent()).toContain('must not contain the wildcard "+"');
  await expect.poll(() => page.locator('.byte.error').getAttribute('data-offset')).toBe('12');
  await expect.poll(() => page.locator('.tree').textContent()).toContain('"sensors/+/temp"');
  expect(page.errors).toEqual([]);
});

test('an incomplete packet says how many bytes are missing', async () => {
  const page = await open('#x=300c0003612f62');
  await expect.poll(() => page.locator('.failure').textContent()).toContain('7 more bytes are needed');
  expect(page.errors).toEqual([]);
});

test('both languages render, field names included', async () => {
  const page = await open(`#x=${PUBLISH.replace(/ /g, '')}`);
  await expect.poll(() => page.locator('.tree').textContent()).toContain('Packet type');
  await page.getByRole('button', { name: '中文' }).click();
  await expect.poll(() => page.locator('.tree').textContent()).toContain('报文类型');
  await expect.poll(() => page.locator('.tree').textContent()).toContain('剩余长度');
  await expect.poll(() => page.locator('h2').first().textContent()).toBe('报文解析器');
  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => page.locator('.tree').textContent()).toContain('Remaining length');
  expect(page.errors).toEqual([]);
});

test('side by side decodes the same bytes as 3.1.1 and as 5.0', async () => {
  // A 3.1.1 QoS 1 PUBLISH: as 5.0 the byte after the packet id is read as a property length.
  const page = await open('#x=3214000c73656e736f72732f74656d70000a32312e35&v=4');
  await page.getByText('Side by side').click();
  const views = page.locator('.packet-view');
  await expect.poll(() => views.count()).toBe(2);
  await expect.poll(() => views.nth(0).locator('.version-chip').textContent()).toContain('3.1.1');
  await expect.poll(() => views.nth(1).locator('.version-chip').textContent()).toContain('5.0');
  await expect.poll(() => views.nth(0).locator('.failure').count()).toBe(0);
  await expect.poll(() => views.nth(1).locator('.failure').count()).toBe(1);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('v=both');
  // Pointing at a byte in one column lights that byte in both.
  await views.nth(0).locator('[data-offset="16"]').hover();
  await expect.poll(() => page.locator('.byte.lit[data-offset="16"]').count()).toBe(2);
  expect(page.errors).toEqual([]);
});

test('several packets in one paste are listed and shown one at a time', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Two packets' }).click();
  const list = page.locator('.packet-list');
  await expect.poll(() => list.locator('button').count()).toBe(2);
  await list.locator('button').nth(1).click();
  await expect.poll(() => page.locator('.packet-view h3').textContent()).toContain('PUBACK');
  expect(page.errors).toEqual([]);
});

test('a damaged link gives a message, not a blank page', async () => {
  for (const hash of ['#x=30zz&v=4', '#x=%E0%A4%A', '#v=7']) {
    const page = await open(hash);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This link could not be read');
    await expect.poll(() => page.locator('#hex-input').isVisible()).toBe(true);
    expect(page.errors).toEqual([]);
    await page.context().close();
  }
});

test('text from packets is shown as text, never as markup', async () => {
  // PUBLISH with topic <img src=x onerror=alert(1)> and payload <b>hi</b>
  const topic = Buffer.from('<img src=x onerror=alert(1)>');
  const payload = Buffer.from('<b>hi</b>');
  const body = Buffer.concat([Buffer.from([0, topic.length]), topic, payload]);
  const hex = Buffer.concat([Buffer.from([0x30, body.length]), body]).toString('hex');
  const page = await open(`#x=${hex}`);
  await expect.poll(() => page.locator('.tree').textContent()).toContain('<img src=x onerror=alert(1)>');
  expect(await page.locator('.tree img, .tree b').count()).toBe(0);
  expect(page.errors).toEqual([]);
});

/** A paste made by a real tool (app/lib/fixtures/README.md says how). */
const fixture = (name: string) => readFileSync(new URL(`../../app/lib/fixtures/${name}`, import.meta.url), 'utf8');

test('tshark -x of a whole frame: the headers come off and the page says so', async () => {
  const page = await open();
  await page.locator('#hex-input').fill(fixture('tshark-x-ipv4-subscribe.txt'));
  await expect
    .poll(() => page.locator('.paste-notes').textContent())
    .toContain('Ethernet, IPv4 and TCP headers (54 bytes)');
  await expect.poll(() => page.locator('.packet-view h3').textContent()).toContain('SUBSCRIBE');
  await expect.poll(() => page.locator('.tree').textContent()).toContain('"a/b"');
  expect(page.errors).toEqual([]);
});

test('a follow dump: each direction decoded as its own stream', async () => {
  const page = await open();
  await page.locator('#hex-input').fill(fixture('tshark-follow-tcp-hex.txt'));
  const directions = page.locator('.directions label');
  await expect.poll(() => directions.count()).toBe(2);
  await expect.poll(() => page.locator('.packet-list button').count()).toBe(3); // CONNECT, SUBSCRIBE, DISCONNECT
  await expect.poll(() => page.locator('.packet-view .meta').textContent()).toContain('Packet 1 of 3');
  await directions.nth(1).click();
  await expect.poll(() => page.locator('.packet-list button').count()).toBe(3); // CONNACK, SUBACK, PUBLISH
  await expect.poll(() => page.locator('.packet-view h3').textContent()).toContain('CONNACK');
  await page.locator('.packet-list button').nth(2).click();
  await expect.poll(() => page.locator('.tree').textContent()).toContain('"hello"');
  await expect.poll(() => page.locator('.packet-view .meta').textContent()).toContain('Packet 3 of 3');
  expect(page.errors).toEqual([]);
});

test('a new paste starts at its first packet', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Two packets' }).click();
  await page.locator('.packet-list button').nth(1).click();
  await expect.poll(() => page.locator('.packet-view .meta').textContent()).toContain('Packet 2 of 2');
  await page.locator('#hex-input').fill(fixture('xxd-i-client.txt'));
  await expect.poll(() => page.locator('.packet-view h3').textContent()).toContain('CONNECT');
  await expect.poll(() => page.locator('.packet-view .meta').textContent()).toContain('Packet 1 of 3');
  expect(page.errors).toEqual([]);
});

test('a dump cut at the start says so and finds the next packet boundary', async () => {
  const page = await open();
  await page.locator('#hex-input').fill(fixture('xxd-from-5.txt'));
  const notes = page.locator('.paste-notes');
  await expect.poll(() => notes.textContent()).toContain('starts at offset 5 (0x5)');
  await expect.poll(() => notes.textContent()).toContain('may begin in the middle of one');
  await page.getByRole('button', { name: 'Find the next packet boundary' }).click();
  await expect.poll(() => notes.textContent()).toContain('Skipped the first 13 bytes');
  await expect.poll(() => page.locator('.packet-view h3').textContent()).toContain('SUBSCRIBE');
  expect(page.errors).toEqual([]);
});

test('the Chinese page explains a stripped frame and a follow dump too', async () => {
  const page = await open('#/explain', 'zh');
  await page.locator('#hex-input').fill(fixture('tshark-x-ipv6-connect.txt'));
  await expect.poll(() => page.locator('.paste-notes').textContent()).toContain('以太网、IPv6 和 TCP 报头');
  await page.locator('#hex-input').fill(fixture('tshark-follow-tcp-hex.txt'));
  await expect.poll(() => page.locator('.paste-notes').textContent()).toContain('方向');
  await expect.poll(() => page.locator('.packet-view .meta').textContent()).toContain('第 1 个报文，共 3 个');
  expect(page.errors).toEqual([]);
});

test('a SUBSCRIBE with 301 filters renders, and every filter can be reached', async () => {
  const page = await open();
  await page.locator('#hex-input').fill(formatHex(bigSubscribe()));
  await expect.poll(() => page.locator('.packet-view h3').textContent()).toContain('SUBSCRIBE');
  // Only what is near the screen is drawn at first; the rest are placeholders.
  expect(await page.locator('.tree .row').count()).toBeLessThan(500);
  // Scrolling draws what comes on screen, and then what is near it.
  const drawn = await page.locator('.bytes .byte').count();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => page.locator('[data-offset="2302"]').count()).toBe(1);
  await expect.poll(() => page.locator('.bytes .byte').count()).toBeGreaterThan(drawn + 128);
  // End in the tree goes to the last field, drawing its part of the list.
  await page.locator('.tree .row').first().focus();
  await page.keyboard.press('End');
  await expect.poll(() => page.locator('.tree .row.lit').textContent()).toContain('Requested QoS');
  await expect.poll(() => page.locator('.tree').textContent()).toContain('"s/300"');
  // End in the byte grid goes to the last byte.
  await page.locator('[data-offset="0"]').focus();
  await page.keyboard.press('End');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-offset'))).toBe('2302');
  expect(page.errors).toEqual([]);
});

test('a 200 KB PUBLISH renders and the page still answers', async () => {
  const page = await open();
  // 600,000 characters of hex: set as one paste would, not typed (Playwright's fill is slow at this size).
  await page.locator('#hex-input').evaluate((box: HTMLTextAreaElement, text) => {
    box.value = text;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, formatHex(bigPublish()));
  await expect.poll(() => page.locator('.packet-view h3').textContent(), { timeout: 30_000 }).toContain('PUBLISH');
  await expect.poll(() => page.locator('#hex-status').textContent()).toContain('Read 204813 bytes');
  await page.getByRole('button', { name: 'SUBSCRIBE' }).click();
  await expect.poll(() => page.locator('.packet-view h3').textContent()).toContain('SUBSCRIBE');
  expect(page.errors).toEqual([]);
});

test('a 200 KB paste is decoded whole; the box shows its first lines until asked for all of it', async () => {
  const page = await open();
  const text = formatHex(bigPublish());
  // a paste event, as Ctrl+V gives: its text in clipboardData
  await page.locator('#hex-input').evaluate((box: HTMLTextAreaElement, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect.poll(() => page.locator('#hex-status').textContent()).toContain('Read 204813 bytes');
  const box = page.locator('#hex-input');
  expect(await box.getAttribute('data-shortened')).toBe('true');
  expect(await box.evaluate((b: HTMLTextAreaElement) => b.readOnly)).toBe(true);
  const shortened = await box.inputValue();
  expect(shortened.length).toBeLessThan(2_000);
  expect(text.startsWith(shortened.slice(0, -2))).toBe(true);
  expect(await page.locator('[data-big-paste]').innerText()).toContain('first 24 of 12801 lines');
  await expect.poll(() => page.locator('.packet-view h3').textContent()).toContain('PUBLISH');

  // all of it in the box, to edit: a keystroke re-reads the whole paste
  await page.getByRole('button', { name: 'Edit the whole text (slow)' }).click();
  await expect.poll(() => box.evaluate((b: HTMLTextAreaElement) => b.value.length)).toBe(text.length);
  expect(await box.evaluate((b: HTMLTextAreaElement) => b.readOnly)).toBe(false);
  await box.evaluate((b: HTMLTextAreaElement) => {
    b.focus();
    b.setSelectionRange(b.value.length, b.value.length);
    document.execCommand('insertText', false, ' 00');
  });
  await expect.poll(() => page.locator('#hex-status').textContent()).toContain('Read 204814 bytes');
  expect(await box.getAttribute('data-shortened')).toBe('false');
  expect(page.errors).toEqual([]);
});
