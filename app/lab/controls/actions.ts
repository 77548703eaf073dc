/**
 * What a person can do in the lab, checked before it is done: a form's values become an Action
 * only if the packet it will send is one the codec accepts (the same rules a real client and broker
 * apply: a topic name without wildcards, a well-formed filter…), and numbers are in range. Every
 * problem names its field and says what is wrong, as a phrase.
 */
import {
  type Action,
  type ClientSpec,
  MqttError,
  type Packet,
  type ProtocolVersion,
  type QoS,
  type Scenario,
  type Step,
  checkTopicFilter,
  checkTopicName,
  encode,
  numberedPayload,
} from '$engine';
import { type Phrase, phrase } from '../phrase.ts';

export interface FieldProblem {
  field: string;
  problem: Phrase;
}

export type Built<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

const te = new TextEncoder();
const versionOf = (scenario: Scenario): ProtocolVersion => scenario.version ?? 4;

/** The codec's objection to a packet, translated by its error code; null if it encodes. */
export function packetProblem(packet: Packet, version: ProtocolVersion): Phrase | null {
  try {
    encode(packet, version);
    return null;
  } catch (error) {
    if (error instanceof MqttError) return phrase(`error.${error.code}`, error.params);
    return phrase('lab.actions.error.unknown');
  }
}

function topicProblem(topic: string, version: ProtocolVersion): Phrase | null {
  try {
    checkTopicName(topic, version, 0);
  } catch (error) {
    if (error instanceof MqttError) return phrase(`error.${error.code}`, error.params);
  }
  return packetProblem(
    { type: 'PUBLISH', dup: false, qos: 0, retain: false, topic, payload: new Uint8Array() },
    version,
  );
}

function filterProblem(filter: string, version: ProtocolVersion): Phrase | null {
  try {
    checkTopicFilter(filter, version, 0);
  } catch (error) {
    if (error instanceof MqttError) return phrase(`error.${error.code}`, error.params);
  }
  return packetProblem({ type: 'SUBSCRIBE', packetId: 1, subscriptions: [{ topicFilter: filter, qos: 0 }] }, version);
}

function qosOf(value: unknown): QoS | null {
  const n = Number(value);
  return n === 0 || n === 1 || n === 2 ? n : null;
}

const result = <T>(problems: FieldProblem[], value: () => T): Built<T> =>
  problems.length ? { ok: false, problems } : { ok: true, value: value() };

// ---------------------------------------------------------------- messages

/** A form's first value: the scenario's own first topic or filter, so a first try does something visible. */
export function scenarioText(scenario: Scenario, kind: 'publish' | 'subscribe', fallback: string): string {
  const step = scenario.steps.find((s) => s.do === kind) as Record<string, unknown> | undefined;
  const value = step?.[kind === 'publish' ? 'topic' : 'filter'];
  return typeof value === 'string' ? value : fallback;
}

export interface PublishForm {
  topic: string;
  payload: string;
  qos: number | string;
  retain: boolean;
  /** 5.0: Message Expiry Interval in seconds; '' for none. */
  expiryS?: string;
  /** A repeat: ms between publishes and how many; both '' for one publish. */
  every?: string;
  times?: string;
}

/** A repeat at least this far apart (the lab's shortest timer), and at most this many publishes in one. */
export const REPEAT_MIN_MS = 50;
export const REPEAT_MAX_TIMES = 2_000;

/** The repeat of a publish form: both boxes or neither. */
function readRepeat(form: PublishForm, problems: FieldProblem[]): { every: number; times: number } | undefined {
  const everyText = (form.every ?? '').trim();
  const timesText = (form.times ?? '').trim();
  if (everyText === '' && timesText === '') return undefined;
  const every = readNumber(everyText || '?', 'every', REPEAT_MIN_MS, MAX_DELAY_MS * 10, problems, true);
  const times = readNumber(timesText || '?', 'times', 1, REPEAT_MAX_TIMES, problems, true);
  return every !== undefined && times !== undefined ? { every, times } : undefined;
}

/** The largest Message Expiry Interval: a four-byte integer (5.0 §3.3.2.3.3). */
const MAX_EXPIRY_S = 4_294_967_295;

