/**
 * A run in an address or a file, and back. The address holds what reproduces the screen:
 *
 *   #/lab?p=qos1-lost-puback&at=42                       a built-in scenario, untouched, at event 42
 *   #/lab?p=empty&a=<lz>&at=12                           … with the actions a person took
 *   #/lab?s=<lz>&seed=7&a=<lz>&at=3&ms=1234              any other scenario
 *
 * `s` (a scenario) and `a` (the actions, an array of steps) are JSON compressed with lz-string's
 * compressToEncodedURIComponent; `seed` appears when it is not the scenario's own; `ms` when the
 * cursor sits between two events. A file holds the same as JSON (`RunFile`).
 *
 * Reading never throws and never trusts: every size is bounded before work is done on it, keys
 * that could reach an object's prototype are refused, the scenario goes through validateScenario
 * and the lab's own limits, and every problem comes back as a phrase naming what was wrong.
 */
import { type Scenario, type Step, type ScenarioProblem, repeatSpan, validateScenario } from '$engine';
import LZString from 'lz-string';
import { clientProblem, stepProblem } from './controls/actions.ts';
import { clip } from './narration/narration.ts';
import { type Phrase, phrase } from './phrase.ts';
import { EMPTY, presetById } from './presets.ts';
import type { Timeline } from './timeline.ts';

/** Limits for anything that comes from outside: a link or a file. */
export const LIMITS = {
  /** Characters of the whole query. */
  queryChars: 40_000,
  /** Characters of one compressed part (s or a). */
  compressedChars: 30_000,
  /** Characters of JSON after decompressing, or of a file. */
  jsonChars: 400_000,
  fileBytes: 1_000_000,
  /** Nesting depth of the JSON, and how many values it may hold. */
  depth: 16,
  nodes: 40_000,
  clients: 16,
  steps: 2_000,
  actions: 1_000,
  /** No time (a step, the end of the run, a delay) beyond this. */
  timeMs: 600_000,
  linkDelayMs: 60_000,
  /** Resend and reconnect timers at least this long, so a run cannot spin in place. */
  minRetryMs: 50,
  seed: 4_294_967_295,
  cursor: 1_000_000,
} as const;

export interface Run {
  timeline: Timeline;
  /** A built-in scenario's id, when the scenario is exactly that one. */
  presetId: string | null;
}

export interface Cursor {
  seq: number;
  /** When the cursor sits between events. */
  timeMs?: number;
}

export type LinkRead = { kind: 'none' } | { kind: 'ok'; run: Run; cursor: Cursor } | { kind: 'bad'; problem: Phrase };

export type Checked = { ok: true; run: Run } | { ok: false; problem: Phrase };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const KNOWN_PARAMS = new Set(['p', 's', 'a', 'seed', 'at', 'ms']);

const bad = (key: string, params?: Record<string, string | number | Phrase>): { ok: false; problem: Phrase } => ({
  ok: false,
  problem: phrase(`lab.link.problem.${key}`, params),
});

// ---------------------------------------------------------------- writing

const compressed = new WeakMap<object, string>();

function compress(value: object): string {
  let out = compressed.get(value);
  if (out === undefined) {
    out = LZString.compressToEncodedURIComponent(JSON.stringify(value));
    compressed.set(value, out);
  }
  return out;
}

/** The default seed of a scenario. */
export const seedOf = (scenario: Scenario): number => scenario.seed ?? 1;

/** The query for a run and cursor; null when it would be too long for an address. */
export function writeQuery(run: Run, cursor: Cursor): string | null {
  const { timeline, presetId } = run;
  const parts: string[] = [];
  if (presetId !== null && presetById(presetId)) parts.push(`p=${encodeURIComponent(presetId)}`);
  else parts.push(`s=${compress(timeline.scenario)}`);
  if (timeline.seed !== seedOf(timeline.scenario)) parts.push(`seed=${timeline.seed}`);
  if (timeline.actions.length > 0) parts.push(`a=${compress(timeline.actions)}`);
  if (cursor.seq >= 0) parts.push(`at=${cursor.seq}`);
  if (cursor.timeMs !== undefined) parts.push(`ms=${Math.round(cursor.timeMs)}`);
  const query = parts.join('&');
  return query.length > LIMITS.queryChars ? null : query;
}

