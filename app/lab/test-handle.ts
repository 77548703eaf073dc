/**
 * For browser tests: the lab on `window.__mqttLab` (and `window.__mqttLoadPreset(id)`), so a test
 * can load a preset, move the cursor or select a packet before the controls that do it exist.
 * Only when the page was opened with localStorage['mqtt-lab.test-handle'] = '1'; otherwise this
 * does nothing.
 */
import type { Lab } from './lab.svelte.ts';
import { presetById } from './presets.ts';

export function exposeForTests(lab: Lab): void {
  try {
    if (globalThis.localStorage?.getItem('mqtt-lab.test-handle') !== '1') return;
  } catch {
    return; // storage disabled: no handle
  }
  const handle = globalThis as { __mqttLab?: Lab; __mqttLoadPreset?: (id: string) => void };
  handle.__mqttLab = lab;
  handle.__mqttLoadPreset = (id) => {
    const preset = presetById(id);
    if (preset) lab.load({ scenario: preset.scenario, seed: preset.scenario.seed ?? 1, actions: [] }, id);
  };
}
