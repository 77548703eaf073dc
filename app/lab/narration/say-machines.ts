/**
 * The machines and the connections they run on: state changes, timers started, fired and
 * cancelled (a retry said by what the flow was waiting for, as the World has its state), connections
 * opened and closed (a keepalive close with the Keep Alive its CONNECT asked for), protocol errors.
 */
import type { CloseEvent, ErrorEvent, OpenEvent, StateEvent, TimerEvent } from '$engine';
import { noteClient } from '$engine';
import { actorPhrase, flowPhrase, statePhrase } from '../../classroom/flow-words.ts';
import { phrase } from '../phrase.ts';
import { type Line, type Telling, line, party, seconds, violation } from './say-words.ts';

const MACHINES = ['client-connection', 'broker-connection', 'qos1-sender', 'qos2-sender', 'qos2-receiver'];
const knownMachine = (machine: string) => (MACHINES.includes(machine) ? machine : 'other');
const TIMERS = [
  ...['keepalive', 'keepaliveGrace', 'pingTimeout', 'connackTimeout', 'retry', 'reconnect'],
  // the broker's own (broker/timers.ts)
  ...['willDelay', 'sessionExpiry'],
];
const knownTimer = (name: string) => (TIMERS.includes(name) ? name : 'other');

/** A machine changed state (a minor line: the story tells what it means elsewhere). */
export function sayState(e: StateEvent): Line {
  return line(
    e,
    'state',
    phrase('lab.say.state', {
      // in the reader's words, not the code's (sensor/out/1, awaitingPuback)
      actor: actorPhrase(e.actor),
      machine: phrase(`lab.machine.${knownMachine(e.machine)}`),
      from: statePhrase(e.from),
      to: statePhrase(e.to),
    }),
    { major: false },
  );
}

export function sayOpen(e: OpenEvent): Line {
  return line(e, 'connection', phrase('lab.say.open', { client: party(e.client), conn: e.conn }), {
    major: false,
  });
}

/** A peer received bytes that break the protocol. */
export function sayError(e: ErrorEvent): Line {
  return line(
    e,
    'error',
    phrase('lab.say.error', {
      who: party(e.side === 'broker' ? 'broker' : e.client, true),
      other: party(e.side === 'broker' ? e.client : 'broker'),
      problem: violation(e),
    }),
    { tone: 'bad', ...(e.rule ? { rule: e.rule } : {}) },
  );
}

export function sayTimer(e: TimerEvent, telling: Telling): Line {
  const owner = e.actor.split(/[/#]/)[0];
  const who = party(owner === 'broker' ? 'broker' : owner, true);
  const flowId = /\/(?:out|in)\/(\d+)$/.exec(e.actor)?.[1];
  if (e.action === 'fire') {
    if (e.name === 'retry') {
      const state = telling.world.actors[e.actor]?.state ?? '';
      const id = flowId ?? '?';
      if (state === 'awaitingPubcomp')
        return line(e, 'timer', phrase('lab.say.timer.retryPubrel', { who, id }), { tone: 'warn' });
      const waited = state === 'awaitingPubrec' ? 'PUBREC' : 'PUBACK';
      return line(e, 'timer', phrase('lab.say.timer.retryPublish', { who, waited, id }), { tone: 'warn' });
    }
    if (e.name === 'pingTimeout' || e.name === 'connackTimeout' || e.name === 'reconnect')
      return line(e, 'timer', phrase(`lab.say.timer.${e.name}`, { who }), {
        tone: e.name === 'reconnect' ? 'plain' : 'bad',
      });
  }
  if (e.action === 'start' && e.name === 'reconnect')
    return line(e, 'timer', phrase('lab.say.timer.reconnectStart', { who, at: seconds(e.dueAtMs) }));
  return line(
    e,
    'timer',
    phrase(`lab.say.timer.${e.action}`, {
      who,
      // a flow by whose it is ("sensor sending, packet id 1"), a connection by its party
      actor: flowPhrase(e.actor) ?? who,
      timer: phrase(`lab.timer.${knownTimer(e.name)}`),
      at: seconds(e.dueAtMs),
    }),
    { major: false },
  );
}

export function sayClose(e: CloseEvent, telling: Telling): Line {
  const trace = telling.trace;
  const client = party(e.client);
  const rule = e.rule ? { rule: e.rule } : {};
  const side = party(e.side === 'broker' ? 'broker' : e.client, true);
  if (telling.captured && (e.reason === 'fin' || e.reason === 'reset')) {
    const key = e.reason === 'fin' ? 'lab.say.close.capturedFin' : 'lab.say.close.capturedReset';
    return line(e, 'connection', phrase(key, { side, client }), e.reason === 'reset' ? { tone: 'bad' } : {});
  }
  // What the broker does in the same instant (a will) is part of the same sentence.
  const sameTask = (code: string) => {
    for (let i = e.seq + 1; i < trace.length && trace[i].atMs === e.atMs; i++) {
      const next = trace[i];
      if (next.kind === 'note' && next.code === code && noteClient(next) === e.client) return true;
      if (next.kind === 'step') break;
    }
    return false;
  };
  switch (e.reason) {
    case 'keepalive': {
      const keepAlive = telling.world.liveness.keepAliveS[e.conn] ?? 0;
      return line(
        e,
        'connection',
        phrase(sameTask('will-published') ? 'lab.say.close.keepaliveWill' : 'lab.say.close.keepalive', {
          client,
          keepAlive,
        }),
        { tone: 'bad', ...rule },
      );
    }
    case 'disconnect':
      return line(
        e,
        'connection',
        phrase(e.side === 'broker' ? 'lab.say.close.disconnectBroker' : 'lab.say.close.disconnectClient', {
          client,
        }),
        { major: e.side === 'broker', ...rule },
      );
    case 'crash':
      return line(e, 'connection', phrase('lab.say.close.crash', { client: party(e.client, true) }), {
        tone: 'bad',
      });
    case 'peer-closed':
      return line(
        e,
        'connection',
        phrase(e.side === 'broker' ? 'lab.say.close.peerBroker' : 'lab.say.close.peerClient', {
          client: party(e.client, true),
        }),
        { major: e.side === 'broker' },
      );
    case 'reset':
      return line(e, 'connection', phrase('lab.say.close.reset', { side, client }), {
        tone: 'bad',
        major: e.side === 'client',
      });
    case 'takeover':
    case 'pingresp-timeout':
    case 'connack-timeout':
    case 'refused':
    case 'malformed':
    case 'protocol-error':
    case 'unsupported-protocol-version':
      return line(e, 'connection', phrase(`lab.say.close.${e.reason}`, { side, client }), {
        tone: 'bad',
        ...rule,
      });
    default:
      return line(e, 'connection', phrase('lab.say.close.other', { side, client, reason: e.reason }), rule);
  }
}
