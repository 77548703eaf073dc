/** 翻页笔部分（故事节点、用键盘上课）的中文。键与 clicker.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { clickerEn } from './clicker.en.ts';

export const clickerZh: Shape<typeof clickerEn> = {
  beats: {
    status: '第 {{n}} / {{total}} 站 · {{time}}',
    statusOpen: '第 {{n}} 站 · {{time}}',
    label: '此停靠点显示的内容',
    more_one: '（另有 {{count}} 件事）',
    more_other: '（另有 {{count}} 件事）',
    none: '还没有停靠点：按 PageDown 前往第一个时刻。',
    send: '{{from}}向{{to}}发送 {{packet}}',
    resend: '{{from}}以 DUP = 1 向{{to}}重发 {{packet}}',
    retransmit:
      'TCP 重传{{from}}发往{{to}}的 {{packet}} 所在的报文段（第 {{attempt}} 次发送，之前的都丢失了）；MQTT 层看不到重发，DUP 仍为 0',
    copied: '网络复制了{{from}}发往{{to}}的 {{packet}}',
    arrive: '{{from}}发出的 {{packet}} 到达{{to}}',
    lost: {
      loss: '{{from}}发往{{to}}的 {{packet}} 丢失',
      fault: '{{from}}发往{{to}}的 {{packet}} 被丢弃（故障）',
      cut: '{{from}}发往{{to}}的 {{packet}} 丢失：链路已断',
      closed: '{{from}}发往{{to}}的 {{packet}} 丢失：连接已关闭',
    },
    deliver: '{{client}}把主题 {{topic}} 上的“{{payload}}”投递给应用（QoS {{qos}}）',
    timer: {
      retry: '{{owner}}：没有及时收到{{peer}}的应答，重发',
      keepalive: '{{owner}}：保持连接时间到，该发 PINGREQ 了',
      keepaliveGrace: '{{owner}}：心跳超时，1.5 倍保持连接时间内没有收到{{peer}}的任何报文',
      pingTimeout: '{{owner}}：没有及时收到 PINGRESP，连接已失效',
      connackTimeout: '{{owner}}：没有及时收到 CONNACK',
      reconnect: '{{owner}}：该重新连接了',
      other: '{{owner}}：定时器触发',
    },
    close: {
      broker: '代理关闭{{client}}的连接',
      client: '{{client}}一端的连接关闭',
    },
    error: '{{who}}收到格式错误的报文，关闭连接',
    will: '代理发布{{client}}的遗嘱消息',
    resumed: '{{client}}的会话得以恢复',
    step: {
      connect: '步骤：{{client}}连接',
      disconnect: '步骤：{{client}}断开连接',
      crash: '步骤：{{client}}崩溃',
      cut: '步骤：{{client}}的链路静默',
      restore: '步骤：{{client}}的链路恢复',
      reset: '步骤：{{client}}的连接被重置',
      publish: '步骤：{{client}}发布消息',
      subscribe: '步骤：{{client}}订阅',
      unsubscribe: '步骤：{{client}}取消订阅',
      'set-link': '步骤：{{client}}的链路改变',
      fault: '步骤：设置故障',
      other: '场景中的一步',
    },
  },
};
