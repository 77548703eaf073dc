/**
 * Reading a lesson's prose. The format, the same in en.md and zh.md:
 *
 *   # Lesson title
 *   An introduction (before the first step).
 *
 *   ## Step title {#step-id}
 *   Prose, in Markdown.
 *
 *   - [ ] {#option-id} An answer to choose, when the step has a quiz.
 *
 * Markdown is parsed by `marked` into tokens; the app renders tokens with its own components, so
 * nothing in a lesson is ever injected as HTML.
 */
import { type Token, type Tokens, lexer } from 'marked';

export interface QuizOption {
  id: string;
  tokens: Token[];
}

export interface ProseStep {
  id: string;
  title: string;
  tokens: Token[];
  options: QuizOption[];
}

export interface Prose {
  title: string;
  intro: Token[];
  steps: ProseStep[];
}

const HEADING_ID = /\s*\{#([a-z0-9-]+)\}\s*$/;
const OPTION_ID = /^\s*\{#([a-z0-9-]+)\}\s*/;

export class ProseError extends Error {}

/** Han characters, CJK punctuation, full-width forms, and the quotes, dashes and ellipsis Chinese text uses. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026]/u;

/**
 * A line break inside a paragraph is a space in HTML, and browsers show it, which is right between
 * English words and wrong between two Chinese characters (“可能 连下一个”). Lines of zh.md wrap
 * anywhere, so a break between two CJK characters is taken out before parsing — unless the line
 * before is a heading, which a line break ends.
 */
export function joinCjkLines(source: string): string {
  const lines = source.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const previous = out.length ? out[out.length - 1] : undefined;
    const joins =
      previous !== undefined && !previous.startsWith('#') && CJK.test(previous.slice(-1)) && CJK.test(line.slice(0, 1));
    if (joins) out[out.length - 1] = previous + line;
    else out.push(line);
  }
  return out.join('\n');
}

export function parseProse(source: string, where = 'lesson'): Prose {
  const tokens = lexer(joinCjkLines(source));
  let title = '';
  const intro: Token[] = [];
  const steps: ProseStep[] = [];
  for (const token of tokens) {
    if (token.type === 'heading' && token.depth === 1) {
      title = token.text;
      continue;
    }
    if (token.type === 'heading' && token.depth === 2) {
      const match = HEADING_ID.exec(token.text);
      if (!match) throw new ProseError(`${where}: step heading without {#id}: "${token.text}"`);
      steps.push({ id: match[1], title: token.text.replace(HEADING_ID, ''), tokens: [], options: [] });
      continue;
    }
    const step = steps[steps.length - 1];
    if (!step) {
      if (token.type !== 'space') intro.push(token);
      continue;
    }
    if (token.type === 'list' && (token as Tokens.List).items.every((item) => item.task)) {
      for (const item of (token as Tokens.List).items) {
        const text = item.tokens.find((t) => t.type === 'text') as Tokens.Text | undefined;
        const match = text ? OPTION_ID.exec(text.text) : null;
        if (!match) throw new ProseError(`${where}#${step.id}: quiz option without {#id}: "${item.text}"`);
        step.options.push({ id: match[1], tokens: stripOptionId(item.tokens) });
      }
      continue;
    }
    if (token.type !== 'space') step.tokens.push(token);
  }
  if (!title) throw new ProseError(`${where}: no "# title"`);
  return { title, intro, steps };
}

/** The option's tokens without the leading "{#id}" and the checkbox. */
function stripOptionId(tokens: Token[]): Token[] {
  return tokens
    .filter((t) => t.type !== 'checkbox')
    .map((t) => {
      if (t.type !== 'text') return t;
      const text = t as Tokens.Text;
      const stripped = text.text.replace(OPTION_ID, '');
      const inner = text.tokens ? lexInline(stripped) : undefined;
      return { ...text, raw: stripped, text: stripped, ...(inner ? { tokens: inner } : {}) };
    });
}

function lexInline(text: string): Token[] {
  const paragraph = lexer(text)[0] as Tokens.Paragraph | undefined;
  return paragraph?.tokens ?? [];
}
