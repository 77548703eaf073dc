/**
 * The terms of MQTT in both languages, as DESIGN.md fixes them and the lessons use them — a
 * bilingual table by nature, so both names live here together — with the lesson that teaches each.
 */
export interface Term {
  zh: string;
  en: string;
  lesson?: string;
}

export const GLOSSARY: readonly Term[] = [
  { zh: '报文', en: 'packet', lesson: '03-anatomy' },
  { zh: '控制报文', en: 'control packet', lesson: '04-fixed-header' },
  { zh: '固定报头', en: 'fixed header', lesson: '04-fixed-header' },
  { zh: '可变报头', en: 'variable header', lesson: '06-packet-id' },
  { zh: '有效载荷', en: 'payload', lesson: '07-payload' },
  { zh: '报文类型', en: 'packet type', lesson: '04-fixed-header' },
  { zh: '标志位', en: 'flags', lesson: '04-fixed-header' },
  { zh: '剩余长度', en: 'remaining length', lesson: '05-remaining-length' },
  { zh: '报文标识符', en: 'packet identifier', lesson: '06-packet-id' },
  { zh: '服务质量', en: 'QoS (quality of service)', lesson: '08-qos0' },
  { zh: '最多一次', en: 'at most once (QoS 0)', lesson: '08-qos0' },
  { zh: '至少一次', en: 'at least once (QoS 1)', lesson: '09-qos1' },
  { zh: '只有一次', en: 'exactly once (QoS 2)', lesson: '10-qos2' },
  { zh: '重复分发标志', en: 'DUP flag', lesson: '09-qos1' },
  { zh: '保留消息', en: 'retained message (RETAIN)', lesson: '02-topics' },
  { zh: '主题', en: 'topic', lesson: '02-topics' },
  { zh: '主题过滤器', en: 'topic filter', lesson: '02-topics' },
  { zh: '通配符', en: 'wildcard', lesson: '02-topics' },
  { zh: '发布', en: 'publish', lesson: '01-what-is-mqtt' },
  { zh: '订阅', en: 'subscribe', lesson: '01-what-is-mqtt' },
  { zh: '取消订阅', en: 'unsubscribe', lesson: '07-payload' },
  { zh: '代理 / 服务端', en: 'broker / server', lesson: '01-what-is-mqtt' },
  { zh: '客户端', en: 'client', lesson: '01-what-is-mqtt' },
  { zh: '会话', en: 'session', lesson: '13-sessions' },
  { zh: '清除会话', en: 'clean session', lesson: '13-sessions' },
  { zh: '持久会话', en: 'persistent session', lesson: '13-sessions' },
  { zh: '心跳 / 保持连接', en: 'keepalive', lesson: '11-keepalive' },
  { zh: '遗嘱消息', en: 'will message', lesson: '12-will' },
  { zh: '原因码', en: 'reason code', lesson: '15-mqtt5' },
  { zh: '属性', en: 'property', lesson: '15-mqtt5' },
  { zh: '新开始', en: 'Clean Start (5.0)', lesson: '15-mqtt5' },
  { zh: '会话过期间隔', en: 'session expiry interval (5.0)', lesson: '15-mqtt5' },
  { zh: '消息过期间隔', en: 'message expiry interval (5.0)', lesson: '15-mqtt5' },
  { zh: '遗嘱延迟间隔', en: 'will delay interval (5.0)', lesson: '12-will' },
  { zh: '报文丢失', en: 'packet loss', lesson: '08-qos0' },
  { zh: '延迟', en: 'latency', lesson: '08-qos0' },
  { zh: '抖动', en: 'jitter' },
  { zh: '乱序', en: 'reordering' },
  { zh: '重复', en: 'duplication' },
];
