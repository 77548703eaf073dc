/** 运行区域的中文字符串（后台计算中的运行、事件预算）。与 run.en.ts 键相同。 */
export const runZh = {
  run: {
    computing: '正在计算运行…… 已到 {{seconds}} 秒（共 {{total}} 秒），{{events}} 个事件',
    stop: '停止',
    stopHint: '停止计算：保留已算出的部分',
    stopped: '已停在 {{seconds}} 秒（{{events}} 个事件）：到此为止的内容都可以查看。',
    budget:
      '为了让页面保持响应，这次运行在 {{budget}} 个事件后停止，停在 {{seconds}} 秒。发送报文最多的是 {{busiest}}（{{sends}} 个中的 {{busiestSends}} 个）；其中 {{resends}} 个是重发，{{drops}} 个没有到达。到此为止的内容都可以查看；缩短运行或改善链路可以走得更远。',
    budgetSaid: '实验室在这里停止了运行：最多 {{budget}} 个事件。',
    following: '正在跟随计算中的末尾',
  },
};
