/**
 * Retained messages: at most one per topic [MQTT-3.3.1-5]. A retained PUBLISH with an empty payload
 * removes the topic's message and is not stored itself [MQTT-3.3.1-10/11] (5.0: [MQTT-3.3.1-6/7]).
 */
import type { QoS } from '../codec/packet.ts';
import type { Properties } from '../codec/properties.ts';
import { topicMatches } from './topic-match.ts';

export interface RetainedMessage {
  topic: string;
  payload: Uint8Array;
  qos: QoS;
  properties?: Properties;
  /** 5.0: when the broker took the message, if it has a Message Expiry Interval (expiry.ts). */
  receivedAtMs?: number;
}

export class RetainedStore {
  private readonly byTopic = new Map<string, RetainedMessage>();

  /** Store or clear; returns what happened, for the trace. */
  put(message: RetainedMessage): 'stored' | 'replaced' | 'cleared' | 'nothing' {
    const had = this.byTopic.has(message.topic);
    if (message.payload.length === 0) {
      this.byTopic.delete(message.topic);
      return had ? 'cleared' : 'nothing';
    }
    this.byTopic.set(message.topic, message);
    return had ? 'replaced' : 'stored';
  }

  /** Remove this very message (not a newer one on its topic); true if it was there. */
  remove(message: RetainedMessage): boolean {
    if (this.byTopic.get(message.topic) !== message) return false;
    this.byTopic.delete(message.topic);
    return true;
  }

  /** Every retained message a new subscription to `filter` receives, in topic order. */
  matching(filter: string): RetainedMessage[] {
    return [...this.byTopic.values()]
      .filter((m) => topicMatches(filter, m.topic))
      .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
  }

  all(): RetainedMessage[] {
    return [...this.byTopic.values()];
  }
}
