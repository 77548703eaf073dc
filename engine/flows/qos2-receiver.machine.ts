/**
 * Receiving one QoS 2 message (§4.3.3, receiver side): answer PUBLISH with PUBREC, PUBREL with
 * PUBCOMP, and deliver the message exactly once. The spec allows two ways to do that
 * (Figure 4.3, "Method A" and "Method B"), and this machine does either, visibly:
 * - 'onPublish': deliver at once and keep only the packet id; a repeated PUBLISH with that id is
 *   answered with PUBREC and not delivered again [MQTT-4.3.3-2] (5.0 [MQTT-4.3.3-10]) (what most clients do);
 * - 'onPubrel': keep the message and deliver it when PUBREL releases it (what mosquitto does for
 *   messages it receives).
 * After PUBCOMP the id is free: a PUBLISH with it is a new message [MQTT-4.3.3-2] (5.0 [MQTT-4.3.3-12]).
 */
import { emit, setup } from 'xstate';
import type { PublishPacket } from '../codec/packets/publish.ts';
import type { PubcompPacket } from '../codec/packets/pubcomp.ts';
import type { PubrecPacket } from '../codec/packets/pubrec.ts';

export type Qos2Delivery = 'onPublish' | 'onPubrel';

export interface ReceiverInput {
  publish: PublishPacket;
  delivery: Qos2Delivery;
}

export const qos2ReceiverMachine = setup({
  types: {} as {
    context: ReceiverInput;
    input: ReceiverInput;
    events: { type: 'net.publish' } | { type: 'net.pubrel' };
    emitted: { type: 'send'; packet: PubrecPacket | PubcompPacket } | { type: 'deliver'; publish: PublishPacket };
  },
  guards: { 'delivers on PUBLISH': ({ context }) => context.delivery === 'onPublish' },
  actions: {
    deliver: emit(({ context }) => ({ type: 'deliver' as const, publish: context.publish })),
    'send PUBREC': emit(({ context }) => ({
      type: 'send' as const,
      packet: { type: 'PUBREC', packetId: context.publish.packetId! } satisfies PubrecPacket,
    })),
    'send PUBCOMP': emit(({ context }) => ({
      type: 'send' as const,
      packet: { type: 'PUBCOMP', packetId: context.publish.packetId! } satisfies PubcompPacket,
    })),
  },
}).createMachine({
  id: 'qos2-receiver',
  context: ({ input }) => input,
  initial: 'received',
  states: {
    received: {
      always: [
        { guard: 'delivers on PUBLISH', target: 'awaitingPubrel', actions: ['deliver', 'send PUBREC'] },
        { target: 'awaitingPubrel', actions: 'send PUBREC' },
      ],
    },
    awaitingPubrel: {
      on: {
        // [MQTT-4.3.3-2] (5.0 [MQTT-4.3.3-10]): a repeated PUBLISH gets PUBREC again, and no second delivery.
        'net.publish': { actions: 'send PUBREC' },
        'net.pubrel': [
          { guard: 'delivers on PUBLISH', target: 'completed', actions: 'send PUBCOMP' },
          { target: 'completed', actions: ['deliver', 'send PUBCOMP'] },
        ],
      },
    },
    completed: { type: 'final' },
  },
});
