/** English strings of the spec map (#/spec). spec.zh.ts has the same keys (its type says so). */
export const specEn = {
  spec: {
    title: 'Map of the spec',
    intro:
      'Every numbered statement of the chosen version: where the lab enforces it, shows it and tests it — or why it does not apply here. Computed from the source when the app is built.',
    version: 'Version',
    filter: 'Filter',
    filterHint: 'id, words, file or lesson',
    counts: {
      label: 'Statements of MQTT {{version}}',
      total: 'statements',
      enforced: 'enforced',
      demonstrated: 'demonstrated',
      tested: 'tested',
      notApplicable: 'not applicable',
      uncovered: 'cited nowhere yet',
    },
    shown: '{{shown}} of {{total}} shown',
    noMatch: 'No statement matches “{{filter}}”.',
    where: {
      enforced: 'Enforced',
      demonstrated: 'Shown',
      tested: 'Tested',
      notApplicable: 'Not applicable',
      uncovered: 'No code, lesson or test of the lab cites it yet.',
    },
    na: {
      websocket: 'WebSocket transport: the lab’s links are simulated, not WebSocket.',
      transport: 'About the network underneath: the simulated link is ordered and lossless by construction.',
      conformance: 'About conformance claims of products, not about packets.',
      'not-modelled': 'A feature the lab does not model (enhanced authentication, shared subscriptions).',
    },
    lesson: 'Lesson {{lesson}}, step “{{step}}”',
    preset: 'Lab preset: {{title}}',
    sections: 'Sections cited without a numbered statement',
    sectionsHint: 'Where the standard states a rule without numbering it, the lab cites its section.',
    missing: '{{ref}} is not a statement of MQTT {{version}}.',
    inOther: 'It is one of MQTT {{version}}:',
    chipTitle: 'Open {{ref}} in the map of the spec',
    sources:
      'Ids as the OASIS standards number them (3.1.1: 141, 5.0: 251, all of appendix B); summaries in our own words.',
  },
};
