// A seeded pseudo-random generator (sfc32 seeded through splitmix32): the demo must be byte-identical
// for the same seed, so nothing in ingest/demo may use Math.random or the clock.

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** index chosen with the given non-negative weights */
  weighted(weights: readonly number[]): number;
  shuffle<T>(items: T[]): T[];
  /** approximately normal (mean 0, sd 1): sum of uniforms */
  normal(): number;
  /** an independent stream for a named purpose, so adding draws in one part leaves others unchanged */
  fork(label: string): Rng;
}

const hashString = (s: string, h = 0x811c9dc5): number => {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

const splitmix32 = (a: number) => () => {
  a = (a + 0x9e3779b9) | 0;
  let t = a ^ (a >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return ((t ^ (t >>> 15)) >>> 0);
};

export function createRng(seed: number | string): Rng {
  const init = splitmix32(typeof seed === 'number' ? (seed >>> 0) ^ hashString(String(seed)) : hashString(seed));
  let a = init(), b = init(), c = init(), d = init();
  const next = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => p > 0 && next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let x = next() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i] as number;
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j] as (typeof items)[number], items[i] as (typeof items)[number]];
      }
      return items;
    },
    normal: () => next() + next() + next() + next() + next() + next() - 3,
    fork: (label) => createRng(`${String(seed)}/${label}`),
  };
  return rng;
}
