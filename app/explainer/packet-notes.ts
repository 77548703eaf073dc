/**
 * What a packet's bytes say that no field shows: a 5.0 acknowledgement whose reason code is left
 * out (it means 0x00), a payload marked as UTF-8 that is not, an MQTT 3.1 CONNECT. Each note is an
 * i18n key under `paste.notes.` with its parameters.
 */
import type { Packet, ProtocolVersion, Span } from '$engine';

export interface PacketNote {
  key: 'reasonOmitted' | 'payloadNotUtf8' | 'willPayloadNotUtf8' | 'mqtt31';
  params?: Record<string, string | number>;
}

/** Where each 5.0 packet says its reason code may be left out, meaning 0x00. */
const OMITTABLE_REASON: Partial<Record<Packet['type'], string>> = {
  PUBACK: '§3.4.2.1',
  PUBREC: '§3.5.2.1',
  PUBREL: '§3.6.2.1',
  PUBCOMP: '§3.7.2.1',
  DISCONNECT: '§3.14.2.1',
  AUTH: '§3.15.2.1',
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasLabel(spans: readonly Span[], label: string): boolean {
  return spans.some((s) => s.label === label || (s.children !== undefined && hasLabel(s.children, label)));
}

export function packetNotes(
  packet: Packet | undefined,
  spans: readonly Span[],
  version: ProtocolVersion,
): PacketNote[] {
  if (!packet) return [];
  const notes: PacketNote[] = [];
  const section = OMITTABLE_REASON[packet.type];
  if (version === 5 && section && !hasLabel(spans, 'field.reasonCode')) {
    notes.push({ key: 'reasonOmitted', params: { packet: packet.type, section } });
  }
  // Payload Format Indicator 1 says the payload is UTF-8; a receiver may check it (0x99).
  if (packet.type === 'PUBLISH' && packet.properties?.payloadFormatIndicator === 1 && !isUtf8(packet.payload)) {
    notes.push({ key: 'payloadNotUtf8', params: { section: '§3.3.2.3.2' } });
  }
  if (packet.type === 'CONNECT') {
    const will = packet.will;
    if (will?.properties?.payloadFormatIndicator === 1 && !isUtf8(will.payload)) {
      notes.push({ key: 'willPayloadNotUtf8', params: { section: '§3.1.3.2.3' } });
    }
    if (packet.protocolVersion === 3) notes.push({ key: 'mqtt31', params: { name: packet.protocolName } });
  }
  return notes;
}
