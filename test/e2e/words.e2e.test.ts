/**
 * The Chinese page speaks Chinese: walked through every preset at a few stops (with the state,
 * inspector and actions panels open), the packet explainer and lessons, no English word is shown
 * as text outside an allowed list — the protocol's own names (packets, flags, rule ids), key and
 * file-format names, what the scenario chose (client ids, topics, payloads), and deliberate glosses:
 * an English name marked lang="en" (drawn beside the Chinese, smaller and muted), in emphasis, or
 * in full-width parentheses right after its Chinese term.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Scenario } from '../../engine/index.ts';
import { PRESETS } from '../../app/lab/presets.ts';
import { type Lab, WAIT_MS, startLab } from './browser.ts';
import './lab-handle.ts';

/** The protocol's names and other words that are the same in every language. */
const ALLOWED = new Set(
  [
    // packets and their flags, and the protocol's abbreviations
    'CONNECT CONNACK PUBLISH PUBACK PUBREC PUBREL PUBCOMP SUBSCRIBE SUBACK UNSUBSCRIBE UNSUBACK PINGREQ PINGRESP',
    'DISCONNECT AUTH MQTT QoS Q0 Q1 Q2 TCP RST DUP RETAIN UTF-8 ID',
    // the diagram's flag marks beside a packet's name: R = RETAIN
    'R',
    // keys, the other language's own name, file formats and tools
    'Ctrl Tab Enter Esc Home/End PgUp/PgDn PageUp PageDown P W Shift Alt English PNG SVG JSON Wireshark xxd hexdump pcap pcapng',
    // other programs named by what they do (the QoS 1 preset says which clients resend on a timer)
    'Paho C Python MQTT.js libmosquitto mosquitto retryInterval',
  ]
    .join(' ')
    .split(' '),
);
const RULE_ID = /^MQTT-[\d.]+-\d+$/;
/** A byte in hex, as the inspector's hex grid shows it ("E2", "AC"). */
const HEX_BYTE = /^[0-9A-F]{2}$/;

/** What the runs on screen chose: client ids, topics, filters, payloads. */
function chosenWords(scenarios: readonly Scenario[]): Set<string> {
  const words = new Set<string>();
  const add = (text: unknown) => {
    if (typeof text !== 'string') return;
    for (const word of tokens(text)) words.add(word);
  };
  for (const scenario of scenarios) {
    for (const client of scenario.clients) {
      add(client.id);
      add(client.will?.topic);
      add(client.will?.payload);
    }
    for (const step of scenario.steps)
      for (const key of ['topic', 'filter', 'payload'] as const) add((step as Record<string, unknown>)[key]);
  }
  return words;
}

