/**
 * Actor names, built and read in one place. They say whose machine it is:
 *   'sensor'               a client's connection
 *   'sensor/out/3'         the client's QoS flow sending the message with packet id 3 ('in': receiving)
 *   'broker/sensor#2'      the broker's side of sensor's connection 2
 *   'broker/sensor'        the broker's session of sensor (its timers: will delay, session expiry)
 *   'broker/sensor/out/3'  the broker's flow sending to sensor with packet id 3 ('in': receiving)
 */
export const BROKER_PARTY = 'broker';

export type FlowDirection = 'out' | 'in';

export type ActorRef =
  | { kind: 'client'; client: string }
  | { kind: 'broker-connection'; client: string; conn: number }
  | { kind: 'broker-session'; client: string }
  | { kind: 'flow'; side: 'client' | 'broker'; client: string; dir: FlowDirection; packetId: number };

/** Whose flows: a client's own ('sensor') or the broker's session of that client ('broker/sensor'). */
export function flowOwner(side: 'client' | 'broker', client: string): string {
  return side === 'broker' ? `${BROKER_PARTY}/${client}` : client;
}

export function flowActorName(owner: string, dir: FlowDirection, packetId: number): string {
  return `${owner}/${dir}/${packetId}`;
}

export function flowName(side: 'client' | 'broker', client: string, dir: FlowDirection, packetId: number): string {
  return flowActorName(flowOwner(side, client), dir, packetId);
}

export function brokerConnectionName(client: string, conn: number): string {
  return `${BROKER_PARTY}/${client}#${conn}`;
}

export function brokerSessionName(client: string): string {
  return flowOwner('broker', client);
}

const BROKER_CONNECTION = /^broker\/(.+)#(\d+)$/;
const BROKER_FLOW = /^broker\/(.+)\/(out|in)\/(\d+)$/;
const BROKER_SESSION = /^broker\/(.+)$/;
const CLIENT_FLOW = /^(.+)\/(out|in)\/(\d+)$/;

export function parseActorName(name: string): ActorRef {
  let m = BROKER_CONNECTION.exec(name);
  if (m) return { kind: 'broker-connection', client: m[1], conn: Number(m[2]) };
  m = BROKER_FLOW.exec(name);
  if (m) return { kind: 'flow', side: 'broker', client: m[1], dir: m[2] as FlowDirection, packetId: Number(m[3]) };
  m = BROKER_SESSION.exec(name);
  if (m) return { kind: 'broker-session', client: m[1] };
  m = CLIENT_FLOW.exec(name);
  if (m) return { kind: 'flow', side: 'client', client: m[1], dir: m[2] as FlowDirection, packetId: Number(m[3]) };
  return { kind: 'client', client: name };
}

/** The lifeline an actor is drawn on: 'broker' or the client's id. */
export function actorParty(name: string): string {
  const ref = parseActorName(name);
  return ref.kind === 'client' || (ref.kind === 'flow' && ref.side === 'client') ? ref.client : BROKER_PARTY;
}