/** What a run file holds. */
export interface RunFile {
  format: 'mqtt-lab-run';
  version: 1;
  preset?: string;
  scenario: Scenario;
  seed: number;
  actions: Step[];
}

export function writeRunFile(run: Run): string {
  const file: RunFile = {
    format: 'mqtt-lab-run',
    version: 1,
    ...(run.presetId ? { preset: run.presetId } : {}),
    scenario: run.timeline.scenario,
    seed: run.timeline.seed,
    actions: run.timeline.actions,
  };
  return JSON.stringify(file, null, 2);
}

// ---------------------------------------------------------------- reading an address

export function readQuery(query: string): LinkRead {
  const fail = (problem: Phrase): LinkRead => ({ kind: 'bad', problem });
  if (query.trim() === '') return { kind: 'none' };
  if (query.length > LIMITS.queryChars) return fail(phrase('lab.link.problem.tooLong', { limit: LIMITS.queryChars }));
  const fields = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      value = decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1));
    } catch {
      return fail(phrase('lab.link.problem.encoding'));
    }
    if (!KNOWN_PARAMS.has(key)) return fail(phrase('lab.link.problem.unknownPart', { name: clip(key, 24) }));
    if (fields.has(key)) return fail(phrase('lab.link.problem.twice', { name: key }));
    fields.set(key, value);
  }
  if (fields.size === 0) return { kind: 'none' };

  const p = fields.get('p');
  const s = fields.get('s');
  if (p !== undefined && s !== undefined) return fail(phrase('lab.link.problem.presetAndScenario'));
  if (p === undefined && s === undefined) return fail(phrase('lab.link.problem.noScenario'));

  let scenario: Scenario;
  let presetId: string | null = null;
  if (p !== undefined) {
    const preset = presetById(p);
    if (!preset) return fail(phrase('lab.link.problem.unknownPreset', { id: clip(p, 40) }));
    scenario = preset.scenario;
    presetId = preset.id;
  } else {
    const json = unpack(s!, 's');
    if (!json.ok) return fail(json.problem);
    const checked = checkScenario(json.value, 'link');
    if (!checked.ok) return fail(checked.problem);
    scenario = checked.scenario;
  }

  let seed = seedOf(scenario);
  const seedText = fields.get('seed');
  if (seedText !== undefined) {
    if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > LIMITS.seed)
      return fail(phrase('lab.link.problem.seed', { value: clip(seedText, 24), max: LIMITS.seed }));
    seed = Number(seedText);
  }

  let actions: Step[] = [];
  const a = fields.get('a');
  if (a !== undefined) {
    const json = unpack(a, 'a');
    if (!json.ok) return fail(json.problem);
    const checked = checkActions(json.value, scenario);
    if (!checked.ok) return fail(checked.problem);
    actions = checked.actions;
  }

  const cursor: Cursor = { seq: -1 };
  const at = fields.get('at');
  if (at !== undefined) {
    if (!/^-?\d{1,7}$/.test(at) || Number(at) < -1 || Number(at) > LIMITS.cursor)
      return fail(phrase('lab.link.problem.cursor', { value: clip(at, 24) }));
    cursor.seq = Number(at);
  }
  const msText = fields.get('ms');
  if (msText !== undefined) {
    if (!/^\d{1,9}$/.test(msText) || Number(msText) > LIMITS.timeMs * 2)
      return fail(phrase('lab.link.problem.time', { value: clip(msText, 24) }));
    cursor.timeMs = Number(msText);
  }
  return { kind: 'ok', run: { timeline: { scenario, seed, actions }, presetId }, cursor };
}

