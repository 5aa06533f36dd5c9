/**
 * A small seeded PRNG for the demo generator. Determinism is the point: the
 * same seed must give byte-identical companies on every machine and Node
 * version, so nothing here may touch Math.random, Date.now or crypto.
 */

/** mulberry32: 32-bit state, fast, good enough spread for synthetic data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Mixes a seed with a stream name so independent parts of the company do not shift each other. */
export function deriveSeed(seed: number, stream: string): number {
  // FNV-1a over the stream name, folded with the seed.
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < stream.length; i++) {
    h ^= stream.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; `weights` has one entry per item. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  shuffle<T>(items: readonly T[]): T[];
  /** A UUIDv4-shaped id (version and variant bits set) drawn from this stream. */
  uuid(): string;
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function createRng(seed: number, stream = 'main'): Rng {
  const next = mulberry32(deriveSeed(seed, stream));

  function int(min: number, max: number): number {
    return min + Math.floor(next() * (max - min + 1));
  }

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('demo rng: pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  }

  function weighted<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length === 0 || items.length !== weights.length) throw new Error('demo rng: weighted needs one weight per item');
    let total = 0;
    for (const w of weights) total += w;
    let r = next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  function shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  function uuid(): string {
    // Sixteen random bytes from four 32-bit draws, formatted through a byte table:
    // the seed makes millions of ids at benchmark scale.
    let hex = '';
    for (let word = 0; word < 4; word++) {
      const n = Math.floor(next() * 4_294_967_296);
      for (let shift = 24; shift >= 0; shift -= 8) {
        let byte = (n >>> shift) & 0xff;
        const index = word * 4 + (24 - shift) / 8;
        if (index === 6) byte = 0x40 | (byte & 0x0f); // version 4
        if (index === 8) byte = 0x80 | (byte & 0x3f); // RFC 4122 variant
        hex += BYTE_HEX[byte];
        if (index === 3 || index === 5 || index === 7 || index === 9) hex += '-';
      }
    }
    return hex;
  }

  return { next, int, chance: (p) => next() < p, pick, weighted, shuffle, uuid };
}
