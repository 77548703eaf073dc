/** 简体中文。键与 en.ts 完全一致（类型检查保证，coverage.test.ts 再核对一遍）。 */
import type { ErrorCode } from '$engine';
import type { Messages } from './en.ts';
import { braces } from './templates.ts';

export const zh: Messages = {
  app: {
    name: 'MQTT 实验室',
    tagline: '把 MQTT 看到每一个比特。',
    language: '语言',
    largeText: '大字号',
    pages: '页面',
    page: { lab: '实验台', explain: '报文解析器', lessons: '课程', spec: '规范地图' },
  },

  value: {
    bytes_one: '{{count}} 字节',
    bytes_other: '{{count}} 字节',
    notAllowed: '{{packet}} 中不允许使用',
    seconds: '{{value}} 秒',
    properties_one: '{{count}} 个属性',
    properties_other: '{{count}} 个属性',
    labelled: '{{name}}：{{text}}',
  },

  qos: {
    '0': '最多一次',
    '1': '至少一次',
    '2': '只有一次',
    '3': '不是合法的 QoS 等级',
  },

  retainHandling: {
    '0': '订阅时发送保留消息',
    '1': '仅当订阅是新建的时才发送保留消息',
    '2': '不发送保留消息',
    '3': '保留值',
  },

  continuation: {
    '0': '这是该数值的最后一个字节',
    '1': '后面还有该数值的字节',
  },

  flag: {
    '0': '关',
    '1': '开',
  },

  term: {
    will: '遗嘱消息',
  },

  packet: {
    CONNECT: {
      name: '连接请求',
      about: '客户端发送的第一个报文：说明自己是谁、使用哪个协议版本，以及心跳间隔、遗嘱和认证信息。',
    },
    CONNACK: {
      name: '连接确认',
      about: '服务端对 CONNECT 的回应：是否接受连接（不接受时说明原因），以及是否找到了已保存的会话。',
    },
    PUBLISH: {
      name: '发布消息',
      about: '在某个主题上携带一条应用消息，可以由客户端发给服务端，也可以由服务端发给客户端。',
    },
    PUBACK: {
      name: '发布确认',
      about: '对 QoS 1 PUBLISH 的回应：接收方已收到这条消息。',
    },
    PUBREC: {
      name: '发布已接收',
      about: 'QoS 2 的第一次回应：消息已收到。发送方接着回复 PUBREL。',
    },
    PUBREL: {
      name: '发布释放',
      about: 'QoS 2 的第二步：发送方让接收方转发消息并释放相关状态。',
    },
    PUBCOMP: {
      name: '发布完成',
      about: 'QoS 2 的最后一步：交互结束，报文标识符可以再次使用。',
    },
    SUBSCRIBE: {
      name: '订阅请求',
      about: '客户端请求接收主题与一个或多个主题过滤器相匹配的消息。',
    },
    SUBACK: {
      name: '订阅确认',
      about: '对 SUBSCRIBE 的回应：为每个主题过滤器给出授予的 QoS 或失败。',
    },
    UNSUBSCRIBE: {
      name: '取消订阅请求',
      about: '客户端请求删除自己的一个或多个订阅。',
    },
    UNSUBACK: {
      name: '取消订阅确认',
      about: '对 UNSUBSCRIBE 的回应（在 5.0 中为每个主题过滤器带一个原因码）。',
    },
    PINGREQ: {
      name: '心跳请求',
      about: '保持连接的心跳：客户端表明自己还在线，并请服务端回应。',
    },
    PINGRESP: {
      name: '心跳响应',
      about: '服务端对 PINGREQ 的回应：连接仍然有效。',
    },
    DISCONNECT: {
      name: '断开连接',
      about: '连接上的最后一个报文，在正常关闭连接前发送；之后遗嘱消息被丢弃（在 5.0 中，除非原因码要求发布遗嘱）。',
    },
    AUTH: {
      name: '认证交换',
      about: '仅 MQTT 5.0：增强认证中的一步，例如一次质询及其应答。',
    },
  },

  error: braces<ErrorCode>({
    empty: '没有可解码的字节。',
    incomplete: '报文不完整：还需要 {needed} 个字节。',
    'reserved-type': '报文类型 {type} 是保留值，在 MQTT {version} 中不能使用。',
    'reserved-flags': '{packet} 的标志位（首字节第 3–0 位）必须是 {expected}，而不是 {actual}。',
    'qos-3': 'QoS 3 不是合法的 QoS 等级：PUBLISH 的两个 QoS 位不能同时为 1。',
    'dup-qos-0': 'QoS 为 0 时，DUP 必须为 0。',
    'varint-too-long': '变长字节整数最多 4 个字节；这个整数到第 4 个字节还没有结束。',
    'varint-not-minimal': '数值 {value} 用了 {bytes} 个字节编码；MQTT 5.0 要求使用最少的字节数（{minimal}）。',
    'remaining-length-mismatch': '{packet} 的长度是固定的：剩余长度必须是 {expected}，而不是 {actual}。',
    'trailing-bytes': '{packet} 在第 {end} 字节处就结束了，但剩余长度表明后面还有 {extra} 个字节。',
    'field-past-end': '字段“{field}”需要 {needed} 个字节，但报文只剩下 {available} 个字节。',
    'utf8-ill-formed': '字符串不是格式正确的 UTF-8（字节 0x{byte}）。',
    'utf8-surrogate': 'UTF-8 字符串不能编码代理码点（U+D800–U+DFFF）。',
    'utf8-null': 'UTF-8 字符串不能包含空字符 U+0000。',
    'string-too-long': '字符串或二进制字段最多 65,535 个字节；这个有 {length} 个字节。',
    'topic-wildcard': '主题名不能包含通配符“{char}”。',
    'topic-empty': '主题名或主题过滤器至少要有一个字符。',
    'filter-hash-position': '通配符“#”必须是最后一个字符，并且单独成为一级（或紧跟在“/”之后）。',
    'filter-plus-position': '通配符“+”必须单独占据主题过滤器的一整级。',
    'shared-subscription-invalid': '共享订阅必须写成“$share/<名称>/<过滤器>”，名称不能为空，也不能包含“/”、“+”或“#”。',
    'no-local-shared': '共享订阅不能设置 No Local。',
    'packet-id-zero': '{packet} 的报文标识符不能为 0。',
    'packet-id-missing': '{packet} 必须带有报文标识符。',
    'no-topic-filters': '{packet} 至少要包含一个主题过滤器。',
    'no-reason-codes': '{packet} 至少要包含一个原因码。',
    'subscription-options-reserved': '订阅选项的保留位必须为 0（实际为 0x{value}）。',
    'subscription-qos-3': '订阅请求的 QoS 必须是 0、1 或 2，不能是 3。',
    'retain-handling-3': '保留消息处理方式（Retain Handling）的值 3 是保留值。',
    'protocol-name': '协议名必须是“MQTT”（3.1 为“MQIsdp”），而不是“{name}”。',
    'protocol-name-level': '协议名“{name}”与协议级别 {level} 不匹配。',
    'protocol-level': '不支持协议级别 {level}（3 = 3.1，4 = 3.1.1，5 = 5.0）。',
    'protocol-level-name':
      '协议级别 {level} 是 MQTT 3.1，其协议名是“MQIsdp”：协议名为“MQTT”时，它是不可接受的协议级别（CONNACK 0x01）。',
    'connect-reserved-flag': 'CONNECT 连接标志的保留位（第 0 位）必须为 0。',
    'will-qos-without-will': '遗嘱标志为 0 时，遗嘱 QoS 必须为 0。',
    'will-retain-without-will': '遗嘱标志为 0 时，遗嘱保留必须为 0。',
    'will-qos-3': '遗嘱 QoS 必须是 0、1 或 2，不能是 3。',
    'announced-field-missing': 'CONNECT 的连接标志表明带有{field}，但报文在它之前就结束了。',
    'password-without-username': '在 MQTT 3.1.1 中，用户名标志为 0 时密码标志必须为 0。',
    'connack-reserved-flags': 'CONNACK 确认标志的第 7–1 位是保留位，必须为 0。',
    'session-present-with-error': 'CONNACK 的原因码不是成功时，会话存在标志必须为 0。',
    'reason-code-invalid': '0x{code} 不是 {packet} 可以携带的原因码。',
    'property-unknown': '0x{id} 不是属性标识符。',
    'property-not-allowed': '属性 {property} 不能出现在 {packet} 中。',
    'property-repeated': '属性 {property} 只能出现一次。',
    'property-value': '属性 {property} 的值不能是 {value}。',
    'auth-data-without-method': '只有带认证方法时，才能出现认证数据。',
    'properties-in-3-1-1': '属性只存在于 MQTT 5.0 中。',
    'topic-alias-required': '只有带主题别名时，主题名才可以为空。',
    'invalid-field': '字段“{field}”无效：{reason}。',
    'packet-too-large': '报文在固定报头之后将有 {length} 个字节；上限是 268,435,455。',
    'auth-in-3-1-1': 'AUTH 只存在于 MQTT 5.0 中。',
  }),
};
