/** English strings of the lab area. lab.zh.ts has the same keys (its type says so). */
export const labEn = {
  lab: {
    title: 'Lab',

    presets: {
      'qos0-lossy': {
        title: 'QoS 0 over a lossy link',
        about:
          'The sensor publishes six temperature readings with QoS 0 while its uplink loses about a third of the packets. QoS 0 means at most once: nobody acknowledges and nobody resends, so a lost reading is simply gone — and none arrives twice.',
      },
      'qos1-lost-puback': {
        title: 'QoS 1 with a lost PUBACK',
        about:
          'The sensor publishes “open” with QoS 1. The broker passes it on and answers PUBACK, but the PUBACK is lost on the way back. When its retry timer runs out (1 s) the sensor sends the PUBLISH again with DUP = 1, and the app gets the message a second time: at least once can mean more than once. Resending on a timer is the textbook picture: Paho C does it only when asked (its retryInterval, off by default), while MQTT.js, Paho Python and libmosquitto resend only when a session resumes on a new connection. That is the one time MQTT 3.1.1 requires a resend, and MQTT 5.0 forbids resending at any other time.',
      },
      'qos2-losses': {
        title: 'QoS 2: a loss at each stage',
        about:
          'One payment message with QoS 2, and one packet lost at each of its four steps: PUBLISH, PUBREC, PUBREL and PUBCOMP. Each loss is repaired by sending again with the same packet identifier; the broker recognises the repeated PUBLISH, and the app gets the message exactly once.',
      },
      'keepalive-will': {
        title: 'Keepalive and the last will',
        about:
          'The sensor connects with a keepalive of 5 s and a will (“offline”, retained, on status/sensor), then publishes “online”. Whenever it has sent nothing for 5 s it sends PINGREQ. At 7 s its link is cut silently, as when a cable is pulled. The broker hears nothing more and, 1.5 × 5 s after the last packet it received, closes the connection and publishes the will: the app learns that the sensor is offline.',
      },
      retained: {
        title: 'Retained messages',
        about:
          'The sensor publishes “on” as a retained message before anyone subscribes. When the app subscribes later, the broker sends it the stored value at once, with RETAIN = 1. A new retained value replaces the old one, so a late subscriber gets only the latest (“off”). An empty retained message clears it: after that a new subscription gets nothing.',
      },
      'persistent-session': {
        title: 'A persistent session with offline queueing',
        about:
          'The app connects with Clean Session = 0, subscribes with QoS 2 and disconnects. While it is away the sensor publishes three orders, with QoS 0, 1 and 2. The broker keeps the app’s session: it queues the QoS 1 and QoS 2 messages and drops the QoS 0 one. When the app comes back, CONNACK says session present = 1 and the two queued messages follow.',
      },
      overlapping: {
        title: 'Overlapping subscriptions',
        about:
          'The app subscribes to home/# with QoS 1 and to home/+/temp with QoS 2. A message on home/kitchen/temp matches both, yet the app receives it once, at the higher of the two QoS levels. A message on home/kitchen/light matches only home/#, so the broker downgrades it from QoS 2 to that subscription’s maximum, QoS 1.',
      },
      empty: {
        title: 'Empty lab',
        about:
          'A broker and two clients, sensor and app, which connect at the start. Nothing else is planned: publish, subscribe, change the network, pull plugs — and add clients of your own.',
      },
    },

    problem: {
      actionFailed: 'That could not be done: {{message}}',
      simulationFailed: 'The simulation stopped: {{message}}',
      linkDamaged: 'This link could not be opened: {{reason}} The lab starts afresh.',
      fileDamaged: 'This file could not be opened: {{reason}}',
      dismiss: 'Dismiss',
    },

    link: {
      part: {
        s: 'the scenario part of the address',
        a: 'the actions part of the address',
        file: 'the file',
      },
      source: { link: 'link', file: 'file' },
      problem: {
        tooLong: 'the address is longer than {{limit}} characters.',
        encoding: 'the address is not correctly %-encoded.',
        unknownPart: 'it has a part “{{name}}” that the lab does not know.',
        twice: 'the part “{{name}}” appears twice.',
        presetAndScenario: 'it names both a built-in scenario and a scenario of its own.',
        noScenario: 'it names no scenario.',
        unknownPreset: 'there is no built-in scenario called “{{id}}”.',
        seed: 'the seed “{{value}}” is not a whole number from 0 to {{max}}.',
        cursor: 'the position “{{value}}” is not an event number.',
        time: 'the time “{{value}}” is not a number of milliseconds in range.',
        partTooLong: '{{part}} is longer than {{limit}} characters.',
        compression: '{{part}} could not be decompressed: the link was cut short or altered.',
        jsonTooLong: '{{part}} unpacks to more than {{limit}} characters.',
        json: '{{part}} is not valid JSON ({{detail}}).',
        tooManyValues: 'it holds more than {{limit}} values.',
        tooDeep: 'it is nested deeper than {{limit}} levels (at {{path}}).',
        forbiddenKey: 'it contains the key “{{key}}” (at {{path}}), which the lab refuses.',
        invalidScenario: 'the scenario in the {{source}} is not valid: {{problem}}{{more}}',
        invalidActions: 'the actions in the {{source}} are not valid: {{problem}}{{more}}',
        more_one: ' (and {{count}} more problem)',
        more_other: ' (and {{count}} more problems)',
        at: 'at {{path}} it expects {{expected}}, but finds {{received}}.',
        atMissing: 'at {{path}} it expects {{expected}}.',
        limit: '{{path}} is over the lab’s limit of {{limit}}.',
        atLeast: '{{path}} must be at least {{limit}} ms.',
        packet: '{{path}} would send a packet the codec refuses: {{problem}}',
        actionsNotList: 'the actions are not a list.',
        fileTooBig: 'the file is larger than {{limit}} bytes.',
        fileNotRun: 'it is neither a saved lab run nor a scenario (JSON with “clients” and “steps”).',
        fileVersion: 'it is a run file of version “{{value}}”, which this lab does not read.',
        fileUnknownKey: 'it has a key “{{key}}” that a run file does not have.',
      },
      expect: {
        noKey: 'no such key (it is not allowed here)',
        present: 'this key (it is missing)',
        object: 'an object',
        array: 'a list',
        number: 'a number',
        string: 'text',
        boolean: 'true or false',
        name: 'a name without spaces or “/”',
        unique: 'a client id not used before',
        notBroker: 'a name other than “broker”',
        brokerOrClient: '“broker” or one of the clients',
        atLeast: 'at least {{n}}',
        atMost: 'at most {{n}}',
        oneOfClients: 'one of the clients ({{list}})',
        timeOrder: 'steps in time order (at or after {{n}})',
        raw: '{{text}}',
      },
    },

    list: { separator: ', ' },

    party: {
      broker: 'the broker',
      brokerSubject: 'The broker',
      client: '{{name}}',
    },

    machine: {
      'client-connection': 'client connection',
      'broker-connection': 'broker’s end of the connection',
      'qos1-sender': 'QoS 1 sender',
      'qos2-sender': 'QoS 2 sender',
      'qos2-receiver': 'QoS 2 receiver',
      other: 'machine',
    },

    timer: {
      keepalive: 'keepalive',
      keepaliveGrace: 'keepalive watchdog (1.5 × keepalive)',
      pingTimeout: 'PINGRESP wait',
      connackTimeout: 'CONNACK wait',
      retry: 'retry',
      reconnect: 'reconnect',
      willDelay: 'will delay',
      sessionExpiry: 'session expiry',
      other: 'unnamed',
    },

    tag: {
      scenario: 'scenario',
      you: 'you',
      send: 'sent',
      arrive: 'arrived',
      lost: 'lost',
      deliver: 'delivered',
      broker: 'broker',
      client: 'client',
      timer: 'timer',
      state: 'state',
      connection: 'connection',
      error: 'error',
      network: 'network',
    },

    /** The rules a packet broke, as the diagram and the narration word them; the rest of the story is story.en.ts. */
    say: {
      violation: {
        'connect-first': 'The first packet on a connection must be CONNECT.',
        'second-connect': 'A client may send CONNECT only once on a connection.',
        'unexpected-packet': 'A client may not send {{packet}}: it travels only from the broker to a client.',
      },
    },

    controls: {
      label: 'Playback',
      home: 'To the start',
      back: 'Step back',
      play: 'Play',
      pause: 'Pause',
      step: 'Step',
      end: 'To the end',
      prevStep: 'Previous stop (PageUp)',
      nextStep: 'Next stop: the next packet, loss, delivery, timer or step (PageDown)',
      time: 'Time',
      timeValue: '{{now}} / {{end}}',
      timeAria: '{{now}} of {{end}}',
      event: 'Event {{n}}',
      eventNone: 'No event yet',
      seconds: '{{value}} s',
      speed: 'Speed',
      speedValue: '{{value}}×',
      speedAria: '{{value}} times real time',
      skipIdle: 'Skip quiet time',
      keysTitle: 'Keyboard shortcuts',
      keys: 'Keys: Space play/pause · ←/→ step · Home/End · PgUp/PgDn previous/next stop (in presenter mode also ←/→) · P presenter · Esc leaves a control',
    },

    picker: {
      label: 'Scenario',
      choose: 'Scenario',
      custom: 'Your own scenario',
      transport: 'Network model',
      tcp: 'MQTT over TCP',
      tcpAbout: 'Packets arrive in order; a loss becomes a retransmission delay.',
      lossy: 'Textbook model, not MQTT over TCP',
      lossyAbout:
        'The textbook picture — a teaching model, not MQTT over TCP: single packets are lost, duplicated or reordered.',
      version: 'MQTT {{version}}',
      seed: 'Seed',
      seedHelp: 'The same seed gives the same run; another seed rolls the dice again.',
      seedError: 'A seed is a whole number from 0 to {{max}}.',
      actions_one: '{{count}} action of yours',
      actions_other: '{{count}} actions of yours',
      clearActions: 'Undo all',
      more: 'More',
      less: 'Less',
    },

    run: {
      label: 'Share and save',
      menu: 'Share and save',
      copyLink: 'Copy link',
      copied: 'Link copied.',
      copyFailed: 'Copy the address from the address bar.',
      tooLong: 'This run is too big for a link: save it as a file instead.',
      saveTrace: 'Save trace',
      saveRun: 'Save scenario',
      open: 'Open file…',
      opened: 'Opened {{name}}.',
      presenter: 'Presenter mode',
      presenterOff: 'Leave presenter mode',
    },

    actions: {
      label: 'Do something',
    },

    narration: {
      label: 'What happens',
      showAll: 'Show all events',
      empty: 'Nothing has happened yet. Press Play, or → to take one step.',
      now: 'now',
      rule: 'Spec rule',
    },

    side: {
      label: 'Panels',
      state: 'State',
      inspector: 'Packet',
    },
  },
};
