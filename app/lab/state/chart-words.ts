/**
 * The words a statechart is drawn with. In English, the definitions' own names ('net.connack',
 * 'silent for keepalive'); in Chinese, their translations, with each state's own name kept beside
 * it. A name the translations do not know yet (a machine that gained a state) shows as it is.
 */
import { has, language, t } from '../../i18n/i18n.svelte.ts';
import type { ChartWords } from './statechart-layout.ts';
import type { Trigger } from './statechart.ts';

/** A definition's name as an i18n key part: 'close: no CONNACK' → 'close-no-CONNACK'. */
export const slug = (name: string): string => name.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A definition's name in the page's language. */
export function wordOf(group: 'state' | 'event' | 'delay' | 'guard' | 'action', name: string): string {
  const key = `state.chart.${group}.${slug(name)}`;
  return has(key) ? t(key) : name;
}

export function triggerText(trigger: Trigger): string {
  if (trigger.kind === 'event') return wordOf('event', trigger.event);
  if (trigger.kind === 'after') return t('state.chart.after', { delay: wordOf('delay', trigger.delay) });
  return t('state.chart.always');
}

/** A state's name in the page's language ('connected.idle' → 'connected › idle'). */
export function stateText(value: string): string {
  return value
    .split('.')
    .map((part) => wordOf('state', part))
    .join(' › ');
}

/** What a state means, in a sentence (empty if there is no explanation for it). */
export function stateAbout(machine: string, state: string): string {
  const key = `state.chart.about.${machine}.${slug(state.split('.').at(-1) ?? state)}`;
  return has(key) ? t(key) : '';
}

export function chartWords(): ChartWords {
  const zh = language() === 'zh';
  return {
    state: (state) => {
      const name = wordOf('state', state.key);
      return zh ? { name, code: state.key } : { name };
    },
    trigger: triggerText,
    guard: (guard) => wordOf('guard', guard),
    otherwise: t('state.chart.otherwise'),
    action: (action) => wordOf('action', action),
    entry: t('state.chart.entry'),
    timer: (name) => t('state.chart.timer', { name }),
  };
}
