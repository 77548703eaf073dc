/**
 * Checks a scenario from anywhere. Shape first (the schema), then what a schema cannot say:
 * ids unique, steps naming clients that exist, steps in time order.
 */
import * as v from 'valibot';
import { MqttError } from '../codec/errors.ts';
import { checkTopicFilter, checkTopicName } from '../codec/topics.ts';
import { type Scenario, ScenarioSchema } from './schema.ts';

export interface ScenarioProblem {
  /** Where: 'steps[3].qos'. */
  path: string;
  /** What was expected there, in plain English (the app translates by `code` where it can). */
  expected: string;
  /** What was found, shortened. */
  received?: string;
  /** For a topic or filter the codec refuses: its error code (i18n `error.<code>`), params and rule. */
  code?: string;
  params?: Record<string, string | number>;
  rule?: string;
}

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || '(scenario)';
}

export function validateScenario(input: unknown): ScenarioCheck {
  const result = v.safeParse(ScenarioSchema, input, { abortPipeEarly: true });
  if (!result.success) {
    return {
      ok: false,
      problems: result.issues.slice(0, 20).map((issue) => ({
        path: pathOf(issue),
        expected: issue.expected ?? issue.message,
        received: issue.received,
      })),
    };
  }
  const scenario = result.output;
  const problems: ScenarioProblem[] = [];
  const ids = new Set<string>();
  scenario.clients.forEach((client, i) => {
    if (client.id === 'broker') problems.push({ path: `clients[${i}].id`, expected: 'a name other than "broker"' });
    if (ids.has(client.id))
      problems.push({ path: `clients[${i}].id`, expected: 'a unique client id', received: client.id });
    ids.add(client.id);
  });
  const version = scenario.version ?? 4;
  /** A topic name or filter the codec would refuse to send: caught here, not mid-run. */
  const topic = (path: string, value: string, kind: 'name' | 'filter') => {
    try {
      if (kind === 'name') checkTopicName(value, version, 0);
      else checkTopicFilter(value, version, 0);
    } catch (error) {
      if (!(error instanceof MqttError)) throw error;
      problems.push({
        path,
        expected: kind === 'name' ? 'a topic name (no wildcards, not empty)' : 'a valid topic filter',
        received: JSON.stringify(value).slice(0, 80),
        code: error.code,
        params: error.params,
        ...(error.rule ? { rule: error.rule } : {}),
      });
    }
  };
  scenario.clients.forEach((client, i) => {
    if (client.will) topic(`clients[${i}].will.topic`, client.will.topic, 'name');
  });
  // 5.0 [MQTT-4.4.0-1]: resend only when a session resumes, "MUST NOT resend messages at any other
  // time" — so a timer resend (retryMs, or the lossy model, which resends on a timer) cannot be 5.0.
  if (version === 5) {
    const noTimer = (path: string, received: string) =>
      problems.push({ path, expected: 'no timer resends under MQTT 5.0', received, rule: 'MQTT-4.4.0-1' });
    if (scenario.transport === 'lossy') noTimer('transport', 'lossy (its senders resend on a timer)');
    if (scenario.broker?.retryMs !== undefined) noTimer('broker.retryMs', String(scenario.broker.retryMs));
    scenario.clients.forEach((client, i) => {
      if (client.retryMs !== undefined) noTimer(`clients[${i}].retryMs`, String(client.retryMs));
    });
  }
  let lastMs = 0;
  scenario.steps.forEach((step, i) => {
    if (step.do === 'publish') topic(`steps[${i}].topic`, step.topic, 'name');
    // a repeat needs both: how often and how many times
    if (step.do === 'publish' && (step.every === undefined) !== (step.times === undefined))
      problems.push({
        path: `steps[${i}].${step.every === undefined ? 'every' : 'times'}`,
        expected: 'both "every" and "times" on a repeating publish',
        received: 'only one of them',
      });
    if (step.do === 'subscribe' || step.do === 'unsubscribe') topic(`steps[${i}].filter`, step.filter, 'filter');
    if (step.do === 'connect' && step.will) topic(`steps[${i}].will.topic`, step.will.topic, 'name');
    if ('client' in step && !ids.has(step.client)) {
      problems.push({
        path: `steps[${i}].client`,
        expected: `one of the clients (${[...ids].join(', ')})`,
        received: step.client,
      });
    }
    if (step.do === 'fault') {
      if (step.from !== 'broker' && !ids.has(step.from)) {
        problems.push({ path: `steps[${i}].from`, expected: '"broker" or one of the clients', received: step.from });
      }
      if (step.to !== undefined && step.to !== 'broker' && !ids.has(step.to)) {
        problems.push({ path: `steps[${i}].to`, expected: '"broker" or one of the clients', received: step.to });
      }
      // Which byte to alter, and how, only means something to a corrupt fault.
      for (const key of ['byte', 'xor'] as const) {
        if (step.fault !== 'corrupt' && step[key] !== undefined) {
          problems.push({
            path: `steps[${i}].${key}`,
            expected: `no ${key} on a "${step.fault}" fault (only "corrupt" alters bytes)`,
            received: String(step[key]),
          });
        }
      }
    }
    if (step.atMs < lastMs)
      problems.push({
        path: `steps[${i}].atMs`,
        expected: `steps in time order (≥ ${lastMs})`,
        received: String(step.atMs),
      });
    lastMs = Math.max(lastMs, step.atMs);
  });
  return problems.length ? { ok: false, problems } : { ok: true, scenario };
}

/** Type-checks a scenario written in TypeScript (lessons, presets, tests); returns it unchanged. */
export function defineScenario<const S extends Scenario>(scenario: S): S {
  return scenario;
}

export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(
      `Invalid scenario:\n${problems.map((p) => `  ${p.path}: expected ${p.expected}${p.received ? `, got ${p.received}` : ''}`).join('\n')}`,
    );
    this.name = 'ScenarioError';
  }
}
