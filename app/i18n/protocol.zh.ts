/** 协议部分的中文：每个字段、属性和原因码的解释，以及报文解析器的文字。键与 protocol.en.ts 一致。 */
import type { protocolEn } from './protocol.en.ts';
import type { Shape } from './shape.ts';

export const protocolZh: Shape<typeof protocolEn> = {
  explainer: {
    title: '报文解析器',
    intro:
      '粘贴一个或多个 MQTT 报文的字节——普通十六进制、0x…、代码里的数组，或 Wireshark、xxd、hexdump 的转储——逐个字段、逐个比特地看懂它。',
    empty: '在上面粘贴字节，或选择一个示例。',
    input: {
      label: '报文字节',
      placeholder: '例如 30 0c 00 03 61 2f 62 68 65 6c 6c 6f',
      read_one: '从{{format}}中读取了 {{count}} 个字节。',
      read_other: '从{{format}}中读取了 {{count}} 个字节。',
      clear: '清空',
    },
    format: {
      empty: '空白输入',
      plain: '普通十六进制',
      prefixed: '带 0x 前缀的十六进制',
      escaped: '转义字节串',
      array: '代码中的数组',
      'decimal-array': '十进制数组',
      dump: '带偏移量的转储',
    },
    hexError: {
      'too-large': '一次读取的内容太多：上限是 {{limit}} 个字符。',
      'odd-digits': '第 {{line}} 行第 {{column}} 列：“{{text}}”的十六进制位数是奇数；每个字节需要两位。',
      stray: '第 {{line}} 行第 {{column}} 列：“{{text}}”既不是十六进制数字，也不是分隔符。',
      'byte-range': '第 {{line}} 行第 {{column}} 列：{{text}} 不是字节值（0–255）。',
      'dump-offsets': '第 {{line}} 行：按偏移量这一行应有 {{expected}} 个字节，实际只有 {{found}} 个。',
      'hexdump-words':
        '第 {{line}} 行：这像是不带 -C 的 hexdump 输出，它按 2 字节一组并交换了字节顺序。请改用 hexdump -C 或 xxd。',
    },
    version: {
      legend: '解码版本',
      v4: 'MQTT 3.1.1',
      v5: 'MQTT 5.0',
      both: '并排对照',
    },
    examples: {
      legend: '示例',
      connect: 'CONNECT 连接',
      publish: 'PUBLISH，QoS 1',
      publish5: '带属性的 5.0 PUBLISH',
      subscribe: 'SUBSCRIBE 订阅',
      malformed: '畸形报文',
      stream: '两个报文',
    },
    packets: {
      legend: '本次粘贴中的报文',
      item: '报文 {{n}}',
      bytes_one: '{{count}} 字节',
      bytes_other: '{{count}} 字节',
      failed: '出错',
      skipped: '已解码 {{max}} 个报文后停止；其余 {{bytes}} 个字节未解码。',
    },
    packet: {
      columnTitle: '按 {{version}} 解码',
      notReached: '按 {{version}} 解码时在更早的报文处就停止了，没有读到这一个。',
      connectLevel: 'CONNECT 自带协议级别（{{level}}），所以无论上面选择哪个版本，它都按 {{version}} 解读。',
      unknownType: '未知报文',
    },
    parts: {
      legend: '报文的组成部分',
      unread: '未读取',
      error: '出错位置',
      missing: '缺少',
    },
    hex: {
      title: '字节',
      gridLabel: '报文的字节',
      keys: '← → 切换字节 · ↑ ↓ 切换字段',
      byteLabel: '第 {{offset}} 字节：十六进制 {{hex}}，十进制 {{dec}}。{{field}}',
      truncated: '只显示前 {{shown}} 个字节，共 {{total}} 个。',
      missingMore: '还缺 {{count}} 个',
    },
    bits: {
      title: '第 {{offset}} 字节的各个比特',
      bit: '第 {{n}} 位',
      groupLabel: '{{name}}，第 {{high}} 到 {{low}} 位：{{value}}',
      none: '这个报文没有可以展示的标志字节。',
    },
    tree: {
      title: '字段',
      label: '报文的字段，按字节顺序排列',
      field: '字段',
      value: '值',
      bytes: '字节',
      rule: '规则',
      bits: '第 {{high}}–{{low}} 位',
      bit: '第 {{n}} 位',
      truncated: '只显示前 {{shown}} 个字段，共 {{total}} 个。',
    },
    detail: {
      title: '讲解',
      hint: '把鼠标指向某个字节、比特或字段，或用键盘移到它上面，这里就会给出讲解。',
      value: '值',
      where: '位置',
      hex: '十六进制',
      decimal: '十进制',
      binary: '二进制',
      text: '按文本',
      meaning: '含义',
      rule: '规范条款',
      byte: '第 {{start}} 字节',
      range: '第 {{start}}–{{last}} 字节（共 {{count}} 个字节）',
      bitsOf: '第 {{offset}} 字节的第 {{high}}–{{low}} 位',
      bitOf: '第 {{offset}} 字节的第 {{n}} 位',
      ruleHint: 'MQTT 规范中约束这个字段的编号条款或章节。',
    },
    failure: {
      malformed: '畸形报文',
      'protocol-error': '协议错误',
      'unsupported-protocol-version': '不支持的协议版本',
      incomplete: '报文不完整',
      internal: '解码器意外出错',
      atByte: '位于第 {{offset}} 字节',
      showByte: '查看第 {{offset}} 字节',
      missing_one: '还需要 {{count}} 个字节：总共 {{total}} 个，已到达 {{have}} 个。',
      missing_other: '还需要 {{count}} 个字节：总共 {{total}} 个，已到达 {{have}} 个。',
      readBefore: '出错之前已读出的字段列在下面。',
      nothingRead: '出错之前没有读出任何字段。',
      rule: '违反的规则：',
    },
    hash: {
      damaged: '无法读取这个链接：{{reason}} 请粘贴字节或选择一个示例。',
      badHex: '其中的字节不是有效的十六进制。{{detail}}',
      badEncoding: '地址中的 % 编码不正确。',
      badVersion: '它要求的版本“{{value}}”不是 3.1.1、5.0 或并排对照。',
      tooLong: '这些字节太长，放不进链接，所以地址里没有保存它们。',
      dismiss: '关闭',
    },
  },

  field: {
    fixedHeader: {
      name: '固定报头',
      about: '每个 MQTT 报文都以它开头：1 个字节的报文类型和标志位，后面是 1～4 个字节的剩余长度。',
    },
    firstByte: {
      name: '首字节',
      about: '第 7–4 位是报文类型，第 3–0 位是标志位。只有 PUBLISH 的标志位有含义，其他类型必须填固定值。',
    },
    packetType: {
      name: '报文类型',
      about:
        '1 到 15 之间的数字，表示这是哪种控制报文（1 CONNECT、3 PUBLISH、8 SUBSCRIBE……）。0 是保留值，15（AUTH）只在 5.0 中存在。',
    },
    reservedFlags: {
      name: '标志位（固定值）',
      about:
        '除 PUBLISH 外，这 4 位都有固定取值：PUBREL、SUBSCRIBE 和 UNSUBSCRIBE 为 0010，其余为 0000。其他取值会使报文成为畸形报文。',
    },
    dup: {
      name: '重复分发标志 DUP',
      about: '1 表示这个 PUBLISH 可能是之前发送过的报文的重发。QoS 为 0 时它必须为 0。',
    },
    qos: {
      name: '服务质量 QoS',
      about: '这条消息的服务质量：0 最多一次，1 至少一次，2 只有一次。两位都为 1（即 3）是畸形报文。',
    },
    retain: {
      name: '保留标志 RETAIN',
      about: '发布者置 1，代理就会把这条消息保存为该主题的保留消息，并发给以后的订阅者。',
    },
    remainingLength: {
      name: '剩余长度',
      about: '固定报头之后还有多少个字节（可变报头加有效载荷），用 1～4 个字节的变长字节整数表示。',
    },
    varintByte: {
      name: '长度字节',
      about: '变长字节整数中的一个字节：7 位数值加 1 位延续位。',
    },
    continuation: {
      name: '延续位',
      about: '长度字节的第 7 位：1 表示这个数后面还有字节，0 表示这是最后一个字节。',
    },
    varintDigit: {
      name: '数值位',
      about:
        '第 6–0 位存放数值的 7 位：第一个字节以 1 为单位，第二个以 128 为单位，第三个以 128² 为单位，第四个以 128³ 为单位。',
    },
    variableHeader: {
      name: '可变报头',
      about: '固定报头之后的部分，内容取决于报文类型：例如主题名、报文标识符，在 5.0 中还有属性。',
    },
    payload: {
      name: '有效载荷',
      about:
        '报文的最后一部分。在 PUBLISH 中它就是应用消息本身，可以是任意字节；在 CONNECT、SUBSCRIBE、SUBACK、UNSUBSCRIBE 以及（5.0 的）UNSUBACK 中，它是由报文类型规定的列表。CONNECT 的有效载荷还可以带一条遗嘱消息，它本身也是一条应用消息。',
    },
    topic: {
      name: '主题名',
      about:
        '消息发布到的主题，是一个 UTF-8 字符串，例如 sensors/temp。各级之间用 / 分隔，这里不允许使用通配符 + 和 #。',
    },
    packetId: {
      name: '报文标识符',
      about:
        '一个非零的 16 位数字，把 QoS 1 或 2 的 PUBLISH、SUBSCRIBE 或 UNSUBSCRIBE 与它的确认报文对应起来。交互完成后即可重新使用。',
    },
    stringLength: {
      name: '字符串长度',
      about: '两个字节，高位在前：后面有多少个字节的 UTF-8 文本。',
    },
    utf8: {
      name: 'UTF-8 文本',
      about: '字符串的字符，按 UTF-8 编码。MQTT 禁止空字符和格式错误的字节序列。',
    },
    binaryLength: {
      name: '数据长度',
      about: '两个字节，高位在前：后面有多少个字节的二进制数据。',
    },
    bytes: {
      name: '数据字节',
      about: '二进制数据本身，原样传递，不做解释。',
    },
    protocolName: {
      name: '协议名',
      about: 'UTF-8 字符串“MQTT”（MQTT 3.1 使用“MQIsdp”）。服务端据此认出 MQTT 客户端。',
    },
    protocolLevel: {
      name: '协议级别',
      about: '客户端使用的协议版本：3 表示 3.1，4 表示 3.1.1，5 表示 5.0。服务端不支持时会拒绝连接。',
    },
    connectFlags: {
      name: '连接标志',
      about: '一个字节的标志位：说明有效载荷中带了哪些可选字段（遗嘱、用户名、密码），以及如何处理会话。',
    },
    usernameFlag: {
      name: '用户名标志',
      about: '1 表示有效载荷中带有用户名。',
    },
    passwordFlag: {
      name: '密码标志',
      about: '1 表示有效载荷中带有密码。在 3.1.1 中，只有用户名标志为 1 时它才能为 1。',
    },
    willRetain: {
      name: '遗嘱保留',
      about: '1 表示遗嘱消息将作为保留消息发布。没有遗嘱时必须为 0。',
    },
    willQos: {
      name: '遗嘱 QoS',
      about: '发布遗嘱消息时使用的 QoS（0、1 或 2）。没有遗嘱时必须为 0。',
    },
    willFlag: {
      name: '遗嘱标志',
      about:
        '1 表示有效载荷中带有遗嘱消息。连接没有经过 DISCONNECT 就关闭时（5.0 中原因码不是 0x00 的 DISCONNECT 之后也是如此，例如 0x04“断开并发布遗嘱”），服务端会发布它：3.1.1 中立即发布，5.0 中等遗嘱延迟间隔过后再发布；原因码为 0x00 的 DISCONNECT 会让服务端丢弃它。',
    },
    cleanSession: {
      name: '清除会话',
      about: '1：开始一个新会话，连接结束时丢弃。0：恢复已保存的会话（订阅和排队的消息），断开后继续保留，即持久会话。',
    },
    cleanStart: {
      name: '全新开始（Clean Start）',
      about: 'MQTT 5.0：1 表示丢弃已有会话并开始新会话。会话在断开后保留多久，另由会话过期间隔属性决定。',
    },
    reservedBit: {
      name: '保留位',
      about: '连接标志的第 0 位是保留位，必须为 0；服务端把 1 视为畸形报文。',
    },
    keepAlive: {
      name: '保持连接（心跳）',
      about:
        '客户端最长多少秒不发任何报文。如果 1.5 倍这个时间内没有收到任何报文，服务端就关闭连接。0 表示关闭心跳机制。',
    },
    clientId: {
      name: '客户端标识符',
      about:
        '向服务端表明客户端身份，也是它的会话的名字。如果由服务端分配，可以为空：3.1.1 中服务端可以接受空标识符，但只限清除会话 = 1，否则回复 CONNACK 0x02；5.0 中服务端会把分配的名字告诉客户端。',
    },
    willTopic: {
      name: '遗嘱主题',
      about: '遗嘱消息将发布到的主题。',
    },
    willPayload: {
      name: '遗嘱消息',
      about: '遗嘱消息的内容：这个客户端意外消失时，其他客户端会收到它。',
    },
    username: {
      name: '用户名',
      about: '服务端用它来认证客户端并决定其权限。',
    },
    password: {
      name: '密码',
      about: '与用户名配套的凭据：二进制数据，最多 65,535 个字节。不使用 TLS 时它以明文在网络上传输。',
    },
    acknowledgeFlags: {
      name: '确认标志',
      about: 'CONNACK 的标志字节：第 0 位是会话存在标志，第 7–1 位是保留位，必须为 0。',
    },
    sessionPresent: {
      name: '会话存在',
      about: '1 告诉客户端服务端仍保存着它之前连接留下的会话；0 表示没有已保存的会话。',
    },
    reservedBits: {
      name: '保留位',
      about: '规范为将来保留的位，必须为 0。',
    },
    returnCode: {
      name: '返回码',
      about:
        'MQTT 3.1.1 的应答码：在 CONNACK 中表示连接是否被接受（0）或被拒绝的原因；在 SUBACK 中表示授予的 QoS，0x80 表示失败。',
    },
    reasonCode: {
      name: '原因码',
      about: 'MQTT 5.0 中一个字节的结果：小于 0x80 表示成功，0x80 及以上表示错误。同一个值在不同报文中名称可能不同。',
    },
    willProperties: {
      name: '遗嘱属性',
      about:
        'MQTT 5.0：遗嘱消息的属性，位于 CONNECT 有效载荷中遗嘱主题之前：遗嘱延时间隔、载荷格式指示、消息过期间隔，以及遗嘱 PUBLISH 将带上的其他属性。',
    },
    properties: {
      name: '属性',
      about: 'MQTT 5.0 的可选扩展信息：先是长度，然后是若干“标识符—值”对，例如主题别名、用户属性。',
    },
    propertyLength: {
      name: '属性长度',
      about: '后面有多少个字节的属性，用变长字节整数表示。0 表示没有属性。',
    },
    propertyId: {
      name: '属性标识符',
      about: '一个字节，表示这是哪个属性；它也决定了后面的值是什么类型。',
    },
    propertyValue: {
      name: '属性值',
      about: '属性的值，类型由标识符规定：单字节、2 或 4 字节整数、变长字节整数、字符串或二进制数据。',
    },
    userPropertyKey: {
      name: '键',
      about: '用户属性的名字，是应用自行选择的 UTF-8 字符串。',
    },
    userPropertyValue: {
      name: '值',
      about: '用户属性的值，是一个 UTF-8 字符串。',
    },
    subscription: {
      name: '订阅项',
      about: '一个主题过滤器，以及订阅它时使用的选项。',
    },
    topicFilter: {
      name: '主题过滤器',
      about: '匹配主题名的模式：通配符 + 匹配恰好一级，# 匹配其后所有层级（如 sensors/+/temp、alerts/#）。',
    },
    subscriptionOptions: {
      name: '订阅选项',
      about: 'MQTT 5.0：一个字节，包含最大 QoS、No Local、Retain As Published 和保留消息处理方式；第 7–6 位保留。',
    },
    requestedQosByte: {
      name: '请求的 QoS 字节',
      about: 'MQTT 3.1.1：每个主题过滤器后面的字节。第 1–0 位是请求的最大 QoS，第 7–2 位保留。',
    },
    requestedQos: {
      name: '请求的 QoS',
      about: 'MQTT 3.1.1：客户端请求的 QoS；服务端可以授予更低的等级，并以不超过所授予等级的 QoS 发送匹配的消息。',
    },
    maximumQos: {
      name: '最大 QoS',
      about: 'MQTT 5.0：服务端向这个客户端发送与该过滤器匹配的消息时，可以使用的最高 QoS。',
    },
    noLocal: {
      name: '不接收自己的消息（No Local）',
      about: '1：不要把这个客户端自己发布的消息再发给它。',
    },
    retainAsPublished: {
      name: '保持保留标志（Retain As Published）',
      about: '1：转发消息时保留发布者设置的 RETAIN 标志；0：转发时清除它。',
    },
    retainHandling: {
      name: '保留消息处理方式（Retain Handling）',
      about: '订阅时是否发送保留消息：0 总是发送，1 仅当订阅是新建的时发送，2 不发送。',
    },
  },

  property: {
    payloadFormatIndicator: {
      name: '载荷格式指示',
      about: '0：有效载荷是未指定格式的字节；1：有效载荷是 UTF-8 文本。',
    },
    messageExpiryInterval: {
      name: '消息过期间隔',
      about: '消息在多少秒内有效；如果不能及时投递，服务端就丢弃它。',
    },
    contentType: {
      name: '内容类型',
      about: '描述有效载荷的 UTF-8 字符串，通常是 MIME 类型，例如 application/json。',
    },
    responseTopic: {
      name: '响应主题',
      about: '用于请求/响应模式：接收方应把响应发布到这个主题。',
    },
    correlationData: {
      name: '关联数据',
      about: '请求方用来把响应和请求对应起来的二进制数据。',
    },
    subscriptionIdentifiers: {
      name: '订阅标识符',
      about:
        '附加在订阅上的数字（1 到 268,435,455）；服务端在每个匹配的 PUBLISH 中带上它，客户端由此知道消息来自哪个订阅。',
    },
    sessionExpiryInterval: {
      name: '会话过期间隔',
      about: '连接关闭后服务端保留会话多少秒：0 表示立即结束，0xFFFFFFFF 表示永不过期。',
    },
    assignedClientIdentifier: {
      name: '分配的客户端标识符',
      about: '客户端以空标识符连接时，服务端为它选定的标识符。',
    },
    serverKeepAlive: {
      name: '服务端保持连接',
      about: '服务端希望客户端使用的心跳间隔，取代客户端请求的值。',
    },
    authenticationMethod: {
      name: '认证方法',
      about: '增强认证方法的名称，例如 SCRAM-SHA-1。',
    },
    authenticationData: {
      name: '认证数据',
      about: '认证方法某一步所用的二进制数据。',
    },
    requestProblemInformation: {
      name: '请求问题信息',
      about: '0 表示请服务端除 PUBLISH、CONNACK 和 DISCONNECT 之外，不要在任何报文中发送原因字符串或用户属性。',
    },
    willDelayInterval: {
      name: '遗嘱延时间隔',
      about: '连接断开后，服务端等待多少秒再发布遗嘱；在此之前重新连接就会取消发布。',
    },
    requestResponseInformation: {
      name: '请求响应信息',
      about: '1 表示请服务端在 CONNACK 中返回响应信息。',
    },
    responseInformation: {
      name: '响应信息',
      about: '客户端可用来构造响应主题的字符串，应请求在 CONNACK 中发送。',
    },
    serverReference: {
      name: '服务端参考',
      about: '客户端可以改用的另一台服务端，与原因码“使用其他服务端”或“服务端已迁移”一起发送。',
    },
    reasonString: {
      name: '原因字符串',
      about: '对原因码的可读说明，用于诊断；客户端不应解析它。',
    },
    receiveMaximum: {
      name: '接收最大值',
      about: '发出这个值的一方同时最多处理多少条 QoS 1 和 QoS 2 消息；至少为 1，缺省时为 65,535。',
    },
    topicAliasMaximum: {
      name: '主题别名最大值',
      about: '发出这个值的一方接受的最大主题别名；0 表示不接受主题别名。',
    },
    topicAlias: {
      name: '主题别名',
      about: '代表某个主题的小数字，之后的 PUBLISH 可以只发这个数字，而不必发送完整的主题名。',
    },
    maximumQoS: {
      name: '最大 QoS',
      about: '服务端支持的最高 QoS：0 或 1（没有这个属性表示支持到 2）。',
    },
    retainAvailable: {
      name: '保留消息可用',
      about: '0 表示服务端不支持保留消息。',
    },
    userProperties: {
      name: '用户属性',
      about: '由应用定义的一对 UTF-8 字符串（键和值），可以出现多次。',
    },
    maximumPacketSize: {
      name: '最大报文长度',
      about: '发出这个值的一方能接受的最大报文字节数。',
    },
    wildcardSubscriptionAvailable: {
      name: '通配符订阅可用',
      about: '0 表示服务端不支持带通配符的主题过滤器。',
    },
    subscriptionIdentifierAvailable: {
      name: '订阅标识符可用',
      about: '0 表示服务端不支持订阅标识符。',
    },
    sharedSubscriptionAvailable: {
      name: '共享订阅可用',
      about: '0 表示服务端不支持共享订阅。',
    },
  },

  reason: {
    v4: {
      connectionAccepted: { name: '连接已接受', meaning: '服务端接受了这个连接。' },
      connectionRefusedUnacceptableProtocolVersion: {
        name: '连接被拒绝：协议版本不可接受',
        meaning: '服务端不支持客户端请求的协议级别。',
      },
      connectionRefusedIdentifierRejected: {
        name: '连接被拒绝：标识符被拒绝',
        meaning: '客户端标识符是正确的 UTF-8，但服务端不允许使用。',
      },
      connectionRefusedServerUnavailable: {
        name: '连接被拒绝：服务端不可用',
        meaning: '网络连接已经建立，但 MQTT 服务不可用。',
      },
      connectionRefusedBadUserNameOrPassword: {
        name: '连接被拒绝：用户名或密码错误',
        meaning: '用户名或密码格式不正确，或不被接受。',
      },
      connectionRefusedNotAuthorized: {
        name: '连接被拒绝：未授权',
        meaning: '客户端无权连接。',
      },
      successMaximumQos0: { name: '成功，最大 QoS 0', meaning: '订阅被接受，最大 QoS 为 0。' },
      successMaximumQos1: { name: '成功，最大 QoS 1', meaning: '订阅被接受，最大 QoS 为 1。' },
      successMaximumQos2: { name: '成功，最大 QoS 2', meaning: '订阅被接受，最大 QoS 为 2。' },
      failure: { name: '失败', meaning: '订阅被拒绝。' },
    },
    v5: {
      success: { name: '成功', meaning: '操作成功。' },
      normalDisconnection: { name: '正常断开', meaning: '正常关闭连接，不发布遗嘱消息。' },
      grantedQos0: { name: '授予 QoS 0', meaning: '订阅被接受；之后发送的消息最高为 QoS 0。' },
      grantedQos1: { name: '授予 QoS 1', meaning: '订阅被接受；之后发送的消息最高为 QoS 1。' },
      grantedQos2: { name: '授予 QoS 2', meaning: '订阅被接受；消息按收到时的 QoS 发送。' },
      disconnectWithWillMessage: {
        name: '断开并发布遗嘱',
        meaning: '客户端断开连接，但希望服务端发布它的遗嘱消息。',
      },
      noMatchingSubscribers: { name: '没有匹配的订阅者', meaning: '消息已被接受，但目前没有人订阅这个主题。' },
      noSubscriptionExisted: { name: '订阅不存在', meaning: '没有这样的订阅可以取消。' },
      continueAuthentication: { name: '继续认证', meaning: '认证还要再进行一步。' },
      reAuthenticate: { name: '重新认证', meaning: '在这个连接上开始一次新的认证。' },
      unspecifiedError: { name: '未指明的错误', meaning: '操作失败，发送方不愿说明原因，或没有更合适的原因码。' },
      malformedPacket: { name: '畸形报文', meaning: '收到的报文无法按照协议规范解析。' },
      protocolError: { name: '协议错误', meaning: '收到了协议此时不允许的报文，或报文中有协议禁止的内容。' },
      implementationSpecificError: { name: '实现特定错误', meaning: '报文有效，但这个实现不接受它。' },
      unsupportedProtocolVersion: { name: '不支持的协议版本', meaning: '服务端不支持客户端请求的协议版本。' },
      clientIdentifierNotValid: { name: '客户端标识符无效', meaning: '客户端标识符格式正确，但服务端不允许使用。' },
      badUserNameOrPassword: { name: '用户名或密码错误', meaning: '服务端不接受这个用户名或密码。' },
      notAuthorized: { name: '未授权', meaning: '客户端无权执行这个操作。' },
      serverUnavailable: { name: '服务端不可用', meaning: 'MQTT 服务端当前不可用。' },
      serverBusy: { name: '服务端繁忙', meaning: '服务端繁忙，请稍后再试。' },
      banned: { name: '已被禁止', meaning: '管理员禁止了这个客户端。' },
      serverShuttingDown: { name: '服务端正在关闭', meaning: '服务端正在关闭。' },
      badAuthenticationMethod: { name: '认证方法错误', meaning: '不支持这个认证方法，或它与当前使用的方法不一致。' },
      keepAliveTimeout: { name: '保持连接超时', meaning: '在 1.5 倍保持连接时间内没有收到任何报文。' },
      sessionTakenOver: { name: '会话被接管', meaning: '另一个使用相同客户端标识符的连接接管了会话。' },
      topicFilterInvalid: { name: '主题过滤器无效', meaning: '主题过滤器格式正确，但这个服务端不接受它。' },
      topicNameInvalid: { name: '主题名无效', meaning: '主题名格式正确，但这个客户端或服务端不接受它。' },
      packetIdentifierInUse: { name: '报文标识符已被占用', meaning: '这个报文标识符正被另一次交互使用。' },
      packetIdentifierNotFound: { name: '报文标识符未找到', meaning: '没有哪次交互在等待这个报文标识符。' },
      receiveMaximumExceeded: {
        name: '超出接收最大值',
        meaning: '同时在途的 QoS 1 和 QoS 2 消息超过了接收最大值。',
      },
      topicAliasInvalid: { name: '主题别名无效', meaning: '主题别名超过了接收方公布的最大值。' },
      packetTooLarge: { name: '报文过大', meaning: '报文超过了最大报文长度。' },
      messageRateTooHigh: { name: '消息速率过高', meaning: '消息到达得太快。' },
      quotaExceeded: { name: '超出配额', meaning: '超出了实现或管理员设定的配额。' },
      administrativeAction: { name: '管理操作', meaning: '管理员关闭了这个连接。' },
      payloadFormatInvalid: { name: '载荷格式无效', meaning: '有效载荷与它的载荷格式指示不符。' },
      retainNotSupported: { name: '不支持保留消息', meaning: '服务端不支持保留消息。' },
      qosNotSupported: { name: '不支持该 QoS', meaning: 'QoS 高于服务端支持的最大值。' },
      useAnotherServer: { name: '使用其他服务端', meaning: '客户端应暂时改用另一台服务端。' },
      serverMoved: { name: '服务端已迁移', meaning: '客户端今后应改用另一台服务端。' },
      sharedSubscriptionsNotSupported: { name: '不支持共享订阅', meaning: '服务端不支持共享订阅。' },
      connectionRateExceeded: { name: '超出连接速率', meaning: '这个客户端连接得过于频繁，超出了限制。' },
      maximumConnectTime: { name: '超出最大连接时间', meaning: '这个连接持续的时间超过了服务端允许的上限。' },
      subscriptionIdentifiersNotSupported: { name: '不支持订阅标识符', meaning: '服务端不支持订阅标识符。' },
      wildcardSubscriptionsNotSupported: { name: '不支持通配符订阅', meaning: '服务端不支持通配符订阅。' },
    },
  },
};
