/** 抓包部分（把一次运行导出为 pcapng 文件）的中文。键与 capture.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { captureEn } from './capture.en.ts';

export const captureZh: Shape<typeof captureEn> = {
  capture: {
    download: '下载抓包文件（pcapng）',
    point: '抓包位置：代理（服务端）的网卡（10.0.0.1，端口 1883），可用 Wireshark 打开。',
    lossy: '丢包模型：教科书式的示意，并非 TCP——丢失的报文在抓包里直接缺失。',
  },
};
