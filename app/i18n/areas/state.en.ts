/** English strings of the state area. state.zh.ts has the same keys (its type says so). */
export const stateEn = {
  state: {
    title: 'State',
  },
};
