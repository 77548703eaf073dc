/** Which key does what, wherever the focus is: the keys reach the lab unless a text box is being typed in. */
import { describe, expect, test } from 'vitest';
import { type FocusKind, commandFor, keyHandler } from './keys.ts';

const press = (key: string, focus: FocusKind = 'none', more = {}) => commandFor({ key, focus, ...more });

describe('keys', () => {
  test('the lab’s keys anywhere on the page', () => {
    expect(
      [' ', 'ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageDown', 'PageUp', 'p', 'P', 'Escape'].map((k) => press(k)),
    ).toEqual(['toggle', 'forward', 'back', 'home', 'end', 'nextStop', 'prevStop', 'presenter', 'presenter', 'escape']);
  });

  test('in presenter mode → and ← are a clicker’s buttons: they move between stops', () => {
    expect(press('ArrowRight', 'none', { presenting: true })).toBe('nextStop');
    expect(press('ArrowLeft', 'none', { presenting: true })).toBe('prevStop');
    expect(press('ArrowRight', 'button', { presenting: true })).toBe('nextStop');
  });

  test('never while typing, nor with a modifier, nor when something else took the key', () => {
    for (const key of [' ', 'ArrowRight', 'p', 'Home', 'PageDown', '1', 'Enter']) expect(press(key, 'text')).toBeNull();
    expect(press('ArrowRight', 'none', { ctrlKey: true })).toBeNull();
    expect(press('p', 'none', { metaKey: true })).toBeNull();
    expect(press(' ', 'none', { defaultPrevented: true })).toBeNull();
    expect(press('x')).toBeNull();
  });

  test('Escape leaves any control, a text box included', () => {
    for (const focus of ['text', 'button', 'select', 'slider', 'scrubber'] as const)
      expect(press('Escape', focus)).toBe('leave');
  });

  test('a focused select keeps the keys that choose, never PageDown, PageUp, ← or →', () => {
    expect(press('PageDown', 'select')).toBe('nextStop');
    expect(press('PageUp', 'select')).toBe('prevStop');
    expect(press('ArrowRight', 'select')).toBe('forward');
    expect(press('ArrowLeft', 'select')).toBe('back');
    for (const key of [' ', 'Enter', 'Home', 'End', 'p', '1']) expect(press(key, 'select')).toBeNull();
  });

  test('a focused button keeps Space and Enter; a slider gives up its ← → and PageDown', () => {
    expect(press(' ', 'button')).toBeNull();
    expect(press('Enter', 'button')).toBeNull();
    expect(press('ArrowRight', 'button')).toBe('forward');
    expect(press('ArrowLeft', 'slider')).toBe('back');
    expect(press('PageDown', 'slider')).toBe('nextStop');
    expect(press('ArrowRight', 'scrubber')).toBe('forward');
    expect(press(' ', 'scrubber')).toBe('toggle');
  });

  test('lessons: 1–4 pick a quiz option, Enter reveals', () => {
    expect(['1', '2', '3', '4', 'Enter'].map((k) => press(k))).toEqual([
      'option1',
      'option2',
      'option3',
      'option4',
      'reveal',
    ]);
  });
});

describe('the keydown handler every keyed page uses', () => {
  const keydown = (key: string, target: EventTarget | null = null) => {
    let prevented = false;
    const event = { key, target, defaultPrevented: false, preventDefault: () => (prevented = true) };
    return { event: event as unknown as KeyboardEvent, prevented: () => prevented };
  };

  test('hands the command on, and takes the key only when the page took the command', () => {
    const seen: string[] = [];
    const onkeydown = keyHandler((command) => {
      seen.push(command);
      return command !== 'toggle';
    });
    const down = keydown('PageDown');
    onkeydown(down.event);
    expect(down.prevented()).toBe(true);
    const space = keydown(' ');
    onkeydown(space.event);
    expect(space.prevented()).toBe(false); // not taken: Space keeps its default
    const letter = keydown('x');
    onkeydown(letter.event);
    expect(seen).toEqual(['nextStop', 'toggle']); // a key with no meaning reaches no page
    expect(letter.prevented()).toBe(false);
  });

  test('reads presenter mode at each press: → moves between stops while presenting', () => {
    let presenting = false;
    const seen: string[] = [];
    const onkeydown = keyHandler(
      (command) => (seen.push(command), true),
      () => presenting,
    );
    onkeydown(keydown('ArrowRight').event);
    presenting = true;
    onkeydown(keydown('ArrowRight').event);
    expect(seen).toEqual(['forward', 'nextStop']);
  });

  test('a text box being typed in keeps its keys', () => {
    const seen: string[] = [];
    const onkeydown = keyHandler((command) => (seen.push(command), true));
    const input = { tagName: 'INPUT', type: 'text', dataset: {}, getAttribute: () => null } as unknown as EventTarget;
    const typed = keydown('ArrowRight', input);
    onkeydown(typed.event);
    expect(seen).toEqual([]);
    expect(typed.prevented()).toBe(false);
  });
});
