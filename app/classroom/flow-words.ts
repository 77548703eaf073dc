/**
 * A QoS flow by whose it is and its packet id, not by its actor's name in the code
 * ('sensor/out/1', 'broker/app/in/2' — English identifiers the Chinese page must not show).
 */
import { type Phrase, phrase } from '../lab/phrase.ts';

const FLOW_ACTOR = /^(?:(broker)\/)?([^/]+)\/(out|in)\/(\d+)$/;

/** The flow as a phrase ("sensor sending, packet id 1"), or null when the actor is not a flow. */
export function flowPhrase(actor: string): Phrase | null {
  const m = FLOW_ACTOR.exec(actor);
  if (!m) return null;
  const [, broker, client, direction, id] = m;
  return phrase(`classroom.flow.${broker ? 'broker' : 'client'}${direction === 'out' ? 'Out' : 'In'}`, { client, id });
}
