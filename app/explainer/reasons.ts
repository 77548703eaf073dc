/**
 * Translation keys of reason codes. One number means different things in different packets and
 * versions (0x00 is Success, Normal disconnection or Granted QoS 0; 3.1.1's 0x01 in CONNACK is not
 * 5.0's), so a key names the entry of the engine's table: `reason.v5.grantedQos0`.
 */
import { type PacketType, type ProtocolVersion, type ReasonCode, reasonCode } from '$engine';

/** "Success - Maximum QoS 0" → "successMaximumQos0". */
export function reasonSlug(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
}

export function reasonEntryKey(version: ProtocolVersion, entry: ReasonCode): string {
  return `reason.v${version}.${reasonSlug(entry.name)}`;
}

/** The key of `code` in `packet` under `version`, or undefined if that packet may not carry it. */
export function reasonKey(packet: PacketType, code: number, version: ProtocolVersion): string | undefined {
  const entry = reasonCode(packet, code, version);
  return entry ? reasonEntryKey(version, entry) : undefined;
}
