/**
 * The words of the space-time views: names of parties, timers, steps, closes and fates, in the
 * current language. Everything that comes from a run (topics, payloads, client ids) is returned as
 * plain text for Svelte to escape; nothing here is markup.
 */
import type { CloseEvent, SendEvent, Step } from '$engine';
import { has, language, t } from '../../i18n/i18n.svelte.ts';
import type { ArrowItem } from './sequence-view.svelte.ts';
import { BROKER, type Mark, type TimerBar } from './run-model.ts';
import { formatMs } from './sequence-layout.ts';
import { violation } from '../narration/narration.ts';
import { say } from '../phrase.ts';

const memo = new WeakMap<object, Map<string, string>>();

/**
 * `compute()` once per object, variant and language: the words of a timer, a mark or an arrow do
 * not change while it is on screen, but its item is rebuilt every frame while the run plays.
 */
export function cached(owner: object, variant: string, compute: () => string): string {
  const key = `${language()}|${variant}`;
  let texts = memo.get(owner);
  if (!texts) memo.set(owner, (texts = new Map()));
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = compute()));
  return text;
}

/** Text from a run, shortened for a label. */
export function clip(text: string, max = 24): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const hexByte = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();

export function partyName(party: string): string {
  return party === BROKER ? t('diagram.broker') : party;
}

export function timerName(bar: TimerBar): string {
  const key = `diagram.timer.name.${bar.name}`;
  let name = has(key) ? t(key) : bar.name;
  if (bar.packetId !== null) name += ` #${bar.packetId}`;
  if (bar.client !== null) name += ` · ${bar.client}`;
  return name;
}

export function timerAria(bar: TimerBar, state: 'running' | 'fired' | 'cancelled'): string {
  const stateText =
    state === 'running'
      ? t('diagram.timer.running', { due: formatMs(bar.dueAtMs) })
      : t(state === 'fired' ? 'diagram.timer.fired' : 'diagram.timer.cancelled', { at: formatMs(bar.endMs) });
  return t('diagram.timer.aria', {
    name: timerName(bar),
    actor: bar.actor,
    start: formatMs(bar.startMs),
    state: stateText,
  });
}

export function closeReason(event: CloseEvent): string {
  const key = `diagram.close.reason.${event.reason}`;
  return has(key) ? t(key) : t('diagram.close.reason.other', { code: event.reason });
}

export function stepText(step: Step): string {
  switch (step.do) {
    case 'publish':
      return t('diagram.step.publish', { topic: clip(step.topic), qos: step.qos });
    case 'subscribe':
      return t('diagram.step.subscribe', { filter: clip(step.filter), qos: step.qos });
    case 'unsubscribe':
      return t('diagram.step.unsubscribe', { filter: clip(step.filter) });
    case 'fault':
      return t(`diagram.step.fault.${step.fault}`, { packet: step.packet, byte: step.byte ?? 0 });
    default:
      return t(`diagram.step.${step.do}`);
  }
}

/** The label written beside a mark on its lifeline. */
export function markLabel(mark: Mark): string {
  switch (mark.kind) {
    case 'step':
      return stepText(mark.step);
    case 'close':
      return mark.party === BROKER
        ? t('diagram.close.labelBroker', { client: mark.event.client, reason: closeReason(mark.event) })
        : t('diagram.close.label', { reason: closeReason(mark.event) });
    case 'deliver':
      return t('diagram.deliver', { topic: clip(mark.event.topic, 18), payload: clip(mark.event.payload, 14) });
    case 'error':
      // the rule is short and the same in both languages; the whole sentence is in the aria text
      return mark.rule ? t('diagram.error.labelRule', { rule: mark.rule }) : t('diagram.error.label');
  }
}

/** What a screen reader hears for a mark. */
export function markAria(mark: Mark): string {
  const at = formatMs(mark.atMs);
  const party = partyName(mark.party);
  switch (mark.kind) {
    case 'close':
      return t('diagram.close.aria', { party, conn: mark.event.conn, at, reason: closeReason(mark.event) });
    case 'error':
      return t('diagram.error.aria', { at, party, problem: say(violation(mark), t) });
    case 'deliver':
      return t('diagram.deliverAria', {
        party,
        at,
        topic: mark.event.topic,
        payload: clip(mark.event.payload, 200),
      });
    default:
      return t('diagram.step.aria', { at, party, what: markLabel(mark) });
  }
}

/** Where a copy is at the cursor, in words. */
export function fateText(item: ArrowItem): string {
  const { copy } = item;
  if (item.inFlight) return Number.isFinite(copy.endMs) ? t('diagram.arrow.inFlight') : t('diagram.arrow.pending');
  const at = formatMs(copy.endMs);
  if (copy.fate === 'arrive' || copy.fate === null) return t('diagram.arrow.arrived', { at });
  return t(`diagram.arrow.lost.${copy.fate}`, { at });
}

export function arrowAria(item: ArrowItem): string {
  const { send } = item.arrow;
  let text = t('diagram.arrow.aria', {
    label: item.label,
    from: partyName(send.from),
    to: partyName(send.to),
    sent: formatMs(send.sentAtMs),
    fate: fateText(item),
  });
  if (item.copyIndex > 0) text += `; ${t('diagram.arrow.copy')}`;
  const { retransmits } = item.arrow;
  if (retransmits) text += `; ${t('diagram.arrow.retransmits', { count: retransmits })}`;
  if (send.corrupted) text += `; ${corruptedText(send)}`;
  return text;
}

/** What a corrupt fault changed in a packet's bytes, in words. */
export function corruptedText(send: SendEvent): string {
  const { offset, original } = send.corrupted!;
  return t('diagram.arrow.corrupted', { offset, original: hexByte(original), sent: hexByte(send.bytes[offset]) });
}

/** A tooltip with a little more: the topic of a PUBLISH, the size on the wire. */
export function arrowTitle(item: ArrowItem): string {
  const { send } = item.arrow;
  const packet = send.packet;
  const more =
    packet.type === 'PUBLISH'
      ? t('diagram.arrow.more', { topic: clip(packet.topic, 60), bytes: send.bytes.length })
      : t('diagram.arrow.bytes', { bytes: send.bytes.length });
  return `${arrowAria(item)}. ${more}`;
}
