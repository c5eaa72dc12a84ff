import { z } from 'zod';
import { MAX_DURATION_MS } from './limits.js';

// Simulated durations are written the way people say them ("15m", "1h30m", "-2h", "45s", "2d")
// and held in milliseconds of simulated time.
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
const DURATION = /^(-)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Parses "1h30m" to milliseconds; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim().replace('-', '') === '') return undefined;
  const [, minus, d, h, m, s] = match;
  if (d === undefined && h === undefined && m === undefined && s === undefined) return undefined;
  const ms = Number(d ?? 0) * UNIT_MS.d + Number(h ?? 0) * UNIT_MS.h + Number(m ?? 0) * UNIT_MS.m + Number(s ?? 0) * UNIT_MS.s;
  return minus ? -ms : ms;
}

/** Formats milliseconds as "1h30m" (the inverse of parseDuration, for messages and reports). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0m';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms / 1000));
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return sign + parts.join('');
}

/** Units written out, as people type them, and the letter a duration uses for each. */
const UNIT_WORDS: [RegExp, string][] = [[/\s*\b(?:days?)\b/g, 'd'], [/\s*\b(?:hours?|hrs?)\b/g, 'h'], [/\s*\b(?:minutes?|mins?)\b/g, 'm'], [/\s*\b(?:seconds?|secs?)\b/g, 's']];

/** The duration a text not read as one most likely means ("1h30", "15 minutes", "1h 30m"), if there is one. */
export function durationMeant(text: string): string | undefined {
  let candidate = text.trim().toLowerCase();
  for (const [words, unit] of UNIT_WORDS) candidate = candidate.replace(words, unit);
  candidate = candidate.replace(/\band\b|[\s,]/g, '');
  if (/h\d{1,2}$/.test(candidate)) candidate += 'm'; // 1h30: the minutes' unit left off
  return candidate !== text && parseDuration(candidate) !== undefined ? candidate : undefined;
}

/** The text as written, escaped and shortened for a one-line message. */
const quoted = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);

/**
 * What is wrong with a bare number where a duration goes: a duration without its unit ("fixed: 30"),
 * or YAML's .nan and .inf (or a number too large, read as .inf), which no unit makes a duration.
 */
export function bareNumberProblem(value: number): string {
  if (Number.isNaN(value)) return 'NaN (.nan, not a number) is not a duration';
  if (!Number.isFinite(value)) return 'an infinite number (.inf, or one too large) is not a duration';
  return `a duration needs its unit (${value}m, ${value}h)`;
}

const durationText = (allowNegative: boolean) =>
  // A bare number ("fixed: 30") is a duration without its unit: said so, as a spread's is.
  z.string({ error: (issue) => (typeof issue.input === 'number' ? `${bareNumberProblem(issue.input)}: write it like 90s, 15m, 1h30m or 2d` : undefined) }).superRefine((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined) {
      const meant = durationMeant(text);
      ctx.addIssue({ code: 'custom', message: `${quoted(text)} is not a duration: write it like 90s, 15m, 1h30m or 2d${meant ? ` (here: ${meant})` : ''}` });
    } else if (!allowNegative && ms < 0) {
      ctx.addIssue({ code: 'custom', message: `${quoted(text)} must not be negative` });
    } else if (Math.abs(ms) > MAX_DURATION_MS) {
      ctx.addIssue({ code: 'custom', message: `${quoted(text)} is longer than ${MAX_DURATION_MS / 86_400_000} days, the longest a drill can use` });
    }
  });

/** A non-negative duration such as "15m", held as milliseconds. */
export const durationSchema = durationText(false)
  .transform((text) => parseDuration(text) as number)
  .meta({ description: 'A simulated duration: 90s, 15m, 1h30m, 2d', examples: ['15m', '1h30m'] });

/** A duration that may be negative ("-2h": two hours before the exercise starts). */
export const offsetSchema = durationText(true)
  .transform((text) => parseDuration(text) as number)
  .meta({ description: 'A simulated offset from T+0, may be negative: -2h, 30m', examples: ['-2h30m'] });
