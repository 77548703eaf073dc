/** 状态面板与检查器部分的中文。键与 state.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { stateEn } from './state.en.ts';

export const stateZh: Shape<typeof stateEn> = {
  state: {
    title: '状态',
  },
};
