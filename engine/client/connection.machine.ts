/**
 * A client's connection (3.1.1 §3.1, §3.1.2.10 Keep Alive): connect, wait for CONNACK, stay alive
 * with PINGREQ when nothing else is sent, notice a dead connection, reconnect with backoff.
 * The machine decides; the client (client.ts) does the I/O its emitted events ask for.
 */
import { assign, emit, setup } from 'xstate';

/**
 * When the client last sent something, and what time it is: read, not pushed, so that sending a
 * packet costs the machine nothing; the keepalive timer checks it when it fires.
 */
export interface Activity {
  lastSentMs: number;
  now(): number;
}

export interface ClientConnectionInput {
  keepAliveS: number;
  activity: Activity;
  /** How long to wait for CONNACK, and for PINGRESP. */
  responseTimeoutMs: number;
  /** First reconnect delay; none = do not reconnect. */
  reconnectMs?: number;
}

type Emitted =
  | { type: 'open' }
  | { type: 'send connect' }
  | { type: 'send pingreq' }
  | { type: 'send disconnect' }
  | { type: 'close'; reason: string }
  | { type: 'connected'; sessionPresent: boolean }
  | { type: 'refused'; reasonCode: number };

export const clientConnectionMachine = setup({
  types: {} as {
    context: ClientConnectionInput & { backoffMs: number };
    input: ClientConnectionInput;
    events:
      | { type: 'user.connect'; keepAliveS?: number }
      | { type: 'user.disconnect' }
      | { type: 'user.crash' }
      | { type: 'net.opened' }
      | { type: 'net.unreachable' }
      | { type: 'net.connack'; reasonCode: number; sessionPresent: boolean }
      | { type: 'net.pingresp' }
      | { type: 'net.closed'; reason: string };
    emitted: Emitted;
  },
  delays: {
    // Until Keep Alive has passed since the last packet sent. Keep Alive 0 turns the mechanism
    // off (§3.1.2.10): an infinite delay is never scheduled.
    keepAlive: ({ context: { keepAliveS, activity } }) =>
      keepAliveS > 0 ? Math.max(0, activity.lastSentMs + keepAliveS * 1000 - activity.now()) : Infinity,
    responseTimeout: ({ context }) => context.responseTimeoutMs,
    backoff: ({ context }) => context.backoffMs,
  },
  guards: {
    'silent for keepalive': ({ context: { keepAliveS, activity } }) =>
      activity.now() - activity.lastSentMs >= keepAliveS * 1000,
    'connack accepts': ({ event }) => event.type === 'net.connack' && event.reasonCode === 0,
    reconnects: ({ context }) => context.reconnectMs !== undefined,
  },
  actions: {
    'open connection': emit({ type: 'open' }),
    'send CONNECT': emit({ type: 'send connect' }),
    'send PINGREQ': emit({ type: 'send pingreq' }),
    'send DISCONNECT': emit({ type: 'send disconnect' }),
    'close: no CONNACK': emit({ type: 'close', reason: 'connack-timeout' }),
    'close: no PINGRESP': emit({ type: 'close', reason: 'pingresp-timeout' }),
    'close: disconnect': emit({ type: 'close', reason: 'disconnect' }),
    'close: crash': emit({ type: 'close', reason: 'crash' }),
    'close: refused': emit({ type: 'close', reason: 'refused' }),
    'report connected': emit(({ event }) => ({
      type: 'connected' as const,
      sessionPresent: event.type === 'net.connack' && event.sessionPresent,
    })),
    'report refused': emit(({ event }) => ({
      type: 'refused' as const,
      reasonCode: event.type === 'net.connack' ? event.reasonCode : 0x80,
    })),
    'take keepalive': assign({
      keepAliveS: ({ context, event }) =>
        event.type === 'user.connect' && event.keepAliveS !== undefined ? event.keepAliveS : context.keepAliveS,
    }),
    'reset backoff': assign({ backoffMs: ({ context }) => context.reconnectMs ?? 0 }),
    'double backoff': assign({ backoffMs: ({ context }) => Math.min(context.backoffMs * 2, 30_000) }),
  },
}).createMachine({
  id: 'client-connection',
  context: ({ input }) => ({ ...input, backoffMs: input.reconnectMs ?? 0 }),
  initial: 'disconnected',
  states: {
    disconnected: {
      on: { 'user.connect': { target: 'opening', actions: ['take keepalive', 'reset backoff'] } },
    },
    opening: {
      entry: 'open connection',
      on: {
        'net.opened': 'connecting',
        'net.unreachable': [{ guard: 'reconnects', target: 'waitingToReconnect' }, { target: 'disconnected' }],
        'user.crash': 'disconnected',
      },
    },
    connecting: {
      meta: { timer: 'connackTimeout' },
      entry: 'send CONNECT',
      after: {
        responseTimeout: [
          { guard: 'reconnects', target: 'waitingToReconnect', actions: 'close: no CONNACK' },
          { target: 'disconnected', actions: 'close: no CONNACK' },
        ],
      },
      on: {
        'net.connack': [
          { guard: 'connack accepts', target: 'connected', actions: ['report connected', 'reset backoff'] },
          { target: 'disconnected', actions: ['report refused', 'close: refused'] },
        ],
        'net.closed': [{ guard: 'reconnects', target: 'waitingToReconnect' }, { target: 'disconnected' }],
        'user.disconnect': { target: 'disconnected', actions: 'close: disconnect' },
        'user.crash': { target: 'disconnected', actions: 'close: crash' },
      },
    },
    connected: {
      initial: 'idle',
      states: {
        // [MQTT-3.1.2-23]: within Keep Alive of the last packet sent, send one; PINGREQ if nothing else.
        idle: {
          meta: { timer: 'keepalive' },
          after: {
            keepAlive: [
              { guard: 'silent for keepalive', target: 'awaitingPingresp', actions: 'send PINGREQ' },
              // something was sent meanwhile: wait until Keep Alive after that
              { target: 'idle', reenter: true },
            ],
          },
        },
        awaitingPingresp: {
          meta: { timer: 'pingTimeout' },
          after: { responseTimeout: { target: '#client-connection.lost', actions: 'close: no PINGRESP' } },
          on: { 'net.pingresp': 'idle' },
        },
      },
      on: {
        'user.disconnect': { target: 'disconnected', actions: ['send DISCONNECT', 'close: disconnect'] },
        'user.crash': { target: 'disconnected', actions: 'close: crash' },
        'net.closed': 'lost',
      },
    },
    lost: {
      always: [{ guard: 'reconnects', target: 'waitingToReconnect' }, { target: 'disconnected' }],
    },
    waitingToReconnect: {
      meta: { timer: 'reconnect' },
      after: { backoff: { target: 'opening', actions: 'double backoff' } },
      on: {
        'user.connect': { target: 'opening', actions: ['take keepalive', 'reset backoff'] },
        'user.disconnect': 'disconnected',
        'user.crash': 'disconnected',
      },
    },
  },
});
