/** Which lesson steps a student has seen, kept in this browser (nothing leaves the page). */
const KEY = 'mqtt-lab.progress';

type Progress = Record<string, string[]>;

function load(): Progress {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: Progress = {};
    for (const [lesson, steps] of Object.entries(parsed as Record<string, unknown>)) {
      if (/^[0-9]{2}-[a-z0-9-]+$/.test(lesson) && Array.isArray(steps))
        out[lesson] = steps.filter((s) => typeof s === 'string');
    }
    return out;
  } catch {
    return {}; // storage off or damaged: start afresh
  }
}

const state = $state<{ progress: Progress }>({ progress: load() });

export function seenSteps(lesson: string): readonly string[] {
  return state.progress[lesson] ?? [];
}

export function markSeen(lesson: string, step: string): void {
  const seen = state.progress[lesson] ?? [];
  if (seen.includes(step)) return;
  state.progress = { ...state.progress, [lesson]: [...seen, step] };
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(state.progress));
  } catch {
    // not remembered, but still shown
  }
}
