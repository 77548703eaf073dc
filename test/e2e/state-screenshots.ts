/**
 * Pictures of the lab's state panel and packet inspector for a person to look at, at 1280×720 and
 * 1920×1080, in Chinese and English (and with large text). Run after a build:
 *
 *   npx vite build && node --import tsx test/e2e/state-screenshots.ts
 *
 * PNGs go to test-results/screenshots/ (state-*.png, inspector-*.png). The lab is driven through
 * its test handle (app/lab/test-handle.ts). Console errors on any page make the script fail.
 */
import type { Page } from 'playwright-core';
import type { Lab as LabState } from '../../app/lab/lab.svelte.ts';
import { openAs, save, takeShots } from './shots.ts';

type Size = '1280' | '1920';
interface Shot {
  name: string;
  size: Size;
  lang: 'zh' | 'en';
  large?: boolean;
  /** Virtual time to seek to. */
  atMs: number;
  /** Select the nth send of this packet type (from 1). */
  select?: { type: string; from?: string; nth?: number };
  /** What to photograph: the state panel, the inspector, or the page. */
  target: 'state' | 'inspector' | 'page';
  preset?: string;
  point?: number;
  fullPage?: boolean;
  enlarge?: string;
  /** Open the scratch editor and set the QoS bits to this. */
  editQos?: number;
  /** Decode side by side. */
  both?: boolean;
}

const SHOTS: Shot[] = [
  { name: 'state-page', size: '1280', lang: 'en', atMs: 1_000, target: 'page' },
  { name: 'state-page', size: '1920', lang: 'zh', atMs: 1_000, target: 'page' },
  { name: 'state-puback', size: '1280', lang: 'en', atMs: 1_000, target: 'state' },
  { name: 'state-puback', size: '1280', lang: 'zh', atMs: 1_000, target: 'state' },
  { name: 'state-puback', size: '1920', lang: 'en', atMs: 1_000, target: 'state' },
  { name: 'state-puback', size: '1920', lang: 'zh', atMs: 1_000, target: 'state' },
  { name: 'state-qos2', size: '1920', lang: 'zh', atMs: 2_500, target: 'state', preset: 'qos2-losses' },
  { name: 'state-keepalive', size: '1280', lang: 'en', atMs: 9_000, target: 'state', preset: 'keepalive-will' },
  { name: 'state-large', size: '1920', lang: 'en', large: true, atMs: 1_000, target: 'state' },
  { name: 'state-enlarged', size: '1920', lang: 'zh', atMs: 1_000, target: 'page', enlarge: 'client' },
  {
    name: 'inspector-publish',
    size: '1280',
    lang: 'en',
    atMs: 1_000,
    target: 'inspector',
    select: { type: 'PUBLISH', from: 'sensor' },
    point: 4,
  },
  {
    name: 'inspector-publish',
    size: '1280',
    lang: 'zh',
    atMs: 1_000,
    target: 'inspector',
    select: { type: 'PUBLISH', from: 'sensor' },
    point: 4,
  },
  {
    name: 'inspector-publish',
    size: '1920',
    lang: 'en',
    atMs: 2_000,
    target: 'inspector',
    select: { type: 'PUBLISH', from: 'sensor', nth: 2 },
    point: 0,
  },
  {
    name: 'inspector-publish',
    size: '1920',
    lang: 'zh',
    atMs: 2_000,
    target: 'inspector',
    select: { type: 'PUBLISH', from: 'sensor', nth: 2 },
    point: 0,
  },
  {
    name: 'inspector-edited',
    size: '1280',
    lang: 'zh',
    atMs: 1_000,
    target: 'inspector',
    select: { type: 'PUBLISH', from: 'sensor' },
    editQos: 3,
  },
  {
    name: 'inspector-both',
    size: '1920',
    lang: 'en',
    atMs: 1_000,
    target: 'page',
    select: { type: 'PUBLISH', from: 'sensor' },
    both: true,
  },
  {
    name: 'inspector-lost',
    size: '1280',
    lang: 'en',
    atMs: 1_000,
    target: 'inspector',
    select: { type: 'PUBACK', from: 'broker' },
  },
  {
    name: 'inspector-page',
    size: '1280',
    lang: 'en',
    atMs: 1_000,
    target: 'page',
    select: { type: 'PUBLISH', from: 'sensor' },
  },
  {
    name: 'inspector-large',
    size: '1920',
    lang: 'zh',
    large: true,
    atMs: 1_000,
    target: 'inspector',
    select: { type: 'PUBLISH', from: 'sensor' },
    point: 0,
  },
];

async function drive(page: Page, shot: Shot): Promise<void> {
  await page.evaluate(
    ({ atMs, select }) => {
      const lab = (window as unknown as { __mqttLab: LabState }).__mqttLab;
      lab.seekTime(atMs);
      if (select) {
        const sends = lab.trace.filter(
          (e) => e.kind === 'send' && e.packet.type === select.type && (!select.from || e.from === select.from),
        );
        const send = sends[(select.nth ?? 1) - 1];
        if (send) lab.selection = { send: send.seq };
      }
    },
    { atMs: shot.atMs, select: shot.select },
  );
}

async function loadPreset(page: Page, id: string): Promise<void> {
  await page.evaluate(
    (id) => (window as unknown as { __mqttLoadPreset: (id: string) => void }).__mqttLoadPreset(id),
    id,
  );
}

await takeShots(SHOTS, async (lab, shot) => {
  const [width, height] = shot.size === '1280' ? [1280, 720] : [1920, 1080];
  const settings = { 'large-text': shot.large ?? false, 'test-handle': true };
  const page = await openAs(lab, { width, height, lang: shot.lang, settings }, '#/lab');
  await page.locator('h1').waitFor();
  await page.waitForFunction(() => (window as unknown as { __mqttLab?: unknown }).__mqttLab !== undefined);
  if (shot.preset) await loadPreset(page, shot.preset);
  await drive(page, shot);
  if (shot.select) await page.locator('.inspector .packet-view').first().waitFor();
  else await page.locator('.state-panel svg[data-machine]').first().waitFor();
  const name = `${shot.name}-${width}x${height}-${shot.lang}${shot.large ? '-large' : ''}`;
  if (shot.point !== undefined) {
    await page.locator(`.inspector [data-offset="${shot.point}"]`).first().click();
  }
  if (shot.editQos !== undefined) {
    await page.locator('.inspector summary').click();
    await page.locator('.inspector select').selectOption(String(shot.editQos));
  }
  if (shot.both) await page.locator('.inspector .versions label').nth(1).click();
  if (shot.enlarge) {
    await page.locator(`[data-chart="${shot.enlarge}"] .enlarge`).click();
    await page.waitForTimeout(200);
  }
  if (shot.target === 'page') await save(page, name, { fullPage: shot.fullPage });
  else {
    // The side panel scrolls inside the page: let it grow, to picture all of it.
    await page.addStyleTag({
      content: [
        '.lab, .lab .side, .lab .panel-body, .lab [id^="lab-side"]',
        '{ height: auto !important; max-height: none !important; overflow: visible !important }',
      ].join(' '),
    });
    await save(page, name, { target: shot.target === 'state' ? '.state-panel' : '.inspector' });
  }
  return page;
});
