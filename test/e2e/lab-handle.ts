/**
 * The type of the page's test handle (app/lab/test-handle.ts): with
 * localStorage['mqtt-lab.test-handle'] = '1' the lab is on `window.__mqttLab`.
 */
import type { Lab } from '../../app/lab/lab.svelte.ts';

declare global {
  interface Window {
    __mqttLab?: Lab;
  }
}

export const TEST_HANDLE_KEY = 'mqtt-lab.test-handle';
