/** 首屏可能显示的“动手工具”中文（报文菜单）；叙述随故事加载（story.zh.ts）。键与 workbench.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { workbenchEn } from './workbench.en.ts';

export const workbenchZh: Shape<typeof workbenchEn> = {
  workbench: {
    menu: {
      dropTcp: '在 TCP 下，“丢弃”丢掉的是一个 TCP 分段：TCP 超时后重传，所以这个 MQTT 报文会迟到，而不是丢失。',
      dropLossy: '在丢包模型下，“丢弃”丢掉这个 MQTT 报文；有重发定时器的发送方会再发一次。',
    },
  },
};
