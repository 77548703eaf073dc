/** 课堂部分的中文：两次运行并排对比、全宽时序图、被剪断的网线；给全班提供实验台、单文件版本、错误信息的措辞。键与 classroom.en.ts 一致。 */
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
    outage: {
      open: '{{client}} 的网线自 {{from}} 起被剪断',
      closed: '{{client}} 的网线在 {{from}} 到 {{to}} 之间被剪断',
    },
    side: {
      hide: '隐藏侧栏',
      show: '显示侧栏',
      hint: '时序图占满整个宽度（W）',
    },
    compare: {
      title: '并排对比',
      intro: '同样的网络、同样的丢包，两次运行画在同一条时间轴上：多出来的报文去了哪里？',
      label: '运行 {{side}}',
      time: '{{value}} 秒',
      keys: 'PageDown / PageUp：任一运行中的下一个或上一个时刻；→ / ←：一个事件；Home / End。',
      next: '下一个时刻',
      prev: '上一个时刻',
      notFound: '没有名为“{{id}}”的内置运行，改为显示默认的对比。',
      variant: {
        qos: 'QoS {{qos}}',
        v4: 'MQTT 3.1.1',
        v5: 'MQTT 5.0',
      },
      packets_one: '目前共 {{count}} 个报文',
      packets_other: '目前共 {{count}} 个报文',
      open: '并排对比',
    },
  },
};
