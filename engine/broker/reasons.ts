/**
 * The reason codes the broker answers with, looked up by name in the codec's tables
 * (codec/reason-codes.ts) instead of written as numbers: a name the table lacks fails at load.
 */
import type { PacketType } from '../codec/packet.ts';
import { REASON_CODES_4, REASON_CODES_5 } from '../codec/reason-codes.ts';

function code(version: 4 | 5, packet: PacketType, name: string): number {
  const table = version === 5 ? REASON_CODES_5 : REASON_CODES_4;
  const entry = table.find((r) => r.name === name && r.packets.includes(packet));
  if (!entry) throw new Error(`no ${version === 5 ? '5.0' : '3.1.1'} reason code "${name}" for ${packet}`);
  return entry.code;
}

export const REASON = {
  v5: {
    unsupportedProtocolVersion: code(5, 'CONNACK', 'Unsupported Protocol Version'),
    notAuthorized: code(5, 'CONNACK', 'Not authorized'),
    badUserNameOrPassword: code(5, 'CONNACK', 'Bad User Name or Password'),
    subscribeNotAuthorized: code(5, 'SUBACK', 'Not authorized'),
    sessionTakenOver: code(5, 'DISCONNECT', 'Session taken over'),
    protocolError: code(5, 'DISCONNECT', 'Protocol Error'),
    topicAliasInvalid: code(5, 'DISCONNECT', 'Topic Alias invalid'),
    normalDisconnection: code(5, 'DISCONNECT', 'Normal disconnection'),
    disconnectWithWill: code(5, 'DISCONNECT', 'Disconnect with Will Message'),
    noMatchingSubscribers: code(5, 'PUBACK', 'No matching subscribers'),
    noSubscriptionExisted: code(5, 'UNSUBACK', 'No subscription existed'),
  },
  v4: {
    unacceptableProtocolVersion: code(4, 'CONNACK', 'Connection Refused, unacceptable protocol version'),
    identifierRejected: code(4, 'CONNACK', 'Connection Refused, identifier rejected'),
    badUserNameOrPassword: code(4, 'CONNACK', 'Connection Refused, bad user name or password'),
    notAuthorized: code(4, 'CONNACK', 'Connection Refused, not authorized'),
    subscribeFailure: code(4, 'SUBACK', 'Failure'),
  },
} as const;
