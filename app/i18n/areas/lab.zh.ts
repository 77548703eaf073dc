/** 实验台部分的中文。键与 lab.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { labEn } from './lab.en.ts';

export const labZh: Shape<typeof labEn> = {
  lab: {
    title: '实验台',
  },
};
