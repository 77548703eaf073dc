/**
 * English strings for the classroom: the two-run comparison, the full-width diagram, cut cables drawn
 * as outages; serving a class, the single-file lab, the words of errors. classroom.zh.ts has the same
 * keys (its type says so).
 */
export const classroomEn = {
  classroom: {
    brokerConnection: 'the broker’s connection {{conn}} with {{client}}',
    statePath: '{{outer}} › {{inner}}',
    lessonError: {
      noStep: 'its run has no scenario step “{{id}}”.',
      noPacket: 'its run has no {{type}} number {{nth}}{{route}}.',
      fromTo: ' from {{from}} to {{to}}',
      from: ' from {{from}}',
      to: ' to {{to}}',
    },
    /** A QoS flow by whose it is (its actor in the code is 'sensor/out/1', 'broker/app/in/2'). */
    flow: {
      clientOut: '{{client}} sending, packet id {{id}}',
      clientIn: '{{client}} receiving, packet id {{id}}',
      brokerOut: 'the broker sending to {{client}}, packet id {{id}}',
      brokerIn: 'the broker receiving from {{client}}, packet id {{id}}',
    },
    undo: {
      discarded_one: 'Acting in the past discarded {{count}} later action.',
      discarded_other: 'Acting in the past discarded {{count}} later actions.',
      undo: 'Undo',
      keep: 'Keep the new run',
    },
    qr: {
      button: 'Class address',
      title: 'The address for the class',
      aria: 'QR code of this page’s address',
      hint: 'Scan it, or type the address: the run opens at this moment, in this language.',
      close: 'Close',
      local: {
        file: 'This lab is opened from a file, which no other computer can reach. To give the class an address, run “npm run class” on this computer and open the address it prints.',
        loopback:
          'This address names this computer only. Run “npm run class” and open the address it prints (not localhost): its QR code then shows here.',
      },
    },
    problem: {
      /** A topic or filter the codec refuses: where, what was found, and the rule in a sentence of its own. */
      rule: 'at {{path}}, {{received}} is refused: {{reason}}',
    },
    outage: {
      open: 'The cable of {{client}} is cut since {{from}}',
      closed: 'The cable of {{client}} was cut from {{from}} to {{to}}',
    },
    side: {
      hide: 'Hide the side panel',
      show: 'Show the side panel',
      hint: 'The diagram takes the whole width (W)',
    },
    compare: {
      title: 'Side by side',
      intro: 'Two runs with the same network and the same loss, on one time axis: where do the extra packets go?',
      label: 'Run {{side}}',
      time: '{{value}} s',
      keys: 'PageDown / PageUp: the next or previous moment in either run; → / ←: one event; Home / End.',
      next: 'Next moment',
      prev: 'Previous moment',
      notFound: 'There is no built-in run called "{{id}}"; showing the default comparison.',
      variant: {
        qos: 'QoS {{qos}}',
        v4: 'MQTT 3.1.1',
        v5: 'MQTT 5.0',
      },
      packets_one: '{{count}} packet so far',
      packets_other: '{{count}} packets so far',
      open: 'Compare side by side',
    },
  },
};
