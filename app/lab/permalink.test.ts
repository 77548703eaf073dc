/**
 * Links and files: a run written to an address (or a file) and read back is the same run, at the
 * same step; a damaged or hostile one is refused with a message that names what was wrong, and
 * reading it never throws.
 */
import { type Scenario, type Step, traceToJson } from '$engine';
import LZString from 'lz-string';
import { describe, expect, test } from 'vitest';
import { tIn } from '../i18n/i18n.svelte.ts';
import { Lab } from './lab.svelte.ts';
import {
  LIMITS,
  type LinkRead,
  type Run,
  canonical,
  defaultRun,
  readQuery,
  readRunFile,
  writeQuery,
  writeRunFile,
} from './permalink.ts';
import { type Phrase, sentence } from './phrase.ts';
import { presetById } from './presets.ts';

const z = (value: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(value));
const en = (p: Phrase) => sentence(p, (key, params) => tIn('en', key, params));
const zh = (p: Phrase) => sentence(p, (key, params) => tIn('zh', key, params));
const presetRun = (id: string, actions: Step[] = [], seed?: number): Run => {
  const scenario = presetById(id)!.scenario;
  return { timeline: { scenario, seed: seed ?? scenario.seed ?? 1, actions }, presetId: id };
};

/** The run a lab shows after loading what a link says, and the trace it makes. */
function replay(read: LinkRead) {
  if (read.kind !== 'ok') throw new Error(`not ok: ${JSON.stringify(read)}`);
  const lab = new Lab();
  lab.load(read.run.timeline, read.run.presetId, { seq: read.cursor.seq });
  if (read.cursor.timeMs !== undefined) lab.seekTime(read.cursor.timeMs);
  return lab;
}

describe('a link reproduces the run at the same step', () => {
  test('a preset untouched is just its id (and the cursor)', () => {
    expect(writeQuery(presetRun('qos1-lost-puback'), { seq: -1 })).toBe('p=qos1-lost-puback');
    expect(writeQuery(presetRun('qos1-lost-puback'), { seq: 42 })).toBe('p=qos1-lost-puback&at=42');
    expect(writeQuery(presetRun('qos0-lossy', [], 9), { seq: 3 })).toBe('p=qos0-lossy&seed=9&at=3');
  });

  test('round trip: preset, actions, seed, cursor between events → same trace, same place', () => {
    const original = new Lab();
    const run = presetRun('persistent-session');
    original.load(run.timeline, run.presetId);
    original.seekTime(1_900);
    original.act({ do: 'publish', client: 'sensor', topic: 'orders/9', payload: '<script>alert(1)</script>', qos: 2 });
    original.seekTime(2_345.5);
    const query = writeQuery(
      { timeline: original.timeline, presetId: original.presetId },
      { seq: original.seq, timeMs: original.timeMs },
    )!;
    expect(query).toMatch(/^p=persistent-session&a=[A-Za-z0-9+$-]+&at=\d+&ms=2346$/);
    const copy = replay(readQuery(query));
    expect(copy.seq).toBe(original.seq);
    expect(copy.timeline.actions).toEqual(original.timeline.actions);
    original.end();
    copy.end();
    expect(traceToJson(copy.trace)).toBe(traceToJson(original.trace));
  });

  test('round trip: a scenario of its own, compressed, with another seed', () => {
    const scenario: Scenario = {
      title: 'mine',
      transport: 'lossy',
      clients: [
        { id: 'a', keepAliveS: 3 },
        { id: 'b', link: { lossRatio: 0.3 } },
      ],
      steps: [
        { atMs: 0, do: 'connect', client: 'a' },
        { atMs: 0, do: 'connect', client: 'b' },
        { atMs: 100, do: 'subscribe', client: 'b', filter: '#', qos: 1 },
        { atMs: 300, do: 'publish', client: 'a', topic: 'x', payload: '温度', qos: 1 },
      ],
    };
    const run: Run = { timeline: { scenario, seed: 77, actions: [] }, presetId: null };
    const query = writeQuery(run, { seq: 12 })!;
    expect(query).toMatch(/^s=[A-Za-z0-9+$-]+&seed=77&at=12$/);
    const read = readQuery(query);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(canonical(read.run.timeline.scenario)).toBe(canonical(scenario));
    expect(read.run.timeline.seed).toBe(77);
    expect(read.cursor).toEqual({ seq: 12 });
  });

  test('every preset round-trips', () => {
    for (const id of ['qos0-lossy', 'qos1-lost-puback', 'qos2-losses', 'keepalive-will', 'retained', 'empty']) {
      const read = readQuery(writeQuery(presetRun(id, [{ atMs: 1_000, do: 'crash', client: 'sensor' }]), { seq: 7 })!);
      expect(read.kind, id).toBe('ok');
      if (read.kind === 'ok') expect(read.run.presetId).toBe(id);
    }
  });

  test('a run too big for an address is not written', () => {
    const actions: Step[] = Array.from({ length: 900 }, (_, i) => ({
      atMs: i,
      do: 'publish',
      client: 'sensor',
      topic: `t/${i}`,
      payload: Math.random().toString(36).repeat(8),
      qos: 0,
    }));
    expect(writeQuery(presetRun('empty', actions), { seq: 0 })).toBeNull();
  });

  test('an empty address is no link at all', () => {
    expect(readQuery('')).toEqual({ kind: 'none' });
    expect(readQuery('&&')).toEqual({ kind: 'none' });
  });
});

