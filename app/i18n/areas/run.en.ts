/** English strings of the run area (a run computing in the background, the event budget). run.zh.ts has the same keys. */
export const runEn = {
  run: {
    computing: 'Computing the run… {{seconds}} s of {{total}} s, {{events}} events',
    stop: 'Stop',
    stopHint: 'Stop computing: keep what is computed so far',
    stopped: 'Stopped at {{seconds}} s ({{events}} events): everything up to there can be looked at.',
    budget:
      'This run stopped after {{budget}} events, at {{seconds}} s, to keep the page responsive. {{busiest}} sent the most packets ({{busiestSends}} of {{sends}}); {{resends}} were resends and {{drops}} never arrived. Everything up to here can be looked at; a shorter run or a kinder link goes further.',
    budgetSaid: 'The lab stopped the run here: {{budget}} events is as far as it goes.',
    following: 'Following the end as it is computed',
  },
};