/** Decompress and parse one part of an address. */
function unpack(text: string, part: 's' | 'a'): { ok: true; value: unknown } | { ok: false; problem: Phrase } {
  const name = phrase(`lab.link.part.${part}`);
  if (text.length > LIMITS.compressedChars) return bad('partTooLong', { part: name, limit: LIMITS.compressedChars });
  if (!/^[A-Za-z0-9+\-$]*$/.test(text)) return bad('compression', { part: name });
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(text);
  } catch {
    json = null;
  }
  if (!json) return bad('compression', { part: name });
  if (json.length > LIMITS.jsonChars) return bad('jsonTooLong', { part: name, limit: LIMITS.jsonChars });
  return parseJson(json, name);
}

function parseJson(json: string, name: Phrase): { ok: true; value: unknown } | { ok: false; problem: Phrase } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof SyntaxError ? clip(error.message, 80) : '';
    return bad('json', { part: name, detail });
  }
  const shape = checkShape(value);
  if (shape) return { ok: false, problem: shape };
  return { ok: true, value };
}

/** Depth, size and keys that could reach a prototype: checked before anything reads the value. */
export function checkShape(value: unknown): Phrase | null {
  let nodes = 0;
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  while (stack.length) {
    const { value: v, depth, path } = stack.pop()!;
    if (++nodes > LIMITS.nodes) return phrase('lab.link.problem.tooManyValues', { limit: LIMITS.nodes });
    if (v === null || typeof v !== 'object') continue;
    if (depth >= LIMITS.depth) return phrase('lab.link.problem.tooDeep', { path: path || '(…)', limit: LIMITS.depth });
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: `${path}[${i}]` }));
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return phrase('lab.link.problem.forbiddenKey', { key, path: clip(at, 80) });
      stack.push({ value: (v as Record<string, unknown>)[key], depth: depth + 1, path: at });
    }
  }
  return null;
}

// ---------------------------------------------------------------- checking what was read

type ScenarioChecked = { ok: true; scenario: Scenario } | { ok: false; problem: Phrase };

/** A scenario from outside: the engine's validation, then the lab's limits. */
export function checkScenario(value: unknown, source: 'link' | 'file'): ScenarioChecked {
  const shape = checkShape(value);
  if (shape) return { ok: false, problem: shape };
  const checked = validateScenario(value);
  if (!checked.ok) return { ok: false, problem: invalid('invalidScenario', checked.problems, source) };
  const scenario = checked.scenario;
  const limit = scenarioLimits(scenario);
  if (limit) return { ok: false, problem: limit };
  return { ok: true, scenario };
}

function scenarioLimits(scenario: Scenario): Phrase | null {
  const over = (path: string, limit: number | string) => phrase('lab.link.problem.limit', { path, limit });
  if (scenario.clients.length > LIMITS.clients) return over('clients', LIMITS.clients);
  if (expandedCount(scenario.steps) > LIMITS.steps) return over('steps', LIMITS.steps);
  if ((scenario.untilMs ?? 0) > LIMITS.timeMs) return over('untilMs', LIMITS.timeMs);
  if ((scenario.broker?.retryMs ?? LIMITS.minRetryMs) < LIMITS.minRetryMs)
    return phrase('lab.link.problem.atLeast', { path: 'broker.retryMs', limit: LIMITS.minRetryMs });
  const linkProblem = (path: string, link: { delayMs?: number; jitterMs?: number } | undefined) => {
    if ((link?.delayMs ?? 0) > LIMITS.linkDelayMs) return over(`${path}.delayMs`, LIMITS.linkDelayMs);
    if ((link?.jitterMs ?? 0) > LIMITS.linkDelayMs) return over(`${path}.jitterMs`, LIMITS.linkDelayMs);
    return null;
  };
  const network = linkProblem('network.link', scenario.network?.link);
  if (network) return network;
  for (const [i, client] of scenario.clients.entries()) {
    for (const dir of ['link', 'up', 'down'] as const) {
      const problem = linkProblem(`clients[${i}].${dir}`, client[dir]);
      if (problem) return problem;
    }
    for (const key of ['retryMs', 'reconnectMs', 'responseTimeoutMs'] as const) {
      const value = client[key];
      if (value !== undefined && value < LIMITS.minRetryMs)
        return phrase('lab.link.problem.atLeast', { path: `clients[${i}].${key}`, limit: LIMITS.minRetryMs });
      if (value !== undefined && value > LIMITS.timeMs) return over(`clients[${i}].${key}`, LIMITS.timeMs);
    }
    const connect = clientProblem(client, scenario.version ?? 4);
    if (connect) return phrase('lab.link.problem.packet', { path: `clients[${i}]`, problem: connect });
  }
  return stepLimits(scenario.steps, 'steps', scenario);
}

