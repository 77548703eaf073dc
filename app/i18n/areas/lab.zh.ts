/** 实验台部分的中文。键与 lab.en.ts 一致。 */
import type { Shape } from '../shape.ts';
import type { labEn } from './lab.en.ts';

export const labZh: Shape<typeof labEn> = {
  lab: {
    title: '实验台',

    presets: {
      'qos0-lossy': {
        title: '有损链路上的 QoS 0',
        about:
          'sensor 以 QoS 0 发布六个温度读数，而它的上行链路会丢掉大约三分之一的报文。QoS 0 即“最多一次”：没有人确认，也没有人重发，丢失的读数就这样没了——但也不会有哪一条到达两次。',
      },
      'qos1-lost-puback': {
        title: 'QoS 1：PUBACK 丢失',
        about:
          'sensor 以 QoS 1 发布“open”。代理把消息转发出去并回复 PUBACK，但 PUBACK 在返回途中丢失了。重发计时器（1 秒）到期后，sensor 再次发送这条 PUBLISH，并设置 DUP = 1（重复分发标志），于是 app 第二次收到这条消息：“至少一次”可能意味着不止一次。按计时器重发是教科书上的画法：Paho C 只有在开启时才这样做（它的 retryInterval，默认关闭），而 MQTT.js、Paho Python 和 libmosquitto 只在新连接上恢复会话时才重发。MQTT 3.1.1 只在这种情况下要求重发，MQTT 5.0 更禁止在其他任何时候重发。',
      },
      'qos2-losses': {
        title: 'QoS 2：每个阶段丢一次',
        about:
          '一条 QoS 2 的付款消息，四个步骤 PUBLISH、PUBREC、PUBREL、PUBCOMP 各丢失一个报文。每次丢失都靠使用相同报文标识符重发来弥补；代理认出重复的 PUBLISH，app 恰好收到一次（只有一次）。',
      },
      'keepalive-will': {
        title: '保持连接与遗嘱消息',
        about:
          'sensor 以 5 秒的保持连接（Keep Alive）和一条遗嘱消息（“offline”，保留消息，主题 status/sensor）连接，然后发布“online”。只要 5 秒内没有发送任何报文，它就发送 PINGREQ（心跳）。第 7 秒时它的链路被悄无声息地切断，就像拔掉了网线。代理再也收不到任何东西，在最后一个报文到达 1.5 × 5 秒后关闭连接并发布遗嘱消息：app 得知 sensor 已离线。',
      },
      retained: {
        title: '保留消息',
        about:
          '在还没有人订阅时，sensor 把“on”作为保留消息发布。之后 app 订阅时，代理立即把存下的值发给它，RETAIN = 1。新的保留消息会替换旧的，所以晚来的订阅者只得到最新的值（“off”）。空的保留消息会清除它：此后新的订阅什么也收不到。',
      },
      'persistent-session': {
        title: '持久会话与离线排队',
        about:
          'app 以清除会话（Clean Session）= 0 连接，以 QoS 2 订阅后断开。它离线期间，sensor 分别以 QoS 0、1、2 发布三个订单。代理保留 app 的会话：把 QoS 1 和 QoS 2 的消息放进队列，丢掉 QoS 0 的那条。app 回来时，CONNACK 中的会话存在标志（Session Present）= 1，随后两条排队的消息送达。',
      },
      overlapping: {
        title: '重叠订阅',
        about:
          'app 以 QoS 1 订阅 home/#，又以 QoS 2 订阅 home/+/temp。home/kitchen/temp 上的消息同时匹配两个订阅，但 app 只收到一次，按两者中较高的 QoS。home/kitchen/light 上的消息只匹配 home/#，因此代理把它从 QoS 2 降级为该订阅的最大 QoS，即 QoS 1。',
      },
      empty: {
        title: '空白实验台',
        about:
          '一个代理和两个客户端 sensor 与 app，一开始就连接。其余什么都没有安排：自己发布、订阅、改变网络、拔掉电源——还可以添加自己的客户端。',
      },
    },

    problem: {
      actionFailed: '无法完成这个操作：{{message}}',
      simulationFailed: '模拟停止了：{{message}}',
      linkDamaged: '无法打开这个链接：{{reason}}实验台已重新开始。',
      fileDamaged: '无法打开这个文件：{{reason}}',
      dismiss: '关闭',
    },

    link: {
      part: {
        s: '地址中的场景部分',
        a: '地址中的操作部分',
        file: '这个文件',
      },
      source: { link: '链接', file: '文件' },
      problem: {
        tooLong: '地址超过了 {{limit}} 个字符。',
        encoding: '地址的 % 编码不正确。',
        unknownPart: '其中有实验台不认识的部分“{{name}}”。',
        twice: '“{{name}}”部分出现了两次。',
        presetAndScenario: '它同时指定了内置场景和自带的场景。',
        noScenario: '它没有指定任何场景。',
        unknownPreset: '没有名为“{{id}}”的内置场景。',
        seed: '种子“{{value}}”不是 0 到 {{max}} 之间的整数。',
        cursor: '位置“{{value}}”不是事件编号。',
        time: '时间“{{value}}”不是范围内的毫秒数。',
        partTooLong: '{{part}}超过了 {{limit}} 个字符。',
        compression: '{{part}}无法解压：链接被截断或被改动过。',
        jsonTooLong: '{{part}}解压后超过 {{limit}} 个字符。',
        json: '{{part}}不是有效的 JSON（{{detail}}）。',
        tooManyValues: '其中的值超过 {{limit}} 个。',
        tooDeep: '嵌套超过 {{limit}} 层（位于 {{path}}）。',
        forbiddenKey: '其中含有键“{{key}}”（位于 {{path}}），实验台拒绝接受。',
        invalidScenario: '{{source}}中的场景无效：{{problem}}{{more}}',
        invalidActions: '{{source}}中的操作无效：{{problem}}{{more}}',
        more_one: '（另有 {{count}} 个问题）',
        more_other: '（另有 {{count}} 个问题）',
        at: '{{path}} 处应为{{expected}}，实际是 {{received}}。',
        atMissing: '{{path}} 处应为{{expected}}。',
        limit: '{{path}} 超出了实验台的上限 {{limit}}。',
        atLeast: '{{path}} 至少应为 {{limit}} 毫秒。',
        packet: '{{path}} 会发出编解码器拒绝的报文：{{problem}}',
        actionsNotList: '操作不是一个列表。',
        fileTooBig: '文件超过 {{limit}} 字节。',
        fileNotRun: '它既不是保存的实验记录，也不是场景（含“clients”和“steps”的 JSON）。',
        fileVersion: '它是版本“{{value}}”的实验记录文件，本实验台无法读取。',
        fileUnknownKey: '其中有实验记录文件不该有的键“{{key}}”。',
      },
      expect: {
        noKey: '不存在这个键（此处不允许）',
        present: '这个键（缺少了）',
        object: '一个对象',
        array: '一个列表',
        number: '一个数字',
        string: '文本',
        boolean: 'true 或 false',
        name: '不含空格和“/”的名称',
        unique: '未被使用过的客户端名称',
        notBroker: '“broker”以外的名称',
        brokerOrClient: '“broker”或某个客户端',
        atLeast: '至少 {{n}}',
        atMost: '至多 {{n}}',
        oneOfClients: '某个客户端（{{list}}）',
        timeOrder: '按时间顺序排列的步骤（不早于 {{n}}）',
        raw: '{{text}}',
      },
    },

    list: { separator: '，' },

    party: {
      broker: '代理',
      brokerSubject: '代理',
      client: ' {{name}} ',
    },

    machine: {
      'client-connection': '客户端连接',
      'broker-connection': '代理端连接',
      'qos1-sender': 'QoS 1 发送方',
      'qos2-sender': 'QoS 2 发送方',
      'qos2-receiver': 'QoS 2 接收方',
      other: '状态机',
    },

    timer: {
      keepalive: '保持连接',
      keepaliveGrace: '保持连接看门狗（1.5 × Keep Alive）',
      pingTimeout: '等待 PINGRESP',
      connackTimeout: '等待 CONNACK',
      retry: '重发',
      reconnect: '重连',
      willDelay: '遗嘱延迟',
      sessionExpiry: '会话过期',
      other: '未命名',
    },

    tag: {
      scenario: '场景',
      you: '你',
      send: '发送',
      arrive: '到达',
      lost: '丢失',
      deliver: '投递',
      broker: '代理',
      client: '客户端',
      timer: '计时器',
      state: '状态',
      connection: '连接',
      error: '错误',
      network: '网络',
    },

    say: {
      violation: {
        'connect-first': '连接上的第一个报文必须是 CONNECT。',
        'second-connect': '客户端在一个连接上只能发送一次 CONNECT。',
        'unexpected-packet': '客户端不能发送 {{packet}}：这种报文只能由代理发给客户端。',
      },
    },

    controls: {
      label: '播放控制',
      home: '回到开头',
      back: '后退一步',
      play: '播放',
      pause: '暂停',
      step: '前进一步',
      end: '跳到结尾',
      prevStep: '上一个停靠点（PageUp）',
      nextStep: '下一个停靠点：下一个报文、丢失、投递、定时器或步骤（PageDown）',
      time: '时间',
      timeValue: '{{now}} / {{end}}',
      timeAria: '{{now}}（共 {{end}}）',
      event: '第 {{n}} 个事件',
      eventNone: '尚无事件',
      seconds: '{{value}} 秒',
      speed: '速度',
      speedValue: '{{value}}×',
      speedAria: '实际时间的 {{value}} 倍',
      skipIdle: '跳过空闲时段',
      keysTitle: '键盘快捷键',
      keys: '按键：空格 播放/暂停 · ←/→ 单步 · Home/End · PgUp/PgDn 上一个/下一个停靠点（演示模式下 ←/→ 亦可） · P 演示模式 · Esc 离开控件',
    },

    picker: {
      label: '场景',
      choose: '场景',
      custom: '你自己的场景',
      transport: '网络模型',
      tcp: '基于 TCP 的 MQTT',
      tcpAbout: '报文按顺序到达；丢失表现为重传带来的延迟。',
      lossy: '教科书模型，并非基于 TCP 的 MQTT',
      lossyAbout: '教科书上的画法——一个教学模型，并非基于 TCP 的 MQTT：单个报文会丢失、重复或乱序。',
      version: 'MQTT {{version}}',
      seed: '种子',
      seedHelp: '相同的种子得到相同的运行过程；换一个种子就重新掷一次骰子。',
      seedError: '种子是 0 到 {{max}} 之间的整数。',
      actions_one: '你的操作 {{count}} 个',
      actions_other: '你的操作 {{count}} 个',
      clearActions: '全部撤销',
      more: '展开',
      less: '收起',
    },

    run: {
      label: '分享与保存',
      menu: '分享与保存',
      copyLink: '复制链接',
      copied: '链接已复制。',
      copyFailed: '请从地址栏复制地址。',
      tooLong: '这次运行太大，放不进链接：请改为保存成文件。',
      saveTrace: '保存轨迹',
      saveRun: '保存场景',
      open: '打开文件…',
      opened: '已打开 {{name}}。',
      presenter: '演示模式',
      presenterOff: '退出演示模式',
    },

    actions: {
      label: '动手操作',
    },

    narration: {
      label: '发生了什么',
      showAll: '显示所有事件',
      empty: '还什么都没发生。按“播放”，或按 → 前进一步。',
      now: '当前',
      rule: '规范条款',
    },

    side: {
      label: '面板',
      state: '状态',
      inspector: '报文',
    },
  },
};
