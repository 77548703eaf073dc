/**
 * All strings, per language: the core (en.ts / zh.ts: the app, the explainer, the protocol's
 * fields, properties, reason codes and errors) and one file pair per area of the app, so that work
 * on one area never edits another's strings.
 */
import { diagramEn } from './areas/diagram.en.ts';
import { diagramZh } from './areas/diagram.zh.ts';
import { labEn } from './areas/lab.en.ts';
import { labZh } from './areas/lab.zh.ts';
import { lessonsEn } from './areas/lessons.en.ts';
import { lessonsZh } from './areas/lessons.zh.ts';
import { stateEn } from './areas/state.en.ts';
import { stateZh } from './areas/state.zh.ts';
import { en as coreEn } from './en.ts';
import { zh as coreZh } from './zh.ts';

export const messages = {
  en: { ...coreEn, ...labEn, ...diagramEn, ...stateEn, ...lessonsEn },
  zh: { ...coreZh, ...labZh, ...diagramZh, ...stateZh, ...lessonsZh },
};
