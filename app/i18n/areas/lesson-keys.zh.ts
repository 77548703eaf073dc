/** 课程按键与演示模式的中文：随课程加载的分包（bundles.ts 'lessons'）。键与 lesson-keys.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { lessonKeysEn } from './lesson-keys.en.ts';

export const lessonKeysZh: Shape<typeof lessonKeysEn> = {
  lessonKeys: {
    quizKeys: '按键：1–4 选择，Enter 揭晓。',
    answerFirst: '请先回答上面的问题：之后“下一步”会显示实际发生的情况。',
    doFirst: '请先完成这一步要求的操作（或按“替我操作”）。',
    lastStep: '这是本课的最后一步。',
    nextLesson: '下一课：{{title}}',
    allDone: '这是最后一课：返回课程列表',
    presenter: '演示模式',
    presenterOff: '退出演示模式',
    keys: '按键：PageDown / PageUp 下一个 / 上一个停靠点，然后换步 · 空格 播放/暂停 · ←/→ 单个事件（演示模式下为停靠点） · 1–4 与 Enter 作答 · P 演示模式 · Esc 离开控件',
  },
};
