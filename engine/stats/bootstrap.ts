import { runRandom } from './random.js';
import { median, quantile, round2, sortedValues } from './descriptive.js';

// A median with a seeded percentile-bootstrap interval, and the number of samples beside it:
// the honest way to give a figure over a handful of drills.

/** A median and its interval, with the number of samples it stands on. */
export interface MedianEstimate {
  n: number;
  median: number | null;
  /** The bootstrap percentile interval; null below two samples, where there is nothing to resample. */
  low: number | null;
  high: number | null;
  /** The interval's level, 0.95 by default. */
  confidence: number;
}

export interface BootstrapOptions {
  /** Seeds the resampling: the same samples and seed give the same interval, byte for byte. */
  seed?: number;
  resamples?: number;
  confidence?: number;
}

/** The median of the samples (NaN: never reached, left out) with a seeded percentile-bootstrap interval. */
export function bootstrapMedian(samples: ArrayLike<number>, options: BootstrapOptions = {}): MedianEstimate {
  const { seed = 1, resamples = 2000, confidence = 0.95 } = options;
  const values = sortedValues(samples);
  const n = values.length;
  const middle = median(values);
  if (n < 2) return { n, median: middle === null ? null : round2(middle), low: null, high: null, confidence };
  const medians = new Float64Array(resamples);
  const resample = new Float64Array(n);
  for (let r = 0; r < resamples; r++) {
    const uniform = runRandom(seed, r);
    for (let i = 0; i < n; i++) resample[i] = values[Math.floor(uniform() * n)]!;
    resample.sort();
    medians[r] = median(resample)!;
  }
  medians.sort();
  const tail = (1 - confidence) / 2;
  return { n, median: round2(middle!), low: round2(quantile(medians, tail)!), high: round2(quantile(medians, 1 - tail)!), confidence };
}
