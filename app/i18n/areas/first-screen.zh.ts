/** 首屏各部分（实验台、时序图、状态、抓包）的中文：一个分块，启动时加载。 */
import { captureZh } from './capture.zh.ts';
import { clickerZh } from './clicker.zh.ts';
import { classroomZh } from './classroom.zh.ts';
import { diagramZh } from './diagram.zh.ts';
import { labZh } from './lab.zh.ts';
import { stateZh } from './state.zh.ts';

export const firstScreenZh = {
  ...labZh,
  ...diagramZh,
  ...stateZh,
  ...captureZh,

  ...clickerZh,
  ...classroomZh,
};
