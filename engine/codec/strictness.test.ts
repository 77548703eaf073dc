/**
 * What the codec refuses, and how it says so. Each row of the decode tables is a malformed packet
 * as hex, the version it is read as, and the error it must raise: its kind (what the receiver does
 * about it), the rule it breaks (3.1.1 and 5.0 number the same rule differently) and the offset of
 * the offending byte. Then what must be accepted all the same, then packet objects that encode()
 * must refuse with an MqttError instead of writing bytes.
 */
import { describe, expect, test } from 'vitest';
import { type Packet, decode, encode } from './codec.ts';
import type { ErrorCode, MqttErrorKind } from './errors.ts';
import { hex, thrown, utf8 } from './test-support.ts';
import type { ProtocolVersion } from './version.ts';

type Kind = Exclude<MqttErrorKind, 'incomplete'>;
/** One rule for both versions, or [3.1.1 rule, 5.0 rule]. */
type Rule = string | [v311: string, v5: string];
type Versions = 4 | 5 | 'both';
/** [what is wrong, read as, bytes, kind, rule, offset of the offending byte] */
type Row = [name: string, versions: Versions, bytes: string, kind: Kind, rule: Rule, offset: number];

const M = 'malformed';
const P = 'protocol-error';
const BOTH = 'both';
const VERSION_NAME = { 4: '3.1.1', 5: '5.0' } as const;

function cases(rows: Row[]) {
  return rows.flatMap(([name, versions, bytes, kind, rule, offset]) =>
    (versions === BOTH ? ([4, 5] as const) : [versions]).map((version) => ({
      name: `${name} (${VERSION_NAME[version]})`,
      version,
      bytes,
      kind,
      rule: typeof rule === 'string' ? rule : rule[version === 4 ? 0 : 1],
      offset,
    })),
  );
}

function decodeTable(title: string, rows: Row[]): void {
  describe(title, () => {
    test.each(cases(rows))('$name', ({ version, bytes, kind, rule, offset }) => {
      const error = thrown(() => decode(hex(bytes), version));
      expect({ kind: error.kind, rule: error.rule, offset: error.offset }).toEqual({ kind, rule, offset });
    });
  });
}

/** "MQTT", the protocol name every 3.1.1 / 5.0 CONNECT starts with. */
const MQTT = '00 04 4d 51 54 54';
/** A 3.1.1 / 5.0 SUBSCRIBE to one filter, identifier 1, with these filter bytes and options byte. */
const subscribe4 = (filter: string, options = '00') => {
  const body = `00 01 ${len(filter)} ${filter} ${options}`;
  return `82 ${len(body).slice(3)} ${body}`;
};
const subscribe5 = (filter: string, options = '00') => {
  const body = `00 01 00 ${len(filter)} ${filter} ${options}`;
  return `82 ${len(body).slice(3)} ${body}`;
};
/** The 2-byte length of some hex bytes, as hex. */
function len(bytes: string): string {
  const n = hex(bytes).length;
  return `${(n >> 8).toString(16).padStart(2, '0')} ${(n & 0xff).toString(16).padStart(2, '0')}`;
}
/** A topic of 70 × "a" and then one more byte: long enough for the UTF-8 decoder's long path. */
const longTopic = (last: string) => `30 49 00 47 ${'61 '.repeat(70)}${last}`;

// prettier-ignore
decodeTable('the fixed header', [
  ['CONNECT with flags 0001', BOTH, '11 00', M, ['MQTT-2.2.2-1', 'MQTT-2.1.3-1'], 0],
  ['CONNACK with flags 1000', BOTH, '28 02 00 00', M, ['MQTT-2.2.2-1', 'MQTT-2.1.3-1'], 0],
  ['PUBACK with flags 0001', BOTH, '41 02 00 01', M, ['MQTT-2.2.2-1', 'MQTT-2.1.3-1'], 0],
  ['PUBREC with flags 1000', BOTH, '58 02 00 01', M, ['MQTT-2.2.2-1', 'MQTT-2.1.3-1'], 0],
  ['PUBREL with flags 0000, not 0010', BOTH, '60 02 00 01', M, 'MQTT-3.6.1-1', 0],
  ['PUBCOMP with flags 0010', BOTH, '72 02 00 01', M, ['MQTT-2.2.2-1', 'MQTT-2.1.3-1'], 0],
  ['SUBSCRIBE with flags 0000, not 0010', BOTH, '80 06 00 01 00 01 61 00', M, 'MQTT-3.8.1-1', 0],
  ['SUBACK with flags 0001', BOTH, '91 03 00 01 00', M, ['MQTT-2.2.2-1', 'MQTT-2.1.3-1'], 0],
  ['UNSUBSCRIBE with flags 0011', BOTH, 'a3 05 00 01 00 01 61', M, 'MQTT-3.10.1-1', 0],
  ['UNSUBACK with flags 0100', BOTH, 'b4 02 00 01', M, ['MQTT-2.2.2-1', 'MQTT-2.1.3-1'], 0],
  ['PINGREQ with flags 0001', BOTH, 'c1 00', M, ['MQTT-2.2.2-1', 'MQTT-2.1.3-1'], 0],
  ['PINGRESP with flags 1000', BOTH, 'd8 00', M, ['MQTT-2.2.2-1', 'MQTT-2.1.3-1'], 0],
  ['DISCONNECT with flags 0010', BOTH, 'e2 00', M, 'MQTT-3.14.1-1', 0],
  ['AUTH with flags 0001', 5, 'f1 00', M, 'MQTT-3.15.1-1', 0],
  ['packet type 0', BOTH, '00 00', M, ['§2.2.1', '§2.1.2'], 0],
  ['packet type 15 (AUTH) under 3.1.1', 4, 'f0 00', M, '§2.2.1', 0],
  ['PUBLISH with QoS 3', BOTH, '36 05 00 01 61 00 01', M, 'MQTT-3.3.1-4', 0],
  ['PUBLISH with DUP 1 and QoS 0', BOTH, '38 03 00 01 61', M, 'MQTT-3.3.1-2', 0],
  ['a remaining length of more than 4 bytes', BOTH, 'c0 80 80 80 80 01', M, ['§2.2.3', '§1.5.5'], 1],
  ['a remaining length of 0 in 2 bytes', 5, 'c0 80 00', M, 'MQTT-1.5.5-1', 1],
  ['a remaining length of 7 in 2 bytes', 5, '30 87 00 00 03 61 2f 62 00 68', M, 'MQTT-1.5.5-1', 1],
  ['a Property Length of 0 in 2 bytes', 5, '40 05 00 01 00 80 00', M, 'MQTT-1.5.5-1', 5],
]);

