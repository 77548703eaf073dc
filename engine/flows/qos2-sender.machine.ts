/**
 * Sending one QoS 2 message (§4.3.3): PUBLISH → PUBREC → PUBREL → PUBCOMP. Once PUBREL is sent the
 * PUBLISH is never sent again [MQTT-4.3.3-1] (5.0 [MQTT-4.3.3-6]): on a resumed session the sender resends PUBLISH
 * (DUP = 1) if PUBREC had not come, or PUBREL if it had [MQTT-4.4.0-1]. A PUBREC with a failure
 * code (≥ 0x80, 5.0 only) ends the flow (5.0 [MQTT-4.3.3-4]). `retryMs`: the textbook timeout, as in qos1-sender.
 */
import { emit, setup } from 'xstate';
import type { PublishPacket } from '../codec/packets/publish.ts';
import type { PubrelPacket } from '../codec/packets/pubrel.ts';
import type { SenderInput } from './qos1-sender.machine.ts';

export const qos2SenderMachine = setup({
  types: {} as {
    context: SenderInput;
    input: SenderInput;
    events:
      | { type: 'net.pubrec'; reasonCode: number }
      | { type: 'net.pubcomp'; reasonCode: number }
      | { type: 'net.resumed' };
    emitted: { type: 'send'; packet: PublishPacket | PubrelPacket } | { type: 'finished'; reasonCode: number };
  },
  // No retryMs: an infinite delay, which the simulation's clock never schedules.
  delays: { retry: ({ context }) => context.retryMs ?? Infinity },
  guards: {
    'pubrec refuses': ({ event }) => event.type === 'net.pubrec' && event.reasonCode >= 0x80,
  },
  actions: {
    'send PUBLISH': emit(({ context }) => ({ type: 'send' as const, packet: context.publish })),
    'resend PUBLISH with DUP': emit(({ context }) => ({
      type: 'send' as const,
      packet: { ...context.publish, dup: true },
    })),
    'send PUBREL': emit(({ context }) => ({
      type: 'send' as const,
      packet: { type: 'PUBREL', packetId: context.publish.packetId! } satisfies PubrelPacket,
    })),
    'report finished': emit(({ event }) => ({
      type: 'finished' as const,
      reasonCode: event.type === 'net.pubcomp' || event.type === 'net.pubrec' ? event.reasonCode : 0,
    })),
  },
}).createMachine({
  id: 'qos2-sender',
  context: ({ input }) => input,
  initial: 'awaitingPubrec',
  entry: 'send PUBLISH',
  states: {
    awaitingPubrec: {
      meta: { timer: 'retry' },
      after: { retry: { target: 'awaitingPubrec', reenter: true, actions: 'resend PUBLISH with DUP' } },
      on: {
        'net.pubrec': [
          { guard: 'pubrec refuses', target: 'refused', actions: 'report finished' },
          { target: 'awaitingPubcomp', actions: 'send PUBREL' },
        ],
        'net.resumed': { target: 'awaitingPubrec', reenter: true, actions: 'resend PUBLISH with DUP' },
      },
    },
    awaitingPubcomp: {
      meta: { timer: 'retry' },
      after: { retry: { target: 'awaitingPubcomp', reenter: true, actions: 'send PUBREL' } },
      on: {
        'net.pubcomp': { target: 'completed', actions: 'report finished' },
        // A second PUBREC (our PUBLISH was resent and answered again): answer it again.
        'net.pubrec': { actions: 'send PUBREL' },
        'net.resumed': { target: 'awaitingPubcomp', reenter: true, actions: 'send PUBREL' },
      },
    },
    completed: { type: 'final' },
    refused: { type: 'final' },
  },
});
