/**
 * A session on the broker (§4.1): what outlives a connection when the session is persistent —
 * subscriptions (kept in the broker's topic tree), messages in flight to the client with their
 * packet ids, QoS 2 messages received and not yet released, and messages queued while the client
 * is away.
 */
import type { QoS } from '../codec/packet.ts';
import type { Properties } from '../codec/properties.ts';
import type { Will } from '../codec/packets/connect.ts';
import type { Inflight } from '../flows/inflight.ts';
import type { BrokerTimer } from './timers.ts';
import type { ConnectionState } from './broker.ts';

export interface Message {
  topic: string;
  payload: Uint8Array;
  qos: QoS;
  retain: boolean;
  properties?: Properties;
  /** The client id of the publisher (for No Local). */
  from: string;
  /** 5.0: when the broker took the message, if it has a Message Expiry Interval (expiry.ts). */
  receivedAtMs?: number;
}

export interface SubscriptionOptions {
  qos: QoS;
  noLocal: boolean;
  retainAsPublished: boolean;
  retainHandling: 0 | 1 | 2;
}

export class Session {
  /** The connection now attached, if any. */
  connection: ConnectionState | null = null;
  /** Packet ids and QoS flows in both directions; set by the broker right after construction. */
  inflight!: Inflight;
  readonly queue: Array<{ message: Message; qos: QoS; retain: boolean }> = [];
  will: Will | undefined;
  /** 3.1.1: !clean; 5.0: Session Expiry Interval > 0. */
  persistent: boolean;
  /** 5.0: seconds the session lives after its connection closes (0xFFFFFFFF = never expires). */
  expiryS: number;
  expiryTimer: BrokerTimer | null = null;
  /** 5.0: a will waiting out its Will Delay Interval after the connection was lost. */
  pendingWill: { will: Will; timer: BrokerTimer } | null = null;

  constructor(
    readonly clientId: string,
    persistent: boolean,
    expiryS: number,
  ) {
    this.persistent = persistent;
    this.expiryS = expiryS;
  }
}
