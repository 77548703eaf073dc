/**
 * The tinkerer's tools: set-up choices (and the pair 5.0 forbids), actions at a typed time, the
 * lab's budget for a repeating publish, the run's end, and what is unfinished when it ends.
 */
import { type Scenario, type Step, validateScenario } from '$engine';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBundle, tIn } from '../../i18n/i18n.svelte.ts';
import { Lab } from '../lab.svelte.ts';
import { LIMITS } from '../permalink.ts';
import { type Phrase, sentence } from '../phrase.ts';
import { presetById } from '../presets.ts';
import { publishAction } from './actions.ts';
import {
  RUN_ON_MS,
  budgetProblem,
  readActionTime,
  setupRefusal,
  unfinishedAt,
  unfinishedPhrases,
  withEnd,
  withSetup,
} from './workbench.ts';

const empty = presetById('empty')!.scenario;
const en = (p: Phrase) => sentence(p, (key, params) => tIn('en', key, params));
const zh = (p: Phrase) => sentence(p, (key, params) => tIn('zh', key, params));
// the panel's strings load with the panel, as a bundle
beforeAll(() => ensureBundle('workbench'));

const emptyLab = (scenario: Scenario = empty, actions: Step[] = []) => {
  const lab = new Lab();
  lab.load({ scenario, seed: 1, actions }, 'empty');
  return lab;
};

describe('the run’s set-up', () => {
  test('each choice gives a scenario the engine accepts; defaults stay unwritten', () => {
    const lossy = withSetup(empty, { transport: 'lossy' })!;
    expect(lossy.transport).toBe('lossy');
    expect(validateScenario(lossy).ok).toBe(true);
    const v5 = withSetup(empty, { version: 5 })!;
    expect(v5.version).toBe(5);
    expect(validateScenario(v5).ok).toBe(true);
    expect(withSetup(lossy, { transport: 'tcp' })).toEqual(empty);
    expect(withSetup(v5, { version: 4 })).toEqual(empty);
  });

  test('5.0 with the lossy model is refused before it is chosen, saying why [MQTT-4.4.0-1]', () => {
    // the engine refuses the pair: a 5.0 sender must not resend on a timer
    const check = validateScenario({ ...empty, version: 5, transport: 'lossy' });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0].rule).toBe('MQTT-4.4.0-1');
    // so the set-up offers neither half of it
    const lossy = withSetup(empty, { transport: 'lossy' })!;
    const v5 = withSetup(empty, { version: 5 })!;
    expect(withSetup(lossy, { version: 5 })).toBeNull();
    expect(withSetup(v5, { transport: 'lossy' })).toBeNull();
    const noV5 = setupRefusal({ version: 5 }, lossy)!;
    const noLossy = setupRefusal({ transport: 'lossy' }, v5)!;
    expect(en(noV5)).toMatch(/MQTT-4\.4\.0-1/);
    expect(en(noLossy)).toMatch(/Choose TCP first/);
    expect(zh(noV5)).toMatch(/[\u4e00-\u9fff]/);
    expect(setupRefusal({ version: 4 }, lossy)).toBeNull();
  });
});

describe('an action at a typed time', () => {
  test('seconds are read as whole ms; empty is the cursor; nonsense is refused', () => {
    expect(readActionTime('')).toEqual({ ok: true, value: undefined });
    expect(readActionTime(' 1.5 ')).toEqual({ ok: true, value: 1_500 });
    expect(readActionTime('2,25')).toEqual({ ok: true, value: 2_250 });
    for (const bad of ['-1', 'soon', '1e3', '601', '1.2345']) expect(readActionTime(bad).ok).toBe(false);
  });

  test('ahead of the cursor: the action happens then, and the cursor stays', () => {
    const lab = emptyLab();
    lab.seekTime(1_000);
    lab.act({ do: 'publish', client: 'sensor', topic: 'lab/t', payload: 'x', qos: 0, atMs: 5_000 });
    expect(lab.timeline.actions).toMatchObject([{ atMs: 5_000, do: 'publish' }]);
    expect(lab.timeMs).toBe(1_000);
    lab.seekTime(lab.endMs);
    const step = lab.trace.find((e) => e.kind === 'step' && e.step.do === 'publish');
    expect(step?.atMs).toBe(5_000);
  });

  test('in the past: the run forks there and the cursor goes to it', () => {
    const lab = emptyLab();
    lab.seekTime(3_000);
    lab.act({ do: 'crash', client: 'app', atMs: 1_200 });
    expect(lab.timeline.actions).toMatchObject([{ atMs: 1_200, do: 'crash' }]);
    expect(lab.timeMs).toBe(1_200);
  });
});

