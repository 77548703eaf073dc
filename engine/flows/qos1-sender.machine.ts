/**
 * Sending one QoS 1 message (§4.3.2): PUBLISH, then wait for PUBACK. Until it comes the message is
 * "unacknowledged" [MQTT-4.3.2-1] (5.0 [MQTT-4.3.2-3]). It is resent, with DUP = 1 and the same packet id, when the
 * session resumes on a new connection [MQTT-4.4.0-1] — and, only if `retryMs` is set, after that
 * long without a PUBACK: the textbook picture that some clients implement, not the spec's rule.
 * Used by clients and by the broker alike.
 */
import { emit, setup } from 'xstate';
import type { PublishPacket } from '../codec/packets/publish.ts';

export interface SenderInput {
  publish: PublishPacket;
  retryMs?: number;
}

export const qos1SenderMachine = setup({
  types: {} as {
    context: SenderInput;
    input: SenderInput;
    events: { type: 'net.puback'; reasonCode: number } | { type: 'net.resumed' };
    emitted: { type: 'send'; packet: PublishPacket } | { type: 'finished'; reasonCode: number };
  },
  // No retryMs: an infinite delay, which the simulation's clock never schedules.
  delays: { retry: ({ context }) => context.retryMs ?? Infinity },
  actions: {
    'send PUBLISH': emit(({ context }) => ({ type: 'send' as const, packet: context.publish })),
    'resend PUBLISH with DUP': emit(({ context }) => ({
      type: 'send' as const,
      packet: { ...context.publish, dup: true },
    })),
    'report finished': emit(({ event }) => ({
      type: 'finished' as const,
      reasonCode: event.type === 'net.puback' ? event.reasonCode : 0,
    })),
  },
}).createMachine({
  id: 'qos1-sender',
  context: ({ input }) => input,
  initial: 'awaitingPuback',
  entry: 'send PUBLISH',
  states: {
    awaitingPuback: {
      meta: { timer: 'retry' },
      after: { retry: { target: 'awaitingPuback', reenter: true, actions: 'resend PUBLISH with DUP' } },
      on: {
        'net.puback': { target: 'acknowledged', actions: 'report finished' },
        'net.resumed': { target: 'awaitingPuback', reenter: true, actions: 'resend PUBLISH with DUP' },
      },
    },
    acknowledged: { type: 'final' },
  },
});
