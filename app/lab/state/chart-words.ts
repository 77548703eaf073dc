/**
 * The words a statechart is drawn with. In English, the definitions' own names ('net.connack',
 * 'silent for keepalive'); in Chinese, their translations only (no English identifier beside them:
 * issue 9, "Words"). A name the translations do not know yet (a machine that gained a state) shows as it is.
 */
import { flowPhrase } from '../../classroom/flow-words.ts';
import { has, t } from '../../i18n/i18n.svelte.ts';
import { say } from '../phrase.ts';
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

/**
 * A timer by what it waits for ('pingTimeout' → "waiting for PINGRESP", "等待 PINGRESP"), never by
 * its name in the code: the Chinese page shows no English identifier.
 */
export function timerWord(name: string): string {
  const key = `diagram.timer.name.${name}`;
  return has(key) ? t(key) : name;
}

/** A state machine by what it is ('qos2-sender' → "QoS 2 sender", "QoS 2 发送方"). */
export function machineWord(machine: string): string {
  const key = `lab.machine.${machine}`;
  return has(key) ? t(key) : t('lab.machine.other');
}

/** A QoS flow by whose it is and its packet id ('sensor/out/1' → "sensor sending, packet id 1"). */
export function flowWord(actor: string): string {
  const flow = flowPhrase(actor);
  return flow ? say(flow, t) : actor;
}

export function chartWords(): ChartWords {
  return {
    // in English the definition's own name is the state's name; in Chinese its translation, alone
    state: (state) => ({ name: wordOf('state', state.key) }),
    trigger: triggerText,
    guard: (guard) => wordOf('guard', guard),
    otherwise: t('state.chart.otherwise'),
    action: (action) => wordOf('action', action),
    entry: t('state.chart.entry'),
    timer: (name) => t('state.chart.timer', { name: timerWord(name) }),
  };
}
