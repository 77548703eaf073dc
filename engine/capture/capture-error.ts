/**
 * Why a capture file cannot be read, as data: a code the app translates (i18n key under
 * `capture.error.`), its parameters, and the English text for logs — like the codec's MqttError.
 */
export const captureErrorMessages = {
  empty: 'The file is empty.',
  'unknown-format': 'This is not a pcap or pcapng capture (it starts with {magic}).',
  damaged: 'The capture is damaged at byte {offset}: {what}.',
  truncated: 'The capture ends in the middle of a record (byte {offset}); what comes before it was read.',
  'too-large': 'The capture has {bytes} bytes; the lab opens captures of up to {max} bytes.',
  'too-many-packets': 'The capture holds more than {max} MQTT packets; the lab shows up to {max}.',
  'unsupported-link': 'Link type {linkType} is not one the lab reads (Ethernet, Linux cooked, loopback, raw IP).',
  'no-mqtt': 'No MQTT connection was found: {frames} frames, {tcp} TCP connections, none starting with a CONNECT.',
  'tls-only': 'The MQTT traffic is encrypted (TLS on {connections} connection(s)); the lab cannot read it.',
} as const;

export type CaptureErrorCode = keyof typeof captureErrorMessages;

export class CaptureError extends Error {
  readonly code: CaptureErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: CaptureErrorCode, params: Record<string, string | number> = {}) {
    super(captureErrorMessages[code].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`)));
    this.name = 'CaptureError';
    this.code = code;
    this.params = params;
  }
}
