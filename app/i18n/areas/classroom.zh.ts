/** 课堂部分的中文：给全班提供实验台、单文件版本、错误信息的措辞。键与 classroom.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { classroomEn } from './classroom.en.ts';

export const classroomZh: Shape<typeof classroomEn> = {
  classroom: {
    problem: {
      rule: '{{path}} 处的 {{received}} 不被接受：{{reason}}',
    },
  },
};