function stepLimits(steps: readonly Step[], name: string, scenario: Scenario): Phrase | null {
  for (const [i, step] of steps.entries()) {
    const path = `${name}[${i}]`;
    const packet = stepProblem(step, scenario.version ?? 4);
    if (packet) return phrase('lab.link.problem.packet', { path, problem: packet });
    if (step.atMs > LIMITS.timeMs)
      return phrase('lab.link.problem.limit', { path: `${path}.atMs`, limit: LIMITS.timeMs });
    // a repeating publish: its last repetition too
    if (repeatSpan(step).lastMs > LIMITS.timeMs)
      return phrase('lab.link.problem.limit', { path: `${path}.times`, limit: LIMITS.timeMs });
    for (const key of ['delayMs', 'jitterMs'] as const) {
      const value = (step as { delayMs?: number; jitterMs?: number })[key];
      if (value !== undefined && value > LIMITS.linkDelayMs)
        return phrase('lab.link.problem.limit', { path: `${path}.${key}`, limit: LIMITS.linkDelayMs });
    }
  }
  return null;
}

/** How many steps run: a repeating publish counts once per publish. */
export function expandedCount(steps: readonly Step[]): number {
  return steps.reduce((sum, step) => sum + repeatSpan(step).count, 0);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Actions from outside: steps of this scenario, in time order, within the limits. */
export function checkActions(
  value: unknown,
  scenario: Scenario,
): { ok: true; actions: Step[] } | { ok: false; problem: Phrase } {
  const shape = checkShape(value);
  if (shape) return { ok: false, problem: shape };
  if (!Array.isArray(value)) return bad('actionsNotList');
  if (value.length > LIMITS.actions) return bad('limit', { path: 'actions', limit: LIMITS.actions });
  const repeats = value.map((step) => (isRecord(step) && typeof step.times === 'number' ? step.times : 1));
  if (repeats.reduce((sum, n) => sum + n, 0) > LIMITS.steps)
    return bad('limit', { path: 'actions', limit: LIMITS.steps });
  const checked = validateScenario({ ...scenario, steps: value });
  if (!checked.ok) {
    const problems = checked.problems.map((p) => ({ ...p, path: p.path.replace(/^steps/, 'actions') }));
    return { ok: false, problem: invalid('invalidActions', problems, 'link') };
  }
  const limit = stepLimits(checked.scenario.steps, 'actions', scenario);
  if (limit) return { ok: false, problem: limit };
  return { ok: true, actions: checked.scenario.steps };
}

/** A validation report as a phrase: the first problem, named by its path, and how many more. */
function invalid(key: string, problems: readonly ScenarioProblem[], source: 'link' | 'file'): Phrase {
  const first = problems[0] ?? { path: '(scenario)', expected: '?' };
  return phrase(`lab.link.problem.${key}`, {
    source: phrase(`lab.link.source.${source}`),
    problem: describeProblem(first),
    more: problems.length > 1 ? phrase('lab.link.problem.more', { count: problems.length - 1 }) : '',
  });
}

/** One validation problem in words: where, what was expected (translated where the lab knows it), what was found. */
export function describeProblem(problem: ScenarioProblem): Phrase {
  const path = clip(problem.path, 80);
  // A topic or filter the codec refuses: the rule is a sentence of its own, not a thing "expected".
  if (problem.code)
    return phrase('classroom.problem.rule', {
      path,
      received: clip(problem.received ?? '""', 60),
      reason: phrase(`error.${problem.code}`, problem.params),
    });
  const params = { path, expected: expectedPhrase(problem.expected, problem.received) };
  return problem.received !== undefined && problem.received !== 'undefined'
    ? phrase('lab.link.problem.at', { ...params, received: clip(problem.received, 60) })
    : phrase('lab.link.problem.atMissing', params);
}

function expectedPhrase(expected: string, received: string | undefined): Phrase {
  const e = (key: string, params?: Record<string, string>) => phrase(`lab.link.expect.${key}`, params);
  if (expected === 'never') return e('noKey');
  if (received === 'undefined' && /^"[^"]*"$/.test(expected)) return e('present');
  const simple: Record<string, string> = {
    Object: 'object',
    Array: 'array',
    number: 'number',
    string: 'string',
    boolean: 'boolean',
    '/^[^\\s/]+$/': 'name',
    'a unique client id': 'unique',
    'a name other than "broker"': 'notBroker',
    '"broker" or one of the clients': 'brokerOrClient',
  };
  if (simple[expected]) return e(simple[expected]);
  let m = /^>=(-?[\d.]+)$/.exec(expected);
  if (m) return e('atLeast', { n: m[1] });
  m = /^<=(-?[\d.]+)$/.exec(expected);
  if (m) return e('atMost', { n: m[1] });
  m = /^one of the clients \((.*)\)$/.exec(expected);
  if (m) return e('oneOfClients', { list: clip(m[1], 80) });
  m = /^steps in time order \(≥ ([\d.]+)\)$/.exec(expected);
  if (m) return e('timeOrder', { n: m[1] });
  return e('raw', { text: clip(expected, 100) });
}

// ---------------------------------------------------------------- files

/** A run file (or a bare scenario) from a file's text. */
export function readRunFile(text: string): Checked {
  if (text.length > LIMITS.fileBytes) return bad('fileTooBig', { limit: LIMITS.fileBytes });
  const json = parseJson(text, phrase('lab.link.part.file'));
  if (!json.ok) return json;
  const value = json.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return bad('fileNotRun');
  const record = value as Record<string, unknown>;
  if (record.format === undefined && 'clients' in record) {
    const checked = checkScenario(value, 'file');
    if (!checked.ok) return checked;
    return {
      ok: true,
      run: { timeline: { scenario: checked.scenario, seed: seedOf(checked.scenario), actions: [] }, presetId: null },
    };
  }
  if (record.format !== 'mqtt-lab-run') return bad('fileNotRun');
  if (record.version !== 1) return bad('fileVersion', { value: clip(String(record.version), 12) });
  for (const key of Object.keys(record))
    if (!['format', 'version', 'preset', 'scenario', 'seed', 'actions'].includes(key))
      return bad('fileUnknownKey', { key: clip(key, 40) });
  const checked = checkScenario(record.scenario, 'file');
  if (!checked.ok) return checked;
  const scenario = checked.scenario;
  const seed = record.seed ?? seedOf(scenario);
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > LIMITS.seed)
    return bad('seed', { value: clip(String(seed), 24), max: LIMITS.seed });
  const actions = checkActions(record.actions ?? [], scenario);
  if (!actions.ok) return actions;
  // A file that names a preset keeps the name only while it holds exactly that scenario.
  const preset = typeof record.preset === 'string' ? presetById(record.preset) : undefined;
  const samePreset = preset && canonical(preset.scenario) === canonical(scenario) ? preset.id : null;
  return { ok: true, run: { timeline: { scenario, seed, actions: actions.actions }, presetId: samePreset } };
}

/** JSON with sorted keys, to compare two values whatever order their keys were written in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** The run a fresh lab starts with, and falls back to after a damaged link. */
export function defaultRun(): Run {
  const preset = presetById('qos1-lost-puback') ?? EMPTY;
  return { timeline: { scenario: preset.scenario, seed: seedOf(preset.scenario), actions: [] }, presetId: preset.id };
}
