/** The strings that load when first needed: what each bundle holds, in both languages. */
export const BUNDLES = {
  /** Field, property and reason-code explanations: the inspector, the explainer, the lessons. */
  protocol: async () => {
    const [{ protocolEn }, { protocolZh }, { pasteEn }, { pasteZh }] = await Promise.all([
      import('./protocol.en.ts'),
      import('./protocol.zh.ts'),
      import('./areas/paste.en.ts'),
      import('./areas/paste.zh.ts'),
    ]);
    return { en: { ...protocolEn, ...pasteEn }, zh: { ...protocolZh, ...pasteZh } };
  },
  lessons: async () => {
    const [{ lessonsEn }, { lessonsZh }] = await Promise.all([
      import('./areas/lessons.en.ts'),
      import('./areas/lessons.zh.ts'),
    ]);
    return { en: lessonsEn, zh: lessonsZh };
  },
  /** The actions panel's tinkerer tools (set-up, typed time, repeat, failures, the run's end). */
  workbench: async () => {
    const [{ workbenchPanelEn }, { workbenchPanelZh }] = await Promise.all([
      import('./areas/workbench-panel.en.ts'),
      import('./areas/workbench-panel.zh.ts'),
    ]);
    return { en: workbenchPanelEn, zh: workbenchPanelZh };
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
