/** 4 = MQTT 3.1.1, 5 = MQTT 5.0. (A 3.1 CONNECT, level 3, decodes as 3.1.1 otherwise.) */
export type ProtocolVersion = 4 | 5;

/** The rule of the version in force: 3.1.1 and 5.0 number the same requirement differently. */
export function rule(version: ProtocolVersion, v311: string, v5: string): string {
  return version === 5 ? v5 : v311;
}