describe('a repeating publish in the actions panel', () => {
  const form = { topic: 'lab/t', payload: 'reading', qos: '1', retain: false };

  test('every and times become one action', () => {
    const built = publishAction(empty, 'sensor', { ...form, every: '1000', times: '5' });
    expect(built).toEqual({
      ok: true,
      value: { do: 'publish', client: 'sensor', topic: 'lab/t', payload: 'reading', qos: 1, every: 1_000, times: 5 },
    });
  });

  test('one box without the other, or out of range, is refused by field', () => {
    const fields = (b: ReturnType<typeof publishAction>) => (b.ok ? [] : b.problems.map((p) => p.field));
    expect(fields(publishAction(empty, 'sensor', { ...form, every: '1000', times: '' }))).toEqual(['times']);
    expect(fields(publishAction(empty, 'sensor', { ...form, every: '10', times: '3' }))).toEqual(['every']);
    expect(fields(publishAction(empty, 'sensor', { ...form, every: '100', times: '0' }))).toEqual(['times']);
  });

  test('the lab’s limits on steps and time still hold', () => {
    const timeline = { scenario: empty, seed: 1, actions: [] };
    const action = { do: 'publish', client: 'sensor', topic: 't', payload: 'x', qos: 0 } as const;
    expect(budgetProblem(timeline, { ...action, every: 100, times: 1_998 }, 0)).toBeNull();
    const steps = budgetProblem(timeline, { ...action, every: 100, times: 1_999 }, 0)!;
    expect(en(steps.problem)).toMatch(/2001 publishes.*at most 2000 steps/);
    const time = budgetProblem(timeline, { ...action, every: 60_000, times: 11 }, 1_000)!;
    expect(en(time.problem)).toMatch(/601 s.*600 s/);
    expect(LIMITS.steps).toBe(2_000);
  });
});

describe('the run’s end', () => {
  test('set later, the run lasts until then; run on adds ten seconds', () => {
    const lab = emptyLab(withEnd(empty, 90_000));
    expect(lab.endMs).toBe(90_000);
    const more = withEnd(lab.scenario, lab.endMs + RUN_ON_MS);
    expect(more.untilMs).toBe(100_000);
    expect(withEnd(empty, 10 * LIMITS.timeMs).untilMs).toBe(LIMITS.timeMs);
  });

  test('at the end, what is on the wire and what is unacknowledged is said, how many and which', () => {
    // the cable is cut at 1 s; the QoS 1 publish at 2 s is never acknowledged; TCP keeps resending it
    const actions: Step[] = [
      { atMs: 1_000, do: 'cut', client: 'sensor' },
      { atMs: 2_000, do: 'publish', client: 'sensor', topic: 'lab/t', payload: 'x', qos: 1 },
    ];
    const lab = emptyLab({ ...empty, clients: [{ id: 'sensor', keepAliveS: 0 }, { id: 'app' }] }, actions);
    lab.seekTime(lab.endMs);
    expect(lab.atEnd).toBe(true);
    const unfinished = unfinishedAt(lab.world);
    expect(unfinished.packets).toEqual([{ type: 'PUBLISH', from: 'sensor', to: 'broker' }]);
    expect(unfinished.flows).toEqual([{ party: 'sensor', packetId: 1 }]);
    const said = unfinishedPhrases(unfinished);
    expect(en(said.packets!)).toBe('At the end, 1 packet is still on its way: PUBLISH sensor → the broker.');
    expect(en(said.flows!)).toMatch(/^1 message is sent but not yet acknowledged: sensor, packet id 1\.$/);
    expect(zh(said.packets!)).toMatch(/结束时仍有 1 个报文在路上/);
  });

  test('a long list is cut short with “…”', () => {
    const packets = Array.from({ length: 6 }, () => ({ type: 'PUBLISH', from: 'sensor', to: 'broker' }));
    expect(en(unfinishedPhrases({ packets, flows: [] }).packets!)).toMatch(/^At the end, 6 packets .*, …\.$/);
  });
});
