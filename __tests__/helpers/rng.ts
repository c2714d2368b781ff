// A seeded pseudo-random generator (mulberry32) for the generated inputs of the differential tests:
// the same seed gives the same inputs on every machine, so a failure can be replayed.

/** A function returning the next unsigned 32-bit number of the sequence for `seed`. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Integers in [0, n) from `seed`. */
export function seededInts(seed: number): (n: number) => number {
  const next = mulberry32(seed);
  return n => next() % n;
}

/** Floats in [0, 1) from `seed`. */
export function seededFloats(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}
