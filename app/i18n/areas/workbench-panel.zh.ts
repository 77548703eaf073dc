/** 操作面板“动手工具”的中文：随面板加载的分包（bundles.ts）。键与 workbench-panel.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { workbenchPanelEn } from './workbench-panel.en.ts';

export const workbenchPanelZh: Shape<typeof workbenchPanelEn> = {
  workbench: {
    setup: {
      legend: '运行设置',
      transport: '网络',
      version: '协议',
      tcp: 'TCP（MQTT 实际运行在其上）',
      tcpAbout: '丢失的分段由 TCP 重传：报文会迟到，但按序到达，不会丢失或重复。',
      lossy: '教科书式丢包链路（不是 TCP）',
      lossyAbout: '单个 MQTT 报文可能丢失、重复或乱序；发送方超时后重发。',
      v4: 'MQTT 3.1.1',
      v4About: '大多数设备使用的版本：返回码，没有属性。',
      v5: 'MQTT 5.0',
      v5About: '原因码、属性、会话过期；未确认的消息只在重连时重发。',
      v5NoLossy:
        'MQTT 5.0 下不可用：5.0 发送方只在会话恢复时重发，不得按定时器重发 [MQTT-4.4.0-1]，而丢包模型按定时器重发。',
      lossyNoV5: '丢包模型下不可用：它按定时器重发，而 MQTT 5.0 禁止这样做 [MQTT-4.4.0-1]。请先选择 TCP。',
    },
    when: {
      label: '或在（秒）',
      placeholder: '现在（{{time}}）',
      hint: '留空：在光标处。在此输入时间，下一个操作就在该时刻发生。',
      error: '以秒为单位的时间，0 到 {{max}}。',
    },
    repeat: {
      every: '每隔（毫秒）',
      times: '次数',
      hint: '重复发布：载荷自动编号（“{{payload}} 1”“{{payload}} 2”……），也可以用“{n}”标出编号的位置。',
      errorEvery: '毫秒数，整数，{{min}} 到 {{max}}。',
      errorTimes: '整数，1 到 {{max}}。',
      errorSteps: '这样共有 {{count}} 次发布；实验台最多运行 {{max}} 个步骤。',
      errorTime: '最后一次将在 {{time}}，超过实验台的上限 {{max}}。',
    },
    failures: {
      legend: '制造故障',
      crash: '客户端崩溃',
      crashAbout: '进程死掉：不发 DISCONNECT。它所在的机器关闭套接字，代理看到连接结束，随即发布遗嘱。',
      cut: '拔掉网线',
      cutAbout: '两端都还在运行，谁也没被告知：代理要等心跳超时才发现，客户端要等 PINGREQ 得不到回应才发现。',
      restore: '插回网线',
      restoreAbout: 'TCP 仍在重传的数据迟到地送达；已经放弃的连接不会恢复。',
    },
    end: {
      label: '运行到（秒）',
      set: '设置',
      now: '运行在 {{time}} 结束。',
      error: '以秒为单位的时间，{{min}} 到 {{max}}。',
      inFlight_one: '结束时仍有 {{count}} 个报文在路上：{{which}}。',
      inFlight_other: '结束时仍有 {{count}} 个报文在路上：{{which}}。',
      unacked_one: '{{count}} 条消息已发送但尚未确认：{{which}}。',
      unacked_other: '{{count}} 条消息已发送但尚未确认：{{which}}。',
      runOn: '再运行 {{seconds}} 秒',
      item: '{{packet}} {{from}} → {{to}}',
      flow: '{{party}}，报文标识符 {{id}}',
    },
  },
};
