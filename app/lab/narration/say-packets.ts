/**
 * Packets as they are sent: what each one asks or answers, in the words of its type (a CONNECT's
 * Keep Alive and session, a PUBLISH's topic and flags, a SUBACK's grants, a DISCONNECT's reason).
 */
import type { SendEvent } from '$engine';
import { type Phrase, phrase } from '../phrase.ts';
import {
  EMPTY,
  type Line,
  type Telling,
  type Tone,
  clip,
  hex,
  line,
  packetName,
  party,
  payloadText,
  qos,
} from './say-words.ts';

export function saySend(e: SendEvent, telling: Telling): Line {
  const p = e.packet;
  const from = party(e.from, true);
  const to = party(e.to);
  let say: Phrase;
  let tone: Tone = 'plain';
  switch (p.type) {
    case 'CONNECT':
      say = phrase('lab.say.send.CONNECT', {
        from,
        clientId: clip(p.clientId),
        keepAlive: p.keepAlive > 0 ? phrase('lab.say.keepAlive', { s: p.keepAlive }) : phrase('lab.say.keepAliveOff'),
        // 5.0 renamed the bit and split its meaning: Clean Start says only how to begin
        session: phrase(
          p.protocolVersion === 5
            ? p.clean
              ? 'lab.say.cleanStart'
              : 'lab.say.resumeStart'
            : p.clean
              ? 'lab.say.cleanSession'
              : 'lab.say.persistentSession',
        ),
        will: p.will ? phrase('lab.say.withWill', { topic: clip(p.will.topic) }) : EMPTY,
      });
      break;
    case 'CONNACK':
      if (p.reasonCode === 0) say = phrase('lab.say.send.CONNACK', { from, to, present: p.sessionPresent ? 1 : 0 });
      else {
        say = phrase('lab.say.send.CONNACKRefused', { from, to, code: hex(p.reasonCode) });
        tone = 'bad';
      }
      break;
    case 'PUBLISH': {
      say = phrase(e.from === 'broker' ? 'lab.say.send.PUBLISHForward' : 'lab.say.send.PUBLISH', {
        from,
        to,
        packet: packetName(p),
        topic: clip(p.topic),
        payload: payloadText(p.payload),
        qos: qos(p.qos),
        retain: p.retain ? phrase(e.from === 'broker' ? 'lab.say.flag.retainOld' : 'lab.say.flag.retain') : EMPTY,
        dup: p.dup ? phrase('lab.say.flag.dup') : EMPTY,
      });
      if (p.dup) tone = 'warn';
      break;
    }
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
      say = phrase(`lab.say.send.${p.type}`, { from, to, id: p.packetId });
      break;
    case 'SUBSCRIBE':
      say = phrase('lab.say.send.SUBSCRIBE', {
        from,
        packet: packetName(p),
        filters: p.subscriptions.map((s) =>
          phrase('lab.say.filterWithQos', { filter: clip(s.topicFilter), qos: s.qos }),
        ),
      });
      break;
    case 'SUBACK': {
      const failed = p.reasonCodes.some((c) => c >= 0x80);
      say = phrase(failed ? 'lab.say.send.SUBACKFailed' : 'lab.say.send.SUBACK', {
        from,
        to,
        packet: packetName(p),
        codes: p.reasonCodes.map((c) =>
          c >= 0x80 ? phrase('lab.say.subackFailure', { code: hex(c) }) : phrase('lab.say.subackGranted', { qos: c }),
        ),
      });
      if (failed) tone = 'bad';
      break;
    }
    case 'UNSUBSCRIBE':
      say = phrase('lab.say.send.UNSUBSCRIBE', {
        from,
        packet: packetName(p),
        filters: p.topicFilters.map((f) => phrase('lab.say.quoted', { text: clip(f) })),
      });
      break;
    case 'UNSUBACK':
      say = phrase('lab.say.send.UNSUBACK', { from, to, packet: packetName(p) });
      break;
    case 'PINGREQ':
      say = phrase('lab.say.send.PINGREQ', { from, keepAlive: telling.world.liveness.keepAliveS[e.conn] ?? '?' });
      break;
    case 'PINGRESP':
      say = phrase('lab.say.send.PINGRESP', { from, to });
      break;
    case 'DISCONNECT':
      say =
        e.from === 'broker'
          ? phrase('lab.say.send.DISCONNECTBroker', { from, to, code: hex(p.reasonCode ?? 0) })
          : goodbye(from, p.reasonCode);
      break;
    default:
      say = phrase('lab.say.send.other', { from, to, packet: p.type });
  }
  return line(e, 'send', say, { tone });
}

/**
 * A client's DISCONNECT, told by its reason code: none (3.1.1) or 0x00 discards the will
 * [MQTT-3.14.4-3]; 0x04 asks the broker to publish it all the same (5.0 §3.14.2.1); any other code
 * is not a normal disconnection, so the will is kept and published [MQTT-3.1.2-8].
 */
function goodbye(from: Phrase, reasonCode: number | undefined): Phrase {
  if (reasonCode === undefined || reasonCode === 0) return phrase('lab.say.send.DISCONNECT', { from });
  if (reasonCode === 0x04) return phrase('lab.say.send.DISCONNECTWithWill', { from });
  return phrase('lab.say.send.DISCONNECTReason', { from, code: hex(reasonCode) });
}
