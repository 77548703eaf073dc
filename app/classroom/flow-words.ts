/**
 * A QoS flow by whose it is and its packet id, not by its actor's name in the code
 * ('sensor/out/1', 'broker/app/in/2' — English identifiers the Chinese page must not show).
 */
import { has } from '../i18n/i18n.svelte.ts';
import { type Phrase, phrase } from '../lab/phrase.ts';

const FLOW_ACTOR = /^(?:(broker)\/)?([^/]+)\/(out|in)\/(\d+)$/;

/** The flow as a phrase ("sensor sending, packet id 1"), or null when the actor is not a flow. */
export function flowPhrase(actor: string): Phrase | null {
  const m = FLOW_ACTOR.exec(actor);
  if (!m) return null;
  const [, broker, client, direction, id] = m;
  return phrase(`classroom.flow.${broker ? 'broker' : 'client'}${direction === 'out' ? 'Out' : 'In'}`, { client, id });
}

const BROKER_CONNECTION = /^broker\/([^#/]+)#(\d+)$/;

/**
 * Any machine's actor as the narration names it: a flow by whose it is, the broker's end of a
 * connection by its client ('broker/sensor#1' → "the broker's connection 1 with sensor"), a
 * client by its id (which the scenario chose).
 */
export function actorPhrase(actor: string): Phrase | string {
  const flow = flowPhrase(actor);
  if (flow) return flow;
  const m = BROKER_CONNECTION.exec(actor);
  return m ? phrase('classroom.brokerConnection', { client: m[1], conn: m[2] }) : actor;
}

/**
 * A machine's state in the page's language ('connected.idle' → "connected › idle", "已连接 › 空闲"),
 * from the statecharts' own words; a state they do not name yet stays as it is.
 */
export function statePhrase(value: string | null | undefined): Phrase | string {
  if (value === null || value === undefined) return '—';
  const [outer, ...rest] = value.split('.');
  const key = `state.chart.state.${outer.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  const word = has(key) ? phrase(key) : outer;
  return rest.length ? phrase('classroom.statePath', { outer: word, inner: statePhrase(rest.join('.')) }) : word;
}
