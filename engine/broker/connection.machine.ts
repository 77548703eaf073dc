/**
 * The broker's side of one connection: wait for CONNECT, then watch Keep Alive. If no packet
 * arrives for 1.5 × Keep Alive the broker closes the connection "as if the network had failed"
 * [MQTT-3.1.2-24] (5.0: [MQTT-3.1.2-22]) — and so publishes the will. The broker (broker.ts) does
 * the session work; this machine is the connection's life.
 */
import { assign, emit, setup } from 'xstate';

/** When the broker last heard from the client, and what time it is (read when the timer fires). */
export interface Activity {
  lastReceivedMs: number;
  now(): number;
}

export interface BrokerConnectionInput {
  /** From CONNECT; 0 turns the watchdog off. */
  keepAliveS: number;
  activity: Activity;
}

export const brokerConnectionMachine = setup({
  types: {} as {
    context: BrokerConnectionInput;
    input: BrokerConnectionInput;
    events:
      | { type: 'net.connect'; keepAliveS: number }
      | { type: 'net.refused' }
      | { type: 'net.disconnect' }
      | { type: 'net.closed' }
      | { type: 'net.error' }
      | { type: 'broker.close' };
    emitted: { type: 'keepalive expired' };
  },
  // Until 1.5 × Keep Alive after the last packet received; Keep Alive 0 turns the watchdog off
  // (an infinite delay is never scheduled).
  delays: {
    grace: ({ context: { keepAliveS, activity } }) =>
      keepAliveS > 0 ? Math.max(0, activity.lastReceivedMs + keepAliveS * 1500 - activity.now()) : Infinity,
  },
  guards: {
    'silent for 1.5 × keepalive': ({ context: { keepAliveS, activity } }) =>
      activity.now() - activity.lastReceivedMs >= keepAliveS * 1500,
  },
  actions: {
    'take keepalive': assign({
      keepAliveS: ({ context, event }) => (event.type === 'net.connect' ? event.keepAliveS : context.keepAliveS),
    }),
    'close: keepalive expired': emit({ type: 'keepalive expired' }),
  },
}).createMachine({
  id: 'broker-connection',
  context: ({ input }) => input,
  initial: 'awaitingConnect',
  states: {
    awaitingConnect: {
      on: {
        'net.connect': { target: 'connected', actions: 'take keepalive' },
        'net.refused': 'closed',
        'net.closed': 'closed',
        'net.error': 'closed',
        'broker.close': 'closed',
      },
    },
    connected: {
      initial: 'alive',
      states: {
        alive: {
          meta: { timer: 'keepaliveGrace' },
          after: {
            grace: [
              {
                guard: 'silent for 1.5 × keepalive',
                target: '#broker-connection.closed',
                actions: 'close: keepalive expired',
              },
              // a packet came meanwhile: wait until 1.5 × Keep Alive after it
              { target: 'alive', reenter: true },
            ],
          },
        },
      },
      on: {
        'net.disconnect': 'closed',
        'net.closed': 'closed',
        'net.error': 'closed',
        'broker.close': 'closed',
      },
    },
    closed: { type: 'final' },
  },
});
