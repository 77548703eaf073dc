import { describe, expect, test } from 'vitest';
import { validateScenario } from './validate.ts';

describe('validateScenario', () => {
  const base = { clients: [{ id: 'a' }], steps: [{ atMs: 0, do: 'connect', client: 'a' }] };

  test('names the path and what was expected', () => {
    const check = validateScenario({
      ...base,
      steps: [{ atMs: 0, do: 'publish', client: 'a', topic: 't', payload: 'x', qos: 3 }],
    });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0].path).toBe('steps[0].qos');
  });

  test('refuses topics and filters the codec would refuse, with its error code and rule', () => {
    const check = validateScenario({
      ...base,
      clients: [{ id: 'a', will: { topic: 'a/+', payload: 'x', qos: 0 } }],
      steps: [
        { atMs: 0, do: 'connect', client: 'a' },
        { atMs: 1, do: 'publish', client: 'a', topic: 'a/#', payload: 'x', qos: 0 },
        { atMs: 2, do: 'subscribe', client: 'a', filter: 'a/#/b', qos: 0 },
      ],
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => [p.path, p.code])).toEqual([
      ['clients[0].will.topic', 'topic-wildcard'],
      ['steps[1].topic', 'topic-wildcard'],
      ['steps[2].filter', 'filter-hash-position'],
    ]);
    expect(check.problems[2].rule).toBe('MQTT-4.7.1-2');
  });

  test('5.0 refuses timer resends: "MUST NOT resend messages at any other time" [MQTT-4.4.0-1]', () => {
    const timers = {
      ...base,
      clients: [{ id: 'a', retryMs: 1_000 }],
      broker: { retryMs: 800 },
    };
    const v5 = validateScenario({ ...timers, version: 5 });
    expect(v5.ok).toBe(false);
    if (!v5.ok) {
      expect(v5.problems.map((p) => p.path)).toEqual(['broker.retryMs', 'clients[0].retryMs']);
      expect(v5.problems.every((p) => p.rule === 'MQTT-4.4.0-1')).toBe(true);
    }
    const lossy = validateScenario({ ...base, version: 5, transport: 'lossy' });
    expect(lossy.ok || lossy.problems.map((p) => p.path)).toEqual(['transport']);
    // 3.1.1 only says a resend on resumption is "the only circumstance" it requires: the textbook timer stays
    expect(validateScenario(timers).ok).toBe(true);
    expect(validateScenario({ ...timers, version: 4, transport: 'lossy' }).ok).toBe(true);
    expect(validateScenario({ ...base, version: 5 }).ok).toBe(true);
  });

  test('a seed is a 32-bit unsigned integer, as the Seed box and the link take it (1e308 is not seed 0)', () => {
    for (const seed of [0, 7, 4_294_967_295]) expect(validateScenario({ ...base, seed }).ok).toBe(true);
    for (const seed of [1e308, 4_294_967_296, -1, 1.5]) {
      const check = validateScenario({ ...base, seed });
      expect(check.ok, `seed ${seed}`).toBe(false);
      if (!check.ok) expect(check.problems[0].path).toBe('seed');
    }
  });

  test('unknown clients, duplicate ids and steps out of time order', () => {
    const check = validateScenario({
      clients: [{ id: 'a' }, { id: 'a' }],
      steps: [
        { atMs: 5, do: 'connect', client: 'b' },
        { atMs: 1, do: 'connect', client: 'a' },
      ],
    });
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.problems.map((p) => p.path)).toEqual(['clients[1].id', 'steps[0].client', 'steps[1].atMs']);
  });

  describe('a corrupt fault', () => {
    const fault = (more: Record<string, unknown>) =>
      validateScenario({
        ...base,
        steps: [...base.steps, { atMs: 1, do: 'fault', from: 'a', packet: 'SUBSCRIBE', ...more }],
      });
    const problems = (check: ReturnType<typeof validateScenario>) =>
      check.ok ? [] : check.problems.map((p) => [p.path, p.expected]);

    test('takes a byte offset and the bits to flip, both optional', () => {
      expect(fault({ fault: 'corrupt' }).ok).toBe(true);
      expect(fault({ fault: 'corrupt', byte: 0, xor: 0x02 }).ok).toBe(true);
      expect(fault({ fault: 'corrupt', byte: 12, xor: 0xff }).ok).toBe(true);
    });

    test('an xor outside 1..255 or a negative or fractional byte is refused, by path', () => {
      expect(problems(fault({ fault: 'corrupt', xor: 0 }))).toEqual([['steps[1].xor', '>=1']]);
      expect(problems(fault({ fault: 'corrupt', xor: 256 }))).toEqual([['steps[1].xor', '<=255']]);
      expect(problems(fault({ fault: 'corrupt', byte: -1 }))).toEqual([['steps[1].byte', '>=0']]);
      expect(problems(fault({ fault: 'corrupt', byte: 1.5 })).map(([path]) => path)).toEqual(['steps[1].byte']);
    });

    test('byte and xor on another kind of fault are refused, naming the path', () => {
      const check = fault({ fault: 'drop', byte: 0, xor: 2 });
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(check.problems.map((p) => p.path)).toEqual(['steps[1].byte', 'steps[1].xor']);
      expect(check.problems[1].expected).toContain('only "corrupt" alters bytes');
      expect(check.problems[1].received).toBe('2');
    });
  });
});
