/** 课堂部分的中文：给全班提供实验台、单文件版本、错误信息的措辞。键与 classroom.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { classroomEn } from './classroom.en.ts';

export const classroomZh: Shape<typeof classroomEn> = {
  classroom: {
    brokerConnection: '代理与 {{client}} 的连接 {{conn}}',
    statePath: '{{outer}} › {{inner}}',
    lessonError: {
      noStep: '它的运行中没有名为“{{id}}”的场景步骤。',
      noPacket: '它的运行中没有第 {{nth}} 个{{route}} {{type}}。',
      fromTo: '从{{from}}发往{{to}}的',
      from: '由{{from}}发出的',
      to: '发往{{to}}的',
    },
    flow: {
      clientOut: '{{client}} 发送，报文标识符 {{id}}',
      clientIn: '{{client}} 接收，报文标识符 {{id}}',
      brokerOut: '代理发给 {{client}}，报文标识符 {{id}}',
      brokerIn: '代理接收 {{client}} 的，报文标识符 {{id}}',
    },
    undo: {
      discarded_one: '在过去的时刻操作，丢弃了之后的 {{count}} 个操作。',
      discarded_other: '在过去的时刻操作，丢弃了之后的 {{count}} 个操作。',
      undo: '撤销',
      keep: '保留新的运行',
    },
    qr: {
      button: '课堂地址',
      title: '给全班的地址',
      aria: '本页地址的二维码',
      hint: '扫码或输入地址：打开的是同一次运行、同一时刻、同一种语言。',
      close: '关闭',
      local: {
        file: '实验台是从文件打开的，别的电脑访问不到。要给全班一个地址，请在这台电脑上运行“npm run class”，并打开它给出的地址。',
        loopback:
          '这个地址只指向这台电脑本身。请运行“npm run class”，打开它给出的地址（不是 localhost），这里就会显示它的二维码。',
      },
    },
    problem: {
      rule: '{{path}} 处的 {{received}} 不被接受：{{reason}}',
    },
  },
};
