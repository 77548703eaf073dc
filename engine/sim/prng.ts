/**
 * The simulation's only source of randomness: sfc32, a small fast generator with 128 bits of state,
 * seeded through splitmix32. Integer arithmetic only, so every platform draws the same numbers.
 * `split(name)` derives an independent generator for a subsystem (a link direction, jitter…), so
 * adding randomness in one place never shifts the numbers another place draws (TigerBeetle's habit).
 */
export interface Prng {
  /** A uniform 32-bit unsigned integer. */
  next(): number;
  /** A uniform number in [0, 1). */
  float(): number;
  /** True with probability `ratio`. Draws nothing when ratio is 0 or 1, so a perfect link costs no randomness. */
  chance(ratio: number): boolean;
  /** An independent generator for the named subsystem. */
  split(name: string): Prng;
  readonly seed: number;
}

function splitmix32(state: number): () => number {
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a of a name, to mix into a seed. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function createPrng(seed: number): Prng {
  const seeder = splitmix32(seed >>> 0);
  let a = seeder();
  let b = seeder();
  let c = seeder();
  let d = seeder();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next(); // discard the first outputs, as sfc32's author advises
  const prng: Prng = {
    seed: seed >>> 0,
    next,
    float: () => next() / 4_294_967_296,
    chance: (ratio) => (ratio <= 0 ? false : ratio >= 1 ? true : next() / 4_294_967_296 < ratio),
    split: (name) => createPrng((Math.imul(seed >>> 0, 0x9e3779b1) ^ hashName(name)) >>> 0),
  };
  return prng;
}
