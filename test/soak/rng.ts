/** A small seeded PRNG (mulberry32), so a run's fault schedule can be replayed with --seed. */
export interface Rng {
  /** In [0, 1). */
  float(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const float = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { float, int: (min, max) => min + Math.floor(float() * (max - min + 1)) };
}
