/** English strings of the diagram area. diagram.zh.ts has the same keys (its type says so). */
export const diagramEn = {
  diagram: {
    title: 'Diagram',
  },
};
