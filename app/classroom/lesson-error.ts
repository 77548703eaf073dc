/**
 * Why a lesson could not show a step, in the reader's language: a lesson's run that lacks a packet
 * or a step it names says so as data (LessonRunError), worded here at render time; anything else
 * keeps its own message.
 */
import { LessonRunError } from '$lessons/run.ts';
import { t } from '../i18n/i18n.svelte.ts';

const party = (name: string) => (name === 'broker' ? t('lab.party.broker') : name);

export function lessonErrorText(error: unknown): string {
  if (error instanceof LessonRunError) {
    const { from, to } = error.params as { from?: string; to?: string };
    const route =
      from && to
        ? t('classroom.lessonError.fromTo', { from: party(from), to: party(to) })
        : from
          ? t('classroom.lessonError.from', { from: party(from) })
          : to
            ? t('classroom.lessonError.to', { to: party(to) })
            : '';
    return t(`classroom.lessonError.${error.code}`, { ...error.params, route });
  }
  return String((error as Error)?.message ?? error);
}
