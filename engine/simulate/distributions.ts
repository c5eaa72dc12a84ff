import type { Distribution } from '../format/distribution.js';

// Draws from the duration spreads of a response model by inverting their distribution
// functions: one uniform number in, one duration out. So every input of a run takes exactly one
// draw whatever its spread, and two models simulated with the same seed meet the same luck
// (common random numbers: their difference is measured with less noise).

/** The 90th percentile of the standard normal distribution. */
const Z90 = 1.2815515655446004;

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** The duration (ms, unrounded) below which a share `p` of draws fall: the inverse distribution function. */
export function quantileOf(d: Distribution, p: number): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + p * (d.max - d.min);
    case 'triangular': {
      const width = d.max - d.min;
      if (width === 0) return d.min;
      const split = (d.mode - d.min) / width;
      return p < split ? d.min + Math.sqrt(p * width * (d.mode - d.min)) : d.max - Math.sqrt((1 - p) * width * (d.max - d.mode));
    }
    case 'lognormal':
      return d.p90 === d.median ? d.median : d.median * Math.exp((Math.log(d.p90 / d.median) / Z90) * normalQuantile(p));
    case 'exponential':
      return -d.mean * Math.log(1 - p);
  }
}

/** One draw, in whole simulated milliseconds (the journal's unit), from a uniform number in [0, 1). */
export const drawFrom = (d: Distribution, uniform: number): number => Math.round(quantileOf(d, uniform));

/** Whether a spread ever gives more than one value. */
export const isFixed = (d: Distribution): boolean =>
  d.kind === 'fixed' || (d.kind === 'uniform' && d.min === d.max) || (d.kind === 'triangular' && d.min === d.max) || (d.kind === 'lognormal' && d.median === d.p90) || (d.kind === 'exponential' && d.mean === 0);