// prettier-ignore
decodeTable('a remaining length that disagrees with the contents', [
  ['PINGREQ with remaining length 1', BOTH, 'c0 01 00', M, '§3.12.1', 1],
  ['PINGRESP with remaining length 2', BOTH, 'd0 02 00 00', M, '§3.13.1', 1],
  ['DISCONNECT with remaining length 1', 4, 'e0 01 00', M, '§3.14.1', 1],
  ['PUBACK with remaining length 3', 4, '40 03 00 01 00', M, '§3.4.1', 1],
  ['PUBREC with remaining length 1', 4, '50 01 00', M, '§3.5.1', 1],
  ['PUBREL with remaining length 4', 4, '62 04 00 01 00 00', M, '§3.6.1', 1],
  ['PUBCOMP with remaining length 0', 4, '70 00', M, '§3.7.1', 1],
  ['CONNACK with remaining length 3', 4, '20 03 00 00 00', M, '§3.2.1', 1],
  ['UNSUBACK with remaining length 3', 4, 'b0 03 00 01 00', M, '§3.11.1', 1],
  ['a byte after the properties of a PUBACK', 5, '40 05 00 01 00 00 ff', M, '§2.1.4', 6],
  ['a byte after the properties of a CONNACK', 5, '20 04 00 00 00 ff', M, '§2.1.4', 5],
  ['a byte after the properties of a DISCONNECT', 5, 'e0 03 00 00 ff', M, '§2.1.4', 4],
  ['a PUBACK too short for its packet identifier', 5, '40 01 00', M, '§2.1.4', 2],
  ['a topic running past the end of the packet', BOTH, '30 04 00 05 61 62', M, ['§2.2.3', '§2.1.4'], 4],
  ['a subscription without its options byte', 4, '82 07 00 01 00 03 61 2f 62', M, '§2.2.3', 9],
  ['a Property Length running past the packet', 5, '40 04 00 01 00 05', M, '§2.1.4', 6],
  ['a property running past the Property Length', 5, '40 08 00 01 00 02 1f 00 01 61', M, '§2.1.4', 7],
  ['a CONNACK without a Property Length', 5, '20 02 00 00', M, '§2.1.4', 4],
  ['a PUBLISH without a Property Length', 5, '30 05 00 03 61 2f 62', M, '§2.1.4', 7],
]);

// prettier-ignore
decodeTable('UTF-8 strings [MQTT-1.5.3-1/2] (5.0 [MQTT-1.5.4-1/2])', [
  ['the byte FF', BOTH, '30 03 00 01 ff', M, ['MQTT-1.5.3-1', 'MQTT-1.5.4-1'], 4],
  ['a continuation byte with no lead byte', BOTH, '30 03 00 01 80', M, ['MQTT-1.5.3-1', 'MQTT-1.5.4-1'], 4],
  ['a lead byte at the end of the string', BOTH, '30 04 00 02 61 c3', M, ['MQTT-1.5.3-1', 'MQTT-1.5.4-1'], 5],
  ['an overlong "/" (C0 AF)', BOTH, '30 04 00 02 c0 af', M, ['MQTT-1.5.3-1', 'MQTT-1.5.4-1'], 4],
  ['an overlong "/" (E0 80 AF)', BOTH, '30 05 00 03 e0 80 af', M, ['MQTT-1.5.3-1', 'MQTT-1.5.4-1'], 4],
  ['a code point above U+10FFFF', BOTH, '30 06 00 04 f4 90 80 80', M, ['MQTT-1.5.3-1', 'MQTT-1.5.4-1'], 4],
  ['an encoded surrogate (ED A0 80)', BOTH, '30 05 00 03 ed a0 80', M, ['MQTT-1.5.3-1', 'MQTT-1.5.4-1'], 4],
  ['U+0000 in a topic', BOTH, '30 05 00 03 61 00 62', M, ['MQTT-1.5.3-2', 'MQTT-1.5.4-2'], 5],
  ['U+0000 in a client identifier', 4, `10 0d ${MQTT} 04 02 00 3c 00 01 00`, M, 'MQTT-1.5.3-2', 14],
  ['U+0000 in a user name', 4, `10 11 ${MQTT} 04 82 00 3c 00 02 63 31 00 01 00`, M, 'MQTT-1.5.3-2', 18],
  ['the byte FF in a Reason String', 5, '40 08 00 01 00 04 1f 00 01 ff', M, 'MQTT-1.5.4-1', 9],
  ['a surrogate in a User Property name', 5, '40 0c 00 01 00 08 26 00 03 ed a0 80 00 00', M, 'MQTT-1.5.4-1', 9],
  ['the byte FF at the end of a 71-byte topic', BOTH, longTopic('ff'), M, ['MQTT-1.5.3-1', 'MQTT-1.5.4-1'], 74],
  ['U+0000 at the end of a 71-byte topic', BOTH, longTopic('00'), M, ['MQTT-1.5.3-2', 'MQTT-1.5.4-2'], 74],
]);

