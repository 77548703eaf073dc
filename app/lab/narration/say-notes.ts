/**
 * What the broker and the clients decide, from the notes they leave in the trace: sessions
 * created, resumed, kept and ended, wills stored, delayed and published, subscriptions, queues,
 * retained messages, refusals; and each message delivered to the application.
 */
import type { DeliverEvent, NoteEvent } from '$engine';
import { type PhraseParam, phrase } from '../phrase.ts';
import { sayFault } from './say-network.ts';
import { EMPTY, type Line, type Tag, type Telling, clip, hex, line, party } from './say-words.ts';

/** A message handed to the application that subscribed. */
export function sayDeliver(e: DeliverEvent): Line {
  return line(
    e,
    'deliver',
    phrase('lab.say.deliver', {
      client: party(e.client, true),
      topic: clip(e.topic),
      payload: clip(e.payload),
      qos: e.qos,
      retain: e.retain ? phrase('lab.say.flag.retainOld') : EMPTY,
      dup: e.dup ? phrase('lab.say.flag.dupDelivered') : EMPTY,
    }),
    { tone: 'good' },
  );
}

export function sayNote(e: NoteEvent, telling: Telling): Line {
  const who = party(e.party, true);
  const tag: Tag = e.party === 'broker' ? 'broker' : 'client';
  const say = (key: string, params: Record<string, PhraseParam>, more: Partial<Line> = {}) =>
    line(e, tag, phrase(`lab.say.note.${key}`, params), more);
  // a run opened from a file may hold a code this version does not know
  const code: string = e.code;
  switch (e.code) {
    case 'session-created':
      return say(e.params.persistent ? 'sessionCreatedPersistent' : 'sessionCreated', {
        client: party(e.params.client),
      });
    case 'session-resumed':
      return say('sessionResumed', { client: party(e.params.client) }, { tone: 'good' });
    case 'will-stored': {
      const p = e.params;
      return say('willStored', {
        client: party(p.client),
        clientS: party(p.client, true),
        topic: clip(p.topic),
        qos: p.qos,
        retain: p.retain ? phrase('lab.say.willRetained') : EMPTY,
      });
    }
    case 'will-published': {
      const p = e.params;
      const client = party(p.client);
      const topic = clip(p.topic);
      if (p.reason === 'will-delay') return say('willPublishedDelayed', { client, topic }, { tone: 'warn' });
      if (p.reason === 'session-ended') return say('willPublishedSessionEnded', { client, topic }, { tone: 'warn' });
      if (p.reason === 'disconnect-with-will')
        return say('willPublishedAsked', { client, clientS: party(p.client, true), topic }, { tone: 'warn' });
      if (p.reason === 'disconnect-reason')
        return say(
          'willPublishedReason',
          { client, clientS: party(p.client, true), topic },
          { tone: 'warn', rule: 'MQTT-3.1.2-8' },
        );
      return say('willPublished', { client, topic }, { tone: 'warn' });
    }
    case 'will-delayed': {
      const p = e.params;
      return say('willDelayed', {
        client: party(p.client),
        clientS: party(p.client, true),
        topic: clip(p.topic),
        delayS: p.delayS,
      });
    }
    case 'will-cancelled':
      return say('willCancelled', { clientS: party(e.params.client, true) }, { tone: 'good', rule: 'MQTT-3.1.3-9' });
    case 'will-discarded':
      return say('willDiscarded', { client: party(e.params.client), clientS: party(e.params.client, true) });
    case 'session-kept':
      return say('sessionKept', { client: party(e.params.client) });
    case 'session-expired':
      return say('sessionExpired', { clientS: party(e.params.client, true) });
    case 'session-ended':
      return say('sessionEnded', { client: party(e.params.client) });
    case 'subscribed':
      return say(e.params.replaced ? 'subscribedReplaced' : 'subscribed', {
        client: party(e.params.client),
        filter: clip(e.params.filter),
        qos: e.params.qos,
      });
    case 'unsubscribed':
      return say('unsubscribed', { client: party(e.params.client), filter: clip(e.params.filter) });
    case 'queued': {
      const p = e.params;
      return say(p.online ? 'queuedInflight' : 'queuedOffline', {
        client: party(p.client),
        clientS: party(p.client, true),
        topic: clip(p.topic),
        qos: p.qos,
      });
    }
    case 'dequeued':
      return say('dequeued', { client: party(e.params.client), topic: clip(e.params.topic) });
    case 'dropped-qos0-offline': {
      const p = e.params;
      return say(
        'droppedQos0Offline',
        { client: party(p.client), clientS: party(p.client, true), topic: clip(p.topic) },
        { tone: 'bad' },
      );
    }
    case 'message-expired':
      return say(
        'messageExpired',
        { client: party(e.params.client), topic: clip(e.params.topic) },
        { tone: 'warn', rule: 'MQTT-3.3.2-5' },
      );
    case 'retained-expired':
      return say('retainedExpired', { topic: clip(e.params.topic) }, { tone: 'warn', rule: 'MQTT-3.3.2-5' });
    case 'retained-stored':
    case 'retained-replaced':
    case 'retained-cleared':
      return say(
        e.code === 'retained-stored'
          ? 'retainedStored'
          : e.code === 'retained-replaced'
            ? 'retainedReplaced'
            : 'retainedCleared',
        {
          topic: clip(e.params.topic),
          payload: clip(e.params.payload),
        },
      );
    case 'takeover':
      return say('takeover', { client: party(e.params.client), conn: e.params.conn }, { tone: 'warn' });
    case 'client-id-assigned':
      return say('clientIdAssigned', { clientId: clip(e.params.clientId) });
    case 'client-id-rejected':
      return say('clientIdRejected', {}, { tone: 'bad' });
    case 'subscription-refused':
      return say(
        'subscriptionRefused',
        { client: party(e.params.client), filter: clip(e.params.filter) },
        { tone: 'bad' },
      );
    case 'qos2-duplicate':
      return say('qos2Duplicate', { who, id: e.params.packetId });
    case 'client-queued':
      // a (un)subscribe asked for before the CONNACK waits for it, like a message
      if ('action' in e.params)
        return line(e, tag, phrase(`workbench.say.${e.params.action}Queued`, { who, filter: clip(e.params.topic) }));
      return say('clientQueued', { who, topic: clip(e.params.topic), qos: e.params.qos });
    case 'client-dequeued':
      if ('action' in e.params)
        return line(e, tag, phrase(`workbench.say.${e.params.action}Dequeued`, { who, filter: clip(e.params.topic) }));
      return say('clientDequeued', { who, topic: clip(e.params.topic) });
    case 'client-session-discarded':
      return say('clientSessionDiscarded', { who }, { tone: 'warn' });
    case 'client-busy':
      return say('clientBusy', { who, state: e.params.state });
    case 'auth-refused': {
      // 3.1.1 0x05 / 5.0 0x87: no user name at all; otherwise the pair is not in the broker's list
      const code = e.params.reasonCode;
      const anonymous = code === 0x05 || code === 0x87;
      return say(
        anonymous ? 'authRefusedAnonymous' : 'authRefused',
        { client: party(e.params.client), clientS: party(e.params.client, true), code: hex(code) },
        { tone: 'bad' },
      );
    }
    case 'connack-refused':
      return say('connackRefused', { who, code: hex(e.params.reasonCode) }, { tone: 'bad' });
    case 'unreachable':
      return say('unreachable', { who }, { tone: 'bad' });
    case 'not-connected':
      return say(
        'notConnected',
        { who, action: phrase(`lab.say.action.${e.params.action === 'unsubscribe' ? 'unsubscribe' : 'subscribe'}`) },
        { tone: 'warn' },
      );
    case 'fault-drop':
    case 'fault-duplicate':
    case 'fault-delay':
    case 'fault-corrupt':
      return sayFault(e, telling)!;
    case 'budget-reached':
      // the event budget (engine/sim/budget.ts) ended the run here
      return line(e, 'broker', phrase('run.budgetSaid', { budget: e.params.budget }), { tone: 'warn' });
    default:
      return say('other', { who, code }, { major: false });
  }
}
