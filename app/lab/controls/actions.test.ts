/**
 * The forms of the actions panel: what they accept becomes an action the engine runs; what they
 * refuse is refused with the codec's own rule, named by field, in both languages. Also the keys
 * and the numbers of the controls.
 */
import { type Scenario, createSimulation, traceToJson } from '$engine';
import { describe, expect, test } from 'vitest';
import { tIn } from '../../i18n/i18n.svelte.ts';
import { Lab } from '../lab.svelte.ts';
import {
  LINK_PRESETS,
  addClient,
  linkAction,
  linkPreset,
  publishAction,
  subscribeAction,
  unsubscribeAction,
} from './actions.ts';
import { SPEEDS, formatSeconds, formatSpeed, speedAt, speedIndex } from '../format.ts';
import { type Phrase, sentence } from '../phrase.ts';
import { presetById } from '../presets.ts';

const scenario = presetById('empty')!.scenario;
const v5: Scenario = { ...scenario, version: 5 };
const en = (p: Phrase) => sentence(p, (key, params) => tIn('en', key, params));
const zh = (p: Phrase) => sentence(p, (key, params) => tIn('zh', key, params));
const noLink = { delayMs: '', jitterMs: '', lossPercent: '', duplicatePercent: '', reorderPercent: '' };

/** An accepted action runs in the engine without complaint. */
function runs(action: object): void {
  const sim = createSimulation(scenario);
  sim.runUntil(500);
  expect(() => {
    sim.act(action as never);
    sim.run();
  }).not.toThrow();
}