// prettier-ignore
decodeTable('topic names', [
  ['"+" in a topic name', 4, '30 05 00 03 61 2f 2b', P, 'MQTT-3.3.2-2', 6],
  ['"+" in a topic name', 5, '30 06 00 03 61 2f 2b 00', P, 'MQTT-3.3.2-2', 6],
  ['"#" in a topic name', 4, '30 03 00 01 23', P, 'MQTT-3.3.2-2', 4],
  ['"#" in a topic name', 5, '30 04 00 01 23 00', P, 'MQTT-3.3.2-2', 4],
  ['an empty topic name', 4, '30 02 00 00', P, 'MQTT-4.7.3-1', 2],
  ['an empty topic name without a Topic Alias', 5, '30 03 00 00 00', P, '§3.3.2.1', 2],
  ['"#" in a will topic', 4, `10 13 ${MQTT} 04 06 00 3c 00 02 63 31 00 01 23 00 00`, P, 'MQTT-4.7.1-1', 18],
  ['"#" in a will topic', 5, `10 15 ${MQTT} 05 06 00 3c 00 00 02 63 31 00 00 01 23 00 00`, P, 'MQTT-4.7.0-1', 20],
  ['"#" in a Response Topic', 5, '30 08 00 01 74 04 08 00 01 23', P, 'MQTT-3.3.2-14', 9],
]);

// prettier-ignore
decodeTable('topic filters', [
  ['"a/#/b": "#" not last', 4, subscribe4('61 2f 23 2f 62'), P, 'MQTT-4.7.1-2', 8],
  ['"a/#/b": "#" not last', 5, subscribe5('61 2f 23 2f 62'), P, 'MQTT-4.7.1-1', 9],
  ['"#a": "#" not last', 4, subscribe4('23 61'), P, 'MQTT-4.7.1-2', 6],
  ['"#a": "#" not last', 5, subscribe5('23 61'), P, 'MQTT-4.7.1-1', 7],
  ['"a+": "+" not a whole level', 4, subscribe4('61 2b'), P, 'MQTT-4.7.1-3', 7],
  ['"a+": "+" not a whole level', 5, subscribe5('61 2b'), P, 'MQTT-4.7.1-2', 8],
  ['"+a/b": "+" not a whole level', 4, subscribe4('2b 61 2f 62'), P, 'MQTT-4.7.1-3', 6],
  ['"+a/b": "+" not a whole level', 5, subscribe5('2b 61 2f 62'), P, 'MQTT-4.7.1-2', 7],
  ['an empty topic filter', 4, subscribe4(''), P, 'MQTT-4.7.3-1', 4],
  ['an empty topic filter', 5, subscribe5(''), P, 'MQTT-4.7.3-1', 5],
  ['UNSUBSCRIBE "a/#/b"', 4, 'a2 09 00 01 00 05 61 2f 23 2f 62', P, 'MQTT-4.7.1-2', 8],
  ['UNSUBSCRIBE "a+"', 5, 'a2 07 00 01 00 00 02 61 2b', P, 'MQTT-4.7.1-2', 8],
  ['"$share//x": an empty share name', 5, subscribe5('24 73 68 61 72 65 2f 2f 78'), P, 'MQTT-4.8.2-1', 5],
  ['"$share/g": no filter after the share name', 5, subscribe5('24 73 68 61 72 65 2f 67'), P, 'MQTT-4.8.2-2', 5],
  ['No Local on a shared subscription', 5, subscribe5('24 73 68 61 72 65 2f 67 2f 61', '04'), P, 'MQTT-3.8.3-4', 17],
]);

// prettier-ignore
decodeTable('packet identifiers [MQTT-2.3.1-1] (5.0 [MQTT-2.2.1-3])', [
  ['PUBLISH QoS 1 with packet identifier 0', 4, '32 07 00 03 61 2f 62 00 00', P, 'MQTT-2.3.1-1', 7],
  ['PUBLISH QoS 1 with packet identifier 0', 5, '32 08 00 03 61 2f 62 00 00 00', P, 'MQTT-2.2.1-3', 7],
  ['SUBSCRIBE with packet identifier 0', 4, '82 06 00 00 00 01 61 00', P, 'MQTT-2.3.1-1', 2],
  ['SUBSCRIBE with packet identifier 0', 5, '82 07 00 00 00 00 01 61 00', P, 'MQTT-2.2.1-3', 2],
  ['UNSUBSCRIBE with packet identifier 0', 4, 'a2 05 00 00 00 01 61', P, 'MQTT-2.3.1-1', 2],
  ['UNSUBSCRIBE with packet identifier 0', 5, 'a2 06 00 00 00 00 01 61', P, 'MQTT-2.2.1-3', 2],
  ['PUBACK with packet identifier 0', BOTH, '40 02 00 00', P, ['MQTT-2.3.1-6', 'MQTT-2.2.1-5'], 2],
  ['PUBREC with packet identifier 0', BOTH, '50 02 00 00', P, ['MQTT-2.3.1-6', 'MQTT-2.2.1-5'], 2],
  ['PUBREL with packet identifier 0', BOTH, '62 02 00 00', P, ['MQTT-2.3.1-6', 'MQTT-2.2.1-5'], 2],
  ['PUBCOMP with packet identifier 0', BOTH, '70 02 00 00', P, ['MQTT-2.3.1-6', 'MQTT-2.2.1-5'], 2],
  ['SUBACK with packet identifier 0', 4, '90 03 00 00 00', P, 'MQTT-2.3.1-7', 2],
  ['SUBACK with packet identifier 0', 5, '90 04 00 00 00 00', P, 'MQTT-2.2.1-6', 2],
  ['UNSUBACK with packet identifier 0', 4, 'b0 02 00 00', P, 'MQTT-2.3.1-7', 2],
  ['UNSUBACK with packet identifier 0', 5, 'b0 04 00 00 00 00', P, 'MQTT-2.2.1-6', 2],
]);

