/** 解释器对粘贴内容的说明的中文。键与 paste.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { pasteEn } from './paste.en.ts';

export const pasteZh: Shape<typeof pasteEn> = {
  paste: {
    format: { follow: 'tshark“追踪 TCP 流”十六进制输出' },
    frames_one:
      '这是一整个抓到的帧：已去掉其 {{link}}、{{network}} 和 TCP 报头（{{header}} 字节），下面显示其后的 MQTT 字节。',
    frames_other:
      '这是 {{count}} 个抓到的帧：已去掉它们的 {{link}}、{{network}} 和 TCP 报头，下面按方向拼接显示它们携带的 MQTT 字节。',
    link: {
      ethernet: '以太网',
      sll: 'Linux cooked（SLL）',
      sll2: 'Linux cooked（SLL2）',
      loopback: '环回',
      raw: '无链路层',
    },
    network: { ipv4: 'IPv4', ipv6: 'IPv6' },
    startOffset: '这段转储从偏移 {{offset}}（0x{{hex}}）开始：前面几行被截掉了，开头的字节可能位于某个报文的中间。',
    streams: {
      legend: '方向',
      item: '{{label}}（{{count}} 字节）',
    },
    position: '第 {{n}} 个报文，共 {{count}} 个',
    big: {
      shown:
        '文本框只显示 {{lines}} 行中的前 {{shown}} 行（共 {{characters}} 个字符），下方解码的是全部内容。为了让页面保持流畅，这么长的文本在这里是只读的；再次粘贴会替换它。',
      edit: '编辑全部文本（较慢）',
      shorten: '重新缩短文本框',
    },
    midPacket: {
      text: '开头的字节读不成一个报文的起点：粘贴的内容可能从某个报文的中间开始。',
      find: '查找下一个报文边界',
      found: '跳过了前 {{count}} 个字节：偏移 {{offset}} 处是一个报文的开头。',
      none: '没有找到报文边界：没有哪个偏移能一直读出完整的报文直到末尾。',
      undo: '从第一个字节显示',
    },
    notes: {
      reasonOmitted: '这个 {{packet}} 省略了原因码：在 MQTT 5.0 中这表示 0x00（成功），且没有属性（{{section}}）。',
      payloadNotUtf8:
        '载荷格式指示为 1（UTF-8 文本），但载荷不是格式正确的 UTF-8：做检查的接收方可以用原因码 0x99（载荷格式无效）回应（{{section}}）。',
      willPayloadNotUtf8:
        '遗嘱的载荷格式指示为 1（UTF-8 文本），但遗嘱载荷不是格式正确的 UTF-8：做检查的服务端可以用 0x99（载荷格式无效）拒绝这个 CONNECT（{{section}}）。',
      mqtt31:
        '这是一个 MQTT 3.1 的 CONNECT：协议名“{{name}}”，协议级别 3，是 3.1.1 之前的版本。它的字段布局与 3.1.1 相同，这里用 3.1.1 的名称解释；只支持 3.1.1 的服务端会回复 CONNACK 0x01（不可接受的协议版本）[MQTT-3.1.2-2]。',
    },
    followedConnect: '按 {{version}} 解码：这是它之前的 CONNECT（第 {{n}} 个报文）要求的版本。',
  },
};