function refused(built: { ok: boolean; problems?: Array<{ field: string; problem: Phrase }> }) {
  expect(built.ok).toBe(false);
  const problems = built.problems ?? [];
  for (const { problem } of problems) {
    expect(en(problem)).not.toMatch(/\{\{|lab\.|error\./);
    expect(zh(problem)).toMatch(/[\u4e00-\u9fff]/);
  }
  return problems.map((p) => [p.field, en(p.problem)]);
}

describe('publish', () => {
  test('a good publish becomes an action that runs', () => {
    const built = publishAction(scenario, 'sensor', { topic: 'home/temp', payload: '21.5', qos: '1', retain: true });
    expect(built).toEqual({
      ok: true,
      value: { do: 'publish', client: 'sensor', topic: 'home/temp', payload: '21.5', qos: 1, retain: true },
    });
    if (built.ok) runs(built.value);
  });

  test.each([
    ['a wildcard +', 'home/+/temp', /must not contain the wildcard "\+"/],
    ['a wildcard #', 'home/#', /must not contain the wildcard "#"/],
    ['nothing', '', /at least one character/],
    ['a null character', 'a\u0000b', /null character/],
  ])('a topic with %s is refused with the codec’s rule', (_name, topic, message) => {
    const problems = refused(publishAction(scenario, 'sensor', { topic, payload: '', qos: 0, retain: false }));
    expect(problems[0][0]).toBe('topic');
    expect(problems[0][1]).toMatch(message);
  });

  test('QoS 3 is refused', () => {
    expect(refused(publishAction(scenario, 'sensor', { topic: 't', payload: '', qos: '3', retain: false }))).toEqual([
      ['qos', 'QoS is 0, 1 or 2.'],
    ]);
  });

  test('5.0: an expiry in whole seconds travels as the Message Expiry Interval; 3.1.1 has no such box', () => {
    const form = { topic: 't', payload: 'x', qos: '1', retain: false };
    expect(publishAction(v5, 'sensor', { ...form, expiryS: ' 30 ' })).toEqual({
      ok: true,
      value: {
        do: 'publish',
        client: 'sensor',
        topic: 't',
        payload: 'x',
        qos: 1,
        properties: { messageExpiryIntervalS: 30 },
      },
    });
    expect(JSON.stringify(publishAction(v5, 'sensor', { ...form, expiryS: '' }))).not.toContain('properties');
    for (const bad of ['soon', '-1', '1.5', '4294967296'])
      expect(refused(publishAction(v5, 'sensor', { ...form, expiryS: bad })), bad).toEqual([
        ['expiryS', 'A whole number from 0 to 4294967295.'],
      ]);
    expect(publishAction(scenario, 'sensor', { ...form, expiryS: '30' })).toMatchObject({
      ok: true,
      value: { qos: 1 },
    });
    expect(JSON.stringify(publishAction(scenario, 'sensor', { ...form, expiryS: '30' }))).not.toContain('properties');
  });

  test('a payload over 64 KiB is refused', () => {
    const problems = refused(
      publishAction(scenario, 'sensor', { topic: 't', payload: 'x'.repeat(70_000), qos: 0, retain: false }),
    );
    expect(problems[0][0]).toBe('payload');
  });
});

describe('subscribe and unsubscribe', () => {
  test('good filters become actions that run', () => {
    for (const filter of ['#', 'home/+/temp', 'home/#', '+', '$SYS/#']) {
      const built = subscribeAction(scenario, 'app', { filter, qos: 2 });
      expect(built.ok, filter).toBe(true);
      if (built.ok) runs(built.value);
      expect(unsubscribeAction(scenario, 'app', { filter }).ok).toBe(true);
    }
  });

  test.each([
    ['home/#/temp', /"#" must be the last/],
    ['home#', /"#" must be the last/],
    ['home/te+mp', /"\+" must occupy a whole level/],
    ['', /at least one character/],
  ])('the filter %s is refused', (filter, message) => {
    const problems = refused(subscribeAction(scenario, 'app', { filter, qos: 1 }));
    expect(problems).toHaveLength(1);
    expect(problems[0][1]).toMatch(message);
    expect(refused(unsubscribeAction(scenario, 'app', { filter }))[0][1]).toMatch(message);
  });

  test('a shared subscription is checked as 5.0 checks it', () => {
    expect(subscribeAction(v5, 'app', { filter: '$share/g/home/#', qos: 1 }).ok).toBe(true);
    expect(refused(subscribeAction(v5, 'app', { filter: '$share//home', qos: 1 }))[0][1]).toMatch(
      /shared subscription/,
    );
  });
});

describe('the link', () => {
  test('settings become a set-link action; empty boxes are left as they are', () => {
    expect(linkAction('sensor', 'up', { ...noLink, delayMs: '80', lossPercent: '2.5' })).toEqual({
      ok: true,
      value: { do: 'set-link', client: 'sensor', direction: 'up', delayMs: 80, lossRatio: 0.025 },
    });
  });

  test.each([
    ['delayMs', '-1'],
    ['delayMs', 'fast'],
    ['delayMs', '1.5'],
    ['jitterMs', '999999'],
    ['lossPercent', '101'],
    ['duplicatePercent', '1e2'],
    ['reorderPercent', 'NaN'],
  ])('%s = %s is refused', (field, value) => {
    const problems = refused(linkAction('sensor', 'both', { ...noLink, [field]: value }));
    expect(problems.map((p) => p[0])).toEqual([field]);
    expect(problems[0][1]).toMatch(/number from/);
  });

  test('nothing filled in is refused', () => {
    expect(refused(linkAction('sensor', 'both', noLink))).toEqual([
      ['delayMs', 'Fill in at least one setting to change.'],
    ]);
  });

  test('the named presets are what they say, and run', () => {
    expect(linkPreset('mobile', 'sensor', 'both')).toMatchObject({ delayMs: 80, jitterMs: 40, lossRatio: 0.02 });
    expect(linkPreset('bad', 'sensor', 'down')).toMatchObject({
      direction: 'down',
      delayMs: 300,
      jitterMs: 200,
      lossRatio: 0.2,
    });
    expect(linkPreset('outage', 'sensor', 'both')).toEqual({ do: 'cut', client: 'sensor' });
    for (const id of LINK_PRESETS) runs(linkPreset(id, 'sensor', 'both'));
  });
});

describe('a new client', () => {
  const form = { id: 'lamp', keepAliveS: '30', clean: false, willTopic: 'status/lamp', willPayload: 'gone' };

  test('joins the scenario, which still runs', () => {
    const built = addClient(scenario, form);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.clients.at(-1)).toEqual({
      id: 'lamp',
      keepAliveS: 30,
      clean: false,
      will: { topic: 'status/lamp', payload: 'gone', qos: 1 },
    });
    expect(() =>
      createSimulation({ ...built.value, steps: [{ atMs: 0, do: 'connect', client: 'lamp' }] }).run(),
    ).not.toThrow();
  });

  test.each([
    ['a taken name', { id: 'sensor' }, 'id', /already taken/],
    ['the broker’s name', { id: 'broker' }, 'id', /already taken/],
    ['a name with a space', { id: 'my lamp' }, 'id', /without spaces/],
    ['a name with a slash', { id: 'a/b' }, 'id', /without spaces/],
    ['no name', { id: '' }, 'id', /1 to 64 characters/],
    ['a keepalive out of range', { keepAliveS: '70000' }, 'keepAliveS', /whole number from 0 to 65535/],
    ['a will topic with a wildcard', { willTopic: 'status/#' }, 'willTopic', /wildcard/],
  ])('%s is refused', (_name, change, field, message) => {
    const problems = refused(addClient(scenario, { ...form, ...change }));
    expect(problems[0][0]).toBe(field);
    expect(problems[0][1]).toMatch(message);
  });
});

describe('acting now', () => {
  test('on an event with others at the same millisecond, everything shown stays as it was', () => {
    const lab = new Lab();
    lab.load({ scenario, seed: 1, actions: [] }, 'empty');
    lab.end();
    const before = traceToJson(lab.trace);
    // an event followed by others in the same millisecond
    const seq = lab.trace.findIndex((e, i) => i > 0 && lab.trace[i + 1]?.atMs === e.atMs && e.atMs > 0);
    lab.seekSeq(seq);
    lab.act({ do: 'crash', client: 'sensor' });
    expect(lab.seq).toBe(seq);
    expect(traceToJson(lab.trace.slice(0, seq + 1))).toBe(JSON.stringify(JSON.parse(before).slice(0, seq + 1)));
    expect(lab.timeline.actions[0].atMs).toBe(lab.trace[seq].atMs + 1);
  });

  test('between events, at the cursor’s time', () => {
    const lab = new Lab();
    lab.load({ scenario, seed: 1, actions: [] }, 'empty');
    lab.seekTime(1_234.5);
    lab.act({ do: 'crash', client: 'sensor' });
    expect(lab.timeline.actions[0].atMs).toBe(1_235);
  });
});

describe('numbers on the controls', () => {
  test('speed on a 1-2-5 log scale from 0.01× to 10×', () => {
    expect(SPEEDS[0]).toBe(0.01);
    expect(SPEEDS.at(-1)).toBe(10);
    expect(SPEEDS.map(formatSpeed)).toEqual(['0.01', '0.02', '0.05', '0.1', '0.2', '0.5', '1', '2', '5', '10']);
    expect(speedAt(speedIndex(0.1))).toBe(0.1);
    expect(speedAt(speedIndex(0.3))).toBe(0.2);
    expect(speedAt(99)).toBe(10);
  });

  test('time in seconds', () => {
    expect(formatSeconds(1250)).toBe('1.25');
    expect(formatSeconds(0)).toBe('0.00');
    expect(formatSeconds(-5)).toBe('0.00');
  });
});
