/**
 * Reason codes (5.0 §2.4) and 3.1.1's return codes, in one table: each code's name, the packets
 * that may carry it, and what the spec says it means. The app translates `name` and `meaning` by
 * the key `reason.<code in hex>`; this English is the spec's wording, shortened.
 */
import type { PacketType } from './packet.ts';
import type { ProtocolVersion } from './version.ts';

export interface ReasonCode {
  code: number;
  name: string;
  packets: readonly PacketType[];
  meaning: string;
}

const ACK_OK: PacketType[] = ['CONNACK', 'PUBACK', 'PUBREC', 'PUBREL', 'PUBCOMP', 'UNSUBACK', 'AUTH'];
const ERRS: PacketType[] = ['CONNACK', 'PUBACK', 'PUBREC', 'SUBACK', 'UNSUBACK', 'DISCONNECT'];

export const REASON_CODES_5: readonly ReasonCode[] = [
  { code: 0x00, name: 'Success', packets: ACK_OK, meaning: 'The operation succeeded.' },
  {
    code: 0x00,
    name: 'Normal disconnection',
    packets: ['DISCONNECT'],
    meaning: 'Close the connection normally; do not send the Will Message.',
  },
  {
    code: 0x00,
    name: 'Granted QoS 0',
    packets: ['SUBACK'],
    meaning: 'The subscription is accepted; the maximum QoS sent will be QoS 0.',
  },
  {
    code: 0x01,
    name: 'Granted QoS 1',
    packets: ['SUBACK'],
    meaning: 'The subscription is accepted; the maximum QoS sent will be QoS 1.',
  },
  {
    code: 0x02,
    name: 'Granted QoS 2',
    packets: ['SUBACK'],
    meaning: 'The subscription is accepted; any received QoS will be sent.',
  },
  {
    code: 0x04,
    name: 'Disconnect with Will Message',
    packets: ['DISCONNECT'],
    meaning: 'The client disconnects but wants the server to publish its Will Message.',
  },
  {
    code: 0x10,
    name: 'No matching subscribers',
    packets: ['PUBACK', 'PUBREC'],
    meaning: 'The message was accepted, but no one subscribes to it.',
  },
  {
    code: 0x11,
    name: 'No subscription existed',
    packets: ['UNSUBACK'],
    meaning: 'There was no subscription to remove.',
  },
  {
    code: 0x18,
    name: 'Continue authentication',
    packets: ['AUTH'],
    meaning: 'Continue the authentication with another step.',
  },
  { code: 0x19, name: 'Re-authenticate', packets: ['AUTH'], meaning: 'Start a re-authentication.' },
  {
    code: 0x80,
    name: 'Unspecified error',
    packets: ERRS,
    meaning: 'It failed, and the sender will not say why or no other code applies.',
  },
  {
    code: 0x81,
    name: 'Malformed Packet',
    packets: ['CONNACK', 'DISCONNECT'],
    meaning: 'A packet could not be parsed according to the specification.',
  },
  {
    code: 0x82,
    name: 'Protocol Error',
    packets: ['CONNACK', 'DISCONNECT'],
    meaning: 'A packet arrived that the protocol does not allow at this point, or with contents it forbids.',
  },
  {
    code: 0x83,
    name: 'Implementation specific error',
    packets: ERRS,
    meaning: 'Valid, but not accepted by this implementation.',
  },
  {
    code: 0x84,
    name: 'Unsupported Protocol Version',
    packets: ['CONNACK'],
    meaning: 'The server does not support the protocol version the client asked for.',
  },
  {
    code: 0x85,
    name: 'Client Identifier not valid',
    packets: ['CONNACK'],
    meaning: 'The client identifier is well-formed but not allowed by the server.',
  },
  {
    code: 0x86,
    name: 'Bad User Name or Password',
    packets: ['CONNACK'],
    meaning: 'The server does not accept the user name or password.',
  },
  {
    code: 0x87,
    name: 'Not authorized',
    packets: ['CONNACK', 'PUBACK', 'PUBREC', 'SUBACK', 'UNSUBACK', 'DISCONNECT'],
    meaning: 'The client is not authorized to do this.',
  },
  { code: 0x88, name: 'Server unavailable', packets: ['CONNACK'], meaning: 'The MQTT server is not available.' },
  {
    code: 0x89,
    name: 'Server busy',
    packets: ['CONNACK', 'DISCONNECT'],
    meaning: 'The server is busy; try again later.',
  },
  { code: 0x8a, name: 'Banned', packets: ['CONNACK'], meaning: 'This client has been banned by an administrator.' },
  { code: 0x8b, name: 'Server shutting down', packets: ['DISCONNECT'], meaning: 'The server is shutting down.' },
  {
    code: 0x8c,
    name: 'Bad authentication method',
    packets: ['CONNACK', 'DISCONNECT'],
    meaning: 'The authentication method is not supported or does not match the one in use.',
  },
  {
    code: 0x8d,
    name: 'Keep Alive timeout',
    packets: ['DISCONNECT'],
    meaning: 'No packet arrived for 1.5 times the Keep Alive time.',
  },
  {
    code: 0x8e,
    name: 'Session taken over',
    packets: ['DISCONNECT'],
    meaning: 'Another connection with the same client identifier took over the session.',
  },
  {
    code: 0x8f,
    name: 'Topic Filter invalid',
    packets: ['SUBACK', 'UNSUBACK', 'DISCONNECT'],
    meaning: 'The topic filter is well-formed but not accepted by this server.',
  },
  {
    code: 0x90,
    name: 'Topic Name invalid',
    packets: ['CONNACK', 'PUBACK', 'PUBREC', 'DISCONNECT'],
    meaning: 'The topic name is well-formed but not accepted by this client or server.',
  },
  {
    code: 0x91,
    name: 'Packet Identifier in use',
    packets: ['PUBACK', 'PUBREC', 'SUBACK', 'UNSUBACK'],
    meaning: 'The packet identifier is already in use.',
  },
  {
    code: 0x92,
    name: 'Packet Identifier not found',
    packets: ['PUBREL', 'PUBCOMP'],
    meaning: 'The packet identifier is not known: no flow is waiting for it.',
  },
  {
    code: 0x93,
    name: 'Receive Maximum exceeded',
    packets: ['DISCONNECT'],
    meaning: 'More QoS 1 and 2 messages were in flight than the Receive Maximum allows.',
  },
  {
    code: 0x94,
    name: 'Topic Alias invalid',
    packets: ['DISCONNECT'],
    meaning: 'The Topic Alias is larger than the maximum the receiver announced.',
  },
  {
    code: 0x95,
    name: 'Packet too large',
    packets: ['CONNACK', 'DISCONNECT'],
    meaning: 'The packet is larger than the Maximum Packet Size.',
  },
  { code: 0x96, name: 'Message rate too high', packets: ['DISCONNECT'], meaning: 'The message rate is too high.' },
  {
    code: 0x97,
    name: 'Quota exceeded',
    packets: ['CONNACK', 'PUBACK', 'PUBREC', 'SUBACK', 'DISCONNECT'],
    meaning: 'An implementation or administrative quota has been exceeded.',
  },
  {
    code: 0x98,
    name: 'Administrative action',
    packets: ['DISCONNECT'],
    meaning: 'The connection is closed by an administrator.',
  },
  {
    code: 0x99,
    name: 'Payload format invalid',
    packets: ['CONNACK', 'PUBACK', 'PUBREC', 'DISCONNECT'],
    meaning: 'The payload does not match the Payload Format Indicator.',
  },
  {
    code: 0x9a,
    name: 'Retain not supported',
    packets: ['CONNACK', 'DISCONNECT'],
    meaning: 'The server does not support retained messages.',
  },
  {
    code: 0x9b,
    name: 'QoS not supported',
    packets: ['CONNACK', 'DISCONNECT'],
    meaning: 'The QoS is higher than the server supports.',
  },
  {
    code: 0x9c,
    name: 'Use another server',
    packets: ['CONNACK', 'DISCONNECT'],
    meaning: 'The client should use another server, for now.',
  },
  {
    code: 0x9d,
    name: 'Server moved',
    packets: ['CONNACK', 'DISCONNECT'],
    meaning: 'The client should use another server, from now on.',
  },
  {
    code: 0x9e,
    name: 'Shared Subscriptions not supported',
    packets: ['SUBACK', 'DISCONNECT'],
    meaning: 'The server does not support shared subscriptions.',
  },
  {
    code: 0x9f,
    name: 'Connection rate exceeded',
    packets: ['CONNACK', 'DISCONNECT'],
    meaning: 'The connection rate limit has been exceeded.',
  },
  {
    code: 0xa0,
    name: 'Maximum connect time',
    packets: ['DISCONNECT'],
    meaning: 'The maximum connection time for this connection has been exceeded.',
  },
  {
    code: 0xa1,
    name: 'Subscription Identifiers not supported',
    packets: ['SUBACK', 'DISCONNECT'],
    meaning: 'The server does not support subscription identifiers.',
  },
  {
    code: 0xa2,
    name: 'Wildcard Subscriptions not supported',
    packets: ['SUBACK', 'DISCONNECT'],
    meaning: 'The server does not support wildcard subscriptions.',
  },
];

