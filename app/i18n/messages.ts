/**
 * All strings, per language: the core (en.ts / zh.ts), the protocol's explanations
 * (protocol.*.ts) and one file pair per area of the app, so that work on one area never edits
 * another's strings. The page loads the core and the lab's areas in its language at start
 * (startup.ts), and the
 * rest when first needed (bundles.ts); tests read everything from here.
 */
import { captureEn } from './areas/capture.en.ts';
import { captureZh } from './areas/capture.zh.ts';
import { captureDropEn } from './areas/capture-drop.en.ts';
import { captureDropZh } from './areas/capture-drop.zh.ts';
import { clickerEn } from './areas/clicker.en.ts';
import { clickerZh } from './areas/clicker.zh.ts';
import { classroomEn } from './areas/classroom.en.ts';
import { classroomZh } from './areas/classroom.zh.ts';
import { diagramEn } from './areas/diagram.en.ts';
import { diagramZh } from './areas/diagram.zh.ts';
import { labEn } from './areas/lab.en.ts';
import { labZh } from './areas/lab.zh.ts';
import { lessonsEn } from './areas/lessons.en.ts';
import { lessonsZh } from './areas/lessons.zh.ts';
import { pasteEn } from './areas/paste.en.ts';
import { pasteZh } from './areas/paste.zh.ts';
import { stateEn } from './areas/state.en.ts';
import { specEn } from './areas/spec.en.ts';
import { specZh } from './areas/spec.zh.ts';
import { stateZh } from './areas/state.zh.ts';
import { workbenchEn } from './areas/workbench.en.ts';
import { workbenchPanelEn } from './areas/workbench-panel.en.ts';
import { workbenchPanelZh } from './areas/workbench-panel.zh.ts';
import { workbenchZh } from './areas/workbench.zh.ts';
import { runEn } from './areas/run.en.ts';
import { runZh } from './areas/run.zh.ts';
import { protocolEn } from './protocol.en.ts';
import { protocolZh } from './protocol.zh.ts';
import { en as coreEn } from './en.ts';
import { zh as coreZh } from './zh.ts';

import { actionsEn } from './areas/actions.en.ts';
import { actionsZh } from './areas/actions.zh.ts';
import { inspectorEn } from './areas/inspector.en.ts';
import { inspectorZh } from './areas/inspector.zh.ts';
import { lessonKeysEn } from './areas/lesson-keys.en.ts';
import { lessonKeysZh } from './areas/lesson-keys.zh.ts';
import { storyEn } from './areas/story.en.ts';
import { storyZh } from './areas/story.zh.ts';
import { mergeStrings } from './merge.ts';
/** Every area, in the order the page would add them; areas that share a top key (`lab`) merge a level down. */
const areas = {
  en: [
    coreEn,
    labEn,
    diagramEn,
    stateEn,
    captureEn,
    captureDropEn,
    runEn,
    protocolEn,
    pasteEn,
    lessonsEn,
    specEn,
    clickerEn,
    classroomEn,
    workbenchEn,
    workbenchPanelEn,
    storyEn,
    actionsEn,
    inspectorEn,
    lessonKeysEn,
  ],
  zh: [
    coreZh,
    labZh,
    diagramZh,
    stateZh,
    captureZh,
    captureDropZh,
    runZh,
    protocolZh,
    pasteZh,
    lessonsZh,
    specZh,
    clickerZh,
    classroomZh,
    workbenchZh,
    workbenchPanelZh,
    storyZh,
    actionsZh,
    inspectorZh,
    lessonKeysZh,
  ],
};

/** The whole tree of one language's strings. */
type All = typeof coreEn &
  typeof labEn &
  typeof diagramEn &
  typeof stateEn &
  typeof captureEn &
  typeof captureDropEn &
  typeof runEn &
  typeof protocolEn &
  typeof pasteEn &
  typeof lessonsEn &
  typeof specEn &
  typeof clickerEn &
  typeof classroomEn &
  typeof workbenchEn &
  typeof workbenchPanelEn &
  typeof storyEn &
  typeof actionsEn &
  typeof inspectorEn &
  typeof lessonKeysEn;

export const messages = {
  en: mergeStrings<All>(...areas.en),
  zh: mergeStrings<All>(...areas.zh),
};

export { diagramEn, diagramZh, labEn, labZh, stateEn, stateZh };
