/**
 * English strings for the classroom views: the two-run comparison, the full-width diagram, cut
 * cables drawn as outages. classroom.zh.ts has the same keys (its type says so).
 */
export const classroomEn = {
  classroom: {
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
