/**
 * What every part of the story shares: the line's shape, the words for parties, QoS, times and
 * packets, and what a teller knows besides the event (the world after it, the trace, the run's
 * transport). The sentences themselves are in one file per family of events (say-*.ts).
 */
import type { ErrorEvent, Packet, Step, TraceEvent, World } from '$engine';
import { errorMessages } from '$engine';
import { type Phrase, phrase } from '../phrase.ts';

export type Tone = 'plain' | 'good' | 'bad' | 'warn';

/** What kind of line, shown as a word beside it (never colour alone). */
export type Tag =
  | 'scenario'
  | 'you'
  | 'send'
  | 'arrive'
  | 'lost'
  | 'deliver'
  | 'broker'
  | 'client'
  | 'timer'
  | 'state'
  | 'connection'
  | 'error'
  | 'network';

export interface Line {
  seq: number;
  atMs: number;
  major: boolean;
  tag: Tag;
  tone: Tone;
  phrase: Phrase;
  /** The spec rule behind it, when the event names one. */
  rule?: string;
}

/**
 * What a sentence may read besides its event: the world just after the event (the links as set,
 * the Keep Alive a connection asked for, the state of a flow) and the trace, for the events that
 * belong to this one (a send, a fault aimed at it, what happens in the same instant).
 */
export interface Telling {
  world: World;
  trace: readonly TraceEvent[];
  transport: 'tcp' | 'lossy';
  /** A capture opened read-only: one time per packet, and closes as the capture saw them. */
  captured: boolean;
  /** Whether a step was a person's action (not the scenario's own). */
  isAction(step: Step): boolean;
}

export function line(e: TraceEvent, tag: Tag, p: Phrase, more: Partial<Line> = {}): Line {
  return { seq: e.seq, atMs: e.atMs, major: true, tag, tone: 'plain', phrase: p, ...more };
}

const MAX_TEXT = 48;
const textDecoder = new TextDecoder();

/** User text as it will be quoted: shortened, control characters made visible. */
export function clip(text: string, max = MAX_TEXT): string {
  // eslint-disable-next-line no-control-regex
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, '·');
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}

export const payloadText = (payload: Uint8Array): string => clip(textDecoder.decode(payload));

/** 'broker' or a client's name; the broker's is translated, a client's is its id. */
export function party(name: string, subject = false): Phrase {
  return name === 'broker'
    ? phrase(subject ? 'lab.party.brokerSubject' : 'lab.party.broker')
    : phrase('lab.party.client', { name });
}

/** What was wrong: in the codec's own words, or the broker's for a rule about packet order. */
export const violation = (e: Pick<ErrorEvent, 'code' | 'params'>): Phrase =>
  e.code in errorMessages ? phrase(`error.${e.code}`, e.params) : phrase(`lab.say.violation.${e.code}`, e.params);

export const qos = (n: number): Phrase => phrase('lab.say.qos', { qos: n, meaning: phrase(`qos.${n}`) });
export const ms = (value: number): Phrase => phrase('lab.say.ms', { value: Math.round(value) });
export const packetName = (packet: Packet): string =>
  'packetId' in packet && packet.packetId !== undefined ? `${packet.type} ${packet.packetId}` : packet.type;
export const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
export const EMPTY = '';

export const seconds = (msValue: number): Phrase =>
  phrase('lab.say.seconds', { value: (msValue / 1000).toFixed(msValue % 1000 === 0 ? 0 : 2) });

export const percent = (ratio: number): number => Math.round(ratio * 1000) / 10;
