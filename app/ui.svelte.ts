/** Page-wide display settings: large text for projectors, remembered across visits. */
const STORAGE_KEY = 'mqtt-lab.large-text';

function initialLarge(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

const state = $state({ largeText: initialLarge() });

function apply(): void {
  globalThis.document?.documentElement.classList.toggle('large-text', state.largeText);
}

export function largeText(): boolean {
  return state.largeText;
}

export function setLargeText(on: boolean): void {
  state.largeText = on;
  apply();
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, on ? '1' : '0');
  } catch {
    // not remembered, but still applied
  }
}

apply();
