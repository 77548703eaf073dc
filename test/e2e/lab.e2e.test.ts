/**
 * The lab in a real browser: every preset loads from the picker, steps to the end and back with
 * the keyboard, forks when acted on in the past, survives a round trip through its link, and
 * switches language; presenter mode; the layout at a projector's sizes; and fifty malformed
 * inputs — links, scenario files, form values — each answered with a message and no console
 * error. Reads only the lab's own DOM (controls, picker, actions, narration), never the diagram's
 * or the state panel's.
 */
import type { Page } from 'playwright-core';
import LZString from 'lz-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Lab, startLab } from './browser.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

type LabPage = Page & { errors: string[] };

async function open(hash = '#/lab', options: { lang?: 'en' | 'zh'; width?: number; height?: number } = {}) {
  const { lang = 'en', width = 1280, height = 720 } = options;
  const page = await lab.page({ width, height, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  await page.addInitScript((l) => {
    localStorage.setItem('mqtt-lab.language', l);
    if (localStorage.getItem('mqtt-lab.presenter') === null) localStorage.setItem('mqtt-lab.presenter', '0');
  }, lang);
  await page.goto(`${lab.url}${hash}`);
  await page.locator('[data-panel="Controls"]').waitFor();
  // The narration's sentences are a lazy bundle ('story'): the panel comes once they are in, and
  // the layout and narration tests below read it at once.
  await page.locator('[data-panel="Narration"]').waitFor();
  return page as LabPage;
}

/** The cursor as the controls report it. */
async function cursor(page: Page) {
  const controls = page.locator('[data-panel="Controls"]');
  const read = async (name: string) => Number(await controls.getAttribute(`data-${name}`));
  return { seq: await read('seq'), events: await read('events'), time: await read('time'), end: await read('end') };
}

const narration = (page: Page) => page.locator('[data-panel="Narration"] .lines').innerText();
const latest = (page: Page) => page.locator('[data-panel="Narration"] .line.latest').innerText();
// the address without its language part (every address the app writes ends with it; the language has its own tests)
const hash = (page: Page) => page.evaluate(() => location.hash.replace(/[?&]lang=(en|zh)$/, ''));

/** Nothing focused that would keep the keys for itself. */
async function blur(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function press(page: Page, key: string, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

const title = (id: string) => (id === 'empty' ? 'Empty lab' : undefined);

/** The built-in scenarios (app/lab/presets.ts); the first test checks the picker offers exactly these. */
const PRESET_IDS = [
  'qos0-lossy',
  'qos1-lost-puback',
  'qos2-losses',
  'keepalive-will',
  'retained',
  'persistent-session',
  'overlapping',
  'empty',
];

test('the picker offers every built-in scenario', async () => {
  const page = await open('#/lab');
  const values = await page
    .locator('#lab-scenario option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== 'custom'));
  expect(values).toEqual(PRESET_IDS);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

describe('every preset', () => {
  for (const id of PRESET_IDS) {
    const preset = { id };
    test(preset.id, async () => {
      const page = await open(preset.id === 'retained' ? '#/lab?p=empty' : '#/lab?p=retained');

      // load it from the picker
      await page.selectOption('#lab-scenario', preset.id);
      await expect.poll(() => hash(page)).toBe(`#/lab?p=${preset.id}`);
      if (title(preset.id))
        await expect.poll(() => page.locator('#lab-scenario option:checked').innerText()).toBe(title(preset.id));
      expect((await cursor(page)).seq).toBe(-1);
      await blur(page);

      // step forward and back, one event at a time
      await press(page, 'ArrowRight', 6);
      expect((await cursor(page)).seq).toBe(5);
      await press(page, 'ArrowLeft', 2);
      expect((await cursor(page)).seq).toBe(3);

      // to the end and back
      await press(page, 'End');
      const end = await cursor(page);
      expect(end.seq).toBe(end.events - 1);
      expect(end.time).toBe(end.end);
      const story = await narration(page);
      expect(story.length).toBeGreaterThan(100);
      await press(page, 'Home');
      expect((await cursor(page)).seq).toBe(-1);

      // a presenter's clicker: PageDown goes to the next stop (beats.ts), the first one first
      await press(page, 'PageDown');
      const first = await cursor(page);
      expect(first.seq).toBeGreaterThanOrEqual(0);
      expect(await page.locator('p.beat').getAttribute('data-beat')).toBe('1');
      await press(page, 'PageDown', 2);
      expect((await cursor(page)).seq).toBeGreaterThan(first.seq);
      await press(page, 'PageUp');

      // fork from the past: pull the plug on a client part-way through, and the future changes
      await press(page, 'Home');
      await press(page, 'ArrowRight', 30);
      const before = await narration(page);
      await page.locator('[data-tab="actions"]').click();
      const client = 'sensor';
      await page.selectOption('#lab-act-client', client);
      await page.locator('[data-act="crash"]').click();
      await blur(page);
      expect((await cursor(page)).seq).toBe(29);
      expect(await narration(page)).toBe(before); // the past is the same
      await press(page, 'End');
      const forked = await narration(page);
      expect(forked).not.toBe(story);
      expect(forked).toContain(`${client} crashes — the plug is pulled`);
      await expect.poll(() => hash(page)).toMatch(/&a=/);

      // the link reproduces the same run at the same step
      await press(page, 'Home');
      await press(page, 'ArrowRight', 40);
      await expect.poll(() => hash(page)).toMatch(/&at=39$/);
      const here = await cursor(page);
      const text = await narration(page);
      const link = page.url();
      const copy = await open(link.slice(link.indexOf('#')));
      // (how much of the run is simulated ahead of the cursor depends on the history; the rest must match)
      expect({ ...(await cursor(copy)), events: 0 }).toEqual({ ...here, events: 0 });
      expect(await narration(copy)).toBe(text);
      await blur(copy);
      await press(copy, 'End');
      expect(await narration(copy)).toBe(forked);

      // and switches language at any moment
      await page.getByRole('button', { name: '中文' }).click();
      await expect.poll(() => latest(page)).toMatch(/[\u4e00-\u9fff]/);
      await expect.poll(() => page.locator('#lab-scenario option:checked').innerText()).toMatch(/[\u4e00-\u9fff]|QoS/);
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => latest(page)).not.toMatch(/[\u4e00-\u9fff]/);

      expect(page.errors).toEqual([]);
      expect(copy.errors).toEqual([]);
      await copy.context().close();
      await page.context().close();
    });
  }
});

test('one preset stepped through event by event, to the end and all the way back', async () => {
  const page = await open('#/lab?p=qos1-lost-puback');
  await blur(page);
  await press(page, 'End');
  const { events } = await cursor(page);
  await press(page, 'Home');
  await press(page, 'ArrowRight', events + 3); // past the end: stays at the last event
  expect((await cursor(page)).seq).toBe(events - 1);
  await press(page, 'ArrowLeft', events + 3);
  expect((await cursor(page)).seq).toBe(-1);
  expect(await page.locator('[data-panel="Narration"] .empty').count()).toBe(1);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('Space plays and pauses; the panels keep their sizes while playing', async () => {
  const page = await open('#/lab?p=keepalive-will');
  await blur(page);
  const boxes = () =>
    page.evaluate(() =>
      [
        '[data-panel="Controls"]',
        '[data-panel="Narration"]',
        '[data-panel="ScenarioPicker"]',
        '.area.side',
        '.area.diagram',
      ].map((selector) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return [selector, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
      }),
    );
  const still = await boxes();
  await press(page, ' ');
  await expect.poll(async () => (await cursor(page)).seq).toBeGreaterThan(5);
  expect(await page.locator('[data-panel="Controls"]').getAttribute('data-playing')).toBe('true');
  // sample the layout at five moments of the run as it plays (each after the clock has moved on)
  for (let i = 0; i < 5; i++) {
    expect(await boxes()).toEqual(still);
    const { time } = await cursor(page);
    await expect.poll(async () => (await cursor(page)).time).toBeGreaterThan(time);
  }
  await press(page, ' ');
  expect(await page.locator('[data-panel="Controls"]').getAttribute('data-playing')).toBe('false');
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('typing in a box does not drive the lab', async () => {
  const page = await open('#/lab?p=empty');
  await page.locator('[data-tab="actions"]').click();
  await page.locator('#lab-pub-payload').fill('');
  await page.locator('#lab-pub-payload').type(' p ');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  expect((await cursor(page)).seq).toBe(-1);
  expect(await page.locator('#lab-pub-payload').inputValue()).toBe(' p ');
  expect(await page.locator('.app-header').isVisible()).toBe(true); // "p" did not switch to presenter mode
  await page.context().close();
});

test('presenter mode: P and the button, large type, nothing but the lab, remembered', async () => {
  const page = await open('#/lab?p=keepalive-will&at=79');
  await blur(page);
  const normalSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  await press(page, 'p');
  await expect.poll(() => page.locator('.app-header').isVisible()).toBe(false);
  expect(await page.locator('[data-panel="ActionsPanel"]').count()).toBe(0);
  expect(await page.locator('[data-panel="Narration"]').isVisible()).toBe(true);
  expect(await page.locator('[data-panel="Controls"]').isVisible()).toBe(true);
  const bigSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(parseFloat(bigSize)).toBeGreaterThan(parseFloat(normalSize));
  // remembered across a reload
  await page.reload();
  await page.locator('[data-panel="Controls"]').waitFor();
  expect(await page.locator('.app-header').isVisible()).toBe(false);
  await page.getByRole('button', { name: 'Leave presenter mode' }).click();
  await expect.poll(() => page.locator('.app-header').isVisible()).toBe(true);
  expect(page.errors).toEqual([]);
  await page.context().close();
});

describe('layout at a projector’s sizes', () => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ]) {
    for (const presenter of [false, true]) {
      test(`${width}×${height}${presenter ? ', presenter mode' : ''}: everything in the window, nothing clipped`, async () => {
        const page = await open('#/lab?p=qos2-losses&at=62', { width, height });
        if (presenter) {
          await blur(page);
          await press(page, 'p');
        }
        const layout = await page.evaluate(() => {
          const overflowing = [...document.querySelectorAll<HTMLElement>('[data-panel="Controls"] *, .area.bar *')]
            .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible')
            .map((el) => el.className);
          const panels = ['[data-panel="Controls"]', '[data-panel="Narration"]'].map((s) => {
            const r = document.querySelector(s)!.getBoundingClientRect();
            return { s, bottom: r.bottom, right: r.right };
          });
          return {
            scrollHeight: document.documentElement.scrollHeight,
            scrollWidth: document.documentElement.scrollWidth,
            overflowing,
            panels,
          };
        });
        expect(layout.scrollWidth).toBeLessThanOrEqual(width);
        expect(layout.scrollHeight).toBeLessThanOrEqual(height);
        for (const panel of layout.panels) {
          expect(panel.bottom, panel.s).toBeLessThanOrEqual(height);
          expect(panel.right, panel.s).toBeLessThanOrEqual(width);
        }
        expect(page.errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});

// ---------------------------------------------------------------- fifty malformed inputs

const z = (value: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(value));
const scenario = {
  clients: [{ id: 'sensor' }, { id: 'app' }],
  steps: [
    { atMs: 0, do: 'connect', client: 'sensor' },
    { atMs: 0, do: 'connect', client: 'app' },
  ],
};

const BAD_LINKS: string[] = [
  'p=qos9',
  `p=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
  'p=%E0%A4%A',
  'p=retained&x=1',
  'p=retained&p=retained',
  `p=retained&s=${z(scenario)}`,
  'at=3',
  'p=retained&seed=-1',
  'p=retained&seed=1.5',
  'p=retained&at=zz',
  'p=retained&at=99999999',
  'p=retained&ms=-4',
  's=NoWayThisIsLz',
  `s=${z(scenario).slice(0, 30)}`,
  `s=${LZString.compressToEncodedURIComponent('{"clients": [')}`,
  `s=${z(null)}`,
  `s=${z([])}`,
  `s=${z({ ...scenario, hacked: true })}`,
  `s=${LZString.compressToEncodedURIComponent('{"clients":[],"steps":[],"__proto__":{"polluted":1}}')}`,
  `s=${z({ clients: [{ id: 'a' }], steps: [{ atMs: 0, do: 'publish', client: 'a', topic: 'a/#', payload: '', qos: 1 }] })}`,
  `s=${z({ clients: [{ id: 'a' }], steps: [{ atMs: 0, do: 'subscribe', client: 'a', filter: '#/a', qos: 1 }] })}`,
  `s=${z({ clients: [{ id: 'a', retryMs: 0 }], steps: [] })}`,
  `s=${z({ clients: [{ id: '<script>alert(1)</script>' }], steps: [] })}`,
  `s=${z({ clients: [], steps: [], untilMs: 1e12 })}`,
  `s=${'A'.repeat(40_000)}`,
  `p=retained&a=${z({ not: 'a list' })}`,
  `p=retained&a=${z([{ atMs: 0, do: 'crash', client: 'nobody' }])}`,
  `p=retained&a=${z([{ atMs: 0, do: 'publish', client: 'sensor', topic: '+', payload: '', qos: 0 }])}`,
  `p=retained&a=${LZString.compressToEncodedURIComponent('[{"atMs":0,"do":"cut","client":"sensor","constructor":{}}]')}`,
  `p=retained&a=${z(Array.from({ length: 1_500 }, () => ({ atMs: 0, do: 'cut', client: 'sensor' })))}`,
];

const run = (overrides: object) =>
  JSON.stringify({ format: 'mqtt-lab-run', version: 1, scenario, seed: 1, actions: [], ...overrides });

const BAD_FILES: Array<[string, string]> = [
  ['notes.txt', 'these are not JSON'],
  ['empty.json', ''],
  ['list.json', '[1, 2, 3]'],
  ['other.json', '{"name": "package", "version": "1.0.0"}'],
  ['future.json', run({ version: 7 })],
  ['extra.json', run({ extra: true })],
  ['seed.json', run({ seed: 'lucky' })],
  ['actions.json', run({ actions: [{ atMs: 0, do: 'dance', client: 'sensor' }] })],
  ['proto.json', '{"__proto__": {"polluted": true}, "clients": [], "steps": []}'],
  [
    'qos.json',
    JSON.stringify({
      ...scenario,
      steps: [{ atMs: 0, do: 'publish', client: 'sensor', topic: 't', payload: '', qos: 5 }],
    }),
  ],
];

/** [form, field name, value, the field whose error shows] */
const BAD_FORMS: Array<[string, string, string, string]> = [
  ['publish', 'topic', 'home/+/temp', 'topic'],
  ['publish', 'topic', 'home/#', 'topic'],
  ['publish', 'topic', '', 'topic'],
  ['subscribe', 'filter', 'home/#/temp', 'filter'],
  ['subscribe', 'filter', 'ho+me', 'filter'],
  ['link', 'delayMs', '-10', 'delayMs'],
  ['link', 'lossPercent', '250', 'lossPercent'],
  ['link', 'jitterMs', 'lots', 'jitterMs'],
  ['client', 'id', 'broker', 'id'],
  ['client', 'id', 'two words', 'id'],
];

describe('fifty malformed inputs, each with a message and no console error', () => {
  test('there are fifty', () => {
    expect(BAD_LINKS.length + BAD_FILES.length + BAD_FORMS.length).toBeGreaterThanOrEqual(50);
  });

  test(`${BAD_LINKS.length} damaged links`, async () => {
    const page = await open('#/lab?p=empty');
    const banner = page.locator('[data-problem="lab.problem.linkDamaged"]');
    for (const [i, query] of BAD_LINKS.entries()) {
      // half followed while the lab is open, half opened fresh
      if (i % 2 === 0) await page.evaluate((q) => (location.hash = `#/lab?${q}`), query);
      else await page.goto(`${lab.url}#/lab?${query}`);
      await banner.waitFor();
      const text = await banner.innerText();
      expect(text, query.slice(0, 60)).toMatch(/This link could not be opened: .+ The lab starts afresh\./);
      expect(await page.locator('[data-panel="Controls"]').isVisible()).toBe(true);
      await banner.getByRole('button').click();
      await banner.waitFor({ state: 'detached' });
      // the lab started clean: a working run, at the start
      expect(await page.locator('#lab-scenario').inputValue()).not.toBe('');
    }
    expect(await page.locator('.area.bar img, [role="alert"] img').count()).toBe(0); // no markup from a link became an element
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  test(`${BAD_FILES.length} bad scenario files`, async () => {
    const page = await open('#/lab?p=retained');
    const banner = page.locator('[data-problem="lab.problem.fileDamaged"]');
    for (const [name, text] of BAD_FILES) {
      await page.locator('input[data-run="file"]').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await banner.waitFor();
      expect(await banner.innerText(), name).toMatch(/This file could not be opened: ./);
      await banner.getByRole('button').click();
      await banner.waitFor({ state: 'detached' });
      // the run on screen was not replaced
      expect(await page.locator('#lab-scenario').inputValue()).toBe('retained');
    }
    // and a good one opens
    const good = run({});
    await page
      .locator('input[data-run="file"]')
      .setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await expect.poll(() => page.locator('#lab-scenario').inputValue()).toBe('custom');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  test(`${BAD_FORMS.length} bad form values`, async () => {
    const page = await open('#/lab?p=empty');
    await page.locator('[data-tab="actions"]').click();
    for (const [form, field, value, errorField] of BAD_FORMS) {
      const box = page.locator(`form[data-form="${form}"]`);
      await box.locator(`input[name="${field}"]`).fill(value);
      const before = await cursor(page);
      await box.locator('button[type="submit"]').first().click();
      const error = page.locator(`[data-error="${form}.${errorField}"]`);
      await error.waitFor();
      expect((await error.innerText()).length, `${form}.${field} = ${value}`).toBeGreaterThan(5);
      expect(await box.locator(`input[name="${errorField}"]`).getAttribute('aria-invalid')).toBe('true');
      expect((await cursor(page)).events).toBe(before.events); // nothing was done
      await box.locator(`input[name="${field}"]`).fill('');
    }
    // a good value clears the message and acts
    await page.locator('form[data-form="publish"] input[name="topic"]').fill('home/temp');
    await page.locator('form[data-form="publish"] button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-error="publish.topic"]').count()).toBe(0);
    await expect.poll(() => hash(page)).toMatch(/&a=/);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});

test('the empty lab grows a client, which connects, and the link keeps it', async () => {
  const page = await open('#/lab?p=empty');
  await page.locator('[data-tab="actions"]').click();
  await page.locator('#lab-new-id').fill('lamp');
  await page.locator('form[data-form="client"] button[type="submit"]').click();
  await expect.poll(() => page.locator('#lab-act-client').inputValue()).toBe('lamp');
  await page.locator('[data-act="connect"]').click();
  await blur(page);
  await press(page, 'End');
  expect(await narration(page)).toContain('lamp connects to the broker.');
  // the address is written a moment after the cursor moves: wait until it holds the cursor (at=)
  await expect.poll(() => hash(page)).toMatch(/^#\/lab\?s=.*&at=\d+/);
  const copy = await open((await hash(page)) ?? '');
  const told = await narration(page);
  await expect.poll(() => narration(copy)).toBe(told);
  expect(copy.errors).toEqual([]);
  expect(page.errors).toEqual([]);
  await copy.context().close();
  await page.context().close();
});

test('under 5.0 the publish form offers a message expiry, and the action keeps it; 3.1.1 has no such box', async () => {
  const plain = await open('#/lab?p=empty');
  await plain.locator('[data-tab="actions"]').click();
  await plain.locator('form[data-form="publish"]').waitFor();
  expect(await plain.locator('#lab-pub-expiry').count()).toBe(0);
  await plain.context().close();

  const v5 = {
    ...scenario,
    version: 5,
    steps: [...scenario.steps, { atMs: 200, do: 'subscribe', client: 'app', filter: 'home/#', qos: 1 }],
  };
  const page = await open(`#/lab?s=${z(v5)}`);
  await blur(page);
  await press(page, 'End');
  await page.locator('[data-tab="actions"]').click();
  await page.locator('#lab-act-client').selectOption('sensor');
  const form = page.locator('form[data-form="publish"]');
  await form.locator('input[name="topic"]').fill('home/door');
  await form.locator('#lab-pub-expiry').fill('soon');
  await form.locator('button[type="submit"]').click();
  await page.locator('[data-error="publish.expiryS"]').waitFor();
  await form.locator('#lab-pub-expiry').fill('30');
  await form.locator('button[type="submit"]').click();
  await expect.poll(() => page.locator('[data-error="publish.expiryS"]').count()).toBe(0);
  await expect.poll(() => hash(page)).toMatch(/&a=/);
  const actions = JSON.parse(
    LZString.decompressFromEncodedURIComponent(new URLSearchParams((await hash(page))!.split('?')[1]).get('a')!)!,
  );
  expect(actions).toEqual([
    expect.objectContaining({ do: 'publish', topic: 'home/door', properties: { messageExpiryIntervalS: 30 } }),
  ]);
  await blur(page);
  await press(page, 'End');
  await expect.poll(() => narration(page)).toContain('app gets the message “home/door” = “hello”');
  expect(page.errors).toEqual([]);
  await page.context().close();
});

test('going to another page and back to the lab carries on with the same run', async () => {
  const page = await open('#/lab?p=retained&at=40');
  const here = await cursor(page);
  const text = await narration(page);
  await page.getByRole('link', { name: 'Packet explainer' }).click();
  await expect.poll(() => hash(page)).toMatch(/^#\/explain/);
  await page.getByRole('link', { name: 'Lab' }).click();
  await page.locator('[data-panel="Controls"]').waitFor();
  expect((await cursor(page)).seq).toBe(here.seq);
  expect(await narration(page)).toBe(text);
  await expect.poll(() => hash(page)).toBe('#/lab?p=retained&at=40');
  // and the "Lab" link on the lab page itself changes nothing
  await page.getByRole('link', { name: 'Lab' }).click();
  await expect.poll(() => hash(page)).toBe('#/lab?p=retained&at=40');
  expect((await cursor(page)).seq).toBe(here.seq);
  expect(page.errors).toEqual([]);
  await page.context().close();
});