// prettier-ignore
decodeTable('empty lists', [
  ['SUBSCRIBE without a topic filter', 4, '82 02 00 01', P, 'MQTT-3.8.3-3', 4],
  ['SUBSCRIBE without a topic filter', 5, '82 03 00 01 00', P, 'MQTT-3.8.3-2', 5],
  ['UNSUBSCRIBE without a topic filter', 4, 'a2 02 00 01', P, 'MQTT-3.10.3-2', 4],
  ['UNSUBSCRIBE without a topic filter', 5, 'a2 03 00 01 00', P, 'MQTT-3.10.3-2', 5],
  ['SUBACK without a return code', 4, '90 02 00 01', P, 'MQTT-3.8.4-5', 4],
  ['SUBACK without a reason code', 5, '90 03 00 01 00', P, 'MQTT-3.8.4-6', 5],
  ['UNSUBACK without a reason code', 5, 'b0 03 00 01 00', P, 'MQTT-3.11.3-1', 5],
]);

// prettier-ignore
decodeTable('subscription options', [
  ['bit 2 set (reserved in 3.1.1)', 4, subscribe4('61', '04'), M, 'MQTT-3-8.3-4', 7],
  ['bit 7 set (reserved in 3.1.1)', 4, subscribe4('61', '80'), M, 'MQTT-3-8.3-4', 7],
  ['requested QoS 3', 4, subscribe4('61', '03'), M, 'MQTT-3-8.3-4', 7],
  ['bit 6 set (reserved)', 5, subscribe5('61', '40'), M, 'MQTT-3.8.3-5', 8],
  ['bit 7 set (reserved)', 5, subscribe5('61', '80'), M, 'MQTT-3.8.3-5', 8],
  ['maximum QoS 3', 5, subscribe5('61', '03'), P, '§3.8.3.1', 8],
  ['Retain Handling 3', 5, subscribe5('61', '30'), P, '§3.8.3.1', 8],
]);

// prettier-ignore
decodeTable('CONNECT', [
  ['protocol name "MQTX"', BOTH, `10 0c 00 04 4d 51 54 58 04 02 00 3c 00 00`, P, 'MQTT-3.1.2-1', 2],
  ['protocol name "MQIsdp" with level 4', BOTH, `10 0e 00 06 4d 51 49 73 64 70 04 02 00 3c 00 00`, P, 'MQTT-3.1.2-1', 2],
  // "MQTT" is a right name; 3 is then an unacceptable level (CONNACK 0x01), not a wrong name.
  ['protocol name "MQTT" with level 3', BOTH, `10 0c ${MQTT} 03 02 00 3c 00 00`, 'unsupported-protocol-version', 'MQTT-3.1.2-2', 8],
  ['protocol level 6', BOTH, `10 0c ${MQTT} 06 02 00 3c 00 00`, 'unsupported-protocol-version', 'MQTT-3.1.2-2', 8],
  ['the reserved flag set', 4, `10 0c ${MQTT} 04 03 00 3c 00 00`, M, 'MQTT-3.1.2-3', 9],
  ['the reserved flag set', 5, `10 0d ${MQTT} 05 03 00 3c 00 00 00`, M, 'MQTT-3.1.2-3', 9],
  ['Will QoS 1 without the Will Flag', 4, `10 0c ${MQTT} 04 0a 00 3c 00 00`, M, 'MQTT-3.1.2-13', 9],
  ['Will QoS 1 without the Will Flag', 5, `10 0d ${MQTT} 05 0a 00 3c 00 00 00`, M, 'MQTT-3.1.2-11', 9],
  ['Will Retain without the Will Flag', 4, `10 0c ${MQTT} 04 22 00 3c 00 00`, M, 'MQTT-3.1.2-15', 9],
  ['Will Retain without the Will Flag', 5, `10 0d ${MQTT} 05 22 00 3c 00 00 00`, M, 'MQTT-3.1.2-13', 9],
  ['Will QoS 3', 4, `10 0c ${MQTT} 04 1e 00 3c 00 00`, M, 'MQTT-3.1.2-14', 9],
  ['Will QoS 3', 5, `10 0d ${MQTT} 05 1e 00 3c 00 00 00`, M, 'MQTT-3.1.2-12', 9],
  ['the Password Flag without the User Name Flag', 4, `10 0c ${MQTT} 04 42 00 3c 00 00`, M, 'MQTT-3.1.2-22', 9],
  ['the Will Flag, but no will', 4, `10 0e ${MQTT} 04 06 00 3c 00 02 63 31`, M, 'MQTT-3.1.2-9', 16],
  ['the Will Flag, but no will', 5, `10 0f ${MQTT} 05 06 00 3c 00 00 02 63 31`, M, 'MQTT-3.1.2-9', 17],
  ['the User Name Flag, but no user name', 4, `10 0e ${MQTT} 04 82 00 3c 00 02 63 31`, M, 'MQTT-3.1.2-19', 16],
  ['the User Name Flag, but no user name', 5, `10 0f ${MQTT} 05 82 00 3c 00 00 02 63 31`, M, 'MQTT-3.1.2-17', 17],
  ['the Password Flag, but no password', 4, `10 11 ${MQTT} 04 c2 00 3c 00 02 63 31 00 01 75`, M, 'MQTT-3.1.2-21', 19],
  ['the Password Flag, but no password', 5, `10 0f ${MQTT} 05 42 00 3c 00 00 02 63 31`, M, 'MQTT-3.1.2-19', 17],
  ['a user name the flags leave out', 4, `10 11 ${MQTT} 04 02 00 3c 00 02 63 31 00 01 75`, M, '§2.2.3', 16],
  ['Authentication Data without a method', 5, `10 11 ${MQTT} 05 02 00 3c 04 16 00 01 01 00 00`, P, '§3.1.2.11.10', 12],
]);