export function publishAction(scenario: Scenario, client: string, form: PublishForm): Built<Action> {
  const version = versionOf(scenario);
  const problems: FieldProblem[] = [];
  const topic = topicProblem(form.topic, version);
  if (topic) problems.push({ field: 'topic', problem: topic });
  const qos = qosOf(form.qos);
  if (qos === null) problems.push({ field: 'qos', problem: phrase('lab.actions.error.qos') });
  if (te.encode(form.payload).length > 65_535)
    problems.push({ field: 'payload', problem: phrase('lab.actions.error.payloadTooLong', { limit: 65_535 }) });
  else if (!topic) {
    const whole = packetProblem(
      { type: 'PUBLISH', dup: false, qos: 0, retain: form.retain, topic: form.topic, payload: te.encode(form.payload) },
      version,
    );
    if (whole) problems.push({ field: 'payload', problem: whole });
  }
  // only 5.0 has the property; under 3.1.1 the form does not show the box
  const expiryS =
    version === 5 ? readNumber(form.expiryS ?? '', 'expiryS', 0, MAX_EXPIRY_S, problems, true) : undefined;
  const repeat = readRepeat(form, problems);
  // the widest numbered payload must fit too
  if (repeat && te.encode(numberedPayload(form.payload, repeat.times)).length > 65_535)
    problems.push({ field: 'payload', problem: phrase('lab.actions.error.payloadTooLong', { limit: 65_535 }) });
  return result(problems, () => ({
    do: 'publish',
    client,
    topic: form.topic,
    payload: form.payload,
    qos: qos!,
    ...(form.retain ? { retain: true } : {}),
    ...(expiryS !== undefined ? { properties: { messageExpiryIntervalS: expiryS } } : {}),
    ...(repeat ?? {}),
  }));
}

export interface SubscribeForm {
  filter: string;
  qos: number | string;
}

export function subscribeAction(scenario: Scenario, client: string, form: SubscribeForm): Built<Action> {
  const problems: FieldProblem[] = [];
  const filter = filterProblem(form.filter, versionOf(scenario));
  if (filter) problems.push({ field: 'filter', problem: filter });
  const qos = qosOf(form.qos);
  if (qos === null) problems.push({ field: 'qos', problem: phrase('lab.actions.error.qos') });
  return result(problems, () => ({ do: 'subscribe', client, filter: form.filter, qos: qos! }));
}

export function unsubscribeAction(scenario: Scenario, client: string, form: { filter: string }): Built<Action> {
  const filter = filterProblem(form.filter, versionOf(scenario));
  return result(filter ? [{ field: 'filter', problem: filter }] : [], () => ({
    do: 'unsubscribe',
    client,
    filter: form.filter,
  }));
}

// ---------------------------------------------------------------- the network

export type Direction = 'both' | 'up' | 'down';

export interface LinkForm {
  delayMs: string;
  jitterMs: string;
  lossPercent: string;
  duplicatePercent: string;
  reorderPercent: string;
}

export const MAX_DELAY_MS = 60_000;

/** A number typed in a box: '' means "leave as it is"; anything else must be in range. */
function readNumber(
  text: string,
  field: string,
  min: number,
  max: number,
  problems: FieldProblem[],
  integer = false,
): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    problems.push({
      field,
      problem: phrase(integer ? 'lab.actions.error.wholeNumber' : 'lab.actions.error.number', { min, max }),
    });
    return undefined;
  }
  return n;
}

export function linkAction(client: string, direction: Direction, form: LinkForm): Built<Action> {
  const problems: FieldProblem[] = [];
  const delayMs = readNumber(form.delayMs, 'delayMs', 0, MAX_DELAY_MS, problems, true);
  const jitterMs = readNumber(form.jitterMs, 'jitterMs', 0, MAX_DELAY_MS, problems, true);
  const loss = readNumber(form.lossPercent, 'lossPercent', 0, 100, problems);
  const duplicate = readNumber(form.duplicatePercent, 'duplicatePercent', 0, 100, problems);
  const reorder = readNumber(form.reorderPercent, 'reorderPercent', 0, 100, problems);
  const ratio = (percent: number | undefined) => (percent === undefined ? undefined : percent / 100);
  const settings = {
    delayMs,
    jitterMs,
    lossRatio: ratio(loss),
    duplicateRatio: ratio(duplicate),
    reorderRatio: ratio(reorder),
  };
  const given = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  if (problems.length === 0 && Object.keys(given).length === 0)
    problems.push({ field: 'delayMs', problem: phrase('lab.actions.error.noSetting') });
  return result(problems, () => ({
    do: 'set-link',
    client,
    ...(direction === 'both' ? {} : { direction }),
    ...given,
  }));
}

export type LinkPresetId = 'perfect' | 'mobile' | 'bad' | 'outage';
export const LINK_PRESETS: readonly LinkPresetId[] = ['perfect', 'mobile', 'bad', 'outage'];

