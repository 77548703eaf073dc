/** English strings of a lesson's keys and presenter mode: a bundle that loads with the lessons (bundles.ts 'lessons'). */
export const lessonKeysEn = {
  lessonKeys: {
    quizKeys: 'Keys: 1–4 choose, Enter reveals.',
    answerFirst: 'Answer the question above first: then Next shows what really happens.',
    doFirst: 'Do what the step asks first (or press “Do it for me”).',
    lastStep: 'This is the last step of the lesson.',
    nextLesson: 'Next lesson: {{title}}',
    allDone: 'That was the last lesson: back to the list of lessons',
    presenter: 'Presenter mode',
    presenterOff: 'Leave presenter mode',
    keys: 'Keys: PageDown / PageUp next / previous stop, then step · Space play/pause · ←/→ one event (stops in presenter mode) · 1–4 and Enter answer · P presenter · Esc leaves a control',
  },
};
