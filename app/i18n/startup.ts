/** The strings the first screen (the lab) needs, in both languages: loaded with the app. */
import { diagramEn } from './areas/diagram.en.ts';
import { diagramZh } from './areas/diagram.zh.ts';
import { labEn } from './areas/lab.en.ts';
import { labZh } from './areas/lab.zh.ts';
import { stateEn } from './areas/state.en.ts';
import { stateZh } from './areas/state.zh.ts';
import { en as coreEn } from './en.ts';
import { zh as coreZh } from './zh.ts';

export const startup = {
  en: { ...coreEn, ...labEn, ...diagramEn, ...stateEn },
  zh: { ...coreZh, ...labZh, ...diagramZh, ...stateZh },
};
