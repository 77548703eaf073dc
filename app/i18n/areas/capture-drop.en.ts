/**
 * English strings of the capture-drop area: a capture file dragged onto the lab or the explainer,
 * reading it, and what a capture on screen can and cannot say (its times are at the capture point,
 * its links have no simulated parameters). Loaded when first needed (bundles.ts); capture-drop.zh.ts
 * has the same keys.
 */
export const captureDropEn = {
  captureDrop: {
    overlay: 'Drop a pcap / pcapng file to open it',
    overlayHint: 'It opens in the lab, read-only. The run on screen stays in the history: Back returns to it.',
    reading: 'Reading the capture {{name}} ({{size}})…',
    megabytes: '{{value}} MB',
    kilobytes: '{{value}} KB',
    failed: 'The capture could not be read: {{message}}',
    truncated:
      'The file ends in the middle of a record (byte {{offset}}), perhaps cut short: everything before it is shown.',
    point: 'Times are when the capture point saw each packet: not when it was sent, nor when it arrived.',
    pointShort: 'Captured',
    noLink: 'A capture has no simulated link: delays and losses are whatever the real network did.',
    pickerBadge: 'Real capture, read-only',
    pickerAbout:
      'What a real network carried, as the capture point saw it: nothing here is simulated, so there is no transport model or seed to choose.',
    linkAria: 'Connection between {{client}} ({{clientAddress}}) and the broker ({{brokerAddress}})',
  },
};