// prettier-ignore
decodeTable('CONNACK', [
  ['a reserved acknowledge flag set', 4, '20 02 02 00', M, '§3.2.2.1', 2],
  ['a reserved acknowledge flag set', 5, '20 03 02 00 00', M, 'MQTT-3.2.2-1', 2],
  ['Session Present with a refusal', 4, '20 02 01 05', P, 'MQTT-3.2.2-4', 3],
  ['Session Present with a refusal', 5, '20 03 01 87 00', P, 'MQTT-3.2.2-6', 3],
  ['return code 6', 4, '20 02 00 06', P, '§3.2.2.3', 3],
  ['reason code 0x01 (a 3.1.1 return code)', 5, '20 03 00 01 00', P, 'MQTT-3.2.2-8', 3],
]);

// prettier-ignore
decodeTable('reason codes a packet may not carry', [
  ['PUBACK 0x81', 5, '40 03 00 01 81', P, 'MQTT-3.4.2-1', 4],
  ['PUBREC 0x92', 5, '50 03 00 01 92', P, 'MQTT-3.5.2-1', 4],
  ['PUBREL 0x10', 5, '62 03 00 01 10', P, 'MQTT-3.6.2-1', 4],
  ['PUBCOMP 0x80', 5, '70 03 00 01 80', P, 'MQTT-3.7.2-1', 4],
  ['SUBACK 0x03', 4, '90 03 00 01 03', P, 'MQTT-3.9.3-2', 4],
  ['SUBACK 0x87 (5.0 only)', 4, '90 03 00 01 87', P, 'MQTT-3.9.3-2', 4],
  ['SUBACK 0x03', 5, '90 04 00 01 00 03', P, 'MQTT-3.9.3-2', 5],
  ['UNSUBACK 0x01', 5, 'b0 04 00 01 00 01', P, 'MQTT-3.11.3-2', 5],
  ['DISCONNECT 0x03', 5, 'e0 01 03', P, 'MQTT-3.14.2-1', 2],
  ['AUTH 0x01', 5, 'f0 01 01', P, 'MQTT-3.15.2-1', 2],
]);

// prettier-ignore
decodeTable('5.0 properties (§2.2.2.2)', [
  ['an unknown property identifier 0x05', 5, '40 06 00 01 00 02 05 00', M, '§2.2.2.2', 6],
  ['Topic Alias in a PUBACK', 5, '40 07 00 01 00 03 23 00 01', M, '§2.2.2.2', 6],
  ['Will Delay Interval among the CONNECT properties', 5, `10 12 ${MQTT} 05 02 00 3c 05 18 00 00 00 01 00 00`, M, '§2.2.2.2', 13],
  ['Session Expiry Interval among the will properties', 5, `10 1a ${MQTT} 05 06 00 3c 00 00 02 63 31 05 11 00 00 00 01 00 01 74 00 00`, M, '§2.2.2.2', 18],
  ['Reason String twice', 5, '40 0a 00 01 00 06 1f 00 00 1f 00 00', P, '§3.4.2.2.2', 9],
  ['two Subscription Identifiers in a SUBSCRIBE', 5, '82 0b 00 01 04 0b 01 0b 02 00 01 61 00', P, '§3.8.2.1.2', 7],
  ['Payload Format Indicator 2', 5, '30 06 00 01 74 02 01 02', P, '§3.3.2.3.2', 7],
  ['Request Problem Information 2', 5, `10 0f ${MQTT} 05 02 00 3c 02 17 02 00 00`, P, '§3.1.2.11.7', 14],
  ['Maximum QoS 2', 5, '20 05 00 00 02 24 02', P, '§3.2.2.3.4', 6],
  ['Receive Maximum 0', 5, `10 10 ${MQTT} 05 02 00 3c 03 21 00 00 00 00`, P, '§3.1.2.11.3', 14],
  ['Topic Alias 0', 5, '30 07 00 01 74 03 23 00 00', P, 'MQTT-3.3.2-8', 7],
  ['Subscription Identifier 0', 5, '82 09 00 01 02 0b 00 00 01 61 00', P, '§3.8.2.1.2', 6],
  ['Maximum Packet Size 0', 5, '20 08 00 00 05 27 00 00 00 00', P, '§3.2.2.3.6', 6],
]);

