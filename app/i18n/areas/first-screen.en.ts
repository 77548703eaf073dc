/**
 * The English strings the page starts with: the core (en.ts) and the first screen's areas (lab, diagram,
 * state, capture, clicker, classroom): one chunk, loaded at start when the page is in English.
 */
import { en as coreEn } from '../en.ts';
import { captureEn } from './capture.en.ts';
import { clickerEn } from './clicker.en.ts';
import { classroomEn } from './classroom.en.ts';
import { diagramEn } from './diagram.en.ts';
import { labEn } from './lab.en.ts';
import { stateEn } from './state.en.ts';
import { workbenchEn } from './workbench.en.ts';

export const firstScreenEn = {
  ...coreEn,
  ...labEn,
  ...diagramEn,
  ...stateEn,
  ...captureEn,
  ...clickerEn,
  ...classroomEn,
  ...workbenchEn,
};
