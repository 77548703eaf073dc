/**
 * The lab's keyboard, for a person at a keyboard or a presenter with a clicker (which sends
 * PageUp / PageDown or the arrow keys): what a key press means, given where the focus is. Typing
 * in a text box is never taken over; a focused button keeps Space and Enter; a slider that moves by
 * arrow keys keeps them.
 */
export type Command =
  'toggle' | 'forward' | 'back' | 'home' | 'end' | 'nextStep' | 'prevStep' | 'presenter' | 'escape' | 'side';

/** Where the focus is, as far as keys are concerned. */
export type FocusKind = 'none' | 'text' | 'button' | 'slider' | 'scrubber';

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  defaultPrevented?: boolean;
  focus: FocusKind;
}

const KEYS: Record<string, Command> = {
  ' ': 'toggle',
  Spacebar: 'toggle',
  ArrowRight: 'forward',
  ArrowLeft: 'back',
  Home: 'home',
  End: 'end',
  PageDown: 'nextStep',
  PageUp: 'prevStep',
  p: 'presenter',
  P: 'presenter',
  // W: the diagram takes the whole width (the side panel hides or comes back)
  w: 'side',
  W: 'side',
  Escape: 'escape',
};

export function commandFor(press: KeyPress): Command | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.defaultPrevented) return null;
  const command = KEYS[press.key];
  if (!command) return null;
  switch (press.focus) {
    case 'text':
      return null;
    case 'button':
      return press.key === ' ' || press.key === 'Spacebar' || press.key === 'Enter' ? null : command;
    case 'slider':
      return press.key === 'ArrowLeft' || press.key === 'ArrowRight' ? null : command;
    default:
      return command;
  }
}

/** What kind of element has the focus (an element from the DOM, read by its tag and attributes). */
export function focusKind(target: EventTarget | null): FocusKind {
  if (!target || typeof (target as Element).tagName !== 'string') return 'none';
  const element = target as HTMLElement;
  if (element.isContentEditable) return 'text';
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return 'text';
  if (tag === 'input') {
    const type = ((element as HTMLInputElement).type || 'text').toLowerCase();
    if (type === 'range') return element.dataset.keys === 'scrubber' ? 'scrubber' : 'slider';
    if (['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color'].includes(type)) return 'button';
    return 'text';
  }
  if (tag === 'button' || tag === 'a' || tag === 'summary') return 'button';
  const role = element.getAttribute('role');
  if (role === 'textbox' || role === 'combobox' || role === 'spinbutton') return 'text';
  if (role === 'button' || role === 'tab' || role === 'link' || role === 'checkbox') return 'button';
  return 'none';
}
