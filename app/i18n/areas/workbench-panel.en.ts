/** English strings of the actions panel's tinkerer tools: a bundle loaded with the panel (bundles.ts). */
export const workbenchPanelEn = {
  workbench: {
    setup: {
      legend: 'The run’s set-up',
      transport: 'Network',
      version: 'Protocol',
      tcp: 'TCP (what MQTT runs on)',
      tcpAbout: 'A lost segment is resent by TCP: packets arrive late and in order, never lost or doubled.',
      lossy: 'Textbook lossy link (not TCP)',
      lossyAbout: 'Single MQTT packets can be lost, doubled or reordered; senders resend after a timeout.',
      v4: 'MQTT 3.1.1',
      v4About: 'The version most devices speak: return codes, no properties.',
      v5: 'MQTT 5.0',
      v5About: 'Reason codes, properties, session expiry; unacknowledged messages resent only on reconnect.',
      v5NoLossy:
        'Not with MQTT 5.0: a 5.0 sender resends only when a session resumes, never on a timer [MQTT-4.4.0-1], and the lossy model resends on a timer.',
      lossyNoV5:
        'Not with the lossy model: it resends on a timer, which MQTT 5.0 forbids [MQTT-4.4.0-1]. Choose TCP first.',
    },
    when: {
      label: 'or at (s)',
      placeholder: 'now ({{time}})',
      hint: 'Empty: at the cursor. A time typed here is when the next action happens.',
      error: 'A time in seconds, from 0 to {{max}}.',
    },
    repeat: {
      every: 'every (ms)',
      times: 'times',
      hint: 'Repeat: the payload is numbered (“{{payload}} 1”, “{{payload}} 2”…), or put {n} where the number goes.',
      errorEvery: 'A whole number of ms from {{min}} to {{max}}.',
      errorTimes: 'A whole number from 1 to {{max}}.',
      errorSteps: 'That makes {{count}} publishes; the lab runs at most {{max}} steps.',
      errorTime: 'The last one would be at {{time}}, past the lab’s limit of {{max}}.',
    },
    failures: {
      legend: 'Break something',
      crash: 'Crash the client',
      crashAbout:
        'The process dies: no DISCONNECT. Its machine closes the socket, so the broker sees the connection end and publishes the will.',
      cut: 'Cut the cable',
      cutAbout:
        'Both sides keep running and nobody is told: the broker finds out only when keepalive runs out, the client when a PINGREQ goes unanswered.',
      restore: 'Plug it back in',
      restoreAbout: 'What TCP was still resending gets through, late; a connection already given up stays closed.',
    },
    end: {
      label: 'Run until (s)',
      set: 'Set',
      now: 'The run ends at {{time}}.',
      error: 'A time in seconds, from {{min}} to {{max}}.',
      inFlight_one: 'At the end, {{count}} packet is still on its way: {{which}}.',
      inFlight_other: 'At the end, {{count}} packets are still on its way: {{which}}.',
      unacked_one: '{{count}} message is sent but not yet acknowledged: {{which}}.',
      unacked_other: '{{count}} messages are sent but not yet acknowledged: {{which}}.',
      runOn: 'Run on {{seconds}} s more',
      item: '{{packet}} {{from}} → {{to}}',
      flow: '{{party}}, packet id {{id}}',
    },
  },
};