// ---------------------------------------------------------------- hostile and damaged links

const valid = presetById('qos1-lost-puback')!.scenario;
const deep = (n: number): unknown => (n === 0 ? 1 : [deep(n - 1)]);

/** [what the link is, the query, a word the message must contain (in English)] */
const BAD_LINKS: Array<[string, string, RegExp]> = [
  ['an unknown preset', 'p=qos9', /no built-in scenario called “qos9”/],
  ['a preset id full of markup', `p=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, /no built-in scenario/],
  ['broken %-encoding', 'p=%E0%A4%A', /not correctly %-encoded/],
  ['an unknown part', 'p=retained&x=1', /part “x”/],
  ['a part twice', 'p=retained&p=qos0-lossy', /appears twice/],
  ['both a preset and a scenario', `p=retained&s=${z(valid)}`, /both a built-in scenario/],
  ['no scenario at all', 'at=3', /names no scenario/],
  ['a negative seed', 'p=retained&seed=-4', /seed “-4”/],
  ['a seed that is not a number', 'p=retained&seed=abc', /seed “abc”/],
  ['a seed too large', 'p=retained&seed=99999999999', /seed/],
  ['a cursor that is not a number', 'p=retained&at=x', /position “x”/],
  ['an absurd cursor', 'p=retained&at=123456789', /position/],
  ['a cursor below -1', 'p=retained&at=-5', /position/],
  ['a time that is not a number', 'p=retained&at=1&ms=1e9', /time “1e9”/],
  ['scenario data that is not lz-string', 's=NoWayThisIsLz', /could not be decompressed|not valid JSON/],
  ['scenario data with foreign characters', 's=%F0%9F%92%A9%F0%9F%92%A9', /could not be decompressed/],
  ['a cut-off scenario', `s=${z(valid).slice(0, 40)}`, /could not be decompressed|not valid JSON/],
  ['scenario data that is not JSON', `s=${LZString.compressToEncodedURIComponent('{clients: [')}`, /not valid JSON/],
  ['a scenario that is a number', `s=${z(42)}`, /expects an object/],
  ['a scenario that is null', `s=${z(null)}`, /expects an object/],
  ['a scenario without clients', `s=${z({ steps: [] })}`, /clients/],
  ['an unknown key in the scenario', `s=${z({ ...valid, evil: 1 })}`, /evil/],
  [
    '__proto__ in the scenario',
    `s=${LZString.compressToEncodedURIComponent(`{"clients":[],"steps":[],"__proto__":{"polluted":1}}`)}`,
    /“__proto__”/,
  ],
  [
    'constructor.prototype in the scenario',
    `s=${z({ clients: [], steps: [], constructor: { prototype: { x: 1 } } })}`,
    /“constructor”/,
  ],
  [
    'a step with QoS 3',
    `s=${z({ clients: [{ id: 'a' }], steps: [{ atMs: 0, do: 'publish', client: 'a', topic: 't', payload: '', qos: 3 }] })}`,
    /steps\[0\]\.qos/,
  ],
  [
    'a step naming a client that does not exist',
    `s=${z({ clients: [{ id: 'a' }], steps: [{ atMs: 0, do: 'connect', client: 'ghost' }] })}`,
    /one of the clients/,
  ],
  ['a client called broker', `s=${z({ clients: [{ id: 'broker' }], steps: [] })}`, /other than “broker”/],
  ['two clients with one name', `s=${z({ clients: [{ id: 'a' }, { id: 'a' }], steps: [] })}`, /not used before/],
  ['a client name with a space', `s=${z({ clients: [{ id: 'a b' }], steps: [] })}`, /without spaces/],
  [
    'steps out of time order',
    `s=${z({
      clients: [{ id: 'a' }],
      steps: [
        { atMs: 5, do: 'connect', client: 'a' },
        { atMs: 1, do: 'crash', client: 'a' },
      ],
    })}`,
    /time order/,
  ],
  [
    'a publish to a wildcard topic',
    `s=${z({ clients: [{ id: 'a' }], steps: [{ atMs: 0, do: 'publish', client: 'a', topic: 'a/+', payload: '', qos: 0 }] })}`,
    /wildcard “\+”|wildcard "\+"/,
  ],
  [
    'a subscription to a broken filter',
    `s=${z({ clients: [{ id: 'a' }], steps: [{ atMs: 0, do: 'subscribe', client: 'a', filter: 'a/#/b', qos: 0 }] })}`,
    /"#" must be the last/,
  ],
  [
    'a topic with a null character',
    `s=${z({ clients: [{ id: 'a' }], steps: [{ atMs: 0, do: 'publish', client: 'a', topic: 'a\u0000b', payload: '', qos: 0 }] })}`,
    /null character/,
  ],
  ['a scenario seed past 32 bits', `s=${z({ seed: 1e308, clients: [{ id: 'a' }], steps: [] })}`, /at most 4294967295/],
  ['a negative scenario seed', `s=${z({ seed: -1, clients: [{ id: 'a' }], steps: [] })}`, /at least 0/],
  [
    'too many clients',
    `s=${z({ clients: Array.from({ length: 40 }, (_, i) => ({ id: `c${i}` })), steps: [] })}`,
    /clients is over/,
  ],
  ['a run of ten hours', `s=${z({ clients: [{ id: 'a' }], steps: [], untilMs: 36_000_000 })}`, /untilMs is over/],
  ['a retry timer of 0 ms', `s=${z({ clients: [{ id: 'a', retryMs: 0 }], steps: [] })}`, /retryMs must be at least/],
  [
    'a delay of a day',
    `s=${z({ clients: [{ id: 'a', link: { delayMs: 86_400_000 } }], steps: [] })}`,
    /delayMs is over/,
  ],
  ['nesting 40 deep', `s=${z({ clients: [], steps: [], title: deep(40) })}`, /nested deeper/],
  ['a huge compressed part', `s=${'A'.repeat(LIMITS.compressedChars + 10)}`, /longer than/],
  ['a huge address', `p=retained&${'x'.repeat(LIMITS.queryChars)}`, /longer than/],
  ['actions that are not a list', `p=retained&a=${z({ do: 'crash' })}`, /not a list/],
  [
    'an action for a client that does not exist',
    `p=retained&a=${z([{ atMs: 0, do: 'crash', client: 'ghost' }])}`,
    /actions\[0\]\.client/,
  ],
  [
    'an action of an unknown kind',
    `p=retained&a=${z([{ atMs: 0, do: 'explode', client: 'sensor' }])}`,
    /actions\[0\]\.do/,
  ],
  [
    'actions out of order',
    `p=retained&a=${z([
      { atMs: 9, do: 'crash', client: 'sensor' },
      { atMs: 1, do: 'crash', client: 'sensor' },
    ])}`,
    /time order/,
  ],
  [
    'a repeat that makes more publishes than the lab runs steps',
    `p=retained&a=${z([{ atMs: 0, do: 'publish', client: 'sensor', topic: 't', payload: 'x', qos: 0, every: 50, times: 2_001 }])}`,
    /actions.*over the lab’s limit/,
  ],
  [
    'a repeat whose last publish is past the lab’s time limit',
    `p=retained&a=${z([{ atMs: 1_000, do: 'publish', client: 'sensor', topic: 't', payload: 'x', qos: 0, every: 600_000, times: 2 }])}`,
    /actions\[0\]\.times.*over the lab’s limit/,
  ],
  [
    'too many actions',
    `p=retained&a=${z(Array.from({ length: 1_200 }, () => ({ atMs: 0, do: 'cut', client: 'sensor' })))}`,
    /over the lab’s limit/,
  ],
];

describe('a damaged or hostile link gets a message naming what was wrong', () => {
  test(`there are at least 30 cases (${BAD_LINKS.length})`, () => {
    expect(BAD_LINKS.length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, query, expected] of BAD_LINKS) {
    test(name, () => {
      let read: LinkRead | undefined;
      expect(() => (read = readQuery(query))).not.toThrow();
      expect(read!.kind).toBe('bad');
      if (read!.kind !== 'bad') return;
      const english = en(read!.problem);
      expect(english).toMatch(expected);
      const chinese = zh(read!.problem);
      expect(chinese).toMatch(/[\u4e00-\u9fff]/);
      for (const text of [english, chinese]) expect(text).not.toMatch(/\{\{|lab\.link|undefined/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  test('a topic the codec refuses reads as a sentence, the rule in its own words, in both languages', () => {
    const read = readQuery(
      `s=${z({ clients: [{ id: 'a' }], steps: [{ atMs: 0, do: 'publish', client: 'a', topic: 'a/+', payload: '', qos: 0 }] })}`,
    );
    if (read.kind !== 'bad') throw new Error('a wildcard topic was accepted');
    expect(en(read.problem)).toBe(
      'the scenario in the link is not valid: at steps[0].topic, "a/+" is refused: A topic name must not contain the wildcard "+".',
    );
    expect(zh(read.problem)).toBe('链接中的场景无效：steps[0].topic 处的 "a/+" 不被接受：主题名不能包含通配符“+”。');
  });

  test('a file whose scenario seed is past the Seed box’s range is refused, not run as seed 0', () => {
    const file = JSON.parse(writeRunFile(defaultRun()));
    delete file.seed;
    file.scenario.seed = 1e308;
    const read = readRunFile(JSON.stringify(file));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(en(read.problem)).toMatch(/seed.*at most 4294967295/);
  });

  test('markup in a valid scenario stays text', () => {
    const scenario: Scenario = {
      title: '<img src=x onerror=alert(1)>',
      clients: [{ id: '<b>' }],
      steps: [{ atMs: 0, do: 'connect', client: '<b>' }],
    };
    const read = readQuery(`s=${z(scenario)}`);
    expect(read.kind).toBe('ok');
  });
});

// ---------------------------------------------------------------- files

describe('files', () => {
  test('a saved run opens as the same run', () => {
    const run = presetRun('retained', [{ atMs: 500, do: 'crash', client: 'late' }], 5);
    const read = readRunFile(writeRunFile(run));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.run.presetId).toBe('retained');
    expect(read.run.timeline.seed).toBe(5);
    expect(read.run.timeline.actions).toEqual(run.timeline.actions);
  });

  test('a bare scenario opens too', () => {
    const read = readRunFile(
      JSON.stringify({ clients: [{ id: 'x' }], steps: [{ atMs: 0, do: 'connect', client: 'x' }] }),
    );
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.run.presetId).toBeNull();
  });

  test('a file naming a preset but holding another scenario is not that preset', () => {
    const file = JSON.parse(writeRunFile(defaultRun()));
    file.scenario.steps = [];
    const read = readRunFile(JSON.stringify(file));
    expect(read.ok && read.run.presetId).toBe(null);
  });

  const BAD_FILES: Array<[string, string, RegExp]> = [
    ['not JSON', 'hello', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['a list', '[1,2]', /neither a saved lab run/],
    ['another program’s JSON', '{"name":"x"}', /neither a saved lab run/],
    ['a run of another version', '{"format":"mqtt-lab-run","version":2}', /version “2”/],
    ['a run with an extra key', JSON.stringify({ ...JSON.parse(writeRunFile(defaultRun())), extra: 1 }), /“extra”/],
    ['a run with a bad seed', JSON.stringify({ ...JSON.parse(writeRunFile(defaultRun())), seed: 1.5 }), /seed/],
    [
      'a run with bad actions',
      JSON.stringify({ ...JSON.parse(writeRunFile(defaultRun())), actions: [{ do: 'x' }] }),
      /actions/,
    ],
    ['__proto__', '{"__proto__":{"polluted":true},"clients":[],"steps":[]}', /“__proto__”/],
    ['a huge file', ' '.repeat(LIMITS.fileBytes + 1), /larger than/],
  ];
  for (const [name, text, expected] of BAD_FILES) {
    test(`refused: ${name}`, () => {
      const read = readRunFile(text);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(en(read.problem)).toMatch(expected);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe('a repeating publish in a link', () => {
  test('stays one action long and replays as its publishes', () => {
    const repeat: Step = {
      atMs: 1_000,
      do: 'publish',
      client: 'sensor',
      topic: 'orders/repeat',
      payload: 'reading',
      qos: 1,
      every: 500,
      times: 20,
    };
    const query = writeQuery(presetRun('persistent-session', [repeat]), { seq: -1 })!;
    expect(query.length).toBeLessThan(200);
    const lab = replay(readQuery(query));
    lab.seekTime(lab.endMs);
    const steps = lab.trace.filter(
      (e) => e.kind === 'step' && e.step.do === 'publish' && e.step.topic === 'orders/repeat',
    );
    expect(steps).toHaveLength(20);
    expect(steps.at(-1)).toMatchObject({ atMs: 10_500, step: { payload: 'reading 20' } });
  });
});
