/** 页面启动时的中文：核心字符串（zh.ts）与首屏各部分（实验台、时序图、状态、抓包）：一个分块，页面为中文时启动加载。 */
import { zh as coreZh } from '../zh.ts';
import { captureZh } from './capture.zh.ts';
import { clickerZh } from './clicker.zh.ts';
import { classroomZh } from './classroom.zh.ts';
import { diagramZh } from './diagram.zh.ts';
import { labZh } from './lab.zh.ts';
import { stateZh } from './state.zh.ts';
import { workbenchZh } from './workbench.zh.ts';

export const firstScreenZh = {
  ...coreZh,
  ...labZh,
  ...diagramZh,
  ...stateZh,
  ...captureZh,
  ...clickerZh,
  ...classroomZh,
  ...workbenchZh,
};
