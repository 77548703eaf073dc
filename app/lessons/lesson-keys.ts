/**
 * A lesson by keyboard or clicker: what a command (keys.ts) does to the lesson on screen. PageDown
 * and PageUp walk the stops and the steps, Space plays, 1–4 pick a quiz option and Enter reveals
 * it, P is presenter mode. A key that has nothing to do here and now is left to the page.
 */
import type { Command } from '../lab/controls/keys.ts';
import { leaveControl } from '../lab/controls/keys.ts';
import { presenter, setPresenter } from '../lab/presenter.svelte.ts';
import type { LessonDriver } from './lesson-driver.svelte.ts';

/** Do `command` in the lesson; false when it does not apply (the key stays with the page). */
export function lessonCommand(driver: LessonDriver, command: Command, options: readonly { id: string }[]): boolean {
  const lab = driver.lab;
  switch (command) {
    case 'toggle':
      lab.toggle();
      return true;
    case 'forward':
      lab.stepForward();
      return true;
    case 'back':
      lab.stepBack();
      return true;
    case 'home':
      lab.home();
      return true;
    case 'end':
      // not past a question still open: the end would answer it
      if (!driver.quizPending) lab.end();
      return true;
    case 'nextStop':
      driver.stop(1);
      return true;
    case 'prevStop':
      driver.stop(-1);
      return true;
    case 'presenter':
      setPresenter(!presenter());
      return true;
    case 'escape':
      if (!presenter()) return false;
      setPresenter(false);
      return true;
    case 'leave':
      leaveControl();
      return true;
    case 'reveal':
      if (!driver.quizPending || driver.picked === null) return false;
      driver.answer({ kind: 'choice', option: driver.picked });
      return true;
    default: {
      if (driver.step.quiz?.kind !== 'choice' || !driver.quizPending) return false;
      const option = options[Number(command.slice(-1)) - 1];
      if (option) driver.picked = option.id;
      return option !== undefined;
    }
  }
}
