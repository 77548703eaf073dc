/** English strings of the classroom area: serving a class, the single-file lab, words of errors. classroom.zh.ts has the same keys. */
export const classroomEn = {
  classroom: {
    problem: {
      /** A topic or filter the codec refuses: where, what was found, and the rule in a sentence of its own. */
      rule: 'at {{path}}, {{received}} is refused: {{reason}}',
    },
  },
};
