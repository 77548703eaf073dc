/**
 * Every way the codec can refuse bytes or a packet object.
 *
 * `kind` says what the receiver does about it, as the specs ask:
 * - `malformed`: close the connection (5.0: DISCONNECT 0x81 first where allowed);
 * - `protocol-error`: close the connection (5.0: DISCONNECT 0x82);
 * - `unsupported-protocol-version`: a server answers CONNACK 0x01 (3.1.1) / 0x84 (5.0), then closes
 *   [MQTT-3.1.2-2];
 * - `incomplete`: not an error of the peer: more bytes are needed.
 */
export type MqttErrorKind = 'malformed' | 'protocol-error' | 'unsupported-protocol-version' | 'incomplete';

export interface MqttErrorInit {
  kind: MqttErrorKind;
  /** Byte offset, from the first byte of the packet, where the problem is. */
  offset: number;
  /** The normative statement broken, e.g. 'MQTT-3.3.1-4', or a section like '§2.2.3'. */
  rule?: string;
  /** i18n key of the explanation, under `error.` (see `errorMessages`). */
  code: ErrorCode;
  params?: Record<string, string | number>;
}

/** English text of each error; the app's other languages translate the same keys and params. */
export const errorMessages = {
  empty: 'No bytes to decode.',
  incomplete: 'The packet is incomplete: {needed} more byte(s) are needed.',
  'reserved-type': 'Packet type {type} is reserved and may not be used in MQTT {version}.',
  'reserved-flags': 'The flags of {packet} (bits 3–0 of the first byte) must be {expected}, not {actual}.',
  'qos-3': 'QoS 3 is not a QoS level: a PUBLISH must not have both QoS bits set.',
  'dup-qos-0': 'DUP must be 0 when QoS is 0.',
  'varint-too-long': 'A variable byte integer has at most 4 bytes; this one continues past the 4th.',
  'varint-not-minimal':
    'The value {value} is encoded in {bytes} bytes; MQTT 5.0 requires the fewest bytes ({minimal}).',
  'remaining-length-mismatch': '{packet} has a fixed size: its remaining length must be {expected}, not {actual}.',
  'trailing-bytes': '{packet} ends at byte {end}, but the remaining length says {extra} more byte(s) follow.',
  'field-past-end': 'The field "{field}" needs {needed} byte(s) but only {available} remain in the packet.',
  'utf8-ill-formed': 'The string is not well-formed UTF-8 (byte 0x{byte}).',
  'utf8-surrogate': 'UTF-8 strings must not encode surrogate code points (U+D800–U+DFFF).',
  'utf8-null': 'UTF-8 strings must not contain the null character U+0000.',
  'string-too-long': 'A string or binary field holds at most 65,535 bytes; this one has {length}.',
  'topic-wildcard': 'A topic name must not contain the wildcard "{char}".',
  'topic-empty': 'A topic name or filter must be at least one character long.',
  'filter-hash-position': 'The wildcard "#" must be the last character, on its own or after "/".',
  'filter-plus-position': 'The wildcard "+" must occupy a whole level of the filter.',
  'shared-subscription-invalid':
    'A shared subscription must be "$share/<name>/<filter>" with a non-empty name without "/", "+" or "#".',
  'no-local-shared': 'No Local must not be set on a shared subscription.',
  'packet-id-zero': 'The packet identifier of {packet} must not be 0.',
  'packet-id-missing': 'A {packet} must carry a packet identifier.',
  'no-topic-filters': '{packet} must contain at least one topic filter.',
  'no-reason-codes': '{packet} must contain at least one reason code.',
  'subscription-options-reserved': 'Reserved bits of the subscription options must be 0 (got 0x{value}).',
  'subscription-qos-3': 'The requested QoS of a subscription must be 0, 1 or 2, not 3.',
  'retain-handling-3': 'Retain Handling 3 is reserved.',
  'protocol-name': 'The protocol name must be "MQTT" (or "MQIsdp" for 3.1), not "{name}".',
  'protocol-name-level': 'Protocol name "{name}" does not go with protocol level {level}.',
  'protocol-level': 'Protocol level {level} is not supported (3 = 3.1, 4 = 3.1.1, 5 = 5.0).',
  'protocol-level-name':
    'Protocol level {level} is MQTT 3.1, whose name is "MQIsdp": under the name "MQTT" it is an unacceptable protocol level (CONNACK 0x01).',
  'connect-reserved-flag': 'The reserved bit 0 of the CONNECT flags must be 0.',
  'will-qos-without-will': 'Will QoS must be 0 when the Will Flag is 0.',
  'will-retain-without-will': 'Will Retain must be 0 when the Will Flag is 0.',
  'will-qos-3': 'Will QoS must be 0, 1 or 2, not 3.',
  'announced-field-missing': 'The CONNECT flags announce a {field}, but the packet ends before it.',
  'password-without-username': 'In MQTT 3.1.1 the Password Flag must be 0 when the User Name Flag is 0.',
  'connack-reserved-flags': 'Bits 7–1 of the CONNACK acknowledge flags are reserved and must be 0.',
  'session-present-with-error': 'Session Present must be 0 when the CONNACK reason code is not success.',
  'reason-code-invalid': '0x{code} is not a reason code that {packet} may carry.',
  'property-unknown': '0x{id} is not a property identifier.',
  'property-not-allowed': 'The property {property} may not appear in {packet}.',
  'property-repeated': 'The property {property} may appear only once.',
  'property-value': 'The property {property} may not have the value {value}.',
  'auth-data-without-method': 'Authentication Data may appear only with an Authentication Method.',
  'properties-in-3-1-1': 'Properties exist only in MQTT 5.0.',
  'topic-alias-required': 'An empty topic name is allowed only with a Topic Alias.',
  'invalid-field': 'The field "{field}" is invalid: {reason}.',
  'packet-too-large': 'The packet would be {length} bytes long after its fixed header; the limit is 268,435,455.',
  'auth-in-3-1-1': 'AUTH exists only in MQTT 5.0.',
} as const;

export type ErrorCode = keyof typeof errorMessages;

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export class MqttError extends Error {
  readonly kind: MqttErrorKind;
  readonly offset: number;
  readonly rule?: string;
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly incomplete: boolean;

  constructor(init: MqttErrorInit) {
    const text = fill(errorMessages[init.code], init.params);
    super(init.rule ? `${text} [${init.rule}] (byte ${init.offset})` : `${text} (byte ${init.offset})`);
    this.name = 'MqttError';
    this.kind = init.kind;
    this.offset = init.offset;
    this.code = init.code;
    this.params = init.params ?? {};
    this.incomplete = init.kind === 'incomplete';
    if (init.rule) this.rule = init.rule;
  }

  /** The 5.0 reason code a receiver sends before closing (DISCONNECT, or CONNACK for a CONNECT). */
  get reasonCode(): number | undefined {
    if (this.kind === 'malformed') return 0x81;
    if (this.kind === 'protocol-error') return 0x82;
    if (this.kind === 'unsupported-protocol-version') return 0x84;
    return undefined;
  }
}

export function malformed(offset: number, code: ErrorCode, rule?: string, params?: MqttErrorInit['params']) {
  return new MqttError({ kind: 'malformed', offset, code, rule, params });
}

export function protocolError(offset: number, code: ErrorCode, rule?: string, params?: MqttErrorInit['params']) {
  return new MqttError({ kind: 'protocol-error', offset, code, rule, params });
}
