/** 时序图与拓扑图部分的中文。键与 diagram.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { diagramEn } from './diagram.en.ts';

export const diagramZh: Shape<typeof diagramEn> = {
  diagram: {
    title: '时序图',
  },
};
