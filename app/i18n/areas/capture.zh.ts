/** 抓包部分（把一次运行导出为 pcapng 文件、只读打开抓包文件）的中文。键与 capture.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { captureEn } from './capture.en.ts';

export const captureZh: Shape<typeof captureEn> = {
  capture: {
    download: '下载抓包文件（pcapng）',
    point: '抓包位置：代理（服务端）的网卡（10.0.0.1，端口 1883），可用 Wireshark 打开。',
    lossy: '丢包模型：教科书式的示意，并非 TCP——丢失的报文在抓包里直接缺失。',
    open: '打开抓包文件（pcap、pcapng）…',
    opened: '已打开抓包文件 {{name}}：只读。',
    readOnly: '这是一份抓包记录：只能查看，不能改动。想动手实验，请选择一个场景。',
    error: {
      empty: '文件是空的。',
      'unknown-format': '这不是 pcap 或 pcapng 抓包文件（开头是 {{magic}}）。',
      damaged: '抓包文件在第 {{offset}} 字节处损坏：{{what}}。',
      truncated: '抓包文件在一条记录中间结束（第 {{offset}} 字节）。',
      'too-large': '抓包文件有 {{bytes}} 字节；实验台最多打开 {{max}} 字节。',
      'too-many-packets': '抓包里的 MQTT 报文超过 {{max}} 个；实验台最多显示 {{max}} 个。',
      'unsupported-link': '实验台不读取链路类型 {{linkType}}（可读：以太网、Linux cooked、回环、原始 IP）。',
      'no-mqtt': '没有找到 MQTT 连接：共 {{frames}} 帧、{{tcp}} 个 TCP 连接，没有一个以 CONNECT 开头。',
      'tls-only': 'MQTT 流量是加密的（{{connections}} 个连接使用 TLS），实验台无法读取。',
    },
  },
};
