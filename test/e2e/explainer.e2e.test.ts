import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Lab, startLab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

/** A page in English (or Chinese) with nothing remembered from before. */
async function open(hash = '#/explain', lang: 'en' | 'zh' = 'en') {
  const page = await lab.page({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  page.setDefaultTimeout(5_000); // a missing element fails the poll instead of hanging the test
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
