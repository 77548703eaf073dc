/**
 * English strings of the tinkerer's tools that the first screen may show (the narration of a queued
 * subscribe, the packet menu). The actions panel's own strings load with it (workbench-panel.en.ts).
 */
export const workbenchEn = {
  workbench: {
    say: {
      subscribeQueued: '{{who}} is not connected yet: its SUBSCRIBE to “{{filter}}” waits for the CONNACK.',
      unsubscribeQueued: '{{who}} is not connected yet: its UNSUBSCRIBE from “{{filter}}” waits for the CONNACK.',
      subscribeDequeued: 'Connected now, {{who}} sends the SUBSCRIBE to “{{filter}}” it kept.',
      unsubscribeDequeued: 'Connected now, {{who}} sends the UNSUBSCRIBE from “{{filter}}” it kept.',
    },
    menu: {
      dropTcp:
        'Under TCP, “drop” loses one TCP segment: TCP resends it after a timeout, so this MQTT packet arrives late, not lost.',
      dropLossy: 'Under the lossy model, “drop” loses this MQTT packet; a sender with a resend timer sends it again.',
    },
  },
};
