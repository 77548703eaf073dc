/** Big packets for the explainer's timing script and browser test (issue 11, item 4). */
import { encode } from '../../engine/index.ts';

/** A SUBSCRIBE with 301 filters, 2.3 KB: each filter 2 bytes of length, "s/N", a QoS byte. */
export function bigSubscribe(): Uint8Array {
  const subscriptions = Array.from({ length: 301 }, (_, i) => ({ topicFilter: `s/${i}`, qos: (i % 3) as 0 | 1 | 2 }));
  return encode({ type: 'SUBSCRIBE', packetId: 1, subscriptions } as never, 4);
}

/** A 200 KB PUBLISH of printable text. */
export function bigPublish(): Uint8Array {
  const payload = new Uint8Array(200 * 1024).map((_, i) => 0x20 + (i % 90));
  return encode({ type: 'PUBLISH', topic: 'big/one', qos: 0, dup: false, retain: false, payload } as never, 4);
}