describe('what the codec must accept all the same', () => {
  test('3.1.1 does not require the shortest remaining length (5.0 does [MQTT-1.5.5-1])', () => {
    expect(decode(hex('c0 80 00'), 4)).toStrictEqual({ packet: { type: 'PINGREQ' }, length: 3 });
    const publish = decode(hex('30 87 00 00 03 61 2f 62 68 69'), 4);
    expect(publish.packet).toMatchObject({ type: 'PUBLISH', topic: 'a/b', payload: utf8('hi') });
    expect(publish.length).toBe(10);
  });

  test('3.1.1 has no shared subscriptions: "$share//x" is an ordinary filter', () => {
    const packet = decode(hex(subscribe4('24 73 68 61 72 65 2f 2f 78')), 4).packet;
    expect(packet).toMatchObject({ subscriptions: [{ topicFilter: '$share//x', qos: 0 }] });
  });

  test('EF BB BF is U+FEFF, kept where it stands [MQTT-1.5.3-3] (5.0 [MQTT-1.5.4-3])', () => {
    expect(decode(hex('30 06 00 04 ef bb bf 61'), 4).packet).toMatchObject({ topic: '\ufeffa' });
    expect(decode(hex('30 07 00 04 61 ef bb bf 00'), 5).packet).toMatchObject({ topic: 'a\ufeff' });
  });

  // Strings over 64 bytes go to a TextDecoder, which strips a leading BOM unless told not to.
  test('EF BB BF at the start of a string over 64 bytes is kept too [MQTT-1.5.3-3]', () => {
    const topic = '\ufeff' + 'a'.repeat(70);
    // remaining length 75 = 2 (topic length) + 73 (BOM + 70 × "a"); no payload
    const bytes = hex(`30 4b 00 49 ef bb bf ${'61 '.repeat(70)}`);
    expect(decode(bytes, 4).packet).toMatchObject({ topic });
  });

  // A CONNECT decodes by its own protocol level, fixed header included: a 5.0 CONNECT read before
  // the version is known (createDecoder() starts at 4) must not slip a non-minimal length past.
  test('a 5.0 CONNECT with a non-minimal remaining length is refused before its level is known', () => {
    const bytes = hex(`10 8d 00 ${MQTT} 05 02 00 3c 00 00 00`);
    expect(thrown(() => decode(bytes, 4))).toMatchObject({ kind: 'malformed', rule: 'MQTT-1.5.5-1', offset: 1 });
  });

  // Likewise the trailing-bytes check cites the CONNECT's own version, not the caller's.
  test('bytes after a 5.0 CONNECT cite 5.0’s §2.1.4 whatever the caller’s version', () => {
    const bytes = hex(`10 0e ${MQTT} 05 02 00 3c 00 00 00 ff`);
    expect(thrown(() => decode(bytes, 4))).toMatchObject({ kind: 'malformed', rule: '§2.1.4', offset: 15 });
  });
});

// ---------------------------------------------------------------- encode

/** [what is wrong, encoded as, the packet object, error code, rule] */
type EncodeRow = [name: string, versions: Versions, packet: unknown, code: ErrorCode, rule: Rule | undefined];

const publish = (fields: object) => ({
  type: 'PUBLISH',
  dup: false,
  qos: 0,
  retain: false,
  topic: 'a/b',
  payload: new Uint8Array(0),
  ...fields,
});
const subscribe = (subscription: object, fields: object = {}) => ({
  type: 'SUBSCRIBE',
  packetId: 1,
  subscriptions: [{ topicFilter: 'a/b', qos: 1, ...subscription }],
  ...fields,
});
const connect = (version: ProtocolVersion, fields: object) => ({
  type: 'CONNECT',
  protocolName: 'MQTT',
  protocolVersion: version,
  clean: true,
  keepAlive: 60,
  clientId: 'c',
  ...fields,
});
const will = (fields: object = {}) => ({ topic: 'w', payload: new Uint8Array(0), qos: 0, retain: false, ...fields });

function encodeTable(title: string, rows: EncodeRow[]): void {
  describe(title, () => {
    const all = rows.flatMap(([name, versions, packet, code, rule]) =>
      (versions === BOTH ? ([4, 5] as const) : [versions]).map((version) => ({
        name: `${name} (${VERSION_NAME[version]})`,
        version,
        packet,
        code,
        rule: rule === undefined || typeof rule === 'string' ? rule : rule[version === 4 ? 0 : 1],
      })),
    );
    test.each(all)('$name', ({ version, packet, code, rule }) => {
      const error = thrown(() => encode(packet as Packet, version));
      expect({ code: error.code, rule: error.rule }).toEqual({ code, rule });
    });
  });
}

// prettier-ignore
encodeTable('encode refuses a PUBLISH', [
  ['with QoS 3', BOTH, publish({ qos: 3 }), 'qos-3', 'MQTT-3.3.1-4'],
  ['with DUP and QoS 0', BOTH, publish({ dup: true }), 'dup-qos-0', 'MQTT-3.3.1-2'],
  ['of QoS 1 without a packet identifier', BOTH, publish({ qos: 1 }), 'packet-id-missing', ['MQTT-2.3.1-1', 'MQTT-2.2.1-3']],
  ['of QoS 1 with packet identifier 0', BOTH, publish({ qos: 1, packetId: 0 }), 'packet-id-zero', ['MQTT-2.3.1-1', 'MQTT-2.2.1-3']],
  ['with packet identifier 65,536', BOTH, publish({ qos: 1, packetId: 65_536 }), 'invalid-field', undefined],
  ['of QoS 0 with a packet identifier', BOTH, publish({ packetId: 5 }), 'invalid-field', ['MQTT-2.3.1-5', 'MQTT-2.2.1-2']],
  ['with a wildcard in its topic', BOTH, publish({ topic: 'a/+' }), 'topic-wildcard', 'MQTT-3.3.2-2'],
  ['with an empty topic', 4, publish({ topic: '' }), 'topic-empty', 'MQTT-4.7.3-1'],
  ['with an empty topic and no Topic Alias', 5, publish({ topic: '' }), 'topic-alias-required', '§3.3.2.1'],
  ['with U+0000 in its topic', BOTH, publish({ topic: 'a\0b' }), 'utf8-null', ['MQTT-1.5.3-2', 'MQTT-1.5.4-2']],
  ['with a lone surrogate in its topic', BOTH, publish({ topic: 'a\ud800' }), 'utf8-surrogate', ['MQTT-1.5.3-1', 'MQTT-1.5.4-1']],
  ['with a payload that is not bytes', BOTH, publish({ payload: 'hi' }), 'invalid-field', undefined],
  ['with properties under 3.1.1', 4, publish({ properties: { contentType: 'x' } }), 'properties-in-3-1-1', undefined],
  ['with a property PUBLISH may not carry', 5, publish({ properties: { sessionExpiryInterval: 1 } }), 'property-not-allowed', '§2.2.2.2'],
  ['with a property that does not exist', 5, publish({ properties: { colour: 1 } }), 'invalid-field', undefined],
  ['with Topic Alias 0', 5, publish({ properties: { topicAlias: 0 } }), 'property-value', 'MQTT-3.3.2-8'],
  ['with Payload Format Indicator 2', 5, publish({ properties: { payloadFormatIndicator: 2 } }), 'property-value', '§3.3.2.3.2'],
  ['with Message Expiry Interval 2^32', 5, publish({ properties: { messageExpiryInterval: 2 ** 32 } }), 'invalid-field', undefined],
  ['with Subscription Identifier 0', 5, publish({ properties: { subscriptionIdentifiers: [0] } }), 'property-value', '§3.3.2.3.8'],
  ['with a wildcard in its Response Topic', 5, publish({ properties: { responseTopic: 'r/#' } }), 'topic-wildcard', 'MQTT-3.3.2-14'],
  ['with U+0000 in a User Property', 5, publish({ properties: { userProperties: [['k', '\0']] } }), 'utf8-null', 'MQTT-1.5.4-2'],
  ['with Correlation Data of 65,536 bytes', 5, publish({ properties: { correlationData: new Uint8Array(65_536) } }), 'string-too-long', '§1.5.6'],
]);

