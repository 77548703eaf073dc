/** 规范地图（#/spec）的中文文字；与 spec.en.ts 键相同。 */
import type { specEn } from './spec.en.ts';
import type { Shape } from '../shape.ts';

export const specZh: Shape<typeof specEn> = {
  spec: {
    title: '规范地图',
    intro:
      '所选版本的每一条编号规范声明：实验台在哪里执行它、在哪里演示它、在哪里测试它，或者为什么这里不适用。构建应用时由源码计算得出。',
    version: '版本',
    filter: '筛选',
    filterHint: '编号、关键词、文件或课程',
    counts: {
      label: 'MQTT {{version}} 的规范声明',
      total: '条声明',
      enforced: '已执行',
      demonstrated: '有演示',
      tested: '有测试',
      notApplicable: '不适用',
      uncovered: '尚无引用',
    },
    shown: '显示 {{shown}} / {{total}} 条',
    noMatch: '没有与“{{filter}}”匹配的声明。',
    where: {
      enforced: '执行',
      demonstrated: '演示',
      tested: '测试',
      notApplicable: '不适用',
      uncovered: '实验台的代码、课程和测试尚未引用它。',
    },
    na: {
      websocket: 'WebSocket 传输：实验台的链路是模拟的，不是 WebSocket。',
      transport: '关于底层网络：模拟链路本身就是有序、无损的。',
      conformance: '关于产品的一致性声明，与报文无关。',
      'not-modelled': '实验台没有模拟的功能（增强认证、共享订阅）。',
    },
    lesson: '第 {{lesson}} 课，步骤“{{step}}”',
    preset: '实验台预设：{{title}}',
    sections: '没有编号声明、按章节引用的规则',
    sectionsHint: '标准中有些规则没有编号，实验台就引用它所在的章节。',
    missing: '{{ref}} 不是 MQTT {{version}} 的规范声明。',
    inOther: '它属于 MQTT {{version}}：',
    chipTitle: '在规范地图中打开 {{ref}}',
    sources: '编号与 OASIS 标准一致（3.1.1 共 141 条，5.0 共 251 条，即附录 B 全部）；摘要为我们自己的表述。',
  },
};
