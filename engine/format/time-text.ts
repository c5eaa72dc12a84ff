// How Firedrill writes simulated time for people, in every screen and every export: one
// formatter for durations, one for moments of the session (T+), and one for the scenario's own
// date and time, in the story's time zone. (formatDuration in duration.ts writes the file
// syntax, "1h30m", for messages about what a file says.)

const UNITS = [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1_000]] as const;
/** A whole number on two digits at least (05, 12, 120): hours, minutes and seconds as clocks write them. */
export const twoDigits = (n: number): string => String(n).padStart(2, '0');

export interface TimeTextOptions {
  /** To the second (countdowns, the live clock); otherwise to the minute. */
  seconds?: boolean;
  /**
   * A countdown on a screen: its second unit on two digits and shown even at zero ("14 min 05 s",
   * "2 h 00 min"), so that it keeps its width as it ticks (durationText only).
   */
  countdown?: boolean;
}

/**
 * A duration as people read it: its two largest units, "2 h 43 min", "3 d 2 h", "45 min",
 * "4 min 30 s" (with seconds), never "2h43m", "71:00:03" or "149.96 min". Rounded to the
 * minute (or the second); a negative duration takes a minus sign.
 */
export function durationText(ms: number, options: TimeTextOptions = {}): string {
  const step = options.seconds ? 1_000 : 60_000;
  const steps = Math.round(Math.abs(ms) / step);
  if (steps === 0) return options.seconds ? '0 s' : '0 min';
  let rest = steps * step;
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    if (size < step || parts.length === 2) break;
    const count = Math.floor(rest / size);
    rest -= count * size;
    // The two largest units from the first that counts: "1 d 4 h", "2 h", not "2 h 0 min 5 s".
    if (parts.length > 0 && options.countdown) parts.push(`${twoDigits(count)} ${unit}`);
    else if (count > 0) parts.push(`${count} ${unit}`);
    else if (parts.length > 0) break;
  }
  return `${ms < 0 ? '−' : ''}${parts.join(' ')}`;
}

/**
 * A moment of the session as simulated time from T+0: "T+02:43", "T+02:43:05" with seconds,
 * "T+2d 23:00" past a day, "T-00:30" before the start.
 */
export function clockText(ms: number, options: TimeTextOptions = {}): string {
  const step = options.seconds ? 1_000 : 60_000;
  const total = Math.floor(Math.abs(ms) / step) * step;
  const days = Math.floor(total / 86_400_000);
  const hours = Math.floor(total / 3_600_000) % 24;
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = options.seconds ? `:${twoDigits(Math.floor(total / 1_000) % 60)}` : '';
  return `T${ms < 0 ? '-' : '+'}${days > 0 ? `${days}d ` : ''}${twoDigits(hours)}:${twoDigits(minutes)}${seconds}`;
}

/** The UTC offset a scenario's startsAt is written in ("+08:00"), or "Z". */
export function storyOffset(startsAt: string): string {
  return /([+-]\d\d:\d\d|Z)$/i.exec(startsAt)?.[1]?.toUpperCase() ?? 'Z';
}

/** The story's time zone as people read it: "UTC+08:00", or "UTC". */
export const storyZone = (startsAt: string): string => (storyOffset(startsAt) === 'Z' ? 'UTC' : `UTC${storyOffset(startsAt)}`);

/**
 * The scenario's own date and time at a moment of the session, in the time zone its startsAt
 * is written in (the story's local time: a Hong Kong breach reads 09:54 UTC+08:00, not 01:54 UTC):
 * "2025-10-07 09:54 UTC+08:00", with seconds when asked.
 */
export function storyTimeText(startsAt: string, ms: number, options: TimeTextOptions = {}): string {
  const offset = storyOffset(startsAt);
  const offsetMs = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  const local = new Date(Date.parse(startsAt) + ms + offsetMs).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, options.seconds ? 19 : 16)} ${storyZone(startsAt)}`;
}
