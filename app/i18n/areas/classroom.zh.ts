/** 课堂视图的中文：两次运行并排对比、全宽时序图、被剪断的网线。键与 classroom.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { classroomEn } from './classroom.en.ts';

export const classroomZh: Shape<typeof classroomEn> = {
  classroom: {
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
