/**
 * Words for what the spans say: translated names and explanations, values as a learner reads
 * them (reason codes by name, QoS with its meaning, data as text when it is text), the spec section
 * of a field, and error messages. Everything visible goes through t().
 */
import { PACKET_TYPES, type PacketType, type ProtocolVersion, type Span } from '$engine';
import { language, t, tIn } from '../i18n/i18n.svelte.ts';
import type { HexError } from '../lib/hex.ts';
import type { DecodeFailure, PacketResult } from './decode-stream.ts';
import { reasonKey } from './reasons.ts';
import type { Row } from './span-rows.ts';

export interface PacketContext {
  bytes: Uint8Array;
  version: ProtocolVersion;
  type: PacketType | undefined;
}

export function contextOf(result: PacketResult): PacketContext {
  const version = result.packet?.type === 'CONNECT' ? (result.packet.protocolVersion === 5 ? 5 : 4) : result.version;
  return { bytes: result.bytes, version, type: packetTypeOf(result) };
}

/** The packet type, from the decoded packet or else from bits 7–4 of the first byte. */
export function packetTypeOf(result: PacketResult): PacketType | undefined {
  if (result.packet) return result.packet.type;
  const first = result.bytes[0];
  return first === undefined ? undefined : PACKET_TYPES[(first >> 4) - 1];
}

export const labelName = (label: string): string => t(`${label}.name`);
export const labelAbout = (label: string): string => t(`${label}.about`);

/** The English name of a term while the page is in Chinese: the spec's own words, for learners. */
export function englishName(label: string): string | undefined {
  return language() === 'zh' ? tIn('en', `${label}.name`) : undefined;
}

/** The name in the other language, whichever is on (for the legend, where both always help). */
export function otherName(label: string): { text: string; lang: string } {
  return language() === 'zh'
    ? { text: tIn('en', `${label}.name`), lang: 'en' }
    : { text: tIn('zh', `${label}.name`), lang: 'zh-CN' };
}

export const hex2 = (b: number): string => b.toString(16).padStart(2, '0').toUpperCase();

export function hexBytes(bytes: Uint8Array, max = 32): string {
  const shown = Array.from(bytes.subarray(0, max), hex2).join(' ');
  return bytes.length > max ? `${shown} …` : shown;
}

export function bitRange(mask: number): { high: number; low: number } {
  let high = -1;
  let low = 8;
  for (let bit = 0; bit < 8; bit++) {
    if (mask & (1 << bit)) {
      high = Math.max(high, bit);
      low = Math.min(low, bit);
    }
  }
  return { high, low };
}

/** The value of the bits under `mask`, shifted down: QoS bits 0b110 of 0x32 → 1. */
export function bitsValue(byte: number, mask: number): number {
  return (byte & mask) >> bitRange(mask).low;
}

