/**
 * Whether the lab's side panel (state, inspector, actions) is hidden, so that the diagram takes the
 * whole width — for a projector. A setting remembered across visits, like presenter mode.
 */
const STORAGE_KEY = 'mqtt-lab.side-hidden';

function initial(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

const state = $state({ hidden: initial() });

export function sideHidden(): boolean {
  return state.hidden;
}

export function setSideHidden(hidden: boolean): void {
  state.hidden = hidden;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, hidden ? '1' : '0');
  } catch {
    // not remembered, but still applied
  }
}
