/**
 * The notes a peer adds to the trace, keyed by code, each with its own params. Emitters build
 * them with `note()` and readers narrow on `code`, so a param is read with its type (no
 * `Number(p.qos) as QoS`). The params keep the order they had as untyped records: the trace JSON
 * (and the golden traces) do not change.
 */
import type { PacketType, QoS } from '../codec/packet.ts';
import type { BudgetParams } from './budget.ts';
import type { Transport } from './link.ts';

type RetainedParams = { topic: string; payload: string; qos: QoS };
type FaultParams = { packet: PacketType; send: number; transport: Transport; offset?: number; xor?: number };

/** Each code's params; `undefined` for a note that carries none. */
export interface NoteParams {
  // ------------------------------------------------------------ the broker: sessions and wills
  'session-created': { client: string; persistent: boolean };
  'session-resumed': { client: string; persistent: boolean };
  'session-kept': { client: string; expiryS: number };
  'session-expired': { client: string };
  'session-ended': { client: string };
  'will-stored': { client: string; topic: string; qos: QoS; retain: boolean };
  /** `reason`: why the connection ended (a close reason), or 'disconnect-with-will', 'will-delay', 'session-ended'. */
  'will-published': { client: string; topic: string; reason: string };
  'will-delayed': { client: string; topic: string; delayS: number };
  'will-cancelled': { client: string };
  'will-discarded': { client: string };
  // ------------------------------------------------------------ the broker: connecting
  'client-id-rejected': { reason: 'empty-persistent' };
  'client-id-assigned': { clientId: string };
  'auth-refused': { client: string; reasonCode: number; username: string };
  takeover: { client: string; conn: number };
  // ------------------------------------------------------------ the broker: subscriptions and messages
  'subscription-refused': { client: string; filter: string };
  subscribed: { client: string; filter: string; qos: QoS; replaced: boolean };
  unsubscribed: { client: string; filter: string };
  'retained-stored': RetainedParams;
  'retained-replaced': RetainedParams;
  'retained-cleared': RetainedParams;
  'retained-expired': { topic: string };
  'dropped-qos0-offline': { client: string; topic: string };
  queued: { client: string; topic: string; qos: QoS; online: boolean };
  dequeued: { client: string; topic: string };
  /** `index`: its place in the session's queue. */
  'message-expired': { client: string; topic: string; index: number };
  // ------------------------------------------------------------ both: a repeated QoS 2 PUBLISH absorbed
  /** `client` when the broker absorbed it (the sender's id); a client notes only the packet id. */
  'qos2-duplicate': { client?: string; packetId: number };
  // ------------------------------------------------------------ a client
  'client-busy': { state: string };
  /** A publish waits for the CONNACK; or a (un)subscribe does, `topic` holding its filter. */
  'client-queued': { topic: string; qos: QoS } | { action: 'subscribe' | 'unsubscribe'; topic: string; qos?: QoS };
  'client-dequeued': { topic: string; qos: QoS } | { action: 'subscribe' | 'unsubscribe'; topic: string };
  'client-session-discarded': undefined;
  'not-connected': { action: 'subscribe' | 'unsubscribe' };
  unreachable: undefined;
  'connack-refused': { reasonCode: number };
  // ------------------------------------------------------------ the network: a scripted fault
  'fault-drop': FaultParams;
  'fault-duplicate': FaultParams;
  'fault-delay': FaultParams;
  /** With `offset` and `xor`: which byte and which bits. */
  'fault-corrupt': FaultParams;
  // ------------------------------------------------------------ the run: stopped by the event budget
  'budget-reached': BudgetParams;
}

export type NoteCode = keyof NoteParams;

/** The fields of a note event beyond `seq` and `atMs`, for one code. */
export type NoteBody<C extends NoteCode> = { kind: 'note'; party: string; code: C } & (NoteParams[C] extends undefined
  ? { params?: undefined }
  : { params: NoteParams[C] });

/** A note's params when it carries some, nothing otherwise. */
export type NoteArgs<C extends NoteCode> = NoteParams[C] extends undefined ? [] : [params: NoteParams[C]];

/** A note of one code, as the trace holds it. */
export type NoteOf<C extends NoteCode> = { seq: number; atMs: number } & NoteBody<C>;

/** Any note: narrow on `code` to read its params. */
export type NoteEvent = { [C in NoteCode]: NoteOf<C> }[NoteCode];

/** The client a note is about, for the notes that name one. */
export function noteClient(note: { params?: object }): string | undefined {
  const params = note.params;
  return params && 'client' in params && typeof params.client === 'string' ? params.client : undefined;
}

/** Whether a trace event is a note of this code: narrows it, params and all. */
export function isNote<C extends NoteCode>(
  event: { kind: string; code?: unknown } | undefined,
  code: C,
): event is NoteOf<C> {
  return event?.kind === 'note' && event.code === code;
}

/** The notes of one code in a trace, in order (a party's only, when given). */
export function notesOf<C extends NoteCode>(
  trace: readonly { kind: string; code?: unknown; party?: unknown }[],
  code: C,
  party?: string,
): NoteOf<C>[] {
  const out: NoteOf<C>[] = [];
  for (const e of trace) if (isNote(e, code) && (party === undefined || e.party === party)) out.push(e);
  return out;
}
