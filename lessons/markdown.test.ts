import { describe, expect, test } from 'vitest';
import { joinCjkLines, parseProse } from './markdown.ts';

describe('zh prose: a line break between two Chinese characters is not a space', () => {
  test('joined between CJK characters and punctuation, kept elsewhere', () => {
    expect(joinCjkLines('它就可能\n连下一个报文')).toBe('它就可能连下一个报文');
    expect(joinCjkLines('关闭连接。\n“为什么”')).toBe('关闭连接。“为什么”');
    // beside Latin text the break stays a space, as it should
    expect(joinCjkLines('传感器在\n`home/door` 上')).toBe('传感器在\n`home/door` 上');
    expect(joinCjkLines('an English\nline')).toBe('an English\nline');
    // paragraphs, headings, list items and table rows keep their lines
    expect(joinCjkLines('第一段\n\n第二段')).toBe('第一段\n\n第二段');
    expect(joinCjkLines('# 标题\n正文')).toBe('# 标题\n正文');
    expect(joinCjkLines('- 一\n- 二')).toBe('- 一\n- 二');
    expect(joinCjkLines('| 一 |\n| 二 |')).toBe('| 一 |\n| 二 |');
  });

  test('a parsed step reads as one run of text', () => {
    const prose = parseProse('# 标题\n\n## 第一步 {#one}\n\n它就可能\n连下一个报文从哪里开始都判断错。\n');
    const paragraph = prose.steps[0].tokens.find((t) => t.type === 'paragraph');
    expect(paragraph && 'text' in paragraph ? paragraph.text : '').toBe('它就可能连下一个报文从哪里开始都判断错。');
  });
});
