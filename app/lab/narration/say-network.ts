/**
 * The network's part: packets arriving (on time, late, held behind a retransmission, retransmitted,
 * altered on the way), lost, copied, and the scripted faults that did it. Compared with the link as
 * the World has it at that moment (the scenario's, then each set-link step).
 */
import type {
  ArriveEvent,
  DropEvent,
  DuplicateEvent,
  LinkOptions,
  NoteEvent,
  SendEvent,
  TraceEvent,
  World,
} from '$engine';
import { isNote } from '$engine';
import { phrase } from '../phrase.ts';
import { type Line, type Telling, hex, line, ms, packetName, party } from './say-words.ts';

function nominal(world: World, from: string, to: string): Required<LinkOptions> | undefined {
  const client = from === 'broker' ? to : from;
  const link = world.links[client];
  return link ? (from === 'broker' ? link.down : link.up) : undefined;
}

export function sayArrive(e: ArriveEvent, telling: Telling): Line {
  const trace = telling.trace;
  const took = e.arriveAtMs - e.sentAtMs;
  const base = { packet: packetName(e.packet), from: party(e.from), to: party(e.to, true), took: ms(took) };
  if (telling.captured) return line(e, 'arrive', phrase('lab.say.arriveCaptured', base));
  if (e.corrupted) {
    // what the receiver makes of the altered bytes (an error, a close) is told by the lines after
    const { offset } = e.corrupted;
    const say = phrase('lab.say.arriveCorrupted', { ...base, offset, sent: hex(e.bytes[offset]) });
    return line(e, 'arrive', say, { tone: 'bad' });
  }
  if (e.copy !== undefined) return line(e, 'arrive', phrase('lab.say.arriveCopy', base), { tone: 'warn' });
  const link = nominal(telling.world, e.from, e.to);
  const usual = ms(link?.delayMs ?? 0);
  const retransmits = e.retransmits ?? 0;
  if (telling.transport === 'tcp' && retransmits > 0)
    return line(
      e,
      'arrive',
      phrase('lab.say.arriveRetransmitted', { ...base, toObject: party(e.to), count: retransmits, usual }),
      {
        tone: 'warn',
      },
    );
  if (link && took > link.delayMs + link.jitterMs + 1) {
    if (faultOn(e.send, 'fault-delay', trace))
      return line(e, 'arrive', phrase('lab.say.arriveDelayed', { ...base, usual }), { tone: 'warn' });
    if (telling.transport === 'tcp' && blockedBehind(e, trace))
      return line(e, 'arrive', phrase('lab.say.arriveBlocked', { ...base, usual }), { tone: 'warn' });
    return line(e, 'arrive', phrase('lab.say.arriveLate', { ...base, usual }), { tone: 'warn' });
  }
  return line(e, 'arrive', phrase('lab.say.arrive', base));
}

/** Whether a scripted fault of this kind was aimed at the packet sent at `send`. */
function faultOn(send: number, code: 'fault-delay', trace: readonly TraceEvent[]): boolean {
  const next = trace[send + 1];
  return isNote(next, code) && next.params.send === send;
}

/** tcp: whether a retransmitted segment on the same link arrived in the same instant, just before. */
function blockedBehind(e: ArriveEvent, trace: readonly TraceEvent[]): boolean {
  for (let i = e.seq - 1; i >= 0 && trace[i].atMs === e.atMs; i--) {
    const before = trace[i];
    if (before.kind !== 'arrive' || before.from !== e.from || before.to !== e.to) continue;
    if ((before.retransmits ?? 0) > 0 || faultOn(before.send, 'fault-delay', trace)) return true;
  }
  return false;
}

export function sayDrop(e: DropEvent, telling: Telling): Line {
  const send = telling.trace[e.send] as SendEvent | undefined;
  return line(
    e,
    'lost',
    phrase(`lab.say.drop.${e.reason}`, {
      packet: send ? packetName(send.packet) : '?',
      from: party(e.from),
      to: party(e.to),
      model: phrase(telling.transport === 'tcp' ? 'lab.say.modelTcp' : 'lab.say.modelLossy'),
    }),
    { tone: 'bad' },
  );
}

/** A copy the network made (lossy duplication, or a scripted fault's). */
export function sayDuplicate(e: DuplicateEvent, telling: Telling): Line {
  const send = telling.trace[e.send] as SendEvent | undefined;
  return line(
    e,
    'network',
    phrase('lab.say.duplicate', {
      packet: send ? packetName(send.packet) : '?',
      from: party(e.from),
      to: party(e.to),
    }),
    { tone: 'warn' },
  );
}

/** A scripted fault that took effect, said the moment it did. */
export function sayFault(e: NoteEvent, telling: Telling): Line | null {
  switch (e.code) {
    case 'fault-drop':
    case 'fault-duplicate':
    case 'fault-delay': {
      const tcp = e.params.transport === 'tcp';
      const kind = e.code.slice('fault-'.length);
      return line(e, 'network', phrase(`lab.say.fault.${kind}${tcp ? 'Tcp' : ''}`, { packet: e.params.packet }), {
        tone: 'warn',
      });
    }
    case 'fault-corrupt': {
      const send = telling.trace[e.params.send];
      const offset = e.params.offset ?? 0;
      const original = send?.kind === 'send' && send.corrupted ? hex(send.corrupted.original) : '?';
      const sent = send?.kind === 'send' ? hex(send.bytes[offset] ?? 0) : '?';
      return line(e, 'network', phrase('lab.say.fault.corrupt', { packet: e.params.packet, offset, original, sent }), {
        tone: 'bad',
      });
    }
  }
  return null;
}