// prettier-ignore
encodeTable('encode refuses a SUBSCRIBE', [
  ['without subscriptions', 4, subscribe({}, { subscriptions: [] }), 'no-topic-filters', 'MQTT-3.8.3-3'],
  ['without subscriptions', 5, subscribe({}, { subscriptions: [] }), 'no-topic-filters', 'MQTT-3.8.3-2'],
  ['with packet identifier 0', BOTH, subscribe({}, { packetId: 0 }), 'packet-id-zero', ['MQTT-2.3.1-1', 'MQTT-2.2.1-3']],
  ['without a packet identifier', BOTH, subscribe({}, { packetId: undefined }), 'packet-id-missing', ['MQTT-2.3.1-1', 'MQTT-2.2.1-3']],
  ['with the filter "a/#/b"', BOTH, subscribe({ topicFilter: 'a/#/b' }), 'filter-hash-position', ['MQTT-4.7.1-2', 'MQTT-4.7.1-1']],
  ['with the filter "a+"', BOTH, subscribe({ topicFilter: 'a+' }), 'filter-plus-position', ['MQTT-4.7.1-3', 'MQTT-4.7.1-2']],
  ['with a filter that is not a string', BOTH, subscribe({ topicFilter: undefined }), 'invalid-field', undefined],
  ['with requested QoS 3', 4, subscribe({ qos: 3 }), 'subscription-qos-3', 'MQTT-3-8.3-4'],
  ['with maximum QoS 3', 5, subscribe({ qos: 3 }), 'subscription-qos-3', '§3.8.3.1'],
  ['with No Local under 3.1.1', 4, subscribe({ noLocal: true }), 'subscription-options-reserved', 'MQTT-3-8.3-4'],
  ['with Retain Handling 3', 5, subscribe({ retainHandling: 3 }), 'retain-handling-3', '§3.8.3.1'],
  ['with No Local on a shared subscription', 5, subscribe({ topicFilter: '$share/g/a', noLocal: true }), 'no-local-shared', 'MQTT-3.8.3-4'],
  ['with two Subscription Identifiers', 5, subscribe({}, { properties: { subscriptionIdentifiers: [1, 2] } }), 'property-repeated', '§3.8.2.1.2'],
]);

// prettier-ignore
encodeTable('encode refuses an UNSUBSCRIBE, SUBACK or UNSUBACK', [
  ['UNSUBSCRIBE without filters', BOTH, { type: 'UNSUBSCRIBE', packetId: 1, topicFilters: [] }, 'no-topic-filters', 'MQTT-3.10.3-2'],
  ['UNSUBSCRIBE "#/a"', BOTH, { type: 'UNSUBSCRIBE', packetId: 1, topicFilters: ['#/a'] }, 'filter-hash-position', ['MQTT-4.7.1-2', 'MQTT-4.7.1-1']],
  ['UNSUBSCRIBE a filter that is not a string', BOTH, { type: 'UNSUBSCRIBE', packetId: 1, topicFilters: [42] }, 'invalid-field', undefined],
  ['SUBACK without codes', BOTH, { type: 'SUBACK', packetId: 1, reasonCodes: [] }, 'no-reason-codes', ['MQTT-3.8.4-5', 'MQTT-3.8.4-6']],
  ['SUBACK 0x03', BOTH, { type: 'SUBACK', packetId: 1, reasonCodes: [3] }, 'reason-code-invalid', 'MQTT-3.9.3-2'],
  ['SUBACK 0x87 under 3.1.1', 4, { type: 'SUBACK', packetId: 1, reasonCodes: [0x87] }, 'reason-code-invalid', 'MQTT-3.9.3-2'],
  ['SUBACK with packet identifier 0', BOTH, { type: 'SUBACK', packetId: 0, reasonCodes: [0] }, 'packet-id-zero', ['MQTT-2.3.1-7', 'MQTT-2.2.1-6']],
  ['UNSUBACK without codes', 5, { type: 'UNSUBACK', packetId: 1 }, 'no-reason-codes', 'MQTT-3.11.3-1'],
  ['UNSUBACK 0x01', 5, { type: 'UNSUBACK', packetId: 1, reasonCodes: [1] }, 'reason-code-invalid', 'MQTT-3.11.3-2'],
  ['UNSUBACK with codes under 3.1.1', 4, { type: 'UNSUBACK', packetId: 1, reasonCodes: [0] }, 'invalid-field', undefined],
]);

