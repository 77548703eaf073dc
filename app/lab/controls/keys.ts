/**
 * The keyboard, for a person at a keyboard or a presenter with a clicker (which sends PageDown /
 * PageUp, or → / ← on some models): what a key press means, given where the focus is. The keys
 * always reach the lab or the lesson unless a text box is being typed in:
 * - typing in a text box is never taken over (Escape leaves it);
 * - a focused button, checkbox or link keeps Space and Enter (that is how it is pressed);
 * - a focused <select> keeps the keys that choose (↑ ↓, letters, Space, Enter), never PageDown,
 *   PageUp, ← or →: those move the story, never a setting;
 * - a slider keeps ↑ ↓ only; the time scrubber steps events with ← →.
 * Choosing from a select or a menu hands the keys back to the page (`releaseAfterChoice`,
 * `releaseAfterMenuChoice`).
 */
export type Command =
  | 'toggle'
  | 'forward'
  | 'back'
  | 'home'
  | 'end'
  | 'nextStop'
  | 'prevStop'
  | 'presenter'
  | 'escape'
  /** Leave the focused control, so the next keys reach the page. */
  | 'leave'
  /** Lessons: pick a quiz option (1–4), reveal the answer (Enter). */
  | 'option1'
  | 'option2'
  | 'option3'
  | 'option4'
  | 'reveal'
  /** Hide or show the side panel, for a full-width diagram. */
  | 'side';

/** Where the focus is, as far as keys are concerned. */
export type FocusKind = 'none' | 'text' | 'button' | 'select' | 'slider' | 'scrubber';

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  defaultPrevented?: boolean;
  focus: FocusKind;
  /** Presenter mode: → and ← are a clicker's buttons and move between stops. */
  presenting?: boolean;
}

const KEYS: Record<string, Command> = {
  ' ': 'toggle',
  Spacebar: 'toggle',
  ArrowRight: 'forward',
  ArrowLeft: 'back',
  Home: 'home',
  End: 'end',
  PageDown: 'nextStop',
  PageUp: 'prevStop',
  p: 'presenter',
  P: 'presenter',
  // W: the diagram takes the whole width (the side panel hides or comes back)
  w: 'side',
  W: 'side',
  Escape: 'escape',
  '1': 'option1',
  '2': 'option2',
  '3': 'option3',
  '4': 'option4',
  Enter: 'reveal',
};

/** Keys a focused <select> never keeps: they belong to the story. */
const NOT_FOR_SELECT = new Set(['PageDown', 'PageUp', 'ArrowLeft', 'ArrowRight']);

export function commandFor(press: KeyPress): Command | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.defaultPrevented) return null;
  let command = KEYS[press.key];
  if (!command) return null;
  if (command === 'escape' && press.focus !== 'none') return 'leave';
  if (press.presenting && command === 'forward') command = 'nextStop';
  if (press.presenting && command === 'back') command = 'prevStop';
  switch (press.focus) {
    case 'text':
      return null;
    case 'button':
      return press.key === ' ' || press.key === 'Spacebar' || press.key === 'Enter' ? null : command;
    case 'select':
      return NOT_FOR_SELECT.has(press.key) ? command : null;
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
  if (tag === 'textarea') return 'text';
  if (tag === 'select') return 'select';
  if (tag === 'input') {
    const type = ((element as HTMLInputElement).type || 'text').toLowerCase();
    if (type === 'range') return element.dataset.keys === 'scrubber' ? 'scrubber' : 'slider';
    if (['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color'].includes(type)) return 'button';
    return 'text';
  }
  if (tag === 'button' || tag === 'a' || tag === 'summary') return 'button';
  const role = element.getAttribute('role');
  if (role === 'textbox' || role === 'combobox' || role === 'spinbutton') return 'text';
  if (role === 'button' || role === 'tab' || role === 'link' || role === 'checkbox' || role === 'menuitem')
    return 'button';
  return 'none';
}

/**
 * The keydown handler every keyed page uses (the lab, a lesson, the comparison): it reads the press
 * — its key and modifiers, where the focus is, presenter mode — and hands the command to `handle`,
 * which says whether it took the key; a key taken loses its default (PageDown scrolls no page).
 */
export function keyHandler(
  handle: (command: Command) => boolean,
  presenting: () => boolean = () => false,
): (event: KeyboardEvent) => void {
  return (event) => {
    const command = commandFor({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      defaultPrevented: event.defaultPrevented,
      focus: focusKind(event.target),
      presenting: presenting(),
    });
    if (command && handle(command)) event.preventDefault();
  };
}

/**
 * After a choice in a <select> (the scenario picker, a QoS, a direction…), hand the keys back to
 * the page: the select is left, so the next PageDown moves the story instead of the choice.
 * Listen with it for `change` on the window.
 */
export function releaseAfterChoice(event: Event): void {
  const target = event.target as HTMLElement | null;
  if (target?.tagName?.toLowerCase() === 'select') target.blur();
}

/**
 * After a choice in a menu (an item of a <details> menu: the run menu, the list of a lesson's
 * steps), hand the keys back to the page: the item is left, so Space plays instead of choosing it
 * again. Listen with it for `click` on the window (it runs after the item's own handler).
 */
export function releaseAfterMenuChoice(event: MouseEvent): void {
  const item = (event.target as HTMLElement | null)?.closest?.('button, a, [role=menuitem]') as HTMLElement | null;
  if (item && item.tagName.toLowerCase() !== 'summary' && item.closest('details')) item.blur();
}

/** Leave whatever control has the focus (Escape). */
export function leaveControl(): void {
  const active = globalThis.document?.activeElement as HTMLElement | null | undefined;
  if (active && active !== document.body) active.blur();
}
