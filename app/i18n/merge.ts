/** Areas of strings may share a top key (`lab`, `state`): put together, they merge a level at a time. */
export type Strings = { [key: string]: string | Strings };

/** The areas' strings as one tree: nested objects merge, a later string wins (as translate.ts adds them). */
export function mergeStrings<T extends object>(...areas: object[]): T {
  const out: Strings = {};
  for (const area of areas as Strings[]) {
    for (const [key, value] of Object.entries(area)) {
      const here = out[key];
      out[key] = typeof value === 'object' && typeof here === 'object' ? mergeStrings<Strings>(here, value) : value;
    }
  }
  return out as T;
}
