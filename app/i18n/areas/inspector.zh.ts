/** 字节检查器的中文：随检查器加载的分包（bundles.ts 'protocol'）。键与 inspector.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { inspectorEn } from './inspector.en.ts';

export const inspectorZh: Shape<typeof inspectorEn> = {
  state: {
    inspector: {
      title: '报文检查器',
      hint: '在时序图中点击一个箭头，这里就会逐个字节地显示那个报文。',
      route: '{{from}} → {{to}}',
      connection: '连接 #{{conn}}',
      sentAt: '{{time}} 秒发出',
      flags: '标志位',
      fate: {
        arrived: '{{time}} 秒到达',
        arrivedCopy: '{{time}} 秒到达了一个副本',
        lost: '{{time}} 秒丢失（{{reason}}）',
        onItsWay: '正在途中',
        dueAt: '正在途中，预计 {{time}} 秒到达',
        duplicated: '被网络复制了一份',
        retransmitted_one: 'TCP 重传了 {{count}} 次',
        retransmitted_other: 'TCP 重传了 {{count}} 次',
        resentLater_one: '之后又重发了 {{count}} 次（DUP）',
        resentLater_other: '之后又重发了 {{count}} 次（DUP）',
        resendOf: '是 {{time}} 秒所发报文的重发',
        notYet: '在当前时刻还没有发出',
      },
      dropReason: {
        loss: '链路丢包',
        fault: '人为丢弃',
        cut: '链路已断开',
        closed: '连接已关闭',
      },
      versions: {
        legend: '解码版本',
        run: '按发送时的版本（{{version}}）',
        both: '3.1.1 与 5.0 并排对照',
      },
      edit: {
        title: '编辑一份草稿副本',
        note: '这里的修改只解码字节的副本，不会改变运行过程。',
        bytes: '字节（十六进制）',
        qos: 'QoS 位',
        dup: 'DUP',
        retain: 'RETAIN',
        packetId: '报文标识符',
        topic: '主题',
        reset: '恢复为实际发送的字节',
        edited: '已编辑的副本',
        badHex: '不是十六进制字节：{{detail}}',
        notSimple: '报文无法解码时不能在这里编辑字段，请直接编辑字节。',
        explain: '在报文解析器中打开',
        qosOption: '{{value}} — {{meaning}}',
      },
    },
  },
};
