import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

// Seeded randomness. Each run of a simulation (or resample of a bootstrap) has its own generator,
// a function of the seed and the run's index alone: so a run draws the same numbers whichever
// worker plays it and however many there are, and one seed always gives the same result.

/** A simulation's seed: a whole number from 0 to 2^32 - 1. */
export const MAX_SEED = 0xffff_ffff;

/** murmur3's finaliser: a bijection on 32-bit integers that sends neighbours far apart. */
function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h | 0;
}

const GOLDEN = 0x9e37_79b9;

/** Uniform draws in [0, 1) for run `run` of whatever is seeded `seed`. */
export function runRandom(seed: number, run: number): () => number {
  // Each word of xoroshiro128+'s 128-bit state is a bijection of the run index for a given seed,
  // so no two runs of a seed share a state.
  const key = fmix32(seed ^ GOLDEN);
  const words = [0, 1, 2, 3].map((k) => fmix32(key + fmix32(run + Math.imul(k + 1, GOLDEN))));
  if (!words.some((w) => w !== 0)) words[0] = 1; // the one state xoroshiro cannot leave
  const rng = xoroshiro128plusFromState(words);
  return () => uniformFloat64(rng);
}