/** English words in a text: a letter, then letters, digits and topic characters, not inside a hex number. */
function tokens(text: string): string[] {
  return [...text.matchAll(/(?<![0-9A-Za-z])[A-Za-z][A-Za-z0-9_./+#-]*/g)].map((m) => m[0].replace(/[.\-/]+$/, ''));
}

let lab: Lab;
let page: Awaited<ReturnType<Lab['page']>>;
let chosen: Set<string>;
beforeAll(async () => {
  const lessonScenarios = await Promise.all(
    ['09-qos1', '12-will'].map(async (id) => (await import(`../../lessons/${id}/scenario.ts`)).default),
  );
  chosen = chosenWords([
    ...PRESETS.map((p) => p.scenario),
    ...lessonScenarios.flatMap((lesson: { scenarios: Record<string, Scenario> }) => Object.values(lesson.scenarios)),
  ]);
  lab = await startLab();
  page = await lab.page({ width: 1920, height: 1080, locale: 'zh-CN' });
  page.setDefaultTimeout(WAIT_MS);
  await page.addInitScript(() => {
    localStorage.setItem('mqtt-lab.language', 'zh');
    localStorage.setItem('mqtt-lab.presenter', '0');
    localStorage.setItem('mqtt-lab.test-handle', '1');
  });
});
afterAll(async () => {
  await lab?.close();
});

/** English words on screen that are none of the allowed ones, each with the text it was found in. */
async function englishOnScreen(): Promise<Array<[string, string]>> {
  const found: Array<[string, string]> = await page.evaluate(() => {
    const out: Array<[string, string]> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent ?? '';
      if (!element || !/[A-Za-z]/.test(text)) continue;
      const skipped = '[hidden], [aria-hidden="true"], script, style, [lang="en"], em';
      if (element.closest(skipped) || !element.getClientRects().length) continue;
      // a gloss in full-width parentheses after its Chinese term: 保持连接（Keep Alive）; and data
      // quoted as data (a payload or topic the page's example chose: “hello”)
      const unglossed = text.replace(/（[A-Za-z][A-Za-z0-9 ,'-]*）/g, '').replace(/[“"][^”"]*[”"]/g, '');
      out.push([unglossed, text.trim().slice(0, 100)]);
    }
    return out;
  });
  const bad: Array<[string, string]> = [];
  for (const [text, context] of found)
    for (const word of tokens(text))
      if (!ALLOWED.has(word) && !RULE_ID.test(word) && !HEX_BYTE.test(word) && !isChosen(word))
        bad.push([word, context]);
  return bad;
}

/** One line per English word found, with where and the text it was in: short enough to read in a failure. */
function summary(problems: ReadonlyArray<readonly string[]>): string[] {
  const seen = new Map<string, string>();
  for (const [where, word, context] of problems) if (!seen.has(word)) seen.set(word, `${word} @ ${where}: ${context}`);
  return [...seen.values()];
}

/** A client id, topic or payload of the run, whole or cut short for a label ("home/kitchen/tem…"). */
function isChosen(word: string): boolean {
  if (chosen.has(word)) return true;
  for (const c of chosen) if (word.length >= 3 && c.startsWith(word)) return true;
  return false;
}

async function rendered(): Promise<void> {
  await page.waitForFunction(() => {
    const controls = document.querySelector('[data-panel="Controls"]');
    return controls !== null && Number(controls.getAttribute('data-seq')) === window.__mqttLab?.seq;
  });
}

async function showTab(tab: string): Promise<void> {
  await page.locator(`[data-tab="${tab}"]`).click();
  await page.locator(`#lab-side-${tab}`).waitFor();
}

describe('zh: the lab', () => {
  // 180 s: twelve screens a preset (four stops, three panels), each waited for until drawn
  test.each(PRESETS.map((p) => p.id))('%s at four stops, every side panel', { timeout: 180_000 }, async (id) => {
    await page.goto(`${lab.url}#/lab?p=${id}&lang=zh`);
    await page.waitForFunction(() => window.__mqttLab !== undefined);
    // every event told, the minor ones too (a timer stopped names its flow)
    await page.locator('[data-panel="Narration"] label.all input').check();
    const problems: Array<[string, string, string]> = [];
    for (const fraction of [0.15, 0.45, 0.75, 1]) {
      await page.evaluate((f) => {
        const lab = window.__mqttLab!;
        lab.end();
        lab.seekTime(lab.endMs * f);
        // the last PUBLISH sent so far, in the inspector
        let publish = -1;
        for (let i = Math.min(lab.seq, lab.trace.length - 1); i >= 0 && publish < 0; i--) {
          const e = lab.trace[i];
          if (e.kind === 'send' && e.packet.type === 'PUBLISH') publish = e.seq;
        }
        lab.selection = publish >= 0 ? { send: publish } : null;
      }, fraction);
      await rendered();
      for (const tab of ['state', 'actions', 'inspector']) {
        await showTab(tab);
        for (const [word, context] of await englishOnScreen()) problems.push([`${fraction}/${tab}`, word, context]);
      }
    }
    expect(summary(problems)).toEqual([]);
  });
});

test('zh: the packet explainer', async () => {
  await page.goto(`${lab.url}#/explain?x=300a0003612f6268656c6c6f&lang=zh`);
  await page.locator('.packet-view').first().waitFor();
  expect(summary((await englishOnScreen()).map(([word, context]) => ['explainer', word, context]))).toEqual([]);
});

test.each(['09-qos1', '12-will'])('zh: lesson %s, its first steps', async (id) => {
  await page.goto(`${lab.url}#/lessons/${id}?lang=zh`);
  const lesson = page.locator(`[data-lesson="${id}"]`);
  const heading = lesson.locator('.prose-column h3');
  await heading.waitFor();
  const problems: Array<[string, string, string]> = [];
  for (let step = 0; step < 3; step++) {
    for (const [word, context] of await englishOnScreen()) problems.push([`step ${step + 1}`, word, context]);
    const next = lesson.locator('.nav .primary');
    if (await next.isDisabled()) break;
    const before = await heading.innerText();
    await next.click();
    await expect.poll(() => heading.innerText()).not.toBe(before);
  }
  expect(summary(problems)).toEqual([]);
});
