/** 拖放抓包文件部分（把抓包文件拖到实验台或解析器上、读取它、抓包在屏幕上能说明什么）的中文。键与 capture-drop.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { captureDropEn } from './capture-drop.en.ts';

export const captureDropZh: Shape<typeof captureDropEn> = {
  captureDrop: {
    overlay: '把 pcap / pcapng 文件拖放到这里即可打开',
    overlayHint: '它会在实验台中以只读方式打开。屏幕上的运行留在浏览历史里：按“后退”即可回到它。',
    reading: '正在读取抓包文件 {{name}}（{{size}}）…',
    megabytes: '{{value}} MB',
    kilobytes: '{{value}} KB',
    failed: '无法读取这个抓包文件：{{message}}',
    truncated: '文件在一条记录中间结束（第 {{offset}} 字节），可能被截断了：之前的内容都已显示。',
    point: '时间是抓包位置看到每个报文的时刻：既不是发送时刻，也不是到达时刻。',
    pointShort: '抓包',
    noLink: '抓包没有模拟的链路：延迟和丢包就是真实网络当时的样子。',
    pickerBadge: '真实抓包，只读',
    pickerAbout: '这是真实网络传输的内容，按抓包位置看到的样子显示：这里没有任何模拟，所以没有传输模型或种子可选。',
    linkAria: '{{client}}（{{clientAddress}}）与代理（{{brokerAddress}}）之间的连接',
  },
};