/** 3.1.1: CONNACK return codes (§3.2.2.3) and SUBACK return codes (§3.9.3). */
export const REASON_CODES_4: readonly ReasonCode[] = [
  { code: 0x00, name: 'Connection Accepted', packets: ['CONNACK'], meaning: 'The connection is accepted.' },
  {
    code: 0x01,
    name: 'Connection Refused, unacceptable protocol version',
    packets: ['CONNACK'],
    meaning: 'The server does not support the protocol level the client asked for.',
  },
  {
    code: 0x02,
    name: 'Connection Refused, identifier rejected',
    packets: ['CONNACK'],
    meaning: 'The client identifier is correct UTF-8 but not allowed by the server.',
  },
  {
    code: 0x03,
    name: 'Connection Refused, Server unavailable',
    packets: ['CONNACK'],
    meaning: 'The network connection was made but the MQTT service is unavailable.',
  },
  {
    code: 0x04,
    name: 'Connection Refused, bad user name or password',
    packets: ['CONNACK'],
    meaning: 'The data in the user name or password is malformed.',
  },
  {
    code: 0x05,
    name: 'Connection Refused, not authorized',
    packets: ['CONNACK'],
    meaning: 'The client is not authorized to connect.',
  },
  {
    code: 0x00,
    name: 'Success - Maximum QoS 0',
    packets: ['SUBACK'],
    meaning: 'The subscription is accepted with maximum QoS 0.',
  },
  {
    code: 0x01,
    name: 'Success - Maximum QoS 1',
    packets: ['SUBACK'],
    meaning: 'The subscription is accepted with maximum QoS 1.',
  },
  {
    code: 0x02,
    name: 'Success - Maximum QoS 2',
    packets: ['SUBACK'],
    meaning: 'The subscription is accepted with maximum QoS 2.',
  },
  { code: 0x80, name: 'Failure', packets: ['SUBACK'], meaning: 'The subscription is refused.' },
];

const index = (table: readonly ReasonCode[]) => {
  const map = new Map<string, ReasonCode>();
  for (const entry of table) for (const packet of entry.packets) map.set(`${packet}:${entry.code}`, entry);
  return map;
};
const byPacket5 = index(REASON_CODES_5);
const byPacket4 = index(REASON_CODES_4);

/** What `code` means in `packet` under `version`; undefined if that packet may not carry it. */
export function reasonCode(packet: PacketType, code: number, version: ProtocolVersion = 5): ReasonCode | undefined {
  return (version === 5 ? byPacket5 : byPacket4).get(`${packet}:${code}`);
}

export function isReasonCodeAllowed(packet: PacketType, code: number, version: ProtocolVersion = 5): boolean {
  return reasonCode(packet, code, version) !== undefined;
}
