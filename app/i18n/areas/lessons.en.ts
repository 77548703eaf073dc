/** English strings of the lessons area. lessons.zh.ts has the same keys (its type says so). */
export const lessonsEn = {
  lessons: {
    title: 'Lessons',
  },
};
