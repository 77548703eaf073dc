/**
 * English strings of the tinkerer's tools that the first screen may show (the packet menu). The
 * actions panel's own strings load with it (workbench-panel.en.ts), the narration's with the story
 * (story.en.ts).
 */
export const workbenchEn = {
  workbench: {
    menu: {
      dropTcp:
        'Under TCP, “drop” loses one TCP segment: TCP resends it after a timeout, so this MQTT packet arrives late, not lost.',
      dropLossy: 'Under the lossy model, “drop” loses this MQTT packet; a sender with a resend timer sends it again.',
    },
  },
};
