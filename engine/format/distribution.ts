import { z } from 'zod';
import { bareNumberProblem, durationSchema } from './duration.js';

// How long something takes, as a spread of simulated durations: written the way people give
// estimates ("15m", "between 10m and 30m", "usually 20m, one time in ten over 1h") and held in
// milliseconds. Used by response models (model.ts).

export type Distribution =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'lognormal'; median: number; p90: number }
  | { kind: 'exponential'; mean: number };

const fixed = z.strictObject({ fixed: durationSchema }).transform((d): Distribution => ({ kind: 'fixed', value: d.fixed }));
const uniform = z
  .strictObject({ uniform: z.strictObject({ min: durationSchema, max: durationSchema }) })
  .superRefine(({ uniform: u }, ctx) => {
    if (u.max < u.min) ctx.addIssue({ code: 'custom', path: ['uniform', 'max'], message: 'max must not be less than min' });
  })
  .transform((d): Distribution => ({ kind: 'uniform', ...d.uniform }));
const triangular = z
  .strictObject({ triangular: z.strictObject({ min: durationSchema, mode: durationSchema, max: durationSchema }) })
  .superRefine(({ triangular: t }, ctx) => {
    if (t.mode < t.min) ctx.addIssue({ code: 'custom', path: ['triangular', 'mode'], message: 'mode must not be less than min' });
    if (t.max < t.mode) ctx.addIssue({ code: 'custom', path: ['triangular', 'max'], message: 'max must not be less than mode' });
  })
  .transform((d): Distribution => ({ kind: 'triangular', ...d.triangular }));
const lognormal = z
  .strictObject({
    lognormal: z.strictObject({
      median: durationSchema.describe('Half of the times are shorter than this'),
      p90: durationSchema.describe('Nine times in ten it takes no longer than this'),
    }),
  })
  .superRefine(({ lognormal: l }, ctx) => {
    if (l.median <= 0) ctx.addIssue({ code: 'custom', path: ['lognormal', 'median'], message: 'the median of a lognormal must be more than 0 (write fixed: 0m for no time)' });
    else if (l.p90 < l.median) ctx.addIssue({ code: 'custom', path: ['lognormal', 'p90'], message: 'p90 must not be less than the median' });
  })
  .transform((d): Distribution => ({ kind: 'lognormal', ...d.lognormal }));
const exponential = z
  .strictObject({ exponential: z.strictObject({ mean: durationSchema }) })
  .transform((d): Distribution => ({ kind: 'exponential', mean: d.exponential.mean }));

const SPREAD_FORMS = '15m, { uniform: { min, max } }, { triangular: { min, mode, max } }, { lognormal: { median, p90 } } or { exponential: { mean } }';

/** A duration ("15m", taken as fixed) or one of fixed, uniform, triangular, lognormal (median and p90) and exponential (mean). */
export const distributionSchema = z
  .union([durationSchema.transform((value): Distribution => ({ kind: 'fixed', value })), fixed, uniform, triangular, lognormal, exponential], {
    // Said when no form fits at all (a bare number, a misspelt spread): which forms there are.
    error: (issue) => `${issue.input === undefined ? 'is required' : typeof issue.input === 'number' ? bareNumberProblem(issue.input) : 'not a duration or a spread'}: write ${SPREAD_FORMS}`,
  })
  .meta({
    // Named, so the model's JSON Schema defines it once ($defs) rather than at every field.
    id: 'spread',
    description: 'A simulated duration (15m) or a spread: { uniform: { min, max } }, { triangular: { min, mode, max } }, { lognormal: { median, p90 } }, { exponential: { mean } }',
    examples: ['10m', { lognormal: { median: '10m', p90: '30m' } }],
  });