// prettier-ignore
encodeTable('encode refuses a CONNECT', [
  ['with Will QoS 3', 4, connect(4, { will: will({ qos: 3 }) }), 'will-qos-3', 'MQTT-3.1.2-14'],
  ['with Will QoS 3', 5, connect(5, { will: will({ qos: 3 }) }), 'will-qos-3', 'MQTT-3.1.2-12'],
  ['with a password but no user name', 4, connect(4, { password: utf8('p') }), 'password-without-username', 'MQTT-3.1.2-22'],
  ['with properties under 3.1.1', 4, connect(4, { properties: { sessionExpiryInterval: 1 } }), 'properties-in-3-1-1', undefined],
  ['with will properties under 3.1.1', 4, connect(4, { will: will({ properties: { willDelayInterval: 1 } }) }), 'properties-in-3-1-1', undefined],
  ['with a will property that belongs to CONNECT', 5, connect(5, { will: will({ properties: { sessionExpiryInterval: 1 } }) }), 'property-not-allowed', '§2.2.2.2'],
  ['with a wildcard in its will topic', 4, connect(4, { will: will({ topic: 'w/#' }) }), 'topic-wildcard', 'MQTT-4.7.1-1'],
  ['with a wildcard in its will topic', 5, connect(5, { will: will({ topic: 'w/#' }) }), 'topic-wildcard', 'MQTT-4.7.0-1'],
  ['with a will topic that is not a string', 4, connect(4, { will: will({ topic: undefined }) }), 'invalid-field', undefined],
  ['named "MQIsdp" at level 4', 4, connect(4, { protocolName: 'MQIsdp' }), 'protocol-name-level', 'MQTT-3.1.2-1'],
  ['at protocol level 6', 4, connect(4, { protocolVersion: 6 }), 'invalid-field', undefined],
  ['with keep alive 65,536', 4, connect(4, { keepAlive: 65_536 }), 'invalid-field', undefined],
  ['with U+0000 in its client identifier', 4, connect(4, { clientId: 'a\0' }), 'utf8-null', 'MQTT-1.5.3-2'],
  ['with Authentication Data but no method', 5, connect(5, { properties: { authenticationData: utf8('x') } }), 'auth-data-without-method', '§3.1.2.11.10'],
  ['with Receive Maximum 0', 5, connect(5, { properties: { receiveMaximum: 0 } }), 'property-value', '§3.1.2.11.3'],
]);

// prettier-ignore
encodeTable('encode refuses a CONNACK, an acknowledgement, a DISCONNECT or an AUTH', [
  ['CONNACK with Session Present and a refusal', 4, { type: 'CONNACK', sessionPresent: true, reasonCode: 5 }, 'session-present-with-error', 'MQTT-3.2.2-4'],
  ['CONNACK with Session Present and a refusal', 5, { type: 'CONNACK', sessionPresent: true, reasonCode: 0x87 }, 'session-present-with-error', 'MQTT-3.2.2-6'],
  ['CONNACK return code 6', 4, { type: 'CONNACK', sessionPresent: false, reasonCode: 6 }, 'reason-code-invalid', '§3.2.2.3'],
  ['CONNACK reason code 0x01', 5, { type: 'CONNACK', sessionPresent: false, reasonCode: 1 }, 'reason-code-invalid', 'MQTT-3.2.2-8'],
  ['CONNACK with Maximum QoS 2', 5, { type: 'CONNACK', sessionPresent: false, reasonCode: 0, properties: { maximumQoS: 2 } }, 'property-value', '§3.2.2.3.4'],
  ['PUBACK 0x81', 5, { type: 'PUBACK', packetId: 1, reasonCode: 0x81 }, 'reason-code-invalid', 'MQTT-3.4.2-1'],
  ['PUBACK with a reason code under 3.1.1', 4, { type: 'PUBACK', packetId: 1, reasonCode: 0x10 }, 'invalid-field', undefined],
  ['PUBACK with properties under 3.1.1', 4, { type: 'PUBACK', packetId: 1, properties: { reasonString: 'x' } }, 'properties-in-3-1-1', undefined],
  ['PUBREC with a Topic Alias', 5, { type: 'PUBREC', packetId: 1, properties: { topicAlias: 1 } }, 'property-not-allowed', '§2.2.2.2'],
  ['PUBREL with packet identifier 0', BOTH, { type: 'PUBREL', packetId: 0 }, 'packet-id-zero', ['MQTT-2.3.1-6', 'MQTT-2.2.1-5']],
  ['PUBCOMP without a packet identifier', BOTH, { type: 'PUBCOMP' }, 'packet-id-missing', ['MQTT-2.3.1-6', 'MQTT-2.2.1-5']],
  ['DISCONNECT with a reason code under 3.1.1', 4, { type: 'DISCONNECT', reasonCode: 4 }, 'invalid-field', undefined],
  ['DISCONNECT 0x03', 5, { type: 'DISCONNECT', reasonCode: 3 }, 'reason-code-invalid', 'MQTT-3.14.2-1'],
  ['AUTH under 3.1.1', 4, { type: 'AUTH', reasonCode: 0 }, 'auth-in-3-1-1', '§2.2.1'],
  ['AUTH 0x01', 5, { type: 'AUTH', reasonCode: 1 }, 'reason-code-invalid', 'MQTT-3.15.2-1'],
  ['a packet type that does not exist', BOTH, { type: 'HELLO' }, 'invalid-field', undefined],
]);

test('encode refuses a string over 65,535 bytes', () => {
  const long = 'a'.repeat(65_536);
  expect(thrown(() => encode(connect(4, { clientId: long }) as Packet, 4)).code).toBe('string-too-long');
  expect(thrown(() => encode(publish({ topic: long }) as Packet, 5)).code).toBe('string-too-long');
});

// A string's 65,535-byte limit is set by its 2-byte length (3.1.1 §1.5.3, 5.0 §1.5.4), not by the
// well-formedness rules [MQTT-1.5.3-1] / [MQTT-1.5.4-1].
test('a string over 65,535 bytes cites the section that sets the limit', () => {
  const error = thrown(() => encode(connect(4, { clientId: 'a'.repeat(65_536) }) as Packet, 4));
  expect(error.rule).toBe('§1.5.3');
});
