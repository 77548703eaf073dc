/** English strings of the capture area (a run as a pcapng file, a capture opened read-only). capture.zh.ts has the same keys. */
export const captureEn = {
  capture: {
    download: 'Download capture (pcapng)',
    point: "Captured at the broker's network interface (10.0.0.1, port 1883): opens in Wireshark.",
    lossy: 'Lossy model: the textbook picture, not TCP — a lost packet is simply missing from the capture.',
    open: 'Open capture (pcap, pcapng)…',
    opened: 'Opened the capture {{name}}: read-only.',
    readOnly: 'This is a capture: it can be looked at, not changed. Pick a scenario to experiment.',
    error: {
      empty: 'The file is empty.',
      'unknown-format': 'This is not a pcap or pcapng capture (it starts with {{magic}}).',
      damaged: 'The capture is damaged at byte {{offset}}: {{what}}.',
      truncated: 'The capture ends in the middle of a record (byte {{offset}}).',
      'too-large': 'The capture has {{bytes}} bytes; the lab opens captures of up to {{max}} bytes.',
      'too-many-packets': 'The capture holds more than {{max}} MQTT packets; the lab shows up to {{max}}.',
      'unsupported-link': 'Link type {{linkType}} is not one the lab reads (Ethernet, Linux cooked, loopback, raw IP).',
      'no-mqtt':
        'No MQTT connection was found: {{frames}} frames, {{tcp}} TCP connections, none starting with a CONNECT.',
      'tls-only': 'The MQTT traffic is encrypted (TLS on {{connections}} connection(s)); the lab cannot read it.',
    },
  },
};
