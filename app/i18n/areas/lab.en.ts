/** English strings of the lab area. lab.zh.ts has the same keys (its type says so). */
export const labEn = {
  lab: {
    title: 'Lab',
  },
};
