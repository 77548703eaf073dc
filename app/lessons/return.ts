/**
 * Leaving a lesson for free play and coming back: the lesson's address is kept for this tab, and
 * the lab offers the way back until it is taken.
 */
const KEY = 'mqtt-lab.return-to-lesson';

export interface ReturnTo {
  hash: string;
  title: string;
}

export function rememberLesson(target: ReturnTo): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(target));
  } catch {
    // storage off: the way back is the browser's back button
  }
}

export function lessonToReturnTo(): ReturnTo | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (value && typeof value === 'object' && 'hash' in value && 'title' in value) {
      const { hash, title } = value as Record<string, unknown>;
      if (
        typeof hash === 'string' &&
        // a lesson's address, with the language every address ends with
        /^#\/lessons\/[0-9a-z-]+(\/[0-9a-z-]+)?(\?lang=(zh|en))?$/.test(hash) &&
        typeof title === 'string'
      ) {
        return { hash, title: title.slice(0, 120) };
      }
    }
  } catch {
    // damaged or no storage: no way back offered
  }
  return null;
}

export function forgetLesson(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
