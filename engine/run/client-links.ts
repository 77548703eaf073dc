/**
 * A client's links as its scenario sets them: the defaults, then the scenario's `network.link`,
 * then the client's `link`, then its `up` / `down`. The one place this is merged: the simulation
 * builds the network from it, the World starts from it, the narration compares delays with it.
 */
import type { ClientSpec, Scenario } from '../scenario/schema.ts';
import { DEFAULT_LINK, type LinkOptions } from '../sim/link.ts';

export interface ClientLinks {
  /** Client → broker. */
  up: Required<LinkOptions>;
  /** Broker → client. */
  down: Required<LinkOptions>;
}

export function clientLinks(scenario: Pick<Scenario, 'network'>, client: ClientSpec): ClientLinks {
  const base = { ...DEFAULT_LINK, ...scenario.network?.link, ...client.link };
  return { up: { ...base, ...client.up }, down: { ...base, ...client.down } };
}