export function bitString(byte: number, mask: number): string {
  const { high, low } = bitRange(mask);
  let s = '';
  for (let bit = high; bit >= low; bit--) s += (byte >> bit) & 1;
  return s;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text, if they are UTF-8 without control characters (tabs and newlines allowed). */
export function textOf(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return undefined;
  try {
    const text = decoder.decode(bytes);
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * Characters that print as nothing, or as nothing a reader can tell apart (a BOM, U+FFFF, DEL and
 * the C1 controls, zero-width and bidirectional marks): shown as ⟨U+FEFF⟩. C0 controls already
 * come escaped (\u0001) from the codec's quoting.
 */
const INVISIBLE =
  /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff0-\uffff]/g;

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

export function clip(text: string, max = 160): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return visible(shown);
}

const QOS_LABELS = new Set(['field.qos', 'field.willQos', 'field.requestedQos', 'field.maximumQos']);
const REASON_LABELS = new Set(['field.reasonCode', 'field.returnCode']);
const DATA_LABELS = new Set(['field.bytes', 'field.payload']);

/** The reason code a reason-code span holds, with its translated name (undefined if not allowed). */
export function reasonOf(span: Span, ctx: PacketContext): { code: number; key?: string } | undefined {
  if (!REASON_LABELS.has(span.label) || ctx.type === undefined) return undefined;
  const code = ctx.bytes[span.start];
  if (code === undefined) return undefined;
  return { code, key: reasonKey(ctx.type, code, ctx.version) };
}

/** "name: text" with the language's own colon. */
export function labelled(name: string, text: string): string {
  return t('value.labelled', { name, text });
}

/** A row's value, as the field tree shows it. */
export function fieldValue(row: Row, ctx: PacketContext): string {
  const span = row.span;
  const byte = ctx.bytes[span.start] ?? 0;
  if (row.depth === 0 && span.children) {
    return t('value.bytes', { count: span.end - span.start });
  }
  const reason = reasonOf(span, ctx);
  if (reason) {
    const number = `${reason.code} (0x${hex2(reason.code)})`;
    return reason.key
      ? `${number} ${t(`${reason.key}.name`)}`
      : `${number} — ${t('value.notAllowed', { packet: ctx.type })}`;
  }
  if (span.bitMask !== undefined && QOS_LABELS.has(span.label)) {
    const qos = bitsValue(byte, span.bitMask);
    return `${bitString(byte, span.bitMask)} = ${qos} · ${t(`qos.${qos}`)}`;
  }
  if (span.bitMask !== undefined && span.label === 'field.retainHandling') {
    const value = bitsValue(byte, span.bitMask);
    return `${bitString(byte, span.bitMask)} = ${value} · ${t(`retainHandling.${value}`)}`;
  }
  if (span.children?.some((c) => c.label === 'field.binaryLength')) {
    return t('value.bytes', { count: Math.max(0, span.end - span.start - 2) });
  }
  if (DATA_LABELS.has(span.label) && !span.children) {
    const data = ctx.bytes.subarray(span.start, span.end);
    const text = textOf(data);
    return text !== undefined ? clip(JSON.stringify(text)) : hexBytes(data, 16);
  }
  if (
    (span.label === 'field.properties' || span.label === 'field.willProperties') &&
    span.value !== undefined &&
    /^\d+$/.test(span.value)
  ) {
    return t('value.properties', { count: Number(span.value) });
  }
  if (span.label === 'field.keepAlive' && span.value) {
    return t('value.seconds', { value: span.value.replace(/\s*s$/, '') });
  }
  return clip(span.value ?? '');
}

/** What the current value means, in words, where a field's values have names. */
export function valueMeaning(row: Row, ctx: PacketContext): string | undefined {
  const span = row.span;
  const byte = ctx.bytes[span.start] ?? 0;
  const reason = reasonOf(span, ctx);
  if (reason) {
    return reason.key
      ? labelled(t(`${reason.key}.name`), t(`${reason.key}.meaning`))
      : t('value.notAllowed', { packet: ctx.type });
  }
  if (span.label === 'field.packetType' && ctx.type) {
    return labelled(`${ctx.type} — ${t(`packet.${ctx.type}.name`)}`, t(`packet.${ctx.type}.about`));
  }
  if (span.bitMask === undefined) return undefined;
  const value = bitsValue(byte, span.bitMask);
  if (QOS_LABELS.has(span.label)) return labelled(`QoS ${value}`, t(`qos.${value}`));
  if (span.label === 'field.retainHandling') return labelled(String(value), t(`retainHandling.${value}`));
  if (span.label === 'field.continuation') return labelled(String(value), t(`continuation.${value}`));
  if (span.bitMask && (span.bitMask & (span.bitMask - 1)) === 0 && !span.label.startsWith('field.reserved')) {
    return labelled(String(value), t(`flag.${value}`));
  }
  return undefined;
}

/**
 * The spec section a field is defined in, for fields whose span names no rule. The engine's rule
 * (a numbered statement) wins where it gives one.
 */
const SECTIONS: Record<string, [v311: string, v5: string]> = {
  'field.fixedHeader': ['§2.2', '§2.1.1'],
  'field.firstByte': ['§2.2', '§2.1.1'],
  'field.packetType': ['§2.2.1', '§2.1.2'],
  'field.reservedFlags': ['§2.2.2', '§2.1.3'],
  'field.dup': ['§3.3.1.1', '§3.3.1.1'],
  'field.qos': ['§3.3.1.2', '§3.3.1.2'],
  'field.retain': ['§3.3.1.3', '§3.3.1.3'],
  'field.remainingLength': ['§2.2.3', '§2.1.4'],
  'field.varintByte': ['§2.2.3', '§1.5.5'],
  'field.continuation': ['§2.2.3', '§1.5.5'],
  'field.varintDigit': ['§2.2.3', '§1.5.5'],
  'field.variableHeader': ['§2.3', '§2.2'],
  'field.packetId': ['§2.3.1', '§2.2.1'],
  'field.stringLength': ['§1.5.3', '§1.5.4'],
  'field.utf8': ['§1.5.3', '§1.5.4'],
  'field.protocolName': ['§3.1.2.1', '§3.1.2.1'],
  'field.protocolLevel': ['§3.1.2.2', '§3.1.2.2'],
  'field.connectFlags': ['§3.1.2.3', '§3.1.2.3'],
  'field.cleanSession': ['§3.1.2.4', '§3.1.2.4'],
  'field.cleanStart': ['§3.1.2.4', '§3.1.2.4'],
  'field.willFlag': ['§3.1.2.5', '§3.1.2.5'],
  'field.willQos': ['§3.1.2.6', '§3.1.2.6'],
  'field.willRetain': ['§3.1.2.7', '§3.1.2.7'],
  'field.usernameFlag': ['§3.1.2.8', '§3.1.2.8'],
  'field.passwordFlag': ['§3.1.2.9', '§3.1.2.9'],
  'field.keepAlive': ['§3.1.2.10', '§3.1.2.10'],
  'field.acknowledgeFlags': ['§3.2.2.1', '§3.2.2.1'],
  'field.topic': ['§3.3.2.1', '§3.3.2.1'],
  'field.topicFilter': ['§4.7', '§4.7'],
  'field.properties': ['', '§2.2.2'],
  'field.willProperties': ['', '§3.1.3.2'],
  'field.clientId': ['§3.1.3.1', '§3.1.3.1'],
  'field.willTopic': ['§3.1.3.2', '§3.1.3.3'],
  'field.willPayload': ['§3.1.3.3', '§3.1.3.4'],
  'field.username': ['§3.1.3.4', '§3.1.3.5'],
  'field.password': ['§3.1.3.5', '§3.1.3.6'],
  'field.sessionPresent': ['§3.2.2.2', '§3.2.2.1.1'],
  'field.requestedQosByte': ['§3.8.3', '§3.8.3.1'],
  'field.requestedQos': ['§3.8.3', '§3.8.3.1'],
  'field.maximumQos': ['§3.8.3', '§3.8.3.1'],
  'field.propertyLength': ['', '§2.2.2.1'],
  'field.propertyId': ['', '§2.2.2.2'],
  'field.reasonCode': ['', '§2.4'],
  'field.subscriptionOptions': ['', '§3.8.3.1'],
};

export function specRef(span: Span, version: ProtocolVersion, depth: number): string | undefined {
  if (span.rule) return span.rule;
  if (span.label === 'field.payload' && depth === 0) return version === 5 ? '§2.3' : '§2.4';
  if (span.label.startsWith('property.')) return version === 5 ? '§2.2.2.2' : undefined;
  return SECTIONS[span.label]?.[version === 5 ? 1 : 0] || undefined;
}

/** Error parameters that name a field, a property or a term are shown in the reader's language. */
function translateParams(params: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const name of ['field', 'property'] as const) {
    const value = params[name];
    if (typeof value !== 'string') continue;
    const parts = value.split('.').filter((p) => !/^\d+$/.test(p));
    const joined = parts.map((p, i) => (i === 0 ? p : p[0].toUpperCase() + p.slice(1))).join('');
    const last = parts[parts.length - 1] ?? value;
    const keys = [
      `term.${joined}`,
      `field.${joined}.name`,
      `term.${last}`,
      `field.${last}.name`,
      `property.${last}.name`,
    ];
    for (const key of keys) {
      const text = t(key);
      if (text !== key) {
        out[name] = text;
        break;
      }
    }
  }
  return out;
}

export function failureMessage(failure: DecodeFailure): string {
  if (failure.code === 'internal') return failure.detail ?? '';
  return t(`error.${failure.code}`, translateParams(failure.params));
}

export function hexErrorText(error: HexError): string {
  return t(`explainer.hexError.${error.code}`, { ...error });
}
