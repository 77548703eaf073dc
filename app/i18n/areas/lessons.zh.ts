/** 课程部分的中文。键与 lessons.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { lessonsEn } from './lessons.en.ts';

export const lessonsZh: Shape<typeof lessonsEn> = {
  lessons: {
    title: '课程',
  },
};
