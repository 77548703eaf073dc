export {
  encode,
  decode,
  createDecoder,
  type Packet,
  type PacketOf,
  type Decoded,
  type DecodeOptions,
  type StreamDecoder,
} from './codec.ts';
export { MqttError, errorMessages, type ErrorCode, type MqttErrorKind } from './errors.ts';
export { PACKET_TYPES, TYPE_CODE, type PacketType, type QoS } from './packet.ts';
export {
  PROPERTIES,
  propertyById,
  propertyByName,
  type Properties,
  type PropertyInfo,
  type PropertyName,
} from './properties.ts';
export { REASON_CODES_4, REASON_CODES_5, reasonCode, isReasonCodeAllowed, type ReasonCode } from './reason-codes.ts';
export { type Span, findSpan } from './spans.ts';
export { checkTopicFilter, checkTopicName } from './topics.ts';
export type { ProtocolVersion } from './version.ts';
export type { ConnectPacket, Will } from './packets/connect.ts';
export type { ConnackPacket } from './packets/connack.ts';
export type { PublishPacket } from './packets/publish.ts';
export type { PubackPacket } from './packets/puback.ts';
export type { PubrecPacket } from './packets/pubrec.ts';
export type { PubrelPacket } from './packets/pubrel.ts';
export type { PubcompPacket } from './packets/pubcomp.ts';
export type { SubscribePacket, Subscription } from './packets/subscribe.ts';
export type { SubackPacket } from './packets/suback.ts';
export type { UnsubscribePacket } from './packets/unsubscribe.ts';
export type { UnsubackPacket } from './packets/unsuback.ts';
export type { PingreqPacket } from './packets/pingreq.ts';
export type { PingrespPacket } from './packets/pingresp.ts';
export type { DisconnectPacket } from './packets/disconnect.ts';
export type { AuthPacket } from './packets/auth.ts';
