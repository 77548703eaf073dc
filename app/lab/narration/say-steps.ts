/**
 * What the scenario or a person did: each step (connect, publish, cut the cable, set the link,
 * a scripted fault …) as the line that opens its part of the story.
 */
import type { Step } from '$engine';
import { type Phrase, phrase } from '../phrase.ts';
import {
  EMPTY,
  type Line,
  type Tag,
  type Telling,
  type Tone,
  clip,
  hex,
  ms,
  party,
  percent,
  qos,
} from './say-words.ts';

export function sayStep(seq: number, atMs: number, step: Step, telling: Telling): Line {
  const you = telling.isAction(step);
  const base = { seq, atMs, major: true, tag: (you ? 'you' : 'scenario') as Tag, tone: 'plain' as Tone };
  const client = 'client' in step ? party(step.client, true) : EMPTY;
  switch (step.do) {
    case 'connect':
      return { ...base, phrase: phrase('lab.say.step.connect', { client }) };
    case 'disconnect':
      return { ...base, phrase: phrase('lab.say.step.disconnect', { client }) };
    case 'crash':
      return { ...base, tone: 'bad', phrase: phrase('lab.say.step.crash', { client }) };
    case 'cut':
      return { ...base, tone: 'bad', phrase: phrase('lab.say.step.cut', { client: party(step.client) }) };
    case 'restore':
      return { ...base, phrase: phrase('lab.say.step.restore', { client: party(step.client) }) };
    case 'reset':
      return { ...base, tone: 'bad', phrase: phrase('lab.say.step.reset', { client: party(step.client) }) };
    case 'publish':
      return {
        ...base,
        phrase: phrase(step.retain ? 'lab.say.step.publishRetained' : 'lab.say.step.publish', {
          client,
          topic: clip(step.topic),
          payload: clip(step.payload),
          qos: qos(step.qos),
        }),
      };
    case 'subscribe':
      return {
        ...base,
        phrase: phrase('lab.say.step.subscribe', { client, filter: clip(step.filter), qos: qos(step.qos) }),
      };
    case 'unsubscribe':
      return { ...base, phrase: phrase('lab.say.step.unsubscribe', { client, filter: clip(step.filter) }) };
    case 'set-link': {
      return {
        ...base,
        phrase: phrase('lab.say.step.setLink', {
          client: party(step.client),
          direction: phrase(`lab.say.direction.${step.direction ?? 'both'}`),
          settings: linkSettings(step),
        }),
      };
    }
    case 'fault':
      return {
        ...base,
        tone: 'warn',
        phrase: phrase(`lab.say.step.fault.${step.fault}`, {
          packet: step.packet,
          from: party(step.from),
          nth: step.nth ?? 1,
          delay: ms(step.delayMs ?? 0),
          byte: step.byte ?? 0,
          xor: hex(step.xor ?? 0x01),
          to: step.to ? phrase('lab.say.toClient', { to: party(step.to) }) : EMPTY,
        }),
      };
  }
}

function linkSettings(step: Extract<Step, { do: 'set-link' }>): Phrase[] {
  const out: Phrase[] = [];
  if (step.delayMs !== undefined) out.push(phrase('lab.say.link.delay', { value: step.delayMs }));
  if (step.jitterMs !== undefined) out.push(phrase('lab.say.link.jitter', { value: step.jitterMs }));
  if (step.lossRatio !== undefined) out.push(phrase('lab.say.link.loss', { value: percent(step.lossRatio) }));
  if (step.duplicateRatio !== undefined)
    out.push(phrase('lab.say.link.duplicate', { value: percent(step.duplicateRatio) }));
  if (step.reorderRatio !== undefined) out.push(phrase('lab.say.link.reorder', { value: percent(step.reorderRatio) }));
  return out.length ? out : [phrase('lab.say.link.nothing')];
}