/** Named network conditions, as the actions that make them. */
export function linkPreset(id: LinkPresetId, client: string, direction: Direction): Action {
  const dir = direction === 'both' ? {} : { direction };
  switch (id) {
    case 'perfect':
      return {
        do: 'set-link',
        client,
        ...dir,
        delayMs: 50,
        jitterMs: 0,
        lossRatio: 0,
        duplicateRatio: 0,
        reorderRatio: 0,
      };
    case 'mobile':
      return {
        do: 'set-link',
        client,
        ...dir,
        delayMs: 80,
        jitterMs: 40,
        lossRatio: 0.02,
        duplicateRatio: 0,
        reorderRatio: 0,
      };
    case 'bad':
      return {
        do: 'set-link',
        client,
        ...dir,
        delayMs: 300,
        jitterMs: 200,
        lossRatio: 0.2,
        duplicateRatio: 0.05,
        reorderRatio: 0.1,
      };
    case 'outage':
      return { do: 'cut', client };
  }
}

// ---------------------------------------------------------------- scenario steps from outside

/** The packet a step will make a client send, checked by the codec (a link or file may hold anything). */
export function stepProblem(step: Step, version: ProtocolVersion): Phrase | null {
  switch (step.do) {
    case 'publish':
      return (
        topicProblem(step.topic, version) ??
        packetProblem(
          {
            type: 'PUBLISH',
            dup: false,
            qos: step.qos,
            retain: step.retain ?? false,
            topic: step.topic,
            ...(step.qos > 0 ? { packetId: 1 } : {}),
            // a repeat's longest payload: the last number is the widest
            payload: te.encode(step.times ? numberedPayload(step.payload, step.times) : step.payload),
          },
          version,
        )
      );
    case 'subscribe':
    case 'unsubscribe':
      return filterProblem(step.filter, version);
    case 'connect':
      return step.will ? topicProblem(step.will.topic, version) : null;
    default:
      return null;
  }
}

/** The CONNECT a client will send, checked by the codec. */
export function clientProblem(client: ClientSpec, version: ProtocolVersion): Phrase | null {
  if (client.will) {
    const will = topicProblem(client.will.topic, version);
    if (will) return will;
  }
  return packetProblem(
    {
      type: 'CONNECT',
      protocolName: 'MQTT',
      protocolVersion: version,
      clean: client.clean ?? true,
      keepAlive: client.keepAliveS ?? 60,
      clientId: client.clientId ?? client.id,
      ...(client.will
        ? {
            will: {
              topic: client.will.topic,
              payload: te.encode(client.will.payload),
              qos: client.will.qos,
              retain: client.will.retain ?? false,
            },
          }
        : {}),
      ...(client.username !== undefined ? { username: client.username } : {}),
      ...(client.password !== undefined ? { password: te.encode(client.password) } : {}),
    },
    version,
  );
}

// ---------------------------------------------------------------- a new client

export interface ClientForm {
  id: string;
  keepAliveS: string;
  clean: boolean;
  willTopic: string;
  willPayload: string;
}

export const MAX_CLIENTS = 16;

/** The scenario with one more client (it connects when a person says so). */
export function addClient(scenario: Scenario, form: ClientForm): Built<Scenario> {
  const problems: FieldProblem[] = [];
  const id = form.id.trim();
  if (scenario.clients.length >= MAX_CLIENTS)
    problems.push({ field: 'id', problem: phrase('lab.actions.error.tooManyClients', { max: MAX_CLIENTS }) });
  else if (!/^[^\s/]{1,64}$/.test(id)) problems.push({ field: 'id', problem: phrase('lab.actions.error.clientName') });
  else if (id === 'broker' || scenario.clients.some((c) => c.id === id))
    problems.push({ field: 'id', problem: phrase('lab.actions.error.clientTaken', { id }) });
  const keepAliveS = readNumber(form.keepAliveS, 'keepAliveS', 0, 65_535, problems, true);
  const will =
    form.willTopic !== '' ? { topic: form.willTopic, payload: form.willPayload, qos: 1 as const } : undefined;
  const spec: ClientSpec = {
    id,
    ...(keepAliveS !== undefined ? { keepAliveS } : {}),
    ...(form.clean ? {} : { clean: false }),
    ...(will ? { will } : {}),
  };
  if (problems.length === 0) {
    const connect = clientProblem(spec, versionOf(scenario));
    if (connect) problems.push({ field: will ? 'willTopic' : 'id', problem: connect });
  }
  return result(problems, () => ({ ...scenario, clients: [...scenario.clients, spec] }));
}
