/**
 * CONNECT (3.1.1 §3.1, 5.0 §3.1): the first packet a client sends.
 *   variable hdr   protocol name "MQTT" ("MQIsdp" for 3.1), protocol level (3, 4 or 5),
 *                  connect flags, keep alive (seconds), 5.0 properties
 *   payload        client identifier, then as the flags say: will properties (5.0), will topic,
 *                  will payload, user name, password
 * A CONNECT describes its own version: it is decoded by its protocol level, not by the caller's.
 */
import { MqttError, malformed, protocolError } from '../errors.ts';
import type { QoS } from '../packet.ts';
import { type Properties, measureProperties, readProperties, writeProperties } from '../properties.ts';
import { type Reader, varintSize } from '../reader.ts';
import { formatNumber } from '../spans.ts';
import { checkTopicName } from '../topics.ts';
import { utf8Length } from '../utf8.ts';
import { type ProtocolVersion, rule } from '../version.ts';
import { binarySize, checkInteger, stringSize } from '../writer.ts';
import { type PacketCodec, at } from './codec.ts';

export interface Will {
  topic: string;
  payload: Uint8Array;
  qos: QoS;
  retain: boolean;
  properties?: Properties;
}

export interface ConnectPacket {
  type: 'CONNECT';
  /** 'MQTT', or 'MQIsdp' for 3.1. */
  protocolName: string;
  /** 3 = 3.1, 4 = 3.1.1, 5 = 5.0. */
  protocolVersion: 3 | 4 | 5;
  /** Clean Session (3.1.1) / Clean Start (5.0). */
  clean: boolean;
  keepAlive: number;
  clientId: string;
  will?: Will;
  username?: string;
  password?: Uint8Array;
  properties?: Properties;
}

const FLAG_PARTS: ReadonlyArray<[string, string, number]> = [
  ['usernameFlag', 'field.usernameFlag', 0x80],
  ['passwordFlag', 'field.passwordFlag', 0x40],
  ['will.retain', 'field.willRetain', 0x20],
  ['will.qos', 'field.willQos', 0x18],
  ['willFlag', 'field.willFlag', 0x04],
  ['clean', 'field.cleanSession', 0x02],
  ['reserved', 'field.reservedBit', 0x01],
];

/** The version whose rules apply to a CONNECT of this level. */
const versionOf = (level: number): ProtocolVersion => (level === 5 ? 5 : 4);

