/** The strings that load when first needed: what each bundle holds, in both languages. */
import { mergeStrings } from './merge.ts';

export const BUNDLES = {
  /**
   * Field, property and reason-code explanations, and the byte inspector's own words: the inspector,
   * the explainer, the lessons.
   */
  protocol: async () => {
    const [{ protocolEn }, { protocolZh }, { pasteEn }, { pasteZh }, { inspectorEn }, { inspectorZh }] =
      await Promise.all([
        import('./protocol.en.ts'),
        import('./protocol.zh.ts'),
        import('./areas/paste.en.ts'),
        import('./areas/paste.zh.ts'),
        import('./areas/inspector.en.ts'),
        import('./areas/inspector.zh.ts'),
      ]);
    return {
      en: mergeStrings<object>(protocolEn, pasteEn, inspectorEn),
      zh: mergeStrings<object>(protocolZh, pasteZh, inspectorZh),
    };
  },
  /** The lessons' own words, and their keys and presenter mode. */
  lessons: async () => {
    const [{ lessonsEn }, { lessonsZh }, { lessonKeysEn }, { lessonKeysZh }] = await Promise.all([
      import('./areas/lessons.en.ts'),
      import('./areas/lessons.zh.ts'),
      import('./areas/lesson-keys.en.ts'),
      import('./areas/lesson-keys.zh.ts'),
    ]);
    return { en: mergeStrings<object>(lessonsEn, lessonKeysEn), zh: mergeStrings<object>(lessonsZh, lessonKeysZh) };
  },
  /** The actions panel: its forms and the tinkerer tools (set-up, typed time, repeat, failures, the run's end). */
  workbench: async () => {
    const [{ workbenchPanelEn }, { workbenchPanelZh }, { actionsEn }, { actionsZh }] = await Promise.all([
      import('./areas/workbench-panel.en.ts'),
      import('./areas/workbench-panel.zh.ts'),
      import('./areas/actions.en.ts'),
      import('./areas/actions.zh.ts'),
    ]);
    return {
      en: mergeStrings<object>(workbenchPanelEn, actionsEn),
      zh: mergeStrings<object>(workbenchPanelZh, actionsZh),
    };
  },
  /**
   * The narration, one sentence per event: loads with the first line of a story (a step taken, a run
   * opened past its start), not with the first screen, whose story is still empty.
   */
  story: async () => {
    const [{ storyEn }, { storyZh }] = await Promise.all([
      import('./areas/story.en.ts'),
      import('./areas/story.zh.ts'),
    ]);
    return { en: storyEn, zh: storyZh };
  },
  /** A long run computing in the worker, or stopped by the event budget (app/lab/RunStatus.svelte). */
  run: async () => {
    const [{ runEn }, { runZh }] = await Promise.all([import('./areas/run.en.ts'), import('./areas/run.zh.ts')]);
    return { en: runEn, zh: runZh };
  },
  /** A capture dragged onto the page, being read, or on screen (app/lab/capture-drop/). */
  captureDrop: async () => {
    const [{ captureDropEn }, { captureDropZh }] = await Promise.all([
      import('./areas/capture-drop.en.ts'),
      import('./areas/capture-drop.zh.ts'),
    ]);
    return { en: captureDropEn, zh: captureDropZh };
  },
  /** The map of the spec (#/spec). */
  spec: async () => {
    const [{ specEn }, { specZh }] = await Promise.all([import('./areas/spec.en.ts'), import('./areas/spec.zh.ts')]);
    return { en: specEn, zh: specZh };
  },
} as const;

export type BundleName = keyof typeof BUNDLES;
