/** The English strings of the first screen's areas (lab, diagram, state, capture, clicker, classroom): one chunk, loaded at start. */
import { captureEn } from './capture.en.ts';
import { clickerEn } from './clicker.en.ts';
import { classroomEn } from './classroom.en.ts';
import { diagramEn } from './diagram.en.ts';
import { labEn } from './lab.en.ts';
import { stateEn } from './state.en.ts';

export const firstScreenEn = {
  ...labEn,
  ...diagramEn,
  ...stateEn,
  ...captureEn,

  ...clickerEn,
  ...classroomEn,
};