export const connect: PacketCodec<ConnectPacket> = {
  decode(r) {
    r.open('variableHeader', 'field.variableHeader');
    const nameAt = r.pos;
    const protocolName = r.string('protocolName');
    const levelAt = r.pos;
    const level = r.u8('protocolVersion');
    if (r.spans) r.leaf('protocolVersion', 'field.protocolLevel', levelAt, `${level} = ${levelName(level)}`);
    if (protocolName !== 'MQTT' && protocolName !== 'MQIsdp') {
      throw protocolError(nameAt, 'protocol-name', 'MQTT-3.1.2-1', { name: protocolName });
    }
    if (level !== 3 && level !== 4 && level !== 5) {
      throw new MqttError({
        kind: 'unsupported-protocol-version',
        offset: levelAt,
        code: 'protocol-level',
        rule: 'MQTT-3.1.2-2',
        params: { level },
      });
    }
    // "MQTT" is a right name; level 3 (MQTT 3.1, whose name is "MQIsdp") is then a level this
    // protocol does not accept: CONNACK 0x01 / 0x84 [MQTT-3.1.2-2], not a wrong name.
    if (protocolName === 'MQTT' && level === 3) {
      throw new MqttError({
        kind: 'unsupported-protocol-version',
        offset: levelAt,
        code: 'protocol-level-name',
        rule: 'MQTT-3.1.2-2',
        params: { level },
      });
    }
    if (protocolName === 'MQIsdp' && level !== 3) {
      throw protocolError(nameAt, 'protocol-name-level', 'MQTT-3.1.2-1', { name: protocolName, level });
    }
    const version = versionOf(level);
    r.version = version;

    const flagsAt = r.pos;
    const flags = r.u8('connectFlags');
    if (r.spans) {
      r.bits(
        'connectFlags',
        'field.connectFlags',
        flagsAt,
        FLAG_PARTS.map(([f, l, m]) => (m === 0x02 && version === 5 ? [f, 'field.cleanStart', m] : [f, l, m])),
      );
    }
    const hasUsername = (flags & 0x80) !== 0;
    const hasPassword = (flags & 0x40) !== 0;
    const willRetain = (flags & 0x20) !== 0;
    const willQos = (flags >> 3) & 3;
    const hasWill = (flags & 0x04) !== 0;
    if (flags & 0x01) throw malformed(flagsAt, 'connect-reserved-flag', 'MQTT-3.1.2-3');
    if (!hasWill && willQos !== 0)
      throw malformed(flagsAt, 'will-qos-without-will', rule(version, 'MQTT-3.1.2-13', 'MQTT-3.1.2-11'));
    if (!hasWill && willRetain)
      throw malformed(flagsAt, 'will-retain-without-will', rule(version, 'MQTT-3.1.2-15', 'MQTT-3.1.2-13'));
    if (willQos === 3) throw malformed(flagsAt, 'will-qos-3', rule(version, 'MQTT-3.1.2-14', 'MQTT-3.1.2-12'));
    if (version === 4 && hasPassword && !hasUsername)
      throw malformed(flagsAt, 'password-without-username', 'MQTT-3.1.2-22');

    const keepAliveAt = r.pos;
    const keepAlive = r.u16('keepAlive');
    if (r.spans) r.leaf('keepAlive', 'field.keepAlive', keepAliveAt, `${formatNumber(keepAlive, 2)} s`);
    const propertiesAt = r.pos;
    const properties = version === 5 ? readProperties(r, 'CONNECT') : undefined;
    if (properties) checkAuthentication(properties, propertiesAt);
    r.close();

    r.open('payload', 'field.payload');
    const clientId = r.string('clientId');
    let will: Will | undefined;
    if (hasWill) {
      announced(r, 'will', 'MQTT-3.1.2-9'); // the same number in 3.1.1 and 5.0
      const willProperties =
        version === 5 ? readProperties(r, 'WILL', 'will.properties', 'field.willProperties') : undefined;
      const topicAt = r.pos;
      const topic = r.string('will.topic', 'field.willTopic');
      checkTopicName(topic, version, topicAt, rule(version, 'MQTT-4.7.1-1', 'MQTT-4.7.0-1'));
      const payload = r.binary('will.payload', 'field.willPayload');
      will = { topic, payload, qos: willQos as QoS, retain: willRetain };
      if (willProperties) will.properties = willProperties;
    }
    if (hasUsername) announced(r, 'username', rule(version, 'MQTT-3.1.2-19', 'MQTT-3.1.2-17'));
    const username = hasUsername ? r.string('username') : undefined;
    if (hasPassword) announced(r, 'password', rule(version, 'MQTT-3.1.2-21', 'MQTT-3.1.2-19'));
    const password = hasPassword ? r.binary('password') : undefined;
    r.close();

    const packet: ConnectPacket = {
      type: 'CONNECT',
      protocolName,
      protocolVersion: level,
      clean: (flags & 0x02) !== 0,
      keepAlive,
      clientId,
    };
    if (will) packet.will = will;
    if (username !== undefined) packet.username = username;
    if (password !== undefined) packet.password = password;
    if (properties) packet.properties = properties;
    return packet;
  },

  measure(p, _version, sizes) {
    const level = checkInteger(p.protocolVersion, 'protocolVersion', 3, 5, at(6));
    const version = versionOf(level);
    const expectedName = level === 3 ? 'MQIsdp' : 'MQTT';
    if (p.protocolName !== expectedName)
      throw protocolError(at(0), 'protocol-name-level', 'MQTT-3.1.2-1', { name: String(p.protocolName), level });
    let size = 2 + stringSize(p.protocolName, 'protocolName', version, at(0)) + 1;
    const flagsAt = at(size);
    size += 1;
    checkInteger(p.keepAlive, 'keepAlive', 0, 65_535, at(size));
    size += 2;
    if (version === 5) {
      const props = measureProperties(p.properties, 'CONNECT', at(size));
      if (p.properties) checkAuthentication(p.properties, at(size));
      sizes.push(props);
      size += varintSize(props) + props;
    } else if (hasProperties(p.properties)) {
      throw malformed(at(size), 'properties-in-3-1-1');
    }
    size += 2 + stringSize(p.clientId, 'clientId', version, at(size));
    if (p.will) {
      const will = p.will;
      const qos = checkInteger(will.qos, 'will.qos', 0, 3, flagsAt);
      if (qos === 3) throw malformed(flagsAt, 'will-qos-3', rule(version, 'MQTT-3.1.2-14', 'MQTT-3.1.2-12'));
      if (version === 5) {
        const props = measureProperties(will.properties, 'WILL', at(size));
        sizes.push(props);
        size += varintSize(props) + props;
      } else if (hasProperties(will.properties)) {
        throw malformed(at(size), 'properties-in-3-1-1');
      }
      const topicSize = stringSize(will.topic, 'will.topic', version, at(size));
      checkTopicName(will.topic, version, at(size), rule(version, 'MQTT-4.7.1-1', 'MQTT-4.7.0-1'));
      size += 2 + topicSize;
      size += 2 + binarySize(will.payload, 'will.payload', version, at(size));
    }
    if (p.username !== undefined) size += 2 + stringSize(p.username, 'username', version, at(size));
    if (p.password !== undefined) {
      if (version === 4 && p.username === undefined)
        throw malformed(flagsAt, 'password-without-username', 'MQTT-3.1.2-22');
      size += 2 + binarySize(p.password, 'password', version, at(size));
    }
    return size;
  },

  write(w, p, _version, sizes) {
    const version = versionOf(p.protocolVersion);
    w.string(p.protocolName, utf8Length(p.protocolName));
    w.u8(p.protocolVersion);
    const will = p.will;
    w.u8(
      (p.username !== undefined ? 0x80 : 0) |
        (p.password !== undefined ? 0x40 : 0) |
        (will?.retain ? 0x20 : 0) |
        ((will?.qos ?? 0) << 3) |
        (will ? 0x04 : 0) |
        (p.clean ? 0x02 : 0),
    );
    w.u16(p.keepAlive);
    // sizes: [connect properties, will properties] as measure pushed them (5.0 only)
    if (version === 5) writeProperties(w, p.properties, sizes[0]);
    w.string(p.clientId, utf8Length(p.clientId));
    if (will) {
      if (version === 5) writeProperties(w, will.properties, sizes[1]);
      w.string(will.topic, utf8Length(will.topic));
      w.binary(will.payload);
    }
    if (p.username !== undefined) w.string(p.username, utf8Length(p.username));
    if (p.password !== undefined) w.binary(p.password);
  },

  flags() {
    return 0;
  },
};

function hasProperties(props: Properties | undefined): boolean {
  return props !== undefined && Object.keys(props).length > 0;
}

/** A field the connect flags announce must be present; flags and fields disagree otherwise. */
function announced(r: Reader, field: string, flagRule: string): void {
  if (r.remaining === 0) throw malformed(r.pos, 'announced-field-missing', flagRule, { field });
}

/** 5.0: "It is a Protocol Error to include Authentication Data if there is no Authentication Method". */
function checkAuthentication(props: Properties, offset: number): void {
  if (props.authenticationData !== undefined && props.authenticationMethod === undefined)
    throw protocolError(offset, 'auth-data-without-method', '§3.1.2.11.10');
}

function levelName(level: number): string {
  return level === 3 ? 'MQTT 3.1' : level === 4 ? 'MQTT 3.1.1' : level === 5 ? 'MQTT 5.0' : '?';
}
