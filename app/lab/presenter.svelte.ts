/**
 * Presenter mode: the lab for a class at a projector — large type, the diagram, the narration,
 * the controls and the state, nothing else. Remembered across visits; the page's root gets the
 * class `presenter` so the type grows everywhere at once.
 */
const STORAGE_KEY = 'mqtt-lab.presenter';

function initial(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

const state = $state({ on: initial() });

export function presenter(): boolean {
  return state.on;
}

export function setPresenter(on: boolean): void {
  state.on = on;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, on ? '1' : '0');
  } catch {
    // not remembered, but still on
  }
}

/** Mark the page's root while the lab shows in presenter mode (the lab calls this; off when it leaves). */
export function markRoot(on: boolean): void {
  globalThis.document?.documentElement.classList.toggle('presenter', on);
}
